package geo

// dropPrepared forgets the prepared levels of sc and of the scene under it (NewSceneOver);
// the source geometry stays, so a level is prepared again (about 0.1 s at the closest
// 1:10m levels) when next used. Goroutines drawing with a level keep their pointer.
func (sc *Scene) dropPrepared() {
	for _, s := range []*Scene{sc, sc.under} {
		if s == nil {
			continue
		}
		s.mu.Lock()
		clear(s.levels)
		s.mu.Unlock()
	}
}

// idleScenes drops the prepared geometry of the scenes not on screen whose geometry the scene
// on screen does not share: a scene not shown keeps no tiles (idleBudget), and its prepared
// levels (up to sceneMaxPrepared beyond the one last used, about 13 MB for the 1:10m scene
// after a zoom in and out) would otherwise stay until it is shown again or dropped
// (maxScenes). Switching back costs the preparation of the level shown.
func (s *MapSession) idleScenes() {
	n := len(s.sceneOrder)
	if n < 2 {
		return
	}
	shown := s.scenes[s.sceneOrder[n-1]].scene
	for _, k := range s.sceneOrder[:n-1] {
		sc := s.scenes[k].scene
		if sc == shown || sc.Base() == shown.Base() {
			// Shares the base map's levels with the scene on screen: only its own layers go.
			if sc != shown && sc.under != nil {
				sc.mu.Lock()
				clear(sc.levels)
				sc.mu.Unlock()
			}
			continue
		}
		sc.dropPrepared()
	}
}
