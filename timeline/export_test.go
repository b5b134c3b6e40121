package timeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// TestExportRoundTrip exports the test pack and loads the export again: the same items, field
// for field.
func TestExportRoundTrip(t *testing.T) {
	c := loadTestPack(t)
	dir := t.TempDir()
	if _, err := Export(c, dir); err != nil {
		t.Fatalf("Export: %v", err)
	}
	back, err := LoadDir(dir)
	if err != nil {
		t.Fatalf("LoadDir of the export: %v", err)
	}
	if got, want := back.Counts(), c.Counts(); !reflect.DeepEqual(got, want) {
		t.Errorf("Counts after the round trip: got %v, want %v", got, want)
	}
	for r, v := range c.byRef {
		w, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		g, err := json.Marshal(back.byRef[r])
		if err != nil {
			t.Fatal(err)
		}
		if string(g) != string(w) {
			t.Errorf("%v after the round trip:\ngot  %s\nwant %s", r, g, w)
		}
	}
	if !reflect.DeepEqual(back.Info, c.Info) {
		t.Errorf("Info after the round trip: got %+v, want %+v", back.Info, c.Info)
	}
}

func TestExportGeoJSON(t *testing.T) {
	c := loadTestPack(t)
	dir := t.TempDir()
	if _, err := Export(c, dir); err != nil {
		t.Fatalf("Export: %v", err)
	}
	read := func(name string) *geojson.FeatureCollection {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		fc, err := geojson.UnmarshalFeatureCollection(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return fc
	}
	places := read("places.geojson")
	if got, want := len(places.Features), len(c.Places()); got != want {
		t.Errorf("places.geojson: got %d features, want %d", got, want)
	}
	byID := map[string]*geojson.Feature{}
	for _, f := range places.Features {
		byID[f.Properties.MustString("id", "")] = f
	}
	kiev := byID["kiev"]
	if kiev == nil {
		t.Fatal("places.geojson: no feature with id kiev")
	}
	if got, want := kiev.Geometry, (orb.Point{30.52, 50.45}); got != orb.Geometry(want) {
		t.Errorf("kiev geometry: got %v, want %v (lon, lat)", got, want)
	}
	if got := kiev.Properties.MustString("kind", ""); got != "place" {
		t.Errorf("kiev kind: got %q, want place", got)
	}

	events := read("events.geojson")
	ev := map[string]*geojson.Feature{}
	for _, f := range events.Features {
		ev[f.Properties.MustString("id", "")] = f
	}
	if got, want := len(events.Features), 4; got != want {
		t.Errorf("events.geojson: got %d features, want %d", got, want)
	}
	if _, ok := ev["stalingrad"].Geometry.(orb.Point); !ok {
		t.Errorf("stalingrad (one place): got %T, want a Point", ev["stalingrad"].Geometry)
	}
	if mp, ok := ev["uranus"].Geometry.(orb.MultiPoint); !ok || len(mp) != 2 {
		t.Errorf("uranus (two places): got %v, want a MultiPoint of 2", ev["uranus"].Geometry)
	}
	p := ev["stalingrad"].Properties
	if p.MustString("start", "") != "1942-07-17" || p.MustString("end", "") != "1943-02-02" || p.MustString("name", "") != "Battle of Stalingrad" {
		t.Errorf("stalingrad properties: got %v", p)
	}
	people, _ := p["people"].([]any)
	if len(people) != 2 || people[0] != "zhukov" {
		t.Errorf("stalingrad people: got %v, want [zhukov chuikov]", p["people"])
	}
}
