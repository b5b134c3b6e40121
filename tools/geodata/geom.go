package main

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"

	"frontline-atlas/geo"
)

// theatreBound is the area kept from every source, in degrees lon-first. East of 180° the
// longitudes continue (191 = 169°W) so that Chukotka and Wrangel Island are one piece with the
// rest of the USSR instead of wrapping to the far left of the map.
var theatreBound = orb.Bound{Min: orb.Point{-12, 25}, Max: orb.Point{191, 82}}

// levelSpec says how one level of detail is prepared.
type levelSpec struct {
	name      string  // "50m" or "10m"
	tolerance float64 // Douglas–Peucker tolerance, degrees
	decimals  int     // coordinates are rounded to this many decimals
	bound     orb.Bound
}

// unwrapPoints makes the longitudes of pts continuous (every step under 180°) by adding
// multiples of 360 from the second point on. It modifies pts in place.
func unwrapPoints(pts []orb.Point) {
	for i := 1; i < len(pts); i++ {
		for pts[i][0]-pts[i-1][0] > 180 {
			pts[i][0] -= 360
		}
		for pts[i][0]-pts[i-1][0] < -180 {
			pts[i][0] += 360
		}
	}
}

// unwrapRing unwraps a ring in place; a ring that does not close after unwrapping (one that
// goes round a pole) is restored and reported false.
func unwrapRing(r orb.Ring) bool {
	if len(r) == 0 {
		return true
	}
	orig := append(orb.Ring(nil), r...)
	unwrapPoints(r)
	if math.Abs(r[0][0]-r[len(r)-1][0]) > 1e-9 {
		copy(r, orig)
		return false
	}
	return true
}

// shiftPoints adds dx degrees to every longitude, in place.
func shiftPoints(pts []orb.Point, dx float64) {
	for i := range pts {
		pts[i][0] += dx
	}
}

// continuousPolygon makes every ring of p continuous in longitude and moves the holes next to
// the outer ring. It modifies p in place.
func continuousPolygon(p orb.Polygon) {
	if len(p) == 0 {
		return
	}
	unwrapRing(p[0])
	c := p[0].Bound().Center()[0]
	for _, h := range p[1:] {
		unwrapRing(h)
		if len(h) > 0 {
			shiftPoints(h, 360*math.Round((c-h[0][0])/360))
		}
	}
}

// clipPolygons makes the polygons continuous and returns their parts inside b, trying each at
// its own longitudes and shifted by ±360° (so a piece at -175 lands at 185). The input is not
// modified.
func clipPolygons(mp orb.MultiPolygon, b orb.Bound) orb.MultiPolygon {
	var out orb.MultiPolygon
	for _, p := range mp {
		p = p.Clone()
		continuousPolygon(p)
		for _, dx := range []float64{0, 360, -360} {
			q := p.Clone()
			for _, r := range q {
				shiftPoints(r, dx)
			}
			if !q.Bound().Intersects(b) {
				continue
			}
			if c := clip.Polygon(b, q); len(c) > 0 {
				out = append(out, c)
			}
		}
	}
	return out
}

// clipLines is clipPolygons for lines. The input is not modified.
func clipLines(mls orb.MultiLineString, b orb.Bound) orb.MultiLineString {
	var out orb.MultiLineString
	for _, ls := range mls {
		ls = ls.Clone()
		unwrapPoints(ls)
		for _, dx := range []float64{0, 360, -360} {
			q := ls.Clone()
			shiftPoints(q, dx)
			if !q.Bound().Intersects(b) {
				continue
			}
			out = append(out, clip.LineString(b, q)...)
		}
	}
	return out
}

// densifyStep is the longest segment kept, in degrees. Clipping leaves long straight edges
// along the theatre bound (the 25°N cut runs 200° of longitude); straight in degrees, they
// must be curves on the conic map, so longer segments get intermediate points.
const densifyStep = 0.5

// densify inserts points so that no segment is longer than densifyStep degrees.
func densify(pts []orb.Point) []orb.Point {
	if len(pts) < 2 {
		return pts
	}
	out := make([]orb.Point, 0, len(pts))
	for i, p := range pts {
		if i > 0 {
			q := pts[i-1]
			if n := int(math.Ceil(math.Max(math.Abs(p[0]-q[0]), math.Abs(p[1]-q[1])) / densifyStep)); n > 1 {
				for k := 1; k < n; k++ {
					f := float64(k) / float64(n)
					out = append(out, orb.Point{q[0] + f*(p[0]-q[0]), q[1] + f*(p[1]-q[1])})
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// roundPoints rounds coordinates to the given decimals and removes consecutive duplicates.
func roundPoints(pts []orb.Point, decimals int) []orb.Point {
	s := math.Pow(10, float64(decimals))
	out := pts[:0]
	for _, p := range pts {
		q := orb.Point{math.Round(p[0]*s) / s, math.Round(p[1]*s) / s}
		if len(out) > 0 && out[len(out)-1] == q {
			continue
		}
		out = append(out, q)
	}
	return out
}

// prepPolygons clips, simplifies and rounds areas for one level (prepRing). Rings left with
// fewer than four points or with an area under tolerance² are dropped; a polygon whose outer
// ring is dropped is dropped with its holes. An outer ring cut in pieces (a ring of the source
// that crosses itself) keeps its holes with its largest piece; the other pieces become polygons
// of their own.
func prepPolygons(mp orb.MultiPolygon, lv levelSpec) orb.MultiPolygon {
	mp = clipPolygons(mp, lv.bound)
	minArea := lv.tolerance * lv.tolerance
	keep := func(r orb.Ring) bool { return len(r) >= 4 && math.Abs(planar.Area(r)) >= minArea }
	var out orb.MultiPolygon
	for _, p := range mp {
		var q orb.Polygon
		var extra orb.MultiPolygon
		for i, r := range p {
			pieces := slices.DeleteFunc(prepRing(r, lv), func(r orb.Ring) bool { return !keep(r) })
			if i == 0 {
				if len(pieces) == 0 {
					break
				}
				slices.SortStableFunc(pieces, func(a, b orb.Ring) int { return cmp.Compare(math.Abs(planar.Area(b)), math.Abs(planar.Area(a))) })
				q = append(q, pieces[0])
				for _, x := range pieces[1:] {
					extra = append(extra, orb.Polygon{x})
				}
				continue
			}
			q = append(q, pieces...)
		}
		if len(q) > 0 {
			out = append(out, q)
			out = append(out, extra...)
		}
	}
	return out
}

// prepRing simplifies (Douglas–Peucker), densifies, rounds and closes one ring, and returns it
// as one or more rings none of which crosses itself (geo.RingCrossing, the loader's check).
//
// Douglas–Peucker does not keep a ring simple: dropping the points between two that it keeps
// can make the ring cross itself where it runs close to itself (a narrow isthmus, the shore of
// a strait), which a fill rule then draws wrongly and the loader warns about. Such a ring is
// simplified again with half the tolerance, and so on (a sixty-fourth at most, then not at
// all), so that only the rings that need it keep more points. A ring that crosses itself even
// unsimplified (two of the 1938 borders: the source's own) is cut at each crossing into simple
// rings (splitCrossings). The result is deterministic.
func prepRing(src orb.Ring, lv levelSpec) []orb.Ring {
	for tol := lv.tolerance; ; tol /= 2 {
		if tol < lv.tolerance/64 {
			tol = 0
		}
		r := src.Clone()
		if tol > 0 {
			r = simplify.DouglasPeucker(tol).Ring(r)
		}
		r = orb.Ring(roundPoints(densify(r), lv.decimals))
		if len(r) > 0 && r[0] != r[len(r)-1] {
			r = append(r, r[0])
		}
		if _, crosses := geo.RingCrossing(r); !crosses {
			return []orb.Ring{r}
		}
		if tol == 0 {
			return splitCrossings(r, lv.decimals)
		}
	}
}

// splitCrossings cuts a closed ring at the points where it crosses itself into closed rings
// that do not: at a crossing of edges a and c (a < c) at X, the ring r[0]…r[a] X r[c+1]…
// and the loop X r[a+1]…r[c] X. X is rounded as the other points are. A bow-tie gives its two
// halves; a small loop twisted over the rest of the ring comes off as a ring of its own.
func splitCrossings(r orb.Ring, decimals int) []orb.Ring {
	var out []orb.Ring
	work := []orb.Ring{r}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		at, crosses := geo.RingCrossing(x)
		if !crosses {
			out = append(out, x)
			continue
		}
		a, c, ok := crossingEdges(x, at)
		if !ok || len(out)+len(work) > 1000 {
			out = append(out, x) // cannot happen: the check found a crossing there
			continue
		}
		p, _ := geo.RingEdgesCross(x, a, c)
		p = roundPoints([]orb.Point{p}, decimals)[0]
		outer := append(append(append(orb.Ring{}, x[:a+1]...), p), x[c+1:]...)
		loop := append(append(orb.Ring{p}, x[a+1:c+1]...), p)
		for _, piece := range []orb.Ring{outer, loop} {
			if piece = orb.Ring(roundPoints(piece, decimals)); len(piece) >= 4 {
				work = append(work, piece)
			}
		}
	}
	return out
}

// crossingEdges finds two edges of r that cross near at: only the edges whose bounds hold at
// are compared.
func crossingEdges(r orb.Ring, at orb.Point) (a, c int, ok bool) {
	const eps = 1e-9
	var near []int
	for e := 0; e+1 < len(r); e++ {
		b := orb.MultiPoint{r[e], r[e+1]}.Bound().Pad(eps)
		if b.Contains(at) {
			near = append(near, e)
		}
	}
	for i := range near {
		for j := i + 1; j < len(near); j++ {
			if _, ok := geo.RingEdgesCross(r, near[i], near[j]); ok {
				return near[i], near[j], true
			}
		}
	}
	return 0, 0, false
}

// prepLines clips, simplifies and rounds lines for one level, dropping lines left with fewer
// than two points.
func prepLines(mls orb.MultiLineString, lv levelSpec) orb.MultiLineString {
	mls = clipLines(mls, lv.bound)
	dp := simplify.DouglasPeucker(lv.tolerance)
	var out orb.MultiLineString
	for _, ls := range mls {
		ls = dp.LineString(ls)
		ls = orb.LineString(roundPoints(densify(ls), lv.decimals))
		if len(ls) >= 2 {
			out = append(out, ls)
		}
	}
	return out
}

// asMultiPolygon returns the areas of g (Polygon or MultiPolygon), or nil.
func asMultiPolygon(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}

// asMultiLineString returns the lines of g (LineString or MultiLineString), or nil.
func asMultiLineString(g orb.Geometry) orb.MultiLineString {
	switch g := g.(type) {
	case orb.LineString:
		return orb.MultiLineString{g}
	case orb.MultiLineString:
		return g
	}
	return nil
}
