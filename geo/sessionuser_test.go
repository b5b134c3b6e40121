package geo

import (
	"fmt"
	"image"
	"image/color"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// A layer of three features for the session's tests: an area dated November 1942 in the
// Ukraine (magenta), an undated area by the Urals (green), and a named point
// south-east of Moscow.
const sessionLayerSrc = `{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "Area A", "date": "1942-11", "fill": "#ff00ff", "fill-opacity": 1},
 "geometry": {"type": "Polygon", "coordinates": [[[24, 47], [28, 47], [28, 50], [24, 50], [24, 47]]]}},
{"type": "Feature", "properties": {"name": "Area B", "fill": "#00ff00", "fill-opacity": 1},
 "geometry": {"type": "Polygon", "coordinates": [[[44, 57], [48, 57], [48, 60], [44, 60], [44, 57]]]}},
{"type": "Feature", "properties": {"name": "Point C"}, "geometry": {"type": "Point", "coordinates": [40, 54]}}
]}`

// tileAt returns the piece of f drawn at screen pixel x, y, preferring a sharp one.
func tileAt(f *MapFrame, x, y float64) (TilePiece, bool) {
	var found TilePiece
	ok := false
	for _, p := range f.Tiles.Pieces {
		if x >= p.X && x < p.X+p.W && y >= p.Y && y < p.Y+p.H {
			if !ok || found.Placeholder {
				found, ok = p, true
			}
		}
	}
	return found, ok
}

// tilePixel composes the frame's tiles and returns the colour at lon, lat.
func tilePixel(s *MapSession, f *MapFrame, lon, lat float64) color.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, f.View.W, f.View.H))
	f.Tiles.Draw(img, f.Style.Background, false)
	x, y := f.View.ToScreen(lon, lat)
	return img.RGBAAt(int(x), int(y))
}

func near(c color.RGBA, r, g, b uint8) bool {
	d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
	return d(c.R, r) < 40 && d(c.G, g) < 40 && d(c.B, b) < 40
}

func hasName(f *MapFrame, text string) bool {
	for _, n := range f.Names {
		if n.Text == text && n.Kind == MapLabelUser {
			return true
		}
	}
	return false
}

func TestSessionDrawsUserLayersIntoItsTiles(t *testing.T) {
	md, _ := sessionTestData(t, true)
	s := newTestSession(t, md, 900, 600, SessionOptions{Workers: 2})
	layer := mustLayer(t, sessionLayerSrc)
	s.SetDate(time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC))
	s.SetUserLayers([]SessionLayer{{Layer: layer, Slot: 0}})
	s.ZoomAbout(2, 450, 300) // about 3,500 m a pixel: areas A and B on tiles of their own
	if !s.WaitReady(60 * time.Second) {
		t.Fatal("the frame never completed")
	}
	f := s.Frame()
	if c := tilePixel(s, f, 26, 48.5); !near(c, 0xff, 0, 0xff) {
		t.Errorf("inside area A (dated November 1942) on 19 November 1942: %v, want magenta", c)
	}
	if c := tilePixel(s, f, 46, 58.5); !near(c, 0, 0xff, 0) {
		t.Errorf("inside area B (undated): %v, want green", c)
	}
	for _, name := range []string{"Area A", "Area B", "Point C"} {
		if !hasName(f, name) {
			t.Errorf("the name %q is not written on the map", name)
		}
	}
	ax, ay := f.View.ToScreen(26, 48.5)
	bx, by := f.View.ToScreen(46, 58.5)
	tileA, _ := tileAt(f, ax, ay)
	tileB, _ := tileAt(f, bx, by)
	scenes := s.SceneCount()

	// Another day of the same epoch: the same scene, the same tiles.
	s.SetDate(time.Date(1942, 11, 25, 0, 0, 0, 0, time.UTC))
	f = s.Frame()
	if p, _ := tileAt(f, ax, ay); p.Img != tileA.Img || s.SceneCount() != scenes {
		t.Errorf("a day that shows the same features made a new scene (%d scenes, was %d) or new tiles", s.SceneCount(), scenes)
	}

	// December: area A is no longer shown. The tiles it touches are drawn again (the old ones
	// stand in meanwhile); those it does not touch are kept as they were.
	s.SetDate(time.Date(1942, 12, 5, 0, 0, 0, 0, time.UTC))
	f = s.Frame()
	if p, ok := tileAt(f, ax, ay); !ok || !p.Placeholder || p.Img != tileA.Img {
		t.Errorf("at once after the date change, area A's tile should stand in as a placeholder: %+v", p)
	}
	if p, _ := tileAt(f, bx, by); p.Img != tileB.Img || p.Placeholder {
		t.Errorf("area B's tile, which the change does not touch, should be kept sharp as it was")
	}
	if !s.WaitReady(60 * time.Second) {
		t.Fatal("the frame never completed after the date change")
	}
	f = s.Frame()
	if c := tilePixel(s, f, 26, 48.5); near(c, 0xff, 0, 0xff) {
		t.Errorf("area A is still drawn on 5 December 1942 (%v)", c)
	}
	if p, _ := tileAt(f, ax, ay); p.Img == tileA.Img {
		t.Error("area A's tile was not drawn again")
	}
	if p, _ := tileAt(f, bx, by); p.Img != tileB.Img {
		t.Error("area B's tile was drawn again although nothing in it changed")
	}
	if hasName(f, "Area A") || !hasName(f, "Area B") {
		t.Error("the names do not follow the date: Area A should be gone and Area B stay")
	}

	// Hidden: the base map alone again.
	s.SetUserLayers(nil)
	if !s.WaitReady(60 * time.Second) {
		t.Fatal("the frame never completed without layers")
	}
	f = s.Frame()
	if c := tilePixel(s, f, 46, 58.5); near(c, 0, 0xff, 0) {
		t.Errorf("area B is still drawn after its layer was taken off (%v)", c)
	}
	if hasName(f, "Area B") || hasName(f, "Point C") {
		t.Error("names of a layer taken off are still written")
	}
}

func TestUserDirty(t *testing.T) {
	l1 := mustLayer(t, sessionLayerSrc)
	l2 := mustLayer(t, `{"type": "Point", "coordinates": [10, 50]}`)
	nov, dec := dayOf(1942, 11, 19), dayOf(1942, 12, 5)
	state := func(day int, ls ...SessionLayer) userState {
		st := userState{layers: ls, day: day}
		for _, l := range ls {
			st.epochs = append(st.epochs, l.Layer.Epoch(day))
		}
		return st
	}
	a1, a2, b1 := SessionLayer{l1, 0}, SessionLayer{l2, 1}, SessionLayer{l1, 3}
	areaA := l1.Features[0].proj
	for _, tc := range []struct {
		name string
		a, b userState
		want []orb.Bound
	}{
		{"nothing changed", state(nov, a1, a2), state(nov, a1, a2), nil},
		{"a layer added", state(nov, a1), state(nov, a1, a2), []orb.Bound{l2.proj}},
		{"a layer removed", state(nov, a1, a2), state(nov, a2), []orb.Bound{l1.proj}},
		{"another colour", state(nov, a1), state(nov, b1), []orb.Bound{l1.proj}},
		{"another order", state(nov, a1, a2), state(nov, a2, a1), mergeBounds([]orb.Bound{l1.proj, l2.proj})},
		{"a dated feature hidden", state(nov, a1, a2), state(dec, a1, a2), []orb.Bound{areaA}},
		{"a day of the same epoch", state(nov, a1), state(dayOf(1942, 11, 30), a1), nil},
	} {
		got := userDirty(tc.a, tc.b)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: bound %d is %v, want %v", tc.name, i, got[i], tc.want[i])
			}
		}
	}
	if l1.proj.IsEmpty() || !l1.proj.Contains(areaA.Min) {
		t.Errorf("the layer's projected bound %v does not hold its features (%v)", l1.proj, areaA)
	}
}

func TestTileTouches(t *testing.T) {
	s := TileLevelScale(5)
	// Tile (5, 2, -3) covers level pixels x 512..768, y -768..-512: projected x 512s..768s,
	// y 512s..768s.
	k := TileKey{5, 2, -3}
	in := orb.Bound{Min: orb.Point{600 * s, 600 * s}, Max: orb.Point{610 * s, 610 * s}}
	justOut := orb.Bound{Min: orb.Point{770 * s, 600 * s}, Max: orb.Point{780 * s, 610 * s}}
	if !tileTouches(k, []orb.Bound{in}, 0) {
		t.Error("a bound inside the tile does not touch it")
	}
	if tileTouches(k, []orb.Bound{justOut}, 0) {
		t.Error("a bound 2 px right of the tile touches it without a pad")
	}
	if !tileTouches(k, []orb.Bound{justOut}, 12) {
		t.Error("a bound 2 px right of the tile does not touch it with a 12 px pad")
	}
}

// A frame measures at most userNamesMeasured names it has not measured before and asks for
// another frame to write the rest, so a zoom that brings hundreds of names on screen does not
// stall one frame; over the next frames every name that fits is written.
func TestUserNamesMeasuredOverSeveralFrames(t *testing.T) {
	var feats []string
	for i := range 300 {
		lon, lat := 10+float64(i%20)*2.5, 44+float64(i/20)*1.4
		feats = append(feats, feat(fmt.Sprintf(`{"type": "Point", "coordinates": [%g, %g]}`, lon, lat), fmt.Sprintf(`{"name": "T%d"}`, i)))
	}
	layer := mustLayer(t, fc(feats...))
	measured, updates := 0, 0
	opts := SessionOptions{
		Measure: func(text string, size float64, bold, italic bool) (float64, float64) {
			measured++
			return 6 * float64(len(text)), 14
		},
		OnUpdate: func() { updates++ },
	}
	s := newTestSession(t, nil, 1600, 1000, opts)
	s.ZoomCentre(0.5)
	s.SetUserLayers([]SessionLayer{{Layer: layer}})
	before := measured
	f := s.Frame()
	first := 0
	for _, n := range f.Names {
		if n.Kind == MapLabelUser {
			first++
		}
	}
	if measured-before > userNamesMeasured+len(sessionTestPlaces) {
		t.Errorf("one frame measured %d texts, want at most %d names", measured-before, userNamesMeasured)
	}
	if updates == 0 {
		t.Error("names were left for want of measuring and no other frame was asked for")
	}
	var last int
	for range 20 {
		f = s.Frame()
		last = 0
		for _, n := range f.Names {
			if n.Kind == MapLabelUser {
				last++
			}
		}
	}
	if last <= first || last < userNamesShown {
		t.Errorf("names written: %d in the first frame, %d after twenty; want as many as a frame writes (%d) in the end", first, last, userNamesShown)
	}
}
