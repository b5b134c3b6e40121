package app

import (
	"fmt"
	"image/color"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// Sizes of the legend, in device-independent pixels.
const (
	legendWidth = 330 // the open card
	// legendMinWidth is the narrowest the open card gets: its wrapped labels need room for a
	// word (Fyne's RichText panics wrapping into a width narrower than a letter).
	legendMinWidth = 200
	legendMargin   = 8  // from the map's edges
	legendBottom   = 40 // kept free at the bottom of the map (attribution, scale bar)
	swatchW        = 34
	swatchH        = 18
	swatchScale    = 2 // swatches are drawn at twice their size, sharp on a 2× screen
	legendRowGap   = 2
	legendCardPad  = 6
)

// Legend is the map's key in its top-left corner: a 48-pixel button that opens it; open, a
// card that names what the map draws — the front line, the ground each side held (and what the
// atlas does not cover), the borders of the date and which snapshot they are, capitals and
// places, the selection — and then "Your layers", each with its swatch, name, a toggle and a
// remove button, the files being read with their progress, and a button to open one. Every
// swatch is drawn by the map's rasterizer from the map's Style, so key and map always agree.
type Legend struct {
	widget.BaseWidget

	// ToggleB opens the legend (collapsed) and CloseB closes it (in the open card's header).
	ToggleB, CloseB *Button
	// OpenFileB opens a GeoJSON file (OnOpenFile).
	OpenFileB *Button
	// Rows are the rows of the user's layers, in the legend's order (for tests).
	Rows []*LegendLayerRow
	// LoadRows are the rows of the files being read.
	LoadRows []*LegendLoadRow
	// OnOpenFile shows the file dialog.
	OnOpenFile func()

	layers   *Layers
	style    func() *geo.Style
	accent   func() color.Color
	day      timeline.Day
	expanded bool

	toggle, card fyne.CanvasObject
	scroll       *container.Scroll
	box          *fyne.Container
	built        legendBuilt
}

// legendBuilt is what the card shows, to tell when it must be made again.
type legendBuilt struct {
	style     *geo.Style
	year      int
	signature string
	fg        color.Color
}

// LegendLayerRow is one of the user's layers in the legend.
type LegendLayerRow struct {
	Entry   *LayerEntry
	Swatch  *canvas.Image
	Name    *widget.Label
	Shown   *Button // shows or hides the layer: an open eye while shown, a struck one while hidden
	RemoveB *Button
	// WarnB tells what was wrong with some features of the file; nil when nothing was.
	WarnB *Button
}

// LegendLoadRow is a file being read.
type LegendLoadRow struct {
	Load     *LayerLoad
	Progress *widget.ProgressBar
	CancelB  *Button
}

// NewLegend makes the legend of the map for the user's layers. Its swatches are drawn in the
// map's palette for the legend's own theme, chosen as the map chooses it.
func NewLegend(layers *Layers) *Legend {
	l := &Legend{layers: layers}
	l.style = func() *geo.Style {
		if isDark(theme.CurrentForWidget(l)) { // as the map chooses its palette
			return &geo.StyleDark
		}
		return &geo.StyleLight
	}
	l.accent = func() color.Color { return theme.CurrentForWidget(l).Color(theme.ColorNamePrimary, Variant()) }
	l.ToggleB = NewButton(lang.L("Legend"), theme.ListIcon(), func() { l.SetExpanded(true) })
	l.CloseB = NewButton("", theme.MenuDropUpIcon(), func() { l.SetExpanded(false) })
	l.OpenFileB = NewButton(lang.L("Open GeoJSON…"), theme.FolderOpenIcon(), func() {
		if l.OnOpenFile != nil {
			l.OnOpenFile()
		}
	})
	l.toggle = touchTarget(l.ToggleB)
	l.box = container.New(layout.NewCustomPaddedVBoxLayout(legendRowGap))
	l.scroll = container.NewVScroll(l.box)
	l.ExtendBaseWidget(l)
	return l
}

// Expanded reports whether the legend is open.
func (l *Legend) Expanded() bool { return l.expanded }

// SetExpanded opens or closes the legend.
func (l *Legend) SetExpanded(open bool) {
	if l.expanded == open {
		return
	}
	l.expanded = open
	l.Refresh()
}

// SetDate tells the legend the date shown (it names the border snapshot of the date).
func (l *Legend) SetDate(d timeline.Day) {
	old := geo.BordersFor(l.day.Time())
	l.day = d
	if l.expanded && geo.BordersFor(d.Time()) != old {
		l.Refresh()
	}
}

// LayersChanged updates the rows of the user's layers (and the progress of loads).
func (l *Legend) LayersChanged() {
	for _, ld := range l.layers.Loads() {
		if !ld.Quiet() && !l.expanded {
			l.expanded = true // a file the user just opened is being read: show its progress
		}
	}
	if l.built.signature == l.signature() || !l.expanded {
		for _, r := range l.LoadRows {
			r.Progress.SetValue(r.Load.Fraction())
		}
		if !l.expanded {
			l.BaseWidget.Refresh() // the bar under the button
		}
		return
	}
	l.Refresh()
}

// Loading reports whether files are being read, and how far, 0 to 1, all of them together.
func (l *Legend) Loading() (float64, bool) {
	lds := l.layers.Loads()
	if len(lds) == 0 {
		return 0, false
	}
	sum := 0.0
	for _, ld := range lds {
		sum += ld.Fraction()
	}
	return sum / float64(len(lds)), true
}

// signature sums up the user's layers as the rows show them.
func (l *Legend) signature() string {
	s := ""
	for _, e := range l.layers.Entries() {
		s += fmt.Sprintf("%p/%p/%d/%v;", e, e.Layer, e.Slot, e.Shown)
	}
	for _, ld := range l.layers.Loads() {
		s += fmt.Sprintf("%p;", ld)
	}
	return s
}

// Refresh makes the card again when what it shows changed (style, border year, layers,
// theme), and lays it out.
func (l *Legend) Refresh() {
	if l.expanded {
		l.build()
	}
	l.BaseWidget.Refresh()
}

// build makes the card's rows, when something they show changed.
func (l *Legend) build() {
	st := l.style()
	fg := theme.CurrentForWidget(l).Color(theme.ColorNameForeground, Variant())
	b := legendBuilt{style: st, year: l.borderYear(), signature: l.signature(), fg: fg}
	if l.built.style == b.style && l.built.year == b.year && l.built.signature == b.signature && sameColor(l.built.fg, fg) {
		return
	}
	l.built = b
	var rows []fyne.CanvasObject
	title := widget.NewLabelWithStyle(lang.L("Legend"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows = append(rows, container.NewBorder(nil, nil, nil, touchTarget(l.CloseB), title))
	// With layers open, they come first: what the user added and may want to hide is in reach
	// without scrolling on a short map; without, the key of the map comes first.
	var mine []fyne.CanvasObject
	mine = append(mine, widget.NewLabelWithStyle(lang.L("Your layers"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	l.Rows, l.LoadRows = l.Rows[:0], l.LoadRows[:0]
	for _, e := range l.layers.Entries() {
		r := l.layerRow(e, st)
		l.Rows = append(l.Rows, r)
		buttons := container.NewHBox(touchTarget(r.Shown), touchTarget(r.RemoveB))
		if r.WarnB != nil {
			buttons.Objects = append([]fyne.CanvasObject{touchTarget(r.WarnB)}, buttons.Objects...)
		}
		mine = append(mine, container.NewBorder(nil, nil, container.NewCenter(r.Swatch), buttons, middle(r.Name)))
	}
	for _, ld := range l.layers.Loads() {
		r := &LegendLoadRow{Load: ld, Progress: widget.NewProgressBar()}
		r.Progress.SetValue(ld.Fraction())
		r.CancelB = NewButton("", theme.CancelIcon(), func() { l.layers.Cancel(ld) })
		l.LoadRows = append(l.LoadRows, r)
		name := widget.NewLabel(fmt.Sprintf(lang.L("Reading %s…"), filepath.Base(ld.Path)))
		name.Truncation = fyne.TextTruncateEllipsis
		mine = append(mine, container.NewBorder(nil, nil, nil, touchTarget(r.CancelB), container.NewVBox(name, r.Progress)))
	}
	if len(l.layers.Entries())+len(l.layers.Loads()) == 0 {
		hint := widget.NewLabel(lang.L("Open a GeoJSON file, or drop one on the window, to draw it on the map."))
		hint.Wrapping = fyne.TextWrapWord
		mine = append(mine, hint)
	}
	mine = append(mine, touchTarget(l.OpenFileB))
	if len(l.layers.Entries())+len(l.layers.Loads()) > 0 {
		rows = append(append(append(rows, mine...), widget.NewSeparator()), l.baseRows(st)...)
	} else {
		rows = append(append(append(rows, l.baseRows(st)...), widget.NewSeparator()), mine...)
	}
	l.box.Objects = rows
	l.box.Refresh()
}

// borderYear is the year of the border snapshot drawn on the date shown.
func (l *Legend) borderYear() int {
	if geo.BordersFor(l.day.Time()) == geo.Borders1945 {
		return 1945
	}
	return 1938
}

// swatch makes a swatch image of the map's own drawing.
func swatch(st *geo.Style, items ...geo.SwatchItem) *canvas.Image {
	return swatchSized(st, swatchW, items...)
}

// swatchSized is swatch w pixels wide.
func swatchSized(st *geo.Style, w int, items ...geo.SwatchItem) *canvas.Image {
	img := canvas.NewImageFromImage(geo.Swatch(w, swatchH, swatchScale, st.Land.Fill, items...))
	img.FillMode = canvas.ImageFillStretch
	img.ScaleMode = canvas.ImageScaleSmooth
	img.SetMinSize(fyne.NewSize(float32(w), swatchH))
	return img
}

// legendRow is a swatch and its text.
func legendRow(sw fyne.CanvasObject, text string) fyne.CanvasObject {
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, container.NewCenter(sw), nil, lbl)
}

// middle centres o vertically in the room it is given, at its own height.
func middle(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(layout.NewSpacer(), o, layout.NewSpacer())
}

// baseRows are the rows of what the map itself draws.
func (l *Legend) baseRows(st *geo.Style) []fyne.CanvasObject {
	fill := func(p geo.Paint) geo.SwatchItem { return geo.SwatchItem{Kind: geo.LayerFill, Paint: p} }
	rows := []fyne.CanvasObject{
		legendRow(swatch(st, geo.SwatchItem{Kind: geo.LayerLine, Paint: st.Front}), lang.L("Front line")),
	}
	// One row per wash, naming every side drawn with it ("Axis · Opponent of the USSR").
	type wash struct {
		paint geo.Paint
		names string
	}
	var washes []wash
	for _, side := range []string{geo.HeldByAxis, geo.HeldByOpponent, geo.HeldByAllied, geo.HeldByUncovered} {
		p := st.HeldPaint(side)
		name := lang.L(geo.HeldByName(side))
		found := false
		for i := range washes {
			if washes[i].paint == p {
				washes[i].names += " · " + name
				found = true
			}
		}
		if !found {
			washes = append(washes, wash{p, name})
		}
	}
	for _, w := range washes {
		text := fmt.Sprintf(lang.L("Held by: %s"), w.names)
		if w.paint == st.HeldPaint(geo.HeldByUncovered) {
			text = lang.L(geo.HeldByName(geo.HeldByUncovered))
		}
		rows = append(rows, legendRow(swatch(st, fill(w.paint)), text))
	}
	rows = append(rows,
		legendRow(swatch(st, fill(geo.Paint{})), fmt.Sprintf(lang.L("%s, neutral, or not at war"), lang.L(geo.HeldByName(geo.HeldBySoviet)))),
		legendRow(swatch(st, geo.SwatchItem{Kind: geo.LayerLine, Paint: st.Border}), l.bordersText()),
	)
	mk := st.Marker
	mk.Radius = 4 // as the map draws a place's dot (a capital's is a pixel larger)
	big := mk
	big.Radius++
	pair := func(sw fyne.CanvasObject, text string) fyne.CanvasObject {
		return container.NewHBox(container.NewCenter(sw), widget.NewLabel(text))
	}
	// The three marks side by side while they fit, one under another in a narrow card or at a
	// large text size.
	rows = append(rows, container.New(layout.NewRowWrapLayout(),
		pair(swatchSized(st, 20, geo.SwatchItem{Kind: geo.LayerMarker, Paint: big}), lang.L("Capital")),
		pair(swatchSized(st, 20, geo.SwatchItem{Kind: geo.LayerMarker, Paint: mk}), lang.L("Place")),
		pair(l.selectionSwatch(), lang.L("Selected"))))
	return rows
}

// bordersText names the border snapshot drawn on the date shown and when it is drawn.
func (l *Legend) bordersText() string {
	if l.borderYear() == 1945 {
		return lang.L("Borders of 1945 (from 9 May 1945)")
	}
	return lang.L("Borders of 1938 (until 8 May 1945)")
}

// selectionSwatch is the ring the map draws around a selected place, in the accent colour.
func (l *Legend) selectionSwatch() fyne.CanvasObject {
	const swatchW = 20
	acc := l.accent()
	ring := canvas.NewCircle(color.Transparent)
	ring.StrokeColor, ring.StrokeWidth = acc, 3
	dot := canvas.NewCircle(acc)
	bg := canvas.NewRectangle(l.style().Land.Fill)
	c := container.NewWithoutLayout(bg, ring, dot)
	bg.Resize(fyne.NewSize(swatchW, swatchH))
	r := float32(swatchH/2 - 1)
	ring.Move(fyne.NewPos(swatchW/2-r, swatchH/2-r))
	ring.Resize(fyne.NewSize(2*r, 2*r))
	dot.Move(fyne.NewPos(swatchW/2-4, swatchH/2-4)) // as the map: the accent dot in its ring
	dot.Resize(fyne.NewSize(8, 8))
	return &fyne.Container{Layout: minSizeLayout{fyne.NewSize(swatchW, swatchH)}, Objects: []fyne.CanvasObject{c}}
}

// layerRow makes the row of one of the user's layers.
func (l *Legend) layerRow(e *LayerEntry, st *geo.Style) *LegendLayerRow {
	r := &LegendLayerRow{Entry: e}
	r.Swatch = swatch(st, e.Layer.SwatchItems(st.UserColor(e.Slot), st)...)
	r.Name = widget.NewLabel(e.Layer.Name)
	r.Name.Truncation = fyne.TextTruncateEllipsis
	icon := theme.VisibilityIcon()
	if !e.Shown {
		icon = theme.VisibilityOffIcon()
	}
	r.Shown = NewButton("", icon, func() { l.layers.SetShown(e, !e.Shown) })
	r.RemoveB = NewButton("", theme.DeleteIcon(), func() { l.layers.Remove(e) })
	if e.Layer.ProblemCount > 0 {
		r.WarnB = NewButton("", theme.WarningIcon(), func() { l.layers.ShowProblems(e) })
	}
	return r
}

// CreateRenderer places the toggle or the open card in the top-left corner.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	sink := newInputSink()
	bg := canvas.NewRectangle(color.Transparent)
	l.card = container.NewStack(sink, bg, container.NewPadded(l.scroll))
	r := &legendRenderer{l: l, bg: bg, track: canvas.NewRectangle(color.Transparent), bar: canvas.NewRectangle(color.Transparent)}
	r.paint()
	return r
}

type legendRenderer struct {
	l  *Legend
	bg *canvas.Rectangle
	// track and bar show, under the closed legend's button, how far the files being read are.
	track, bar *canvas.Rectangle
}

func (r *legendRenderer) Objects() []fyne.CanvasObject {
	if r.l.expanded {
		return []fyne.CanvasObject{r.l.card}
	}
	return []fyne.CanvasObject{r.l.toggle, r.track, r.bar}
}

func (r *legendRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (r *legendRenderer) Layout(size fyne.Size) {
	l := r.l
	if !l.expanded {
		s := l.toggle.MinSize()
		l.toggle.Move(fyne.NewPos(legendMargin, legendMargin))
		l.toggle.Resize(s)
		frac, loading := l.Loading()
		if !loading {
			r.track.Hide()
			r.bar.Hide()
			return
		}
		pos := fyne.NewPos(legendMargin, legendMargin+s.Height+2)
		r.track.Move(pos)
		r.track.Resize(fyne.NewSize(s.Width, 4))
		r.bar.Move(pos)
		r.bar.Resize(fyne.NewSize(s.Width*float32(min(max(frac, 0), 1)), 4))
		r.track.Show()
		r.bar.Show()
		return
	}
	// As wide as the map allows up to legendWidth, but never narrower than its rows need: in a
	// map narrower than that (a tiny snapshot) the card runs past the map's edge rather than
	// give its labels negative widths, which the software painter cannot draw.
	pad := theme.SizeForWidget(theme.SizeNamePadding, l)
	w := max(min(float32(legendWidth), size.Width-2*legendMargin), l.box.MinSize().Width+2*pad, legendMinWidth)
	l.box.Resize(fyne.NewSize(w-2*pad, l.box.MinSize().Height))
	h := min(l.box.MinSize().Height+2*pad, size.Height-legendMargin-legendBottom)
	l.card.Move(fyne.NewPos(legendMargin, legendMargin))
	l.card.Resize(fyne.NewSize(w, max(h, 48)))
}

func (r *legendRenderer) Refresh() {
	r.paint()
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

func (r *legendRenderer) Destroy() {}

// paint colours the card from the legend's theme: the dialogs' background, outlined.
func (r *legendRenderer) paint() {
	th := theme.CurrentForWidget(r.l)
	v := Variant()
	setRect(r.bg, th.Color(theme.ColorNameOverlayBackground, v), th.Color(theme.ColorNameSeparator, v), 1, th.Size(theme.SizeNameInputRadius))
	setRect(r.track, th.Color(theme.ColorNameInputBorder, v), color.Transparent, 0, 2)
	setRect(r.bar, th.Color(theme.ColorNamePrimary, v), color.Transparent, 0, 2)
}

// inputSink takes the taps, drags and scrolls that land on it, so that a tap on the legend's
// card does not reach the map under it.
type inputSink struct{ widget.BaseWidget }

func newInputSink() *inputSink {
	s := &inputSink{}
	s.ExtendBaseWidget(s)
	return s
}

func (s *inputSink) Tapped(*fyne.PointEvent)       {}
func (s *inputSink) Dragged(*fyne.DragEvent)       {}
func (s *inputSink) DragEnd()                      {}
func (s *inputSink) Scrolled(*fyne.ScrollEvent)    {}
func (s *inputSink) DoubleTapped(*fyne.PointEvent) {}
func (s *inputSink) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
