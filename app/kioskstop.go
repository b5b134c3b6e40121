package app

import (
	"math"

	"frontline-atlas/timeline"
)

// This file is what the kiosk's attract loop and its reset do to the window beyond a tour
// stop (which UI.ApplyStop shows, as in presenter mode): play a range stop as time passes and
// return to the home view.

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
	u.Timeline.home()
	u.Map.stopMotion()
	u.Map.FitSelection()
	u.Settings.ResetText()
	u.refreshChrome()
}
