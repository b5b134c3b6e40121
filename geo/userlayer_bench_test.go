package geo

import (
	"context"
	"os"
	"testing"
)

// BenchmarkParseUserLayer loads Natural Earth's 1:10m coastline (19 MB, 410,000 positions in
// the map's area) as a user layer (skipped where ../shared/data is missing).
func BenchmarkParseUserLayer(b *testing.B) {
	const path = "../../shared/data/naturalearth/ne_10m_coastline.json"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("no %s: %v", path, err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseUserLayer(context.Background(), path, data, UserLayerOptions{ParseDate: testDates}); err != nil {
			b.Fatal(err)
		}
	}
}
