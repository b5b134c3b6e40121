package geo

import (
	"os"
	"sync"
	"testing"
	"time"
)

var (
	heldBenchOnce sync.Once
	heldBenchMD   *MapData
	heldBenchErr  error
)

// heldBenchMapData loads the shipped base map (1:50m) and fronts once.
func heldBenchMapData(b *testing.B) *MapData {
	heldBenchOnce.Do(func() {
		heldBenchMD, heldBenchErr = LoadMapData(os.DirFS("../assets/map"), os.DirFS("../assets/content"), packFrontTheatres(b))
	})
	if heldBenchErr != nil {
		b.Fatal(heldBenchErr)
	}
	return heldBenchMD
}

// BenchmarkHeldAtDay computes the held areas at a new moment each time (playback steps of
// about a third of a day through August 1944, when the most theatres are active).
func BenchmarkHeldAtDay(b *testing.B) {
	f, err := LoadFronts(os.DirFS("../assets/content"), "fronts", packFrontTheatres(b))
	if err != nil {
		b.Fatal(err)
	}
	day := float64(frontDay("1944-08-01"))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.HeldAtDay(day + float64(i%60)*0.37)
	}
}

// BenchmarkRenderOverlay draws the date's overlay (held areas masked by land, fronts) over the
// whole of Europe at 1920×1080, as the map's overlay worker does at each playback step (the
// land mask, drawn once per view, is reused).
func BenchmarkRenderOverlay(b *testing.B) {
	md := heldBenchMapData(b)
	s := NewMapSession(md, SessionOptions{})
	defer s.Close()
	v := NewView(Theatre, 1920, 1080, 20, 50, 4000)
	t0 := time.Date(1944, 8, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.ov.render(overlayReq{view: *v, day: t0.Add(time.Duration(i%60) * 9 * time.Hour), style: &StyleLight, detail: Detail50m})
	}
}

// BenchmarkHeldDays builds the daily rings HeldPeriods samples (its first call).
func BenchmarkHeldDays(b *testing.B) {
	f, err := LoadFronts(os.DirFS("../assets/content"), "fronts", packFrontTheatres(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.heldDays = nil
		f.buildHeldDays()
	}
}
