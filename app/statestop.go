package app

import "frontline-atlas/timeline"

// ShowStop shows day, selects r (the zero Ref deselects) and puts filter in force, in one
// change, as a tour stop asks: listeners redraw once. A new selection goes onto the history
// as Select does, so Back returns to what was open before the stop.
func (s *State) ShowStop(r timeline.Ref, day timeline.Day, filter timeline.Filter) {
	day = clampDay(day)
	filter = filter.Clone()
	view := s.captureView()
	s.mu.Lock()
	c := Change{Date: s.date != day, Selection: r != s.selection, Filter: !s.filter.Same(filter)}
	if c.Selection {
		s.back = pushLimited(s.back, s.entry(view)) // with its date and map view, as Select
		s.forward = s.forward[:0]
		s.selection = r
	}
	s.date = day
	s.filter = filter
	s.mu.Unlock()
	s.notify(c)
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
