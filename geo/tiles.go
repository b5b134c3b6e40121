package geo

import (
	"container/list"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	xdraw "golang.org/x/image/draw"
)

// TileSize is the side of a map tile in pixels.
const TileSize = 256

// Tile levels: level L has TileBaseScale/2^L metres per pixel. TileBaseScale is the scale of a
// web map's zoom 0, so on EPSG:3857 tile levels equal web map zoom levels.
const (
	TileMinLevel = 0
	TileMaxLevel = 22
)

// TileBaseScale is the scale of tile level 0 in metres per pixel.
var TileBaseScale = WebMercatorScale(0)

// TileLevelScale returns the scale of tile level l in metres per pixel.
func TileLevelScale(l int) float64 { return TileBaseScale / math.Exp2(float64(l)) }

// TileLevelFor returns the tile level whose scale is nearest to scale (metres per pixel) on a
// log scale, clamped to TileMinLevel..TileMaxLevel.
func TileLevelFor(scale float64) int {
	l := int(math.Round(math.Log2(TileBaseScale / scale)))
	return min(max(l, TileMinLevel), TileMaxLevel)
}

// TileKey names a tile: its level and its column and row. Tile (L, X, Y) covers the level
// pixels [X·256, X·256+256) × [Y·256, Y·256+256), where a level pixel is the projected point
// (x/s, −y/s) with s = TileLevelScale(L); so tiles are laid on the projection plane with the
// origin of the projection at a tile corner, and Y grows southward.
type TileKey struct{ Level, X, Y int }

// Scene is a set of layers drawn in one style through one projection, prepared (projected
// into the level's pixels and simplified to half a pixel) once per tile level on first use.
// It keeps the layers' coordinates by reference, in degrees, and no projected copy of them. Its methods are safe
// for concurrent use; its rendering is deterministic.
type Scene struct {
	src         *rasterSource
	mu          sync.Mutex
	levels      map[int]*sceneLevel
	tick        uint64
	maxPrepared int64 // sceneMaxPrepared; tests lower it
	// under, when non-nil, is drawn first (with its background): a scene of the user's layers
	// over a base map shares the base map's geometry and prepared levels (NewSceneOver).
	under *Scene
}

// A Scene keeps at most sceneMaxLevels prepared levels and, beyond the one in use,
// sceneMaxPrepared bytes of them; the least recently used are dropped. The budget keeps a
// coarse 1:50m level or two (under 1 MB each) for zooming back, but not the 1:10m geometry of
// a close level (3.7 MB at tile level 7, about 6 MB from level 9 on): with 8 MB of them the
// window's resident size peaked 5–10 MB higher during a zoom through five levels
// (docs/performance.md, "Memory"). Preparing a close level again takes about 0.1 s, and only
// when a tile of it must be rendered: the tiles of a level left stay in the tile cache, and
// coarser tiles stand in meanwhile.
const (
	sceneMaxLevels   = 4
	sceneMaxPrepared = 1 << 20
)

type sceneLevel struct {
	once  sync.Once
	prep  *rasterPrepared
	ready atomic.Pointer[rasterPrepared] // prep, once prepared (read without the Once)
	used  uint64
	bytes int64 // PreparedBytes of prep, once prepared
}

// NewScene makes the scene of layers through p in style s. Their geometry is kept by reference
// and projected only into the levels prepared (newRasterSource): it must not be modified
// afterwards (the base map's never is). Making a scene costs no projection.
func NewScene(p Projection, s *Style, layers []Layer) *Scene {
	return &Scene{src: newRasterSource(p, s, layers, nil), levels: map[int]*sceneLevel{}, maxPrepared: sceneMaxPrepared}
}

// prepared returns the geometry of level l in level pixels, preparing it on first use.
func (sc *Scene) prepared(l int) *rasterPrepared {
	sc.mu.Lock()
	lv := sc.levels[l]
	if lv == nil {
		lv = &sceneLevel{}
		sc.levels[l] = lv
		if len(sc.levels) > sceneMaxLevels {
			old, oldUsed := l, uint64(math.MaxUint64)
			for k, o := range sc.levels {
				if k != l && o.used < oldUsed {
					old, oldUsed = k, o.used
				}
			}
			delete(sc.levels, old) // goroutines drawing with it keep their pointer
		}
		// Over the budget, the levels left go before this one is made, not after: a close
		// level and the next are not both held while the next is prepared.
		sc.trim(lv)
	}
	sc.tick++
	lv.used = sc.tick
	sc.mu.Unlock()
	lv.once.Do(func() {
		s := TileLevelScale(l)
		lv.prep = sc.src.prepare(func(x, y float64) (float64, float64) { return x / s, -y / s })
		lv.ready.Store(lv.prep)
		sc.mu.Lock()
		lv.bytes = lv.prep.bytes()
		sc.trim(lv)
		sc.mu.Unlock()
	})
	return lv.prep
}

// trim drops the least recently used prepared levels other than keep while they hold more
// than sc.maxPrepared bytes. sc.mu is held.
func (sc *Scene) trim(keep *sceneLevel) {
	for {
		var total int64
		old, oldUsed := -1, uint64(math.MaxUint64)
		for k, o := range sc.levels {
			total += o.bytes
			if o != keep && o.bytes > 0 && o.used < oldUsed {
				old, oldUsed = k, o.used
			}
		}
		if total <= sc.maxPrepared || old < 0 {
			return
		}
		delete(sc.levels, old) // goroutines drawing with it keep their pointer
	}
}

// bytes estimates the memory held by prepared geometry: 16 bytes per vertex and 56 per ring
// or line.
func (p *rasterPrepared) bytes() int64 {
	var n int64
	for _, l := range p.layers {
		for _, pp := range l.polys {
			for _, r := range pp.rings {
				n += 56 + 16*int64(len(r))
			}
		}
		for _, ln := range l.lines {
			n += 56 + 16*int64(len(ln.ls))
		}
	}
	return n
}

// PreparedBytes estimates the memory held by the prepared levels, in bytes (16 per vertex and
// 56 per ring or line). Levels being prepared count as empty.
func (sc *Scene) PreparedBytes() int64 {
	sc.mu.Lock()
	lvs := make([]*sceneLevel, 0, len(sc.levels))
	for _, lv := range sc.levels {
		lvs = append(lvs, lv)
	}
	sc.mu.Unlock()
	var n int64
	for _, lv := range lvs {
		if prep := lv.ready.Load(); prep != nil {
			n += prep.bytes()
		}
	}
	return n
}

// RenderTile draws tile k into a new 256×256 image. The result depends only on the scene and k.
func (sc *Scene) RenderTile(k TileKey) *image.RGBA {
	var c rasterCtx
	return sc.renderTile(&c, k)
}

func (sc *Scene) renderTile(c *rasterCtx, k TileKey) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, TileSize, TileSize))
	ox, oy := float64(k.X*TileSize), float64(k.Y*TileSize)
	if sc.under != nil {
		c.draw(img, sc.under.prepared(k.Level), ox, oy)
		c.drawLayers(img, sc.prepared(k.Level), ox, oy)
		return img
	}
	c.draw(img, sc.prepared(k.Level), ox, oy)
	return img
}

// TileCache renders tiles of a Scene in background goroutines and keeps them in an LRU cache
// bounded by memory. Frame says what to show for a View now and queues the tiles it lacks.
// All methods are safe for concurrent use.
type TileCache struct {
	scene    *Scene
	maxBytes int64
	onReady  func(TileKey)

	mu       sync.Mutex
	cond     *sync.Cond
	lru      *list.List // of *tileEntry, most recently used first
	items    map[TileKey]*list.Element
	bytes    int64
	queue    []TileKey // wanted and not started, most urgent first
	inflight map[TileKey]bool
	// stale are tiles of the scene this one replaced (AdoptTiles) that its change touches:
	// drawn as stand-ins until their own tile is rendered.
	stale  map[TileKey]*image.RGBA
	closed bool
	wg     sync.WaitGroup
}

type tileEntry struct {
	key TileKey
	img *image.RGBA
}

// NewTileCache starts workers goroutines (runtime.NumCPU() if workers ≤ 0) rendering tiles of
// sc, keeping at most maxBytes of tile pixels (256 KiB a tile; give it room for at least two
// screens of tiles, about 64 MiB at 1920×1080, or tiles of one frame evict each other). onReady, if non-nil, is called from a worker
// goroutine after each tile enters the cache (a UI should hand it to its own goroutine, e.g.
// with fyne.Do, and call Frame again). Call Close to stop the workers.
func NewTileCache(sc *Scene, maxBytes int64, workers int, onReady func(TileKey)) *TileCache {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	c := &TileCache{scene: sc, maxBytes: maxBytes, onReady: onReady, lru: list.New(),
		items: map[TileKey]*list.Element{}, inflight: map[TileKey]bool{}}
	c.cond = sync.NewCond(&c.mu)
	c.wg.Add(workers)
	for range workers {
		go c.work()
	}
	return c
}

// Close stops the workers after the tiles being rendered are done and drops the queue.
func (c *TileCache) Close() {
	c.mu.Lock()
	c.closed = true
	c.queue = nil
	c.stale = nil
	c.cond.Broadcast()
	c.mu.Unlock()
	c.wg.Wait()
}

func (c *TileCache) work() {
	defer c.wg.Done()
	var rc rasterCtx
	for {
		c.mu.Lock()
		for len(c.queue) == 0 && !c.closed {
			c.cond.Wait()
		}
		if c.closed {
			c.mu.Unlock()
			return
		}
		k := c.queue[0]
		c.queue = c.queue[1:]
		c.inflight[k] = true
		c.mu.Unlock()

		img := c.scene.renderTile(&rc, k)

		c.mu.Lock()
		c.put(k, img)
		c.mu.Unlock()
		if c.onReady != nil {
			c.onReady(k)
		}
		// In flight until announced, so that WaitIdle returns after the last onReady.
		c.mu.Lock()
		delete(c.inflight, k)
		c.cond.Broadcast()
		c.mu.Unlock()
	}
}

// put stores a tile and evicts the least recently used ones over the budget. c.mu is held.
func (c *TileCache) put(k TileKey, img *image.RGBA) {
	if e, ok := c.items[k]; ok {
		c.lru.MoveToFront(e)
		return
	}
	delete(c.stale, k)
	c.items[k] = c.lru.PushFront(&tileEntry{key: k, img: img})
	c.bytes += int64(len(img.Pix))
	c.evict()
}

// evict drops the least recently used tiles until the cache is within its budget (the newest
// tile always stays). c.mu is held.
func (c *TileCache) evict() {
	for c.bytes > c.maxBytes && c.lru.Len() > 1 {
		e := c.lru.Back()
		te := e.Value.(*tileEntry)
		c.lru.Remove(e)
		delete(c.items, te.key)
		c.bytes -= int64(len(te.img.Pix))
	}
}

// get returns a cached tile and marks it used. c.mu is held.
func (c *TileCache) get(k TileKey) *image.RGBA {
	if e, ok := c.items[k]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*tileEntry).img
	}
	return nil
}

// SetMaxBytes changes the memory budget of the cache (a window was resized, or the scene left
// view and keeps only a few tiles); tiles over it are evicted, least recently used first.
func (c *TileCache) SetMaxBytes(n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.maxBytes = n
	c.evict()
}

// MaxBytes returns the memory budget of the cache.
func (c *TileCache) MaxBytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.maxBytes
}

// Bytes returns the memory held by cached tile pixels, in bytes.
func (c *TileCache) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// Len returns the number of cached tiles.
func (c *TileCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}

// WaitIdle blocks until no tile is queued, being rendered or being announced to onReady.
func (c *TileCache) WaitIdle() {
	c.mu.Lock()
	for (len(c.queue) > 0 || len(c.inflight) > 0) && !c.closed {
		c.cond.Wait()
	}
	c.mu.Unlock()
}

// TilePiece is one image to draw for a frame: the part Src of Img drawn over the screen
// rectangle X, Y, W, H (pixels, may be fractional and partly off screen). Img is shared and
// must not be modified.
type TilePiece struct {
	Key         TileKey
	Img         *image.RGBA
	Src         image.Rectangle
	X, Y, W, H  float64
	Placeholder bool // scaled from another level while the sharp tile renders
}

// Frame is what to draw for a View: placeholders first, then sharp tiles, in order.
type Frame struct {
	Level   int
	Pieces  []TilePiece
	Missing int // sharp tiles not ready yet (queued for rendering)
	// Holes are the screen squares (X, Y, W, H in pixels) of missing tiles that no placeholder
	// covers: only there does the background show (a UI fills them with the water colour
	// rather than painting it under the whole map).
	Holes [][4]float64
}

// Complete reports whether every tile of the frame is sharp.
func (f *Frame) Complete() bool { return f.Missing == 0 }

// Frame returns the tiles to show for v: cached tiles of the level nearest v's scale, and for
// those not ready, the nearest cached coarser tile (up to 6 levels up) or else the cached tiles
// one level finer, scaled. The missing tiles replace the render queue, nearest to the centre
// first, so that tiles of views already left are not rendered. v is not modified.
func (c *TileCache) Frame(v *View) Frame {
	lvl := TileLevelFor(v.Scale)
	s := TileLevelScale(lvl)
	k := v.Scale / s // level pixels per screen pixel
	x0, ytop := v.ScreenToProj(0, 0)
	gx0, gy0 := x0/s, -ytop/s
	tx0, ty0 := int(math.Floor(gx0/TileSize)), int(math.Floor(gy0/TileSize))
	tx1 := int(math.Floor((gx0 + float64(v.W)*k) / TileSize))
	ty1 := int(math.Floor((gy0 + float64(v.H)*k) / TileSize))
	f := Frame{Level: lvl}
	var sharp []TilePiece
	var missing []TileKey
	screen := func(lv, tx, ty int) (x, y, w float64) {
		sc := TileLevelScale(lv) / s // size of that level's pixel in level-lvl pixels
		w = TileSize * sc / k
		return (float64(tx)*TileSize*sc - gx0) / k, (float64(ty)*TileSize*sc - gy0) / k, w
	}
	c.mu.Lock()
	for ty := ty0; ty <= ty1; ty++ {
		for tx := tx0; tx <= tx1; tx++ {
			key := TileKey{lvl, tx, ty}
			x, y, w := screen(lvl, tx, ty)
			if img := c.get(key); img != nil {
				sharp = append(sharp, TilePiece{Key: key, Img: img, Src: img.Bounds(), X: x, Y: y, W: w, H: w})
				continue
			}
			missing = append(missing, key)
			if img := c.stale[key]; img != nil {
				f.Pieces = append(f.Pieces, TilePiece{Key: key, Img: img, Src: img.Bounds(), X: x, Y: y, W: w, H: w, Placeholder: true})
				continue
			}
			n := len(f.Pieces)
			f.Pieces = c.placeholders(f.Pieces, key, x, y, w)
			if covered := len(f.Pieces) - n; covered == 0 || (covered < 4 && f.Pieces[n].Key.Level > lvl) {
				f.Holes = append(f.Holes, [4]float64{x, y, w, w})
			}
		}
	}
	f.Pieces = append(f.Pieces, sharp...)
	f.Missing = len(missing)
	c.dropStale(missing)
	cx, cy := gx0+float64(v.W)*k/2, gy0+float64(v.H)*k/2
	dist := func(t TileKey) float64 {
		return math.Hypot((float64(t.X)+0.5)*TileSize-cx, (float64(t.Y)+0.5)*TileSize-cy)
	}
	sort.SliceStable(missing, func(i, j int) bool { return dist(missing[i]) < dist(missing[j]) })
	c.queue = c.queue[:0]
	for _, m := range missing {
		if !c.inflight[m] {
			c.queue = append(c.queue, m)
		}
	}
	if len(c.queue) > 0 {
		c.cond.Broadcast()
	}
	c.mu.Unlock()
	return f
}

// placeholders appends the pieces standing in for the missing tile key drawn at x, y, w×w
// screen pixels. c.mu is held.
func (c *TileCache) placeholders(ps []TilePiece, key TileKey, x, y, w float64) []TilePiece {
	for d := 1; d <= 6 && key.Level-d >= TileMinLevel; d++ {
		a := TileKey{key.Level - d, key.X >> d, key.Y >> d}
		img := c.get(a)
		if img == nil {
			continue
		}
		n := TileSize >> d
		ox, oy := (key.X-a.X<<d)*n, (key.Y-a.Y<<d)*n
		return append(ps, TilePiece{Key: a, Img: img, Src: image.Rect(ox, oy, ox+n, oy+n),
			X: x, Y: y, W: w, H: w, Placeholder: true})
	}
	if key.Level+1 > TileMaxLevel {
		return ps
	}
	for j := range 2 {
		for i := range 2 {
			ck := TileKey{key.Level + 1, 2*key.X + i, 2*key.Y + j}
			if img := c.get(ck); img != nil {
				ps = append(ps, TilePiece{Key: ck, Img: img, Src: img.Bounds(),
					X: x + float64(i)*w/2, Y: y + float64(j)*w/2, W: w / 2, H: w / 2, Placeholder: true})
			}
		}
	}
	return ps
}

// Draw composes the frame into dst, whose pixel (0, 0) is the screen's top-left corner: it
// fills dst with bg (unless the frame is complete and so covers it), then draws each piece in
// order, copying pieces that fall on whole pixels at their own size and scaling the others
// (bilinear when smooth, else nearest neighbour). Piece edges are rounded to whole pixels so
// that neighbours meet without gaps. dst is overwritten.
func (f *Frame) Draw(dst *image.RGBA, bg color.Color, smooth bool) {
	if !f.Complete() {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	}
	for _, p := range f.Pieces {
		r := image.Rect(int(math.Round(p.X)), int(math.Round(p.Y)),
			int(math.Round(p.X+p.W)), int(math.Round(p.Y+p.H)))
		switch {
		case !r.Overlaps(dst.Bounds()):
		case r.Dx() == p.Src.Dx() && r.Dy() == p.Src.Dy():
			draw.Draw(dst, r, p.Img, p.Src.Min, draw.Src)
		case smooth:
			xdraw.ApproxBiLinear.Scale(dst, r, p.Img, p.Src, draw.Src, nil)
		default:
			scaleNearestRGBA(dst, r, p.Img, p.Src)
		}
	}
}

// scaleNearestRGBA draws the part sr of src scaled to the rectangle dr of dst (clipped to dst's
// bounds), sampling the source pixel under each destination pixel's centre, as
// x/image/draw.NearestNeighbor does, but several times faster. Pixels of dst are replaced.
func scaleNearestRGBA(dst *image.RGBA, dr image.Rectangle, src *image.RGBA, sr image.Rectangle) {
	sr = sr.Intersect(src.Bounds())
	cr := dr.Intersect(dst.Bounds())
	if cr.Empty() || sr.Empty() {
		return
	}
	dw, dh, sw, sh := dr.Dx(), dr.Dy(), sr.Dx(), sr.Dy()
	var buf [1024]int
	xs := buf[:0]
	for x := cr.Min.X; x < cr.Max.X; x++ {
		sx := sr.Min.X + (2*(x-dr.Min.X)+1)*sw/(2*dw)
		xs = append(xs, 4*(sx-src.Rect.Min.X))
	}
	prev, prevOff := -1, 0
	for y := cr.Min.Y; y < cr.Max.Y; y++ {
		sy := sr.Min.Y + (2*(y-dr.Min.Y)+1)*sh/(2*dh)
		off := dst.PixOffset(cr.Min.X, y)
		drow := dst.Pix[off : off+4*len(xs)]
		if sy == prev {
			copy(drow, dst.Pix[prevOff:prevOff+len(drow)])
			continue
		}
		srow := src.Pix[src.PixOffset(src.Rect.Min.X, sy):]
		srow = srow[:4*src.Rect.Dx()]
		for i, xo := range xs {
			d := drow[4*i : 4*i+4 : 4*i+4]
			binary.LittleEndian.PutUint32(d, binary.LittleEndian.Uint32(srow[xo:xo+4:xo+4]))
		}
		prev, prevOff = sy, off
	}
}
