package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// RingCrossing reports a point where two edges of the ring r cross each other, as the base-map
// loader finds the rings it warns about ("crosses itself"), without the loader's budget.
// tools/geodata uses it to ship no such ring.
func RingCrossing(r orb.Ring) (orb.Point, bool) {
	ld := &bmLoader{rings: math.MaxInt}
	return ld.ringCrossing(r)
}

// RingEdgesCross reports whether edges a and c of the ring r (edge i runs from r[i] to r[i+1])
// cross properly, and where, by the loader's test: edges that only touch, or neighbours, do not.
func RingEdgesCross(r orb.Ring, a, c int) (orb.Point, bool) {
	return edgesCross(r, a, c, len(r)-1)
}
