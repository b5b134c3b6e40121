package geo

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
)

// The map projection (Theatre) is continuous over 360° of longitude centred on its central
// meridian, 50°E: from 130°W to 230°E (170°W and 190°E are the same place on it). Each part of
// a user geometry is moved by whole turns into that span, so that the two halves of a shape
// split at 180° (RFC 7946 §3.1.9) join up again and a shape written across 180° (170 → -170, or
// 170 → 190) draws in one piece, and then clipped to it: what lies across the seam at 130°W (the
// Americas' Pacific coast) or south of 60°S, where the conic projection runs off to infinity,
// is not drawn.
var userClip = func() orb.Bound {
	_, _, _, lon0 := Theatre.Params()
	return orb.Bound{Min: orb.Point{lon0 - 179.5, -60}, Max: orb.Point{lon0 + 179.5, 90}}
}()

// normalizeUserGeom returns g moved into the map's longitudes and clipped (nil when nothing of
// it is left), and counts its point, line and area parts. g is not modified.
func normalizeUserGeom(g orb.Geometry) (out orb.Geometry, pts, lines, areas int) {
	switch g := g.(type) {
	case orb.Point:
		if p, ok := userPoint(g); ok {
			return p, 1, 0, 0
		}
	case orb.MultiPoint:
		var mp orb.MultiPoint
		for _, p := range g {
			if q, ok := userPoint(p); ok {
				mp = append(mp, q)
			}
		}
		if len(mp) > 0 {
			return mp, len(mp), 0, 0
		}
	case orb.LineString:
		if mls := userLine(g, nil); len(mls) == 1 {
			return mls[0], 0, 1, 0
		} else if len(mls) > 1 {
			return mls, 0, 1, 0
		}
	case orb.MultiLineString:
		var mls orb.MultiLineString
		for _, ls := range g {
			mls = userLine(ls, mls)
		}
		if len(mls) > 0 {
			return mls, 0, len(g), 0
		}
	case orb.Polygon:
		if pg := userPolygon(g); pg != nil {
			return pg, 0, 0, 1
		}
	case orb.MultiPolygon:
		var mp orb.MultiPolygon
		for _, pg := range g {
			if q := userPolygon(pg); q != nil {
				mp = append(mp, q)
			}
		}
		if len(mp) > 0 {
			return mp, 0, 0, len(mp)
		}
	case orb.Collection:
		var c orb.Collection
		for _, m := range g {
			if o, p, l, a := normalizeUserGeom(m); o != nil {
				c = append(c, o)
				pts, lines, areas = pts+p, lines+l, areas+a
			}
		}
		if len(c) > 0 {
			return c, pts, lines, areas
		}
		return nil, 0, 0, 0
	}
	return nil, 0, 0, 0
}

// turnsInto returns the multiple of 360° that moves longitude x into userClip's span.
func turnsInto(x float64) float64 {
	return -360 * math.Floor((x-(userClip.Min[0]-0.5))/360)
}

func userPoint(p orb.Point) (orb.Point, bool) {
	p[0] += turnsInto(p[0])
	return p, userClip.Contains(p)
}

// unwrapped returns a copy of pts with longitudes made continuous (a step of more than 180° is
// taken as a crossing of 180°) and then moved by whole turns so that the middle of their span
// lies in the map's longitudes; its bound is returned too.
func unwrapped(pts []orb.Point) ([]orb.Point, orb.Bound) {
	out := rasterUnwrap(pts)
	b := orb.MultiPoint(out).Bound()
	if t := turnsInto((b.Min[0] + b.Max[0]) / 2); t != 0 {
		for i := range out {
			out[i][0] += t
		}
		b.Min[0], b.Max[0] = b.Min[0]+t, b.Max[0]+t
	}
	return out, b
}

func within(in, out orb.Bound) bool {
	return in.Min[0] >= out.Min[0] && in.Max[0] <= out.Max[0] && in.Min[1] >= out.Min[1] && in.Max[1] <= out.Max[1]
}

// userLine appends the parts of ls inside the map's longitudes to out.
func userLine(ls orb.LineString, out orb.MultiLineString) orb.MultiLineString {
	pts, b := unwrapped(ls)
	if within(b, userClip) {
		return append(out, pts)
	}
	for _, part := range clip.LineString(userClip, pts) {
		if len(part) >= 2 {
			out = append(out, part)
		}
	}
	return out
}

// userPolygon returns pg in the map's longitudes, clipped, or nil. Holes are moved next to
// their outer ring.
func userPolygon(pg orb.Polygon) orb.Polygon {
	outer, b := unwrapped(pg[0])
	out := orb.Polygon{orb.Ring(outer)}
	mid := (b.Min[0] + b.Max[0]) / 2
	for _, h := range pg[1:] {
		pts := rasterUnwrap(h)
		hb := orb.MultiPoint(pts).Bound()
		if t := -360 * math.Round(((hb.Min[0]+hb.Max[0])/2-mid)/360); t != 0 {
			for i := range pts {
				pts[i][0] += t
			}
			hb.Min[0], hb.Max[0] = hb.Min[0]+t, hb.Max[0]+t
		}
		b = b.Union(hb)
		out = append(out, orb.Ring(pts))
	}
	if within(b, userClip) {
		return out
	}
	if !b.Intersects(userClip) {
		return nil
	}
	var kept orb.Polygon
	for i, r := range out {
		c := clip.Ring(userClip, r)
		if len(c) < 4 {
			if i == 0 {
				return nil
			}
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// labelPoint returns where a geometry's name goes: a point itself (the first of several), the
// middle of the longest line, or a point inside the largest polygon (its centroid when that is
// inside, else the middle of the widest span across it at the centroid's latitude).
func labelPoint(g orb.Geometry) orb.Point {
	var best orb.Point
	bestArea, bestLen, havePoint := -1.0, -1.0, false
	var visit func(g orb.Geometry)
	visit = func(g orb.Geometry) {
		switch g := g.(type) {
		case orb.Point:
			if !havePoint && bestLen < 0 && bestArea < 0 {
				best, havePoint = g, true
			}
		case orb.MultiPoint:
			if len(g) > 0 {
				visit(g[0])
			}
		case orb.LineString:
			if bestArea >= 0 {
				return
			}
			if l := planar.Length(g); l > bestLen {
				best, bestLen = alongLine(g, l/2), l
			}
		case orb.MultiLineString:
			for _, ls := range g {
				visit(ls)
			}
		case orb.Polygon:
			if a := math.Abs(planar.Area(g[0])); a > bestArea {
				best, bestArea = insidePoint(g), a
			}
		case orb.MultiPolygon:
			for _, pg := range g {
				visit(pg)
			}
		case orb.Collection:
			for _, m := range g {
				visit(m)
			}
		}
	}
	visit(g)
	return best
}

// alongLine returns the point at distance d (degrees, planar) along ls.
func alongLine(ls orb.LineString, d float64) orb.Point {
	for i := 1; i < len(ls); i++ {
		s := planar.Distance(ls[i-1], ls[i])
		if s >= d && s > 0 {
			t := d / s
			return orb.Point{ls[i-1][0] + t*(ls[i][0]-ls[i-1][0]), ls[i-1][1] + t*(ls[i][1]-ls[i-1][1])}
		}
		d -= s
	}
	return ls[len(ls)-1]
}

// insidePoint returns a point inside the polygon pg.
func insidePoint(pg orb.Polygon) orb.Point {
	c, _ := planar.CentroidArea(pg)
	if planar.PolygonContains(pg, c) {
		return c
	}
	// The widest span of the polygon along the centroid's parallel.
	y := c[1]
	var xs []float64
	for _, r := range pg {
		for i := 1; i < len(r); i++ {
			a, b := r[i-1], r[i]
			if (a[1] <= y) != (b[1] <= y) {
				xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
			}
		}
	}
	slices.Sort(xs)
	best, w := pg[0][0], -1.0
	for i := 0; i+1 < len(xs); i += 2 {
		if xs[i+1]-xs[i] > w {
			best, w = orb.Point{(xs[i] + xs[i+1]) / 2, y}, xs[i+1]-xs[i]
		}
	}
	return best
}
