package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// Timeline band geometry, in pixels at scale 1.
const (
	tlGutterMin  = 110 // the least width of the left column with the lane names
	tlRowsLimit  = 5   // rows per lane at most, however tall the band
	tlLanePad    = 4
	tlCursorGrab = 24 // a drag starting this close to the cursor moves the date
	tlWheelRate  = 0.009
)

// TimelineView is the zoomable 1936–1953 band: lanes by category with their events as marks,
// bars and counted clusters, a time axis whose ticks go from years to days, and the cursor of
// the date shown. Drag scrolls (with inertia), the wheel zooms about the pointer, a double tap
// zooms in; dragging the cursor or along the axis moves the date; tapping an event selects it.
type TimelineView struct {
	widget.BaseWidget

	// OnEventTapped is called with the id of the event tapped.
	OnEventTapped func(id string)
	// OnInteract is called when the user acts on the band (so keys go to it).
	OnInteract func()
	// OnOtherKey gets the keys the band does not use while it has the keyboard (timelinefocus.go).
	OnOtherKey func(*fyne.KeyEvent)
	focusRing  *canvas.Rectangle

	state  *State
	cat    *timeline.Catalog
	scale  timeline.Scale
	lay    *timeline.Layout
	items  []timeline.LayoutItem
	events []*timeline.Event // parallel to items
	lanes  []timeline.Lane   // the lanes shown, in order
	ticks  *timeline.TickMaker
	// What the renderer draws, arranged by Refresh and Resize for the current scale: the
	// events (also used for hit-testing), the ticks and the label pinned at the left.
	placed    []timeline.Placed
	tickMarks []timeline.Tick
	lead      string
	leadX     float64
	sized     bool
	dragMode  int // 0 none, 1 pan, 2 cursor
	// strip is the wider layout painted once and moved while the band scrolls (timelinestrip.go);
	// gliding says the inertia after a drag runs.
	strip   bandStrip
	gliding bool
	fling   fling
	inertia *fyne.Animation
	lastTap time.Time
	lastPos fyne.Position
	// tapSelected is the event the last single tap selected ("" if none): a second tap that
	// makes it a double tap retracts it (timelinetaps.go).
	tapSelected string
	now         func() time.Time // the clock of double taps; nil for time.Now (tests stop it)
	lang        string           // the content language: titles and lane names in it where the pack has them
	canvas      fyne.Canvas      // the canvas the UI is on (AttachCanvas), for its height; nil: ask the driver

	gutter, laneH, rowH float32 // geometry fitted to the widget's size
	labelSize           float32 // text size of event labels, fitted to the rows
	text                float32 // text size of the band at its height and the text size setting (timelinesizes.go)
	axisHeight          float32 // height of the time axis, grown with the tick labels
	tickSize            float32 // text size the tick maker measures labels at
	textScale           float32 // TextScale the band was fitted for
	rows                int     // rows per lane (without the cluster row)
	moved               bool    // the user scrolled or zoomed: resizing keeps the view

	// Playback moves the date through the period; Controls holds its buttons.
	Playback *timeline.Playback
	Controls *TimelineControls
}

var (
	_ fyne.Draggable  = (*TimelineView)(nil)
	_ fyne.Scrollable = (*TimelineView)(nil)
	_ fyne.Tappable   = (*TimelineView)(nil)
)

// NewTimelineView makes the band for a state and catalog.
func NewTimelineView(state *State, cat *timeline.Catalog) *TimelineView {
	t := &TimelineView{state: state, scale: timeline.NewScale(1024 - tlGutterMin), lang: contentLanguage(),
		gutter: tlGutterMin, rows: tlRowsMax, rowH: tlRowHMax, labelSize: tlLabelSize, text: tlTextBase, axisHeight: tlAxisH}
	t.laneH = tlLanePad*2 + t.rowH*float32(t.rows+1)
	t.ticks = t.newTicks()
	t.Playback = timeline.NewPlayback(state.Date())
	t.ExtendBaseWidget(t)
	t.SetCatalog(cat)
	t.Controls = newTimelineControls(t)
	return t
}

// Scale returns the current time scale (a copy).
func (t *TimelineView) Scale() timeline.Scale { return t.scale }

// Lanes returns the lanes shown, after filters.
func (t *TimelineView) Lanes() []timeline.Lane { return t.lanes }

// SetCatalog lays out a new catalog's events.
func (t *TimelineView) SetCatalog(cat *timeline.Catalog) {
	t.cat = cat
	t.relayout()
}

// SetLaneVisible shows or hides the events of one lane (category filter), everywhere.
func (t *TimelineView) SetLaneVisible(id string, visible bool) { t.state.SetLaneShown(id, visible) }

// LaneVisible reports whether a lane is shown.
func (t *TimelineView) LaneVisible(id string) bool { return !t.state.Filter().HiddenLanes[id] }

func (t *TimelineView) relayout() {
	t.items, t.events, t.lanes = t.items[:0], t.events[:0], t.lanes[:0]
	if t.cat == nil {
		t.lay, _ = timeline.NewLayout(nil, t.layoutOptions())
		return
	}
	index := map[string]int{}
	filter := t.state.Filter()
	for _, l := range t.cat.Lanes() {
		if filter.HiddenLanes[l.ID] {
			continue
		}
		index[l.ID] = len(t.lanes)
		t.lanes = append(t.lanes, l)
	}
	for _, e := range t.cat.Events() {
		lane, ok := index[e.Category]
		if !ok || e.Context || !filter.Shows(e) {
			continue
		}
		first, last := e.Days()
		if last < timeline.PeriodStart || first > timeline.PeriodEnd {
			continue
		}
		w := float64(fyne.MeasureText(e.Title.In(t.lang), t.labelSize, fyne.TextStyle{}).Width) + 2
		t.items = append(t.items, timeline.LayoutItem{ID: e.ID, Lane: lane, Start: first, End: last,
			Approximate: e.Start.Approximate || e.End.Approximate, Priority: e.Importance, LabelW: w})
		t.events = append(t.events, e)
	}
	// Every lane exists in the layout even when empty, so rows line up with lane names.
	lay, err := timeline.NewLayout(t.items, t.layoutOptions())
	if err != nil {
		logf("timeline layout: %v", err)
		lay, _ = timeline.NewLayout(nil, t.layoutOptions())
	}
	t.lay = lay
	t.fitGutter()
}

// X returns the widget x of a fractional day.
func (t *TimelineView) X(day float64) float32 { return t.gutter + float32(t.scale.X(day)) }

// DayAt returns the day under a widget x.
func (t *TimelineView) DayAt(x float32) timeline.Day {
	return timeline.Day(math.Floor(t.scale.Day(float64(x - t.gutter))))
}

// StateChanged follows the state: the cursor stays in view, and a selected event is scrolled to.
func (t *TimelineView) StateChanged(c Change) {
	if c.Selection {
		if r := t.state.Selection(); r.Kind == timeline.KindEvent && t.cat != nil {
			if e := t.cat.Event(r.ID); e != nil {
				t.ShowEvent(e)
			}
		}
	}
	if c.Filter {
		t.relayout()
		t.Controls.filterChanged()
	}
	if c.Date {
		if !t.Playback.Playing() {
			t.Playback.Seek(float64(t.state.Date()))
		}
		t.keepCursorVisible()
	}
	t.Refresh()
}

// ShowEvent scrolls (and zooms out if needed) so the whole event is in view.
func (t *TimelineView) ShowEvent(e *timeline.Event) {
	first, last := e.Days()
	s0, s1 := t.scale.Start(), t.scale.End()
	if float64(first) >= s0 && float64(last+1) <= s1 {
		return
	}
	span := float64(last+1) - float64(first)
	if span > (s1-s0)*0.8 {
		t.scale.ShowRange(float64(first)-span*0.15, float64(last+1)+span*0.15)
	} else {
		t.scale.CenterOn((float64(first) + float64(last+1)) / 2)
	}
}

func (t *TimelineView) keepCursorVisible() {
	d := float64(t.state.Date()) + 0.5
	margin := (t.scale.End() - t.scale.Start()) * 0.05
	if d < t.scale.Start()+margin || d > t.scale.End()-margin {
		t.scale.CenterOn(d)
	}
}

// ZoomAbout zooms the band by factor about a widget x.
func (t *TimelineView) ZoomAbout(factor float64, x float32) {
	t.moved = true
	t.scale.ZoomAbout(factor, float64(x-t.gutter))
	t.Refresh()
}

// zoomCursor zooms about the cursor when it is in view, else about the middle.
func (t *TimelineView) zoomCursor(factor float64) {
	x := t.X(float64(t.state.Date()) + 0.5)
	if x < t.gutter || x > t.Size().Width {
		x = t.gutter + (t.Size().Width-t.gutter)/2
	}
	t.ZoomAbout(factor, x)
}

// Close stops what the band started: playback and the glide of a drag.
func (t *TimelineView) Close() {
	t.stopGlide()
	t.Controls.close()
}

// stopGlide stops the glide after a drag.
func (t *TimelineView) stopGlide() {
	if t.inertia != nil {
		t.inertia.Stop()
		t.inertia = nil
	}
}

// CreateRenderer implements fyne.Widget.
func (t *TimelineView) CreateRenderer() fyne.WidgetRenderer { return newTimelineRenderer(t) }

// Resize fits the lanes and the time scale to the new size before the renderer lays it out.
func (t *TimelineView) Resize(size fyne.Size) {
	if size != t.Size() {
		t.fitSize(size)
		t.arrange()
	}
	t.BaseWidget.Resize(size)
}

// Refresh arranges the events and ticks for the current scale and draws them.
func (t *TimelineView) Refresh() {
	t.followTextScale()
	t.arrange()
	t.BaseWidget.Refresh()
}

// fitSize sizes the lanes to the height and the scale to the width. Until the user scrolls or
// zooms, the band opens on the war years, readable at a glance (zooming out shows all of
// 1936–1953), with the selected event and the date in view.
func (t *TimelineView) fitSize(size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	t.fitText()
	t.fitLanes(size.Height)
	w := math.Max(float64(size.Width-t.gutter), 1)
	switch {
	case !t.sized || (!t.moved && t.scale.Width() != w):
		t.scale = timeline.NewScale(w)
		t.scale.ShowRange(float64(timeline.DayOf(1938, 1, 1)), float64(timeline.DayOf(1947, 1, 1)))
		t.sized = true
		if sel := t.state.Selection(); sel.Kind == timeline.KindEvent && t.cat != nil {
			if e := t.cat.Event(sel.ID); e != nil {
				t.ShowEvent(e)
			}
		}
		t.keepCursorVisible()
	case t.scale.Width() != w:
		t.scale.SetWidth(w)
	}
}

// arrange lays out what the renderer draws for the current scale.
func (t *TimelineView) arrange() {
	if t.lay == nil {
		return
	}
	t.placed = append(t.placed[:0], t.lay.Arrange(t.scale)...)
	t.tickMarks = append(t.tickMarks[:0], t.ticks.Ticks(t.scale)...)
	t.lead, t.leadX, _ = t.ticks.Lead()
	t.arrangeStrip()
}

// minSize is the axis and every lane with two rows of the lowest height (tlRowHMin): the
// one fitLanes gives a lane when the band is short, so that the last lane is not cut off.
func (t *TimelineView) minSize() fyne.Size {
	n := len(t.lanes)
	if n == 0 {
		n = 1
	}
	return fyne.NewSize(t.gutter+200, t.axisHeight+float32(n)*(tlLanePad*2+2*tlRowHMin))
}
