package app

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/kiosk"
	"frontline-atlas/timeline"
)

// fakeClock is the kiosk's clock in tests: it moves only when told.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) add(d time.Duration)     { c.t = c.t.Add(d) }
func (c *fakeClock) addS(seconds float64)    { c.add(time.Duration(seconds * float64(time.Second))) }
func newFakeClock() *fakeClock               { return &fakeClock{time.Date(2026, 6, 22, 9, 0, 0, 0, time.UTC)} }
func (c *fakeClock) String() string          { return c.t.Format(time.TimeOnly) }
func (c *fakeClock) since(t time.Time) int64 { return int64(c.t.Sub(t) / time.Second) }

// spyWindow records what would take the window away: Close, leaving full screen, and the
// close request the system sends (SetCloseIntercept's callback, which the test calls).
type spyWindow struct {
	fyne.Window
	closes    int
	full      bool
	intercept func()
}

func (w *spyWindow) Close()                         { w.closes++ }
func (w *spyWindow) SetFullScreen(b bool)           { w.full = b; w.Window.SetFullScreen(b) }
func (w *spyWindow) SetCloseIntercept(f func())     { w.intercept = f; w.Window.SetCloseIntercept(f) }
func (w *spyWindow) FullScreen() bool               { return w.full }
func (w *spyWindow) requestClose()                  { w.intercept() }
func (w *spyWindow) Canvas() fyne.Canvas            { return w.Window.Canvas() }
func (w *spyWindow) SetContent(o fyne.CanvasObject) { w.Window.SetContent(o) }

// spyApp records Quit and OpenURL, whoever calls them.
type spyApp struct {
	fyne.App
	quits, urls int
}

func (a *spyApp) Quit()                  { a.quits++ }
func (a *spyApp) OpenURL(*url.URL) error { a.urls++; return nil }

type kioskFixture struct {
	k     *Kiosk
	win   *spyWindow
	app   *spyApp
	clock *fakeClock
	exits int
}

// newTestKiosk makes a kiosk over the test pack (one tour of three stops) at w×h with a fake
// clock; cfg's zero fields take the defaults.
func newTestKiosk(t *testing.T, w, h float32, cfg kiosk.Config, tours []string) *kioskFixture {
	t.Helper()
	return newTestKioskMap(t, w, h, cfg, tours, false)
}

// newTestKioskMap is newTestKiosk with or without the base map and fronts. Without, the map
// draws nothing and costs nothing, but its view, places and selection work as with: the
// kiosk's tests do not need the picture (under the race detector the tiles of each stop took
// most of their time).
func newTestKioskMap(t *testing.T, w, h float32, cfg kiosk.Config, tours []string, withMap bool) *kioskFixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme("light"))
	sa := &spyApp{App: a}
	fyne.SetCurrentApp(sa)
	c := loadTestContent(t)
	d := kiosk.Defaults()
	if cfg.AttractAfter == 0 {
		cfg.AttractAfter, cfg.ResetAfter = d.AttractAfter, d.ResetAfter
	}
	if cfg.StopTime == 0 {
		cfg.StopTime = d.StopTime
	}
	if cfg.LongPress == 0 {
		cfg.LongPress = d.LongPress
	}
	if cfg.ExitChord.Key == "" {
		cfg.ExitChord = d.ExitChord
	}
	if cfg.Language == "" {
		cfg.Language = "en"
	}
	// The translations are global: give back the language the tests run in.
	before, beforeUI := activeLanguage(), uiLanguage
	t.Cleanup(func() {
		setLanguage(before)
		uiLanguage = beforeUI
	})
	f := &kioskFixture{clock: newFakeClock(), app: sa}
	f.win = &spyWindow{Window: test.NewTempWindow(t, nil)}
	f.k = NewKiosk(f.win, c.Catalog, KioskOptions{
		Config: cfg, Tours: tours, Now: f.clock.now,
		Build: func(o Options) *UI {
			o.Headless = true
			if !withMap {
				return New(c.Catalog, nil, o)
			}
			return New(c.Catalog, c.Map, o)
		},
		Quit: func() { f.exits++; sa.Quit() },
	})
	f.win.Resize(fyne.NewSize(w, h))
	t.Cleanup(f.k.Close)
	return f
}

// wait moves the fake clock on by seconds, ticking four times a second as the window does.
func (f *kioskFixture) wait(seconds float64) {
	for n := int(seconds * 4); n > 0; n-- {
		f.clock.add(kioskTickEvery)
		f.k.Tick()
	}
}

// TestKioskIdleAttractTouchReset: with a fake clock, nothing happens for 90 s; then the
// attract loop shows the tour's first stop (selection, date, caption, "Touch to explore");
// 12 s later the second stop plays its range and flies the map to its view; a touch hands the
// screen over on that stop with no history to go back through; 90 s later the loop resumes
// at the next stop, and at 3 min everything is reset.
func TestKioskIdleAttractTouchReset(t *testing.T) {
	f := newTestKiosk(t, 1280, 800, kiosk.Config{}, []string{"turning-points"})
	k := f.k
	if len(k.Playlist) != 3 {
		t.Fatalf("playlist of %d stops, want 3", len(k.Playlist))
	}
	f.wait(89.75)
	if k.Attract.Visible() || k.Machine.Mode() != kiosk.Visitor {
		t.Fatal("the attract loop started before 90 s")
	}
	f.wait(0.25)
	if !k.Attract.Visible() {
		t.Fatal("no attract loop at 90 s")
	}
	uranus := timeline.Ref{Kind: timeline.KindEvent, ID: "operation-uranus"}
	if k.UI.State.Selection() != uranus || k.UI.State.Date() != timeline.DayOf(1942, 11, 19) {
		t.Errorf("stop 1 shows %v on %v", k.UI.State.Selection(), k.UI.State.Date())
	}
	if k.Attract.Title != "Uranus" || !strings.Contains(k.Attract.Caption, "the ring closes round Stalingrad") || k.Attract.Counter != "Turning points · 1 / 3" {
		t.Errorf("attract panel: %q %q %q", k.Attract.Title, k.Attract.Caption, k.Attract.Counter)
	}
	if k.UI.State.CanGoBack() {
		t.Error("the attract loop's stops went into the history")
	}
	f.wait(12)
	kursk := k.Playlist[1]
	if k.Attract.Title != "Kursk" || k.UI.State.Selection().ID != "battle-of-kursk" {
		t.Fatalf("after 12 s: %q, %v", k.Attract.Title, k.UI.State.Selection())
	}
	// The stop's centre is in the middle of the map above the caption's panel.
	v := k.UI.Map.View()
	covered := attractCover(k)
	lon, lat := v.FromScreen(float64(v.W)/2, (float64(v.H)-covered)/2)
	if math.Abs(lon-36.2) > 0.05 || math.Abs(lat-51.7) > 0.05 {
		t.Errorf("the map shows %.2f, %.2f in the middle above the panel, not the stop's 36.2, 51.7", lon, lat)
	}
	// Framed as presenter mode frames it (UI.ApplyStop): the stop's zoom fits the part of the
	// map above the panel.
	if want := kursk.View.MetresPerPixel(float64(v.W), float64(v.H)-covered); math.Abs(v.Scale/want-1) > 0.01 {
		t.Errorf("the map's scale is %.0f m/px, the stop's above the panel %.0f", v.Scale, want)
	}
	if pv := stopViewIn(k.UI.Map.session, kursk, covered); math.Abs(pv.CX-v.CX) > 2*v.Scale || math.Abs(pv.CY-v.CY) > 2*v.Scale || math.Abs(pv.Scale/v.Scale-1) > 0.005 {
		t.Errorf("the kiosk shows the stop at %.0f, %.0f, %.0f m/px; presenter mode would at %.0f, %.0f, %.0f m/px", v.CX, v.CY, v.Scale, pv.CX, pv.CY, pv.Scale)
	}
	f.wait(kursk.Play.Seconds() / 2)
	if d := k.UI.State.Date(); d <= kursk.First || d >= kursk.Last {
		t.Errorf("half-way through playing the stop the date is %v, not between %v and %v", d, kursk.First, kursk.Last)
	}
	// A touch anywhere: the visitor has the stop shown.
	test.Tap(k.Attract)
	if k.Attract.Visible() || k.Machine.Mode() != kiosk.Visitor {
		t.Fatal("a touch did not hand the screen over")
	}
	if k.UI.State.Selection().ID != "battle-of-kursk" || k.UI.State.CanGoBack() || !k.UI.BackB.Disabled() {
		t.Errorf("after the handover: %v, back %v", k.UI.State.Selection(), k.UI.State.CanGoBack())
	}
	// The visitor walks away: 90 s later the loop resumes at the next stop.
	f.wait(90)
	if !k.Attract.Visible() || k.Attract.Title != "Berlin" {
		t.Fatalf("the loop resumed on %q (visible %v), want Berlin", k.Attract.Title, k.Attract.Visible())
	}
	f.wait(90)
	if k.Machine.Mode() != kiosk.Attract || !k.Attract.Visible() {
		t.Error("the reset ended the attract loop")
	}
}

// TestKioskResetsEverything: a visitor selects, goes back and forth, filters, searches,
// switches to Russian, zooms the map and the timeline and enlarges the text; three minutes
// after the last touch everything is as the kiosk started: the configured language, nothing
// selected, no history, no filter, no search, the home date, the map and the timeline as they
// opened, the text at 100 %. A touch at 2 min 59 s puts the reset off.
func TestKioskResetsEverything(t *testing.T) {
	f := newTestKiosk(t, 1280, 800, kiosk.Config{}, nil)
	k := f.k
	homeView, homeScale := k.UI.Map.View(), k.UI.Timeline.Scale()
	titleEN := lang.L("Frontline Atlas")
	visit := func() {
		u := k.UI
		u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: "battle-of-kursk"})
		u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: "operation-uranus"})
		u.State.Back()
		u.State.SetLaneShown(k.cat.Lanes()[0].ID, false)
		u.Map.ZoomAbout(2, fyne.NewPos(200, 200))
		u.Timeline.ZoomAbout(3, 300)
		u.Settings.LargerText()
		test.Tap(k.LangB)
		k.UI.Search.SetText("kursk")
	}
	visit()
	if k.Language() != "ru" || lang.L("Frontline Atlas") == titleEN {
		t.Fatalf("the language switch did not switch: %q, %q", k.Language(), lang.L("Frontline Atlas"))
	}
	if k.UI.State.Selection().ID != "battle-of-kursk" {
		t.Errorf("the language switch lost the selection: %v", k.UI.State.Selection())
	}
	f.wait(179)
	test.Tap(k.ExitArea) // a touch at 2 min 59 s
	f.wait(179)
	if k.Language() != "ru" {
		t.Fatal("reset before 3 min without a touch")
	}
	f.wait(1)
	u := k.UI
	if k.Language() != "en" || lang.L("Frontline Atlas") != titleEN {
		t.Errorf("language after the reset: %q", k.Language())
	}
	if u.State.Selection() != (timeline.Ref{}) || u.State.CanGoBack() || u.State.CanGoForward() {
		t.Errorf("selection %v, back %v, forward %v after the reset", u.State.Selection(), u.State.CanGoBack(), u.State.CanGoForward())
	}
	if fl := u.State.Filter(); len(fl.HiddenLanes)+len(fl.HiddenTheatres) != 0 || u.Search.Text != "" || u.State.Date() != DefaultDate {
		t.Errorf("filter %v, search %q, date %v after the reset", fl, u.Search.Text, u.State.Date())
	}
	// The same again without a language switch: the reset keeps the UI and resets it in place.
	visit()
	test.Tap(k.LangB) // back to English: the reset below is in place
	f.wait(180)
	u = k.UI
	if u.State.Selection() != (timeline.Ref{}) || u.State.CanGoBack() || u.Search.Text != "" || len(u.State.Filter().HiddenLanes) != 0 {
		t.Errorf("in-place reset: selection %v, back %v, search %q, filter %v", u.State.Selection(), u.State.CanGoBack(), u.Search.Text, u.State.Filter())
	}
	if v := u.Map.View(); math.Abs(v.Scale/homeView.Scale-1) > 1e-6 || v.CX != homeView.CX || v.CY != homeView.CY {
		t.Errorf("map view %.0f m/px at %.0f, %.0f after the reset; it opened at %.0f m/px at %.0f, %.0f", v.Scale, v.CX, v.CY, homeView.Scale, homeView.CX, homeView.CY)
	}
	if s := u.Timeline.Scale(); s.Start() != homeScale.Start() || s.End() != homeScale.End() {
		t.Errorf("timeline shows %.0f–%.0f after the reset; it opened on %.0f–%.0f", s.Start(), s.End(), homeScale.Start(), homeScale.End())
	}
	if u.Settings.TextPercent() != 100 {
		t.Errorf("text size %d %% after the reset", u.Settings.TextPercent())
	}
}

// TestKioskResetsToTheConfiguredLanguage: an exhibit set to Russian starts in Russian, a
// visitor may switch to English, and the reset brings Russian back.
func TestKioskResetsToTheConfiguredLanguage(t *testing.T) {
	f := newTestKiosk(t, 1280, 800, kiosk.Config{Language: "ru"}, []string{"turning-points"})
	k := f.k
	ru := probeIn("ru")
	if lang.L(languageProbe) != ru || k.LangB.Text != "English" {
		t.Fatalf("a Russian kiosk starts with %q and a %q button", lang.L(languageProbe), k.LangB.Text)
	}
	f.wait(90)
	if !strings.Contains(k.Attract.Caption, "кольцо вокруг Сталинграда") {
		t.Errorf("the caption is not in Russian: %q", k.Attract.Caption)
	}
	test.Tap(k.Attract)
	k.UI.Map.Pan(fyne.NewDelta(100, 50))
	before := k.UI.Map.View()
	sel := k.UI.State.Selection()
	test.Tap(k.LangB)
	if lang.L(languageProbe) == ru || k.LangB.Text != "Русский" || k.Language() != "en" {
		t.Fatalf("after the switch: %q, button %q", lang.L(languageProbe), k.LangB.Text)
	}
	if after := k.UI.Map.View(); math.Abs(after.CX-before.CX) > 1 || math.Abs(after.CY-before.CY) > 1 || math.Abs(after.Scale/before.Scale-1) > 1e-6 {
		t.Errorf("the language switch moved the map from %.0f, %.0f at %.0f m/px to %.0f, %.0f at %.0f m/px",
			before.CX, before.CY, before.Scale, after.CX, after.CY, after.Scale)
	}
	if k.UI.State.Selection() != sel {
		t.Errorf("the language switch changed the selection from %v to %v", sel, k.UI.State.Selection())
	}
	f.wait(180)
	if lang.L(languageProbe) != ru || k.Language() != "ru" {
		t.Errorf("after the reset the interface says %q", lang.L(languageProbe))
	}
}

// TestKioskLeavesByChordOrPIN: the exit chord leaves at once; a long press on the title
// shorter than 5 s does nothing; 5 s opens the keypad; a wrong PIN says so, three lock the
// pad for a minute (the right PIN is refused meanwhile), and the right one leaves.
func TestKioskLeavesByChordOrPIN(t *testing.T) {
	t.Run("chord", func(t *testing.T) {
		f := newTestKiosk(t, 1280, 800, kiosk.Config{}, nil)
		c := f.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
		c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt})
		if f.exits != 0 {
			t.Fatal("Ctrl+Alt+Q left kiosk mode")
		}
		c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt | fyne.KeyModifierShift})
		if f.exits != 1 || !f.k.Exited() {
			t.Fatal("Ctrl+Alt+Shift+Q did not leave kiosk mode")
		}
		// With the search field focused, it passes the chord on.
		g := newTestKiosk(t, 1280, 800, kiosk.Config{ExitChord: kiosk.Chord{Mods: kiosk.ModCtrl | kiosk.ModShift, Key: "F12"}}, nil)
		g.win.Canvas().Focus(g.k.UI.Search)
		g.k.UI.Search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF12, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
		if g.exits != 1 {
			t.Error("the configured chord typed in the search field did not leave")
		}
	})
	t.Run("PIN", func(t *testing.T) {
		f := newTestKiosk(t, 1280, 800, kiosk.Config{ExitPIN: "2718"}, nil)
		k := f.k
		press := func(hold float64) {
			k.ExitArea.MouseDown(&desktop.MouseEvent{})
			f.wait(hold)
			k.ExitArea.MouseUp(&desktop.MouseEvent{})
		}
		press(4.75)
		if k.PINPad != nil {
			t.Fatal("the keypad opened after a 4.75 s press")
		}
		k.ExitArea.MouseDown(&desktop.MouseEvent{})
		f.wait(5)
		if k.PINPad == nil || !k.PINPad.IsOpen() {
			t.Fatal("no keypad after a 5 s press")
		}
		k.ExitArea.MouseUp(&desktop.MouseEvent{})
		typePIN := func(pin string) {
			for _, r := range pin {
				test.Tap(k.PINPad.Digits[r-'0'])
			}
			test.Tap(k.PINPad.OK)
		}
		typePIN("1234")
		if f.exits != 0 || k.PINPad.Note.Text != "Wrong PIN" || k.PINPad.typed != "" {
			t.Fatalf("a wrong PIN: exits %d, note %q", f.exits, k.PINPad.Note.Text)
		}
		typePIN("0000")
		typePIN("27")
		if !strings.Contains(k.PINPad.Note.Text, "try again in 60 s") {
			t.Fatalf("three wrong PINs: %q", k.PINPad.Note.Text)
		}
		f.wait(20)
		typePIN("2718")
		if f.exits != 0 || !strings.Contains(k.PINPad.Note.Text, "try again in 40 s") {
			t.Fatalf("the right PIN during the lockout: exits %d, %q", f.exits, k.PINPad.Note.Text)
		}
		f.wait(29.75) // the pad is still open: each key was a touch
		if !k.PINPad.IsOpen() {
			t.Fatal("the keypad closed while in use")
		}
		f.wait(15)
		typePIN("2718")
		if f.exits != 1 {
			t.Fatalf("the right PIN after the lockout did not leave: %q", k.PINPad.Note.Text)
		}
	})
	t.Run("keypad left alone", func(t *testing.T) {
		f := newTestKiosk(t, 1280, 800, kiosk.Config{ExitPIN: "2718"}, nil)
		f.k.ExitArea.MouseDown(&desktop.MouseEvent{})
		f.wait(5)
		f.k.ExitArea.MouseUp(&desktop.MouseEvent{})
		test.Tap(f.k.PINPad.Digits[2])
		f.wait(30.5)
		if f.k.PINPad.IsOpen() {
			t.Error("the keypad stays open 30 s after its last key")
		}
	})
	t.Run("no PIN set", func(t *testing.T) {
		f := newTestKiosk(t, 1280, 800, kiosk.Config{}, nil)
		f.k.ExitArea.MouseDown(&desktop.MouseEvent{})
		f.wait(10)
		if f.k.PINPad != nil {
			t.Error("a keypad opened with no PIN set")
		}
	})
}

// TestKioskOnScreenKeyboard: tapping the search field opens the keyboard and gives the field
// the focus; its keys type in Latin and Cyrillic, erase and clear; results appear; Done
// closes it; the field losing the focus closes it too.
func TestKioskOnScreenKeyboard(t *testing.T) {
	f := newTestKiosk(t, 1280, 800, kiosk.Config{}, nil)
	k := f.k
	opener := k.UI.searchSlot.Objects[len(k.UI.searchSlot.Objects)-1].(*tapArea)
	test.Tap(opener)
	if !k.Keyboard.Visible() || f.win.Canvas().Focused() != k.UI.Search {
		t.Fatal("tapping the search field did not open the keyboard with the field focused")
	}
	k.Keyboard.Type("kursx")
	test.Tap(k.Keyboard.Keys["backspace"])
	k.Keyboard.Type("k")
	if k.UI.Search.Text != "kursk" || len(k.UI.Search.Results()) == 0 || !k.UI.Search.Open() {
		t.Fatalf("typed %q, %d results, card open %v", k.UI.Search.Text, len(k.UI.Search.Results()), k.UI.Search.Open())
	}
	test.Tap(k.Keyboard.Keys["Clear"])
	test.Tap(k.Keyboard.Keys["layout"])
	if !k.Keyboard.Cyrillic || k.Keyboard.Keys["Ж"] == nil || k.Keyboard.Keys["layout"].Label != "ABC" {
		t.Fatal("the layout key did not switch to Cyrillic")
	}
	k.Keyboard.Type("сталинград")
	if k.UI.Search.Text != "сталинград" {
		t.Errorf("typed %q in Cyrillic", k.UI.Search.Text)
	}
	f.wait(1)
	if !k.Keyboard.Visible() {
		t.Fatalf("the keyboard closed while the field has the focus (focused: %T)", f.win.Canvas().Focused())
	}
	test.Tap(k.Keyboard.Keys["Done"])
	if k.Keyboard.Visible() {
		t.Error("Done did not close the keyboard")
	}
	test.Tap(opener)
	f.win.Canvas().Unfocus()
	f.wait(0.25)
	if k.Keyboard.Visible() {
		t.Error("the keyboard stays after the field lost the focus")
	}
	// Every key is at least 64 px square and fits the window, at 1280 and at 1920 wide.
	for _, w := range []float32{1280, 1920} {
		kw, kh := k.Keyboard.keySize(w)
		if kw < 64 || kh < 64 || 11*(kw+6) > w {
			t.Errorf("at %v px: keys %v × %v", w, kw, kh)
		}
	}
}

// allKeys are the keys the test presses: every key Fyne names.
var allKeys = func() []fyne.KeyName {
	ks := []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyTab, fyne.KeyBackspace, fyne.KeyInsert, fyne.KeyDelete,
		fyne.KeyRight, fyne.KeyLeft, fyne.KeyDown, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyHome, fyne.KeyEnd,
		fyne.KeyEnter, fyne.KeySpace, fyne.KeyApostrophe, fyne.KeyComma, fyne.KeyMinus, fyne.KeyPeriod, fyne.KeySlash,
		fyne.KeyBackslash, fyne.KeyLeftBracket, fyne.KeyRightBracket, fyne.KeySemicolon, fyne.KeyEqual, fyne.KeyAsterisk,
		fyne.KeyPlus, fyne.KeyBackTick, fyne.KeyUnknown, desktop.KeyAltLeft, desktop.KeyAltRight, desktop.KeySuperLeft,
		desktop.KeyMenu, desktop.KeyPrintScreen, desktop.KeyCapsLock}
	for i := 1; i <= 20; i++ {
		ks = append(ks, fyne.KeyName("F"+strconv.Itoa(i)))
	}
	for r := 'A'; r <= 'Z'; r++ {
		ks = append(ks, fyne.KeyName(string(r)))
	}
	for r := '0'; r <= '9'; r++ {
		ks = append(ks, fyne.KeyName(string(r)))
	}
	return ks
}()

// visibleObjects lists every visible object under o, widgets' insides included.
func visibleObjects(o fyne.CanvasObject, out []fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return out
	}
	out = append(out, o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = visibleObjects(c, out)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = visibleObjects(c, out)
		}
	}
	return out
}

// TestKioskNothingQuits tries every way out a visitor might find: every button and tappable
// thing on screen (three rounds, so that what one tap opens is tapped too, and once more with
// the attract loop showing and with the keyboard open), every key with every combination of
// Shift, Ctrl, Alt and Super, typed to the window and to the focused search field, Fyne's
// standard shortcuts, and the system's close request. None of them closes the window, leaves
// full screen, quits the app, opens a browser, a second window, the ☰ menu or the settings;
// then the exit chord does leave.
func TestKioskNothingQuits(t *testing.T) {
	f := newTestKiosk(t, 1280, 800, kiosk.Config{ExitPIN: "2718"}, []string{"turning-points"})
	k := f.k
	a := fyne.CurrentApp()
	windows := len(a.Driver().AllWindows())
	check := func(stage string) {
		t.Helper()
		if f.exits != 0 || f.app.quits != 0 || f.win.closes != 0 || !f.win.FullScreen() || f.app.urls != 0 {
			t.Fatalf("%s: exits %d, quits %d, closes %d, full screen %v, browser %d", stage, f.exits, f.app.quits, f.win.closes, f.win.FullScreen(), f.app.urls)
		}
		if n := len(a.Driver().AllWindows()); n != windows {
			t.Fatalf("%s: %d windows, was %d", stage, n, windows)
		}
		if k.UI.Menu.IsOpen() || k.UI.SettingsPanel.IsOpen() || k.UI.Menu.Button.Visible() {
			t.Fatalf("%s: the ☰ menu or the settings are reachable", stage)
		}
		if f.win.Content() != k.UI.Content() {
			t.Fatalf("%s: the window shows something else", stage)
		}
	}
	f.win.requestClose()
	check("the close request")
	tapped := 0
	tapAll := func(stage string) {
		for round := range 3 {
			objs := visibleObjects(f.win.Canvas().Content(), nil)
			for _, ov := range f.win.Canvas().Overlays().List() {
				objs = visibleObjects(ov, objs)
			}
			for _, o := range objs {
				if !o.Visible() {
					continue
				}
				if b, ok := o.(*widget.Button); ok && b.Disabled() {
					continue
				}
				if tp, ok := o.(fyne.Tappable); ok {
					test.Tap(tp)
					tapped++
				}
				if tp, ok := o.(fyne.SecondaryTappable); ok {
					tp.TappedSecondary(&fyne.PointEvent{})
				}
				if tp, ok := o.(fyne.DoubleTappable); ok {
					tp.DoubleTapped(&fyne.PointEvent{})
				}
				if m, ok := o.(desktop.Mouseable); ok {
					m.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonSecondary})
					m.MouseUp(&desktop.MouseEvent{Button: desktop.MouseButtonSecondary})
				}
				check(stage + ": tapping " + typeName(o) + " in round " + strconv.Itoa(round+1))
			}
			uiLoop.run()
		}
	}
	tapAll("visitor")
	f.wait(91)
	if !k.Attract.Visible() {
		t.Fatal("no attract loop")
	}
	tapAll("attract")
	test.Tap(k.UI.searchSlot.Objects[len(k.UI.searchSlot.Objects)-1].(*tapArea))
	tapAll("keyboard")

	mods := []fyne.KeyModifier{fyne.KeyModifierShift, fyne.KeyModifierControl, fyne.KeyModifierAlt, fyne.KeyModifierSuper}
	chord := k.Config.ExitChord
	presses := 0
	for _, focused := range []bool{false, true} {
		for _, key := range allKeys {
			for m := range 16 {
				var mod fyne.KeyModifier
				for i, b := range mods {
					if m&(1<<i) != 0 {
						mod |= b
					}
				}
				if chord.Matches(string(key), int(mod)) {
					continue
				}
				c := f.win.Canvas()
				if focused {
					c.Focus(k.UI.Search)
				} else {
					c.Unfocus()
				}
				ev := &fyne.KeyEvent{Name: key}
				sc := &desktop.CustomShortcut{KeyName: key, Modifier: mod}
				if focused {
					k.UI.Search.TypedShortcut(sc)
					k.UI.Search.TypedKey(ev)
				} else {
					c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(sc)
					if mod&^fyne.KeyModifierShift == 0 {
						c.OnTypedKey()(ev)
					}
				}
				presses++
				check("key " + string(key) + " with modifiers " + strconv.Itoa(int(mod)))
			}
		}
		for _, sc := range []fyne.Shortcut{&fyne.ShortcutCopy{Clipboard: f.win.Clipboard()}, &fyne.ShortcutPaste{Clipboard: f.win.Clipboard()},
			&fyne.ShortcutCut{Clipboard: f.win.Clipboard()}, &fyne.ShortcutSelectAll{}, &fyne.ShortcutUndo{}, &fyne.ShortcutRedo{}} {
			f.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(sc)
			k.UI.Search.TypedShortcut(sc)
			check("shortcut " + sc.ShortcutName())
		}
	}
	f.win.requestClose()
	check("the close request at the end")
	if tapped < 150 || presses < 2500 {
		t.Fatalf("only %d taps and %d key presses: is the walk broken?", tapped, presses)
	}
	t.Logf("%d taps, %d key presses: no way out", tapped, presses)
	f.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt | fyne.KeyModifierShift})
	if f.exits != 1 {
		t.Error("the exit chord did not leave after all that")
	}
}

func typeName(o fyne.CanvasObject) string { return fmt.Sprintf("%T", o) }

// TestKioskLayout: at 1920 × 1080 and 1280 × 720 the keyboard lies along the bottom of the
// window, its full width, and every key is on it and at least 48 px square.
func TestKioskLayout(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}} {
		f := newTestKiosk(t, size.Width, size.Height, kiosk.Config{}, []string{"turning-points"})
		fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
		k := f.k
		f.wait(90)
		test.Tap(k.Attract)
		test.Tap(k.UI.searchSlot.Objects[len(k.UI.searchSlot.Objects)-1].(*tapArea))
		kb, win := k.Keyboard, k.UI.Content().Size()
		if kb.Position().Y+kb.Size().Height != win.Height || kb.Size().Width != win.Width || kb.Size().Height > win.Height*0.55 {
			t.Errorf("%v: the keyboard lies at %v, %v", size, kb.Position(), kb.Size())
		}
		for label, c := range kb.Keys {
			p, s := c.Position(), c.Size()
			if p.X < 0 || p.Y < 0 || p.X+s.Width > kb.Size().Width || p.Y+s.Height > kb.Size().Height || s.Width < 48 || s.Height < 48 {
				t.Errorf("%v: key %q at %v size %v", size, label, p, s)
			}
		}
	}
}

// attractCover is how much of the map's height, from its bottom edge, the attract panel as
// drawn hides (0 when the panel is below the map).
func attractCover(k *Kiosk) float64 {
	r := test.WidgetRenderer(k.Attract).(*attractRenderer)
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(k.Attract).Y + r.panel.Position().Y
	bottom := d.AbsolutePositionForObject(k.UI.Map).Y + k.UI.Map.Size().Height
	return max(0, float64(bottom-top))
}

// TestKioskStopsShowAboveThePanel: at 1920×1080 and on the small screens a kiosk may have
// (1280×720, 1024×600), every stop of the attract loop is framed where the caption's panel
// does not hide it: the stop's places (or its centre) lie in the part of the map above the
// panel, the panel leaves at least 40 % of the map free (at 720 px and less it moves down over
// the timeline rather than hide the map), and it stays inside the window.
func TestKioskStopsShowAboveThePanel(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}, {Width: 1024, Height: 600}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			f := newTestKiosk(t, size.Width, size.Height, kiosk.Config{}, []string{"turning-points"})
			k := f.k
			f.wait(90)
			seen := map[int]bool{}
			for range 200 {
				st := k.current
				if !seen[st.Index] {
					seen[st.Index] = true
					checkStopAbovePanel(t, k, st, size)
				}
				if len(seen) == len(k.Playlist) {
					break
				}
				f.wait(0.25)
			}
			if len(seen) != len(k.Playlist) {
				t.Errorf("the loop showed %d of %d stops", len(seen), len(k.Playlist))
			}
		})
	}
}

func checkStopAbovePanel(t *testing.T, k *Kiosk, st timeline.StopState, win fyne.Size) {
	t.Helper()
	v := k.UI.Map.View()
	cover := attractCover(k)
	free := float64(v.H) - cover
	if free < 0.4*float64(v.H) {
		t.Errorf("stop %d: the panel hides %.0f of the map's %d px", st.Index+1, cover, v.H)
	}
	r := test.WidgetRenderer(k.Attract).(*attractRenderer)
	if p, s := r.panel.Position(), r.panel.Size(); p.Y < 0 || p.Y+s.Height > win.Height+0.5 || p.X < 0 || p.X+s.Width > win.Width+0.5 {
		t.Errorf("stop %d: the panel at %v, %v leaves the %v window", st.Index+1, p, s, win)
	}
	pts := [][2]float64{{st.View.Lon, st.View.Lat}}
	if st.View.Fit {
		b := st.View.Places
		pts = [][2]float64{{b.Min[0], b.Min[1]}, {b.Max[0], b.Max[1]}, {b.Min[0], b.Max[1]}, {b.Max[0], b.Min[1]}}
	}
	for _, p := range pts {
		x, y := v.ToScreen(p[0], p[1])
		if x < 0 || x > float64(v.W) || y < 0 || y > free {
			t.Errorf("stop %d (%s): %.2f, %.2f is at %.0f, %.0f on the %d×%d map, not in the %.0f px above the panel",
				st.Index+1, st.Title.In("en"), p[0], p[1], x, y, v.W, v.H, free)
		}
	}
}
