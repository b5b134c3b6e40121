package app

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// AttractLayer is what the attract loop lays over the whole window: the stop's title and
// caption in large type in a panel over the map, and "Touch to explore". It takes every input
// while shown, so the first touch only hands the screen over (onTouch) and does not also open
// whatever lay under the finger.
type AttractLayer struct {
	widget.BaseWidget
	Title, Caption string // what the panel shows (the stop's, in the interface language)
	Counter        string // "Tour title · 3 / 12"
	onTouch        func()
	// MapPos and MapSize are the map's place in the layer, where the panel is centred (the
	// kiosk sets them before each show); a zero size centres it in the layer.
	MapPos  fyne.Position
	MapSize fyne.Size
}

func newAttractLayer(onTouch func()) *AttractLayer {
	a := &AttractLayer{onTouch: onTouch}
	a.ExtendBaseWidget(a)
	a.Hide()
	return a
}

// setTexts sets the panel's texts for stop st in language l (the layer is refreshed by show).
func (a *AttractLayer) setTexts(st timeline.StopState, tourTitle, l string) {
	a.Title, a.Caption = st.Title.In(l), st.Caption.In(l)
	a.Counter = tourTitle
	if st.Count > 0 {
		a.Counter += " · " + strconv.Itoa(st.Number()) + " / " + strconv.Itoa(st.Count)
	}
}

// show shows the panel with the texts for stop st in language l.
func (a *AttractLayer) show(st timeline.StopState, tourTitle, l string) {
	a.setTexts(st, tourTitle, l)
	a.Show()
	a.Refresh()
}

// Tapped hands the screen over.
func (a *AttractLayer) Tapped(*fyne.PointEvent) { a.touched() }

// Dragged hands the screen over at the drag's first move; the rest of the drag is ignored.
func (a *AttractLayer) Dragged(*fyne.DragEvent) { a.touched() }

// DragEnd implements fyne.Draggable.
func (a *AttractLayer) DragEnd() {}

// Scrolled hands the screen over.
func (a *AttractLayer) Scrolled(*fyne.ScrollEvent) { a.touched() }

// MouseIn, MouseMoved and MouseOut take the pointer's moves while the layer is shown, so that
// a pointer resting on the screen does not end the loop (desktop.Hoverable).
func (a *AttractLayer) MouseIn(*desktop.MouseEvent)    {}
func (a *AttractLayer) MouseMoved(*desktop.MouseEvent) {}
func (a *AttractLayer) MouseOut()                      {}

func (a *AttractLayer) touched() {
	if a.Visible() && a.onTouch != nil {
		a.onTouch()
	}
}

// CreateRenderer implements fyne.Widget.
func (a *AttractLayer) CreateRenderer() fyne.WidgetRenderer {
	r := &attractRenderer{a: a, panel: canvas.NewRectangle(color.Transparent), pill: canvas.NewRectangle(color.Transparent),
		counter: canvas.NewText("", color.Black), pillText: canvas.NewText("", color.White)}
	r.title = widget.NewRichText()
	r.caption = widget.NewRichText()
	r.Refresh()
	return r
}

type attractRenderer struct {
	a              *AttractLayer
	panel, pill    *canvas.Rectangle
	title, caption *widget.RichText
	counter        *canvas.Text
	pillText       *canvas.Text
}

// attractPad is the panel's inner margin.
const attractPad = 24

// attractGeom is where the panel goes in a layer: its left, top, width and height, and the
// height of its title and caption at the panel's inner width.
type attractGeom struct{ x, y, w, h, th, ch float32 }

// geometry places the panel in a layer of size for texts measured by title and caption (laid
// out at the panel's inner width here) and a counter and pill of sizes cs and ps. The panel is
// centred on the map, at most 1000 px wide (a line of the caption stays readable from a step
// back), 32 px above the map's bottom edge where that leaves the upper half of the map free. A
// map too short for that (a 720 px or smaller screen) would be hidden by the panel, so the
// panel then sits at the bottom of the layer, over the timeline, and covers as little of the
// map as the window allows. The renderer and the kiosk's framing of a stop (mapCover) use it
// alike.
func (a *AttractLayer) geometry(size fyne.Size, title, caption *widget.RichText, cs, ps fyne.Size) attractGeom {
	ap, as := fyne.Position{}, fyne.NewSize(size.Width, size.Height*0.6)
	if s := a.MapSize; s.Width > 200 && s.Height > 200 {
		ap, as = a.MapPos, s
	}
	g := attractGeom{w: min(as.Width-48, 1000)}
	g.x = ap.X + (as.Width-g.w)/2
	inner := g.w - 2*attractPad
	title.Resize(fyne.NewSize(inner, title.MinSize().Height))
	caption.Resize(fyne.NewSize(inner, caption.MinSize().Height))
	g.th, g.ch = title.MinSize().Height, caption.MinSize().Height
	g.h = attractPad + cs.Height + 4 + g.th + g.ch + 16 + ps.Height + 24 + attractPad
	g.y = ap.Y + as.Height - 32 - g.h
	if g.y < ap.Y+as.Height/2 {
		g.y = max(g.y, size.Height-16-g.h)
	}
	g.y = max(g.y, 8)
	return g
}

// mapCover is how much of the map's height, from its bottom edge, the panel hides in a layer
// of size once its texts are set (show or setTexts), measured as the renderer lays them out.
func (a *AttractLayer) mapCover(size fyne.Size) float32 {
	title, caption, counter, pill := widget.NewRichText(), widget.NewRichText(), canvas.NewText("", color.Black), canvas.NewText("", color.Black)
	a.styleTexts(a.Theme(), title, caption, counter, pill)
	g := a.geometry(size, title, caption, counter.MinSize(), pill.MinSize())
	return max(0, a.MapPos.Y+a.MapSize.Height-g.y)
}

// styleTexts gives the panel's texts their words, sizes and colours in theme th.
func (a *AttractLayer) styleTexts(th fyne.Theme, title, caption *widget.RichText, counter, pill *canvas.Text) {
	v := themeVariant()
	size := th.Size(theme.SizeNameText)
	setText(counter, a.Counter, size*1.1, fyne.TextStyle{}, th.Color(ColorNameMutedText, v))
	setText(pill, lang.L("Touch to explore"), size*2, fyne.TextStyle{Bold: true}, th.Color(theme.ColorNameForegroundOnPrimary, v))
	title.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: a.Title,
		Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}}}
	title.Wrapping = fyne.TextWrapWord
	title.Refresh()
	caption.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: a.Caption,
		Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}}}
	caption.Wrapping = fyne.TextWrapWord
	caption.Refresh()
}

func (r *attractRenderer) Layout(size fyne.Size) {
	cs, ps := r.counter.MinSize(), r.pillText.MinSize()
	g := r.a.geometry(size, r.title, r.caption, cs, ps)
	inner := g.w - 2*attractPad
	place(r.panel, g.x, g.y, g.w, g.h)
	cy := g.y + attractPad
	place(r.counter, g.x+attractPad, cy, cs.Width, cs.Height)
	cy += cs.Height + 4
	place(r.title, g.x+attractPad, cy, inner, g.th)
	cy += g.th
	place(r.caption, g.x+attractPad, cy, inner, g.ch)
	cy += g.ch + 16
	pw := ps.Width + 48
	pillH := ps.Height + 24
	place(r.pill, g.x+(g.w-pw)/2, cy, pw, pillH)
	place(r.pillText, g.x+(g.w-ps.Width)/2, cy+12, ps.Width, ps.Height)
}

func (r *attractRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *attractRenderer) Refresh() {
	th := r.a.Theme()
	v := themeVariant()
	bg := th.Color(theme.ColorNameOverlayBackground, v)
	if c, ok := bg.(color.NRGBA); ok {
		c.A = 0xee
		bg = c
	} else {
		rr, g, b, _ := bg.RGBA()
		bg = color.NRGBA{uint8(rr >> 8), uint8(g >> 8), uint8(b >> 8), 0xee}
	}
	setRect(r.panel, bg, th.Color(theme.ColorNameShadow, v), 1, 16)
	setRect(r.pill, th.Color(theme.ColorNamePrimary, v), nil, 0, 28)
	r.a.styleTexts(th, r.title, r.caption, r.counter, r.pillText)
	r.Layout(r.a.Size())
	canvas.Refresh(r.a)
}

func (r *attractRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.panel, r.counter, r.title, r.caption, r.pill, r.pillText}
}

func (r *attractRenderer) Destroy() {}

// touchArea is an invisible area that reports taps and presses: over the title it is the
// hidden long-press exit, over the search field it opens the on-screen keyboard, and laid over
// the whole window (below the attract layer) it notices the pointer moving.
type touchArea struct {
	widget.BaseWidget
	onTap        func()
	onDown, onUp func()
	onMove       func()
}

func newTouchArea() *touchArea {
	t := &touchArea{}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget: nothing is drawn.
func (t *touchArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// tapArea is a touchArea that takes taps and presses.
type tapArea struct{ touchArea }

func newTapArea(onTap, onDown, onUp func()) *tapArea {
	t := &tapArea{}
	t.onTap, t.onDown, t.onUp = onTap, onDown, onUp
	t.ExtendBaseWidget(t)
	return t
}

// Tapped implements fyne.Tappable.
func (t *tapArea) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// MouseDown implements desktop.Mouseable: a touch or a button goes down.
func (t *tapArea) MouseDown(*desktop.MouseEvent) {
	if t.onDown != nil {
		t.onDown()
	}
}

// MouseUp implements desktop.Mouseable.
func (t *tapArea) MouseUp(*desktop.MouseEvent) {
	if t.onUp != nil {
		t.onUp()
	}
}

// hoverArea is a touchArea that only notices the pointer moving (desktop.Hoverable): taps,
// drags and scrolls go through it to the widgets below, which Fyne finds by what they take.
type hoverArea struct{ touchArea }

func newHoverArea(onMove func()) *hoverArea {
	h := &hoverArea{}
	h.onMove = onMove
	h.ExtendBaseWidget(h)
	return h
}

// MouseIn implements desktop.Hoverable.
func (h *hoverArea) MouseIn(*desktop.MouseEvent) { h.onMove() }

// MouseMoved implements desktop.Hoverable.
func (h *hoverArea) MouseMoved(*desktop.MouseEvent) { h.onMove() }

// MouseOut implements desktop.Hoverable.
func (h *hoverArea) MouseOut() {}
