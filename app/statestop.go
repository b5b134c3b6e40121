package app

import "frontline-atlas/timeline"

// ShowStop shows day, selects r (the zero Ref deselects) and puts filter in force, in one
// change, as a tour stop asks: listeners redraw once. A new selection goes onto the history
// as Select does, so Back returns to what was open before the stop.
func (s *State) ShowStop(r timeline.Ref, day timeline.Day, filter timeline.Filter) {
	day = clampDay(day)
	filter = filter.Clone()
	s.mu.Lock()
	c := Change{Date: s.date != day, Selection: r != s.selection, Filter: !sameFilter(s.filter, filter)}
	if c.Selection {
		if s.selection != (timeline.Ref{}) {
			s.back = pushLimited(s.back, s.selection)
		}
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
	changed := !sameFilter(s.filter, filter)
	s.filter = filter
	s.mu.Unlock()
	s.notify(Change{Filter: changed})
}

// sameFilter reports whether a and b hide the same lanes and theatres.
func sameFilter(a, b timeline.Filter) bool {
	return sameHidden(a.HiddenLanes, b.HiddenLanes) && sameHidden(a.HiddenTheatres, b.HiddenTheatres)
}

func sameHidden(a, b map[string]bool) bool {
	n := 0
	for k, v := range a {
		if v {
			n++
			if !b[k] {
				return false
			}
		}
	}
	for _, v := range b {
		if v {
			n--
		}
	}
	return n == 0
}
