package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

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
		return fyne.NewSize(0, searchRowHeight*max(1, TextScale(r.n))+1)
	case noticeNoResults:
		pad, gap := theme.SizeForWidget(theme.SizeNameInnerPadding, r.n), theme.SizeForWidget(theme.SizeNamePadding, r.n)
		return fyne.NewSize(0, 2*pad+r.n.before.MinSize().Height+gap+r.n.hint.MinSize().Height+1)
	}
	return fyne.Size{}
}

func (r *searchNoticeRenderer) Layout(size fyne.Size) {
	n := r.n
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, n)
	x := searchAccentWidth + pad
	width := size.Width - x - pad
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
		y := pad
		n.before.Text = fitText(n.said, n.before.TextSize, n.before.TextStyle, width)
		n.before.Move(fyne.NewPos(x, y))
		n.hint.Text = fitText(noResultsHint(), n.hint.TextSize, n.hint.TextStyle, width)
		n.hint.Move(fyne.NewPos(x, y+n.before.MinSize().Height+theme.SizeForWidget(theme.SizeNamePadding, n)))
	}
}

func (r *searchNoticeRenderer) Refresh() {
	n := r.n
	fg := theme.ColorForWidget(theme.ColorNameForeground, n)
	bg := theme.ColorForWidget(theme.ColorNameOverlayBackground, n)
	size := theme.SizeForWidget(theme.SizeNameText, n)
	for _, t := range []*canvas.Text{n.before, n.word, n.rest, n.hint} {
		t.TextSize = size
		t.Color = fg
		t.TextStyle = fyne.TextStyle{}
	}
	n.word.TextStyle = fyne.TextStyle{Bold: true}
	n.word.Color = theme.ColorForWidget(theme.ColorNameHyperlink, n)
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
