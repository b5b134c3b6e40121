package geo

import (
	"reflect"
	"testing"
	"time"
)

// A closed session keeps no drawing buffers of its overlay: neither the image, the land mask
// nor the rasterizer's accumulators (8 bytes a pixel of the largest view drawn), which a
// session still reachable after Close (a picture's map, held by Fyne's renderer cache for a
// minute) would otherwise keep.
func TestClosedSessionLetsGoOfTheOverlayBuffers(t *testing.T) {
	data, _ := sessionTestData(t, true)
	s := newTestSession(t, data, 400, 300, SessionOptions{OverlayRest: time.Millisecond})
	if !s.WaitReady(30 * time.Second) {
		t.Fatal("the overlay was never drawn")
	}
	if s.ov.mask == nil || s.ov.buf == nil || reflect.ValueOf(s.ov.raster).IsZero() {
		t.Fatal("the overlay of 19 November 1942 was drawn without a land mask or the rasterizer")
	}
	s.Close()
	if s.ov.mask != nil || s.ov.buf != nil || s.ov.cells != nil {
		t.Error("the closed session keeps the overlay's image, mask or pieces")
	}
	if !reflect.ValueOf(s.ov.raster).IsZero() {
		t.Error("the closed session keeps the rasterizer's buffers")
	}
}
