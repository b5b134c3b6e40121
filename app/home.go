package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// HomeTitle is the app's name at the left of the top bar; a tap on it goes home, as the Home
// button beside it does (a visitor lost among links taps the title, as on a web site).
type HomeTitle struct {
	widget.Label
	onTap func()
}

var (
	_ fyne.Tappable      = (*HomeTitle)(nil)
	_ desktop.Cursorable = (*HomeTitle)(nil)
)

func newHomeTitle(onTap func()) *HomeTitle {
	t := &HomeTitle{onTap: onTap}
	t.Text = lang.L("Frontline Atlas")
	t.TextStyle = fyne.TextStyle{Bold: true}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped goes home.
func (t *HomeTitle) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// Cursor shows the pointing hand, as over a link.
func (t *HomeTitle) Cursor() desktop.Cursor { return desktop.PointerCursor }

// homeBar makes the Home button and the tappable title of the top bar.
func (u *UI) homeBar() fyne.CanvasObject {
	u.HomeB = NewButton("", theme.HomeIcon(), u.Home)
	u.Title = newHomeTitle(u.Home)
	return &fyne.Container{Layout: hboxNoGap{}, Objects: []fyne.CanvasObject{touchTarget(u.HomeB), u.Title}}
}

// Home returns to the start view: the date the window opened on, the map's home view, nothing
// selected, every category and theatre shown, the search closed, the timeline on its opening
// span. History is kept: the state left is an entry, so Back returns to it.
func (u *UI) Home() {
	if u.Search.Text != "" {
		u.Search.SetText("")
	}
	u.State.Home(u.start)
	u.Timeline.home()
}

// home puts the band back on its opening span (the war years, with the date in view).
func (t *TimelineView) home() {
	t.sized, t.moved = false, false
	t.stopGlide()
	t.fitSize(t.Size())
	t.Refresh()
}

// Dragging reports whether the timeline's cursor is being dragged (the date then changes
// continuously, and the map does not jump to where the fighting is).
func (t *TimelineView) Dragging() bool { return t.dragMode == 2 }

// hboxNoGap lays objects side by side at their minimum widths, as tall as the container,
// without padding between them.
type hboxNoGap struct{}

func (hboxNoGap) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		w := o.MinSize().Width
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (hboxNoGap) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = fyne.Max(s.Height, m.Height)
	}
	return s
}

// followFronts lets the map show the Far East on a date whose only fighting is there, when the
// date was jumped to (not while the cursor is dragged or playback runs, and not when the
// selection's own places already moved the map).
func (u *UI) followFronts(c Change) {
	if !c.Date || c.Travel || u.Timeline.Dragging() || u.Timeline.Playback.Playing() {
		return
	}
	if c.Selection && len(u.Map.session.Selected()) > 0 {
		return
	}
	u.Map.followFronts(u.State.Date())
}
