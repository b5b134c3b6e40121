package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Link is a link of the details panel that the keyboard reaches as well as the finger: Tab
// focuses it and the theme's focus colour rings it; Space, Enter and Return open it; Escape
// gives the keyboard back to the window. Focusing it scrolls it into view.
type Link struct {
	widget.Hyperlink
	onFocus func(fyne.CanvasObject)
}

// newLink makes a link that calls open when tapped or pressed.
func newLink(text string, open func()) *Link {
	l := &Link{}
	l.Text = text
	l.OnTapped = open
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the link on Space, Enter and Return, and gives the keyboard back on Escape.
func (l *Link) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		if l.OnTapped != nil {
			l.OnTapped()
		}
	case fyne.KeyEscape:
		unfocus(l)
	}
}

// FocusGained shows the focus ring and brings the link into view.
func (l *Link) FocusGained() {
	l.Hyperlink.FocusGained()
	if l.onFocus != nil {
		l.onFocus(l)
	}
}
