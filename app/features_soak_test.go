package app

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"frontline-atlas/timeline"
)

// soakFeatures adds the rows below to the soak. They are off by default: with them a 3,000-action
// run's heap grows from a median of about 87 MiB to 124 MiB (presenter rows alone) and from 73 to
// 91 MiB (layer rows alone), past the soak's tolerance, with goroutines flat at 7; whether that
// is a leak or state the walk reaches (a presenter's zoomed views, layer scenes) is not yet
// known (docs/reliability.md, "The soak").
var soakFeatures = flag.Bool("soak.features", false, "add presenter, tour and user-layer actions to the soak")

// The soak's rows for presenter mode, tours and the user's layers (soakdriver_test.go says how
// rows are added). Kiosk mode is a UI of its own (kiosk_test.go runs its week-long soak).
func init() {
	addSoakActions(featureSoakActions()...)
}

// featureSoakActions returns the rows, each doing nothing unless -soak.features is given (the
// flags are parsed after init).
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
		rows[i].Do = func(s *soak) {
			if *soakFeatures {
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
