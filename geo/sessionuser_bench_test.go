package geo

import (
	"context"
	"fmt"
	"image"
	"strings"
	"testing"
	"time"

	"frontline-atlas/assets"
)

// benchSession opens a 1920×1080 session over the embedded base map on 19 November 1942 with
// the user's layers given, and waits for its first complete frame.
func benchSession(b *testing.B, md *MapData, layers []SessionLayer) *MapSession {
	b.Helper()
	s := NewMapSession(md, SessionOptions{})
	b.Cleanup(s.Close)
	s.SetDate(time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC))
	s.SetSize(1920, 1080)
	s.SetUserLayers(layers)
	if !s.WaitReady(120 * time.Second) {
		b.Fatal("no complete frame")
	}
	return s
}

// BenchmarkSessionUserLayerPan: one op is 120 pans of 32 px (30 each way, the peers' cycle at
// four times its step, so that new tiles enter) of a 1920×1080 session over Europe at 1:50m, each step running until its frame is
// sharp (tiles entering at the edges rendered); "frame" is the time of Frame alone (what the UI
// goroutine pays per step: tiles looked up, markers and names placed, the user's names too).
// With no layer, then with Natural Earth's 1:10m rivers (lines), 1:50m populated places (1,249
// named points) and the historical-basemaps world of 1938 (areas) laid over the base map.
func BenchmarkSessionUserLayerPan(b *testing.B) {
	md, err := LoadMapData(assets.Map(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct{ name, file string }{
		{"none", ""},
		{"rivers-10m", "naturalearth/ne_10m_rivers_lake_centerlines.json"},
		{"places-50m", "naturalearth/ne_50m_populated_places_simple.json"},
		{"world-1938", "historical-basemaps/world_1938.geojson"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var layers []SessionLayer
			if tc.file != "" {
				layers = []SessionLayer{{Layer: benchUserLayer(b, tc.file)}}
			}
			s := benchSession(b, md, layers)
			var frames, sharps []time.Duration
			dirs := [4][2]float64{{-32, 0}, {0, -32}, {32, 0}, {0, 32}}
			for b.Loop() {
				for _, d := range dirs {
					for range 30 {
						t0 := time.Now()
						s.Pan(d[0], d[1])
						f := s.Frame()
						frames = append(frames, time.Since(t0))
						if !f.Tiles.Complete() {
							s.cache(&f.View).WaitIdle()
							s.Frame()
						}
						sharps = append(sharps, time.Since(t0))
					}
				}
			}
			benchStats(b, "frame", frames)
			benchStats(b, "sharp", sharps)
		})
	}
}

// BenchmarkSessionDatedLayerPlayback: one op is a day of playback (a step of the date and a
// frame until sharp) with a layer of 365 small areas, one for each day of 1942, scattered over
// Europe: "redrawn" is the share of the screen's tiles drawn again per step (the others are
// kept from the day before), "sharp" the time until the frame is sharp.
func BenchmarkSessionDatedLayerPlayback(b *testing.B) {
	md, err := LoadMapData(assets.Map(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	var feats []string
	for i := range 365 {
		lon, lat := 5+float64(i%25)*2.2, 42+float64(i/25)*1.6
		d := time.Date(1942, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format("2006-01-02")
		feats = append(feats, fmt.Sprintf(`{"type": "Feature", "properties": {"date": %q},
 "geometry": {"type": "Polygon", "coordinates": [[[%g, %g], [%g, %g], [%g, %g], [%g, %g]]]}}`,
			d, lon, lat, lon+1, lat, lon+1, lat+1, lon, lat))
	}
	src := `{"type": "FeatureCollection", "features": [` + strings.Join(feats, ",") + `]}`
	l, err := ParseUserLayer(context.Background(), "days.geojson", []byte(src), UserLayerOptions{ParseDate: testDates})
	if err != nil {
		b.Fatal(err)
	}
	s := benchSession(b, md, []SessionLayer{{Layer: l}})
	day := time.Date(1942, 3, 1, 0, 0, 0, 0, time.UTC)
	var sharps []time.Duration
	redrawn, total := 0, 0
	prev := map[TileKey]*image.RGBA{}
	for b.Loop() {
		day = day.AddDate(0, 0, 1)
		t0 := time.Now()
		s.SetDate(day)
		f := s.Frame()
		if !f.Tiles.Complete() {
			s.cache(&f.View).WaitIdle()
			f = s.Frame()
		}
		sharps = append(sharps, time.Since(t0))
		for _, p := range f.Tiles.Pieces {
			if p.Placeholder {
				continue
			}
			total++
			if prev[p.Key] != p.Img {
				redrawn++
			}
			prev[p.Key] = p.Img
		}
	}
	benchStats(b, "sharp", sharps)
	b.ReportMetric(100*float64(redrawn)/float64(max(total, 1)), "redrawn-%")
}
