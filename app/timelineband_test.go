package app

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/timeline"
)

// The timeline band puts at most four objects on the canvas at rest (background, the painted
// band, the date cursor and its handle), whatever it shows; dragging the map does not paint it again (the GL
// painter keeps its texture); dragging the band does, and what it paints is what the layout
// placed: a bar's lane colour, its label's text colour.
func TestTimelineBandIsOneImagePaintedOnlyWhenItChanges(t *testing.T) {
	u, win := newTestUI(t, 1400, 900, Options{Date: timeline.DayOf(1942, 11, 19)})
	t.Cleanup(u.Close)
	r := test.WidgetRenderer(u.Timeline).(*timelineRenderer)
	if n := canvasObjects(u.Timeline); n > 4 {
		t.Fatalf("the timeline puts %d objects on the canvas at rest, want at most 4 (background, band, cursor, handle)", n)
	}
	if r.nt < 20 || r.nr < 10 {
		t.Fatalf("the band laid out %d texts and %d rectangles; the test pack should give dozens", r.nt, r.nr)
	}
	// The image is painted when a painter draws it, not before (a band off screen costs nothing).
	changes, painted := r.band.changes, r.band.painted
	win.Canvas().Capture()
	if r.band.painted != painted+1 {
		t.Fatalf("capturing the window painted the band %d times, want once", r.band.painted-painted)
	}
	changes, painted = r.band.changes, r.band.painted
	mpos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Map).Add(fyne.NewPos(300, 200))
	for range 5 {
		test.Drag(win.Canvas(), mpos, 40, 10)
	}
	win.Canvas().Capture()
	if r.band.changes != changes || r.band.painted != painted {
		t.Errorf("dragging the map refreshed the timeline band %d times and painted it %d times; it did not change",
			r.band.changes-changes, r.band.painted-painted)
	}
	// A refresh that changes nothing refreshes nothing either (playback moves only the cursor).
	u.Timeline.Refresh()
	if r.band.changes != changes {
		t.Errorf("a refresh without change refreshed the band again")
	}
	tpos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Timeline).Add(fyne.NewPos(600, 100))
	test.Drag(win.Canvas(), tpos, -80, 0)
	if r.band.changes == changes {
		t.Fatal("dragging the timeline did not refresh the band")
	}
	if r.band.painted != painted {
		t.Errorf("the band was painted before anything drew it")
	}
	win.Canvas().Capture()
	if r.band.painted != painted+1 {
		t.Fatalf("capturing after the drag painted the band %d times, want once", r.band.painted-painted)
	}

	// The pixels: the first opaque bar is in its colour at its centre, and the first event
	// label has pixels of its colour.
	img := r.band.img
	found := false
	for _, op := range r.band.ops {
		if op.kind != bandRect || op.radius != 3 || op.fill.A < 200 || op.strokeW != 0 || op.w < 12 || op.x < u.Timeline.gutter {
			continue
		}
		c := img.RGBAAt(int(op.x+op.w/2), int(op.y+op.h/2))
		if !nearNRGBA(c, op.fill, 3) {
			t.Errorf("the bar at (%.0f, %.0f) is painted %v at its centre, want %v", op.x, op.y, c, op.fill)
		}
		if c := img.RGBAAt(int(op.x), int(op.y)); c.A > 200 {
			t.Errorf("the bar at (%.0f, %.0f) has a square corner: %v", op.x, op.y, c)
		}
		found = true
		break
	}
	if !found {
		t.Error("no opaque bar was painted")
	}
	for _, op := range r.band.ops {
		if op.kind != bandText || len(op.text.s) < 8 || int(op.x)+40 > img.Rect.Dx() || op.x < u.Timeline.gutter {
			continue
		}
		m := r.band.masks[op.text]
		if m == nil {
			t.Fatalf("no glyphs for %q", op.text.s)
		}
		ox, oy := int(math.Round(float64(op.x))), int(math.Round(float64(op.y)))
		inked := 0
		for y := 0; y < m.Rect.Dy(); y++ {
			for x := 0; x < m.Rect.Dx(); x++ {
				if m.AlphaAt(x, y).A == 255 && nearNRGBA(img.RGBAAt(ox+x, oy+y), op.fill, 3) {
					inked++
				}
			}
		}
		if inked < 10 {
			t.Errorf("the label %q at (%.0f, %.0f) has %d pixels of its colour %v in the band %v", op.text.s, op.x, op.y, inked, op.fill, img.Rect)
		}
		break
	}
}

// nearNRGBA says whether a premultiplied pixel shows an opaque colour within tol per channel.
func nearNRGBA(got color.RGBA, want color.NRGBA, tol int) bool {
	d := func(a, b uint8) bool { return int(a)-int(b) <= tol && int(b)-int(a) <= tol }
	w := color.RGBAModel.Convert(want).(color.RGBA)
	return d(got.R, w.R) && d(got.G, w.G) && d(got.B, w.B) && d(got.A, w.A)
}

// fillShape paints what Fyne's rectangle shaders draw: square rectangles on whole pixels,
// rounded ones and circles with soft edges, strokes inside the bounds, translucent fills over
// what is below.
func TestFillShape(t *testing.T) {
	red := color.NRGBA{200, 0, 0, 255}
	blue := color.NRGBA{0, 0, 200, 255}
	half := color.NRGBA{0, 200, 0, 128}
	clearPx := color.RGBA{}
	for _, tc := range []struct {
		name              string
		x, y, w, h, r, sw float32
		fill, stroke      color.NRGBA
		at                []image.Point
		want              []color.RGBA
		under             color.RGBA // the image's colour before
	}{
		{"square rectangle on whole pixels", 2.4, 2.6, 5, 4, 0, 0, red, color.NRGBA{},
			[]image.Point{{2, 3}, {6, 6}, {1, 3}, {7, 3}, {2, 2}, {2, 7}},
			[]color.RGBA{{200, 0, 0, 255}, {200, 0, 0, 255}, clearPx, clearPx, clearPx, clearPx}, clearPx},
		{"stroke inside the bounds", 0, 0, 10, 10, 0, 2, red, blue,
			[]image.Point{{0, 5}, {1, 5}, {2, 5}, {5, 5}, {9, 9}},
			[]color.RGBA{{0, 0, 200, 255}, {0, 0, 200, 255}, {200, 0, 0, 255}, {200, 0, 0, 255}, {0, 0, 200, 255}}, clearPx},
		{"rounded corners are cut", 0, 0, 20, 10, 4, 0, red, color.NRGBA{},
			[]image.Point{{0, 0}, {19, 9}, {10, 5}, {0, 5}, {10, 0}},
			[]color.RGBA{clearPx, clearPx, {200, 0, 0, 255}, {200, 0, 0, 255}, {200, 0, 0, 255}}, clearPx},
		{"circle", 0, 0, 14, 14, 7, 0, red, color.NRGBA{},
			[]image.Point{{7, 7}, {0, 0}, {13, 13}, {1, 7}},
			[]color.RGBA{{200, 0, 0, 255}, clearPx, clearPx, {200, 0, 0, 255}}, clearPx},
		{"translucent fill over white", 0, 0, 4, 4, 0, 0, half, color.NRGBA{},
			[]image.Point{{1, 1}},
			[]color.RGBA{{127, 227, 127, 255}}, color.RGBA{255, 255, 255, 255}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, 24, 16))
			for i := 0; i < len(img.Pix); i += 4 {
				img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = tc.under.R, tc.under.G, tc.under.B, tc.under.A
			}
			fillShape(img, tc.x, tc.y, tc.w, tc.h, tc.r, tc.fill, tc.stroke, tc.sw)
			for i, p := range tc.at {
				got, want := img.RGBAAt(p.X, p.Y), tc.want[i]
				d := func(a, b uint8) bool { return int(a)-int(b) <= 2 && int(b)-int(a) <= 2 }
				if !d(got.R, want.R) || !d(got.G, want.G) || !d(got.B, want.B) || !d(got.A, want.A) {
					t.Errorf("pixel %v = %v, want %v", p, got, want)
				}
			}
		})
	}
}

// A rounded edge is soft: some pixel of a circle's rim is neither empty nor full.
func TestFillShapeSoftEdge(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 20, 20))
	fillShape(img, 0, 0, 20, 20, 10, color.NRGBA{0, 0, 0, 255}, color.NRGBA{}, 0)
	soft := 0
	for y := 0; y < 20; y++ {
		for x := 0; x < 20; x++ {
			if a := img.RGBAAt(x, y).A; a > 20 && a < 235 {
				soft++
			}
		}
	}
	if soft < 20 {
		t.Errorf("a circle of 20 px has %d pixels of partial coverage on its rim, want dozens", soft)
	}
}

// The text painted into the band is Fyne's: the same glyphs as canvas.Text draws.
func TestBandTextIsFyneText(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(theme.DefaultTheme())
	m := rasterizeText(bandTextKey{s: "Stalingrad", size: 12}, 1)
	txt := canvas.NewText("Stalingrad", color.White)
	txt.TextSize = 12
	ms := txt.MinSize()
	if m == nil || m.Rect.Dy() != int(math.Ceil(float64(ms.Height))) || m.Rect.Dx() < int(ms.Width) {
		t.Fatalf("the mask of \"Stalingrad\" at 12 is %v, want at least %v", m.Rect, ms)
	}
	ink := 0
	for _, a := range m.Pix {
		if a > 128 {
			ink++
		}
	}
	if ink < 60 {
		t.Errorf("the mask has %d inked pixels", ink)
	}
	if rasterizeText(bandTextKey{s: ""}, 1) != nil {
		t.Error("an empty text has a mask")
	}
}
