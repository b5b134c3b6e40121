package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func TestSphereRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		p    orb.Point
	}{
		{"moscow", orb.Point{37.62, 55.75}},
		{"berlin", orb.Point{13.40, 52.52}},
		{"vladivostok", orb.Point{131.9, 43.1}},
		{"south-west", orb.Point{-70.5, -33.4}},
		{"antimeridian", orb.Point{179.9, 65.0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ll := LatLngOf(tc.p)
			if got, want := ll.Lat.Degrees(), tc.p[1]; math.Abs(got-want) > 1e-12 {
				t.Errorf("lat: got %v, want %v", got, want)
			}
			if got, want := ll.Lng.Degrees(), tc.p[0]; math.Abs(got-want) > 1e-12 {
				t.Errorf("lng: got %v, want %v", got, want)
			}
			back := PointOfS2(S2Of(tc.p))
			if math.Abs(back[0]-tc.p[0]) > 1e-9 || math.Abs(back[1]-tc.p[1]) > 1e-9 {
				t.Errorf("round trip: got %v, want %v", back, tc.p)
			}
		})
	}
}
