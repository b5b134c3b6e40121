package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
)

// Dragged pans with the pointer.
func (m *MapView) Dragged(ev *fyne.DragEvent) {
	if m.pinchHoldsPointer() { // touchpinch.go: the pointer is a pinch's first finger
		return
	}
	m.interact()
	m.stopMotion()
	m.fling.add(ev.Dragged)
	m.Pan(ev.Dragged)
}

// DragEnd lets the map glide on with the drag's speed, slowing to a stop.
func (m *MapView) DragEnd() {
	if m.pinchHoldsPointer() {
		return
	}
	m.inertia = m.fling.glide(func(dx, dy float64) { m.Pan(fyne.NewDelta(float32(dx), float32(dy))) })
}

// Scrolled zooms about the pointer (wheel, trackpad).
func (m *MapView) Scrolled(ev *fyne.ScrollEvent) {
	m.interact()
	m.stopFly()
	if ev.Scrolled.DY == 0 {
		if ev.Scrolled.DX != 0 {
			m.Pan(fyne.NewDelta(ev.Scrolled.DX, 0))
		}
		return
	}
	m.ZoomAbout(math.Exp(float64(ev.Scrolled.DY)*wheelZoomRate), ev.Position)
}

// Tapped opens the nearest place within reach of a finger; a second tap soon after at the same
// spot zooms in (double tap), without delaying the first.
func (m *MapView) Tapped(ev *fyne.PointEvent) {
	if m.tapEndsPinch() { // touchpinch.go: the tap the system emulates as a pinch's finger lifts
		return
	}
	m.interact()
	now := time.Now()
	if now.Sub(m.lastTap) < doubleTapTime && dist(ev.Position, m.lastTapPos) < doubleTapDist {
		m.lastTap = time.Time{}
		m.ZoomAbout(2, ev.Position)
		return
	}
	m.lastTap, m.lastTapPos = now, ev.Position
	if id, ok := m.PlaceAt(ev.Position); ok && m.OnPlaceTapped != nil {
		m.OnPlaceTapped(id)
	}
}

// PlaceAt returns the visible place nearest to a point of the widget within geo.HitRadius pixels.
func (m *MapView) PlaceAt(pos fyne.Position) (string, bool) {
	return m.session.PlaceAt(float64(pos.X), float64(pos.Y))
}

// HandleKey pans with the arrow keys and zooms with + and −; it reports whether it used the key.
func (m *MapView) HandleKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyUp:
		m.Pan(fyne.NewDelta(0, keyPanStep))
	case fyne.KeyDown:
		m.Pan(fyne.NewDelta(0, -keyPanStep))
	case fyne.KeyLeft:
		m.Pan(fyne.NewDelta(keyPanStep, 0))
	case fyne.KeyRight:
		m.Pan(fyne.NewDelta(-keyPanStep, 0))
	case fyne.KeyPlus, fyne.KeyEqual:
		m.session.ZoomCentre(2)
		m.Refresh()
	case fyne.KeyMinus:
		m.session.ZoomCentre(0.5)
		m.Refresh()
	default:
		return false
	}
	return true
}

func (m *MapView) interact() {
	if m.OnInteract != nil {
		m.OnInteract()
	}
}

func dist(a, b fyne.Position) float32 {
	return float32(math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)))
}
