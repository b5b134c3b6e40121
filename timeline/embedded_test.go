package timeline_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"frontline-atlas/assets"
	"frontline-atlas/timeline"
)

// TestEmbeddedPackLoads loads the content pack built into the application: it must have no
// problem at all. Each problem is logged on its own line.
func TestEmbeddedPackLoads(t *testing.T) {
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		t.Fatalf("the embedded pack has problems:\n%v", err)
	}
	counts := c.Counts()
	for _, k := range timeline.Kinds {
		t.Logf("%s: %d", k, counts[k])
	}
	if counts[timeline.KindEvent] == 0 {
		t.Errorf("the embedded pack has no events")
	}
	for _, w := range c.Warnings() {
		t.Logf("warning: %s", w)
	}
}

// TestEmbeddedPlacesSearch loads the embedded pack.json and places.json on their own (places.json
// carries its own sources) and checks that search knows period, modern and alias names.
func TestEmbeddedPlacesSearch(t *testing.T) {
	m := fstest.MapFS{}
	for _, name := range []string{"pack.json", "places.json"} {
		data, err := fs.ReadFile(assets.Content(), name)
		if err != nil {
			t.Fatalf("embedded %s: %v", name, err)
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	c, err := timeline.LoadFS(m, "embedded places")
	if err != nil {
		t.Fatalf("embedded places.json on its own: %v", err)
	}
	tests := []struct{ query, want string }{
		{"Konigsberg", "konigsberg"},
		{"Kaliningrad", "konigsberg"},
		{"Volgograd", "stalingrad"},
		{"Kyiv", "kiev"},
		{"Kharkiv", "kharkov"},
		{"lviv", "lvov"},
		{"Lwow", "lvov"},
	}
	for _, tt := range tests {
		hits := c.Search(tt.query, 3)
		if len(hits) == 0 || hits[0].Ref != (timeline.Ref{Kind: timeline.KindPlace, ID: tt.want}) {
			t.Errorf("Search(%q): got %+v, want place %q first", tt.query, hits, tt.want)
		}
	}
}

func loadEmbeddedForBench(b *testing.B) *timeline.Catalog {
	b.Helper()
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		b.Skipf("the embedded pack does not load: %v", err)
	}
	return c
}

func BenchmarkLoadEmbedded(b *testing.B) {
	loadEmbeddedForBench(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := timeline.LoadFS(assets.Content(), "embedded pack"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchEmbedded(b *testing.B) {
	c := loadEmbeddedForBench(b)
	queries := []string{"st", "stalingrad", "konigsberg", "order of", "zhukov", "kyiv", "xyz"}
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range queries {
			c.Search(q, 20)
		}
	}
}

func BenchmarkBetweenEmbedded(b *testing.B) {
	c := loadEmbeddedForBench(b)
	from := timeline.DayOf(1942, 6, 1)
	b.ReportAllocs()
	for b.Loop() {
		c.Between(from, from+90)
	}
}
