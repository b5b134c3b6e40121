package app

import (
	"image/color"
	"math"
	"strings"
	"sync"

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
	r.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	r.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = theme.InputRadiusSize()
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
	if r.v.row.header != "" {
		return fyne.NewSize(0, searchHeaderHeight)
	}
	return fyne.NewSize(0, searchRowHeight)
}

func (r *searchRowRenderer) Layout(size fyne.Size) {
	v := r.v
	v.bg.Resize(size)
	v.accent.Move(fyne.NewPos(0, 0))
	v.accent.Resize(fyne.NewSize(searchAccentWidth, size.Height))
	x := searchAccentWidth + theme.InnerPadding()
	right := size.Width - theme.InnerPadding()
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
	fg := theme.Color(theme.ColorNameForeground)
	bg := theme.Color(theme.ColorNameOverlayBackground)
	size := theme.TextSize()
	v.name.TextSize, v.note.TextSize, v.enter.TextSize = size, size, size
	v.name.TextStyle = fyne.TextStyle{Bold: v.row.header != ""}
	v.note.TextStyle = fyne.TextStyle{Italic: true}
	v.enter.Text = ""
	v.accent.FillColor = color.Transparent
	switch {
	case v.row.header != "":
		band := searchHeaderBand(fg, bg)
		v.bg.FillColor = band
		v.accent.FillColor = theme.Color(theme.ColorNamePrimary)
		v.name.Color = fg
	default:
		v.bg.FillColor = color.Transparent
		if v.current {
			v.bg.FillColor = theme.Color(theme.ColorNameSelection)
			v.accent.FillColor = theme.Color(theme.ColorNamePrimary)
			v.enter.Text = lang.L("Enter ↵")
		} else if v.hovered {
			v.bg.FillColor = theme.Color(theme.ColorNameHover)
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

// searchNotice is the line above the results: "Did you mean …?" (a tap puts the correction in
// the field), or, when nothing was found, that and how to find more; empty otherwise.
type searchNotice struct {
	widget.BaseWidget
	s                  *Search
	mode               int    // noticeNone, noticeDidYouMean, noticeNoResults
	said               string // the correction, or the line saying nothing was found
	before, word, rest *canvas.Text
	hint               *canvas.Text
	line               *canvas.Rectangle
}

const (
	noticeNone = iota
	noticeDidYouMean
	noticeNoResults
)

func newSearchNotice(s *Search) *searchNotice {
	n := &searchNotice{s: s, before: canvas.NewText("", color.Black), word: canvas.NewText("", color.Black),
		rest: canvas.NewText("", color.Black), hint: canvas.NewText("", color.Black), line: canvas.NewRectangle(color.Transparent)}
	n.ExtendBaseWidget(n)
	n.Hide()
	return n
}

// didYouMean offers the corrected query.
func (n *searchNotice) didYouMean(correction string) {
	n.mode = noticeDidYouMean
	text := lang.L("Did you mean %s?")
	before, after, _ := strings.Cut(text, "%s")
	n.said = correction
	n.before.Text, n.word.Text, n.rest.Text, n.hint.Text = before, correction, after, ""
	n.Show()
	n.Refresh()
}

// noResults says that query found nothing, and how to find more.
func (n *searchNotice) noResults(query string) {
	n.mode = noticeNoResults
	n.said = noResultsText(query)
	n.before.Text, n.word.Text, n.rest.Text = n.said, "", ""
	n.hint.Text = noResultsHint()
	n.Show()
	n.Refresh()
}

// clear hides the notice.
func (n *searchNotice) clear() {
	n.mode = noticeNone
	n.Hide()
}

// Text returns what the notice says, in one line.
func (n *searchNotice) Text() string {
	if n.mode == noticeNone {
		return ""
	}
	return strings.TrimSpace(n.before.Text + n.word.Text + n.rest.Text + " " + n.hint.Text)
}

// Tapped puts the correction in the field.
func (n *searchNotice) Tapped(*fyne.PointEvent) {
	if n.mode == noticeDidYouMean {
		n.s.accept()
	}
}

// MouseDown marks a press on the card, so that the focus it takes does not close it.
func (n *searchNotice) MouseDown(*desktop.MouseEvent) { n.s.pressed = true }

// MouseUp ends the press once the click is handled.
func (n *searchNotice) MouseUp(*desktop.MouseEvent) { n.s.afterPress() }

// Cursor shows a hand over a correction.
func (n *searchNotice) Cursor() desktop.Cursor {
	if n.mode == noticeDidYouMean {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

func (n *searchNotice) CreateRenderer() fyne.WidgetRenderer { return &searchNoticeRenderer{n} }

type searchNoticeRenderer struct{ n *searchNotice }

func (r *searchNoticeRenderer) MinSize() fyne.Size {
	switch r.n.mode {
	case noticeDidYouMean:
		return fyne.NewSize(0, searchRowHeight+1)
	case noticeNoResults:
		return fyne.NewSize(0, 2*theme.InnerPadding()+r.n.before.MinSize().Height+theme.Padding()+r.n.hint.MinSize().Height+1)
	}
	return fyne.Size{}
}

func (r *searchNoticeRenderer) Layout(size fyne.Size) {
	n := r.n
	x := searchAccentWidth + theme.InnerPadding()
	width := size.Width - x - theme.InnerPadding()
	n.line.Move(fyne.NewPos(0, size.Height-1))
	n.line.Resize(fyne.NewSize(size.Width, 1))
	switch n.mode {
	case noticeDidYouMean:
		y := (size.Height - 1 - n.before.MinSize().Height) / 2
		n.before.Move(fyne.NewPos(x, y))
		x += n.before.MinSize().Width
		n.word.Text = fitText(n.said, n.word.TextSize, n.word.TextStyle, width-n.before.MinSize().Width-n.rest.MinSize().Width)
		n.word.Move(fyne.NewPos(x, y))
		n.rest.Move(fyne.NewPos(x+n.word.MinSize().Width, y))
	case noticeNoResults:
		y := theme.InnerPadding()
		n.before.Text = fitText(n.said, n.before.TextSize, n.before.TextStyle, width)
		n.before.Move(fyne.NewPos(x, y))
		n.hint.Text = fitText(noResultsHint(), n.hint.TextSize, n.hint.TextStyle, width)
		n.hint.Move(fyne.NewPos(x, y+n.before.MinSize().Height+theme.Padding()))
	}
}

func (r *searchNoticeRenderer) Refresh() {
	n := r.n
	fg := theme.Color(theme.ColorNameForeground)
	bg := theme.Color(theme.ColorNameOverlayBackground)
	size := theme.TextSize()
	for _, t := range []*canvas.Text{n.before, n.word, n.rest, n.hint} {
		t.TextSize = size
		t.Color = fg
		t.TextStyle = fyne.TextStyle{}
	}
	n.word.TextStyle = fyne.TextStyle{Bold: true}
	n.word.Color = theme.Color(theme.ColorNameHyperlink)
	if n.mode == noticeNoResults {
		n.before.TextStyle = fyne.TextStyle{Bold: true}
	}
	n.hint.Color = mutedText(fg, bg)
	n.line.FillColor = searchHeaderBand(fg, bg)
	r.Layout(n.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *searchNoticeRenderer) Objects() []fyne.CanvasObject {
	n := r.n
	return []fyne.CanvasObject{n.before, n.word, n.rest, n.hint, n.line}
}

func (r *searchNoticeRenderer) Destroy() {}

// fitText returns s, or as much of it as fits width with an ellipsis.
func fitText(s string, size float32, style fyne.TextStyle, width float32) string {
	if s == "" || fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits is runes[:lo]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(strings.TrimRight(string(runes[:mid]), " ")+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// searchHeaderBand is the band behind a kind heading: the text colour at 9 % over the card.
func searchHeaderBand(fg, bg color.Color) color.Color {
	return blend(fg, bg, 0.09)
}

// mutedText returns a colour between fg and bg for secondary text (the name a hit matched):
// as far towards bg as it can go, up to 40 %, while keeping a contrast of 4.5:1 on bg (WCAG AA).
func mutedText(fg, bg color.Color) color.Color {
	key := [2]color.NRGBA{over(fg, color.White), over(bg, color.White)}
	mutedMu.Lock()
	defer mutedMu.Unlock()
	if c, ok := mutedCache[key]; ok {
		return c
	}
	c := computeMuted(fg, bg)
	if len(mutedCache) > 64 { // themes come and go; a few pairs are in use at a time
		clear(mutedCache)
	}
	mutedCache[key] = c
	return c
}

var (
	mutedMu    sync.Mutex
	mutedCache = map[[2]color.NRGBA]color.Color{}
)

func computeMuted(fg, bg color.Color) color.Color {
	best := color.Color(over(fg, bg))
	for t := 0.05; t <= 0.4001; t += 0.05 {
		c := blend(fg, bg, 1-t)
		if contrastRatio(c, bg) < searchMinContrast {
			break
		}
		best = c
	}
	return best
}

// blend mixes a of fg into bg (both taken as opaque over each other).
func blend(fg, bg color.Color, a float64) color.NRGBA {
	f, b := over(fg, color.White), over(bg, color.White)
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

// over composites c over the opaque colour under.
func over(c, under color.Color) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(n.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(n.R, u.R), G: mix(n.G, u.G), B: mix(n.B, u.B), A: 0xff}
}

// contrastRatio is the WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the WCAG 2 relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}
