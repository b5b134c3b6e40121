package kiosk

import "math"

// Point is a touch point in window pixels.
type Point struct{ X, Y float64 }

func (p Point) sub(q Point) Point    { return Point{p.X - q.X, p.Y - q.Y} }
func (p Point) mid(q Point) Point    { return Point{(p.X + q.X) / 2, (p.Y + q.Y) / 2} }
func (p Point) dist(q Point) float64 { return math.Hypot(p.X-q.X, p.Y-q.Y) }

// PinchStep is one step of a two-finger gesture: pan the map content by Pan pixels, then zoom
// by Factor (> 1 zooms in) about Centre. Applied in that order, the point of the map that was
// under the fingers' midpoint stays under it, and the fingers' distance scales the map.
type PinchStep struct {
	Pan    Point
	Factor float64
	Centre Point
}

// Limits of the pinch maths.
const (
	// MinPinchDistance: fingers closer than this (pixels) are too close to measure a zoom;
	// the step pans only.
	MinPinchDistance = 12
	// MaxPinchFactor bounds one step's zoom (and 1/MaxPinchFactor its zoom out): a touch
	// screen that loses a finger for a frame does not throw the map to its zoom limit.
	MaxPinchFactor = 1.5
)

// Pinch follows the touch points of a screen and turns two fingers moving into PinchSteps.
// The first two fingers down make the pinch; more are ignored until one of the two lifts;
// one finger alone is a drag, which the pointer emulation of the system already delivers, so
// Pinch gives no step for it. The platform layer (internal/touch: XInput 2.2 raw touch events,
// WM_POINTER) calls Down, Move and Up, through app.UI.Touch, with the touch ids it gives.
type Pinch struct {
	ids  [2]int64
	pts  [2]Point
	n    int // fingers of the pinch down: 0, 1 or 2
	used bool
}

// Down records a finger touching at p.
func (g *Pinch) Down(id int64, p Point) {
	if g.n == 2 {
		return
	}
	for i := 0; i < g.n; i++ {
		if g.ids[i] == id {
			g.pts[i] = p
			return
		}
	}
	g.ids[g.n], g.pts[g.n] = id, p
	g.n++
}

// Active reports whether two fingers are down.
func (g *Pinch) Active() bool { return g.n == 2 }

// Pinched reports whether this touch sequence has been a pinch (so the app can ignore the tap
// the system may emulate when the fingers lift).
func (g *Pinch) Pinched() bool { return g.used }

// Move records finger id moved to p and returns the step it makes, or false when it makes
// none (one finger, or a finger not of the pinch).
func (g *Pinch) Move(id int64, p Point) (PinchStep, bool) {
	i := g.index(id)
	if i < 0 {
		return PinchStep{}, false
	}
	if g.n < 2 {
		g.pts[i] = p
		return PinchStep{}, false
	}
	a, b := g.pts[0], g.pts[1]
	na, nb := a, b
	if i == 0 {
		na = p
	} else {
		nb = p
	}
	g.pts[i] = p
	g.used = true
	return StepBetween(a, b, na, nb), true
}

// Up records finger id lifted. When the last finger lifts, a new gesture may begin.
func (g *Pinch) Up(id int64) {
	i := g.index(id)
	if i < 0 {
		return
	}
	if i == 0 && g.n == 2 {
		g.ids[0], g.pts[0] = g.ids[1], g.pts[1]
	}
	g.n--
	if g.n == 0 {
		g.used = false
	}
}

func (g *Pinch) index(id int64) int {
	for i := 0; i < g.n; i++ {
		if g.ids[i] == id {
			return i
		}
	}
	return -1
}

// StepBetween returns the step that takes two fingers from a, b to na, nb: the midpoint's
// move as the pan, the ratio of their distances as the zoom about the new midpoint. Fingers
// closer than MinPinchDistance (before or after) zoom by 1; the factor is bounded by
// MaxPinchFactor either way. A rotation of the fingers is ignored.
func StepBetween(a, b, na, nb Point) PinchStep {
	m, nm := a.mid(b), na.mid(nb)
	st := PinchStep{Pan: nm.sub(m), Factor: 1, Centre: nm}
	d, nd := a.dist(b), na.dist(nb)
	if d >= MinPinchDistance && nd >= MinPinchDistance {
		st.Factor = math.Min(math.Max(nd/d, 1/MaxPinchFactor), MaxPinchFactor)
	}
	return st
}

// Apply returns where the step takes a point of the screen's content p: panned, then scaled
// about the centre. A map that pans by Pan and zooms by Factor about Centre moves every point
// of its content so.
func (s PinchStep) Apply(p Point) Point {
	q := Point{p.X + s.Pan.X, p.Y + s.Pan.Y}
	return Point{s.Centre.X + (q.X-s.Centre.X)*s.Factor, s.Centre.Y + (q.Y-s.Centre.Y)*s.Factor}
}
