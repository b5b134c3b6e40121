package app

import "frontline-atlas/timeline"

// Entry is one step of the history Back and Forward walk: what was selected (nothing for the
// start view), the date shown and where the map looked.
type Entry struct {
	Selection timeline.Ref
	Date      timeline.Day
	View      MapMark
}

// MapMark is where the map looks: the centre in projected coordinates and the scale, and
// whether the user had moved it (an unmoved view keeps fitting its selection when the window
// is resized). The zero MapMark records no view.
type MapMark struct {
	CX, CY, Scale float64
	Moved         bool
}

// entry is the current state as a history entry; s.mu must be held.
func (s *State) entry(view MapMark) Entry {
	return Entry{Selection: s.selection, Date: s.date, View: view}
}

func (s *State) captureView() MapMark {
	if s.CaptureView == nil {
		return MapMark{}
	}
	return s.CaptureView()
}

// Home returns to the start view: day shown, nothing selected, every category and theatre
// shown, the map on its home view. The state left becomes a history entry (Back returns to
// it) and the forward history is dropped, as opening an item does.
func (s *State) Home(day timeline.Day) {
	day = clampDay(day)
	view := s.captureView()
	s.mu.Lock()
	c := Change{Date: s.date != day, Selection: true, Filter: s.filter.Active(), Travel: true, Home: true}
	if s.selection != (timeline.Ref{}) || s.date != day || s.filter.Active() {
		s.back = pushLimited(s.back, s.entry(view))
		s.forward = s.forward[:0]
	}
	s.selection, s.date = timeline.Ref{}, day
	s.filter = timeline.Filter{}
	s.mu.Unlock()
	s.notify(c)
}

// Retract undoes the last opening of an item as if it had not happened: the previous entry
// comes back (selection, date, map view) and, unlike Back, no forward entry is left. The
// timeline uses it when a tap that selected an event turns out to be the first half of a
// double tap.
func (s *State) Retract() {
	s.mu.Lock()
	if len(s.back) == 0 {
		s.mu.Unlock()
		return
	}
	prev := s.back[len(s.back)-1]
	s.back = s.back[:len(s.back)-1]
	c := Change{Selection: true, Date: s.date != prev.Date, Travel: true, View: prev.View}
	s.selection, s.date = prev.Selection, prev.Date
	s.mu.Unlock()
	s.notify(c)
}
