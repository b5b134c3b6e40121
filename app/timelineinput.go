package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"

	"frontline-atlas/timeline"
)

func (t *TimelineView) interact() {
	if t.OnInteract != nil {
		t.OnInteract()
	}
}

// Dragged scrolls the band, or moves the date when the drag started on the cursor or the axis.
func (t *TimelineView) Dragged(ev *fyne.DragEvent) {
	t.interact()
	t.stopGlide()
	if t.dragMode == 0 {
		start := ev.Position.Subtract(ev.Dragged)
		cx := t.X(float64(t.state.Date()) + 0.5)
		if start.Y < t.axisHeight || float32(math.Abs(float64(start.X-cx))) < tlCursorGrab {
			t.dragMode = 2
		} else {
			t.dragMode = 1
		}
	}
	if t.dragMode == 2 {
		x := fyne.Min(fyne.Max(ev.Position.X, t.gutter), t.Size().Width-1)
		t.state.SetDate(t.DayAt(x))
		return
	}
	t.fling.add(ev.Dragged)
	t.moved = true
	t.scale.Pan(float64(ev.Dragged.DX))
	t.Refresh()
}

// DragEnd ends a drag; a fast scroll glides on and slows to a stop.
func (t *TimelineView) DragEnd() {
	mode := t.dragMode
	t.dragMode = 0
	if mode != 1 {
		t.fling.reset()
		return
	}
	t.inertia = t.glideBand()
	if t.inertia == nil {
		t.Refresh() // at rest: the band is laid out for the view again
	}
}

// Scrolled zooms about the pointer with the wheel; a sideways scroll (trackpad) scrolls.
func (t *TimelineView) Scrolled(ev *fyne.ScrollEvent) {
	t.interact()
	if ev.Scrolled.DX != 0 && math.Abs(float64(ev.Scrolled.DX)) > math.Abs(float64(ev.Scrolled.DY)) {
		t.moved = true
		t.scale.Pan(float64(ev.Scrolled.DX))
		t.Refresh()
		return
	}
	t.ZoomAbout(math.Exp(float64(ev.Scrolled.DY)*tlWheelRate), ev.Position.X)
}

// Tapped selects the event under the pointer, zooms into a cluster, or on the axis moves the
// date; a second tap soon after at the same spot zooms in.
func (t *TimelineView) Tapped(ev *fyne.PointEvent) {
	t.interact()
	now := t.clock()
	if now.Sub(t.lastTap) < doubleTapTime && dist(ev.Position, t.lastPos) < doubleTapDist {
		t.lastTap = time.Time{}
		t.retractTap() // a double tap zooms; it does not also select an event
		t.ZoomAbout(2, ev.Position.X)
		return
	}
	t.lastTap, t.lastPos, t.tapSelected = now, ev.Position, ""
	if ev.Position.X < t.gutter {
		return
	}
	if ev.Position.Y < t.axisHeight {
		t.state.SetDate(t.DayAt(ev.Position.X))
		return
	}
	p, ok := t.PlacedAt(ev.Position)
	if !ok {
		return
	}
	if p.Kind == timeline.PlacedCluster {
		t.zoomToCluster(p)
		return
	}
	if t.OnEventTapped != nil {
		id := t.items[p.Item].ID
		if sel := t.state.Selection(); sel.Kind != timeline.KindEvent || sel.ID != id {
			t.tapSelected = id
		}
		t.OnEventTapped(id)
	}
}

// rowY returns the top of a row of a lane, in widget pixels.
func (t *TimelineView) rowY(lane, row int) float32 {
	return t.axisHeight + float32(lane)*t.laneH + tlLanePad + float32(row)*t.rowH
}

// PlacedAt returns what is drawn under a widget position (a mark, bar or cluster), within a
// finger's reach horizontally.
func (t *TimelineView) PlacedAt(pos fyne.Position) (timeline.Placed, bool) {
	// A fingertip is about 10 mm: every thing has a target of at least TouchSize around it
	// (tapReach); of those the finger is on, the nearest wins, counting vertical distance from
	// the thing's row as well as horizontal distance from its box.
	best, bestD := -1, float32(math.Inf(1))
	for i, p := range t.placed {
		y := t.rowY(p.Lane, p.Row)
		var dy float32
		switch {
		case pos.Y < y:
			dy = y - pos.Y
		case pos.Y > y+t.rowH:
			dy = pos.Y - y - t.rowH
		}
		x0, x1 := t.gutter+float32(p.BoxX0), t.gutter+float32(p.BoxX1)
		if p.Label != timeline.LabelHidden {
			x1 = fyne.Max(x1, t.gutter+float32(p.LabelX+p.LabelW))
			x0 = fyne.Min(x0, t.gutter+float32(p.LabelX))
		}
		var dx float32
		switch {
		case pos.X < x0:
			dx = x0 - pos.X
		case pos.X > x1:
			dx = pos.X - x1
		}
		rx, ry := t.tapReach(float32(p.BoxX1 - p.BoxX0))
		if dx > rx || dy > ry {
			continue
		}
		d := float32(math.Hypot(float64(dx), float64(dy)))
		// On a tie (the finger on both), prefer a single event to a cluster.
		if d < bestD || (d == bestD && p.Kind != timeline.PlacedCluster && t.placed[best].Kind == timeline.PlacedCluster) {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return timeline.Placed{}, false
	}
	return t.placed[best], true
}
