// Package geo holds the map: base layers read with orb, the projection, front lines and their
// interpolation on the sphere, the Axis-held area, spatial queries and the rasterizer that draws a
// map frame into an image. It knows nothing about events and imports no UI toolkit.
//
// Coordinates are degrees, longitude first (orb.Point{lon, lat}), unless a name says otherwise;
// projected coordinates are metres on the projection plane, x east and y north; screen
// coordinates are pixels, x right and y down.
package geo

// Projection maps geographic coordinates to a plane and back.
type Projection interface {
	// Forward maps lon, lat (degrees) to x, y (metres on the plane, x east, y north).
	Forward(lon, lat float64) (x, y float64)
	// Inverse maps x, y (metres) back to lon, lat (degrees).
	Inverse(x, y float64) (lon, lat float64)
}
