package timeline

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzTours replaces the tours.json of the valid test pack with arbitrary bytes and loads it.
// The loader must not panic or hang; it returns either a catalog or a *PackError whose every
// problem names a file and a line. A catalog's tours must be playable: a cursor walks every
// stop, and every stop's state has its days in order, a selection the catalog holds, a view
// within the limits and a range that plays inside its days. Seeds: the test pack's tours, the
// tours of the table tests' shapes, and the committed corpus in testdata/fuzz/FuzzTours. Run
// with: go test ./timeline -run '^$' -fuzz FuzzTours.
func FuzzTours(f *testing.F) {
	data, err := os.ReadFile(filepath.Join(testPackBase, "tours.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(toursFile(tour("stops", stops(stop("date", "-", "from", `"1942-11-19"`, "to", `"1942-11-23"`, "view", `{"fit": "selection"}`))))))
	f.Add([]byte(toursFile(tour("stops", stops(stop("view", `{"lon": 44.5, "lat": 95, "zoom": 30}`), stop("captoin", `"x"`))))))
	f.Add([]byte(`{"tours": [{"id": "t", "stops": [{"view": {"fit": "selection"}, "select": "place:kiev"}]}]}`))
	f.Add([]byte(`{"tours": [{"id": "t", "stops": [[[[[]]]], {"title": {"en": ""}}, null]}]}`))
	f.Add([]byte(`{"tours": [{"id": "t", "stops": [{"date": "~1942-02-29", "select": ":"}]}]}`))
	base := overlayPack(f, "")
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m["tours.json"] = &fstest.MapFile{Data: data}
		c, err := LoadFS(m, "fuzz")
		if err != nil {
			var pe *PackError
			if c != nil || !errors.As(err, &pe) || len(pe.Problems) == 0 {
				t.Fatalf("got catalog %v and %T %v, want only a *PackError with problems", c != nil, err, err)
			}
			for _, p := range pe.Problems {
				if p.File == "" || p.Msg == "" || p.File == "tours.json" && p.Line == 0 {
					t.Fatalf("problem without file, line or message: %+v", p)
				}
			}
			return
		}
		for _, tr := range c.Tours() {
			cur, err := NewTourCursor(c, tr.ID)
			if err != nil {
				t.Fatalf("tour %q loaded but has no cursor: %v", tr.ID, err)
			}
			for {
				checkStopState(t, c, cur.State())
				if !cur.Next() {
					break
				}
			}
			if cur.Number() != len(tr.Stops) {
				t.Fatalf("tour %q: the cursor stopped at %d of %d", tr.ID, cur.Number(), len(tr.Stops))
			}
		}
	})
}

// checkStopState checks what any stop of a loaded pack asks of the window.
func checkStopState(t *testing.T, c *Catalog, s StopState) {
	t.Helper()
	where := s.Tour + " stop"
	if s.First > s.Last || s.First < PeriodStart || s.Last > PeriodEnd {
		t.Fatalf("%s %d: days %d–%d", where, s.Number(), s.First, s.Last)
	}
	if s.Selection != (Ref{}) && !c.Exists(s.Selection) {
		t.Fatalf("%s %d: selects %v, which the catalog lacks", where, s.Number(), s.Selection)
	}
	if s.View.Fit {
		if s.Selection == (Ref{}) || len(c.SelectionPlaces(s.Selection)) == 0 {
			t.Fatalf("%s %d: fits a selection without places", where, s.Number())
		}
	} else if s.View.Zoom < MinZoom || s.View.Zoom > MaxZoom || s.View.Lat < -90 || s.View.Lat > 90 {
		t.Fatalf("%s %d: view %+v", where, s.Number(), s.View)
	}
	for _, e := range []time.Duration{0, s.Play / 2, s.Play, 2 * s.Play} {
		if d := s.DayAt(e); d < float64(s.First) || d > float64(s.Last+1) {
			t.Fatalf("%s %d: DayAt(%v) = %g outside %d–%d", where, s.Number(), e, d, s.First, s.Last+1)
		}
	}
}
