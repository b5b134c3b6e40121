package app

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"frontline-atlas/timeline"
)

// soakFeatures chooses the features' rows below: all by default; "none" leaves the core table,
// a list of prefixes some rows (to tell which feature a change in the heap comes from, with
// -soak.heapprofile).
var soakFeatures = flag.String("soak.features", "all", `the features' rows in the soak: "all", "none", or a comma-separated list of row-name prefixes ("present,layer")`)

// The soak's rows for presenter mode, tours and the user's layers (soakdriver_test.go says how
// rows are added). Kiosk mode is a UI of its own (kiosk_test.go runs its week-long soak).
func init() {
	addSoakActions(featureSoakActions()...)
}

// featureSoakActions returns the rows, each doing nothing when -soak.features leaves it out (the
// flags are parsed after init, so the table keeps every row).
func featureSoakActions() []soakAction {
	rows := []soakAction{
		soakAction{Name: "present: F5, keys, Escape", Weight: 4, Do: func(s *soak) {
			keys := []fyne.KeyName{fyne.KeyF5, fyne.KeyRight, fyne.KeyPageDown, fyne.KeyLeft, fyne.KeySpace,
				fyne.KeyB, fyne.KeyW, fyne.KeyHome, fyne.KeyEnd, fyne.Key2, fyne.KeyReturn, fyne.KeyEscape}
			for n := 1 + s.rng.IntN(5); n > 0; n-- {
				s.key(keys[s.rng.IntN(len(keys))])
			}
		}},
		soakAction{Name: "tour: open one", Weight: 2, Do: func(s *soak) {
			if ts := s.u.Catalog.Tours(); len(ts) > 0 {
				s.u.Open(timeline.Ref{Kind: timeline.KindTour, ID: ts[s.rng.IntN(len(ts))].ID})
			}
		}},
		soakAction{Name: "layer: open, toggle or remove", Weight: 3, Do: func(s *soak) {
			ls := s.u.Layers
			es := ls.Entries()
			switch k := s.rng.IntN(4); {
			case k == 0 || len(es) == 0:
				if len(es) < 4 {
					ls.Open(soakLayerFile(s))
				}
			case k == 1:
				e := es[s.rng.IntN(len(es))]
				ls.SetShown(e, !e.Shown)
			default:
				ls.Remove(es[s.rng.IntN(len(es))])
			}
		}},
	}
	for i := range rows {
		do := rows[i].Do
		name := rows[i].Name
		rows[i].Do = func(s *soak) {
			if soakFeatureOn(name) {
				do(s)
			}
		}
	}
	return rows
}

// soakLayerFile writes a small GeoJSON layer (a dated area and a named line) into the test's
// temporary folder and returns its path.
func soakLayerFile(s *soak) string {
	p := filepath.Join(s.t.TempDir(), fmt.Sprintf("soak-%d.geojson", s.count))
	src := `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Soak area","start":"1941-06-22","end":"1944-08-01","fill":"#cc3300"},
 "geometry":{"type":"Polygon","coordinates":[[[24,50],[34,50],[34,56],[24,56],[24,50]]]}},
{"type":"Feature","properties":{"name":"Soak line","stroke":"#0033cc"},
 "geometry":{"type":"LineString","coordinates":[[20,45],[40,58]]}}]}`
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		s.t.Fatalf("writing the soak's layer: %v", err)
	}
	return p
}

// soakFeatureOn reports whether -soak.features turns on the row called name.
func soakFeatureOn(name string) bool {
	switch *soakFeatures {
	case "all":
		return true
	case "none", "":
		return false
	}
	for _, p := range strings.Split(*soakFeatures, ",") {
		if p = strings.TrimSpace(p); p != "" && strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
