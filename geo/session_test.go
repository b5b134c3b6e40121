package geo

import (
	"math"
	"os"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"frontline-atlas/assets"
)

// sessionTestData returns map data over the embedded base map and the shipped fronts whose
// close-zoom level is loaded only when the returned function is called (as LoadMapDataLazy
// does in the background), or at once when loaded is set.
func sessionTestData(t *testing.T, loaded bool) (*MapData, func()) {
	t.Helper()
	full := loadEmbeddedBaseMap(t)
	coarse := *full
	coarse.Levels = map[string]*BaseMapLevel{Detail50m: full.Levels[Detail50m]}
	md := &MapData{detail: make(chan struct{}), Fronts: loadTestFronts(t)}
	md.base.Store(&coarse)
	md.setLakeYears(&coarse)
	load := func() {
		md.base.Store(full)
		md.setLakeYears(full)
		close(md.detail)
	}
	if loaded {
		load()
	}
	return md, load
}

var sessionTestPlaces = []MapPlace{
	{ID: "moscow", Name: "Moscow", Lon: 37.62, Lat: 55.75, Rank: 1},
	{ID: "leningrad", Name: "Leningrad", Lon: 30.32, Lat: 59.94, Rank: 1},
	{ID: "stalingrad", Name: "Stalingrad", Lon: 44.52, Lat: 48.7, Rank: 2},
	{ID: "kursk", Name: "Kursk", Lon: 36.19, Lat: 51.73, Rank: 2},
	{ID: "prokhorovka", Name: "Prokhorovka", Lon: 36.73, Lat: 51.04, Rank: 4},
	{ID: "tula", Name: "Tula", Lon: 37.62, Lat: 54.19, Rank: 3},
	{ID: "volga", Name: "Volga", Lon: 45.0, Lat: 50.0, Rank: 1, Area: true},
	{ID: "vladivostok", Name: "Vladivostok", Lon: 131.9, Lat: 43.1, Rank: 2},
}

// newTestSession opens a session of w×h over data at 19 November 1942 and closes it when the
// test ends.
func newTestSession(t *testing.T, data *MapData, w, h int, opts SessionOptions) *MapSession {
	t.Helper()
	s := NewMapSession(data, opts)
	t.Cleanup(s.Close)
	s.SetPlaces(sessionTestPlaces)
	s.SetDate(time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC))
	s.SetSize(w, h)
	return s
}

func TestSessionPanKeepsThePointUnderThePointer(t *testing.T) {
	s := newTestSession(t, nil, 800, 600, SessionOptions{})
	tests := []struct{ dx, dy float64 }{{100, 0}, {0, -75}, {-260, 140}, {0.5, 0.25}}
	for _, tc := range tests {
		v := s.View()
		lon, lat := v.FromScreen(300, 200)
		s.Pan(tc.dx, tc.dy)
		v = s.View()
		x, y := v.ToScreen(lon, lat)
		if math.Abs(x-(300+tc.dx)) > 1e-6 || math.Abs(y-(200+tc.dy)) > 1e-6 {
			t.Errorf("pan (%g, %g): the point under (300, 200) went to (%.3f, %.3f)", tc.dx, tc.dy, x, y)
		}
	}
}

func TestSessionPanStaysOverTheTheatre(t *testing.T) {
	tests := []struct {
		name     string
		dx, dy   float64
		lon, lat float64 // where the centre stops (NaN: anywhere)
	}{
		{"far west", 200, 0, -20, math.NaN()},
		// Eastwards a straight line on the conic runs south: the latitude limit stops it first.
		{"far east", -200, 0, math.NaN(), math.NaN()},
		{"far north", 0, 200, math.NaN(), 82},
		{"far south", 0, -200, math.NaN(), 15},
	}
	for _, tc := range tests {
		s := newTestSession(t, nil, 800, 600, SessionOptions{})
		for range 300 {
			s.Pan(tc.dx, tc.dy)
			v := s.View()
			lon, lat := v.Proj.Inverse(v.CX, v.CY)
			if lon < -20-1e-6 || lon > 190+1e-6 || lat < 15-1e-6 || lat > 82+1e-6 {
				t.Fatalf("%s: the centre left the theatre: %.3f°E %.3f°N", tc.name, lon, lat)
			}
		}
		v := s.View()
		lon, lat := v.Proj.Inverse(v.CX, v.CY)
		if !math.IsNaN(tc.lon) && math.Abs(lon-tc.lon) > 1e-6 {
			t.Errorf("%s: the centre stopped at %.4f°E, want %g", tc.name, lon, tc.lon)
		}
		if !math.IsNaN(tc.lat) && math.Abs(lat-tc.lat) > 1e-6 {
			t.Errorf("%s: the centre stopped at %.4f°N, want %g", tc.name, lat, tc.lat)
		}
	}
}

func TestSessionZoomAboutAPoint(t *testing.T) {
	tests := []struct {
		name      string
		factor    float64
		x, y      float64
		wantScale func(before float64) float64
	}{
		{"in at a corner", 2, 10, 20, func(b float64) float64 { return b / 2 }},
		{"out at the middle", 0.5, 400, 300, func(b float64) float64 { return b * 2 }},
		{"a wheel notch", 1.25, 610, 77, func(b float64) float64 { return b / 1.25 }},
		{"beyond the closest zoom", 1e9, 200, 200, func(float64) float64 { return ViewMinScale }},
		{"beyond the farthest zoom", 1e-9, 200, 200, func(float64) float64 { return ViewMaxScale }},
	}
	for _, tc := range tests {
		s := newTestSession(t, nil, 800, 600, SessionOptions{})
		v := s.View()
		before := v.Scale
		lon, lat := v.FromScreen(tc.x, tc.y)
		s.ZoomAbout(tc.factor, tc.x, tc.y)
		v = s.View()
		if want := tc.wantScale(before); math.Abs(v.Scale-want) > 1e-9*want {
			t.Errorf("%s: scale %g, want %g", tc.name, v.Scale, want)
		}
		x, y := v.ToScreen(lon, lat)
		if math.Abs(x-tc.x) > 1e-6 || math.Abs(y-tc.y) > 1e-6 {
			t.Errorf("%s: the point under (%g, %g) moved to (%.4f, %.4f)", tc.name, tc.x, tc.y, x, y)
		}
	}
}

// onScreen reports whether lon, lat is inside v with margin pixels to spare.
func onScreen(v View, lon, lat, margin float64) bool {
	x, y := v.ToScreen(lon, lat)
	return x >= margin && y >= margin && x <= float64(v.W)-margin && y <= float64(v.H)-margin
}

func TestSessionFitSelection(t *testing.T) {
	home := orb.Bound{Min: orb.Point{2, 36}, Max: orb.Point{62, 68}}
	tests := []struct {
		name     string
		selected []string
		w, h     int
	}{
		{"nothing selected: home", nil, 800, 600},
		{"one place", []string{"kursk"}, 800, 600},
		{"far apart", []string{"leningrad", "vladivostok"}, 1280, 500},
		{"a small window", []string{"stalingrad", "moscow"}, 320, 240},
	}
	for _, tc := range tests {
		s := newTestSession(t, nil, tc.w, tc.h, SessionOptions{Home: home})
		s.ZoomAbout(8, 10, 10)
		s.Pan(500, 300) // away from anything
		s.SetSelected(tc.selected)
		s.FitSelection()
		v := s.View()
		if len(tc.selected) == 0 {
			for _, c := range []orb.Point{home.Min, home.Max, {home.Min[0], home.Max[1]}, {home.Max[0], home.Min[1]}} {
				if !onScreen(v, c[0], c[1], 9) {
					t.Errorf("%s: home corner %v is off screen", tc.name, c)
				}
			}
			continue
		}
		for _, id := range tc.selected {
			p := placeByID(id)
			if !onScreen(v, p.Lon, p.Lat, 40) {
				t.Errorf("%s: %s is not on screen with a 40 px margin", tc.name, id)
			}
		}
		if len(tc.selected) == 1 && v.Scale < 500 {
			t.Errorf("%s: fitted at %.0f m/px, at street level rather than with its surroundings", tc.name, v.Scale)
		}
	}
}

func placeByID(id string) MapPlace {
	for _, p := range sessionTestPlaces {
		if p.ID == id {
			return p
		}
	}
	panic(id)
}

func TestSessionResizeKeepsTheFitUntilMoved(t *testing.T) {
	s := newTestSession(t, nil, 400, 300, SessionOptions{})
	s.SetSelected([]string{"kursk", "stalingrad"})
	s.SetSize(1600, 1000)
	v := s.View()
	for _, id := range []string{"kursk", "stalingrad"} {
		p := placeByID(id)
		if !onScreen(v, p.Lon, p.Lat, 40) {
			t.Errorf("after growing, %s is not in view", id)
		}
	}
	s.Pan(30, 0)
	before := s.View()
	s.SetSize(1200, 800)
	after := s.View()
	if after.Scale != before.Scale || after.CX != before.CX || after.CY != before.CY {
		t.Errorf("after the user panned, a resize changed the view: %+v → %+v", before, after)
	}
}

func TestSessionShowSelection(t *testing.T) {
	s := newTestSession(t, nil, 800, 600, SessionOptions{})
	s.SetSelected([]string{"moscow"})
	s.FitSelection()
	if s.ShowSelection() {
		t.Error("ShowSelection moved the view although Moscow is in view")
	}
	s.SetSelected([]string{"vladivostok"})
	if !s.ShowSelection() {
		t.Fatal("ShowSelection did not move the view to Vladivostok")
	}
	if v := s.View(); !onScreen(v, 131.9, 43.1, 40) {
		t.Error("Vladivostok is not in view after ShowSelection")
	}
}

// TestSessionDetailSwitching: the base map is drawn at 1:50m zoomed out, and at 1:10m close up
// once that level has loaded; until then close zooms draw 1:50m and the session announces the
// load. Tiles, the land under the wash and the river names all follow the one choice.
func TestSessionDetailSwitching(t *testing.T) {
	data, load := sessionTestData(t, false)
	updates := make(chan struct{}, 16)
	s := newTestSession(t, data, 400, 300, SessionOptions{OnUpdate: func() { updates <- struct{}{} }})
	steps := []struct {
		name  string
		act   func()
		scale float64
		want  string
	}{
		{"theatre view", func() {}, 4000, Detail50m},
		{"close up, 1:10m loading", func() {}, 600, Detail50m},
		{"close up, 1:10m loaded", load, 600, Detail10m},
		{"just above the threshold", func() {}, DetailScale * 1.01, Detail50m},
		{"just below", func() {}, DetailScale * 0.99, Detail10m},
	}
	for _, st := range steps {
		st.act()
		s.ZoomCentre(s.View().Scale / st.scale)
		f := s.Frame()
		if f.Detail != st.want || s.Detail() != st.want {
			t.Errorf("%s: frame drawn at %s (session says %s), want %s", st.name, f.Detail, s.Detail(), st.want)
		}
	}
	select {
	case <-updates:
	case <-time.After(10 * time.Second):
		t.Error("the session never announced that the close-zoom level loaded")
	}
	if n := s.SceneCount(); n > maxScenes {
		t.Errorf("%d scenes kept, want at most %d", n, maxScenes)
	}
}

// TestSessionFrameCompleteness: a frame is complete only when every tile is sharp and the
// overlay was drawn for its view and date; a pan or a new date makes it incomplete until the
// work is done.
func TestSessionFrameCompleteness(t *testing.T) {
	data, _ := sessionTestData(t, true)
	s := newTestSession(t, data, 400, 300, SessionOptions{OverlayRest: time.Millisecond})
	if f := s.Frame(); f.Complete() {
		t.Fatal("the first frame is complete before any tile was rendered")
	}
	if !s.WaitReady(30 * time.Second) {
		t.Fatal("the first frame never completed")
	}
	f := s.Frame()
	if !f.Complete() || f.Tiles.Missing != 0 || !f.OverlayCurrent || len(f.Overlay) == 0 {
		t.Fatalf("after WaitReady: complete %v, missing %d, overlay current %v, %d overlay pieces", f.Complete(), f.Tiles.Missing, f.OverlayCurrent, len(f.Overlay))
	}
	steps := []struct {
		name string
		act  func()
	}{
		{"pan 700 px", func() { s.Pan(700, 0) }},
		{"zoom in", func() { s.ZoomCentre(1.7) }},
		{"a new date", func() { s.SetDate(time.Date(1943, 7, 5, 0, 0, 0, 0, time.UTC)) }},
		{"the dark style", func() { s.SetStyle(&StyleDark) }},
	}
	for _, st := range steps {
		st.act()
		if f := s.Frame(); f.Complete() {
			t.Errorf("%s: the frame is complete at once", st.name)
		}
		if !s.WaitReady(30 * time.Second) {
			t.Errorf("%s: the frame never completed", st.name)
		}
	}
}

// TestSessionLandMaskOncePerView: playback redraws the overlay for every date, but the land
// under the wash is rasterized once per view.
func TestSessionLandMaskOncePerView(t *testing.T) {
	data, _ := sessionTestData(t, true)
	s := newTestSession(t, data, 300, 200, SessionOptions{OverlayRest: time.Millisecond})
	day := time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC)
	for i := range 5 {
		s.SetDate(day.AddDate(0, 0, 7*i))
		if !s.WaitReady(30 * time.Second) {
			t.Fatal("the overlay was never drawn")
		}
	}
	if got := s.ov.renders.Load(); got != 5 {
		t.Errorf("%d overlays drawn for 5 dates, want 5", got)
	}
	if got := s.ov.maskRenders.Load(); got != 1 {
		t.Errorf("the land mask was drawn %d times for one view, want once", got)
	}
	s.Pan(50, 0)
	s.WaitReady(30 * time.Second)
	if got := s.ov.maskRenders.Load(); got != 2 {
		t.Errorf("after a pan the land mask was drawn %d times in all, want 2", got)
	}
}

// TestSessionOverlayWaitsForTheViewToRest: during a pan the overlay is moved, not redrawn;
// a new date is drawn at once.
func TestSessionOverlayWaitsForTheViewToRest(t *testing.T) {
	data, _ := sessionTestData(t, true)
	s := newTestSession(t, data, 300, 200, SessionOptions{OverlayRest: time.Hour})
	s.Frame()
	s.ov.now()
	deadline := time.Now().Add(30 * time.Second)
	for !s.Frame().OverlayCurrent && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	before := s.ov.renders.Load()
	first := slices.Clone(s.Frame().Overlay)
	if len(first) == 0 {
		t.Fatal("no overlay drawn")
	}
	for range 20 {
		s.Pan(3, 1)
		f := s.Frame()
		if f.OverlayCurrent {
			t.Fatal("the overlay is current for a view it was not drawn for")
		}
		if len(f.Overlay) != len(first) || f.Overlay[0].Img != first[0].Img {
			t.Fatal("the overlay was redrawn during the pan")
		}
	}
	if got := s.Frame().Overlay[0]; math.Abs(got.X-(first[0].X+60)) > 1e-6 || math.Abs(got.Y-(first[0].Y+20)) > 1e-6 {
		t.Errorf("the overlay moved to (%.2f, %.2f), want (%.2f, %.2f): 60 px right, 20 down", got.X, got.Y, first[0].X+60, first[0].Y+20)
	}
	time.Sleep(50 * time.Millisecond)
	if got := s.ov.renders.Load(); got != before {
		t.Errorf("%d overlays drawn while the view moved, want none", got-before)
	}
	s.SetDate(time.Date(1943, 1, 1, 0, 0, 0, 0, time.UTC))
	s.Frame()
	deadline = time.Now().Add(30 * time.Second)
	for s.ov.renders.Load() == before && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	if s.ov.renders.Load() == before {
		t.Error("a new date was not drawn without waiting for the view to rest")
	}
}

// TestSessionMarkersAndLabels: the places of the scale are marked, selected ones whatever
// their rank or filter, hidden and area places only when selected; no two labels overlap and
// none covers a dot.
func TestSessionMarkersAndLabels(t *testing.T) {
	s := newTestSession(t, nil, 900, 600, SessionOptions{
		Measure: func(text string, size float64, bold, italic bool) (float64, float64) {
			return 0.6 * size * float64(len(text)), size + 2
		}})
	s.SetSelected(nil)
	s.view.Fit(orb.Bound{Min: orb.Point{28, 46}, Max: orb.Point{48, 61}}, 10) // 2000–3000 m/px
	marked := func() map[string]MapMarker {
		out := map[string]MapMarker{}
		for _, m := range s.Frame().Markers {
			out[m.ID] = m
		}
		return out
	}
	tests := []struct {
		name      string
		setup     func()
		want, not []string
	}{
		{"by rank", func() {}, []string{"moscow", "leningrad", "stalingrad", "kursk"}, []string{"prokhorovka", "volga", "vladivostok"}},
		{"a selected small place", func() { s.SetSelected([]string{"prokhorovka"}) }, []string{"prokhorovka"}, nil},
		{"a selected area", func() { s.SetSelected([]string{"volga"}) }, []string{"volga"}, []string{"prokhorovka"}},
		{"hidden by the filter", func() { s.SetSelected(nil); s.SetHidden(func(id string) bool { return id == "kursk" }) }, []string{"moscow"}, []string{"kursk"}},
		{"hidden but selected", func() { s.SetSelected([]string{"kursk"}) }, []string{"kursk"}, nil},
	}
	for _, tc := range tests {
		tc.setup()
		m := marked()
		for _, id := range tc.want {
			if _, ok := m[id]; !ok {
				t.Errorf("%s: %s is not marked", tc.name, id)
			}
		}
		for _, id := range tc.not {
			if _, ok := m[id]; ok {
				t.Errorf("%s: %s is marked", tc.name, id)
			}
		}
		f := s.Frame()
		for i, a := range f.Markers {
			if a.Selected && a.Label == "" {
				t.Errorf("%s: selected %s has no label", tc.name, a.ID)
			}
			if a.Label == "" {
				continue
			}
			if got, want := a.LabelRect.X1-a.LabelRect.X0, 0.6*a.LabelSize*float64(len(a.Label)); math.Abs(got-want) > 1e-9 {
				t.Errorf("%s: %s's label is %.1f px wide, want the measured %.1f", tc.name, a.ID, got, want)
			}
			for j, b := range f.Markers {
				dot := LabelRect{b.X - 5, b.Y - 5, b.X + 5, b.Y + 5}
				if a.LabelRect.Overlaps(dot) {
					t.Errorf("%s: %s's label covers %s's dot", tc.name, a.ID, b.ID)
				}
				if j > i && b.Label != "" && a.LabelRect.Overlaps(b.LabelRect) {
					t.Errorf("%s: the labels of %s and %s overlap", tc.name, a.ID, b.ID)
				}
			}
		}
	}
	s.SetSelected(nil)
	v := s.View()
	if id, ok := s.PlaceAt(v.ToScreen(36.19, 51.73)); ok && id == "kursk" {
		t.Error("a tap finds Kursk, which the filter hides")
	}
	if id, ok := s.PlaceAt(v.ToScreen(37.62+0.05, 55.75)); !ok || id != "moscow" {
		t.Errorf("a tap beside Moscow finds %q, %v", id, ok)
	}
}

// TestSessionNamesKeepClear: the names of countries, seas and rivers never overlap each other,
// a marker or its label, and stay on the map above the credit line.
func TestSessionNamesKeepClear(t *testing.T) {
	data, _ := sessionTestData(t, true)
	for _, scale := range []float64{8000, 3000, 1000, 400} {
		s := newTestSession(t, data, 1000, 700, SessionOptions{})
		s.ZoomCentre(s.View().Scale / scale)
		f := s.Frame()
		if scale == 3000 && len(f.Names) == 0 {
			t.Errorf("%.0f m/px: no names written", scale)
		}
		for i, n := range f.Names {
			r := n.Rect
			if r.X0 < 0 || r.Y0 < 0 || r.X1 > 1000 || r.Y1 > 700-CreditHeight {
				t.Errorf("%.0f m/px: %q lies off the map at %+v", scale, n.Text, r)
			}
			for _, m := range f.Names[i+1:] {
				if r.Overlaps(m.Rect) {
					t.Errorf("%.0f m/px: %q overlaps %q", scale, n.Text, m.Text)
				}
			}
			for _, mk := range f.Markers {
				if r.Overlaps(LabelRect{mk.X - 6, mk.Y - 6, mk.X + 6, mk.Y + 6}) || (mk.Label != "" && r.Overlaps(mk.LabelRect)) {
					t.Errorf("%.0f m/px: %q covers %s", scale, n.Text, mk.ID)
				}
			}
		}
	}
}

// TestSessionTileBudgetFollowsTheScreen: the tiles kept grow with the map, not a fixed budget.
func TestSessionTileBudgetFollowsTheScreen(t *testing.T) {
	data, _ := sessionTestData(t, true)
	s := newTestSession(t, data, 320, 240, SessionOptions{})
	s.Frame()
	small := s.tileBudget()
	s.SetSize(1920, 1080)
	s.Frame()
	large := s.tileBudget()
	if small >= large/4 {
		t.Errorf("budget %d B at 320×240 and %d B at 1920×1080: want it to follow the area", small, large)
	}
	if large > 64<<20 {
		t.Errorf("budget at 1920×1080 is %d MiB, want at most 64", large>>20)
	}
	for _, c := range s.scenes {
		if c.MaxBytes() != large {
			t.Errorf("the scene on screen keeps %d B, want %d", c.MaxBytes(), large)
		}
	}
}

// TestSessionCloseStopsEverything: after Close no goroutine of the session runs and OnUpdate
// is not called again.
func TestSessionCloseStopsEverything(t *testing.T) {
	data, load := sessionTestData(t, false)
	before := runtime.NumGoroutine()
	var updates atomic.Int64
	s := NewMapSession(data, SessionOptions{OnUpdate: func() { updates.Add(1) }, OverlayRest: 5 * time.Millisecond})
	s.SetDate(time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC))
	s.SetSize(600, 400)
	s.ZoomCentre(s.View().Scale / 500) // close up: the detail watcher starts
	s.Frame()
	s.Pan(10, 0) // the overlay timer starts
	s.Frame()
	if runtime.NumGoroutine() <= before {
		t.Fatal("the session started no goroutine")
	}
	s.Close()
	s.Close() // idempotent
	n := updates.Load()
	load()
	time.Sleep(30 * time.Millisecond)
	if got := updates.Load(); got != n {
		t.Errorf("OnUpdate called %d times after Close", got-n)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := runtime.NumGoroutine(); got > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after Close, %d before:\n%s", got, before, buf[:runtime.Stack(buf, true)])
	}
	if f := s.Frame(); len(f.Tiles.Pieces) != 0 || s.SceneCount() != 0 {
		t.Error("a closed session still draws tiles")
	}
}

// TestLazyDetailLoadsAfterTheFirstFrame: map data loaded lazily decodes the close-zoom level
// only once a session has drawn its first complete frame, so that the two do not compete.
func TestLazyDetailLoadsAfterTheFirstFrame(t *testing.T) {
	md, err := LoadMapDataLazy(assets.Map(), os.DirFS("../assets/content"), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := NewMapSession(md, SessionOptions{})
	t.Cleanup(s.Close)
	s.SetDate(time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC))
	s.SetSize(400, 300)
	if f := s.Frame(); f.Complete() {
		t.Fatal("the first frame is complete at once")
	}
	if md.detailStarted.Load() {
		t.Fatal("the close-zoom level started loading before the first frame was complete")
	}
	if !s.WaitReady(30 * time.Second) {
		t.Fatal("the first frame never completed")
	}
	select {
	case <-md.DetailLoaded():
	case <-time.After(30 * time.Second):
		t.Fatal("the close-zoom level did not load after the first frame")
	}
	if err := md.WaitDetail(); err != nil {
		t.Fatal(err)
	}
}
