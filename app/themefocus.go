package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Button is a widget.Button for the keyboard as much as for the finger: Tab reaches it and
// the theme's focus colour fills it (themecolors.go); Space, Enter and Return press it (Fyne's
// own answers Space only); Escape gives the keyboard back — to OnEscape when it is set (a menu
// or a panel closes), else to the window, so that the arrows drive the timeline or the map
// again.
type Button struct {
	widget.Button
	// OnEscape, when set, is called on Escape instead of giving the keyboard back.
	OnEscape func()
	byKey    bool
}

// NewButton makes a button with a label, an icon (either may be empty) and the function a
// press calls.
func NewButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Space, Enter and Return, and handles Escape.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.byKey = true
			b.Tapped(&fyne.PointEvent{})
			b.byKey = false
		}
	case fyne.KeyEscape:
		if b.OnEscape != nil {
			b.OnEscape()
		} else {
			unfocus(b)
		}
	}
}

// PressedByKey reports, while OnTapped runs, whether a key pressed the button (a menu opened
// by the keyboard puts the keyboard on its first entry; one opened by a tap does not).
func (b *Button) PressedByKey() bool { return b.byKey }

// unfocus takes the keyboard from whatever has it on o's canvas: keys then go to the window
// (the arrows, PageUp and PageDown to the timeline or the map).
func unfocus(o fyne.CanvasObject) {
	if a := fyne.CurrentApp(); a != nil {
		if c := a.Driver().CanvasForObject(o); c != nil {
			c.Unfocus()
		}
	}
}
