package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
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

// DateControl is the date of the top bar as a keyboard control: Tab reaches it and the focus
// colour rings it; ← and → move the date a day, ↑ and ↓ a month, Home and End to the ends of
// the period; Escape gives the keyboard back. To a finger or a mouse it is the date, as before.
type DateControl struct {
	widget.BaseWidget
	// Label shows the date.
	Label   *widget.Label
	state   *State
	focused bool
}

func newDateControl(label *widget.Label, state *State) *DateControl {
	d := &DateControl{Label: label, state: state}
	d.ExtendBaseWidget(d)
	return d
}

// FocusGained shows the ring.
func (d *DateControl) FocusGained() { d.focused = true; d.Refresh() }

// FocusLost hides the ring.
func (d *DateControl) FocusLost() { d.focused = false; d.Refresh() }

// TypedRune ignores typing.
func (d *DateControl) TypedRune(rune) {}

// TypedKey moves the date.
func (d *DateControl) TypedKey(ev *fyne.KeyEvent) {
	day := d.state.Date()
	switch ev.Name {
	case fyne.KeyLeft:
		d.state.SetDate(day - 1)
	case fyne.KeyRight:
		d.state.SetDate(day + 1)
	case fyne.KeyUp, fyne.KeyDown:
		n := 1
		if ev.Name == fyne.KeyDown {
			n = -1
		}
		d.state.SetDate(addMonths(day, n))
	case fyne.KeyHome:
		d.state.SetDate(timeline.PeriodStart)
	case fyne.KeyEnd:
		d.state.SetDate(timeline.PeriodEnd)
	case fyne.KeyEscape:
		unfocus(d)
	}
}

// addMonths moves day by n calendar months, to the same day of the month or the month's last.
func addMonths(day timeline.Day, n int) timeline.Day {
	t := day.Time()
	y, m := t.Year(), int(t.Month())-1+n
	y, m = y+floorDiv(m, 12), m-12*floorDiv(m, 12)+1
	last := timeline.DayOf(y, m+1, 1) - 1 // the last day of month m
	return min(timeline.DayOf(y, m, t.Day()), last)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func (d *DateControl) CreateRenderer() fyne.WidgetRenderer {
	r := &dateRenderer{d: d, ring: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type dateRenderer struct {
	d    *DateControl
	ring *canvas.Rectangle
}

func (r *dateRenderer) Layout(size fyne.Size) {
	r.d.Label.Resize(size)
	r.ring.Resize(size)
}

func (r *dateRenderer) MinSize() fyne.Size { return r.d.Label.MinSize() }

func (r *dateRenderer) Refresh() {
	r.ring.StrokeColor = theme.ColorForWidget(theme.ColorNameFocus, r.d)
	r.ring.StrokeWidth = 2
	r.ring.CornerRadius = theme.SizeForWidget(theme.SizeNameInputRadius, r.d)
	r.ring.Hidden = !r.d.focused
	r.ring.Refresh()
	r.d.Label.Refresh()
}

func (r *dateRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.d.Label, r.ring} }

func (r *dateRenderer) Destroy() {}
