package timeline_test

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/paulmach/orb"

	"frontline-atlas/assets"
	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// shippedTours are the tours the default pack promises (issue 11).
var shippedTours = []string{
	"road-to-war-1936-1941",
	"year-1941",
	"turning-points-1942-1943",
	"liberation-1944-1945",
	"war-against-japan-1938-1945",
	"occupation-resistance-repression",
}

// sentenceEnd matches the end of a sentence: a full stop, question or exclamation mark (and a
// closing quote or bracket) before a capital, a digit-free opening quote, or the end.
var sentenceEnd = regexp.MustCompile(`[.!?]['"’”)]*(\s+['"‘“(]?[A-ZА-Я]|\s*$)`)

// TestEmbeddedTours checks what the default pack's tours promise their users beyond what the
// loader checks: each of the six tours is there with 8–15 stops in date order; titles,
// summaries and captions in English and Russian; every stop selects an item and has presenter
// notes a lecturer can read from, three to six sentences.
func TestEmbeddedTours(t *testing.T) {
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		t.Fatalf("the embedded pack has problems:\n%v", err)
	}
	for _, id := range shippedTours {
		if c.Tour(id) == nil {
			t.Errorf("the pack has no tour %q", id)
		}
	}
	for _, tr := range c.Tours() {
		if n := len(tr.Stops); n < 8 || n > 15 {
			t.Errorf("tour %s has %d stops, want 8–15", tr.ID, n)
		}
		for _, f := range []struct {
			name string
			text timeline.Text
		}{{"title", tr.Title}, {"summary", tr.Summary}} {
			if f.text["ru"] == "" {
				t.Errorf("tour %s: the %s has no Russian", tr.ID, f.name)
			}
		}
		prev := timeline.PeriodStart
		for i := range tr.Stops {
			s := &tr.Stops[i]
			where := tr.ID + " stop " + itoa(i+1)
			if s.Title["ru"] == "" || s.Caption["ru"] == "" {
				t.Errorf("%s: title or caption without Russian", where)
			}
			if _, ok := s.Selection(); !ok {
				t.Errorf("%s: selects nothing", where)
			}
			notes := strings.TrimSpace(s.PresenterNotes.String())
			if n := len(sentenceEnd.FindAllStringIndex(notes, -1)); n < 3 || n > 6 {
				t.Errorf("%s: presenter notes of %d sentences, want 3–6: %q", where, n, notes)
			}
			first, _ := s.Days()
			if first < prev {
				t.Errorf("%s: starts on %s, before the stop before it (%s)", where, first.Date(), prev.Date())
			}
			prev = first
		}
	}
}

// itoa writes a stop number with two digits, as the preview files are named.
func itoa(i int) string { return fmt.Sprintf("%02d", i) }

// TestContentFormatTourExample loads the tour of docs/content-format.md in place of the
// embedded pack's tours: its example must be a valid tour of the real content.
func TestContentFormatTourExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/content-format.md")
	if err != nil {
		t.Skipf("docs not found: %v", err)
	}
	sec := string(doc)
	start := strings.Index(sec, "\n## Tours\n")
	if start < 0 {
		t.Fatal("docs/content-format.md has no section Tours")
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)```").FindStringSubmatch(sec[start:])
	if m == nil {
		t.Fatal("the section Tours has no JSON example")
	}
	pack := fstest.MapFS{}
	err = fs.WalkDir(assets.Content(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "tours.json" {
			return err
		}
		data, err := fs.ReadFile(assets.Content(), p)
		pack[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	pack["tours.json"] = &fstest.MapFile{Data: []byte(`{"tours": [` + m[1] + `]}`)}
	if _, err := timeline.LoadFS(pack, "embedded pack with the documented tour"); err != nil {
		t.Errorf("the documented tour does not load over the embedded pack:\n%v", err)
	}
}

// TestTourViewsFrameTheirSelection checks every stop of the embedded tours that gives a centre
// and a zoom against the map's projection: the centre lies on the map, and the frame of
// ViewFrameWidth × ViewFrameHeight pixels shows at least one place of the selected item (a
// swapped lon and lat or a wrong zoom would show none). Fit views always show them.
//
// With FRONTLINE_TOUR_PREVIEW=DIR it also draws every stop at 1280×720 into DIR/<tour>-<nn>.png:
// the base map and fronts of the stop's first day, every place as a grey dot and the
// selection's places in red, so that a curator can look at each frame.
func TestTourViewsFrameTheirSelection(t *testing.T) {
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		t.Fatalf("the embedded pack has problems:\n%v", err)
	}
	previewDir := os.Getenv("FRONTLINE_TOUR_PREVIEW")
	var md *geo.MapData
	if previewDir != "" {
		if md, err = geo.LoadMapData(assets.Map(), assets.Content(), c.FrontTheatreIDs()); err != nil {
			t.Fatalf("map data: %v", err)
		}
		if err := os.MkdirAll(previewDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	const w, h = timeline.ViewFrameWidth, timeline.ViewFrameHeight
	for _, tr := range c.Tours() {
		cur, err := timeline.NewTourCursor(c, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < cur.Len(); i++ {
			st := cur.StateAt(i)
			where := tr.ID + " stop " + itoa(i+1)
			v := geo.NewView(geo.Theatre, w, h, st.View.Lon, st.View.Lat, st.View.MetresPerPixel(w, h))
			places := c.SelectionPlaces(st.Selection)
			if st.View.Fit {
				v.Fit(timeline.FitBound(st.View.Places), 40)
			} else {
				if !geo.TheatreBound.Contains(orb.Point{st.View.Lon, st.View.Lat}) {
					t.Errorf("%s: centre %g, %g is off the map", where, st.View.Lon, st.View.Lat)
				}
				shown := 0
				for _, p := range places {
					if x, y := v.ToScreen(p.Lon, p.Lat); x >= 0 && y >= 0 && x <= w && y <= h {
						shown++
					}
				}
				if len(places) > 0 && shown == 0 {
					t.Errorf("%s: the frame at %g, %g zoom %g shows none of the %d places of %v", where, st.View.Lon, st.View.Lat, st.View.Zoom, len(places), st.Selection)
				}
			}
			if md != nil {
				img := previewStop(md, c, v, st, places)
				name := filepath.Join(previewDir, tr.ID+"-"+itoa(i+1)+".png")
				if err := writePNG(name, img); err != nil {
					t.Fatal(err)
				}
				t.Logf("%s: %s (zoom %.2f, %.0f m/px) %s", name, st.Title.String(), timeline.FrameZoom(v.Scale, w, h), v.Scale, st.Caption.String())
			}
		}
	}
}

func previewStop(md *geo.MapData, c *timeline.Catalog, v *geo.View, st timeline.StopState, sel []*timeline.Place) *image.RGBA {
	at := st.First.Time()
	detail := geo.Detail50m
	if v.Scale < 1200 {
		detail = geo.Detail10m
	}
	layers := append(md.BaseLayers(detail, at, &geo.StyleLight), md.OverlayLayers(at)...)
	img := geo.RenderFrame(v, &geo.StyleLight, layers)
	dot := func(lon, lat float64, r int, col color.RGBA) {
		x, y := v.ToScreen(lon, lat)
		for dy := -r; dy <= r; dy++ {
			for dx := -r; dx <= r; dx++ {
				if dx*dx+dy*dy <= r*r {
					img.SetRGBA(int(x)+dx, int(y)+dy, col)
				}
			}
		}
	}
	for _, p := range c.Places() {
		dot(p.Lon, p.Lat, 2, color.RGBA{90, 90, 90, 255})
	}
	for _, p := range sel {
		dot(p.Lon, p.Lat, 5, color.RGBA{200, 30, 30, 255})
	}
	return img
}

func writePNG(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
