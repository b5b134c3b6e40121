package geo

import (
	"encoding/json"
	"math"
	"os"
	"testing"
	"testing/fstest"
)

// fuzzFrontFiles are the theatres a FuzzParseFronts input can be the file of.
var fuzzFrontFiles = []string{"khasan", "eastern", "finland"}

// FuzzParseFronts loads arbitrary bytes as a pack's fronts file. The loader must not panic or
// hang; fronts it accepts must answer every question the map asks — the fronts and held areas
// at the first, middle and last day of each theatre, every vertex finite — and write out as
// GeoJSON that loads again to the same keyframes. Run with: go test ./geo -fuzz FuzzParseFronts.
func FuzzParseFronts(f *testing.F) {
	for i, name := range fuzzFrontFiles {
		if data, err := os.ReadFile("../assets/content/fronts/" + name + ".geojson"); err == nil && len(data) < 20_000 {
			f.Add(data, uint8(i))
		}
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[`+
		`{"type":"Feature","properties":{"theatre":"khasan","date":"1938-07-29","role":"pocket","held_by":"opponent","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[130.5,42.4],[130.6,42.4],[130.6,42.5],[130.5,42.4]]]}},`+
		`{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-11","role":"pocket","held_by":"opponent","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[130.5,42.4],[130.55,42.4],[130.6,42.5],[130.5,42.4]]]}}]}`), uint8(0))
	theatres := []string{"khasan", "eastern", "finland"}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		name := fuzzFrontFiles[int(which)%len(fuzzFrontFiles)]
		fr, err := LoadFronts(fstest.MapFS{"fronts/" + name + ".geojson": {Data: data}}, "fronts", theatres)
		if fr == nil {
			if err == nil {
				t.Fatal("no fronts and no error")
			}
			return
		}
		for _, th := range fr.theatres {
			for _, day := range []int{th.first, (th.first + th.last) / 2, th.last} {
				for _, s := range fr.FrontsAtDay(float64(day) + 0.5) {
					for _, p := range append(s.Line, s.Area...) {
						if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
							t.Fatalf("%s %s on day %d: vertex %v", th.id, s.Part, day, p)
						}
					}
				}
				fr.FeatureCollectionAt(float64(day) + 0.5)
			}
		}
		b, err := json.Marshal(fr.KeyframesFeatureCollection())
		if err != nil {
			t.Fatal(err)
		}
		back, err := LoadFronts(fstest.MapFS{"fronts/" + name + ".geojson": {Data: b}}, "fronts", theatres)
		if err != nil || back == nil || len(back.Keyframes()) != len(fr.Keyframes()) {
			t.Fatalf("the written fronts do not load again to %d keyframes: %v", len(fr.Keyframes()), err)
		}
	})
}
