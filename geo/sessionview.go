package geo

import "math"

// SetCentre shows lon, lat (degrees) at the middle of the map at scale metres per pixel
// (clamped to the view's limits; the centre is kept over the theatre, as Pan keeps it). The view
// then counts as moved by the user: resizing keeps it rather than fitting the selection again.
func (s *MapSession) SetCentre(lon, lat, scale float64) {
	lon, lat = math.Max(-20, math.Min(190, lon)), math.Max(15, math.Min(82, lat))
	s.view.CX, s.view.CY = s.view.Proj.Forward(lon, lat)
	s.view.Scale = s.view.clampScale(scale)
	s.moved = true
}
