package timeline

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// filterTestPack is the valid test pack with a place no event links to (the Volga).
func filterTestPack(t *testing.T) *Catalog {
	t.Helper()
	fsys := overlayPack(t, "")
	fsys["volga.json"] = &fstest.MapFile{Data: []byte(`{"places": [{"id": "volga", "name": "Volga", "type": "river",
		"lon": 45.8, "lat": 48.1, "sources": ["src-britannica-stalingrad"]}]}`)}
	c, err := LoadFS(fsys, "filter test pack")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func hide(ids ...string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// TestFilterShowsEventsAndPlaces: in the test pack Stalingrad and Operation Uranus are
// operations on the eastern front at Stalingrad (Uranus also at Kharkov), the assault on
// Königsberg is an eastern operation at Königsberg, and Lenin's death is politics in the
// "world" theatre at Kiev; the Volga is linked to no event.
func TestFilterShowsEventsAndPlaces(t *testing.T) {
	c := filterTestPack(t)
	tests := []struct {
		name   string
		f      Filter
		events []string // shown, in date order
		places []string // shown, in pack order
	}{
		{"zero filter shows all", Filter{},
			[]string{"lenin-death", "stalingrad", "uranus", "konigsberg-assault"},
			[]string{"stalingrad", "konigsberg", "kiev", "kharkov", "volga"}},
		{"an empty hidden set is no filter", Filter{HiddenLanes: hide(), HiddenTheatres: hide()},
			[]string{"lenin-death", "stalingrad", "uranus", "konigsberg-assault"},
			[]string{"stalingrad", "konigsberg", "kiev", "kharkov", "volga"}},
		{"hide politics", Filter{HiddenLanes: hide("politics")},
			[]string{"stalingrad", "uranus", "konigsberg-assault"},
			[]string{"stalingrad", "konigsberg", "kharkov", "volga"}},
		{"hide operations", Filter{HiddenLanes: hide("operations")},
			[]string{"lenin-death"},
			[]string{"kiev", "volga"}},
		{"hide the eastern theatre", Filter{HiddenTheatres: hide("eastern")},
			[]string{"lenin-death"},
			[]string{"kiev", "volga"}},
		{"hide everything: only places without events stay", Filter{HiddenLanes: hide("politics"), HiddenTheatres: hide("eastern")},
			nil,
			[]string{"volga"}},
		{"hiding a lane no event uses changes nothing", Filter{HiddenLanes: hide("postwar")},
			[]string{"lenin-death", "stalingrad", "uranus", "konigsberg-assault"},
			[]string{"stalingrad", "konigsberg", "kiev", "kharkov", "volga"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var events []string
			for _, e := range c.Events() {
				if tc.f.Shows(e) != c.EventShown(tc.f, e.ID) {
					t.Errorf("Shows and EventShown disagree on %s", e.ID)
				}
				if c.EventShown(tc.f, e.ID) {
					events = append(events, e.ID)
				}
			}
			if !reflect.DeepEqual(events, tc.events) {
				t.Errorf("events shown %q, want %q", events, tc.events)
			}
			var places []string
			for _, p := range c.ShownPlaces(tc.f) {
				places = append(places, p.ID)
				if !c.PlaceShown(tc.f, p.ID) {
					t.Errorf("ShownPlaces has %s but PlaceShown says no", p.ID)
				}
			}
			if !reflect.DeepEqual(places, tc.places) {
				t.Errorf("places shown %q, want %q", places, tc.places)
			}
			if c.EventShown(tc.f, "no-such-event") || c.PlaceShown(tc.f, "no-such-place") || c.PlaceShown(tc.f, "uranus") {
				t.Error("an id the catalog lacks, or an event asked for as a place, is shown")
			}
			if got := tc.f.Active(); got != (len(tc.f.HiddenLanes)+len(tc.f.HiddenTheatres) > 0) {
				t.Errorf("Active() = %v", got)
			}
		})
	}
}

func TestFilterCloneSharesNothing(t *testing.T) {
	f := Filter{HiddenLanes: hide("politics"), HiddenTheatres: hide("eastern")}
	g := f.Clone()
	g.HiddenLanes["operations"] = true
	delete(g.HiddenTheatres, "eastern")
	if f.HiddenLanes["operations"] || !f.HiddenTheatres["eastern"] {
		t.Errorf("changing the clone changed the original: %+v", f)
	}
	if z := (Filter{}).Clone(); z.HiddenLanes == nil || z.HiddenTheatres == nil || z.Active() {
		t.Errorf("the clone of the zero filter: %+v, want empty, writable maps", z)
	}
}
