package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"

	"frontline-atlas/timeline"
)

// zoomToCluster zooms in to the events a count badge stands for: the days they cover within
// the span shown, with a margin. A badge never zooms out: when its events cover most of the
// span (an overflow badge counting long bars), the band zooms in fourfold about the badge.
func (t *TimelineView) zoomToCluster(p timeline.Placed) {
	s0, s1 := t.scale.Start(), t.scale.End()
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, i := range t.lay.Members(p) {
		if i < 0 || i >= len(t.items) {
			continue
		}
		it := t.items[i]
		lo = math.Min(lo, float64(it.Start))
		hi = math.Max(hi, float64(it.End)+1)
	}
	if lo > hi { // no members known: the badge's own days
		lo, hi = float64(p.Start), float64(p.End)+1
	}
	lo, hi = math.Max(lo, s0), math.Min(hi, s1)
	span := hi - lo
	pad := math.Max(span*0.1, 1)
	t.moved = true
	if hi > lo && span+2*pad <= (s1-s0)/2 {
		t.scale.ShowRange(lo-pad, hi+pad)
	} else {
		t.scale.ZoomAbout(4, (p.BoxX0+p.BoxX1)/2)
	}
	t.Refresh()
}

// tapReach returns how far beyond a thing's box (horizontally and vertically) a tap still
// hits it: enough that every dot, bar and badge has a target of TouchSize (48 px at 100 %
// text) or more, and at least 12 px sideways.
func (t *TimelineView) tapReach(boxW float32) (dx, dy float32) {
	touch := TouchSize(t)
	return fyne.Max(12, (touch-boxW)/2), fyne.Max(0, (touch-t.rowH)/2)
}

// retractTap undoes the selection a first tap made when it turns out to be the first half of
// a double tap (which zooms): the previous entry comes back, with its date and map view, and
// the forward history the tap left is dropped.
func (t *TimelineView) retractTap() {
	if t.tapSelected == "" {
		return
	}
	if sel := t.state.Selection(); sel.Kind == timeline.KindEvent && sel.ID == t.tapSelected {
		t.state.Retract()
	}
	t.tapSelected = ""
}

// clock is the time of a tap, for telling double taps from two taps.
func (t *TimelineView) clock() time.Time {
	if t.now != nil {
		return t.now()
	}
	return time.Now()
}
