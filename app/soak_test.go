package app

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/cli"
)

// The soak (TestSoak) drives the whole window with random user actions on Fyne's test driver
// and asserts that nothing panics and that the heap and the number of goroutines stay flat.
// `make test` runs a short soak (soakCount); the full one is
//
//	nice go test ./app -run '^TestSoak$' -count=1 -v -timeout 2h -soak.actions=100000
//
// (docs/reliability.md has its figures). A failure names the seed, the action number and the
// last actions, and -soak.seed replays it.
var (
	soakActions = flag.Int("soak.actions", 0, "how many random user actions TestSoak performs (default 3,000; 200 under the race detector; none with -short)")
	soakSeed    = flag.Uint64("soak.seed", 1, "the seed of TestSoak's random actions")
	soakProfile = flag.String("soak.heapprofile", "", "a folder where TestSoak writes a heap profile at every sample (heap-ACTION.pb.gz), for go tool pprof -base")
	soakLeak    = flag.String("soak.leak", "", `inject a leak to see TestSoak fail: "heap" (16 KiB kept per action), "goroutines" (one parked per 50 actions)`)
)

// soakCount is the number of actions TestSoak performs: -soak.actions, or 3,000 (about a
// minute on two shared cores), or 200 under the race detector (make test runs app so: an
// action costs some ten times more there, and the races of the window's goroutines show in a
// few hundred actions or not at all; too few to judge the trend of the heap).
func soakCount() int {
	switch {
	case *soakActions > 0:
		return *soakActions
	case raceEnabled:
		return 200
	}
	return 3000
}

// soakSample is the state of the process at one point of the soak, after garbage collection.
type soakSample struct {
	action     int
	elapsed    time.Duration
	goroutines int
	heap       uint64 // bytes in use (runtime.MemStats.HeapAlloc)
}

// TestSoak performs -soak.actions random user actions (the table in soakactions_test.go and
// any rows registered with addSoakActions) on the whole window with the embedded pack, the
// map drawing in the background as in the window, and checks:
//   - no action panics (a panic fails the test with the seed, the action and the 20 before);
//   - no object has a negative size (the software painter of snapshots panics on one);
//   - the heap in use and the number of goroutines, sampled 50 times in the run (every 20
//     actions at least) after garbage collection, are flat: after a warm-up (the first
//     tenth), the median of the last fifth of the samples is within a tolerance of the median
//     of the first fifth (soakFlat).
//
// Fyne's test driver never drops the renderers of widgets that left the window (the desktop
// driver destroys those not painted for a minute); the soak does the same at each sample, so
// that what it measures is the app's memory and not the test driver's cache.
func TestSoak(t *testing.T) {
	if testing.Short() && *soakActions == 0 {
		t.Skip("loads the embedded pack and its map and performs thousands of actions; -soak.actions runs it")
	}
	actions := soakCount()
	content, err := cli.LoadContent("")
	if err != nil {
		t.Fatalf("the embedded pack: %v", err)
	}
	if err := content.Map.WaitDetail(); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme("light"))
	// Fyne's cache clock first, so that it is put back after the UI has closed.
	useSoakCacheClock(t)
	u := New(content.Catalog, content.Map, Options{Prefs: OpenPrefs("")}) // a window's UI: the map draws in the background
	w := test.NewTempWindow(t, nil)
	u.Attach(w)
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(u.Close)
	u.Details.OpenURL = func(*url.URL) error { return nil } // a source's link: no browser
	s := newSoak(t, u, w, *soakSeed)
	if *soakLeak != "" {
		s.afterEach = append(s.afterEach, injectedLeak(*soakLeak))
	}

	s.warmUp()
	every := max(actions/50, 20)
	var samples []soakSample
	start := time.Now()
	for done := 0; done < actions; {
		n := min(every, actions-done)
		ok := t.Run(fmt.Sprintf("actions %d-%d", done+1, done+n), func(bt *testing.T) {
			s.t = bt
			for range n {
				s.step()
			}
			s.forgetDropped(bt)
		})
		done += n
		if !ok {
			t.Fatalf("stopped after action %d (seed %d): %s", s.count, *soakSeed, s.lastActions())
		}
		s.t = t
		g, h := s.settle()
		samples = append(samples, soakSample{done, time.Since(start), g, h})
		if *soakProfile != "" {
			writeSoakProfile(t, *soakProfile, done)
		}
		if testing.Verbose() { // as they come: a long run stopped early keeps its figures
			t.Logf("after %d actions, %s: %d goroutines, heap %.1f MiB", done, time.Since(start).Round(time.Second), g, float64(h)/(1<<20))
		}
	}
	wall := time.Since(start)
	s.report(samples, wall)
	summary, problems := soakFlat(samples)
	t.Log(summary)
	for _, p := range problems {
		t.Error(p)
	}
}

// soakFlat compares the median of the last fifth of the samples after warm-up (the first
// tenth) with the median of the first fifth, and returns a summary and the problems: a heap that grew by
// more than a tenth and 8 MiB, or more than 3 goroutines. A leak of a few kilobytes per
// action, or of one goroutine per few hundred actions, breaks these; the noise of the tile
// caches, the scenes of the map and playback does not (docs/reliability.md).
func soakFlat(samples []soakSample) (summary string, problems []string) {
	warm := len(samples) / 10
	s := samples[warm:]
	if len(s) < 10 {
		return "too few samples to compare", nil
	}
	fifth := len(s) / 5
	first, last := s[:fifth], s[len(s)-fifth:]
	med := func(part []soakSample, f func(soakSample) float64) float64 {
		v := make([]float64, len(part))
		for i, x := range part {
			v[i] = f(x)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	heap := func(x soakSample) float64 { return float64(x.heap) / (1 << 20) }
	gor := func(x soakSample) float64 { return float64(x.goroutines) }
	h0, h1 := med(first, heap), med(last, heap)
	if h1 > h0*1.10+8 {
		problems = append(problems, fmt.Sprintf("the heap grew from %.1f MiB (median of actions %d–%d) to %.1f MiB (actions %d–%d): more than 10 %% + 8 MiB",
			h0, first[0].action, first[len(first)-1].action, h1, last[0].action, last[len(last)-1].action))
	}
	g0, g1 := med(first, gor), med(last, gor)
	if g1 > g0+3 {
		problems = append(problems, fmt.Sprintf("goroutines grew from %.0f (median of actions %d–%d) to %.0f (actions %d–%d)",
			g0, first[0].action, first[len(first)-1].action, g1, last[0].action, last[len(last)-1].action))
	}
	lo, hi := s[0], s[0]
	for _, x := range s {
		if x.heap < lo.heap {
			lo = x
		}
		if x.heap > hi.heap {
			hi = x
		}
	}
	gmin, gmax := s[0].goroutines, s[0].goroutines
	for _, x := range s {
		gmin, gmax = min(gmin, x.goroutines), max(gmax, x.goroutines)
	}
	summary = fmt.Sprintf("after the warm-up (actions %d on): heap median %.1f MiB in the first fifth, %.1f MiB in the last (least %.1f, most %.1f at action %d); goroutines median %.0f → %.0f (%d to %d)",
		s[0].action, h0, h1, heap(lo), heap(hi), hi.action, g0, g1, gmin, gmax)
	return summary, problems
}

// report logs the samples, the actions done of each kind and the wall time.
func (s *soak) report(samples []soakSample, wall time.Duration) {
	var b strings.Builder
	fmt.Fprintf(&b, "%d actions in %s (seed %d), no panic\n", s.count, wall.Round(time.Millisecond), *soakSeed)
	fmt.Fprintf(&b, "%8s %10s %10s %10s\n", "action", "elapsed", "goroutines", "heap MiB")
	for _, x := range samples {
		fmt.Fprintf(&b, "%8d %10s %10d %10.1f\n", x.action, x.elapsed.Round(100*time.Millisecond), x.goroutines, float64(x.heap)/(1<<20))
	}
	names := make([]string, 0, len(s.done))
	for n := range s.done {
		names = append(names, n)
	}
	slices.Sort(names)
	b.WriteString("actions done:")
	for i, n := range names {
		if i%6 == 0 {
			b.WriteString("\n ")
		}
		fmt.Fprintf(&b, " %s %d", n, s.done[n])
	}
	s.t.Log(b.String())
}

// soakSampleSize is the window's size while the soak measures (settle).
var soakSampleSize = fyne.NewSize(1280, 800)

// settle lets the background work of the window finish (playback paused for the moment, the
// map's frame complete), paints the window, then, at soakSampleSize, collects garbage and
// returns the number of goroutines and the heap in use.
func (s *soak) settle() (goroutines int, heap uint64) {
	playing := s.u.Timeline.Controls.Playing()
	if playing {
		s.u.Timeline.Controls.TogglePlay()
	}
	uiLoop.runUntil(5*time.Second, func() bool { return s.u.Map.frame == nil || s.u.Map.frame.Complete() })
	uiLoop.run()
	// A minute passes for Fyne's caches (soakclock_test.go); then paint the window, as the
	// desktop driver does every frame: every renderer shown draws and stays, and Fyne's
	// caches drop what was not used in that minute (renderers, text measures, images).
	advanceSoakCacheClock()
	var neg []string
	for _, o := range append([]fyne.CanvasObject{s.c.Content()}, s.c.Overlays().List()...) {
		neg = append(neg, negativeSizes(o, "")...)
	}
	if len(neg) > 0 {
		s.t.Fatalf("after action %d (seed %d), objects with a negative size, which the software painter of snapshots cannot draw: %v\nthe last actions: %s", s.count, *soakSeed, neg, s.lastActions())
	}
	s.c.Capture()
	// Measure at one window size, the walk's own put back after: what the window keeps in
	// proportion to its size (the map's tiles, 1.5 screens of them; the painter's picture)
	// would otherwise swing the samples by tens of MiB with the size the walk left.
	size := s.c.Size()
	if size != soakSampleSize {
		s.w.Resize(soakSampleSize)
		uiLoop.runUntil(5*time.Second, func() bool { return s.u.Map.frame == nil || s.u.Map.frame.Complete() })
		uiLoop.run()
	}
	goroutines, heap = settledCounts()
	if size != soakSampleSize {
		s.w.Resize(size)
		uiLoop.run()
	}
	if playing {
		s.u.Timeline.Controls.TogglePlay()
	}
	return goroutines, heap
}

// injectedLeak returns a hook run after every action that leaks on purpose, to show that
// soakFlat fails on a leak.
func injectedLeak(kind string) func(*soak) {
	var kept [][]byte
	park := make(chan struct{})
	return func(s *soak) {
		switch kind {
		case "heap":
			kept = append(kept, make([]byte, 16<<10))
		case "goroutines":
			if s.count%50 == 0 {
				go func() { <-park }()
			}
		default:
			s.t.Fatalf("-soak.leak=%q: want heap or goroutines", kind)
		}
	}
}

// newSoakRand is the soak's generator: the same seed gives the same actions.
func newSoakRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x50a6)) }

// writeSoakProfile writes the heap profile (as of the garbage collection just done) into
// dir/heap-ACTION.pb.gz.
func writeSoakProfile(t *testing.T, dir string, action int) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("-soak.heapprofile: %v", err)
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%06d.pb.gz", action)))
	if err != nil {
		t.Fatalf("-soak.heapprofile: %v", err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		t.Fatalf("-soak.heapprofile: %v", err)
	}
}
