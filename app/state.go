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
	back      []timeline.Ref
	forward   []timeline.Ref
	listeners []func(Change)
}

// Change says what a State change touched.
type Change struct {
	Date      bool // the date shown changed
	Selection bool // the selected item changed
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
	if !c.Date && !c.Selection {
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
	if s.selection != (timeline.Ref{}) {
		s.back = pushLimited(s.back, s.selection)
	}
	s.forward = s.forward[:0]
	s.selection = r
	s.mu.Unlock()
	s.notify(Change{Selection: true})
}

// SelectWithDate opens r and shows day in one change, so listeners redraw once.
func (s *State) SelectWithDate(r timeline.Ref, day timeline.Day) {
	day = clampDay(day)
	s.mu.Lock()
	c := Change{Date: s.date != day, Selection: r != s.selection}
	if c.Selection {
		if s.selection != (timeline.Ref{}) {
			s.back = pushLimited(s.back, s.selection)
		}
		s.forward = s.forward[:0]
		s.selection = r
	}
	s.date = day
	s.mu.Unlock()
	s.notify(c)
}

func pushLimited(stack []timeline.Ref, r timeline.Ref) []timeline.Ref {
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

// Back returns to the previously selected item. It reports whether anything changed.
func (s *State) Back() bool {
	s.mu.Lock()
	if len(s.back) == 0 {
		s.mu.Unlock()
		return false
	}
	prev := s.back[len(s.back)-1]
	s.back = s.back[:len(s.back)-1]
	if s.selection != (timeline.Ref{}) {
		s.forward = pushLimited(s.forward, s.selection)
	}
	s.selection = prev
	s.mu.Unlock()
	s.notify(Change{Selection: true})
	return true
}

// Forward undoes a Back. It reports whether anything changed.
func (s *State) Forward() bool {
	s.mu.Lock()
	if len(s.forward) == 0 {
		s.mu.Unlock()
		return false
	}
	next := s.forward[len(s.forward)-1]
	s.forward = s.forward[:len(s.forward)-1]
	if s.selection != (timeline.Ref{}) {
		s.back = pushLimited(s.back, s.selection)
	}
	s.selection = next
	s.mu.Unlock()
	s.notify(Change{Selection: true})
	return true
}

// ClearSelection deselects without touching history.
func (s *State) ClearSelection() {
	s.mu.Lock()
	changed := s.selection != (timeline.Ref{})
	if changed {
		s.back = pushLimited(s.back, s.selection)
		s.forward = s.forward[:0]
	}
	s.selection = timeline.Ref{}
	s.mu.Unlock()
	s.notify(Change{Selection: changed})
}
