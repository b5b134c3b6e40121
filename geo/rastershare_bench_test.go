package geo

import (
	"sync"
	"testing"

	"frontline-atlas/assets"
)

var (
	benchBaseOnce sync.Once
	benchBase     *BaseMap
	benchBaseErr  error
)

// BenchmarkSceneLevel10m: what the close-zoom 1:10m scene costs to make and to prepare, on
// the embedded base map (374,000 vertices) at the 1938 borders, at tile levels 7 (where the
// map switches to 1:10m) and 9: "newscene" is NewScene alone, which the window's goroutine
// pays when a zoom crosses into the scene; "first" is NewScene and its first level prepared
// (what the first sharp tile waits for); "again" is a level prepared again after it was
// dropped (zooming back to a level left). Tile rendering is not included.
func BenchmarkSceneLevel10m(b *testing.B) {
	benchBaseOnce.Do(func() { benchBase, benchBaseErr = LoadBaseMap(assets.Map()) })
	if benchBaseErr != nil {
		b.Fatal(benchBaseErr)
	}
	layers := benchBase.DrawLayers(BaseMapLevel10m, rasterShareDay, &StyleLight, 5)
	b.Run("newscene", func(b *testing.B) {
		for b.Loop() {
			NewScene(Theatre, &StyleLight, layers)
		}
	})
	for _, l := range []int{7, 9} {
		name := map[int]string{7: "level7", 9: "level9"}[l]
		b.Run("first/"+name, func(b *testing.B) {
			for b.Loop() {
				NewScene(Theatre, &StyleLight, layers).prepared(l)
			}
		})
		b.Run("again/"+name, func(b *testing.B) {
			sc := NewScene(Theatre, &StyleLight, layers)
			for b.Loop() {
				sc.mu.Lock()
				clear(sc.levels)
				sc.mu.Unlock()
				sc.prepared(l)
			}
		})
	}
}
