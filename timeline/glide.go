package timeline

import "math"

// GlideSpan returns the time window (first and last visible day, fractional) at fraction t of a
// glide of the timeline from the window a0–a1 to b0–b1, as a tour moves to its next stop: the
// centre moves and the span changes geometrically, both eased in and out (smootherstep), so a
// move from 1941 to 1945 at the same zoom slides and a move from a year to a week zooms evenly.
// t is clamped to 0..1; GlideSpan(…, 0) and GlideSpan(…, 1) are the two windows exactly. A
// window that is empty or reversed at either end is taken as it is given, without a geometric
// span.
func GlideSpan(a0, a1, b0, b1, t float64) (start, end float64) {
	switch {
	case !(t > 0):
		return a0, a1
	case t >= 1:
		return b0, b1
	}
	k := t * t * t * (t*(6*t-15) + 10)
	ca, cb := (a0+a1)/2, (b0+b1)/2
	sa, sb := a1-a0, b1-b0
	c := ca + k*(cb-ca)
	var span float64
	if sa > 0 && sb > 0 {
		span = sa * math.Pow(sb/sa, k)
	} else {
		span = sa + k*(sb-sa)
	}
	return c - span/2, c + span/2
}
