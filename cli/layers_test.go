package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"frontline-atlas/timeline"
)

// TestLoadLayerDates checks that a layer loaded for the app reads dates as the pack does: every
// precision, approximate dates, and the pack's refusal of days that do not exist.
func TestLoadLayerDates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "battles.geojson")
	src := `{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "Stalingrad", "start": "1942-07-17", "end": "1943-02-02"}, "geometry": {"type": "Point", "coordinates": [44.5, 48.7]}},
{"type": "Feature", "properties": {"name": "Kursk", "date": "1943-07"}, "geometry": {"type": "Point", "coordinates": [36.2, 51.7]}},
{"type": "Feature", "properties": {"name": "Bagration", "date": "~1944"}, "geometry": {"type": "Point", "coordinates": [28, 54]}},
{"type": "Feature", "properties": {"name": "nowhere", "date": "1943-02-29"}, "geometry": {"type": "Point", "coordinates": [30, 50]}}]}`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := LoadLayer(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	day := func(y, m, d int) int { return int(timeline.DayOf(y, m, d)) }
	want := map[string][2]int{
		"Stalingrad": {day(1942, 7, 17), day(1943, 2, 2)},
		"Kursk":      {day(1943, 7, 1), day(1943, 7, 31)},
		"Bagration":  {day(1944, 1, 1), day(1944, 12, 31)},
	}
	for _, f := range l.Features {
		w, dated := want[f.Name]
		if f.Dated != dated || (dated && (f.Days.From != w[0] || f.Days.To != w[1])) {
			t.Errorf("%s: dated %v %v, want %v %v", f.Name, f.Dated, f.Days, dated, w)
		}
	}
	if p := l.ProblemsText(0); !strings.Contains(p, `battles.geojson: feature 3 "nowhere" (line 5): properties "date": "1943-02-29" is not a date`) {
		t.Errorf("problems:\n%s", p)
	}
}
