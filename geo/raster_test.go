package geo

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
)

// rasterTestLayers is a small scene in degrees: a square island with a lake-shaped hole, a
// second island, a river, a translucent held area and a front.
func rasterTestLayers() []Layer {
	island := orb.Polygon{
		{{-4, -4}, {4, -4}, {4, 4}, {-4, 4}, {-4, -4}},
		{{-1, -1}, {-1, 1}, {1, 1}, {1, -1}, {-1, -1}}, // same winding as the outer: must still be a hole
	}
	return []Layer{
		{Name: "land", Kind: LayerFill, Role: RoleLand, Geoms: []orb.Geometry{island,
			orb.MultiPolygon{{{{5, 2}, {7, 2}, {6.5, 5}, {5, 2}}}}}},
		{Name: "held", Kind: LayerFill, Role: RoleAxisHeld, Geoms: []orb.Geometry{
			orb.Ring{{-4, 0}, {0, 0}, {0, 4}, {-4, 4}, {-4, 0}}}},
		{Name: "river", Kind: LayerLine, Role: RoleRiver, Geoms: []orb.Geometry{
			orb.LineString{{-3, -3}, {-2, -2.5}, {-2, 0}, {-1.2, 0}}}},
		{Name: "front", Kind: LayerLine, Role: RoleFront, Geoms: []orb.Geometry{
			orb.MultiLineString{{{2, -5}, {2.5, 0}, {1.5, 3}, {2, 6}}}}},
	}
}

// rasterTestView shows lon −6..6, lat −6..6 on 128×128 pixels.
func rasterTestView() *View {
	return NewView(viewTestPlate{}, 128, 128, 0, 0, 12*viewTestM/128)
}

// rasterAssertGolden compares img with testdata/raster/name.png, writing it on first run; on a
// mismatch beyond tol (per channel, and more than maxBad pixels) it writes the result to
// testdata/failed/name.png.
func rasterAssertGolden(t *testing.T, name string, img *image.RGBA, tol, maxBad int) {
	t.Helper()
	path := filepath.Join("testdata", "raster", name+".png")
	f, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote new golden image %s", path)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	want, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		t.Fatalf("decoding %s: %v", path, err)
	}
	bad := 0
	if want.Bounds() != img.Bounds() {
		bad = img.Bounds().Dx() * img.Bounds().Dy()
	} else {
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				g := img.RGBAAt(x, y)
				w := color.RGBAModel.Convert(want.At(x, y)).(color.RGBA)
				if rasterAbsDiff(g.R, w.R) > tol || rasterAbsDiff(g.G, w.G) > tol ||
					rasterAbsDiff(g.B, w.B) > tol || rasterAbsDiff(g.A, w.A) > tol {
					bad++
				}
			}
		}
	}
	if bad > maxBad {
		t.Errorf("%s: %d pixels differ by more than %d, want at most %d; result written to %s",
			name, bad, tol, maxBad, rasterWriteFailed(t, name, img))
	}
}

// rasterWriteFailed writes img to testdata/failed/name.png (git-ignored) and returns the path.
func rasterWriteFailed(t *testing.T, name string, img image.Image) string {
	t.Helper()
	out := filepath.Join("testdata", "failed", name+".png")
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Logf("encoding %s: %v", out, err)
		return out
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Logf("writing %s: %v", out, err)
		return out
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Logf("writing %s: %v", out, err)
	}
	return out
}

func rasterAbsDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func rasterNRGBAtoRGBA(c color.NRGBA) color.RGBA { return color.RGBAModel.Convert(c).(color.RGBA) }

func TestRenderFrameGolden(t *testing.T) {
	for _, s := range []*Style{&StyleLight, &StyleDark} {
		t.Run(s.Name, func(t *testing.T) {
			img := RenderFrame(rasterTestView(), s, rasterTestLayers())
			rasterAssertGolden(t, "frame-"+s.Name, img, 2, 4)
		})
	}
}

func TestRenderFramePixels(t *testing.T) {
	v := rasterTestView()
	img := RenderFrame(v, &StyleLight, rasterTestLayers())
	at := func(lon, lat float64) color.RGBA {
		x, y := v.ToScreen(lon, lat)
		return img.RGBAAt(int(x), int(y))
	}
	water := rasterNRGBAtoRGBA(StyleLight.Background)
	land := rasterNRGBAtoRGBA(StyleLight.Land.Fill)
	tests := []struct {
		name     string
		lon, lat float64
		want     color.RGBA
	}{
		{"sea", -5.5, -5.5, water},
		{"land", 3, -2.5, land},
		{"hole is water", 0.5, -0.5, water},
		{"second island", 5.5, 2.5, land},
	}
	for _, tc := range tests {
		if got := at(tc.lon, tc.lat); got != tc.want {
			t.Errorf("%s at (%g, %g): got %v, want %v", tc.name, tc.lon, tc.lat, got, tc.want)
		}
	}
	// The held wash darkens land under it but leaves it land-like (translucent).
	if got := at(-3, 3); got == land || got.R < land.R/2 {
		t.Errorf("held area at (-3, 3): got %v, want a translucent wash over %v", got, land)
	}
	// The front is strong red where it crosses the island.
	x, y := v.ToScreen(2.5, 0)
	if got := img.RGBAAt(int(x+0.5), int(y)); got.R < 150 || got.G > 110 {
		t.Errorf("front at (2.5, 0): got %v, want red", got)
	}
}

// A ring given across 180° (170 → −170) must become continuous, not a band over the world.
func TestRenderFrameAntimeridian(t *testing.T) {
	chukotka := orb.Polygon{{{170, 60}, {-170, 60}, {-170, 70}, {170, 70}, {170, 60}}}
	coast := orb.LineString{{175, 65}, {-175, 65}}
	layers := []Layer{
		{Kind: LayerFill, Role: RoleLand, Geoms: []orb.Geometry{chukotka}},
		{Kind: LayerLine, Role: RoleFront, Geoms: []orb.Geometry{coast}},
	}
	water := rasterNRGBAtoRGBA(StyleLight.Background)
	land := rasterNRGBAtoRGBA(StyleLight.Land.Fill)
	v := NewView(viewTestPlate{}, 200, 100, 90, 65, viewTestM) // lon −10..190
	v.MaxScale, v.Scale = 2*viewTestM, viewTestM
	img := RenderFrame(v, &StyleLight, layers)
	for _, lon := range []float64{0, 60, 120, 160} {
		x, y := v.ToScreen(lon, 65)
		if got := img.RGBAAt(int(x), int(y)); got != water {
			t.Errorf("lon %g: got %v, want water (no band across the map)", lon, got)
		}
	}
	x, y := v.ToScreen(185, 62)
	if got := img.RGBAAt(int(x), int(y)); got != land {
		t.Errorf("lon 185 (= −175): got %v, want land", got)
	}
}

func TestRenderLayersNotModified(t *testing.T) {
	layers := rasterTestLayers()
	before := layers[0].Geoms[0].(orb.Polygon).Clone()
	RenderFrame(rasterTestView(), &StyleLight, layers)
	sc := NewScene(viewTestPlate{}, &StyleLight, layers)
	sc.RenderTile(TileKey{Level: 8, X: 0, Y: 0})
	if !orb.Equal(before, layers[0].Geoms[0]) {
		t.Errorf("the input polygon was modified: got %v, want %v", layers[0].Geoms[0], before)
	}
}
