package geo

import (
	"github.com/golang/geo/s2"
	"github.com/paulmach/orb"
)

// This file is the only place where the order of latitude and longitude flips: orb speaks
// degrees longitude first (orb.Point{lon, lat}), s2 speaks latitude first (s2.LatLng) or unit
// vectors (s2.Point). Everything else in the package goes through these helpers.

// LatLngOf converts p (degrees, lon first) to an s2.LatLng (lat first, radians inside).
func LatLngOf(p orb.Point) s2.LatLng { return s2.LatLngFromDegrees(p[1], p[0]) }

// PointOfLatLng converts ll back to an orb.Point (degrees, lon first). Longitudes come back in
// [-180, 180].
func PointOfLatLng(ll s2.LatLng) orb.Point { return orb.Point{ll.Lng.Degrees(), ll.Lat.Degrees()} }

// S2Of converts p (degrees, lon first) to a unit vector on the sphere.
func S2Of(p orb.Point) s2.Point { return s2.PointFromLatLng(LatLngOf(p)) }

// PointOfS2 converts a unit vector on the sphere back to degrees, lon first.
func PointOfS2(v s2.Point) orb.Point { return PointOfLatLng(s2.LatLngFromPoint(v)) }

// s2Chain converts a list of orb points to unit vectors; the input is not modified.
func s2Chain(ps []orb.Point) []s2.Point {
	out := make([]s2.Point, len(ps))
	for i, p := range ps {
		out[i] = S2Of(p)
	}
	return out
}

// orbChain converts unit vectors back to degrees, lon first.
func orbChain(vs []s2.Point) []orb.Point {
	out := make([]orb.Point, len(vs))
	for i, v := range vs {
		out[i] = PointOfS2(v)
	}
	return out
}
