package app

import (
	"sync"

	"frontline-atlas/timeline"
)

// State is the one application state every area of the window follows: the date shown, the
// selected item, and the history of what was opened. Areas change it through its methods and
// listen to it with OnChange; none of them talks to another directly.
//
// State is safe for use from several goroutines; listeners run on the goroutine that made the
// change, after the lock is released.
type State struct {
	mu        sync.Mutex
	date      timeline.Day
	selection timeline.Ref
	back      []Entry
	forward   []Entry
	filter    timeline.Filter
	listeners []func(Change)
	// CaptureView returns where the map looks now, recorded with each history entry so that
	// Back and Forward return to it (UI sets it; nil records no view). It is called on the
	// goroutine that changes the selection, before the lock is taken.
	CaptureView func() MapMark
}

// Filter returns a copy of the filter in force; Catalog.EventShown and Catalog.PlaceShown
// answer what it shows.
func (s *State) Filter() timeline.Filter {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.filter.Clone()
}

// SetLaneShown shows or hides the events of a category.
func (s *State) SetLaneShown(id string, shown bool) { s.setHidden(id, !shown, true) }

// SetTheatreShown shows or hides the events of a theatre.
func (s *State) SetTheatreShown(id string, shown bool) { s.setHidden(id, !shown, false) }

func (s *State) setHidden(id string, hidden, lane bool) {
	s.mu.Lock()
	f := s.filter.Clone()
	m := f.HiddenTheatres
	if lane {
		m = f.HiddenLanes
	}
	changed := m[id] != hidden
	if hidden {
		m[id] = true
	} else {
		delete(m, id)
	}
	s.filter = f
	s.mu.Unlock()
	s.notify(Change{Filter: changed})
}

// Change says what a State change touched.
type Change struct {
	Date      bool // the date shown changed
	Selection bool // the selected item changed
	Filter    bool // the categories or theatres shown changed
	// Travel is set by Back, Forward and Home: the map takes View (or, when View is the zero
	// MapMark, fits the selection or its home view) rather than moving to the selection.
	Travel bool
	View   MapMark
	// Home is set by Home: the timeline goes back to its opening span too.
	Home bool
}

// historyLimit bounds the back and forward stacks (an exhibit runs for months).
const historyLimit = 200

// NewState returns a State showing day with nothing selected. The day is clamped to the period.
func NewState(day timeline.Day) *State {
	return &State{date: clampDay(day)}
}

func clampDay(d timeline.Day) timeline.Day {
	if d < timeline.PeriodStart {
		return timeline.PeriodStart
	}
	if d > timeline.PeriodEnd {
		return timeline.PeriodEnd
	}
	return d
}

// OnChange registers f to be called after every change.
func (s *State) OnChange(f func(Change)) {
	s.mu.Lock()
	s.listeners = append(s.listeners, f)
	s.mu.Unlock()
}

func (s *State) notify(c Change) {
	if !c.Date && !c.Selection && !c.Filter {
		return
	}
	s.mu.Lock()
	ls := append([]func(Change){}, s.listeners...)
	s.mu.Unlock()
	for _, f := range ls {
		f(c)
	}
}

// Date returns the date shown.
func (s *State) Date() timeline.Day {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.date
}

// SetDate shows day, clamped to 1936–1953.
func (s *State) SetDate(day timeline.Day) {
	day = clampDay(day)
	s.mu.Lock()
	changed := s.date != day
	s.date = day
	s.mu.Unlock()
	s.notify(Change{Date: changed})
}

// Selection returns the selected item; the zero Ref when nothing is selected.
func (s *State) Selection() timeline.Ref {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.selection
}

// Select opens r: the previous selection goes onto the back stack and the forward stack is
// cleared, as in a browser. Selecting what is already selected changes nothing.
func (s *State) Select(r timeline.Ref) {
	s.mu.Lock()
	if r == s.selection {
		s.mu.Unlock()
		return
	}
	s.mu.Unlock()
	view := s.captureView()
	s.mu.Lock()
	s.back = pushLimited(s.back, s.entry(view))
	s.forward = s.forward[:0]
	s.selection = r
	s.mu.Unlock()
	s.notify(Change{Selection: true})
}

// SelectWithDate opens r and shows day in one change, so listeners redraw once.
func (s *State) SelectWithDate(r timeline.Ref, day timeline.Day) {
	day = clampDay(day)
	view := s.captureView()
	s.mu.Lock()
	c := Change{Date: s.date != day, Selection: r != s.selection}
	if c.Selection {
		s.back = pushLimited(s.back, s.entry(view))
		s.forward = s.forward[:0]
		s.selection = r
	}
	s.date = day
	s.mu.Unlock()
	s.notify(c)
}

func pushLimited(stack []Entry, r Entry) []Entry {
	stack = append(stack, r)
	if len(stack) > historyLimit {
		stack = append(stack[:0], stack[len(stack)-historyLimit:]...)
	}
	return stack
}

// CanGoBack reports whether Back would change the selection.
func (s *State) CanGoBack() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.back) > 0
}

// CanGoForward reports whether Forward would change the selection.
func (s *State) CanGoForward() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.forward) > 0
}

// Back returns to the previous entry of history: what was selected (nothing, at the start),
// the date shown and the map's view then. It reports whether anything changed.
func (s *State) Back() bool { return s.travel(&s.back, &s.forward) }

// Forward undoes a Back. It reports whether anything changed.
func (s *State) Forward() bool { return s.travel(&s.forward, &s.back) }

// travel takes the entry at the top of from and pushes the current one onto to.
func (s *State) travel(from, to *[]Entry) bool {
	view := s.captureView()
	s.mu.Lock()
	if len(*from) == 0 {
		s.mu.Unlock()
		return false
	}
	next := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = pushLimited(*to, s.entry(view))
	c := Change{Selection: s.selection != next.Selection, Date: s.date != next.Date, Travel: true, View: next.View}
	s.selection, s.date = next.Selection, next.Date
	s.mu.Unlock()
	c.Selection = true // the map and the panel take the entry even when the item is the same
	s.notify(c)
	return true
}

// ClearSelection deselects; what was selected becomes a history entry.
func (s *State) ClearSelection() {
	view := s.captureView()
	s.mu.Lock()
	changed := s.selection != (timeline.Ref{})
	if changed {
		s.back = pushLimited(s.back, s.entry(view))
		s.forward = s.forward[:0]
	}
	s.selection = timeline.Ref{}
	s.mu.Unlock()
	s.notify(Change{Selection: changed})
}
