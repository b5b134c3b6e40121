package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestPlaceWindow(t *testing.T) {
	hd := WindowRect{0, 0, 1920, 1080}
	laptop := WindowRect{0, 27, 1366, 741} // 1366×768 less a top panel
	tiny := WindowRect{0, 0, 1024, 600}
	second := WindowRect{1920, 0, 1280, 1024} // a second screen to the right
	cases := []struct {
		name        string
		saved, work WindowRect
		want        WindowRect
	}{
		{"first start, full HD: 1280×720 centred", WindowRect{}, hd, WindowRect{320, 180, 1280, 720}},
		{"first start, laptop: 1280×720 fits", WindowRect{}, laptop, WindowRect{43, 37, 1280, 720}},
		{"first start, small screen: the whole work area", WindowRect{}, tiny, WindowRect{0, 0, 1024, 600}},
		{"saved place kept", WindowRect{100, 50, 1500, 900}, hd, WindowRect{100, 50, 1500, 900}},
		{"saved on a larger screen: shrunk to this one", WindowRect{0, 0, 1920, 1080}, laptop, WindowRect{0, 27, 1366, 741}},
		{"saved off the right edge: moved in", WindowRect{1800, 100, 800, 600}, hd, WindowRect{1120, 100, 800, 600}},
		{"saved on an unplugged second screen: brought back", WindowRect{2100, 100, 1000, 700}, hd, WindowRect{920, 100, 1000, 700}},
		{"saved on the second screen that is there", WindowRect{2000, 100, 1000, 700}, second, WindowRect{2000, 100, 1000, 700}},
		{"saved too small: at least 640×400", WindowRect{10, 10, 200, 100}, hd, WindowRect{10, 10, 640, 400}},
		{"no work area known: the saved place", WindowRect{5, 5, 900, 600}, WindowRect{}, WindowRect{5, 5, 900, 600}},
	}
	for _, c := range cases {
		got := PlaceWindow(c.saved, c.work)
		if got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
		if !c.work.empty() && (got.W > c.work.W || got.H > c.work.H || got.X < c.work.X || got.Y < c.work.Y ||
			got.X+got.W > c.work.X+c.work.W || got.Y+got.H > c.work.Y+c.work.H) {
			t.Errorf("%s: %+v is not within the work area %+v", c.name, got, c.work)
		}
	}
}

// The window's place is kept in the preferences from one run to the next.
func TestWindowPlaceRemembered(t *testing.T) {
	prefs := OpenPrefs("")
	u, _ := newTestUI(t, 1280, 720, Options{Prefs: prefs})
	if _, ok := u.SavedWindow(); ok {
		t.Fatal("a new store has a window place")
	}
	u.SaveWindow(WindowRect{12, 34, 1500, 800})
	u2, _ := newTestUI(t, 1280, 720, Options{Prefs: prefs})
	if got, ok := u2.SavedWindow(); !ok || got != (WindowRect{12, 34, 1500, 800}) {
		t.Errorf("the next run reads %+v (%v), want {12 34 1500 800}", got, ok)
	}
}

// F11 toggles full screen; Escape leaves it, after closing the menu if it is open; a key hook
// (a presenter mode) comes first.
func TestFullScreenKeys(t *testing.T) {
	u, win := newTestUI(t, 1280, 720, Options{})
	key := func(k fyne.KeyName) { u.typedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyF11)
	if !win.FullScreen() {
		t.Fatal("F11 did not make the window full screen")
	}
	u.Menu.Open(false)
	key(fyne.KeyEscape)
	if u.Menu.IsOpen() || !win.FullScreen() {
		t.Fatalf("the first Escape should close the menu and stay full screen (menu open %v, full screen %v)", u.Menu.IsOpen(), win.FullScreen())
	}
	key(fyne.KeyEscape)
	if win.FullScreen() {
		t.Fatal("Escape did not leave full screen")
	}
	key(fyne.KeyF11)
	key(fyne.KeyF11)
	if win.FullScreen() {
		t.Fatal("a second F11 did not leave full screen")
	}
	var hooked []fyne.KeyName
	u.AddKeyHook(func(ev *fyne.KeyEvent) bool { hooked = append(hooked, ev.Name); return ev.Name == fyne.KeyF11 })
	key(fyne.KeyF11)
	if win.FullScreen() || len(hooked) != 1 {
		t.Errorf("a hook that takes F11 did not come first (full screen %v, hooked %v)", win.FullScreen(), hooked)
	}
}
