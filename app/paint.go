package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// postToUI runs a function on the UI goroutine: the map's redraws that background work asks
// for and playback's ticks go through it. Tests replace it with a loop of their own, since the
// test driver's fyne.Do runs the function on the calling goroutine.
var postToUI = fyne.Do

// The views move and recolour pooled canvas objects every frame. Refreshing an object makes the
// GL painter drop its texture (a text is rasterized again), so these helpers set an object's
// look and refresh it only when something changed; moving an object needs no refresh. The
// renderer then marks the canvas dirty once through a cheap object (its background).

// setText gives t its text and style, refreshing it only on a change.
func setText(t *canvas.Text, s string, size float32, style fyne.TextStyle, col color.Color) {
	if t.Text == s && t.TextSize == size && t.TextStyle == style && sameColor(t.Color, col) {
		return
	}
	t.Text, t.TextSize, t.TextStyle, t.Color = s, size, style, col
	t.Refresh()
}

// setRect gives o its colours, stroke and corner radius, refreshing it only on a change.
func setRect(o *canvas.Rectangle, fill, stroke color.Color, strokeWidth, radius float32) {
	if sameColor(o.FillColor, fill) && sameColor(o.StrokeColor, stroke) && o.StrokeWidth == strokeWidth && o.CornerRadius == radius {
		return
	}
	o.FillColor, o.StrokeColor, o.StrokeWidth, o.CornerRadius = fill, stroke, strokeWidth, radius
	o.Refresh()
}

// setCircle gives c its colours and stroke, refreshing it only on a change.
func setCircle(c *canvas.Circle, fill, stroke color.Color, strokeWidth float32) {
	if sameColor(c.FillColor, fill) && sameColor(c.StrokeColor, stroke) && c.StrokeWidth == strokeWidth {
		return
	}
	c.FillColor, c.StrokeColor, c.StrokeWidth = fill, stroke, strokeWidth
	c.Refresh()
}

// place moves and sizes an object (no refresh is needed for either).
func place(o fyne.CanvasObject, x, y, w, h float32) {
	if p := o.Position(); p.X != x || p.Y != y {
		o.Move(fyne.NewPos(x, y))
	}
	if s := o.Size(); s.Width != w || s.Height != h {
		o.Resize(fyne.NewSize(w, h))
	}
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// touchMin is the least size of a control a finger must hit (48 px at scale 1, as the product
// asks for exhibit touchscreens).
const touchMin = 48

// touchTarget wraps a control so that it is at least touchMin pixels high and wide (more with
// larger text: TouchSize).
func touchTarget(o fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: minSizeLayout{fyne.NewSize(touchMin, touchMin)}, Objects: []fyne.CanvasObject{o}}
}

// minSizeLayout stretches its objects over the container and asks for at least min.
type minSizeLayout struct{ min fyne.Size }

func (l minSizeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l minSizeLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := scaledTouch(l.min)
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// The views take their colours from their own theme (Theme() of the widget: a ThemeOverride's
// when they are inside one, else the app's), in the variant the settings ask for (a theme that
// forces its own variant ignores it).

// themeVariant returns the variant the app's settings ask for.
func themeVariant() fyne.ThemeVariant {
	if a := fyne.CurrentApp(); a != nil {
		return a.Settings().ThemeVariant()
	}
	return theme.VariantLight
}

// appBackground is the colour the window is cleared to: the app theme's background.
func appBackground() color.Color {
	if a := fyne.CurrentApp(); a != nil {
		return a.Settings().Theme().Color(theme.ColorNameBackground, themeVariant())
	}
	return theme.Color(theme.ColorNameBackground)
}

// isDark reports whether a theme draws light on dark: its background is darker than mid-grey.
// The map then takes its dark palette.
func isDark(th fyne.Theme) bool {
	r, g, b, _ := th.Color(theme.ColorNameBackground, themeVariant()).RGBA()
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xffff
}

// pool keeps canvas objects keyed by what they show, so that a thing drawn in two frames is
// drawn by the same object: moving it costs nothing, and its look is refreshed only when it
// changes. Objects not asked for in a frame are hidden and reused for new keys.
type pool[K comparable, O fyne.CanvasObject] struct {
	live  map[K]*pooled[O]
	spare []O
	all   []O // every object made, in the order made (the renderer's z-order within the pool)
	gen   uint32
	make  func() O
	// release, if set, lets go of what a hidden object shows (an image's pixels).
	release func(O)
	grew    bool // objects were made since the renderer last collected them
}

type pooled[O fyne.CanvasObject] struct {
	o   O
	gen uint32
}

func newPool[K comparable, O fyne.CanvasObject](make func() O) *pool[K, O] {
	return &pool[K, O]{live: map[K]*pooled[O]{}, make: make, gen: 1}
}

// get returns the object of key k for this frame, shown.
func (p *pool[K, O]) get(k K) O {
	e := p.live[k]
	if e == nil {
		e = &pooled[O]{}
		if n := len(p.spare); n > 0 {
			e.o = p.spare[n-1]
			p.spare = p.spare[:n-1]
		} else {
			e.o = p.make()
			p.all = append(p.all, e.o)
			p.grew = true
		}
		p.live[k] = e
	}
	e.gen = p.gen
	if !e.o.Visible() {
		e.o.Show()
	}
	return e.o
}

// done ends a frame: objects not asked for are hidden and kept for reuse.
func (p *pool[K, O]) done() {
	for k, e := range p.live {
		if e.gen != p.gen {
			e.o.Hide()
			if p.release != nil {
				p.release(e.o)
			}
			p.spare = append(p.spare, e.o)
			delete(p.live, k)
		}
	}
	p.gen++
}

// objects appends every object of the pool to objs.
func (p *pool[K, O]) objects(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, o := range p.all {
		objs = append(objs, o)
	}
	p.grew = false
	return objs
}
