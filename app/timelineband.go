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
	// obj asks for the image only when a painter draws it (after a change, or a texture
	// dropped): a band that is not on screen, or a test that does not capture, paints nothing.
	obj   *canvas.Raster
	img   *image.RGBA
	scale float32
	size  fyne.Size
	ops   []bandOp // what the image shows, or will show when next asked for
	dirty bool     // ops changed since the image was painted
	masks map[bandTextKey]*image.Alpha
	// sprites are small rounded shapes as painted, by look: the band has dozens of equal
	// cluster pills and marks, painted once each.
	sprites map[spriteKey]*image.RGBA
	// changes counts the refreshes a change asked for, painted the paintings (for tests: an
	// unchanged band is neither refreshed nor painted).
	changes, painted int
}

// maxBandMasks bounds the text cache: past it, the cache starts again.
const maxBandMasks = 4096

func newTimelineBand() *timelineBand {
	b := &timelineBand{
		masks:   map[bandTextKey]*image.Alpha{},
		sprites: map[spriteKey]*image.RGBA{},
	}
	b.obj = canvas.NewRaster(b.generate)
	b.obj.ScaleMode = canvas.ImageScalePixels
	return b
}

// update makes ops what the band shows at size (Fyne units), placed at pos: the image object
// is moved, and refreshed (and so painted again when next drawn) only when they changed.
func (b *timelineBand) update(ops []bandOp, pos fyne.Position, size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	place(b.obj, pos.X, pos.Y, size.Width, size.Height)
	if b.size == size && slices.Equal(ops, b.ops) {
		return
	}
	b.size = size
	b.ops = append(b.ops[:0], ops...)
	b.dirty = true
	b.changes++
	b.obj.Refresh()
}

// generate returns the band's image at w×h pixels, painting it if what it shows changed.
func (b *timelineBand) generate(w, h int) image.Image {
	if w < 1 || h < 1 || b.size.Width <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	if !b.dirty && b.img != nil && b.img.Rect.Dx() == w && b.img.Rect.Dy() == h {
		return b.img
	}
	scale := float32(w) / b.size.Width
	if scale != b.scale {
		clear(b.masks)
		clear(b.sprites)
	}
	b.scale = scale
	if b.img == nil || b.img.Rect.Dx() != w || b.img.Rect.Dy() != h {
		// The band is the view at rest and a wider strip while it scrolls: one buffer serves
		// both (the painter copies the image into its texture).
		var pix []uint8
		if n := 4 * w * h; b.img != nil && cap(b.img.Pix) >= n {
			pix = b.img.Pix[:n]
		} else {
			pix = make([]uint8, n)
		}
		b.img = &image.RGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	}
	clear(b.img.Pix)
	for i := range b.ops {
		b.paint(&b.ops[i])
	}
	b.painted++
	b.dirty = false
	return b.img
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
		b.shape(op, min(op.w, op.h)/2)
	case bandRect:
		b.shape(op, op.radius)
	}
}

// spriteKey is the look of a small rounded shape, in whole pixels.
type spriteKey struct {
	w, h         int
	r, sw        float32
	fill, stroke color.NRGBA
}

// maxSpritePixels is the largest shape kept as a sprite; larger ones (bars) are painted in place.
const maxSpritePixels = 48 * 24

// shape paints a rectangle, rounded with radius r, or a circle. Like the GL painter, it puts
// shapes on whole pixels, so equal small shapes are equal sprites.
func (b *timelineBand) shape(op *bandOp, r float32) {
	k := b.scale
	x0, y0 := int(math.Round(float64(op.x*k))), int(math.Round(float64(op.y*k)))
	w, h := int(math.Round(float64((op.x+op.w)*k)))-x0, int(math.Round(float64((op.y+op.h)*k)))-y0
	if w <= 0 || h <= 0 {
		return
	}
	if r <= 0 || w*h > maxSpritePixels {
		fillShape(b.img, float32(x0), float32(y0), float32(w), float32(h), r*k, op.fill, op.stroke, op.strokeW*k)
		return
	}
	key := spriteKey{w, h, r * k, op.strokeW * k, op.fill, op.stroke}
	sp := b.sprites[key]
	if sp == nil {
		if len(b.sprites) >= maxBandMasks {
			clear(b.sprites)
		}
		sp = image.NewRGBA(image.Rect(0, 0, w, h))
		fillShape(sp, 0, 0, float32(w), float32(h), key.r, op.fill, op.stroke, key.sw)
		b.sprites[key] = sp
	}
	draw.Draw(b.img, irect(x0, y0, x0+w, y0+h), sp, image.Point{}, draw.Over)
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
			fillRect(dst, outer, fill)
			return
		}
		s := int(math.Round(float64(sw)))
		inner := irect(x0+s, y0+s, x1-s, y1-s)
		fillRect(dst, inner.Intersect(dst.Rect), fill)
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
		for _, sp := range spans {
			fillRect(dst, sp.Intersect(dst.Rect), fill)
		}
	}
	cx, cy := x+w/2, y+h/2
	hx, hy := w/2, h/2
	bx0, by0 := max(int(math.Floor(float64(x))), dst.Rect.Min.X), max(int(math.Floor(float64(y))), dst.Rect.Min.Y)
	bx1, by1 := min(int(math.Ceil(float64(x+w))), dst.Rect.Max.X), min(int(math.Ceil(float64(y+h))), dst.Rect.Max.Y)
	edgePixel := func(px, py int) {
		// Signed distance from the pixel's centre to the rounded rectangle's edge.
		qx := float32(math.Abs(float64(float32(px)+0.5-cx))) - hx + r
		qy := float32(math.Abs(float64(float32(py)+0.5-cy))) - hy + r
		mx, my := float64(max(qx, 0)), float64(max(qy, 0))
		d := float32(math.Sqrt(mx*mx+my*my)) + min(max(qx, qy), 0) - r
		outer := clamp01(0.5 - d)
		if outer <= 0 {
			return
		}
		innerCov := outer
		if stroke.A != 0 {
			innerCov = clamp01(0.5 - (d + sw))
		}
		blendOver(dst, px, py, fill, innerCov, stroke, outer-innerCov)
	}
	for py := by0; py < by1; py++ {
		// The spans filled above cover one interval of this row (they lie side by side).
		c0, c1 := bx1, bx1
		covered := false
		for _, sp := range spans {
			if py < sp.Min.Y || py >= sp.Max.Y || sp.Empty() {
				continue
			}
			if !covered {
				c0, c1, covered = sp.Min.X, sp.Max.X, true
			} else {
				c0, c1 = min(c0, sp.Min.X), max(c1, sp.Max.X)
			}
		}
		// Away from the rounded ends, where the nearer edge is the top or bottom, the distance
		// and so the colour are the same along the row: those pixels are painted as one span
		// (only the stroke-less case, the bars and pills of the band).
		s0, s1 := bx1, bx1
		if stroke.A == 0 {
			qy := float32(math.Abs(float64(float32(py)+0.5-cy))) - hy + r
			t := min(qy, 0)
			half := hx - r + t // |px+0.5-cx| ≤ half: qx ≤ t
			s0 = max(int(math.Ceil(float64(cx-half-0.5))), bx0)
			s1 = min(int(math.Floor(float64(cx+half-0.5)))+1, bx1)
			if s0 < s1 {
				d := max(qy, 0) + min(qy, 0) - r
				if cov := clamp01(0.5 - d); cov > 0 {
					for _, part := range [2][2]int{{s0, min(s1, c0)}, {max(s0, c1), s1}} {
						blendRect(dst, irect(part[0], py, part[1], py+1), fill, cov)
					}
				}
			} else {
				s0, s1 = bx1, bx1
			}
		}
		for px := bx0; px < min(c0, bx1); px++ {
			if px < s0 || px >= s1 {
				edgePixel(px, py)
			}
		}
		for px := max(c1, bx0); px < bx1; px++ {
			if px < s0 || px >= s1 {
				edgePixel(px, py)
			}
		}
	}
}

// fillRect paints a colour over r (within dst): an opaque one is copied, a translucent one
// blended.
func fillRect(dst *image.RGBA, r image.Rectangle, c color.NRGBA) {
	if c.A == 0 || r.Empty() {
		return
	}
	if c.A == 255 {
		draw.Draw(dst, r, image.NewUniform(c), image.Point{}, draw.Src)
		return
	}
	blendRect(dst, r, c, 1)
}

// blendRect paints c with coverage cov over r (within dst), in premultiplied integer
// arithmetic (image/draw's general path is several times slower for a uniform colour).
func blendRect(dst *image.RGBA, r image.Rectangle, c color.NRGBA, cov float32) {
	r = r.Intersect(dst.Rect)
	a := uint32(float32(c.A)*cov + 0.5)
	if r.Empty() || a == 0 {
		return
	}
	sr, sg, sb := (uint32(c.R)*a+127)/255, (uint32(c.G)*a+127)/255, (uint32(c.B)*a+127)/255
	inv := 255 - a
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := dst.Pix[dst.PixOffset(r.Min.X, y):dst.PixOffset(r.Max.X, y)]
		for i := 0; i+3 < len(row); i += 4 {
			p := row[i : i+4 : i+4]
			if p[3] == 0 { // nothing painted here yet (the lanes' shading, most of the band)
				p[0], p[1], p[2], p[3] = uint8(sr), uint8(sg), uint8(sb), uint8(a)
				continue
			}
			p[0] = uint8(sr + div255(uint32(p[0])*inv))
			p[1] = uint8(sg + div255(uint32(p[1])*inv))
			p[2] = uint8(sb + div255(uint32(p[2])*inv))
			p[3] = uint8(a + div255(uint32(p[3])*inv))
		}
	}
}

// div255 is x/255 rounded, for x up to 255×255.
func div255(x uint32) uint32 { x += 128; return (x + x>>8) >> 8 }

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
