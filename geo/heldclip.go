package geo

import (
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// This file turns a set of overlapping rings, each with a rule saying who holds the ground
// inside it, into one MultiPolygon per holder: the overlay of the rings (an arrangement) is
// built by splitting every edge where it meets another ring, each piece of edge is classified
// by who holds the ground on its left and on its right, and the pieces with a given holder on
// exactly one side are linked into rings. The same holder function decides the point query
// (heldRings.holderAt), so what is drawn and what is answered cannot disagree.

// clipRing is one input ring, closed (first vertex repeated last), in degrees lon first.
type clipRing struct {
	pts   []orb.Point
	bound orb.Bound
	ccw   bool // the interior is on the left of the vertex order
	index *ringIndex
}

func newClipRing(pts []orb.Point) clipRing {
	r := clipRing{pts: pts, bound: orb.MultiPoint(pts).Bound()}
	var a float64
	for i := 0; i+1 < len(pts); i++ {
		a += pts[i][0]*pts[i+1][1] - pts[i+1][0]*pts[i][1]
	}
	r.ccw = a > 0
	if len(pts) > 48 {
		r.index = newRingIndex(pts, r.bound)
	}
	return r
}

// contains reports whether p is inside the ring (even–odd rule, a ray cast towards +x).
// Points exactly on an edge may go either way. It only reads r (safe for concurrent use).
func (r *clipRing) contains(p orb.Point) bool {
	if !r.bound.Contains(p) {
		return false
	}
	if r.index != nil {
		return r.index.contains(r.pts, p)
	}
	return rayCrossings(r.pts, 0, len(r.pts)-1, p)
}

// rayCrossings counts, modulo 2, the edges pts[i]..pts[i+1] for i in [from, to) that a ray
// from p towards +x crosses.
func rayCrossings(pts []orb.Point, from, to int, p orb.Point) bool {
	in := false
	for i := from; i < to; i++ {
		a, b := pts[i], pts[i+1]
		if (a[1] > p[1]) != (b[1] > p[1]) {
			x := a[0] + (p[1]-a[1])*(b[0]-a[0])/(b[1]-a[1])
			if p[0] < x {
				in = !in
			}
		}
	}
	return in
}

// ringIndex lists, for horizontal bands of a ring's bound, the edges that span each band's
// latitudes, so that a ray cast looks at a few edges instead of all of them.
type ringIndex struct {
	y0, dy float64
	bands  [][]int32 // edge start indices
}

func newRingIndex(pts []orb.Point, b orb.Bound) *ringIndex {
	n := len(pts) - 1
	nb := max(1, min(256, n/4))
	ix := &ringIndex{y0: b.Min[1], dy: (b.Max[1] - b.Min[1]) / float64(nb), bands: make([][]int32, nb)}
	if ix.dy <= 0 {
		ix.dy = 1
	}
	for i := 0; i < n; i++ {
		lo, hi := ix.band(math.Min(pts[i][1], pts[i+1][1])), ix.band(math.Max(pts[i][1], pts[i+1][1]))
		for k := lo; k <= hi; k++ {
			ix.bands[k] = append(ix.bands[k], int32(i))
		}
	}
	return ix
}

func (ix *ringIndex) band(y float64) int {
	k := int((y - ix.y0) / ix.dy)
	return max(0, min(len(ix.bands)-1, k))
}

func (ix *ringIndex) contains(pts []orb.Point, p orb.Point) bool {
	in := false
	for _, i := range ix.bands[ix.band(p[1])] {
		a, b := pts[i], pts[i+1]
		if (a[1] > p[1]) != (b[1] > p[1]) {
			x := a[0] + (p[1]-a[1])*(b[0]-a[0])/(b[1]-a[1])
			if p[0] < x {
				in = !in
			}
		}
	}
	return in
}

// clipSeg is a piece of an input edge between two split points.
type clipSeg struct {
	a, b  orb.Point
	rings []clipOn // the rings whose boundary runs along this piece
}

// clipOn says that ring r runs along a piece, in the piece's direction (fwd) or against it.
type clipOn struct {
	r   int
	fwd bool
}

// clipEdge is an input edge with the parameters (0..1) where it is split.
type clipEdge struct {
	r      int // ring index
	a, b   orb.Point
	bound  orb.Bound
	splits []clipSplit
}

type clipSplit struct {
	t float64
	p orb.Point
}

// holderFunc returns the holder of ground that lies inside exactly the rings marked in in.
type holderFunc func(in []bool) string

// clipOverlay returns, for each holder in want, the area where holder(membership) equals it,
// as a MultiPolygon (outer rings counter-clockwise, holes clockwise inside their outer ring).
func clipOverlay(rings []clipRing, holder holderFunc, want []string) map[string]orb.MultiPolygon {
	segs := clipArrangement(rings)
	type dirEdge struct{ a, b orb.Point }
	edges := map[string][]dirEdge{}
	wanted := map[string]bool{}
	for _, w := range want {
		wanted[w] = true
	}
	left := make([]bool, len(rings))
	right := make([]bool, len(rings))
	on := make([]int8, len(rings)) // 0 not on the piece, 1 interior on the left, 2 on the right
	for _, s := range segs {
		if s.a == s.b {
			continue
		}
		mid := orb.Point{(s.a[0] + s.b[0]) / 2, (s.a[1] + s.b[1]) / 2}
		for _, o := range s.rings {
			if o.fwd == rings[o.r].ccw {
				on[o.r] = 1
			} else {
				on[o.r] = 2
			}
		}
		for i := range rings {
			switch on[i] {
			case 1:
				left[i], right[i] = true, false
			case 2:
				left[i], right[i] = false, true
			default:
				in := rings[i].contains(mid)
				left[i], right[i] = in, in
			}
		}
		for _, o := range s.rings {
			on[o.r] = 0
		}
		hl, hr := holder(left), holder(right)
		if hl == hr {
			continue
		}
		if wanted[hl] {
			edges[hl] = append(edges[hl], dirEdge{s.a, s.b})
		}
		if wanted[hr] {
			edges[hr] = append(edges[hr], dirEdge{s.b, s.a})
		}
	}
	out := map[string]orb.MultiPolygon{}
	for h, es := range edges {
		out[h] = clipLink(len(es), func(i int) (orb.Point, orb.Point) { return es[i].a, es[i].b })
	}
	return out
}

// clipArrangement splits every edge of every ring where it meets an edge of another ring and
// merges pieces that coincide, recording which rings run along each piece and in which
// direction.
func clipArrangement(rings []clipRing) []clipSeg {
	var edges []clipEdge
	for ri, r := range rings {
		for i := 0; i+1 < len(r.pts); i++ {
			a, b := r.pts[i], r.pts[i+1]
			if a == b {
				continue
			}
			edges = append(edges, clipEdge{r: ri, a: a, b: b, bound: orb.Bound{Min: a, Max: a}.Extend(b)})
		}
	}
	clipFindSplits(edges)
	type key struct{ a, b orb.Point }
	pieces := map[key]int{}
	var segs []clipSeg
	for i := range edges {
		e := &edges[i]
		sort.Slice(e.splits, func(x, y int) bool { return e.splits[x].t < e.splits[y].t })
		prev := e.a
		emit := func(p orb.Point) {
			if p == prev {
				return
			}
			k, fwd := key{prev, p}, true
			if p[0] < prev[0] || (p[0] == prev[0] && p[1] < prev[1]) {
				k, fwd = key{p, prev}, false
			}
			j, ok := pieces[k]
			if !ok {
				j = len(segs)
				pieces[k] = j
				segs = append(segs, clipSeg{a: k.a, b: k.b})
			}
			segs[j].rings = append(segs[j].rings, clipOn{r: e.r, fwd: fwd})
			prev = p
		}
		for _, s := range e.splits {
			if s.t > 0 && s.t < 1 {
				emit(s.p)
			}
		}
		emit(e.b)
	}
	// A ring that runs along the same piece twice (there and back) has no side there.
	for i := range segs {
		rs := segs[i].rings
		if len(rs) < 2 {
			continue
		}
		sort.Slice(rs, func(x, y int) bool { return rs[x].r < rs[y].r })
		kept := rs[:0]
		for j := 0; j < len(rs); j++ {
			if j+1 < len(rs) && rs[j+1].r == rs[j].r {
				if rs[j+1].fwd != rs[j].fwd {
					j++ // cancels out
					continue
				}
			}
			kept = append(kept, rs[j])
		}
		segs[i].rings = kept
	}
	return segs
}

// clipFindSplits records, on every edge, the points where edges of other rings cross or touch
// it. Candidate pairs come from a uniform grid over the edges' bounds.
func clipFindSplits(edges []clipEdge) {
	if len(edges) == 0 {
		return
	}
	b := edges[0].bound
	for i := range edges {
		b = b.Union(edges[i].bound)
	}
	n := int(math.Sqrt(float64(len(edges)))) + 1
	w, h := (b.Max[0]-b.Min[0])/float64(n), (b.Max[1]-b.Min[1])/float64(n)
	if w <= 0 {
		w = 1
	}
	if h <= 0 {
		h = 1
	}
	cell := func(x, y float64) (int, int) {
		return max(0, min(n-1, int((x-b.Min[0])/w))), max(0, min(n-1, int((y-b.Min[1])/h)))
	}
	grid := make([][]int32, n*n)
	for i := range edges {
		x0, y0 := cell(edges[i].bound.Min[0], edges[i].bound.Min[1])
		x1, y1 := cell(edges[i].bound.Max[0], edges[i].bound.Max[1])
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				grid[y*n+x] = append(grid[y*n+x], int32(i))
			}
		}
	}
	for ci, list := range grid {
		cx, cy := ci%n, ci/n
		for x := 0; x < len(list); x++ {
			e := &edges[list[x]]
			for y := x + 1; y < len(list); y++ {
				f := &edges[list[y]]
				if e.r == f.r || !e.bound.Intersects(f.bound) {
					continue
				}
				// Test each pair once: in the cell holding the corner of their common bound.
				px, py := cell(math.Max(e.bound.Min[0], f.bound.Min[0]), math.Max(e.bound.Min[1], f.bound.Min[1]))
				if px != cx || py != cy {
					continue
				}
				clipIntersect(e, f)
			}
		}
	}
}

func orient(a, b, c orb.Point) float64 {
	return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
}

// segParam returns the parameter of p (known to lie on the line of a–b) along a–b.
func segParam(a, b, p orb.Point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if math.Abs(dx) >= math.Abs(dy) {
		return (p[0] - a[0]) / dx
	}
	return (p[1] - a[1]) / dy
}

// clipIntersect adds to e and f the points where they cross or touch: a proper crossing, an
// end of one lying on the other, or the ends of a collinear overlap.
func clipIntersect(e, f *clipEdge) {
	d1, d2 := orient(e.a, e.b, f.a), orient(e.a, e.b, f.b)
	d3, d4 := orient(f.a, f.b, e.a), orient(f.a, f.b, e.b)
	if d1 == 0 && d2 == 0 {
		// Collinear: each end lying inside the other edge splits it.
		for _, p := range []orb.Point{f.a, f.b} {
			if t := segParam(e.a, e.b, p); t > 0 && t < 1 {
				e.splits = append(e.splits, clipSplit{t, p})
			}
		}
		for _, p := range []orb.Point{e.a, e.b} {
			if t := segParam(f.a, f.b, p); t > 0 && t < 1 {
				f.splits = append(f.splits, clipSplit{t, p})
			}
		}
		return
	}
	if (d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0) || (d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0) {
		return
	}
	// An end of one edge on the other (a T or a shared vertex).
	touch := false
	for _, c := range []struct {
		d  float64
		p  orb.Point
		on *clipEdge
	}{{d1, f.a, e}, {d2, f.b, e}, {d3, e.a, f}, {d4, e.b, f}} {
		if c.d == 0 {
			touch = true
			if t := segParam(c.on.a, c.on.b, c.p); t > 0 && t < 1 {
				c.on.splits = append(c.on.splits, clipSplit{t, c.p})
			}
		}
	}
	if touch {
		return
	}
	// A proper crossing: one point shared by both edges.
	t := d3 / (d3 - d4)
	p := orb.Point{e.a[0] + t*(e.b[0]-e.a[0]), e.a[1] + t*(e.b[1]-e.a[1])}
	u := d1 / (d1 - d2)
	e.splits = append(e.splits, clipSplit{t, p})
	f.splits = append(f.splits, clipSplit{u, p})
}

// clipLink links directed edges (the area on their left) into rings and groups the rings
// into polygons. At a vertex with several ways on, it takes the first edge clockwise from the
// way it came, which traces each face on its own and keeps rings simple where they touch.
func clipLink(n int, edge func(i int) (orb.Point, orb.Point)) orb.MultiPolygon {
	out := map[orb.Point][]int{}
	for i := 0; i < n; i++ {
		a, _ := edge(i)
		out[a] = append(out[a], i)
	}
	used := make([]bool, n)
	var rings []orb.Ring
	for i := 0; i < n; i++ {
		if used[i] {
			continue
		}
		start, _ := edge(i)
		ring := orb.Ring{start}
		cur := i
		for steps := 0; steps <= n; steps++ {
			used[cur] = true
			a, b := edge(cur)
			ring = append(ring, b)
			if b == start {
				break
			}
			back := math.Atan2(a[1]-b[1], a[0]-b[0])
			next, best := -1, math.Inf(1)
			for _, j := range out[b] {
				if used[j] {
					continue
				}
				_, c := edge(j)
				ang := back - math.Atan2(c[1]-b[1], c[0]-b[0]) // clockwise from the way back
				for ang <= 0 {
					ang += 2 * math.Pi
				}
				for ang > 2*math.Pi {
					ang -= 2 * math.Pi
				}
				if ang < best {
					next, best = j, ang
				}
			}
			if next < 0 {
				break // an open chain (rounding): the ring is closed as it stands
			}
			cur = next
		}
		if ring[len(ring)-1] != ring[0] {
			ring = append(ring, ring[0])
		}
		if len(ring) >= 4 {
			rings = append(rings, ring)
		}
	}
	return clipGroup(rings)
}

// clipGroup makes polygons of rings: counter-clockwise rings are outer rings, clockwise ones
// are holes, each put in the smallest outer ring that contains it.
func clipGroup(rings []orb.Ring) orb.MultiPolygon {
	type outer struct {
		ring orb.Ring
		area float64
		cr   clipRing
		poly int
	}
	var outers []outer
	var holes []orb.Ring
	for _, r := range rings {
		a := ringSignedArea(r)
		switch {
		case a > 0:
			outers = append(outers, outer{ring: r, area: a, cr: newClipRing(r)})
		case a < 0:
			holes = append(holes, r)
		}
	}
	sort.Slice(outers, func(i, j int) bool { return outers[i].area < outers[j].area })
	mp := make(orb.MultiPolygon, len(outers))
	for i := range outers {
		mp[i] = orb.Polygon{outers[i].ring}
	}
	for _, h := range holes {
		p := ringInteriorPoint(h)
		for i := range outers {
			if outers[i].cr.contains(p) {
				mp[i] = append(mp[i], h)
				break
			}
		}
	}
	return mp
}

func ringSignedArea(r orb.Ring) float64 {
	var a float64
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

// ringInteriorPoint returns a point just inside a clockwise ring (on the right of its first
// edge long enough to use), for finding the ring that holds it.
func ringInteriorPoint(r orb.Ring) orb.Point {
	best, bl := 0, -1.0
	for i := 0; i+1 < len(r); i++ {
		if l := math.Hypot(r[i+1][0]-r[i][0], r[i+1][1]-r[i][1]); l > bl {
			best, bl = i, l
		}
	}
	a, b := r[best], r[best+1]
	m := orb.Point{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2}
	if bl == 0 {
		return m
	}
	// The interior of a clockwise ring is on the right of its edges.
	nx, ny := (b[1]-a[1])/bl, -(b[0]-a[0])/bl
	eps := math.Min(1e-6, bl*1e-3)
	return orb.Point{m[0] + nx*eps, m[1] + ny*eps}
}
