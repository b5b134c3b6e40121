package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The results card's measures.
const (
	searchRowHeight    = touchMin // a hit: a finger's reach
	searchHeaderHeight = 32       // a kind heading: text size plus a band around it
	searchCardMinWidth = 420
	searchCardMaxWidth = 800 // wider, the eye travels too far from a name to its note
	searchCardMargin   = 8   // from the window's edges
	searchCardInset    = 4   // between the card's edge and its rows
	searchAccentWidth  = 4   // the bar left of a heading and of the highlighted hit
	searchTapSlop      = 10  // a drag shorter than this is a tap (a finger wobbles)
	searchNoteGap      = 14  // between a hit's name and the name it matched
	searchMinContrast  = 4.5
)

// searchCard is the results card: a rounded panel over the window. A press on it marks the
// search as pressed, so that the keyboard focus the press takes does not close it.
type searchCard struct {
	widget.BaseWidget
	s       *Search
	content fyne.CanvasObject
}

func newSearchCard(s *Search, content fyne.CanvasObject) *searchCard {
	c := &searchCard{s: s, content: content}
	c.ExtendBaseWidget(c)
	return c
}

// MouseDown marks a press on the card.
func (c *searchCard) MouseDown(*desktop.MouseEvent) { c.s.pressed = true }

// MouseUp ends the press once the click is handled.
func (c *searchCard) MouseUp(*desktop.MouseEvent) { c.s.afterPress() }

func (c *searchCard) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	r := &searchCardRenderer{c: c, bg: bg}
	r.Refresh()
	return r
}

type searchCardRenderer struct {
	c  *searchCard
	bg *canvas.Rectangle
}

func (r *searchCardRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.c.content.Move(fyne.NewPos(searchCardInset, searchCardInset))
	r.c.content.Resize(size.SubtractWidthHeight(2*searchCardInset, 2*searchCardInset))
}

// MinSize is the card without its scrolled rows: the insets and the notice.
func (r *searchCardRenderer) MinSize() fyne.Size {
	return fyne.NewSize(searchCardMinWidth, 2*searchCardInset+r.c.s.notice.MinSize().Height)
}

func (r *searchCardRenderer) Refresh() {
	r.bg.FillColor = theme.ColorForWidget(theme.ColorNameOverlayBackground, r.c)
	r.bg.StrokeColor = theme.ColorForWidget(theme.ColorNameInputBorder, r.c)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = theme.SizeForWidget(theme.SizeNameInputRadius, r.c)
	r.bg.Refresh()
	r.c.content.Refresh()
}

func (r *searchCardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.c.content}
}

func (r *searchCardRenderer) Destroy() {}

// searchRowView shows one row of the results: a kind heading on a band, or a hit with the name
// it matched beside it. A hit opens on a tap; a drag on any row scrolls the results.
type searchRowView struct {
	widget.BaseWidget
	s       *Search
	index   int
	row     searchRow
	current bool
	hovered bool
	dragged float32 // how far the present drag went, to tell a wobbly tap from a scroll

	bg, accent        *canvas.Rectangle
	name, note, enter *canvas.Text
}

func newSearchRowView(s *Search, index int) *searchRowView {
	v := &searchRowView{s: s, index: index,
		bg: canvas.NewRectangle(color.Transparent), accent: canvas.NewRectangle(color.Transparent),
		name: canvas.NewText("", color.Black), note: canvas.NewText("", color.Black), enter: canvas.NewText("", color.Black)}
	v.ExtendBaseWidget(v)
	return v
}

// set makes the view show row, highlighted when current; the caller refreshes it.
func (v *searchRowView) set(row searchRow, current bool) {
	v.row, v.current = row, current
}

// Tapped opens the hit.
func (v *searchRowView) Tapped(*fyne.PointEvent) { v.s.choose(v.index) }

// MouseDown marks a press on the card, so that the focus it takes does not close it.
func (v *searchRowView) MouseDown(*desktop.MouseEvent) { v.s.pressed = true }

// MouseUp ends the press once the click is handled.
func (v *searchRowView) MouseUp(*desktop.MouseEvent) { v.s.afterPress() }

// MouseIn shows the hover.
func (v *searchRowView) MouseIn(*desktop.MouseEvent) { v.hovered = true; v.Refresh() }

// MouseMoved does nothing: the hover shows from MouseIn to MouseOut.
func (v *searchRowView) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the hover.
func (v *searchRowView) MouseOut() { v.hovered = false; v.Refresh() }

// Dragged scrolls the results with the finger (a container.Scroll ignores drags on desktop).
func (v *searchRowView) Dragged(e *fyne.DragEvent) {
	v.dragged += float32(math.Abs(float64(e.Dragged.DY))) + float32(math.Abs(float64(e.Dragged.DX)))
	v.s.scrollToOffset(v.s.scroll.Offset.Y - e.Dragged.DY)
}

// DragEnd takes a drag that hardly moved for the tap it was meant to be.
func (v *searchRowView) DragEnd() {
	if v.dragged < searchTapSlop {
		v.s.choose(v.index)
	}
	v.dragged = 0
}

func (v *searchRowView) CreateRenderer() fyne.WidgetRenderer { return &searchRowRenderer{v} }

type searchRowRenderer struct{ v *searchRowView }

func (r *searchRowRenderer) MinSize() fyne.Size {
	grow := max(1, TextScale(r.v)) // with the text size setting (themescale.go)
	if r.v.row.header != "" {
		return fyne.NewSize(0, searchHeaderHeight*grow)
	}
	return fyne.NewSize(0, searchRowHeight*grow)
}

func (r *searchRowRenderer) Layout(size fyne.Size) {
	v := r.v
	v.bg.Resize(size)
	v.accent.Move(fyne.NewPos(0, 0))
	v.accent.Resize(fyne.NewSize(searchAccentWidth, size.Height))
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, v)
	x := searchAccentWidth + pad
	right := size.Width - pad
	if v.enter.Text != "" {
		ew := v.enter.MinSize().Width
		v.enter.Move(fyne.NewPos(right-ew, (size.Height-v.enter.MinSize().Height)/2))
		right -= ew + searchNoteGap
	}
	v.name.Text = fitText(v.nameText(), v.name.TextSize, v.name.TextStyle, right-x)
	nw := v.name.MinSize().Width
	v.name.Move(fyne.NewPos(x, (size.Height-v.name.MinSize().Height)/2))
	v.note.Text = ""
	if note := v.noteText(); note != "" && right-x-nw-searchNoteGap > 40 {
		v.note.Text = fitText(note, v.note.TextSize, v.note.TextStyle, right-x-nw-searchNoteGap)
		v.note.Move(fyne.NewPos(x+nw+searchNoteGap, (size.Height-v.note.MinSize().Height)/2))
	}
}

// nameText is the heading, or the hit's name in the language content is shown in.
func (v *searchRowView) nameText() string {
	if v.row.header != "" {
		return v.row.header
	}
	return v.row.name
}

// noteText is the name a hit matched when it is not the name shown: an alias, a period name,
// a translation, the name of the place it was found through.
func (v *searchRowView) noteText() string {
	h := v.row.hit
	if v.row.header != "" || h.Matched == "" || h.Matched == v.row.name {
		return ""
	}
	return h.Matched
}

func (r *searchRowRenderer) Refresh() {
	v := r.v
	fg := theme.ColorForWidget(theme.ColorNameForeground, v)
	bg := theme.ColorForWidget(theme.ColorNameOverlayBackground, v)
	size := theme.SizeForWidget(theme.SizeNameText, v)
	v.name.TextSize, v.note.TextSize, v.enter.TextSize = size, size, size
	v.name.TextStyle = fyne.TextStyle{Bold: v.row.header != ""}
	v.note.TextStyle = fyne.TextStyle{Italic: true}
	v.enter.Text = ""
	v.accent.FillColor = color.Transparent
	switch {
	case v.row.header != "":
		band := searchHeaderBand(fg, bg)
		v.bg.FillColor = band
		v.accent.FillColor = theme.ColorForWidget(theme.ColorNamePrimary, v)
		v.name.Color = fg
	default:
		v.bg.FillColor = color.Transparent
		if v.current {
			v.bg.FillColor = theme.ColorForWidget(theme.ColorNameSelection, v)
			v.accent.FillColor = theme.ColorForWidget(theme.ColorNamePrimary, v)
			v.enter.Text = lang.L("Enter ↵")
		} else if v.hovered {
			v.bg.FillColor = theme.ColorForWidget(theme.ColorNameHover, v)
		}
		under := over(v.bg.FillColor, bg)
		v.name.Color = fg
		v.note.Color = mutedText(fg, under)
		v.enter.Color = v.note.Color
	}
	r.Layout(v.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *searchRowRenderer) Objects() []fyne.CanvasObject {
	v := r.v
	return []fyne.CanvasObject{v.bg, v.accent, v.name, v.note, v.enter}
}

func (r *searchRowRenderer) Destroy() {}
