package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// searchLimit is how many results the type-ahead list shows.
const searchLimit = 30

// Search is the top bar's type-ahead search over every kind of item. Typing lists results
// grouped by kind in a drop-down; Up and Down move through them, Enter opens the highlighted
// one, Escape closes the list.
type Search struct {
	widget.Entry
	cat    *timeline.Catalog
	open   func(timeline.Ref)
	canvas func() fyne.Canvas
	// Layer is laid over the window content (not a pop-up overlay, which would take the
	// keyboard focus from the field): the results card sits in it below the field.
	Layer   *fyne.Container
	card    *fyne.Container
	list    *widget.List
	rows    []searchRow
	current int
}

type searchRow struct {
	header string // a kind heading when non-empty
	hit    timeline.SearchHit
}

// NewSearch makes the search field. canvas returns the window canvas the drop-down appears on.
func NewSearch(cat *timeline.Catalog, open func(timeline.Ref), canvasOf func() fyne.Canvas) *Search {
	s := &Search{cat: cat, open: open, canvas: canvasOf, current: -1}
	s.ExtendBaseWidget(s)
	s.PlaceHolder = lang.L("Search people, places, events, awards…")
	s.OnChanged = func(string) { s.update() }
	s.OnSubmitted = func(string) { s.choose(s.current) }
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("template result row") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			row := s.rows[i]
			if row.header != "" {
				l.TextStyle = fyne.TextStyle{Bold: true}
				l.Importance = widget.LowImportance
				l.SetText(row.header)
				return
			}
			l.TextStyle = fyne.TextStyle{Bold: i == s.current}
			l.Importance = widget.MediumImportance
			if i == s.current {
				l.Importance = widget.HighImportance
			}
			text := row.hit.Name
			if row.hit.Matched != "" && row.hit.Matched != row.hit.Name {
				text += "  (" + row.hit.Matched + ")"
			}
			l.SetText(text)
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(s.rows) && s.rows[id].header == "" {
			s.choose(id)
		}
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameShadow)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	s.card = container.NewStack(bg, container.NewPadded(s.list))
	s.card.Hide()
	s.Layer = container.NewWithoutLayout(s.card)
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

// Open reports whether the drop-down is showing.
func (s *Search) Open() bool { return s.card.Visible() }

func (s *Search) update() {
	s.rows = s.rows[:0]
	s.current = -1
	if s.cat != nil && s.Text != "" {
		hits := s.cat.Search(s.Text, searchLimit)
		// Groups of kinds, the group with the best match first.
		best := map[timeline.Kind]int{}
		var kinds []timeline.Kind
		for i, h := range hits {
			if _, ok := best[h.Ref.Kind]; !ok {
				best[h.Ref.Kind] = i
				kinds = append(kinds, h.Ref.Kind)
			}
		}
		for _, k := range kinds {
			first := true
			for _, h := range hits {
				if h.Ref.Kind != k {
					continue
				}
				if first {
					s.rows = append(s.rows, searchRow{header: lang.L(k.PluralLabel())})
					first = false
				}
				s.rows = append(s.rows, searchRow{hit: h})
				if s.current < 0 {
					s.current = len(s.rows) - 1
				}
			}
		}
	}
	if len(s.rows) == 0 {
		s.hide()
		return
	}
	s.show()
	s.list.Refresh()
	s.list.UnselectAll()
	if s.current >= 0 {
		s.list.ScrollTo(s.current)
	}
}

func (s *Search) show() {
	c := s.canvas()
	if c == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(s).Subtract(d.AbsolutePositionForObject(s.Layer))
	rowH := s.list.MinSize().Height + theme.SeparatorThicknessSize()
	h := fyne.Min(float32(len(s.rows))*rowH+theme.Padding()*2, c.Size().Height*0.6)
	s.card.Resize(fyne.NewSize(fyne.Max(s.Size().Width, 320), fyne.Max(h, 48)))
	s.card.Move(pos.Add(fyne.NewPos(0, s.Size().Height+2)))
	s.card.Show()
	s.Layer.Refresh()
}

func (s *Search) hide() {
	s.card.Hide()
}

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

// release gives the keyboard back to the window, so that the clicker's and the arrow keys drive
// the timeline and the map again.
func (s *Search) release() {
	if c := s.canvas(); c != nil && c.Focused() == s {
		c.Unfocus()
	}
}

func (s *Search) move(delta int) {
	for i := s.current + delta; i >= 0 && i < len(s.rows); i += delta {
		if s.rows[i].header == "" {
			s.current = i
			s.list.Refresh()
			s.list.ScrollTo(i)
			return
		}
	}
}

// TypedKey handles Up, Down and Escape for the drop-down; other keys edit the text.
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
