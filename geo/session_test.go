package geo

import (
	"math"
	"os"
	"runtime"
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
	md, err := LoadMapDataLazy(assets.Map(), os.DirFS("../assets/content"), packFrontTheatres(t), nil)
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
	case <-time.After(2 * time.Minute): // 0.4 s on a quiet machine; far more under -race and load
		t.Fatal("the close-zoom level did not load after the first frame")
	}
	if err := md.WaitDetail(); err != nil {
		t.Fatal(err)
	}
}
