package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/timeline"
)

// While the band is dragged, or glides on after a drag, every frame scrolls it by a few pixels.
// Painting the band's image again and uploading it as a texture on each of those frames costs
// about 2 ms of Go and a 2 MB texture upload at 1080p (docs/performance.md, "The real window").
// Instead the band lays out and paints a strip wider than the view once, half a view on each
// side (the whole period when that is less), and moves it as a plain image offset; the strip is
// laid out and painted again only when the view leaves it or the zoom changes. The lane names
// and the label pinned at the left (the year or month in view) do not scroll: they are painted
// into a second, small image over the strip. When the drag and its glide end, the band is laid
// out for the view again, as it is at rest (labels of long bars come back into view).

// stripMargin is how far the strip reaches beyond each side of the view, in views.
const stripMargin = 0.5

// stripMaxPixels bounds the strip's width in pixels, under the texture size every GL driver
// takes (8192).
const stripMaxPixels = 8000

// bandStrip is the layout of the strip the renderer paints while the band scrolls.
type bandStrip struct {
	on     bool           // the band is scrolling: the renderer draws the strip
	scale  timeline.Scale // the strip's scale: the view's zoom, wider
	placed []timeline.Placed
	ticks  []timeline.Tick
	maker  *timeline.TickMaker
	lay    *timeline.Layout // the layout the strip was arranged from (a filter change makes a new one)
	view   float64          // the view width it was made for
	tick   float32          // the tick text size it was measured at
	laid   int              // times the strip was laid out (tests)
}

// scrolling says whether the band is being dragged or glides on after a drag.
func (t *TimelineView) scrolling() bool {
	return t.dragMode == 1 || (t.inertia != nil && t.gliding)
}

// arrangeStrip lays out the strip while the band scrolls, when the view has left the one it
// has (or the zoom, the size or the content changed); at rest it drops it.
func (t *TimelineView) arrangeStrip() {
	s := &t.strip
	if !t.scrolling() || len(t.lanes) == 0 || nrgba(t.Theme().Color(theme.ColorNameBackground, themeVariant())).A != 255 {
		// Nothing to scroll, or a background the strip would show through: draw the view.
		s.on = false
		return
	}
	v := t.scale
	eps := 1e-6 / v.PxPerDay()
	if s.on && s.lay == t.lay && s.view == v.Width() && s.tick == t.tickSize &&
		math.Abs(s.scale.PxPerDay()-v.PxPerDay()) <= 1e-9*v.PxPerDay() &&
		v.Start() >= s.scale.Start()-eps && v.End() <= s.scale.End()+eps {
		return
	}
	s.scale = stripScale(v, stripMargin*v.Width(), stripMaxPixels/float64(t.canvasScale()))
	if s.maker == nil || s.tick != t.tickSize {
		s.maker = t.newTicks()
	}
	s.placed = append(s.placed[:0], t.lay.Arrange(s.scale)...)
	s.ticks = append(s.ticks[:0], s.maker.Ticks(s.scale)...)
	s.lay, s.view, s.tick, s.on = t.lay, v.Width(), t.tickSize, true
	s.laid++
}

// stripScale returns a scale at the zoom of view reaching margin beyond each side of it,
// within the period and at most maxWidth wide (all in Fyne units).
func stripScale(view timeline.Scale, margin, maxWidth float64) timeline.Scale {
	ppd := view.PxPerDay()
	period := float64(timeline.PeriodEnd+1-timeline.PeriodStart) * ppd
	margin = math.Max(0, math.Min(margin, (maxWidth-view.Width())/2))
	w := math.Max(math.Min(view.Width()+2*margin, period), view.Width())
	s := timeline.NewScale(w)
	s.ZoomAbout(ppd/s.PxPerDay(), 0)
	s.Pan((s.Start() - (view.Start() - margin/ppd)) * ppd)
	return s
}

// canvasScale returns the scale of the canvas the band is on (pixels per Fyne unit), 1 if none.
func (t *TimelineView) canvasScale() float32 {
	c := t.canvas
	if c == nil && fyne.CurrentApp() != nil {
		c = fyne.CurrentApp().Driver().CanvasForObject(t)
	}
	if c == nil || c.Scale() <= 0 {
		return 1
	}
	return c.Scale()
}

// glideBand glides the band on after a drag, as fling.glide does, and lays the band out for
// the view again when the glide ends.
func (t *TimelineView) glideBand() *fyne.Animation {
	vx, _ := t.fling.velocity()
	t.fling.reset()
	if vx == 0 {
		return nil
	}
	prev := 0.0
	t.gliding = true
	a := fyne.NewAnimation(time.Duration(flingTime*float64(time.Second)), func(p float32) {
		s := float64(p) - float64(p)*float64(p)/2 // a speed falling linearly to zero
		step := s - prev
		prev = s
		t.scale.Pan(vx * flingTime * step)
		if p >= 1 {
			t.gliding = false
		}
		t.Refresh()
	})
	a.Curve = fyne.AnimationLinear
	a.Start()
	return a
}
