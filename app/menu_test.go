package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Features add their commands to the ☰ menu above Settings and About, in the order added;
// tapping one closes the menu and runs it.
func TestAddMenuItem(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	var ran []string
	before := u.Menu.Labels() // the entries the window's features add (tours), then Settings and About
	u.AddMenuItem("Save picture…", theme.DocumentSaveIcon(), func() { ran = append(ran, "save") })
	u.AddMenuItem("Present", nil, func() { ran = append(ran, "present") })
	want := append(slices.Clone(before[:len(before)-2]), "Save picture…", "Present", menuSettingsLabel(), menuAboutLabel())
	if got := u.Menu.Labels(); !slices.Equal(got, want) {
		t.Fatalf("menu entries %q, want %q", got, want)
	}
	if u.Menu.IsOpen() {
		t.Fatal("the menu is open before ☰ was tapped")
	}
	test.Tap(u.Menu.Button)
	if !u.Menu.IsOpen() {
		t.Fatal("☰ does not open the menu")
	}
	for _, l := range want {
		b := u.Menu.Entry(l)
		if b == nil {
			t.Fatalf("the open menu has no entry %q", l)
		}
		if h := b.Size().Height; h < touchMin {
			t.Errorf("entry %q is %.0f px high, want at least %d", l, h, touchMin)
		}
	}
	test.Tap(u.Menu.Entry("Present"))
	if !slices.Equal(ran, []string{"present"}) || u.Menu.IsOpen() {
		t.Errorf("tapping Present ran %v, menu open=%v; want it run once and the menu closed", ran, u.Menu.IsOpen())
	}
}

// The menu opens below ☰, inside the window, and a tap outside it closes it.
func TestMenuPlacement(t *testing.T) {
	u, win := newTestUI(t, 1280, 720, Options{})
	test.Tap(u.Menu.Button)
	d := fyne.CurrentApp().Driver()
	btn := d.AbsolutePositionForObject(u.Menu.Button)
	entry := u.Menu.Entry(menuAboutLabel())
	at := d.AbsolutePositionForObject(entry)
	if at.Y < btn.Y+u.Menu.Button.Size().Height-1 {
		t.Errorf("the menu starts at y=%.0f, above the bottom of ☰ (%.0f)", at.Y, btn.Y+u.Menu.Button.Size().Height)
	}
	if right := at.X + entry.Size().Width; right > 1280 || at.X < 0 {
		t.Errorf("the menu spans x=%.0f…%.0f, outside the window", at.X, right)
	}
	test.TapCanvas(win.Canvas(), fyne.NewPos(300, 500))
	if u.Menu.IsOpen() {
		t.Error("a tap outside the menu leaves it open")
	}
}

// The keyboard opens the menu (its first entry takes the keyboard), moves with ↓ and ↑, runs
// an entry with Enter, and Escape closes the menu and the settings panel.
func TestMenuByKeyboard(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	c := win.Canvas()
	c.Focus(u.Menu.Button)
	u.Menu.Button.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !u.Menu.IsOpen() {
		t.Fatal("Enter on ☰ does not open the menu")
	}
	if c.Focused() != u.Menu.shown[0] {
		t.Fatalf("the keyboard is on %T, want the first entry", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != u.Menu.shown[1] {
		t.Fatalf("↓ did not move to the second entry")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if c.Focused() != u.Menu.shown[0] {
		t.Fatalf("↑ did not come back to the first entry")
	}
	for range len(u.Menu.shown) { // down to Settings, below the features' entries
		if c.Focused() == u.Menu.Entry(menuSettingsLabel()) {
			break
		}
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if u.Menu.IsOpen() || !u.SettingsPanel.IsOpen() {
		t.Fatalf("Enter on Settings: menu open=%v, panel open=%v", u.Menu.IsOpen(), u.SettingsPanel.IsOpen())
	}
	if c.Focused() != u.SettingsPanel.Smaller {
		t.Errorf("the panel opened by the keyboard does not put it on its first control (%T)", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.SettingsPanel.IsOpen() {
		t.Error("Escape does not close the settings panel")
	}

	c.Focus(u.Menu.Button)
	u.Menu.Button.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Menu.IsOpen() || c.Focused() != u.Menu.Button {
		t.Errorf("Escape in the menu: open=%v, keyboard on %T; want closed and back on ☰", u.Menu.IsOpen(), c.Focused())
	}
	// With nothing focused, Escape reaches the window and closes what is open.
	test.Tap(u.Menu.Button)
	c.Unfocus()
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Menu.IsOpen() {
		t.Error("Escape with nothing focused leaves the menu open")
	}
}
