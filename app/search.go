package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// searchLimit is how many results the type-ahead list shows.
const searchLimit = 30

// Search is the top bar's type-ahead search over every kind of item. Typing lists results
// grouped by kind in a card below the field, the group of the best match first; the best
// match is highlighted and Enter opens it, Up and Down move the highlight, Escape closes the
// card. A misspelt query offers "Did you mean …?" above the results it found anyway; a query
// that finds nothing says so and how to find more. The card stays open while there is text in
// the field, and closes when the field loses the keyboard to a tap elsewhere.
type Search struct {
	widget.Entry
	cat    *timeline.Catalog
	lang   string // the language of the names shown (contentLanguage)
	open   func(timeline.Ref)
	canvas func() fyne.Canvas
	// Layer is laid over the window content (not a pop-up overlay, which would take the
	// keyboard focus from the field): the results card sits in it below the field.
	Layer *fyne.Container

	card   *searchCard
	notice *searchNotice
	box    *fyne.Container   // the row views shown, top to bottom
	scroll *container.Scroll // scrolls box
	views  []*searchRowView  // recycled: views[i] shows rows[i]

	rows       []searchRow   // headings and hits, in display order
	current    int           // the row Enter opens; -1 for none
	correction string        // the "did you mean" query, or ""
	pressed    bool          // a pointer is down on the card: the focus it takes must not close it
	anchor     fyne.Position // the field's place in Layer, once anchored
	anchored   bool
	// windowShortcut runs a shortcut of the window and reports whether it was one
	// (settingskeys.go): the text size keys work while the field has the keyboard.
	windowShortcut func(fyne.Shortcut) bool
}

// searchRow is one row of the results: a kind heading or a hit.
type searchRow struct {
	header string // a kind heading when non-empty
	hit    timeline.SearchHit
	name   string // the hit's name in the language content is shown in
}

// NewSearch makes the search field. canvasOf returns the window canvas the card appears on.
func NewSearch(cat *timeline.Catalog, open func(timeline.Ref), canvasOf func() fyne.Canvas) *Search {
	s := &Search{cat: cat, lang: contentLanguage(), open: open, canvas: canvasOf, current: -1}
	s.ExtendBaseWidget(s)
	s.PlaceHolder = lang.L("Search people, places, events, awards…")
	s.OnChanged = func(string) { s.update() }
	s.OnSubmitted = func(string) { s.choose(s.current) }
	s.box = container.New(layout.NewCustomPaddedVBoxLayout(0))
	s.scroll = container.NewVScroll(s.box)
	s.notice = newSearchNotice(s)
	s.card = newSearchCard(s, container.New(searchStackLayout{}, s.notice, s.scroll))
	s.card.Hide()
	s.Layer = container.New(&searchLayerLayout{s}, s.card)
	return s
}

// SetCatalog replaces the catalog searched.
func (s *Search) SetCatalog(cat *timeline.Catalog) { s.cat = cat; s.update() }

// Results returns the hits listed now, in display order (headings left out).
func (s *Search) Results() []timeline.SearchHit {
	var out []timeline.SearchHit
	for _, r := range s.rows {
		if r.header == "" {
			out = append(out, r.hit)
		}
	}
	return out
}

// Highlighted returns the hit that Enter would open, or false when none.
func (s *Search) Highlighted() (timeline.SearchHit, bool) {
	if s.current < 0 || s.current >= len(s.rows) {
		return timeline.SearchHit{}, false
	}
	return s.rows[s.current].hit, true
}

// DidYouMean returns the corrected query the card offers, or "" when it offers none.
func (s *Search) DidYouMean() string { return s.correction }

// Open reports whether the results card is showing.
func (s *Search) Open() bool { return s.card.Visible() }

// update searches for the text in the field and shows what it found, or that it found nothing.
func (s *Search) update() {
	s.rows = s.rows[:0]
	s.current = -1
	s.correction = ""
	text := strings.TrimSpace(s.Text)
	if s.cat == nil || timeline.FoldSearch(text) == "" {
		s.hide()
		return
	}
	hits := s.cat.Search(text, searchLimit)
	if len(hits) > 0 && hits[0].Typo && !strings.EqualFold(hits[0].Correction, text) {
		s.correction = hits[0].Correction
	}
	// The best match first, under its own heading, where Enter opens it; then the other hits
	// in groups of kinds, each group where its best hit falls ("Kursk": the battle, then the
	// city under Places, then the other events).
	rest := hits
	if len(hits) > 1 {
		s.rows = append(s.rows, searchRow{header: lang.L("Best match")},
			searchRow{hit: hits[0], name: s.cat.NameIn(hits[0].Ref, s.lang)})
		rest = hits[1:]
	}
	var kinds []timeline.Kind
	for _, h := range rest {
		if !containsKind(kinds, h.Ref.Kind) {
			kinds = append(kinds, h.Ref.Kind)
		}
	}
	for _, k := range kinds {
		s.rows = append(s.rows, searchRow{header: lang.L(k.PluralLabel())})
		for _, h := range rest {
			if h.Ref.Kind == k {
				s.rows = append(s.rows, searchRow{hit: h, name: s.cat.NameIn(h.Ref, s.lang)})
			}
		}
	}
	if len(hits) > 0 {
		s.current = 1 // the best match, below its heading
	}
	switch {
	case s.correction != "":
		s.notice.didYouMean(s.correction)
	case len(hits) == 0:
		s.notice.noResults(text)
	default:
		s.notice.clear()
	}
	s.refreshRows()
	s.show()
	s.scroll.ScrollToTop()
	s.scrollTo(s.current)
}

func containsKind(ks []timeline.Kind, k timeline.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// refreshRows shows rows in the views, making views as needed and hiding the rest.
func (s *Search) refreshRows() {
	for len(s.views) < len(s.rows) {
		v := newSearchRowView(s, len(s.views))
		s.views = append(s.views, v)
		s.box.Add(v)
	}
	for i, v := range s.views {
		if i < len(s.rows) {
			v.set(s.rows[i], i == s.current)
			v.Show()
		} else {
			v.Hide()
		}
	}
	// The rows' new height: the scroll lays out its content only when its own size changes.
	s.box.Resize(fyne.NewSize(s.scroll.Size().Width, s.box.MinSize().Height))
	s.scroll.Refresh() // the bars, and the rows once each
}

// show places the card below the field and shows it.
func (s *Search) show() {
	if !s.card.Visible() {
		s.anchored = false // the field may have moved while the card was away
		s.card.Show()
	}
	s.place()
}

// place sizes the card to its rows, at most down to the bottom of the window, and puts it
// below the field.
func (s *Search) place() {
	c := s.canvas()
	if c == nil || !s.card.Visible() {
		return
	}
	if !s.anchored {
		d := fyne.CurrentApp().Driver()
		s.anchor = d.AbsolutePositionForObject(s).Subtract(d.AbsolutePositionForObject(s.Layer))
		s.anchored = true
	}
	pos := s.anchor
	top := pos.Y + s.Size().Height + 2
	want := s.card.MinSize().Height + s.box.MinSize().Height
	room := c.Size().Height - top - searchCardMargin
	w := fyne.Max(fyne.Min(s.Size().Width, searchCardMaxWidth*max(1, TextScale(s))), searchCardMinWidth)
	if over := pos.X + w - (c.Size().Width - searchCardMargin); over > 0 {
		pos.X = fyne.Max(searchCardMargin, pos.X-over)
	}
	s.card.Resize(fyne.NewSize(w, fyne.Max(fyne.Min(want, room), searchRowHeight)))
	s.card.Move(fyne.NewPos(pos.X, top))
}

func (s *Search) hide() {
	s.card.Hide()
	s.pressed = false
}

// choose opens the hit of row i, clears the field and gives the keyboard back to the window.
func (s *Search) choose(i int) {
	if i < 0 || i >= len(s.rows) || s.rows[i].header != "" {
		return
	}
	ref := s.rows[i].hit.Ref
	s.hide()
	s.SetText("")
	s.release()
	s.open(ref)
}

// accept puts the "did you mean" query in the field, which searches it.
func (s *Search) accept() {
	if s.correction == "" {
		return
	}
	s.SetText(s.correction)
	s.CursorColumn = len([]rune(s.Text))
	s.Refresh()
	if c := s.canvas(); c != nil {
		c.Focus(s)
	}
}

// release gives the keyboard back to the window, so that the clicker's and the arrow keys drive
// the timeline and the map again.
func (s *Search) release() {
	if c := s.canvas(); c != nil && c.Focused() == s {
		c.Unfocus()
	}
}

// move moves the highlight by delta hits, over headings.
func (s *Search) move(delta int) {
	for i := s.current + delta; i >= 0 && i < len(s.rows); i += delta {
		if s.rows[i].header == "" {
			if s.current >= 0 && s.current < len(s.views) {
				s.views[s.current].set(s.rows[s.current], false)
				s.views[s.current].Refresh()
			}
			s.current = i
			s.views[i].set(s.rows[i], true)
			s.views[i].Refresh()
			s.scrollTo(i)
			return
		}
	}
}

// scrollTo scrolls the results so that row i shows, with its heading when it is the first of
// its group.
func (s *Search) scrollTo(i int) {
	if i < 0 || i >= len(s.views) {
		return
	}
	first := i
	if i > 0 && s.rows[i-1].header != "" {
		first = i - 1
	}
	top := s.views[first].Position().Y
	bottom := s.views[i].Position().Y + s.views[i].Size().Height
	off := s.scroll.Offset
	switch h := s.scroll.Size().Height; {
	case top < off.Y:
		off.Y = top
	case bottom > off.Y+h:
		off.Y = bottom - h
	}
	s.scrollToOffset(off.Y)
}

// scrollToOffset scrolls the results to y, kept within their height.
func (s *Search) scrollToOffset(y float32) {
	maxY := fyne.Max(0, s.box.MinSize().Height-s.scroll.Size().Height)
	s.scroll.ScrollToOffset(fyne.NewPos(0, fyne.Min(fyne.Max(0, y), maxY)))
}

// TypedKey handles Up, Down and Escape for the results; other keys edit the text.
func (s *Search) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		s.move(1)
	case fyne.KeyUp:
		s.move(-1)
	case fyne.KeyEscape:
		s.hide()
		s.SetText("")
		s.release()
	default:
		s.Entry.TypedKey(ev)
	}
}

// afterPress runs once a click on the card is handled (the desktop driver takes the keyboard
// from the field on the press, before the tap): when the click opened nothing (a heading, the
// scroll bar, the card's edge), the field gets the keyboard back, so that typing goes on.
func (s *Search) afterPress() {
	fyne.Do(func() {
		s.pressed = false
		if c := s.canvas(); c != nil && s.Open() && c.Focused() != s {
			c.Focus(s)
		}
	})
}

// FocusGained shows the results again for the text in the field.
func (s *Search) FocusGained() {
	s.pressed = false
	s.Entry.FocusGained()
	if !s.Open() && s.Text != "" {
		s.update()
	}
}

// FocusLost closes the results when the keyboard went elsewhere (a tap on the map), but not
// when a tap on the card itself took it.
func (s *Search) FocusLost() {
	s.Entry.FocusLost()
	if !s.pressed {
		s.hide()
	}
}

// searchLayerLayout keeps the card below the field when the window changes size.
type searchLayerLayout struct{ s *Search }

func (l *searchLayerLayout) Layout([]fyne.CanvasObject, fyne.Size) {
	l.s.anchored = false
	l.s.place()
}

func (l *searchLayerLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// noResultsText is what the card says when a query finds nothing.
func noResultsText(query string) string {
	return fmt.Sprintf(lang.L("No results for “%s”"), query)
}

// noResultsHint is how the card suggests finding more when a query finds nothing.
func noResultsHint() string {
	return lang.L("Check the spelling, or try a surname or today's place name.")
}

// searchStackLayout puts its first object (the notice, when shown) at the top at its height
// and gives the second (the scrolled rows) the rest, with no gap between.
type searchStackLayout struct{}

func (searchStackLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top := float32(0)
	if objs[0].Visible() {
		top = objs[0].MinSize().Height
		objs[0].Move(fyne.Position{})
		objs[0].Resize(fyne.NewSize(size.Width, top))
	}
	objs[1].Move(fyne.NewPos(0, top))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-top))
}

func (searchStackLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if objs[0].Visible() {
		return objs[0].MinSize()
	}
	return fyne.Size{}
}
