package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/timeline"
)

// The band's text, fitted to the window and the text size setting: 14 px in a window 1080 px
// tall, in proportion to the window's height between 12 px (720 px and less) and 21 px, times
// TextScale. Lane names are that size; event labels too where the rows allow (in a short
// window the rows are lower and so are the labels, 9 px at least); tick labels and count badges
// 2 px smaller (ticks 11 px at least). The axis grows with its labels.
const (
	tlTextBase   = 14
	tlTextHeight = 1080 // the window height at which the text is tlTextBase, px
	tlTextMin    = 12
	tlTextMax    = 21
	tlAxisH      = 30 // the time axis along the top of the band, at 100 % text
	tlRowHMax    = 18 // the tallest row of marks and bars, at 100 % text, before fitText
	tlRowHMin    = 8  // the lowest: the band's minimum height gives every lane two rows of it
	tlRowsMax    = 2  // rows per lane in a window of ordinary height
	tlLabelSize  = 12 // event labels before the band is sized
)

// fitText sets the band's text size, the axis height and the tick measure for the window the
// band is in (1080 px tall until it is in one).
func (t *TimelineView) fitText() {
	scale := TextScale(t)
	h := float32(tlTextHeight)
	c := t.canvas
	if a := fyne.CurrentApp(); c == nil && a != nil {
		c = a.Driver().CanvasForObject(t)
	}
	if c != nil && c.Size().Height > 0 {
		h = c.Size().Height
	}
	base := fyne.Min(fyne.Max(tlTextBase*h/tlTextHeight, tlTextMin), tlTextMax)
	t.text = base * scale
	t.textScale = scale
	tick := fyne.Max(t.text-2, 11*scale)
	t.axisHeight = fyne.Max(tlAxisH, tick+16)
	if tick != t.tickSize {
		t.tickSize = tick
		t.ticks = t.newTicks()
	}
}

// followTextScale fits the band again when the text size setting changed (a theme change
// refreshes every widget).
func (t *TimelineView) followTextScale() {
	if s := TextScale(t); s != t.textScale && t.sized {
		t.fitText()
		t.fitLanes(t.Size().Height)
		t.fitGutter()
	}
}

// newTicks makes the tick maker measuring labels at the tick size.
func (t *TimelineView) newTicks() *timeline.TickMaker {
	size := t.tickSize
	if size <= 0 {
		size = tlTextBase - 2
	}
	return timeline.NewTickMaker(func(s string) float64 {
		return float64(fyne.MeasureText(s, size, fyne.TextStyle{}).Width)
	})
}

// laneSize is the size of the lane names; badgeSize of the count badges (fitted to the rows).
func (t *TimelineView) laneSize() float32 { return fyne.Min(t.text, fyne.Max(t.laneH-6, 9)) }
func (t *TimelineView) badgeSize() float32 {
	return fyne.Max(9, fyne.Min(t.text-2, t.rowH-4))
}

// layoutOptions are the layout's options for the rows and text of the band: a badge is wide
// enough for "+88" in its text.
func (t *TimelineView) layoutOptions() timeline.LayoutOptions {
	w := fyne.MeasureText("+88", t.badgeSize(), fyne.TextStyle{Bold: true}).Width + 8
	return timeline.LayoutOptions{MaxRows: t.rows, BadgePx: float64(fyne.Max(20, w))}
}

// fitLanes sizes the lanes to the band's height: rows tall enough for labels of the band's
// text size where there is room (more rows in a tall band), one row per lane (plus the cluster
// row) when the window is short. It lays out again when the rows or the label size change.
func (t *TimelineView) fitLanes(h float32) {
	n := float32(max(len(t.lanes), 1))
	lane := (h - t.axisHeight) / n
	rowMax := fyne.Max(tlRowHMax, t.text+6)
	rowMin := t.text + 3 // a label of the full size fits
	rows := int((lane-tlLanePad*2)/rowMax) - 1
	if rows < tlRowsMax && lane >= tlLanePad*2+rowMin*float32(tlRowsMax+1) {
		rows = tlRowsMax
	}
	rows = min(max(rows, 1), tlRowsLimit)
	t.rowH = fyne.Min(rowMax, (lane-tlLanePad*2)/float32(rows+1))
	t.rowH = fyne.Max(t.rowH, tlRowHMin)
	t.laneH = tlLanePad*2 + t.rowH*float32(rows+1)
	size := fyne.Max(9, fyne.Min(t.text, t.rowH-3))
	if rows != t.rows || size != t.labelSize {
		t.rows, t.labelSize = rows, size
		t.relayout()
	}
}

// fitGutter makes the lane-name column as wide as the longest name.
func (t *TimelineView) fitGutter() {
	w := float32(tlGutterMin)
	for _, l := range t.lanes {
		w = fyne.Max(w, fyne.MeasureText(l.Name.In(t.lang), t.laneSize(), fyne.TextStyle{Bold: true}).Width+t.Theme().Size(theme.SizeNamePadding)*4)
	}
	t.gutter = fyne.Min(w, 200*fyne.Max(1, t.textScale))
}

// laneInk is the colour of text on a bar or badge of a lane colour (drawn opaque): white or a
// near black, whichever reads better (TextOn); every lane colour of the embedded pack gives
// 4.5:1 or more in every theme (TestTimelineTextContrast).
func laneInk(fill, under color.Color) color.Color {
	ink, _ := TextOn(fill, under)
	return ink
}
