package geo

import (
	"reflect"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// rasterShareDay is a date of the 1938 border snapshot.
var rasterShareDay = time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC)

// baseMapArrays returns the first vertex of every ring and line of the base map's geometry
// (its backing arrays) and the number of vertices.
func baseMapArrays(m *BaseMap) (map[*orb.Point]bool, int) {
	arrays, n := map[*orb.Point]bool{}, 0
	add := func(pts []orb.Point) {
		if len(pts) > 0 {
			arrays[&pts[0]] = true
			n += len(pts)
		}
	}
	areas := func(as []BaseMapArea) {
		for _, a := range as {
			for _, pg := range a.Shape {
				for _, r := range pg {
					add(r)
				}
			}
		}
	}
	lines := func(ls []BaseMapLine) {
		for _, l := range ls {
			for _, p := range l.Path {
				add(p)
			}
		}
	}
	for _, lv := range m.Levels {
		areas(lv.Land)
		areas(lv.Lakes)
		lines(lv.Coast)
		lines(lv.Rivers)
	}
	for _, b := range m.borderLines {
		for _, l := range b {
			add(l)
		}
	}
	return arrays, n
}

// TestScenesShareTheBaseMapsCoordinates: a scene of the base map keeps the base map's
// coordinates (degrees) by reference and projects them only into the levels it prepares, so
// two scenes of one level (two styles) share every backing array with the base map and with
// each other, and making a scene allocates a small fraction of the coordinates' size. Fails if
// a scene copies or projects the coordinates again (8 MB for the close-zoom scene).
func TestScenesShareTheBaseMapsCoordinates(t *testing.T) {
	m := loadEmbeddedBaseMap(t)
	arrays, _ := baseMapArrays(m)
	layers := m.DrawLayers(BaseMapLevel10m, rasterShareDay, &StyleLight, 5)
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	light := NewScene(Theatre, &StyleLight, layers)
	runtime.ReadMemStats(&ms1)
	dark := NewScene(Theatre, &StyleDark, m.DrawLayers(BaseMapLevel10m, rasterShareDay, &StyleDark, 5))

	vertices := 0
	for _, sc := range []*Scene{light, dark} {
		for _, l := range sc.src.layers {
			if len(l.polys) > 0 || len(l.lines) > 0 {
				t.Errorf("layer %v: %d polygons and %d lines in projected metres, want none (the base map is prepared from degrees)", l.kind, len(l.polys), len(l.lines))
			}
			for _, pg := range l.degPolys {
				for _, r := range pg {
					if len(r) > 0 && !arrays[&r[0]] {
						t.Fatalf("layer %v: a ring of %d vertices is not the base map's", l.kind, len(r))
					}
					vertices += len(r)
				}
			}
			for _, ls := range l.degLines {
				if !arrays[&ls[0]] {
					t.Fatalf("layer %v: a line of %d vertices is not the base map's", l.kind, len(ls))
				}
				vertices += len(ls)
			}
		}
	}
	if vertices < 2*300_000 {
		t.Fatalf("the two 1:10m scenes hold %d vertices, want over 300,000 each: not the close-zoom level", vertices)
	}
	for i := range light.src.layers {
		a, b := light.src.layers[i].degLines, dark.src.layers[i].degLines
		if len(a) != len(b) || (len(a) > 0 && &a[0][0] != &b[0][0]) {
			t.Errorf("layer %d: the two styles' scenes do not share their lines", i)
		}
	}
	coords := int64(vertices/2) * 16
	if got := int64(ms1.TotalAlloc - ms0.TotalAlloc); got > coords/10 {
		t.Errorf("NewScene allocated %d bytes for %d bytes of coordinates, want under a tenth", got, coords)
	}
}

// projectedSource is the source newRasterSource made before scenes kept degrees: every shape
// unwrapped and projected to metres up front.
func projectedSource(src *rasterSource) *rasterSource {
	out := &rasterSource{bg: src.bg, layers: make([]rasterSrcLayer, len(src.layers))}
	proj := func(pts []orb.Point) []orb.Point {
		pts = rasterUnwrap(pts)
		for i, q := range pts {
			x, y := src.proj.Forward(q[0], q[1])
			pts[i] = orb.Point{x, y}
		}
		return pts
	}
	for i, l := range src.layers {
		o := &out.layers[i]
		o.kind, o.paint, o.points = l.kind, l.paint, l.points
		o.polys, o.lines = l.polys, l.lines
		for _, pg := range l.degPolys {
			var rings []orb.Ring
			for _, r := range pg {
				rings = append(rings, orb.Ring(proj(r)))
			}
			o.polys = append(o.polys, rings)
		}
		for _, ls := range l.degLines {
			o.lines = append(o.lines, proj(ls))
		}
	}
	return out
}

// TestPreparedFromDegreesIsTheSame: preparing a level straight from degrees gives exactly
// the geometry that preparing the projected metres gave (so the same pixels), on one
// goroutine or several; and a prepared level holds only the vertices it keeps, each ring or
// line in a slice of its own length (Douglas–Peucker simplifies in place: keeping its result
// kept the whole unsimplified array).
func TestPreparedFromDegreesIsTheSame(t *testing.T) {
	m := loadEmbeddedBaseMap(t)
	for _, tc := range []struct {
		level string
		tile  int
	}{{BaseMapLevel50m, 4}, {BaseMapLevel10m, 7}} {
		sc := NewScene(Theatre, &StyleLight, m.DrawLayers(tc.level, rasterShareDay, &StyleLight, 5))
		s := TileLevelScale(tc.tile)
		toPx := func(x, y float64) (float64, float64) { return x / s, -y / s }
		want := projectedSource(sc.src).prepareOn(toPx, 1)
		for _, workers := range []int{1, 4} {
			got := sc.src.prepareOn(toPx, workers)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, tile level %d, %d goroutines: prepared from degrees differs from prepared from metres", tc.level, tc.tile, workers)
			}
		}
		kept, source := 0, 0
		for _, l := range sc.src.layers {
			for _, pg := range l.degPolys {
				for _, r := range pg {
					source += len(r)
				}
			}
			for _, ls := range l.degLines {
				source += len(ls)
			}
		}
		var est int64
		for _, l := range want.layers {
			for _, pp := range l.polys {
				for _, r := range pp.rings {
					if cap(r) != len(r) {
						t.Fatalf("%s: a prepared ring of %d vertices holds an array of %d", tc.level, len(r), cap(r))
					}
					kept += len(r)
					est += 56 + 16*int64(len(r))
				}
			}
			for _, ln := range l.lines {
				if cap(ln.ls) != len(ln.ls) {
					t.Fatalf("%s: a prepared line of %d vertices holds an array of %d", tc.level, len(ln.ls), cap(ln.ls))
				}
				kept += len(ln.ls)
				est += 56 + 16*int64(len(ln.ls))
			}
		}
		if kept*10 > source*9 {
			t.Errorf("%s at tile level %d keeps %d of %d vertices: want a level where simplifying drops some", tc.level, tc.tile, kept, source)
		}
		if got := want.bytes(); got != est {
			t.Errorf("%s: bytes() = %d, want %d", tc.level, got, est)
		}
		t.Logf("%s at tile level %d: %d of %d vertices kept, %.2f MB prepared", tc.level, tc.tile, kept, source, float64(est)/1e6)
	}
}

// levelWatch is a projection that records, when it is first used for a level, the levels of
// a scene that were prepared at that moment.
type levelWatch struct {
	Projection
	sc     *Scene
	mu     sync.Mutex
	seen   bool
	levels []int
}

func (w *levelWatch) Forward(lon, lat float64) (float64, float64) {
	w.mu.Lock()
	if !w.seen {
		w.seen = true
		w.sc.mu.Lock()
		for l, lv := range w.sc.levels {
			if lv.ready.Load() != nil {
				w.levels = append(w.levels, l)
			}
		}
		w.sc.mu.Unlock()
	}
	w.mu.Unlock()
	return w.Projection.Forward(lon, lat)
}

// TestSceneDropsLevelsBeforePreparingTheNext: over its budget, a scene lets go of the levels it
// no longer uses before it prepares the next, so that zooming from one close level to the next
// never holds both (6 MB each at the 1:10m levels).
func TestSceneDropsLevelsBeforePreparingTheNext(t *testing.T) {
	w := &levelWatch{Projection: viewTestPlate{}}
	sc := NewScene(w, &StyleLight, rasterTestLayers())
	w.sc = sc
	sc.maxPrepared = 0 // nothing beyond the level in use
	sc.RenderTile(TileKey{6, 0, 0})
	if _, ok := sc.levels[6]; !ok {
		t.Fatal("level 6 is not kept while in use")
	}
	w.mu.Lock()
	w.seen, w.levels = false, nil
	w.mu.Unlock()
	sc.RenderTile(TileKey{7, 0, 0})
	if len(w.levels) != 0 {
		t.Errorf("levels %v were still held when level 7 was prepared, want none", w.levels)
	}
	if _, ok := sc.levels[7]; !ok || len(sc.levels) != 1 {
		t.Errorf("after level 7: %d levels kept, want level 7 alone", len(sc.levels))
	}
}
