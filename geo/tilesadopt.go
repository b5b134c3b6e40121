package geo

import (
	"image"

	"github.com/paulmach/orb"
)

// NewSceneOver makes a scene that draws base first and then layers (projected with p in style
// s) over it. base's geometry and its prepared levels are shared, not copied: a scene of the
// user's layers over the base map costs the preparation of those layers alone, and several
// such scenes (a layer shown, then hidden; one date of a dated layer, then the next) share
// one base.
func NewSceneOver(base *Scene, p Projection, s *Style, layers []Layer) *Scene {
	sc := NewScene(p, s, layers)
	sc.under = base
	return sc
}

// Base returns the scene drawn under sc (NewSceneOver), or sc itself.
func (sc *Scene) Base() *Scene {
	if sc.under != nil {
		return sc.under
	}
	return sc
}

// AdoptTiles takes over the tiles of old, a cache of a scene that differs from c's only
// inside dirty (projected metres, per level grown by pad pixels): a tile of old that does not
// touch dirty is the tile c would render, and is kept as it is; one that does touches what
// changed, and is kept only as a stand-in (drawn as a placeholder while its own tile renders,
// so a change never flashes to the background). old is not modified; the images are shared
// (tiles are never modified once rendered). An empty dirty bound keeps every tile.
func (c *TileCache) AdoptTiles(old *TileCache, dirty []orb.Bound, pad float64) (kept, stale int) {
	if old == nil || old == c {
		return 0, 0
	}
	type tile struct {
		k   TileKey
		img *image.RGBA
	}
	var tiles []tile
	old.mu.Lock()
	for e := old.lru.Back(); e != nil; e = e.Prev() { // least recently used first
		te := e.Value.(*tileEntry)
		tiles = append(tiles, tile{te.key, te.img})
	}
	old.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, t := range tiles {
		if _, ok := c.items[t.k]; ok {
			continue
		}
		if tileTouches(t.k, dirty, pad) {
			if c.stale == nil {
				c.stale = map[TileKey]*image.RGBA{}
			}
			c.stale[t.k] = t.img
			stale++
			continue
		}
		c.items[t.k] = c.lru.PushFront(&tileEntry{key: t.k, img: t.img})
		c.bytes += int64(len(t.img.Pix))
		kept++
	}
	c.evict()
	return kept, stale
}

// tileTouches reports whether tile k, grown by pad pixels, overlaps any of the bounds
// (projected metres).
func tileTouches(k TileKey, dirty []orb.Bound, pad float64) bool {
	s := TileLevelScale(k.Level)
	// Level pixel (px, py) is the projected point (px·s, −py·s).
	x0 := (float64(k.X*TileSize) - pad) * s
	x1 := (float64((k.X+1)*TileSize) + pad) * s
	y1 := -(float64(k.Y*TileSize) - pad) * s
	y0 := -(float64((k.Y+1)*TileSize) + pad) * s
	t := orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x1, y1}}
	for _, b := range dirty {
		if b.Intersects(t) {
			return true
		}
	}
	return false
}

// dropStale forgets the stand-ins that are not among the tiles a frame misses (the view moved
// on, or their tile was rendered). c.mu is held.
func (c *TileCache) dropStale(missing []TileKey) {
	if len(c.stale) == 0 {
		return
	}
	want := make(map[TileKey]bool, len(missing))
	for _, k := range missing {
		want[k] = true
	}
	for k := range c.stale {
		if !want[k] {
			delete(c.stale, k)
		}
	}
}

// StaleTiles returns the number of stand-in tiles kept from the scene c replaced.
func (c *TileCache) StaleTiles() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.stale)
}
