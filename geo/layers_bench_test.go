package geo

import (
	"testing"

	"frontline-atlas/assets"
)

// BenchmarkLoadBaseMapLevel loads one level of the embedded base map as the window does: the
// whole-theatre level with the borders before the first frame (50m), the close-zoom level
// behind it (10m).
func BenchmarkLoadBaseMapLevel(b *testing.B) {
	fsys := assets.Map()
	for _, level := range []string{BaseMapLevel50m, BaseMapLevel10m} {
		b.Run(level, func(b *testing.B) {
			keep := func(l BaseMapLayer) bool { return (l.Level == BaseMapLevel10m) == (level == BaseMapLevel10m) }
			for b.Loop() {
				if _, err := LoadBaseMapLayers(fsys, keep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
