package geo

import (
	"math"
	"time"
)

// Flight is the path of the map's view from one centre and scale to another, as a tour moves
// between stops: it zooms out while it travels and back in as it arrives, so that the way from
// Stalingrad to Berlin is seen rather than a blur of tiles. It is the "optimal" smooth zoom and
// pan of van Wijk and Nuij (Smooth and efficient zooming and panning, IEEE InfoVis 2003): the
// path that minimises the perceived motion, with ρ = √2 as they recommend. Between nearby
// views (or a pure zoom) it is a straight move with the scale changing geometrically.
//
// Positions are projected metres (View.CX, View.CY) and scales metres per pixel; the width is
// the view's in pixels, which sets how far counts as far. A Flight is a value with no clock:
// the caller asks where the view is at a fraction of the way (At) and how long the flight
// should take (Duration).
type Flight struct {
	x0, y0, s0 float64 // start: centre and scale
	x1, y1, s1 float64 // end
	w0, w1     float64 // widths of the start and end views in metres
	ux, uy     float64 // unit vector from start to end centre; zero for a pure zoom
	u1         float64 // distance between the centres, metres
	r0         float64
	length     float64 // S: the path's length in units of the perceived motion
	zoomOnly   bool
}

// flightRho is ρ, the trade-off between zooming and panning: √2 is van Wijk and Nuij's
// empirical optimum (larger zooms out further).
const flightRho = math.Sqrt2

// NewFlight returns the flight from the view centred on x0, y0 at scale s0 to the view centred
// on x1, y1 at scale s1, for a view widthPx pixels wide. Scales that are not positive are
// treated as 1 m/px; a width below 1 as 1.
func NewFlight(x0, y0, s0, x1, y1, s1, widthPx float64) Flight {
	if !(s0 > 0) {
		s0 = 1
	}
	if !(s1 > 0) {
		s1 = 1
	}
	widthPx = math.Max(widthPx, 1)
	f := Flight{x0: x0, y0: y0, s0: s0, x1: x1, y1: y1, s1: s1, w0: s0 * widthPx, w1: s1 * widthPx}
	f.u1 = math.Hypot(x1-x0, y1-y0)
	rho2 := flightRho * flightRho
	// Below a thousandth of the view's width the move is a pure zoom: the formulas divide by u1.
	if f.u1 < 1e-3*math.Min(f.w0, f.w1) {
		f.zoomOnly = true
		f.length = math.Abs(math.Log(f.w1/f.w0)) / flightRho
		return f
	}
	f.ux, f.uy = (x1-x0)/f.u1, (y1-y0)/f.u1
	b := func(wi float64, sign float64) float64 {
		return (f.w1*f.w1 - f.w0*f.w0 + sign*rho2*rho2*f.u1*f.u1) / (2 * wi * rho2 * f.u1)
	}
	r := func(b float64) float64 { return math.Log(math.Sqrt(b*b+1) - b) }
	f.r0 = r(b(f.w0, 1))
	r1 := r(b(f.w1, -1))
	f.length = (r1 - f.r0) / flightRho
	return f
}

// Length returns the length of the path in van Wijk and Nuij's units: about one per halving or
// doubling of the scale, more for a long way at close zoom. It is 0 when the views are equal.
func (f Flight) Length() float64 { return f.length }

// At returns the centre and scale at fraction t of the way (0 the start, 1 the end; t is
// clamped), with the time eased in and out so that the flight starts and ends gently. At(0)
// and At(1) are the ends exactly.
func (f Flight) At(t float64) (x, y, scale float64) {
	switch {
	case !(t > 0):
		return f.x0, f.y0, f.s0
	case t >= 1:
		return f.x1, f.y1, f.s1
	}
	s := EaseInOut(t) * f.length
	if f.zoomOnly {
		// The scale changes geometrically; the centre moves in step with its logarithm.
		k := EaseInOut(t)
		scale = f.s0 * math.Pow(f.s1/f.s0, k)
		return f.x0 + k*(f.x1-f.x0), f.y0 + k*(f.y1-f.y0), scale
	}
	rho2 := flightRho * flightRho
	c0 := math.Cosh(f.r0)
	u := f.w0 / rho2 * (c0*math.Tanh(flightRho*s+f.r0) - math.Sinh(f.r0))
	w := f.w0 * c0 / math.Cosh(flightRho*s+f.r0)
	return f.x0 + f.ux*u, f.y0 + f.uy*u, w * (f.s0 / f.w0)
}

// Flight durations: a flight takes FlightTimePerUnit for each unit of Length, at least
// FlightMinTime and at most FlightMaxTime, so that the longest way across the theatre still
// arrives in under a second.
const (
	FlightMinTime     = 350 * time.Millisecond
	FlightMaxTime     = 900 * time.Millisecond
	FlightTimePerUnit = 220 * time.Millisecond
)

// Duration returns how long the flight should take: 0 when there is nowhere to go.
func (f Flight) Duration() time.Duration {
	if f.length < 1e-9 {
		return 0
	}
	d := time.Duration(f.length * float64(FlightTimePerUnit))
	return min(max(d, FlightMinTime), FlightMaxTime)
}

// EaseInOut is the smootherstep curve 6t⁵ − 15t⁴ + 10t³: 0 at 0, 1 at 1, with zero speed and
// acceleration at both ends. t is clamped to 0..1.
func EaseInOut(t float64) float64 {
	t = math.Min(math.Max(t, 0), 1)
	return t * t * t * (t*(6*t-15) + 10)
}
