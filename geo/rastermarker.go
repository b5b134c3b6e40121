package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// markerSides is the number of sides of the polygon a marker's disc is drawn as.
const markerSides = 16

// markerUnit is the unit circle as markerSides points, counter-clockwise, closed.
var markerUnit = func() (o [markerSides + 1][2]float64) {
	for k := range markerSides {
		a := 2 * math.Pi * float64(k) / markerSides
		o[k] = [2]float64{math.Cos(a), math.Sin(a)}
	}
	o[markerSides] = o[0]
	return o
}()

// addMarkers appends the points of g (a Point or MultiPoint, degrees) projected with p to pts,
// leaving out those outside clipTo when it is non-nil.
func addMarkers(pts []orb.Point, g orb.Geometry, p Projection, clipTo *orb.Bound) []orb.Point {
	add := func(q orb.Point) {
		if clipTo != nil && !clipTo.Contains(q) {
			return
		}
		x, y := p.Forward(q[0], q[1])
		pts = append(pts, orb.Point{x, y})
	}
	switch g := g.(type) {
	case orb.Point:
		add(g)
	case orb.MultiPoint:
		for _, q := range g {
			add(q)
		}
	}
	return pts
}

// prepareMarkers appends a disc of radius r pixels around each point (projected metres,
// converted by toPx) to polys, as polygons in pixels: a marker keeps its size at every zoom.
func prepareMarkers(polys []rasterPoly, pts []orb.Point, r float64, toPx func(x, y float64) (float64, float64)) []rasterPoly {
	if r <= 0 {
		return polys
	}
	for _, q := range pts {
		x, y := toPx(q[0], q[1])
		ring := make(orb.Ring, markerSides+1)
		for k, u := range markerUnit {
			ring[k] = orb.Point{x + r*u[0], y + r*u[1]}
		}
		polys = append(polys, rasterPoly{b: orb.Bound{Min: orb.Point{x - r, y - r}, Max: orb.Point{x + r, y + r}}, rings: []orb.Ring{ring}})
	}
	return polys
}
