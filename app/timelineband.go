package app

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/software"
)

// The timeline band is painted into one image rather than drawn as a few hundred canvas
// objects. Fyne's GL painter repaints the whole window on every frame, and with a software GL
// (Mesa's llvmpipe: virtual machines, remote desktops) each object costs about 50 µs of CPU
// whatever its size, so the band's ~280 rectangles, circles and texts cost 15 ms on every frame
// of a map drag although the band did not change (docs/performance.md, "The real window"). As
// one image it costs one textured quad; it is painted again, and its texture uploaded once,
// only when what it shows changes.
//
// The renderer still lays the band out with pooled canvas objects (timelinerender.go), which
// are not put on the canvas: bandOps reads them in z-order and timelineBand paints them, with
// the same geometry as the GL painter's shaders (rounded rectangles and circles with a
// one-pixel soft edge, strokes inside the bounds) and text rasterized once per string by
// Fyne's own software text painter.

// bandOpKind says what a bandOp paints.
type bandOpKind uint8

const (
	bandRect bandOpKind = iota
	bandCircle
	bandText
)

// bandOp is one thing the band paints, in Fyne units (the band scales them to pixels).
type bandOp struct {
	kind         bandOpKind
	x, y, w, h   float32
	fill, stroke color.NRGBA
	strokeW      float32
	radius       float32
	text         bandTextKey
}

// bandTextKey identifies a rasterized text.
type bandTextKey struct {
	s     string
	size  float32
	style fyne.TextStyle
}

// timelineBand is the image the timeline's shapes and texts are painted into.
type timelineBand struct {
	obj   *canvas.Image
	img   *image.RGBA
	scale float32
	ops   []bandOp // what the image shows
	masks map[bandTextKey]*image.Alpha
	// painted counts the times the image was painted (for tests: an unchanged band is not).
	painted int
}

// maxBandMasks bounds the text cache: past it, the cache starts again.
const maxBandMasks = 4096

func newTimelineBand() *timelineBand {
	return &timelineBand{
		obj:   &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScalePixels},
		masks: map[bandTextKey]*image.Alpha{},
	}
}

// update paints ops into an image of size (Fyne units) at scale pixels per unit, unless the
// image already shows them, and refreshes the image object when it changed.
func (b *timelineBand) update(ops []bandOp, size fyne.Size, scale float32) {
	w, h := int(math.Ceil(float64(size.Width*scale))), int(math.Ceil(float64(size.Height*scale)))
	if w < 1 || h < 1 {
		return
	}
	place(b.obj, 0, 0, size.Width, size.Height)
	if b.img != nil && b.img.Rect.Dx() == w && b.img.Rect.Dy() == h && b.scale == scale && slices.Equal(ops, b.ops) {
		return
	}
	if scale != b.scale {
		clear(b.masks)
	}
	b.scale = scale
	b.ops = append(b.ops[:0], ops...)
	if b.img == nil || b.img.Rect.Dx() != w || b.img.Rect.Dy() != h {
		b.img = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(b.img.Pix)
	}
	for i := range b.ops {
		b.paint(&b.ops[i])
	}
	b.painted++
	b.obj.Image = b.img
	b.obj.Refresh()
}

func (b *timelineBand) paint(op *bandOp) {
	k := b.scale
	switch op.kind {
	case bandText:
		m := b.mask(op.text)
		if m == nil || op.fill.A == 0 {
			return
		}
		x, y := int(math.Round(float64(op.x*k))), int(math.Round(float64(op.y*k)))
		r := m.Rect.Add(image.Pt(x, y))
		draw.DrawMask(b.img, r, image.NewUniform(op.fill), image.Point{}, m, m.Rect.Min, draw.Over)
	case bandCircle:
		radius := min(op.w, op.h) / 2
		fillShape(b.img, op.x*k, op.y*k, op.w*k, op.h*k, radius*k, op.fill, op.stroke, op.strokeW*k)
	case bandRect:
		fillShape(b.img, op.x*k, op.y*k, op.w*k, op.h*k, op.radius*k, op.fill, op.stroke, op.strokeW*k)
	}
}

// mask returns the coverage of a text, rasterized by Fyne's software painter (the glyphs the
// GL painter would upload), from the cache.
func (b *timelineBand) mask(t bandTextKey) *image.Alpha {
	if m, ok := b.masks[t]; ok {
		return m
	}
	if len(b.masks) >= maxBandMasks {
		clear(b.masks)
	}
	m := rasterizeText(t, b.scale)
	b.masks[t] = m
	return m
}

// rasterizeText draws a text in white on a transparent canvas and keeps its alpha.
func rasterizeText(t bandTextKey, scale float32) *image.Alpha {
	if t.s == "" || t.s == " " {
		return nil
	}
	txt := canvas.NewText(t.s, color.White)
	txt.TextSize, txt.TextStyle = t.size, t.style
	ms := txt.MinSize()
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(scale)
	c.SetContent(txt)
	// A little room on the right for glyphs that overhang their advance (the GL painter pads
	// the text's quad the same way).
	c.Resize(fyne.NewSize(ms.Width+t.size/4+2, ms.Height))
	txt.Resize(ms)
	src := c.Capture()
	r := src.Bounds()
	m := image.NewAlpha(image.Rect(0, 0, r.Dx(), r.Dy()))
	if n, ok := src.(*image.NRGBA); ok {
		for y := 0; y < r.Dy(); y++ {
			row := n.Pix[y*n.Stride:]
			for x := 0; x < r.Dx(); x++ {
				m.Pix[y*m.Stride+x] = row[4*x+3]
			}
		}
	} else {
		for y := 0; y < r.Dy(); y++ {
			for x := 0; x < r.Dx(); x++ {
				_, _, _, a := src.At(r.Min.X+x, r.Min.Y+y).RGBA()
				m.Pix[y*m.Stride+x] = uint8(a >> 8)
			}
		}
	}
	return m
}

// fillShape paints a rectangle (x, y, w, h in pixels) with rounded corners of radius r over
// dst: fill inside, a stroke of width sw inside the bounds, and a soft edge one pixel wide
// where the corners are rounded, as Fyne's rectangle shaders do. A rectangle with square
// corners is filled on whole pixels, as the GL painter's plain rectangle program does.
func fillShape(dst *image.RGBA, x, y, w, h, r float32, fill, stroke color.NRGBA, sw float32) {
	if w <= 0 || h <= 0 || (fill.A == 0 && (stroke.A == 0 || sw <= 0)) {
		return
	}
	if sw <= 0 {
		stroke.A = 0
	}
	if r <= 0 {
		x0, y0 := int(math.Round(float64(x))), int(math.Round(float64(y)))
		x1, y1 := int(math.Round(float64(x+w))), int(math.Round(float64(y+h)))
		outer := irect(x0, y0, x1, y1).Intersect(dst.Rect)
		if stroke.A == 0 {
			if fill.A != 0 {
				draw.Draw(dst, outer, image.NewUniform(fill), image.Point{}, draw.Over)
			}
			return
		}
		s := int(math.Round(float64(sw)))
		inner := irect(x0+s, y0+s, x1-s, y1-s)
		if fill.A != 0 {
			draw.Draw(dst, inner.Intersect(dst.Rect), image.NewUniform(fill), image.Point{}, draw.Over)
		}
		su := image.NewUniform(stroke)
		for _, band := range []image.Rectangle{
			irect(x0, y0, x1, y0+s), irect(x0, y1-s, x1, y1),
			irect(x0, y0+s, x0+s, y1-s), irect(x1-s, y0+s, x1, y1-s),
		} {
			draw.Draw(dst, band.Intersect(outer), su, image.Point{}, draw.Over)
		}
		return
	}
	r = min(r, w/2, h/2)
	// The interior, away from the edges and their stroke, is filled with whole spans.
	edge := max(r, sw) + 1
	inner := irect(int(math.Ceil(float64(x+edge))), int(math.Ceil(float64(y+sw+1))),
		int(math.Floor(float64(x+w-edge))), int(math.Floor(float64(y+h-sw-1))))
	inner2 := irect(int(math.Ceil(float64(x+sw+1))), int(math.Ceil(float64(y+edge))),
		int(math.Floor(float64(x+w-sw-1))), int(math.Floor(float64(y+h-edge))))
	// Two overlapping rectangles (wide and short, narrow and tall) without their overlap twice.
	var spans []image.Rectangle
	if fill.A != 0 {
		switch {
		case !inner.Empty() && !inner2.Empty():
			spans = append(spans, inner,
				irect(inner2.Min.X, inner2.Min.Y, min(inner.Min.X, inner2.Max.X), inner2.Max.Y),
				irect(max(inner.Max.X, inner2.Min.X), inner2.Min.Y, inner2.Max.X, inner2.Max.Y))
		case !inner.Empty():
			spans = append(spans, inner)
		case !inner2.Empty():
			spans = append(spans, inner2)
		}
		fu := image.NewUniform(fill)
		for _, sp := range spans {
			if p := sp.Intersect(dst.Rect); !p.Empty() {
				draw.Draw(dst, p, fu, image.Point{}, draw.Over)
			}
		}
	}
	filled := func(px, py int) bool {
		p := image.Pt(px, py)
		for _, sp := range spans {
			if p.In(sp) {
				return true
			}
		}
		return false
	}
	cx, cy := x+w/2, y+h/2
	hx, hy := w/2, h/2
	bx0, by0 := max(int(math.Floor(float64(x))), dst.Rect.Min.X), max(int(math.Floor(float64(y))), dst.Rect.Min.Y)
	bx1, by1 := min(int(math.Ceil(float64(x+w))), dst.Rect.Max.X), min(int(math.Ceil(float64(y+h))), dst.Rect.Max.Y)
	for py := by0; py < by1; py++ {
		for px := bx0; px < bx1; px++ {
			if filled(px, py) {
				continue
			}
			// Signed distance from the pixel's centre to the rounded rectangle's edge.
			qx := float32(math.Abs(float64(float32(px)+0.5-cx))) - hx + r
			qy := float32(math.Abs(float64(float32(py)+0.5-cy))) - hy + r
			d := float32(math.Hypot(float64(max(qx, 0)), float64(max(qy, 0)))) + min(max(qx, qy), 0) - r
			outer := clamp01(0.5 - d)
			if outer <= 0 {
				continue
			}
			innerCov := float32(0)
			if stroke.A != 0 {
				innerCov = clamp01(0.5 - (d + sw))
			} else {
				innerCov = outer
			}
			blendOver(dst, px, py, fill, innerCov, stroke, outer-innerCov)
		}
	}
}

func clamp01(v float32) float32 { return max(0, min(1, v)) }

// blendOver paints fill with coverage cf and stroke with coverage cs over the pixel.
func blendOver(dst *image.RGBA, px, py int, fill color.NRGBA, cf float32, stroke color.NRGBA, cs float32) {
	fa := float32(fill.A) / 255 * cf
	sa := float32(stroke.A) / 255 * cs
	a := fa + sa
	if a <= 0 {
		return
	}
	// Premultiplied source colour of the pixel.
	r := float32(fill.R)*fa + float32(stroke.R)*sa
	g := float32(fill.G)*fa + float32(stroke.G)*sa
	bl := float32(fill.B)*fa + float32(stroke.B)*sa
	a = min(a, 1)
	i := dst.PixOffset(px, py)
	p := dst.Pix[i : i+4 : i+4]
	keep := 1 - a
	p[0] = uint8(min(255, r+float32(p[0])*keep+0.5))
	p[1] = uint8(min(255, g+float32(p[1])*keep+0.5))
	p[2] = uint8(min(255, bl+float32(p[2])*keep+0.5))
	p[3] = uint8(min(255, a*255+float32(p[3])*keep+0.5))
}

// nrgba converts any colour to non-premultiplied RGBA (nil is transparent).
func nrgba(c color.Color) color.NRGBA {
	if c == nil {
		return color.NRGBA{}
	}
	if n, ok := c.(color.NRGBA); ok {
		return n
	}
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// irect is image.Rect without its swapping of reversed coordinates: a rectangle whose far
// edge is before its near edge is empty.
func irect(x0, y0, x1, y1 int) image.Rectangle {
	return image.Rectangle{image.Pt(x0, y0), image.Pt(x1, y1)}
}
