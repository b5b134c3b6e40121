package app

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/cli"
	"frontline-atlas/timeline"
)

// The standard view of the map benchmarks: the whole theatre of the Soviet–German war at
// 1920×1080, all layers, the fronts of 19 November 1942, every place, drawn with Fyne's
// software painter (docs/performance.md).
const benchW, benchH = 1920, 1080

// benchMap makes a map alone on a software canvas at the standard view, drawn once.
func benchMap(b *testing.B, c *cli.Content) (*MapView, fyne.Canvas) {
	b.Helper()
	state := NewState(timeline.DayOf(1942, 11, 19))
	m := NewMapView(state, c.Catalog, c.Map, true)
	cv := software.NewCanvas()
	cv.SetPadded(false)
	cv.SetContent(m)
	cv.Resize(fyne.NewSize(benchW, benchH))
	m.WaitReady()
	cv.Capture()
	b.Cleanup(m.Close)
	return m, cv
}

func benchContent(b *testing.B) *cli.Content {
	b.Helper()
	c, err := cli.LoadContent("")
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkMapColdStart measures launch to the first complete map: loading the embedded pack
// and base map, building the window at 1920×1080, rendering every tile and painting it.
func BenchmarkMapColdStart(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(NewTheme("light"))
	for b.Loop() {
		c, err := cli.LoadContentLazy("") // as the window does: the 1:10m level loads behind
		if err != nil {
			b.Fatal(err)
		}
		u := New(c.Catalog, c.Map, Options{Date: timeline.DayOf(1942, 11, 19), Headless: true})
		RenderUI(u, benchW, benchH)
		b.StopTimer()
		c.Map.WaitDetail() // let the background load finish outside the timing
		u.Close()
		b.StartTimer()
	}
}

// benchPan pans the standard view 8 px per step as the peers were measured (30 right, 30 down,
// 30 left, 30 up), drawing each step; paint also paints it with the software painter. Every
// tile of the cycle is rendered before the timing starts (one cycle with each frame made
// sharp), so the steps are the warm case they claim to be; a step that still finds a tile
// missing fails the benchmark.
func benchPan(b *testing.B, compose, paint bool) {
	test.NewTempApp(b).Settings().SetTheme(NewTheme("light"))
	m, cv := benchMap(b, benchContent(b))
	m.compose = compose
	dirs := []fyne.Delta{{DX: 8}, {DY: 8}, {DX: -8}, {DY: -8}}
	for i := range 120 {
		m.Pan(dirs[(i/30)%4])
		m.WaitReady()
	}
	i := 0
	for b.Loop() {
		m.Pan(dirs[(i/30)%4]) // pans and draws the frame
		if !m.frame.Tiles.Complete() {
			b.Fatalf("step %d: %d tiles missing from a warm cycle", i, m.frame.Tiles.Missing)
		}
		if paint {
			cv.Capture()
		}
		i++
	}
}

// BenchmarkMapPanStep measures one 8 px pan of the standard view with warm tiles, as a snapshot
// draws it: moving the view, composing the frame from cached tiles, placing markers and labels,
// and painting with Fyne's software painter.
func BenchmarkMapPanStep(b *testing.B) { benchPan(b, true, true) }

// BenchmarkMapPanCompose is BenchmarkMapPanStep without the software painter: our own cost per
// pan frame on the snapshot path (compose tiles, place markers and labels).
func BenchmarkMapPanCompose(b *testing.B) { benchPan(b, true, false) }

// BenchmarkMapPanTiles is the pan as the window draws it: one image object per tile, moved
// rather than recomposed (the GL painter keeps each tile as a texture).
func BenchmarkMapPanTiles(b *testing.B) { benchPan(b, false, false) }

// benchZoom zooms the standard view by ±5 % about its centre per step (20 in, 20 out, as the
// peers were measured), drawing each step from the tiles at hand (scaled while the sharp ones
// render); paint also paints it with the software painter.
func benchZoom(b *testing.B, compose, paint bool) {
	test.NewTempApp(b).Settings().SetTheme(NewTheme("light"))
	m, cv := benchMap(b, benchContent(b))
	m.compose = compose
	m.Refresh()
	i := 0
	for b.Loop() {
		f := 1.05
		if (i/20)%2 == 1 {
			f = 1 / 1.05
		}
		m.ZoomAbout(f, fyne.NewPos(benchW/2, benchH/2)) // zooms and draws the frame
		if paint {
			cv.Capture()
		}
		i++
	}
}

// BenchmarkMapZoomStep is a zoom step as a snapshot draws it, with the software painter.
func BenchmarkMapZoomStep(b *testing.B) { benchZoom(b, true, true) }

// BenchmarkMapZoomTiles is a zoom step as the window draws it: tile objects moved and scaled.
func BenchmarkMapZoomTiles(b *testing.B) { benchZoom(b, false, false) }

// BenchmarkMapZoomSharp measures a zoom step until every tile is sharp again and the fronts
// overlay is redrawn for the new scale.
func BenchmarkMapZoomSharp(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(NewTheme("light"))
	m, cv := benchMap(b, benchContent(b))
	i := 0
	for b.Loop() {
		f := 1.3
		if i%2 == 1 {
			f = 1 / 1.3
		}
		m.ZoomAbout(f, fyne.NewPos(benchW/2, benchH/2))
		m.WaitReady()
		cv.Capture()
		i++
	}
}

// BenchmarkMapMemory reports the resident memory of the process with the standard view drawn
// and panned about (MB-rss), and the Go heap in use (MB-heap).
func BenchmarkMapMemory(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(NewTheme("light"))
	c := benchContent(b)
	u := New(c.Catalog, c.Map, Options{Date: timeline.DayOf(1942, 11, 19), Headless: true})
	RenderUI(u, benchW, benchH)
	for b.Loop() {
		for j := 0; j < 40; j++ {
			u.Map.Pan(fyne.NewDelta(8, 4))
		}
		u.Map.WaitReady()
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
	if rss := residentMB(); rss > 0 {
		b.ReportMetric(rss, "MB-rss")
	}
	u.Close()
}

// residentMB reads the resident set size of this process from /proc (0 where there is none).
func residentMB() float64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.Atoi(f[1])
	return float64(pages*os.Getpagesize()) / (1 << 20)
}
