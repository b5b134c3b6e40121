package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// newTopBar lays out the top bar: the title at the left, the controls (date, Back, Forward, ☰)
// at the right, the search field between them. The search field comes first among the objects,
// so that Tab reaches it first.
func newTopBar(title, search, controls fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &topBarLayout{title: title, search: search, controls: controls},
		Objects: []fyne.CanvasObject{search, title, controls}}
}

// topBarLayout places the top bar as a border layout would (title and controls at their
// minimum width, the search field in the rest) while the bar is at least its minimum width. A
// window cannot be narrower, but a snapshot can (320 px): there a border layout gave the search
// field a negative width, which Fyne's software painter cannot draw (it panicked). Narrower than
// its minimum, the bar drops the title first, then the search field, and keeps the controls
// whole at the right; no object gets a negative size.
type topBarLayout struct{ title, search, controls fyne.CanvasObject }

func (l *topBarLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	tw, rw := l.title.MinSize().Width, l.controls.MinSize().Width
	l.controls.Resize(fyne.NewSize(rw, size.Height))
	l.controls.Move(fyne.NewPos(size.Width-rw, 0))
	showTitle := size.Width >= l.MinSize(nil).Width
	x := float32(0)
	if showTitle {
		l.title.Resize(fyne.NewSize(tw, size.Height))
		l.title.Move(fyne.NewPos(0, 0))
		x = tw + pad
	}
	setShown(l.title, showTitle)
	// Without room for a search field of touchMin, the field is moved out of sight to the left
	// at that width rather than hidden: hiding the field (a widget.Entry) and showing it again
	// kept every closed window in memory (TestUIOpenAndCloseHundredTimes).
	w := size.Width - rw - pad - x
	if w >= touchMin {
		l.search.Resize(fyne.NewSize(w, size.Height))
		l.search.Move(fyne.NewPos(x, 0))
	} else {
		l.search.Resize(fyne.NewSize(touchMin, size.Height))
		l.search.Move(fyne.NewPos(-touchMin-2*pad, 0))
	}
}

// MinSize is that of a border layout with every object shown, whether the bar hides some now
// or not (so that hiding one does not change the window's minimum).
func (l *topBarLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	t, s, r := l.title.MinSize(), l.search.MinSize(), l.controls.MinSize()
	return fyne.NewSize(t.Width+pad+s.Width+pad+r.Width, max(t.Height, s.Height, r.Height))
}

// setShown shows or hides o when it is not so already.
func setShown(o fyne.CanvasObject, shown bool) {
	if o.Visible() != shown {
		if shown {
			o.Show()
		} else {
			o.Hide()
		}
	}
}
