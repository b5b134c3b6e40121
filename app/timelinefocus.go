package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The band is a stop of Tab: with the keyboard on it, ← and → move the date by the unit the
// axis shows, + and − zoom, PageUp/PageDown, Home, End and Space as on the window (HandleKey),
// and a ring in the theme's focus colour goes round it. Escape gives the keyboard back; keys the
// band does not use (F11, the presenter's) go on to the window.

var _ fyne.Focusable = (*TimelineView)(nil)

// FocusGained shows the focus ring.
func (t *TimelineView) FocusGained() { t.setFocused(true) }

// FocusLost hides the focus ring.
func (t *TimelineView) FocusLost() { t.setFocused(false) }

// TypedRune implements fyne.Focusable; the band takes no text.
func (t *TimelineView) TypedRune(rune) {}

// TypedKey drives the band from the keyboard while it has it.
func (t *TimelineView) TypedKey(ev *fyne.KeyEvent) {
	t.interact()
	switch {
	case ev.Name == fyne.KeyEscape:
		unfocus(t)
		if t.OnOtherKey != nil {
			t.OnOtherKey(ev) // and the window's Escape: closes the menu or leaves full screen
		}
	case t.HandleKey(ev.Name):
	case t.OnOtherKey != nil:
		t.OnOtherKey(ev)
	}
}

func (t *TimelineView) setFocused(on bool) {
	if t.focusRing == nil {
		return
	}
	if on {
		t.focusRing.StrokeColor = theme.ColorForWidget(theme.ColorNameFocus, t)
		t.focusRing.Show()
	} else {
		t.focusRing.Hide()
	}
	t.focusRing.Refresh()
}

// withFocusRing lays the band's focus ring over it (a rectangle outline, hidden until the band
// has the keyboard).
func (t *TimelineView) withFocusRing() fyne.CanvasObject {
	t.focusRing = canvas.NewRectangle(color.Transparent)
	t.focusRing.StrokeWidth = 2
	t.focusRing.Hide()
	return container.NewStack(t, t.focusRing)
}
