package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"

	"frontline-atlas/timeline"
)

// flyTime is how long the map takes to move to a selection or a history entry: long enough to
// see where it went, short enough not to wait for it.
const flyTime = 450 * time.Millisecond

// mark returns where the map looks, for a history entry.
func (m *MapView) mark() MapMark {
	cx, cy, s, moved := m.session.Place()
	return MapMark{CX: cx, CY: cy, Scale: s, Moved: moved}
}

// restore goes back to a view a history entry recorded; the zero MapMark fits the selection,
// or the home view when nothing is selected.
func (m *MapView) restore(v MapMark) {
	if v.Scale <= 0 {
		cx, cy, s := m.session.FitTarget()
		m.flyTo(cx, cy, s, false)
		return
	}
	m.flyTo(v.CX, v.CY, v.Scale, v.Moved)
}

// flyToSelection moves the map to fit the selected places with a margin, as snapshot --event
// shows them; it does nothing when the selection has no places.
func (m *MapView) flyToSelection() {
	if len(m.session.Selected()) == 0 {
		return
	}
	cx, cy, s := m.session.FitTarget()
	m.flyTo(cx, cy, s, false)
}

// flyTo moves the view to a centre and scale: in one step when headless (snapshots, tests) or
// not yet sized, else animated over flyTime, the centre gliding and the scale changing at an
// even rate of zoom. A drag, the wheel or another flight stops it where it is.
func (m *MapView) flyTo(cx, cy, scale float64, moved bool) {
	m.stopFly()
	if m.headless || !m.session.Sized() || m.closed {
		m.session.SetPlace(cx, cy, scale, moved)
		m.Refresh()
		return
	}
	x0, y0, s0, _ := m.session.Place()
	m.fly = fyne.NewAnimation(flyTime, func(p float32) {
		x, y, s := flyStep(x0, y0, s0, cx, cy, scale, float64(p))
		m.session.SetPlace(x, y, s, moved)
		m.Refresh()
	})
	m.fly.Curve = fyne.AnimationEaseInOut
	m.fly.Start()
}

// flyStep is the view at fraction p of a flight: the centre moves in a straight line, the
// scale geometrically (so each frame zooms by the same factor).
func flyStep(x0, y0, s0, x1, y1, s1, p float64) (x, y, s float64) {
	p = math.Max(0, math.Min(1, p))
	return x0 + (x1-x0)*p, y0 + (y1-y0)*p, s0 * math.Pow(s1/s0, p)
}

func (m *MapView) stopFly() {
	if m.fly != nil {
		m.fly.Stop()
		m.fly = nil
	}
}

// stopMotion stops whatever moves the map by itself: a flight and the glide after a drag.
func (m *MapView) stopMotion() {
	m.stopFly()
	if m.inertia != nil {
		m.inertia.Stop()
		m.inertia = nil
	}
}

// followFronts shows the Far East when the only fighting at day is there (Lake Khasan 1938,
// Khalkhin Gol 1939, August 1945) and the map looks elsewhere, and Europe again when the
// fighting is back there and the map still looks at the Far East. The UI calls it for dates
// chosen by a jump (the date control, the step buttons, a tap on the axis, a search or a link),
// never while the timeline's cursor is dragged or playback runs: the view is not yanked from
// under a moving finger (docs/map.md, "The map follows the war").
func (m *MapView) followFronts(day timeline.Day) {
	if m.data == nil || m.data.Fronts == nil || !m.session.Sized() {
		return
	}
	b, ok := m.data.Fronts.FocusBound(float64(day))
	if !ok {
		return
	}
	const farEast = 75 // degrees east: FocusBound's divide between Europe and East Asia
	cx, cy, _, _ := m.session.Place()
	viewLon, _ := m.session.View().Proj.Inverse(cx, cy)
	c := b.Center()
	switch {
	case c[0] >= farEast && !m.session.Shows(c[0], c[1], 40):
		x, y, s := m.session.BoundTarget(b, 40)
		m.flyTo(x, y, s, true)
	case c[0] < farEast && viewLon >= farEast:
		x, y, s := m.session.BoundTarget(defaultMapBound, 10)
		m.flyTo(x, y, s, true)
	}
}
