package app

import (
	"math"

	"frontline-atlas/timeline"
)

// This file applies what a tour stop asks of the window without animation, and returns the
// window to its home view: the kiosk's attract loop and its reset use them. Presenter mode
// (UI.ApplyStop, with its flights and glides) does the same with animation; kioskApplyStop is
// meant to be folded into it once both are merged.

// kioskApplyStop shows stop st: its filter, its selection and first day (without adding to
// the history of Back and Forward), and its map view, at once.
func kioskApplyStop(u *UI, st timeline.StopState) {
	u.State.showStop(st.Selection, st.First, st.Filter)
	m := u.Map
	if st.View.Fit {
		m.FitSelection()
		return
	}
	v := m.session.View()
	kioskSetView(u, st.View.Lon, st.View.Lat, st.View.MetresPerPixel(float64(v.W), float64(v.H)))
}

// kioskSetView centres the map on lon, lat at scale metres per pixel, through the map's
// public moves (which keep the centre over the theatre and the scale within its limits).
func kioskSetView(u *UI, lon, lat, scale float64) {
	m := u.Map
	v := m.session.View()
	if v.W < 1 || v.H < 1 {
		return
	}
	x, y := v.ToScreen(lon, lat)
	m.session.Pan(float64(v.W)/2-x, float64(v.H)/2-y)
	if cur := m.session.View().Scale; scale > 0 && cur > 0 && !math.IsNaN(scale) {
		m.session.ZoomCentre(cur / scale)
	}
	m.Refresh()
}

// kioskPlayStop moves the date of a stop that plays a range to where it is elapsed into
// playing (StopState.DayAt); a stop of one date stays.
func kioskPlayStop(u *UI, st timeline.StopState, day float64) {
	if !st.IsRange() {
		return
	}
	u.State.SetDate(timeline.Day(math.Floor(day)))
}

// kioskHome returns the window to its home view: nothing selected, no history, no filter,
// the home date, the timeline and the map as they open, playback stopped, the search field
// empty, the text size at 100 %.
func kioskHome(u *UI, home timeline.Day) {
	u.Timeline.Controls.pause()
	u.Search.SetText("")
	if c := u.canvas; c != nil {
		c.Unfocus()
	}
	u.State.resetTo(home)
	t := u.Timeline
	if t.inertia != nil {
		t.inertia.Stop()
		t.inertia = nil
	}
	t.moved, t.sized = false, false
	t.fitSize(t.Size())
	t.Refresh()
	if u.Map.inertia != nil {
		u.Map.inertia.Stop()
		u.Map.inertia = nil
	}
	u.Map.FitSelection()
	u.Settings.ResetText()
	u.refreshChrome()
}

// showStop selects r, shows day and sets the filter in one change, without touching the
// history of Back and Forward: the attract loop's stops are not the visitor's steps.
func (s *State) showStop(r timeline.Ref, day timeline.Day, f timeline.Filter) {
	day = clampDay(day)
	f = f.Clone()
	s.mu.Lock()
	c := Change{Date: s.date != day, Selection: s.selection != r,
		Filter: !s.filter.Same(f)}
	s.date, s.selection, s.filter = day, r, f
	s.mu.Unlock()
	s.notify(c)
}

// resetTo returns the state to how a window opens on day: nothing selected, no history, no
// filter.
func (s *State) resetTo(day timeline.Day) {
	s.showStop(timeline.Ref{}, day, timeline.Filter{})
	s.clearHistory()
}

// clearHistory empties Back and Forward (a visitor takes over from the attract loop). It
// tells no listener: the caller redraws the buttons (UI.refreshChrome).
func (s *State) clearHistory() {
	s.mu.Lock()
	s.back, s.forward = s.back[:0], s.forward[:0]
	s.mu.Unlock()
}
