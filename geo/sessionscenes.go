package geo

import "math"

// screenTiles is the most tiles one frame of a w×h view can show: tiles are drawn at 0.71×
// to 1.41× their size between levels, so at worst a 181-pixel grid, plus a partial tile at
// each edge.
func screenTiles(w, h int) int64 {
	side := float64(TileSize) / math.Sqrt2
	return int64(math.Ceil(float64(w)/side)+1) * int64(math.Ceil(float64(h)/side)+1)
}

// tileBytes is the memory of one cached tile.
const tileBytes = TileSize * TileSize * 4

// tileBudget is the memory the scene on screen keeps for tiles: one and a half screens at the
// worst scale (tiles drawn at 0.71×), so a frame's tiles never evict each other, a short pan
// back finds its tiles, and a zoom finds tiles of the level it left to stand in while the new
// ones render. It follows the size of the map, not a fixed figure: about 17 MiB for a 1420×630
// map, 2.5 MiB at 400×300.
func (s *MapSession) tileBudget() int64 { return screenTiles(s.view.W, s.view.H) * tileBytes * 3 / 2 }

// idleBudget is what a scene not on screen keeps: nothing but its geometry (its tiles cannot
// stand in for another scene's, and switching back renders the view again).
func (s *MapSession) idleBudget() int64 { return 0 }

// budgetScenes gives the scene on screen (the last used) the full budget and the others the
// idle one.
func (s *MapSession) budgetScenes() {
	for i, k := range s.sceneOrder {
		c := s.scenes[k]
		want := s.idleBudget()
		if i == len(s.sceneOrder)-1 {
			want = s.tileBudget()
		}
		if c.MaxBytes() != want {
			c.SetMaxBytes(want)
		}
	}
	s.idleScenes()
}

// cache returns the tile cache of the scene v needs now (style, detail, border epoch of the
// date), making it on first use. Nil when there is no base map or the session is closed.
func (s *MapSession) cache(v *View) *TileCache {
	if s.data == nil || s.closed.Load() {
		return nil
	}
	detail := s.detailFor(v)
	key := sceneKey{style: s.style, detail: detail, epoch: s.data.EpochKey(s.day), user: s.userKey()}
	c := s.scenes[key]
	if c == nil {
		c = s.newSceneCache(key)
		s.scenes[key] = c
	}
	if n := len(s.sceneOrder); n > 0 && s.sceneOrder[n-1] == key {
		return c // the scene of the last frame: nothing to reorder
	}
	for i, k := range s.sceneOrder {
		if k == key {
			s.sceneOrder = append(s.sceneOrder[:i], s.sceneOrder[i+1:]...)
			break
		}
	}
	s.sceneOrder = append(s.sceneOrder, key)
	for len(s.sceneOrder) > maxScenes {
		old := s.sceneOrder[0]
		s.sceneOrder = s.sceneOrder[1:]
		s.scenes[old].Close()
		delete(s.scenes, old)
		s.forgetScene(old)
	}
	s.budgetScenes()
	return c
}

// SceneCount returns the number of scenes whose tiles are kept, and TileBytes the memory their
// tiles hold (for tests and measurements).
func (s *MapSession) SceneCount() int { return len(s.scenes) }

// TileBytes returns the memory held by the tiles of every scene kept, in bytes.
func (s *MapSession) TileBytes() int64 {
	var n int64
	for _, c := range s.scenes {
		n += c.Bytes()
	}
	return n
}
