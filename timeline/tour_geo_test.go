package timeline_test

import (
	"math"
	"testing"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// TestZoomMatchesTheMap checks the zoom levels of tours against the map: zoom z is the scale web
// maps give it, the zoom limits lie within the map's own, and the map's plane is within 3.5 % of
// the ground over the latitudes of the war in Europe and the Far East, as ZoomScale says.
func TestZoomMatchesTheMap(t *testing.T) {
	for _, z := range []float64{0, 2, 4.5, 9, 16} {
		if got, want := timeline.ZoomScale(z), geo.WebMercatorScale(z); math.Abs(got-want) > 1e-9*want {
			t.Errorf("ZoomScale(%g) = %g, geo.WebMercatorScale = %g", z, got, want)
		}
	}
	if s := timeline.ZoomScale(timeline.MinZoom); s > geo.ViewMaxScale {
		t.Errorf("MinZoom is %g m/px, more than the map's most zoomed-out %g", s, geo.ViewMaxScale)
	}
	if s := timeline.ZoomScale(timeline.MaxZoom); s < geo.ViewMinScale {
		t.Errorf("MaxZoom is %g m/px, less than the map's most zoomed-in %g", s, geo.ViewMinScale)
	}
	for lat := 31.0; lat <= 69; lat += 0.5 {
		if k := geo.Theatre.ScaleFactor(lat); math.Abs(k-1) > 0.035 {
			t.Errorf("scale factor at %g°N is %.4f", lat, k)
		}
	}
}
