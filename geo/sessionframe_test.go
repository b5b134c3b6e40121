package geo

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

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

// TestSessionIdleSceneDropsItsLevels: after zooming in to the 1:10m scene and back out, the
// 1:10m scene (kept for going back) holds no prepared levels, the scene on screen keeps its
// own, and going back in prepares the level again and completes the frame.
func TestSessionIdleSceneDropsItsLevels(t *testing.T) {
	data, load := sessionTestData(t, false)
	load()
	s := newTestSession(t, data, 400, 300, SessionOptions{})
	prepared := func(detail string) int64 {
		var n int64 = -1
		for k, c := range s.scenes {
			if k.detail == detail {
				n = c.scene.PreparedBytes()
			}
		}
		return n
	}
	s.ZoomCentre(s.View().Scale / 4000)
	if !s.WaitReady(30 * time.Second) {
		t.Fatal("the 1:50m frame never completed")
	}
	s.ZoomCentre(s.View().Scale / 600)
	if !s.WaitReady(30*time.Second) || s.Detail() != Detail10m {
		t.Fatalf("the 1:10m frame never completed (detail %s)", s.Detail())
	}
	if n := prepared(Detail10m); n <= 0 {
		t.Fatalf("the 1:10m scene on screen holds %d bytes of prepared levels, want some", n)
	}
	if n := prepared(Detail50m); n != 0 {
		t.Errorf("the 1:50m scene not shown holds %d bytes of prepared levels, want none", n)
	}
	s.ZoomCentre(s.View().Scale / 4000)
	if !s.WaitReady(30 * time.Second) {
		t.Fatal("the 1:50m frame never completed after zooming out")
	}
	if n := prepared(Detail10m); n != 0 {
		t.Errorf("the 1:10m scene not shown holds %d bytes of prepared levels, want none", n)
	}
	if n := prepared(Detail50m); n <= 0 {
		t.Errorf("the 1:50m scene on screen holds %d bytes of prepared levels, want some", n)
	}
	s.ZoomCentre(s.View().Scale / 600)
	if !s.WaitReady(30 * time.Second) {
		t.Fatal("going back to 1:10m, the frame never completed")
	}
	if n := prepared(Detail10m); n <= 0 {
		t.Errorf("back at 1:10m the scene holds %d bytes of prepared levels, want some", n)
	}
}

// TestSessionOverlayLetsGoOfItsBuffersAtRest: once the map rests, the overlay worker lets go
// of its view-sized image and rasterizer; the next date draws with new ones, and the same.
func TestSessionOverlayLetsGoOfItsBuffersAtRest(t *testing.T) {
	data, _ := sessionTestData(t, true)
	s := newTestSession(t, data, 300, 200, SessionOptions{OverlayRest: time.Millisecond, OverlayKeep: 20 * time.Millisecond})
	day := time.Date(1942, 11, 19, 0, 0, 0, 0, time.UTC)
	s.SetDate(day)
	if !s.WaitReady(30 * time.Second) {
		t.Fatal("the overlay was never drawn")
	}
	before := s.Frame().Overlay
	deadline := time.Now().Add(10 * time.Second)
	for s.ov.released.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if s.ov.released.Load() == 0 {
		t.Fatal("the overlay worker kept its buffers at rest")
	}
	s.SetDate(day.AddDate(0, 0, 1))
	s.SetDate(day)
	if !s.WaitReady(30 * time.Second) {
		t.Fatal("the overlay was never drawn again")
	}
	after := s.Frame().Overlay
	if len(after) == 0 || len(after) != len(before) {
		t.Fatalf("%d overlay pieces after the buffers were let go, %d before", len(after), len(before))
	}
	for i := range after {
		a, b := after[i], before[i]
		if a.X != b.X || a.Y != b.Y || !slices.Equal(a.Img.Pix, b.Img.Pix) {
			t.Fatalf("overlay piece %d differs after the buffers were let go", i)
		}
	}
}
