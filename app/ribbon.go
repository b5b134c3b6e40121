package app

import (
	"image/color"
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// Ribbon draws a medal ribbon bar as vector art from its stripe specification: one rectangle
// per stripe, sized in proportion to its millimetres, so it is crisp at any size. The bar keeps
// the 24 × 8 mm proportion of a Soviet ribbon bar.
type Ribbon struct {
	widget.BaseWidget
	Spec  timeline.Ribbon
	Width float32 // preferred width in pixels
}

// NewRibbon makes a ribbon bar of the given preferred width in pixels.
func NewRibbon(spec timeline.Ribbon, width float32) *Ribbon {
	r := &Ribbon{Spec: spec, Width: width}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *Ribbon) CreateRenderer() fyne.WidgetRenderer {
	rr := &ribbonRenderer{r: r, border: canvas.NewRectangle(color.Transparent)}
	rr.border.StrokeWidth = 1
	rr.rebuild()
	return rr
}

type ribbonRenderer struct {
	r       *Ribbon
	stripes []*canvas.Rectangle
	border  *canvas.Rectangle
	objs    []fyne.CanvasObject
}

func (rr *ribbonRenderer) rebuild() {
	spec := rr.r.Spec.Stripes
	for len(rr.stripes) < len(spec) {
		rr.stripes = append(rr.stripes, canvas.NewRectangle(color.Black))
	}
	rr.stripes = rr.stripes[:len(spec)]
	rr.objs = rr.objs[:0]
	for i, s := range spec {
		rr.stripes[i].FillColor = ParseHexColor(s.Color)
		rr.objs = append(rr.objs, rr.stripes[i])
	}
	rr.border.StrokeColor = theme.ColorForWidget(theme.ColorNameShadow, rr.r)
	rr.objs = append(rr.objs, rr.border)
}

func (rr *ribbonRenderer) Layout(size fyne.Size) {
	total := rr.r.Spec.WidthMM
	if total <= 0 {
		for _, s := range rr.r.Spec.Stripes {
			total += s.MM
		}
	}
	if total <= 0 {
		return
	}
	h := size.Width / 3
	if h > size.Height {
		h = size.Height
	}
	x := float32(0)
	for i, s := range rr.r.Spec.Stripes {
		w := float32(s.MM/total) * size.Width
		rr.stripes[i].Move(fyne.NewPos(x, 0))
		rr.stripes[i].Resize(fyne.NewSize(w+0.5, h)) // overlap half a pixel: no hairline gaps
		x += w
	}
	rr.border.Move(fyne.NewPos(0, 0))
	rr.border.Resize(fyne.NewSize(size.Width, h))
}

func (rr *ribbonRenderer) MinSize() fyne.Size {
	w := rr.r.Width
	if w <= 0 {
		w = 72
	}
	return fyne.NewSize(w, w/3)
}

func (rr *ribbonRenderer) Refresh() {
	rr.rebuild()
	rr.Layout(rr.r.Size())
	canvas.Refresh(rr.r)
}

func (rr *ribbonRenderer) Objects() []fyne.CanvasObject { return rr.objs }
func (rr *ribbonRenderer) Destroy()                     {}

// ParseHexColor reads "#rrggbb" (or "#rgb"); anything else gives mid grey, which validation
// prevents in a checked pack.
func ParseHexColor(s string) color.NRGBA {
	s = strings.TrimPrefix(s, "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if len(s) != 6 || err != nil {
		return color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// NewMonogram draws a person's initials in a circle, shown where the pack has no portrait. Its
// colours come from the theme of the part of the window it is in (the presenter's dark panel,
// a high-contrast theme) and follow a change of theme.
func NewMonogram(name string) fyne.CanvasObject {
	m := &monogram{initials: Initials(name)}
	m.ExtendBaseWidget(m)
	return m
}

// monogramSize is the side of a monogram: a portrait's.
const monogramSize = 64

// monogram is the widget NewMonogram returns.
type monogram struct {
	widget.BaseWidget
	initials string
}

func (m *monogram) CreateRenderer() fyne.WidgetRenderer {
	r := &monogramRenderer{m: m, circle: canvas.NewCircle(color.Transparent), text: canvas.NewText(m.initials, color.Black)}
	r.text.TextSize = 24
	r.text.TextStyle.Bold = true
	r.text.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type monogramRenderer struct {
	m      *monogram
	circle *canvas.Circle
	text   *canvas.Text
}

func (r *monogramRenderer) Layout(size fyne.Size) {
	side := fyne.NewSize(monogramSize, monogramSize)
	for _, o := range []fyne.CanvasObject{r.circle, r.text} {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(side)
	}
}

func (r *monogramRenderer) MinSize() fyne.Size { return fyne.NewSize(monogramSize, monogramSize) }

func (r *monogramRenderer) Refresh() {
	r.circle.FillColor = theme.ColorForWidget(theme.ColorNamePrimary, r.m)
	r.text.Color = theme.ColorForWidget(theme.ColorNameForegroundOnPrimary, r.m)
	r.text.Text = r.m.initials
	r.Layout(r.m.Size())
	r.circle.Refresh()
	r.text.Refresh()
}

func (r *monogramRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.circle, r.text}
}

func (r *monogramRenderer) Destroy() {}

// Initials returns up to two initials of a name: "Georgy Zhukov" → "GZ", "Kim Il-sung" → "KI".
func Initials(name string) string {
	var out []rune
	for _, w := range strings.Fields(name) {
		for _, r := range w {
			if unicode.IsLetter(r) {
				out = append(out, unicode.ToUpper(r))
				break
			}
		}
	}
	if len(out) > 2 {
		out = []rune{out[0], out[len(out)-1]}
	}
	return string(out)
}

// fixedSize stacks its objects in a box of a fixed size at the leading edge.
type fixedSize struct {
	widget.BaseWidget
	size fyne.Size
	objs []fyne.CanvasObject
}

func (f *fixedSize) CreateRenderer() fyne.WidgetRenderer {
	return &fixedRenderer{f: f}
}

type fixedRenderer struct{ f *fixedSize }

func (r *fixedRenderer) Layout(fyne.Size) {
	for _, o := range r.f.objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(r.f.size)
	}
}
func (r *fixedRenderer) MinSize() fyne.Size           { return r.f.size }
func (r *fixedRenderer) Refresh()                     { r.Layout(r.f.size) }
func (r *fixedRenderer) Objects() []fyne.CanvasObject { return r.f.objs }
func (r *fixedRenderer) Destroy()                     {}
