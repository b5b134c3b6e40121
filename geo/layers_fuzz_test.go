package geo

import (
	"math"
	"os"
	"testing"
	"testing/fstest"
	"time"
)

// fuzzLayers are the layers a FuzzLoadLayer input can be: the kinds of base-map file.
var fuzzLayers = []BaseMapLayer{
	{Name: "land", Level: BaseMapLevel50m, File: "land-50m.geojson"},
	{Name: "coast", Level: BaseMapLevel50m, File: "coast-50m.geojson"},
	{Name: "lakes", Level: BaseMapLevel50m, File: "lakes-50m.geojson"},
	{Name: "rivers", Level: BaseMapLevel50m, File: "rivers-50m.geojson"},
	{Name: "borders", Level: Borders1938, File: "borders-1938.geojson"},
}

// FuzzLoadLayer loads arbitrary bytes as one base-map layer file. The loader must not panic or
// hang, and what it keeps must be drawable: rings of at least 4 points, lines of at least 2,
// every point finite and inside the map's longitudes; drawing the layer must not panic.
// Run with: go test ./geo -fuzz FuzzLoadLayer.
func FuzzLoadLayer(f *testing.F) {
	for i, l := range fuzzLayers {
		if data, err := os.ReadFile("testdata/layers/broken/" + l.File); err == nil {
			f.Add(data, uint8(i))
		}
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[170,65],[-170,65],[-170,70],[170,70],[170,65]]]}}]}`), uint8(0))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Volga","rank":1},"geometry":{"type":"MultiLineString","coordinates":[[[45,50],[46,51]],[]]}}]}`), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		l := fuzzLayers[int(which)%len(fuzzLayers)]
		fsys := fstest.MapFS{
			"manifest.json": {Data: []byte(`{"layers": [{"name": "` + l.Name + `", "level": "` + l.Level + `", "file": "` + l.File + `"}]}`)},
			l.File:          {Data: data},
		}
		m, _ := LoadBaseMap(fsys)
		if m == nil {
			t.Fatal("LoadBaseMap returned no map")
		}
		check := func(what string, pts int, at func(int) [2]float64, min int) {
			if pts < min {
				t.Fatalf("%s of %d points kept, want at least %d", what, pts, min)
			}
			for k := range pts {
				p := at(k)
				if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < TheatreBound.Min[0]-1 || p[0] > TheatreBound.Max[0]+1 || p[1] < -90 || p[1] > 90 {
					t.Fatalf("%s point %d %v kept outside the map", what, k, p)
				}
			}
		}
		areas := m.Borders[Borders1938]
		if lv := m.Levels[BaseMapLevel50m]; lv != nil {
			areas = append(append(areas, lv.Land...), lv.Lakes...)
			for _, ln := range append(append([]BaseMapLine(nil), lv.Coast...), lv.Rivers...) {
				for _, ls := range ln.Path {
					check("line", len(ls), func(k int) [2]float64 { return ls[k] }, 2)
				}
			}
		}
		for _, a := range areas {
			for _, p := range a.Shape {
				for _, r := range p {
					check("ring", len(r), func(k int) [2]float64 { return r[k] }, 4)
				}
			}
		}
		m.DrawLayers(BaseMapLevel50m, time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC), &StyleLight, 5)
	})
}
