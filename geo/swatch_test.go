package geo

import (
	"image/color"
	"testing"
)

// TestSwatch checks that a legend swatch shows what the map shows: the front's colour on the
// line, the wash over the land colour inside the square, a marker's colour at its centre.
func TestSwatch(t *testing.T) {
	s := &StyleLight
	over := func(bg color.NRGBA, p color.NRGBA) color.RGBA {
		a := uint32(p.A)
		mix := func(b, f uint8) uint8 { return uint8((uint32(f)*a + uint32(b)*(255-a) + 127) / 255) }
		return color.RGBA{R: mix(bg.R, p.R), G: mix(bg.G, p.G), B: mix(bg.B, p.B), A: 0xff}
	}
	near := func(a, b color.RGBA) bool {
		d := func(x, y uint8) bool { return int(x)-int(y) <= 2 && int(y)-int(x) <= 2 }
		return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
	}
	front := Swatch(40, 20, 2, s.Land.Fill, SwatchItem{Kind: LayerLine, Paint: s.Front})
	if b := front.Bounds(); b.Dx() != 80 || b.Dy() != 40 {
		t.Fatalf("size %v, want 80×40 at scale 2", b)
	}
	found := false
	for y := 0; y < 40; y++ {
		found = found || front.RGBAAt(40, y) == color.RGBA{R: s.Front.Stroke.R, G: s.Front.Stroke.G, B: s.Front.Stroke.B, A: 0xff}
	}
	if !found {
		t.Errorf("no front colour down the middle of the front's swatch")
	}
	if got := front.RGBAAt(1, 1); got != over(s.Land.Fill, color.NRGBA{A: 0}) {
		t.Errorf("corner %v, want the land colour", got)
	}
	for _, side := range []string{HeldByAxis, HeldByAllied, HeldByUncovered} {
		img := Swatch(40, 20, 1, s.Land.Fill, SwatchItem{Kind: LayerFill, Paint: s.HeldPaint(side)})
		if got, want := img.RGBAAt(20, 10), over(s.Land.Fill, s.HeldPaint(side).Fill); !near(got, want) {
			t.Errorf("%s: centre %v, want the wash over land %v", side, got, want)
		}
	}
	l := mustLayer(t, fc(feat(gPoint, `{}`), feat(gPolygon, `{}`)))
	items := l.SwatchItems(s.UserColor(2), s)
	if len(items) != 2 || items[0].Kind != LayerFill || items[1].Kind != LayerMarker {
		t.Fatalf("items %+v, want an area and a marker", items)
	}
	img := Swatch(40, 20, 1, s.Land.Fill, items...)
	if got, want := img.RGBAAt(20, 10), s.UserColor(2); !near(got, color.RGBA{R: want.R, G: want.G, B: want.B, A: 0xff}) {
		t.Errorf("marker centre %v, want the layer's colour %v", got, want)
	}
	if got, want := img.RGBAAt(6, 10), over(s.Land.Fill, withOpacity(s.UserColor(2), userFillOpacity)); !near(got, want) {
		t.Errorf("area %v, want the layer's wash %v", got, want)
	}
}
