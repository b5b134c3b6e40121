package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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
	cat     *timeline.Catalog
	open    func(timeline.Ref)
	canvas  func() fyne.Canvas
	popup   *widget.PopUp
	list    *widget.List
	rows    []searchRow
	current int
}

type searchRow struct {
	header string // a kind heading when non-empty
	hit    timeline.SearchHit
}

// NewSearch makes the search field. canvas returns the window canvas the drop-down appears on.
func NewSearch(cat *timeline.Catalog, open func(timeline.Ref), canvas func() fyne.Canvas) *Search {
	s := &Search{cat: cat, open: open, canvas: canvas, current: -1}
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
func (s *Search) Open() bool { return s.popup != nil && s.popup.Visible() }

func (s *Search) update() {
	s.rows = s.rows[:0]
	s.current = -1
	if s.cat != nil && s.Text != "" {
		hits := s.cat.Search(s.Text, searchLimit)
		for _, k := range timeline.Kinds {
			first := true
			for _, h := range hits {
				if h.Ref.Kind != k {
					continue
				}
				if first {
					s.rows = append(s.rows, searchRow{header: groupLabel("", k)})
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
	if s.popup == nil {
		s.popup = widget.NewPopUp(container.NewStack(s.list), c)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s)
	rowH := s.list.MinSize().Height
	h := fyne.Min(float32(len(s.rows))*rowH*1.15+8, c.Size().Height*0.6)
	s.popup.Resize(fyne.NewSize(fyne.Max(s.Size().Width, 320), fyne.Max(h, 48)))
	s.popup.ShowAtPosition(pos.Add(fyne.NewPos(0, s.Size().Height)))
	c.Focus(s)
}

func (s *Search) hide() {
	if s.popup != nil {
		s.popup.Hide()
	}
}

func (s *Search) choose(i int) {
	if i < 0 || i >= len(s.rows) || s.rows[i].header != "" {
		return
	}
	ref := s.rows[i].hit.Ref
	s.hide()
	s.SetText("")
	s.open(ref)
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
	default:
		s.Entry.TypedKey(ev)
	}
}
