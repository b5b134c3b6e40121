package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/cli"
	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// frameSpec is what a map picture or a clip frame shows besides its date: the size in pixels,
// the selection (its places marked), the filter, the view and a caption.
type frameSpec struct {
	W, H      int
	Selection timeline.Ref
	Filter    timeline.Filter
	// View centres the map at a zoom that frames 1280 × 720 pixels (timeline.FrameScale);
	// unset, the map fits the selection's places, or Europe and the western USSR.
	View    cli.ViewArg
	Caption string
	// Lang is the language of the date ("en", "ru"); "" for contentLanguage().
	Lang string
}

// frameRenderer draws the map alone at a size of its own, with the date and a caption in a box
// at its top left, on Fyne's software canvas: the frames of a clip and the map pictures of Save
// picture. It has its own State and MapView (headless: WaitReady draws a complete frame), so it
// leaves the window's map alone. Everything but wait runs on Fyne's goroutine (frameJob).
type frameRenderer struct {
	spec    frameSpec
	state   *State
	mapv    *MapView
	canvas  test.WindowlessCanvas
	box     *canvas.Rectangle
	date    *canvas.Text
	caption []*canvas.Text
	k       float32 // text scale: 1 at 1280 × 720 and 100 % text
}

// newFrameRenderer lays out the frame for spec. The theme is the current app's.
func newFrameRenderer(cat *timeline.Catalog, data *geo.MapData, spec frameSpec) *frameRenderer {
	r := &frameRenderer{spec: spec, state: NewState(DefaultDate)}
	if spec.Lang == "" {
		r.spec.Lang = contentLanguage()
	}
	r.state.filter = spec.Filter.Clone()
	r.mapv = NewMapView(r.state, cat, data, true)
	r.mapv.buttons.Hide() // no zoom buttons in a picture
	r.state.OnChange(r.mapv.StateChanged)
	if spec.Selection != (timeline.Ref{}) {
		r.state.Select(spec.Selection)
	}
	if spec.View.Set {
		r.mapv.ShowFrame(spec.View.Lon, spec.View.Lat, spec.View.Zoom)
	}
	r.k = float32(math.Min(float64(spec.W)/1280, float64(spec.H)/720)) * TextScale(nil)
	r.box = canvas.NewRectangle(color.Transparent)
	r.date = canvas.NewText("", color.Transparent)
	for _, line := range r.wrapCaption() {
		r.caption = append(r.caption, canvas.NewText(line, color.Transparent))
	}
	objs := []fyne.CanvasObject{r.mapv, r.box, r.date}
	for _, t := range r.caption {
		objs = append(objs, t)
	}
	r.canvas = software.NewCanvas()
	r.canvas.SetPadded(false)
	r.canvas.SetContent(container0(objs))
	r.canvas.Resize(fyne.NewSize(float32(spec.W), float32(spec.H)))
	r.mapv.Resize(fyne.NewSize(float32(spec.W), float32(spec.H)))
	return r
}

// container0 holds objects placed by hand.
func container0(objs []fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Objects: objs}
}

// sizes of the box's text at 1280 × 720 and 100 % text.
const (
	frameDateSize    = 34
	frameCaptionSize = 20
	framePad         = 14
)

// wrapCaption breaks the caption into lines no wider than 55 % of the frame.
func (r *frameRenderer) wrapCaption() []string {
	words := strings.Fields(r.spec.Caption)
	if len(words) == 0 {
		return nil
	}
	maxW := 0.55 * float32(r.spec.W)
	size := frameCaptionSize * r.k
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if fyne.MeasureText(line+" "+w, size, fyne.TextStyle{}).Width > maxW {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	return append(lines, line)
}

// Render draws the frame of day: it waits until the map of that day is complete. It is wait
// and paint on one goroutine (the clip and snapshot commands, whose goroutine is Fyne's).
func (r *frameRenderer) Render(day timeline.Day) image.Image {
	r.wait(day)
	return r.paint(day)
}

// wait draws the map of day in the background (tiles, fronts and the Axis-held area) and
// returns when it is complete. It touches only the map's session, not Fyne: it may run on any
// goroutine while no other goroutine uses the renderer.
func (r *frameRenderer) wait(day timeline.Day) bool {
	r.mapv.session.SetDate(day.Time())
	return r.mapv.session.WaitReady(frameWait)
}

// frameWait bounds the wait for one frame's map: far more than the slowest frame takes (the
// close-zoom base map loading for the first one).
const frameWait = 60 * time.Second

// paint lays out the frame of day and paints it with Fyne's software painter. It must run on
// Fyne's goroutine: painting cleans Fyne's shared caches.
func (r *frameRenderer) paint(day timeline.Day) image.Image {
	r.state.SetDate(day)
	r.mapv.WaitReady() // complete already after wait: this draws it
	r.layoutBox(day)
	return r.canvas.Capture()
}

// layoutBox writes the date and places the box with the date and the caption.
func (r *frameRenderer) layoutBox(day timeline.Day) {
	th := fyne.CurrentApp().Settings().Theme()
	v := themeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	bg := th.Color(theme.ColorNameBackground, v)
	cr, cg, cb, _ := bg.RGBA()
	pad := framePad * r.k
	setText(r.date, longDate(day, r.spec.Lang), frameDateSize*r.k, fyne.TextStyle{Bold: true}, fg)
	top := 1.5 * pad
	ds := r.date.MinSize()
	r.date.Move(fyne.NewPos(2*pad, top))
	w, y := ds.Width, top+ds.Height
	for _, t := range r.caption {
		setText(t, t.Text, frameCaptionSize*r.k, fyne.TextStyle{}, fg)
		s := t.MinSize()
		t.Move(fyne.NewPos(2*pad, y))
		y += s.Height
		w = max(w, s.Width)
	}
	setRect(r.box, color.NRGBA{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8), 0xe6}, color.Transparent, 0, 6*r.k)
	place(r.box, pad, pad, w+2*pad, y+pad/2-pad)
}

// DateBounds returns where the date is drawn, in pixels (tests look there).
func (r *frameRenderer) DateBounds() image.Rectangle {
	p, s := r.date.Position(), r.date.MinSize()
	return image.Rect(int(p.X), int(p.Y), int(math.Ceil(float64(p.X+s.Width))), int(math.Ceil(float64(p.Y+s.Height))))
}

// Close stops the map's workers.
func (r *frameRenderer) Close() { r.mapv.Close() }

// monthsRu are the Russian months in the genitive, as a date is written: "22 июня 1941".
var monthsRu = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

// longDate writes day in full in the language l: "22 June 1941", "22 июня 1941 г.".
func longDate(day timeline.Day, l string) string {
	t := day.Time()
	if strings.HasPrefix(l, "ru") {
		return fmt.Sprintf("%d %s %d г.", t.Day(), monthsRu[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
}

// frameJob draws the frames of one picture or clip from a background goroutine. Its renderer
// is made, painted and closed on Fyne's goroutine through call; the background goroutine only
// waits between those calls for the map to complete (frameRenderer.wait), and encodes. Fyne's
// caches of renderers and text sizes are not safe for use from two goroutines, and painting
// cleans them; the map's tiles and fronts are drawn by the session's own workers either way.
type frameJob struct {
	// call runs f on Fyne's goroutine and reports whether it ran before ctx was done.
	call   func(ctx context.Context, f func()) bool
	r      *frameRenderer
	closed bool // on Fyne's goroutine
}

// callHere runs f at once: for a goroutine that is Fyne's (the clip command).
func callHere(_ context.Context, f func()) bool {
	f()
	return true
}

// callOnUI runs f on the window's UI goroutine (postToUI) and waits for it, or for ctx.
func callOnUI(ctx context.Context, f func()) bool {
	done := make(chan struct{})
	postToUI(func() {
		f()
		close(done)
	})
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}

// open makes the renderer for spec.
func (j *frameJob) open(ctx context.Context, cat *timeline.Catalog, data *geo.MapData, spec frameSpec) bool {
	ran := j.call(ctx, func() {
		if !j.closed {
			j.r = newFrameRenderer(cat, data, spec)
		}
	})
	return ran && j.r != nil
}

// frame draws the frame of day, with the map of that day complete: tiles, fronts and the
// Axis-held area. It fails with ctx's error when ctx was done first.
func (j *frameJob) frame(ctx context.Context, day timeline.Day) (image.Image, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if j.r == nil {
		return nil, errors.New("no map to draw")
	}
	if !j.r.wait(day) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("the map of %s was not complete after %s", day.Date(), frameWait)
	}
	var img image.Image
	ran := j.call(ctx, func() {
		if !j.closed && j.r != nil {
			img = j.r.paint(day)
		}
	})
	if !ran || img == nil {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, errors.New("the frame was not painted")
	}
	return img, nil
}

// close stops the renderer's map, on Fyne's goroutine; a renderer made later is not made.
func (j *frameJob) close() {
	j.closed = true
	if j.r != nil {
		j.r.Close()
		j.r = nil
	}
}
