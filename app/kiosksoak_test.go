package app

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/kiosk"
	"frontline-atlas/timeline"
)

// TestKioskWeekIsFlat runs a week of an exhibit with a fake clock: 2,900 cycles (100 under the
// race detector) of a visitor
// (a selection, a pan, a search, every 100th cycle a language switch, which builds a new UI),
// 90 s of quiet, the attract loop through its stops, the reset at 3 min, and a touch that
// hands over, ticked every second. The goroutines and the heap are the same after as after
// the first 100 cycles.
//
// It runs in a child process with FYNE_CACHE=2s: Fyne's window driver destroys the renderers
// of widgets it has not drawn for a minute, but its test driver only when a capture comes at
// least 10 s after the last clean, of renderers older than FYNE_CACHE (read at start). So the
// child captures the window every 100 cycles, and before each measurement waits 10.5 s and
// captures, as the window's driver would have cleaned by then; otherwise the details pages
// of every selection would stay in the test driver's cache and hide any leak of ours.
func TestKioskWeekIsFlat(t *testing.T) {
	if os.Getenv("FRONTLINE_KIOSK_SOAK") == "" {
		if testing.Short() {
			t.Skip("2,900 attract and reset cycles")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestKioskWeekIsFlat$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "FRONTLINE_KIOSK_SOAK=1", "FYNE_CACHE=2s")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("the soak failed: %v\n%s", err, out)
		}
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "RESULT") {
				t.Log(strings.TrimSpace(l))
			}
		}
		return
	}
	// Without the base map: its tiles for thousands of views would take an hour here, and
	// the map's own memory is TestUIOpenAndCloseHundredTimes's and geo's subject.
	f := newTestKiosk(t, 1280, 720, kiosk.Config{}, []string{"turning-points"})
	k := f.k
	step := func(seconds int) {
		for range seconds {
			f.clock.add(time.Second)
			k.Tick()
		}
	}
	events := []string{"battle-of-kursk", "operation-uranus", "battle-of-berlin"}
	resets := 0
	cycle := func(i int) {
		u := k.UI
		u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: events[i%len(events)]})
		u.Map.Pan(fyne.NewDelta(30, -20))
		u.Search.SetText("kur")
		if i%100 == 99 {
			test.Tap(k.LangB)
		}
		step(200) // attract at 90 s, stops, reset at 180 s
		if k.Machine.Mode() != kiosk.Attract {
			t.Fatalf("cycle %d: no attract loop after 200 s", i)
		}
		if k.UI.Search.Text != "" || k.Language() != "en" {
			t.Fatalf("cycle %d: not reset", i)
		}
		resets++
		test.Tap(k.Attract)
		if i%100 == 0 {
			f.win.Canvas().Capture()
		}
	}
	settle := func() (int, uint64) {
		time.Sleep(10500 * time.Millisecond)
		f.win.Canvas().Capture()
		return settledCounts()
	}
	warm, cycles := 100, 3000
	if raceDetector {
		cycles = 200 // the race detector makes a cycle about ten times slower
	}
	for i := range warm {
		cycle(i)
	}
	g0, h0 := settle()
	start := f.clock.t
	wall := time.Now()
	for i := warm; i < cycles; i++ {
		cycle(i)
	}
	g1, h1 := settle()
	t.Logf("RESULT %d cycles (%d resets) over %.1f days of fake time in %.0f s, %d language switches: goroutines %d → %d, heap %.1f → %.1f MiB",
		cycles-warm, resets, f.clock.t.Sub(start).Hours()/24, time.Since(wall).Seconds(), (cycles-warm)/100, g0, g1, float64(h0)/(1<<20), float64(h1)/(1<<20))
	if g1 > g0 {
		t.Errorf("goroutines grew from %d to %d", g0, g1)
	}
	if grew := int64(h1) - int64(h0); grew > 4<<20 {
		t.Errorf("the heap grew by %.1f MiB", float64(grew)/(1<<20))
	}
}

// TestKioskTickStops: the window's kiosk ticks on a goroutine of its own, which Close stops.
func TestKioskTickStops(t *testing.T) {
	g0, _ := settledCounts()
	test.NewTempApp(t)
	c := loadTestContent(t)
	w := test.NewTempWindow(t, nil)
	k := NewKiosk(w, c.Catalog, KioskOptions{Config: kiosk.Defaults(), Tick: true,
		Build: func(o Options) *UI { o.Headless = true; return New(c.Catalog, c.Map, o) }})
	time.Sleep(3 * kioskTickEvery)
	uiLoop.run()
	k.Close()
	k.Close()
	if g1, _ := settledCounts(); g1 > g0 {
		t.Errorf("goroutines %d → %d after the kiosk closed", g0, g1)
	}
}
