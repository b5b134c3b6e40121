package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Caption sizes, as multiples of the theme's text size (which the text-size setting scales):
// in presenter mode the caption is read from the back of a hall (at 100 % text on a 1080p
// projector, 2.4 × 14 = 34 px, about the 1/32 of the screen's height that lecture rooms ask
// of slides); browsing a tour at a desk it is a little larger than body text.
const (
	captionPresentFactor = 2.4
	captionBrowseFactor  = 1.35
	// The caption shrinks, down to the body text size, rather than cover more than this
	// fraction of the map's height.
	captionMaxMapFraction = 0.55
)

// TourCard is what a tour shows over the map: the stop's caption, fading in at each stop, and a
// line with the tour's title, the stop's title, the discreet stop counter ("3 / 12") and the
// buttons to move (previous, next), to present and to close. In presenter mode the caption is
// large. Taps on the card do not reach the map under it.
type TourCard struct {
	widget.BaseWidget

	Caption  *captionText
	Info     *canvas.Text // tour and stop title
	Counter  *canvas.Text // "3 / 12", or the stop number being typed
	PrevB    *Button
	NextB    *Button
	PresentB *Button
	CloseB   *Button

	// InfoText is the tour's and the stop's title; Info shows as much of it as fits.
	InfoText string

	big     bool
	buttons *fyne.Container
	bg      *canvas.Rectangle
}

func newTourCard(prev, next, present, close func()) *TourCard {
	c := &TourCard{Caption: newCaptionText(), Info: canvas.NewText("", color.Black), Counter: canvas.NewText("", color.Black),
		bg: canvas.NewRectangle(color.Transparent)}
	c.PrevB = NewButton("", theme.NavigateBackIcon(), prev)
	c.NextB = NewButton("", theme.NavigateNextIcon(), next)
	c.PresentB = NewButton(lang.L("Present"), theme.MediaPlayIcon(), present)
	c.CloseB = NewButton("", theme.CancelIcon(), close)
	for _, b := range []*Button{c.PrevB, c.NextB, c.PresentB, c.CloseB} {
		b.Importance = widget.LowImportance
	}
	c.buttons = container.NewHBox(touchTarget(c.PrevB), touchTarget(c.NextB), touchTarget(c.PresentB), touchTarget(c.CloseB))
	c.ExtendBaseWidget(c)
	return c
}

// Tapped keeps taps on the card from the map under it.
func (c *TourCard) Tapped(*fyne.PointEvent) {}

// setBig switches between the presenter's large caption and the browsing size.
func (c *TourCard) setBig(big bool) {
	c.big = big
	if big {
		c.PresentB.Hide()
	} else {
		c.PresentB.Show()
	}
}

func (c *TourCard) pad() float32 { return theme.SizeForWidget(theme.SizeNamePadding, c) * 2 }

func (c *TourCard) infoSize() float32 {
	return theme.SizeForWidget(theme.SizeNameText, c) * 0.95
}

// captionSize is the caption's text size for a card w wide that may be maxH tall: the size of
// the mode, smaller when the caption would not fit, never below the body text.
func (c *TourCard) captionSize(w, maxH float32) float32 {
	text := theme.SizeForWidget(theme.SizeNameText, c)
	f := float32(captionBrowseFactor)
	if c.big {
		f = captionPresentFactor
	}
	size := text * f
	for size > text && c.heightAt(w, size) > maxH {
		size = fyne.Max(text, size*0.9)
	}
	return size
}

// rowHeight is the height of the line with the titles, the counter and the buttons.
func (c *TourCard) rowHeight() float32 { return c.buttons.MinSize().Height }

// heightAt is the card's height at width w with the caption at size.
func (c *TourCard) heightAt(w, size float32) float32 {
	p := c.pad()
	return p + c.Caption.heightFor(w-2*p, size) + c.rowHeight() + p
}

// CreateRenderer implements fyne.Widget.
func (c *TourCard) CreateRenderer() fyne.WidgetRenderer { return &tourCardRenderer{c: c} }

type tourCardRenderer struct{ c *TourCard }

func (r *tourCardRenderer) Layout(size fyne.Size) {
	c := r.c
	p := c.pad()
	c.bg.Resize(size)
	row := c.rowHeight()
	bw := c.buttons.MinSize().Width
	c.buttons.Move(fyne.NewPos(size.Width-p-bw, size.Height-p-row))
	c.buttons.Resize(fyne.NewSize(bw, row))
	cs := c.Counter.MinSize()
	c.Counter.Move(fyne.NewPos(size.Width-p-bw-p-cs.Width, size.Height-p-row+(row-cs.Height)/2))
	avail := fyne.Max(size.Width-4*p-bw-cs.Width, 0)
	c.Info.Text = ellipsize(c.InfoText, c.Info.TextSize, c.Info.TextStyle, avail)
	is := c.Info.MinSize()
	c.Info.Move(fyne.NewPos(p, size.Height-p-row+(row-is.Height)/2))
	c.Info.Resize(fyne.NewSize(avail, is.Height))
	c.Info.Refresh()
	c.Caption.Move(fyne.NewPos(p, p))
	c.Caption.Resize(fyne.NewSize(size.Width-2*p, size.Height-2*p-row))
}

func (r *tourCardRenderer) MinSize() fyne.Size {
	return fyne.NewSize(r.c.buttons.MinSize().Width+2*r.c.pad(), r.c.rowHeight()+2*r.c.pad())
}

func (r *tourCardRenderer) Refresh() {
	c := r.c
	bg := theme.ColorForWidget(theme.ColorNameBackground, c)
	rr, gg, bb, _ := bg.RGBA()
	c.bg.FillColor = color.NRGBA{uint8(rr >> 8), uint8(gg >> 8), uint8(bb >> 8), 0xf2}
	c.bg.StrokeColor = theme.ColorForWidget(theme.ColorNameInputBorder, c)
	c.bg.StrokeWidth = theme.SizeForWidget(theme.SizeNameInputBorder, c)
	c.bg.CornerRadius = theme.SizeForWidget(theme.SizeNameInputRadius, c)
	c.bg.Refresh()
	muted := theme.ColorForWidget(ColorNameMutedText, c)
	for _, t := range []*canvas.Text{c.Info, c.Counter} {
		t.Color = muted
		t.TextSize = c.infoSize()
		t.Refresh()
	}
	c.Caption.Refresh()
	r.Layout(c.Size())
}

func (r *tourCardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.bg, r.c.Caption, r.c.Info, r.c.Counter, r.c.buttons}
}

func (r *tourCardRenderer) Destroy() {}

// captionText is the caption: text wrapped at word boundaries to its width, at a size the card
// chooses, in the theme's foreground colour with an opacity that fades it in.
type captionText struct {
	widget.BaseWidget
	Text     string
	TextSize float32
	Alpha    float32 // 0 (invisible) to 1
}

func newCaptionText() *captionText {
	t := &captionText{Alpha: 1, TextSize: 28}
	t.ExtendBaseWidget(t)
	return t
}

// style is the caption's text style.
var captionStyle = fyne.TextStyle{Bold: true}

// wrapLines breaks text into lines no wider than w at size, at spaces; a word wider than w has a
// line of its own.
func wrapLines(text string, size, w float32) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if line != "" && fyne.MeasureText(try, size, captionStyle).Width > w {
				lines = append(lines, line)
				line = word
				continue
			}
			line = try
		}
		lines = append(lines, line)
	}
	return lines
}

// lineHeight is the distance between the caption's lines at size.
func lineHeight(size float32) float32 {
	return fyne.MeasureText("Ag", size, captionStyle).Height * 1.08
}

// heightFor is the height of the caption wrapped to w at size.
func (t *captionText) heightFor(w, size float32) float32 {
	if t.Text == "" {
		return 0
	}
	return float32(len(wrapLines(t.Text, size, w))) * lineHeight(size)
}

// Lines returns the caption's lines as drawn at its width.
func (t *captionText) Lines() []string { return wrapLines(t.Text, t.TextSize, t.Size().Width) }

func (t *captionText) CreateRenderer() fyne.WidgetRenderer { return &captionRenderer{t: t} }

type captionRenderer struct {
	t     *captionText
	lines []*canvas.Text
	objs  []fyne.CanvasObject
}

func (r *captionRenderer) Layout(fyne.Size) {
	lh := lineHeight(r.t.TextSize)
	for i, l := range r.lines {
		l.Move(fyne.NewPos(0, float32(i)*lh))
	}
}

func (r *captionRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (r *captionRenderer) Refresh() {
	t := r.t
	texts := wrapLines(t.Text, t.TextSize, t.Size().Width)
	if t.Text == "" {
		texts = nil
	}
	fg := theme.ColorForWidget(theme.ColorNameForeground, t)
	cr, cg, cb, ca := fg.RGBA()
	a := float32(ca>>8) * min(max(t.Alpha, 0), 1)
	col := color.NRGBA{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8), uint8(a)}
	for len(r.lines) < len(texts) {
		l := canvas.NewText("", col)
		l.TextStyle = captionStyle
		r.lines = append(r.lines, l)
	}
	r.lines = r.lines[:len(texts)]
	r.objs = r.objs[:0]
	for i, s := range texts {
		l := r.lines[i]
		l.Text, l.TextSize, l.Color = s, t.TextSize, col
		l.Refresh()
		r.objs = append(r.objs, l)
	}
	r.Layout(t.Size())
}

func (r *captionRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *captionRenderer) Destroy() {}

// ellipsize shortens text with "…" to fit w pixels at size; "" when not even "…" fits.
func ellipsize(text string, size float32, style fyne.TextStyle, w float32) string {
	if fyne.MeasureText(text, size, style).Width <= w {
		return text
	}
	r := []rune(text)
	lo, hi := 0, len(r) // the longest prefix that fits with "…", by bisection
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(r[:lo]), " —,") + "…"
}
