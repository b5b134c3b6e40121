package geo

import (
	"bytes"
	"image"
	"image/draw"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"

	xdraw "golang.org/x/image/draw"
)

// tilesTestScene is the raster test scene; at level 6 on viewTestPlate one degree is about
// 45.5 level pixels, so the 8° island spans a few tiles.
func tilesTestScene() *Scene {
	return NewScene(viewTestPlate{}, &StyleLight, rasterTestLayers())
}

func tilesTestView(level int) *View {
	v := NewView(viewTestPlate{}, 300, 200, 0.3, 0.2, TileLevelScale(level))
	v.MaxScale = TileBaseScale
	v.Scale = TileLevelScale(level)
	// Put the window's corner on a level pixel so tiles fall on whole screen pixels.
	v.CX = math.Round(v.CX/v.Scale) * v.Scale
	v.CY = math.Round(v.CY/v.Scale) * v.Scale
	return v
}

func TestTileLevelFor(t *testing.T) {
	tests := []struct {
		name  string
		scale float64
		want  int
	}{
		{"level 0", TileBaseScale, 0},
		{"level 5", TileLevelScale(5), 5},
		{"between 3 and 4, nearer 4", WebMercatorScale(3.6), 4},
		{"between 3 and 4, nearer 3", WebMercatorScale(3.4), 3},
		{"too coarse", TileBaseScale * 8, TileMinLevel},
		{"too fine", 1e-6, TileMaxLevel},
	}
	for _, tc := range tests {
		if got := TileLevelFor(tc.scale); got != tc.want {
			t.Errorf("%s: got level %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestRenderTileDeterministic(t *testing.T) {
	sc := tilesTestScene()
	keys := []TileKey{{6, -1, -1}, {6, 0, -1}, {6, -1, 0}, {6, 0, 0}, {7, 1, 0}, {7, -2, -1}}
	first := make([][]byte, len(keys))
	for i, k := range keys {
		first[i] = sc.RenderTile(k).Pix
	}
	// Render again concurrently, from a fresh scene, in another order.
	sc2 := tilesTestScene()
	var wg sync.WaitGroup
	for i := len(keys) - 1; i >= 0; i-- {
		wg.Go(func() {
			if got := sc2.RenderTile(keys[i]).Pix; !bytes.Equal(got, first[i]) {
				t.Errorf("tile %v differs between renders", keys[i])
			}
		})
	}
	wg.Wait()
}

// Tiles composed at their own scale must look like a frame rendered in one piece (no seams).
func TestFrameMatchesRenderFrame(t *testing.T) {
	v := tilesTestView(6)
	c := NewTileCache(tilesTestScene(), 64<<20, 2, nil)
	defer c.Close()
	c.Frame(v)
	c.WaitIdle()
	f := c.Frame(v)
	if !f.Complete() {
		t.Fatalf("after WaitIdle the frame misses %d tiles, want 0", f.Missing)
	}
	got := image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	f.Draw(got, StyleLight.Background, false)
	want := RenderFrame(v, &StyleLight, rasterTestLayers())
	bad := 0
	for i := range got.Pix {
		if rasterAbsDiff(got.Pix[i], want.Pix[i]) > 24 {
			bad++
		}
	}
	t.Logf("%d of %d channel values differ by more than 24", bad, len(got.Pix))
	if bad > len(got.Pix)/1000 {
		t.Errorf("%d channel values differ by more than 24 between tiles and one frame, want < %d", bad, len(got.Pix)/1000)
		t.Logf("tiles written to %s", rasterWriteFailed(t, "tiles-vs-frame", got))
	}
}

func TestTileCacheFrameLifecycle(t *testing.T) {
	var ready atomic.Int32
	c := NewTileCache(tilesTestScene(), 64<<20, 0, func(TileKey) { ready.Add(1) })
	defer c.Close()
	v := tilesTestView(6)

	f := c.Frame(v)
	if f.Level != 6 || f.Missing == 0 || len(f.Pieces) != 0 {
		t.Fatalf("cold frame: got level %d, %d missing, %d pieces; want level 6, some missing, no pieces", f.Level, f.Missing, len(f.Pieces))
	}
	if len(f.Holes) != f.Missing {
		t.Errorf("cold frame: %d holes for %d missing tiles and nothing to stand in", len(f.Holes), f.Missing)
	}
	need := f.Missing
	c.WaitIdle()
	if got := int(ready.Load()); got != need {
		t.Errorf("onReady called %d times, want %d", got, need)
	}
	f = c.Frame(v)
	if !f.Complete() || len(f.Pieces) != need {
		t.Fatalf("warm frame: got %d missing, %d pieces; want 0 and %d", f.Missing, len(f.Pieces), need)
	}
	area := 0.0
	for _, p := range f.Pieces {
		area += p.W * p.H
	}
	if area < float64(v.W*v.H) {
		t.Errorf("pieces cover %g px², want at least the window's %d", area, v.W*v.H)
	}

	// Zoom in past the next level: the new tiles are missing, coarser ones stand in.
	v.ZoomAbout(1.6, 150, 100)
	f = c.Frame(v)
	if f.Level != 7 || f.Missing == 0 {
		t.Fatalf("zoomed frame: got level %d with %d missing, want level 7 with some missing", f.Level, f.Missing)
	}
	placeholders := 0
	for _, p := range f.Pieces {
		if p.Placeholder {
			placeholders++
			if p.Key.Level != 6 || p.Src.Dx() != TileSize/2 {
				t.Errorf("placeholder %v src %v: want a level-6 half tile", p.Key, p.Src)
			}
		}
	}
	if placeholders != f.Missing {
		t.Errorf("got %d placeholders, want one per missing tile (%d)", placeholders, f.Missing)
	}
	if len(f.Holes) != 0 {
		t.Errorf("zoomed frame: %d holes where coarser tiles stand in", len(f.Holes))
	}
	c.WaitIdle()
	if f = c.Frame(v); !f.Complete() {
		t.Errorf("after WaitIdle: %d missing, want 0", f.Missing)
	}

	// Zoom back out two levels: finer tiles stand in.
	v.ZoomAbout(1/3.2, 150, 100)
	f = c.Frame(v)
	if f.Level != 5 {
		t.Fatalf("got level %d, want 5", f.Level)
	}
	for _, p := range f.Pieces {
		if p.Placeholder && p.Key.Level != 6 {
			t.Errorf("placeholder from level %d, want 6 (the nearest)", p.Key.Level)
		}
	}
	c.WaitIdle()
}

func TestTileCacheMemoryBound(t *testing.T) {
	const tileBytes = TileSize * TileSize * 4
	c := NewTileCache(tilesTestScene(), 3*tileBytes, 2, nil)
	defer c.Close()
	v := tilesTestView(7)
	v.W, v.H = 900, 700
	c.Frame(v)
	c.WaitIdle()
	if got := c.Bytes(); got > 3*tileBytes {
		t.Errorf("cache holds %d bytes, want at most %d", got, 3*tileBytes)
	}
	if got := c.Len(); got != 3 {
		t.Errorf("cache holds %d tiles, want 3", got)
	}
}

// Many goroutines ask for frames while the workers render (make test runs it with -race too):
// every frame is made of whole tiles, each tile is rendered once, and when the asking stops
// every view's frame completes with the tiles a lone render gives.
func TestTileCacheConcurrent(t *testing.T) {
	sc := tilesTestScene()
	var ready atomic.Int64
	c := NewTileCache(sc, 64<<20, 0, func(TileKey) { ready.Add(1) })
	defer c.Close()
	var wg sync.WaitGroup
	views := make([]*View, 4)
	for g := range views {
		v := tilesTestView(5 + g%3)
		views[g] = v
		wg.Go(func() {
			for i := range 20 {
				v.Pan(float64(7*i%13), float64(5*i%11))
				f := c.Frame(v)
				for _, p := range f.Pieces {
					if p.Img.Bounds() != image.Rect(0, 0, TileSize, TileSize) || !p.Src.In(p.Img.Bounds()) {
						t.Errorf("piece %v: image %v, source %v", p.Key, p.Img.Bounds(), p.Src)
					}
				}
				dst := image.NewRGBA(image.Rect(0, 0, v.W, v.H))
				f.Draw(dst, StyleLight.Background, i%2 == 0)
			}
		})
	}
	wg.Wait()
	for g, v := range views {
		f := c.Frame(v)
		for tries := 0; !f.Complete() && tries < 100; tries++ {
			c.WaitIdle()
			f = c.Frame(v)
		}
		if !f.Complete() {
			t.Fatalf("view %d: %d tiles still missing after the asking stopped", g, f.Missing)
		}
		for _, p := range f.Pieces {
			if !bytes.Equal(p.Img.Pix, sc.RenderTile(p.Key).Pix) {
				t.Errorf("view %d: tile %v differs from a lone render", g, p.Key)
			}
		}
	}
	if got, n := ready.Load(), int64(c.Len()); got != n {
		t.Errorf("%d tiles rendered for %d cached (none evicted): some were rendered twice", got, n)
	}
	if c.Bytes() > 64<<20 {
		t.Errorf("cache holds %d bytes, over its budget", c.Bytes())
	}
}

func TestScaleNearestMatchesXDraw(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	src := image.NewRGBA(image.Rect(0, 0, TileSize, TileSize))
	for i := range src.Pix {
		src.Pix[i] = uint8(r.IntN(256))
	}
	for i := range 200 {
		n := 1 + r.IntN(TileSize)
		x0, y0 := r.IntN(TileSize-n+1), r.IntN(TileSize-n+1)
		sr := image.Rect(x0, y0, x0+n, y0+n)
		w := 1 + r.IntN(600)
		dr := image.Rect(r.IntN(400)-200, r.IntN(400)-200, 0, 0)
		dr.Max = dr.Min.Add(image.Pt(w, w))
		got := image.NewRGBA(image.Rect(0, 0, 300, 200))
		want := image.NewRGBA(got.Rect)
		scaleNearestRGBA(got, dr, src, sr)
		xdraw.NearestNeighbor.Scale(want, dr, src, sr, draw.Src, nil)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("case %d: scaling %v to %v differs from x/image/draw.NearestNeighbor", i, sr, dr)
		}
	}
}

// TestScenePreparedBytesBounded: beyond the level in use, a scene keeps no more prepared
// geometry than its budget, dropping the least recently used levels.
func TestScenePreparedBytesBounded(t *testing.T) {
	sc := tilesTestScene()
	sc.RenderTile(TileKey{6, 0, 0})
	one := sc.PreparedBytes()
	sc.maxPrepared = 2 * one // room for about two levels like level 6
	for l := 5; l <= 8; l++ {
		sc.RenderTile(TileKey{l, 0, 0})
		if got := sc.PreparedBytes(); got > sc.maxPrepared && len(sc.levels) > 1 {
			t.Errorf("after level %d: %d prepared bytes in %d levels, budget %d", l, got, len(sc.levels), sc.maxPrepared)
		}
	}
	if _, ok := sc.levels[8]; !ok {
		t.Error("the level in use was dropped")
	}
	if _, ok := sc.levels[5]; ok {
		t.Error("the least recently used level was kept over the budget")
	}
}

func TestScenePreparedLevelsBounded(t *testing.T) {
	sc := tilesTestScene()
	first := sc.RenderTile(TileKey{6, 0, 0}).Pix
	for l := 1; l <= sceneMaxLevels+3; l++ {
		sc.RenderTile(TileKey{l, 0, 0})
	}
	if got := len(sc.levels); got > sceneMaxLevels {
		t.Errorf("scene keeps %d prepared levels, want at most %d", got, sceneMaxLevels)
	}
	if sc.PreparedBytes() <= 0 {
		t.Errorf("PreparedBytes = %d, want > 0", sc.PreparedBytes())
	}
	// Level 6 was dropped and is prepared again: the tile must not change.
	if again := sc.RenderTile(TileKey{6, 0, 0}).Pix; !bytes.Equal(again, first) {
		t.Errorf("tile (6, 0, 0) differs after its level was dropped and prepared again")
	}
}
