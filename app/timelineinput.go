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
	if t.inertia != nil {
		t.inertia.Stop()
		t.inertia = nil
	}
	if t.dragMode == 0 {
		start := ev.Position.Subtract(ev.Dragged)
		cx := t.X(float64(t.state.Date()) + 0.5)
		if start.Y < tlAxisH || float32(math.Abs(float64(start.X-cx))) < tlCursorGrab {
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
	t.inertia = t.fling.glide(func(dx, _ float64) {
		t.scale.Pan(dx)
		t.Refresh()
	})
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
	now := time.Now()
	if now.Sub(t.lastTap) < doubleTapTime && dist(ev.Position, t.lastPos) < doubleTapDist {
		t.lastTap = time.Time{}
		t.ZoomAbout(2, ev.Position.X)
		return
	}
	t.lastTap, t.lastPos = now, ev.Position
	if ev.Position.X < t.gutter {
		return
	}
	if ev.Position.Y < tlAxisH {
		t.state.SetDate(t.DayAt(ev.Position.X))
		return
	}
	p, ok := t.PlacedAt(ev.Position)
	if !ok {
		return
	}
	if p.Kind == timeline.PlacedCluster {
		t.moved = true
		t.scale.ShowRange(float64(p.Start)-1, float64(p.End)+2)
		t.Refresh()
		return
	}
	if t.OnEventTapped != nil {
		t.OnEventTapped(t.items[p.Item].ID)
	}
}

// rowY returns the top of a row of a lane, in widget pixels.
func (t *TimelineView) rowY(lane, row int) float32 {
	return tlAxisH + float32(lane)*t.laneH + tlLanePad + float32(row)*t.rowH
}

// PlacedAt returns what is drawn under a widget position (a mark, bar or cluster), within a
// finger's reach horizontally.
func (t *TimelineView) PlacedAt(pos fyne.Position) (timeline.Placed, bool) {
	// A fingertip is about 10 mm: accept what lies within 12 px of it, nearest first, counting
	// vertical distance from the thing's row as well as horizontal distance from its box.
	const reach = 12
	best, bestD := -1, float32(reach+1)
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
		d := fyne.Max(dx, dy)
		if d > reach {
			continue
		}
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
