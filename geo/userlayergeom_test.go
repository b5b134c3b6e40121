package geo

import (
	"image"
	"image/color"
	"math"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// TestUserLayerAntimeridian checks every way a file can write a shape across 180°: they all
// draw in one piece east of 180° (where the map continues to Chukotka), and the split edge of
// RFC 7946's form is not outlined.
func TestUserLayerAntimeridian(t *testing.T) {
	for _, tc := range []struct {
		name, geom string
		bound      orb.Bound
		parts      int
	}{
		{"a polygon written 170 → -170", `{"type": "Polygon", "coordinates": [[[170, 65], [-170, 65], [-170, 70], [170, 70], [170, 65]]]}`,
			orb.Bound{Min: orb.Point{170, 65}, Max: orb.Point{190, 70}}, 1},
		{"a polygon written 170 → 190", `{"type": "Polygon", "coordinates": [[[170, 65], [190, 65], [190, 70], [170, 70], [170, 65]]]}`,
			orb.Bound{Min: orb.Point{170, 65}, Max: orb.Point{190, 70}}, 1},
		{"a polygon written from -170", `{"type": "Polygon", "coordinates": [[[-170, 65], [170, 65], [170, 70], [-170, 70], [-170, 65]]]}`,
			orb.Bound{Min: orb.Point{170, 65}, Max: orb.Point{190, 70}}, 1},
		{"split at 180 (RFC 7946 §3.1.9)", `{"type": "MultiPolygon", "coordinates": [[[[170, 65], [180, 65], [180, 70], [170, 70], [170, 65]]], [[[-180, 65], [-170, 65], [-170, 70], [-180, 70], [-180, 65]]]]}`,
			orb.Bound{Min: orb.Point{170, 65}, Max: orb.Point{190, 70}}, 2},
		{"a line crossing", `{"type": "LineString", "coordinates": [[175, 66], [-178, 66], [-172, 65]]}`,
			orb.Bound{Min: orb.Point{175, 65}, Max: orb.Point{188, 66}}, 1},
		{"a point west of 180", `{"type": "Point", "coordinates": [-175, 66]}`,
			orb.Bound{Min: orb.Point{185, 66}, Max: orb.Point{185, 66}}, 1},
		{"Alaska follows Chukotka", `{"type": "Point", "coordinates": [-150, 61.2]}`,
			orb.Bound{Min: orb.Point{210, 61.2}, Max: orb.Point{210, 61.2}}, 1},
		{"Europe stays", `{"type": "Point", "coordinates": [-9.1, 38.7]}`,
			orb.Bound{Min: orb.Point{-9.1, 38.7}, Max: orb.Point{-9.1, 38.7}}, 1},
		{"a hole written on the other side", `{"type": "Polygon", "coordinates": [[[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]], [[-179, 62], [-175, 62], [-175, 64], [-179, 62]]]}`,
			orb.Bound{Min: orb.Point{170, 60}, Max: orb.Point{190, 70}}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := mustLayer(t, tc.geom)
			g := l.Features[0].Geom
			if !boundNear(g.Bound(), tc.bound) {
				t.Errorf("bound %v, want %v", g.Bound(), tc.bound)
			}
			if mp, ok := g.(orb.MultiPolygon); ok && len(mp) != tc.parts {
				t.Errorf("%d parts, want %d", len(mp), tc.parts)
			}
			if pg, ok := g.(orb.Polygon); ok && len(pg) > 1 {
				hb := pg[1].Bound()
				if hb.Min[0] < 180 || hb.Max[0] > 186 {
					t.Errorf("the hole is at %v, not inside its ring east of 180°", hb)
				}
			}
			for _, ls := range userOutline(g) {
				for i := 1; i < len(ls); i++ {
					if ls[i-1][0] == 180 && ls[i][0] == 180 {
						t.Errorf("the outline runs along 180° at %v–%v", ls[i-1], ls[i])
					}
				}
			}
		})
	}
}

func boundNear(a, b orb.Bound) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	return near(a.Min[0], b.Min[0]) && near(a.Min[1], b.Min[1]) && near(a.Max[0], b.Max[0]) && near(a.Max[1], b.Max[1])
}

// TestUserLayerClip checks that what the conic projection cannot draw is cut off: the seam at
// 130°W and the far south.
func TestUserLayerClip(t *testing.T) {
	l := mustLayer(t, fc(
		feat(`{"type": "Polygon", "coordinates": [[[-140, 40], [-110, 40], [-110, 50], [-140, 50], [-140, 40]]]}`, `{"name": "across the seam"}`),
		feat(`{"type": "LineString", "coordinates": [[20, -50], [20, -80]]}`, `{"name": "to the pole"}`),
		feat(`{"type": "Polygon", "coordinates": [[[-180, -90], [180, -90], [180, -70], [-180, -70], [-180, -90]]]}`, `{"name": "Antarctica"}`),
	))
	if len(l.Features) != 2 || l.ProblemCount != 1 {
		t.Fatalf("%d features, problems:\n%s", len(l.Features), l.ProblemsText(0))
	}
	for _, f := range l.Features {
		b := f.Geom.Bound()
		if b.Min[0] < userClip.Min[0] || b.Max[0] > userClip.Max[0] || b.Min[1] < userClip.Min[1] {
			t.Errorf("%s: bound %v leaves the map's span %v", f.Name, b, userClip)
		}
	}
	if got := l.Features[0].Geom.Bound(); math.Abs(got.Min[0]-(-129.5)) > 1e-9 || got.Max[0] != -110 {
		t.Errorf("across the seam: %v, want cut at 129.5°W", got)
	}
	// The clipped edge is not outlined.
	for _, ls := range userOutline(l.Features[0].Geom) {
		for i := 1; i < len(ls); i++ {
			if ls[i-1][0] == userClip.Min[0] && ls[i][0] == userClip.Min[0] {
				t.Errorf("the outline runs along the cut")
			}
		}
	}
}

// TestUserLayerLabelPoints checks where names go: inside a concave polygon (not at its
// centroid, which lies outside), in the largest part, halfway along the longest line.
func TestUserLayerLabelPoints(t *testing.T) {
	l := mustLayer(t, fc(
		// A U open to the north: its centroid is in the gap.
		feat(`{"type": "Polygon", "coordinates": [[[0, 50], [10, 50], [10, 60], [8, 60], [8, 52], [2, 52], [2, 60], [0, 60], [0, 50]]]}`, `{"name": "U"}`),
		feat(`{"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[20, 40], [30, 40], [30, 45], [20, 45], [20, 40]]]]}`, `{"name": "two"}`),
		feat(`{"type": "MultiLineString", "coordinates": [[[0, 40], [1, 40]], [[10, 40], [20, 40], [20, 50]]]}`, `{"name": "lines"}`),
		feat(`{"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [5, 5]}, {"type": "Polygon", "coordinates": [[[40, 40], [42, 40], [42, 42], [40, 42], [40, 40]]]}]}`, `{"name": "mixed"}`),
	))
	u := l.Features[0]
	if !planar.PolygonContains(u.Geom.(orb.Polygon), u.Label) {
		t.Errorf("U: label %v outside the polygon", u.Label)
	}
	if p := l.Features[1].Label; p != (orb.Point{25, 42.5}) {
		t.Errorf("two: label %v, want the centre of the larger part (25, 42.5)", p)
	}
	if p := l.Features[2].Label; p != (orb.Point{20, 40}) {
		t.Errorf("lines: label %v, want halfway along the longer line (20, 40)", p)
	}
	if p := l.Features[3].Label; p != (orb.Point{41, 41}) {
		t.Errorf("mixed: label %v, want the polygon's centre (41, 41)", p)
	}
}

// TestUserLayerDrawLayers checks the renderer layers a user layer gives: grouped by paint,
// areas under their outlines under lines under markers, only the features of the day.
func TestUserLayerDrawLayers(t *testing.T) {
	l := mustLayer(t, fc(
		feat(gPolygon, `{"fill": "#ff0000"}`),
		feat(gPolygon, `{}`),
		feat(gPolygon, `{"fill": "#ff0000"}`),
		feat(gLine, `{"start": "1943"}`),
		feat(gPoint, `{"date": "1942-11"}`),
		feat(`{"type": "GeometryCollection", "geometries": [`+gPoint+`, `+gLine+`]}`, `{}`),
	))
	c := StyleLight.UserColor(0)
	kinds := func(ls []Layer) (out []LayerKind, geoms int) {
		for _, x := range ls {
			out = append(out, x.Kind)
			geoms += len(x.Geoms)
		}
		return out, geoms
	}
	for _, tc := range []struct {
		day   int
		kinds []LayerKind
		geoms int
	}{
		{dayOf(1942, 11, 19), []LayerKind{LayerFill, LayerFill, LayerLine, LayerLine, LayerMarker}, 3 + 3 + 1 + 2},
		{dayOf(1943, 5, 1), []LayerKind{LayerFill, LayerFill, LayerLine, LayerLine, LayerMarker}, 3 + 3 + 2 + 1},
		{dayOf(1941, 1, 1), []LayerKind{LayerFill, LayerFill, LayerLine, LayerLine, LayerMarker}, 3 + 3 + 1 + 1},
	} {
		got, n := kinds(l.DrawLayers(tc.day, c, &StyleLight))
		if len(got) != len(tc.kinds) || n != tc.geoms {
			t.Errorf("%s: layers %v with %d geometries, want %v with %d", dayText(tc.day), got, n, tc.kinds, tc.geoms)
			continue
		}
		for i := range got {
			if got[i] != tc.kinds[i] {
				t.Errorf("%s: layers %v, want %v", dayText(tc.day), got, tc.kinds)
				break
			}
		}
	}
}

// TestUserLayerPixels draws a layer with a polygon, a line and a point over the base map and
// checks that each shows in its colour where it lies, both through RenderFrame and through
// the tiles of a Scene.
func TestUserLayerPixels(t *testing.T) {
	l := mustLayer(t, fc(
		feat(`{"type": "Polygon", "coordinates": [[[30, 50], [40, 50], [40, 55], [30, 55], [30, 50]]]}`, `{"fill": "#00ff00", "fill-opacity": 1}`),
		feat(`{"type": "LineString", "coordinates": [[20, 45], [20, 60]]}`, `{"stroke": "#0000ff", "stroke-width": 6}`),
		feat(`{"type": "Point", "coordinates": [50, 58]}`, `{"marker-color": "#ff00ff", "marker-size": "large"}`),
	))
	v := NewView(Theatre, 600, 400, 35, 53, 8000)
	layers := append(loadEmbeddedBaseMap(t).DrawLayers(BaseMapLevel50m, dayTime(1942, 11, 19), &StyleLight, 3),
		l.DrawLayers(dayOf(1942, 11, 19), StyleLight.UserColor(0), &StyleLight)...)
	at := func(img *image.RGBA, lon, lat float64) color.RGBA {
		x, y := v.ProjToScreen(Theatre.Forward(lon, lat))
		return img.RGBAAt(int(x), int(y))
	}
	check := func(how string, img *image.RGBA) {
		for _, tc := range []struct {
			what     string
			lon, lat float64
			want     color.RGBA
		}{
			{"inside the polygon", 35, 52.5, color.RGBA{G: 0xff, A: 0xff}},
			{"on the line", 20, 52, color.RGBA{B: 0xff, A: 0xff}},
			{"on the marker", 50, 58, color.RGBA{R: 0xff, B: 0xff, A: 0xff}},
		} {
			if got := at(img, tc.lon, tc.lat); got != tc.want {
				t.Errorf("%s: %s: %v, want %v", how, tc.what, got, tc.want)
			}
		}
		if got := at(img, 45, 45); got == (color.RGBA{G: 0xff, A: 0xff}) {
			t.Errorf("%s: the polygon's colour outside it", how)
		}
	}
	check("RenderFrame", RenderFrame(v, &StyleLight, layers))

	sc := NewScene(Theatre, &StyleLight, layers)
	cache := NewTileCache(sc, 64<<20, 2, nil)
	defer cache.Close()
	v.Scale = TileLevelScale(TileLevelFor(v.Scale)) // tiles at their own size
	cache.Frame(v)
	cache.WaitIdle()
	f := cache.Frame(v)
	img := image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	f.Draw(img, StyleLight.Background, false)
	check("tiles", img)
}

func dayTime(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
