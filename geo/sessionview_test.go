package geo

import (
	"math"
	"testing"
)

// SetCentre shows a point at a scale; the centre stays over the theatre and the scale within
// the view's limits, and a new size keeps the view (it counts as the user's).
func TestSessionSetCentre(t *testing.T) {
	s := NewMapSession(nil, SessionOptions{})
	defer s.Close()
	s.SetSize(800, 600)
	for _, c := range []struct {
		lon, lat, scale          float64
		wantLon, wantLat, wantSc float64
	}{
		{37.62, 55.75, 300, 37.62, 55.75, 300},
		{-70, 55, 300, -20, 55, 300},        // over the Atlantic: to the theatre's edge
		{100, 89, 300, 100, 82, 300},        // the pole: to 82° N
		{30, 50, 1, 30, 50, ViewMinScale},   // closer than a town
		{30, 50, 1e6, 30, 50, ViewMaxScale}, // farther than the hemisphere
	} {
		s.SetCentre(c.lon, c.lat, c.scale)
		v := s.View()
		lon, lat := v.Proj.Inverse(v.CX, v.CY)
		if math.Abs(lon-c.wantLon) > 1e-6 || math.Abs(lat-c.wantLat) > 1e-6 || v.Scale != c.wantSc {
			t.Errorf("SetCentre(%g, %g, %g): centre %.4f, %.4f at %g m/px, want %g, %g at %g", c.lon, c.lat, c.scale, lon, lat, v.Scale, c.wantLon, c.wantLat, c.wantSc)
		}
	}
	s.SetCentre(37.62, 55.75, 300)
	s.SetSize(1600, 900)
	if v := s.View(); v.Scale != 300 {
		t.Errorf("a new size changed the scale set to %g m/px", v.Scale)
	}
}
