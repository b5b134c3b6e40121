package app

import (
	"fmt"
	"io"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"frontline-atlas/internal/anim"
	"frontline-atlas/timeline"
)

// BenchmarkClipFrame measures clip's pace: each iteration draws the next day of the Battle of
// Moscow (the front and the Axis-held area of that day over the theatre, the date and a
// caption) and adds it to an animated GIF or APNG written to nowhere. It reports frames a
// second, and the milliseconds of each frame spent painting, which a clip made from the window
// spends on the UI goroutine (docs/pictures.md has the figures).
func BenchmarkClipFrame(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(NewTheme("light"))
	c := benchContent(b)
	for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
		for _, format := range []string{"gif", "apng"} {
			b.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], format), func(b *testing.B) {
				r := newFrameRenderer(c.Catalog, c.Map, frameSpec{W: size[0], H: size[1], Caption: "The Battle of Moscow"})
				defer r.Close()
				r.Render(timeline.DayOf(1941, 9, 30)) // the tiles of the view, once
				var w anim.Writer
				var err error
				if format == "gif" {
					w, err = anim.NewGIF(io.Discard, size[0], size[1], 0)
				} else {
					w, err = anim.NewAPNG(io.Discard, size[0], size[1], 1<<30, 0)
				}
				if err != nil {
					b.Fatal(err)
				}
				day := timeline.DayOf(1941, 10, 1)
				start := time.Now()
				var painting time.Duration
				for b.Loop() {
					if !r.wait(day) {
						b.Fatal("the map did not complete")
					}
					t := time.Now()
					img := r.paint(day) // the part a window's clip runs on the UI goroutine
					painting += time.Since(t)
					if err := w.WriteFrame(img, 100*time.Millisecond); err != nil {
						b.Fatal(err)
					}
					day++
				}
				b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "frames/s")
				b.ReportMetric(float64(painting.Milliseconds())/float64(b.N), "paint-ms/frame")
			})
		}
	}
}
