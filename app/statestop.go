package app

import "frontline-atlas/timeline"

// ShowStop shows day, selects r (the zero Ref deselects) and puts filter in force, in one
// change, as a tour stop asks: listeners redraw once. A new selection goes onto the history
// as Select does, so Back returns to what was open before the stop.
func (s *State) ShowStop(r timeline.Ref, day timeline.Day, filter timeline.Filter) {
	s.showStop(r, day, filter, true)
}

// showStop is ShowStop; with record false it leaves the history of Back and Forward as it
// is (the kiosk's attract loop: its stops are not the visitor's steps).
func (s *State) showStop(r timeline.Ref, day timeline.Day, filter timeline.Filter, record bool) {
	day = clampDay(day)
	filter = filter.Clone()
	var view MapMark
	if record {
		view = s.captureView()
	}
	s.mu.Lock()
	c := Change{Date: s.date != day, Selection: r != s.selection, Filter: !s.filter.Same(filter)}
	if c.Selection {
		if record {
			s.back = pushLimited(s.back, s.entry(view)) // with its date and map view, as Select
			s.forward = s.forward[:0]
		}
		s.selection = r
	}
	s.date = day
	s.filter = filter
	s.mu.Unlock()
	s.notify(c)
}

// resetTo returns the state to how a window opens on day: nothing selected, no history, no
// filter.
func (s *State) resetTo(day timeline.Day) {
	s.showStop(timeline.Ref{}, day, timeline.Filter{}, false)
	s.clearHistory()
}

// clearHistory empties Back and Forward (a visitor takes over from the attract loop). It
// tells no listener: the caller redraws the buttons (UI.refreshChrome).
func (s *State) clearHistory() {
	s.mu.Lock()
	s.back, s.forward = s.back[:0], s.forward[:0]
	s.mu.Unlock()
}

// SetFilter puts filter in force (a tour leaving its stops gives back what the visitor had).
func (s *State) SetFilter(filter timeline.Filter) {
	filter = filter.Clone()
	s.mu.Lock()
	changed := !s.filter.Same(filter)
	s.filter = filter
	s.mu.Unlock()
	s.notify(Change{Filter: changed})
}
