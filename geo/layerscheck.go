package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// bmCrossingBudget is how many pairs of edges one load of the base map may compare to find
// rings that cross themselves (some tenths of a second of work), shared equally by its area
// layers (see loadBaseMapLayers). The embedded map uses about
// a hundredth of it; a hostile file with rings made to defeat the grid stops being checked
// when it is spent, and loads all the same.
const bmCrossingBudget = 50_000_000

// ringCrossing reports a point where two edges of the ring r cross each other (a bow-tie),
// which a fill rule may draw wrongly. Edges that only touch, or share a vertex, are not
// crossings. The edges are put in a grid of about one edge per cell, so that a ring of n
// edges costs about n comparisons; the comparisons count against the loader's budget.
func (ld *bmLoader) ringCrossing(r orb.Ring) (orb.Point, bool) {
	n := len(r) - 1 // edges: r[i]–r[i+1]
	if n < 4 || ld.rings <= 0 {
		return orb.Point{}, false
	}
	b := orb.LineString(r).Bound()
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	if w <= 0 || h <= 0 {
		return orb.Point{}, false
	}
	side := int(math.Ceil(math.Sqrt(float64(n))))
	side = min(max(side, 1), 1024)
	cw, ch := w/float64(side), h/float64(side)
	cell := func(x, y float64) (int, int) {
		i := int((x - b.Min[0]) / cw)
		j := int((y - b.Min[1]) / ch)
		return min(max(i, 0), side-1), min(max(j, 0), side-1)
	}
	// The edges of each cell, by a counting sort into one slice (the loader's scratch space,
	// reused from ring to ring): first count, then place.
	cells := side * side
	ld.cellStart = grow(ld.cellStart, cells+1)
	clear(ld.cellStart)
	placed := 0
	for e := 0; e < n; e++ {
		p, q := r[e], r[e+1]
		i0, j0 := cell(math.Min(p[0], q[0]), math.Min(p[1], q[1]))
		i1, j1 := cell(math.Max(p[0], q[0]), math.Max(p[1], q[1]))
		placed += (i1 - i0 + 1) * (j1 - j0 + 1)
		if placed > 4*n+cells {
			// Edges spanning many cells (a ring of long spokes): the grid does not help; compare
			// every pair if the budget allows.
			return ld.allPairs(r)
		}
		for j := j0; j <= j1; j++ {
			for i := i0; i <= i1; i++ {
				ld.cellStart[j*side+i+1]++
			}
		}
	}
	for c := 1; c <= cells; c++ {
		ld.cellStart[c] += ld.cellStart[c-1]
	}
	ld.cellEdges = grow(ld.cellEdges, placed)
	ld.cellFill = grow(ld.cellFill, cells)
	copy(ld.cellFill, ld.cellStart[:cells])
	for e := 0; e < n; e++ {
		p, q := r[e], r[e+1]
		i0, j0 := cell(math.Min(p[0], q[0]), math.Min(p[1], q[1]))
		i1, j1 := cell(math.Max(p[0], q[0]), math.Max(p[1], q[1]))
		for j := j0; j <= j1; j++ {
			for i := i0; i <= i1; i++ {
				c := j*side + i
				ld.cellEdges[ld.cellFill[c]] = int32(e)
				ld.cellFill[c]++
			}
		}
	}
	for c := 0; c < cells; c++ {
		edges := ld.cellEdges[ld.cellStart[c]:ld.cellStart[c+1]]
		for a := 0; a < len(edges); a++ {
			ld.rings -= len(edges) - a - 1
			if ld.rings <= 0 {
				return orb.Point{}, false
			}
			for b := a + 1; b < len(edges); b++ {
				if at, ok := edgesCross(r, int(edges[a]), int(edges[b]), n); ok {
					return at, true
				}
			}
		}
	}
	return orb.Point{}, false
}

// grow returns s with length n, reusing its memory when it is large enough.
func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/4)
	}
	return s[:n]
}

// allPairs compares every pair of edges of r, within the loader's budget.
func (ld *bmLoader) allPairs(r orb.Ring) (orb.Point, bool) {
	n := len(r) - 1
	if n*(n-1)/2 > ld.rings {
		ld.rings = 0
		return orb.Point{}, false
	}
	ld.rings -= n * (n - 1) / 2
	for a := 0; a < n; a++ {
		for c := a + 1; c < n; c++ {
			if at, ok := edgesCross(r, a, c, n); ok {
				return at, true
			}
		}
	}
	return orb.Point{}, false
}

// edgesCross reports whether edges a and c of a ring of n edges cross properly (each passes
// through the inside of the other), and where. Neighbouring edges share a vertex and never
// cross.
func edgesCross(r orb.Ring, a, c, n int) (orb.Point, bool) {
	if a > c {
		a, c = c, a
	}
	if c == a+1 || (a == 0 && c == n-1) {
		return orb.Point{}, false
	}
	p1, p2, p3, p4 := r[a], r[a+1], r[c], r[c+1]
	d1 := orient(p3, p4, p1)
	d2 := orient(p3, p4, p2)
	d3 := orient(p1, p2, p3)
	d4 := orient(p1, p2, p4)
	if !(d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) || !(d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0) {
		return orb.Point{}, false
	}
	t := d1 / (d1 - d2)
	return orb.Point{p1[0] + t*(p2[0]-p1[0]), p1[1] + t*(p2[1]-p1[1])}, true
}

// orient is twice the signed area of the triangle a, b, c: positive when c lies left of a→b.
