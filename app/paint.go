package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

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
