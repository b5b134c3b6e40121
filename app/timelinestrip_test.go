package app

import (
	"image"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/timeline"
)

// dragBand sends one step of a drag of the band (without its end) at a widget position.
func dragBand(tl *TimelineView, at fyne.Position, dx float32) {
	tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at.AddXY(dx, 0)}, Dragged: fyne.NewDelta(dx, 0)})
}

// While the band is dragged it is a strip wider than the view, painted once: each step moves
// it by the drag's distance, texts and all, without painting or uploading it again; the lane
// names and the label pinned at the left stay where they are; when the drag ends the band is
// the view again.
func TestTimelineDragMovesTheStripByTheDragDistance(t *testing.T) {
	win, tl, r := newStripTestBand(t, 1400, 900)
	at := fyne.NewPos(700, tl.axisHeight+tl.laneH/2)
	win.Canvas().Capture()

	dragBand(tl, at, -4)
	if !tl.strip.on || !r.pinned.obj.Visible() {
		t.Fatal("dragging the band did not make it a strip with the lane names pinned over it")
	}
	view := tl.Size().Width - tl.gutter
	if w := r.band.obj.Size().Width; w < 1.9*view || w > 2.1*view {
		t.Errorf("the strip is %.0f wide for a view of %.0f, want twice as wide", w, view)
	}
	if x := r.band.obj.Position().X; x > tl.gutter-0.4*view || x+r.band.obj.Size().Width < tl.Size().Width+0.4*view {
		t.Errorf("the strip spans %.0f–%.0f, want half a view beyond each side of %.0f–%.0f",
			x, x+r.band.obj.Size().Width, tl.gutter, tl.Size().Width)
	}
	before := win.Canvas().Capture()
	changes, painted, laid := r.band.changes, r.band.painted, tl.strip.laid
	pinnedChanges := r.pinned.changes
	x0 := r.band.obj.Position().X
	lanesLeft := r.pinned.obj.Size().Width
	for range 10 {
		dragBand(tl, at, -8)
	}
	after := win.Canvas().Capture()
	if got := r.band.obj.Position().X - x0; math.Abs(float64(got+80)) > 0.01 {
		t.Errorf("a drag of −80 moved the strip by %.2f", got)
	}
	if r.band.changes != changes || r.band.painted != painted || tl.strip.laid != laid {
		t.Errorf("a drag within the strip refreshed it %d times, painted it %d times and laid it out %d times; want none",
			r.band.changes-changes, r.band.painted-painted, tl.strip.laid-laid)
	}
	if r.pinned.changes != pinnedChanges {
		t.Logf("the pinned label changed during the drag (%d refreshes)", r.pinned.changes-pinnedChanges)
	}
	// On screen: the lanes (texts, bars, marks) are the same pixels 80 px further left; the
	// gutter with the lane names is unchanged.
	lanes := image.Rect(int(lanesLeft)+100, int(tl.axisHeight)+2, int(tl.Size().Width)-100, int(tl.axisHeight+float32(len(tl.lanes))*tl.laneH)-2)
	off := fyne.CurrentApp().Driver().AbsolutePositionForObject(tl)
	sc := win.Canvas().Scale()
	moved, inked := 0, 0
	for y := lanes.Min.Y; y < lanes.Max.Y; y++ {
		for x := lanes.Min.X; x < lanes.Max.X; x++ {
			px, py := int((off.X+float32(x))*sc), int((off.Y+float32(y))*sc)
			a, b := after.At(px, py), before.At(px+int(80*sc), py)
			if a != b {
				moved++
			}
			if a != after.At(px+1, py) {
				inked++
			}
		}
	}
	if inked < 1000 {
		t.Fatalf("only %d edges in the lanes: the comparison below would prove nothing", inked)
	}
	if moved != 0 {
		t.Errorf("%d pixels of the lanes are not those 80 px to the right before the drag", moved)
	}
	for y := int(tl.axisHeight) + 2; y < lanes.Max.Y; y++ {
		for x := 0; x < int(tl.gutter)-2; x++ {
			px, py := int((off.X+float32(x))*sc), int((off.Y+float32(y))*sc)
			if after.At(px, py) != before.At(px, py) {
				t.Fatalf("the gutter changed at (%d, %d) during the drag", x, y)
			}
		}
	}

	tl.fling.reset() // no glide
	tl.DragEnd()
	if tl.strip.on || r.pinned.obj.Visible() {
		t.Error("after the drag the band is still a strip")
	}
	if p, s := r.band.obj.Position(), r.band.obj.Size(); p != (fyne.Position{}) || s != tl.Size() {
		t.Errorf("after the drag the band is at %v, %v; want the widget's %v", p, s, tl.Size())
	}
}

// The strip is laid out and painted again when the drag goes past its edge, and it then covers
// the view again; a glide after the drag ends at rest.
func TestTimelineStripRepaintsWhenTheDragLeavesIt(t *testing.T) {
	win, tl, r := newStripTestBand(t, 1200, 800)
	at := fyne.NewPos(600, tl.axisHeight+tl.laneH/2)
	dragBand(tl, at, 10)
	laid, changes := tl.strip.laid, r.band.changes
	view := tl.Size().Width - tl.gutter
	steps := 0
	for tl.strip.laid == laid && steps < 200 {
		dragBand(tl, at, 10)
		steps++
		// The strip always covers the view.
		if x := r.band.obj.Position().X; x > tl.gutter || x+r.band.obj.Size().Width < tl.Size().Width {
			t.Fatalf("after %d steps the strip spans %.0f–%.0f and leaves part of the view %.0f–%.0f bare",
				steps, x, x+r.band.obj.Size().Width, tl.gutter, tl.Size().Width)
		}
	}
	if got, want := float32(steps*10), view/2; got < want-10 || got > want+10 {
		t.Errorf("the strip was laid out again after %.0f px of drag, want about half a view (%.0f)", got, want)
	}
	if r.band.changes != changes+1 {
		t.Errorf("leaving the strip refreshed the band %d times, want once", r.band.changes-changes)
	}
	painted := r.band.painted
	win.Canvas().Capture()
	if r.band.painted != painted+1 {
		t.Errorf("the new strip was painted %d times when drawn, want once", r.band.painted-painted)
	}
	if x := r.band.obj.Position().X; math.Abs(float64(x-(tl.gutter-view/2))) > 1 {
		t.Errorf("the new strip starts at %.1f, want half a view left of the view (%.1f)", x, tl.gutter-view/2)
	}
	// A glide (the test driver runs an animation to its end at once) ends at rest.
	tl.DragEnd()
	if tl.strip.on || r.pinned.obj.Visible() {
		t.Error("after the glide the band is still a strip")
	}
}

// At the period's edge the strip stops where the period does, and when the whole period fits
// in less than the strip, the strip is the whole period: dragging never lays it out again.
func TestTimelineStripAtThePeriodEdge(t *testing.T) {
	u, _ := newTestUI(t, 1200, 800, Options{Date: timeline.DayOf(1936, 2, 1)})
	t.Cleanup(u.Close)
	tl := u.Timeline
	tl.scale.ShowRange(float64(timeline.PeriodStart), float64(timeline.PeriodStart)+300)
	tl.Refresh()
	at := fyne.NewPos(600, tl.axisHeight+tl.laneH/2)
	dragBand(tl, at, 4)
	if got, want := tl.strip.scale.Start(), float64(timeline.PeriodStart); got != want {
		t.Errorf("the strip starts at day %.2f, want the period's start %.0f", got, want)
	}
	tl.fling.reset()
	tl.DragEnd()

	tl.scale.ShowRange(float64(timeline.PeriodStart), float64(timeline.PeriodEnd+1))
	tl.scale.ZoomAbout(1.5, 0)
	tl.Refresh()
	dragBand(tl, at, -4)
	laid := tl.strip.laid
	for range 100 {
		dragBand(tl, at, -20)
	}
	if tl.strip.laid != laid {
		t.Errorf("the strip of the whole period was laid out %d more times", tl.strip.laid-laid)
	}
	if got, want := tl.strip.scale.End()-tl.strip.scale.Start(), float64(timeline.PeriodEnd+1-timeline.PeriodStart); math.Abs(got-want) > 1e-6 {
		t.Errorf("the strip covers %.1f days, want the period's %.0f", got, want)
	}
}

// The strip stays under the texture size every GL driver takes (stripMaxPixels), in pixels:
// on a wide window, or a canvas of scale 2, its margins shrink.
func TestStripScaleStaysUnderTheTextureLimit(t *testing.T) {
	view := timeline.NewScale(3000)
	view.ShowRange(float64(timeline.DayOf(1942, 1, 1)), float64(timeline.DayOf(1942, 7, 1)))
	for _, scale := range []float64{1, 2} {
		s := stripScale(view, view.Width()/2, stripMaxPixels/scale)
		if w := s.Width() * scale; w > stripMaxPixels {
			t.Errorf("canvas scale %g: the strip is %.0f px wide, over %d", scale, w, stripMaxPixels)
		}
		if s.Start() > view.Start() || s.End() < view.End() {
			t.Errorf("canvas scale %g: the strip %.1f–%.1f does not cover the view %.1f–%.1f", scale, s.Start(), s.End(), view.Start(), view.End())
		}
		if math.Abs(s.PxPerDay()-view.PxPerDay()) > 1e-9*view.PxPerDay() {
			t.Errorf("canvas scale %g: the strip's zoom %g is not the view's %g", scale, s.PxPerDay(), view.PxPerDay())
		}
	}
}

// newStripTestBand opens a window of w×h on 19 November 1942 with the band showing June 1942
// to June 1943 (away from the period's ends, so a drag either way moves it), and returns the
// window, the band and its renderer.
func newStripTestBand(t *testing.T, w, h float32) (fyne.Window, *TimelineView, *timelineRenderer) {
	u, win := newTestUI(t, w, h, Options{Date: timeline.DayOf(1942, 11, 19)})
	t.Cleanup(u.Close)
	tl := u.Timeline
	tl.scale.ShowRange(float64(timeline.DayOf(1942, 6, 1)), float64(timeline.DayOf(1943, 6, 1)))
	tl.Refresh()
	return win, tl, test.WidgetRenderer(tl).(*timelineRenderer)
}
