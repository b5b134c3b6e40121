package app

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// dragSlop is how far a finger may move on a link or button and still press it: a fingertip
// on a touchscreen rarely lands without sliding a few pixels, and Fyne's desktop driver calls
// anything over 2 px a drag.
const dragSlop = 10

// DragScroll is a container.Scroll that a drag scrolls, with the glide the map and the
// timeline have after a fast drag. Fyne's own Scroll ignores drags on the desktop (Fyne issue
// 5755: only the thin bar moves it), so on a touchscreen whatever lies below the fold of the
// details panel or a dialog would be out of reach. A movement of less than dragSlop pixels is
// a tap: it presses the link or button under the finger, as a tap without movement does.
type DragScroll struct {
	container.Scroll

	fling   fling
	inertia *fyne.Animation
	start   fyne.Position // where the drag began, in the scroll's coordinates
	moved   fyne.Delta    // how far it has gone
	active  bool          // the drag went past dragSlop and scrolls
	dragged bool          // a drag is under way
}

var _ fyne.Draggable = (*DragScroll)(nil)

// NewDragVScroll makes a vertical DragScroll around content.
func NewDragVScroll(content fyne.CanvasObject) *DragScroll {
	return newDragScroll(content, container.ScrollVerticalOnly)
}

// NewDragScroll makes a DragScroll around content that scrolls both ways.
func NewDragScroll(content fyne.CanvasObject) *DragScroll {
	return newDragScroll(content, container.ScrollBoth)
}

func newDragScroll(content fyne.CanvasObject, dir container.ScrollDirection) *DragScroll {
	s := &DragScroll{}
	s.Direction = dir
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// Dragged scrolls the content with the pointer once it has moved past dragSlop.
func (s *DragScroll) Dragged(ev *fyne.DragEvent) {
	if !s.dragged {
		s.dragged, s.active = true, false
		s.start = ev.Position.Subtract(ev.Dragged)
		s.moved = fyne.Delta{}
		s.fling.reset()
	}
	s.stopGlide()
	s.moved.DX += ev.Dragged.DX
	s.moved.DY += ev.Dragged.DY
	d := ev.Dragged
	if !s.active {
		if math.Hypot(float64(s.moved.DX), float64(s.moved.DY)) < dragSlop {
			return
		}
		s.active = true
		d = s.moved // what the finger moved while it might still have been a tap
	}
	s.fling.add(d)
	s.scrollBy(d)
}

// DragEnd glides on after a fast drag, or presses what is under the finger when it hardly moved.
func (s *DragScroll) DragEnd() {
	if !s.dragged {
		return
	}
	s.dragged = false
	if !s.active {
		s.fling.reset()
		tapAt(s.Content, s.start.Add(s.Offset))
		return
	}
	s.inertia = s.fling.glide(func(dx, dy float64) {
		if !s.scrollBy(fyne.NewDelta(float32(dx), float32(dy))) {
			s.stopGlide()
		}
	})
}

// scrollBy moves the content by d (a drag's step: content follows the finger) and reports
// whether it moved.
func (s *DragScroll) scrollBy(d fyne.Delta) bool {
	before := s.Offset
	s.Scrolled(&fyne.ScrollEvent{Scrolled: d})
	return s.Offset != before
}

func (s *DragScroll) stopGlide() {
	if s.inertia != nil {
		s.inertia.Stop()
		s.inertia = nil
	}
}

// tapAt taps the innermost tappable object of o's tree at pos (in o's coordinates), as the
// driver would have had the pointer not slid. It reports whether it found one.
func tapAt(o fyne.CanvasObject, pos fyne.Position) bool {
	if o == nil || !o.Visible() {
		return false
	}
	sz := o.Size()
	if pos.X < 0 || pos.Y < 0 || pos.X >= sz.Width || pos.Y >= sz.Height {
		return false
	}
	if c, ok := o.(*fyne.Container); ok {
		for i := len(c.Objects) - 1; i >= 0; i-- {
			child := c.Objects[i]
			if tapAt(child, pos.Subtract(child.Position())) {
				return true
			}
		}
		return false
	}
	if t, ok := o.(fyne.Tappable); ok {
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return true
		}
		t.Tapped(&fyne.PointEvent{Position: pos})
		return true
	}
	return false
}
