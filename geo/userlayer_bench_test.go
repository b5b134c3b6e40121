package geo

import (
	"context"
	"math"
	"os"
	"testing"
	"time"

	"frontline-atlas/assets"
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

// benchUserLayer loads a file of ../shared/data as a user layer, or skips.
func benchUserLayer(b *testing.B, name string) *UserLayer {
	b.Helper()
	path := "../../shared/data/" + name
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("no %s: %v", path, err)
	}
	l, err := ParseUserLayer(context.Background(), path, data, UserLayerOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return l
}

// BenchmarkUserLayerTiles renders the tiles of a 1920×1080 view of Europe at 1:10m detail (tile
// level 7, about 1,200 m per pixel), with only the base map and with Natural Earth's 1:10m
// coastline (410,000 positions) or the 1938 world borders laid over it as a user layer. The
// level is prepared before timing: the figure is the cost of drawing a tile, what a pan pays.
func BenchmarkUserLayerTiles(b *testing.B) {
	md, err := LoadMapData(assets.Map(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	day := time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC)
	base := md.BaseLayers(Detail10m, day, &StyleLight)
	v := NewView(Theatre, 1920, 1080, 30, 52, TileLevelScale(7))
	x0, y0 := v.ScreenToProj(0, 0)
	x1, y1 := v.ScreenToProj(float64(v.W), float64(v.H))
	s := TileLevelScale(7)
	var keys []TileKey
	for ty := int(math.Floor(-y0 / s / TileSize)); ty <= int(math.Floor(-y1/s/TileSize)); ty++ {
		for tx := int(math.Floor(x0 / s / TileSize)); tx <= int(math.Floor(x1/s/TileSize)); tx++ {
			keys = append(keys, TileKey{7, tx, ty})
		}
	}
	for _, tc := range []struct{ name, file string }{
		{"base", ""},
		{"coastline-10m", "naturalearth/ne_10m_coastline.json"},
		{"world-1938", "historical-basemaps/world_1938.geojson"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			sc := NewScene(Theatre, &StyleLight, base)
			if tc.file != "" { // as the session draws it: a scene of the layer over the base's
				l := benchUserLayer(b, tc.file)
				sc = NewSceneOver(sc, Theatre, &StyleLight, l.DrawLayers(0, StyleLight.UserColor(0), &StyleLight))
			}
			sc.RenderTile(keys[0]) // prepare the level
			b.ResetTimer()
			for b.Loop() {
				for _, k := range keys {
					sc.RenderTile(k)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys))/1e6, "ms/tile")
		})
	}
}
