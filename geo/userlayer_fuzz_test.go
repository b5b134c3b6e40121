package geo

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// FuzzParseUserLayer loads arbitrary bytes as a GeoJSON file the user opened. The loader must
// not panic or hang; it returns a layer or a *UserLayerError, never both; what it keeps is
// drawable — every position finite and inside the map's span of longitudes and latitudes, rings
// of at least 4 positions, lines of at least 2, a label point for every named feature — and
// drawing it, in both styles, on any day, must not panic. Seeds are in
// testdata/fuzz/FuzzParseUserLayer (every form, style, date and antimeridian case, kept
// small). Run with: go test ./geo -run '^$' -fuzz FuzzParseUserLayer.
func FuzzParseUserLayer(f *testing.F) {
	f.Add([]byte(fc(feat(gPolygon, `{"name": "a", "fill": "#f00", "date": "1942-11"}`))))
	v := NewView(Theatre, 96, 64, 40, 55, 60000)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseUserLayer(context.Background(), "fuzz.geojson", data, UserLayerOptions{ParseDate: testDates, MaxVertices: 100_000})
		if err != nil {
			var ue *UserLayerError
			if l != nil || !errors.As(err, &ue) || ue.Error() == "" {
				t.Fatalf("layer %v with error %v (%T)", l, err, err)
			}
			return
		}
		if len(l.Features) == 0 || l.ProblemCount < len(l.Problems) || l.Bound.IsEmpty() && l.Points == 0 {
			t.Fatalf("layer of %d features, %d problems counted, %d kept, bound %v", len(l.Features), l.ProblemCount, len(l.Problems), l.Bound)
		}
		for _, ft := range l.Features {
			checkDrawable(t, ft.Geom)
			if ft.Dated && ft.Days.To < ft.Days.From {
				t.Fatalf("feature %d shown from %d to %d", ft.Index, ft.Days.From, ft.Days.To)
			}
			if ft.Name != "" && (math.IsNaN(ft.Label[0]) || math.IsNaN(ft.Label[1])) {
				t.Fatalf("feature %d: label at %v", ft.Index, ft.Label)
			}
		}
		for _, s := range []*Style{&StyleLight, &StyleDark} {
			for _, day := range []int{dayOf(1936, 1, 1), dayOf(1942, 11, 19), dayOf(1953, 12, 31)} {
				layers := l.DrawLayers(day, s.UserColor(1), s)
				_ = RenderFrame(v, s, layers)
				NewScene(Theatre, s, layers).RenderTile(TileKey{Level: 3, X: 4, Y: 2})
			}
		}
		_ = l.Summary() + l.ProblemsText(10)
	})
}

// checkDrawable fails t unless g is drawable: finite positions within userClip, rings of at
// least 4 positions and lines of at least 2.
func checkDrawable(t *testing.T, g orb.Geometry) {
	t.Helper()
	pt := func(p orb.Point) {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < userClip.Min[0]-1e-9 || p[0] > userClip.Max[0]+1e-9 || p[1] < userClip.Min[1]-1e-9 || p[1] > 90 {
			t.Fatalf("position %v kept outside the map's span", p)
		}
	}
	switch g := g.(type) {
	case orb.Point:
		pt(g)
	case orb.MultiPoint:
		for _, p := range g {
			pt(p)
		}
	case orb.LineString:
		if len(g) < 2 {
			t.Fatalf("a line of %d positions", len(g))
		}
		for _, p := range g {
			pt(p)
		}
	case orb.MultiLineString:
		for _, ls := range g {
			checkDrawable(t, ls)
		}
	case orb.Polygon:
		for _, r := range g {
			if len(r) < 4 {
				t.Fatalf("a ring of %d positions", len(r))
			}
			for _, p := range r {
				pt(p)
			}
		}
	case orb.MultiPolygon:
		for _, pg := range g {
			checkDrawable(t, pg)
		}
	case orb.Collection:
		for _, m := range g {
			checkDrawable(t, m)
		}
	default:
		t.Fatalf("geometry %T", g)
	}
}
