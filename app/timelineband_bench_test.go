package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/internal/cputime"
	"frontline-atlas/timeline"
)

// benchTimelineUI builds the whole window at 1920×1080 on the embedded pack, dark theme, as
// the real window is measured (docs/performance.md, "The real window").
func benchTimelineUI(b *testing.B) *UI {
	b.Helper()
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme("dark"))
	c := benchContent(b)
	u := New(c.Catalog, c.Map, Options{Date: timeline.DayOf(1942, 11, 19), Headless: true})
	win := test.NewTempWindow(b, nil)
	u.Attach(win)
	win.Resize(fyne.NewSize(benchW, benchH))
	b.Cleanup(u.Close)
	return u
}

// canvasObjects counts the visible objects o puts on the canvas (what a GL painter draws).
func canvasObjects(o fyne.CanvasObject) int {
	if !o.Visible() {
		return 0
	}
	switch x := o.(type) {
	case fyne.Widget:
		n := 0
		for _, c := range test.WidgetRenderer(x).Objects() {
			n += canvasObjects(c)
		}
		return n
	case *fyne.Container:
		n := 0
		for _, c := range x.Objects {
			n += canvasObjects(c)
		}
		return n
	}
	return 1
}

// BenchmarkTimelinePanFrame is one frame of a timeline drag (4 px, back and forth over a
// year) in the app: the drag step (laying out the band, moving the strip) and, when the band's
// image changed, painting it as the painter asks for it when it draws the frame. It reports
// the objects the band puts on the canvas for the GL painter to draw every frame (the real
// cost with a software GL, docs/performance.md), the window's, and the bytes of band image
// painted (and so uploaded as a texture) per frame.
func BenchmarkTimelinePanFrame(b *testing.B) {
	u := benchTimelineUI(b)
	u.Map.data.WaitDetail() // the close-zoom base map decodes in the background: not this work
	tl := u.Timeline
	tl.scale.ShowRange(float64(timeline.DayOf(1942, 6, 1)), float64(timeline.DayOf(1943, 6, 1)))
	tl.Refresh()
	r := test.WidgetRenderer(tl).(*timelineRenderer)
	at := fyne.NewPos(tl.Size().Width/2, tl.axisHeight+tl.laneH/2)
	dx := float32(4)
	i, bytes := 0, 0
	generate := func(band *timelineBand) {
		if band.dirty && band.obj.Visible() {
			s := band.obj.Size()
			band.generate(int(s.Width), int(s.Height))
			bytes += len(band.img.Pix)
		}
	}
	defer cputime.Report(b)()
	for b.Loop() {
		if i%90 == 0 {
			dx = -dx
		}
		tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}, Dragged: fyne.NewDelta(dx, 0)})
		generate(r.band)
		generate(r.pinned)
		i++
	}
	b.ReportMetric(float64(bytes)/float64(i), "painted-B/frame")
	b.ReportMetric(float64(canvasObjects(tl)), "band-objects")
	b.ReportMetric(float64(canvasObjects(u.Content())), "window-objects")
}

// BenchmarkTimelineBandFirstPaint paints the band as at start (cold start, a new pack, a new
// text size): every text rasterized and every shape drawn afresh.
func BenchmarkTimelineBandFirstPaint(b *testing.B) {
	u := benchTimelineUI(b)
	u.Map.data.WaitDetail()
	r := test.WidgetRenderer(u.Timeline).(*timelineRenderer)
	size := u.Timeline.Size()
	w, h := int(size.Width), int(size.Height)
	defer cputime.Report(b)()
	for b.Loop() {
		clear(r.band.masks)
		clear(r.band.sprites)
		r.band.dirty = true
		r.band.generate(w, h)
	}
	b.ReportMetric(float64(len(r.band.ops)), "ops")
}
