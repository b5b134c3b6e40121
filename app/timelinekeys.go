package app

import (
	"fyne.io/fyne/v2"

	"frontline-atlas/timeline"
)

// HandleKey moves the date (←/→ by the unit the axis shows, Home/End to the ends of the period),
// zooms (+/−), goes to the previous/next event (PageUp/PageDown, as presentation clickers send)
// and plays or pauses (Space). It reports whether it used the key.
func (t *TimelineView) HandleKey(k fyne.KeyName) bool {
	d := t.state.Date()
	switch k {
	case fyne.KeyLeft, fyne.KeyRight:
		n := 1
		if k == fyne.KeyLeft {
			n = -1
		}
		t.Playback.Seek(float64(d))
		switch t.ticks.Unit() {
		case "day", "week":
			t.Playback.Step(timeline.StepDay, n)
		case "month", "quarter":
			t.Playback.Step(timeline.StepMonth, n)
		default:
			t.Playback.Step(timeline.StepMonth, 12*n)
		}
		t.state.SetDate(t.Playback.Date())
	case fyne.KeyHome:
		t.state.SetDate(timeline.PeriodStart)
	case fyne.KeyEnd:
		t.state.SetDate(timeline.PeriodEnd)
	case fyne.KeyPlus, fyne.KeyEqual:
		t.zoomCursor(2)
	case fyne.KeyMinus:
		t.zoomCursor(0.5)
	case fyne.KeyPageDown, fyne.KeyPageUp:
		if e := t.neighbourEvent(k == fyne.KeyPageDown); e != nil && t.OnEventTapped != nil {
			t.OnEventTapped(e.ID)
		}
	case fyne.KeySpace:
		t.Controls.TogglePlay()
	default:
		return false
	}
	return true
}

// neighbourEvent returns the next (or previous) shown event after (before) the selected event,
// or after (before) the date shown when no event is selected.
func (t *TimelineView) neighbourEvent(next bool) *timeline.Event {
	if len(t.events) == 0 {
		return nil
	}
	sel := t.state.Selection()
	cur := -1
	if sel.Kind == timeline.KindEvent {
		for i, e := range t.cat.Events() {
			if e.ID == sel.ID {
				cur = i
				break
			}
		}
	}
	all := t.cat.Events()
	filter := t.state.Filter()
	visible := func(e *timeline.Event) bool { return filter.Shows(e) && !e.Context }
	if cur < 0 {
		d := t.state.Date()
		if next {
			for _, e := range all {
				if first, _ := e.Days(); first > d && visible(e) {
					return e
				}
			}
			return nil
		}
		for i := len(all) - 1; i >= 0; i-- {
			if first, _ := all[i].Days(); first < d && visible(all[i]) {
				return all[i]
			}
		}
		return nil
	}
	step := 1
	if !next {
		step = -1
	}
	for i := cur + step; i >= 0 && i < len(all); i += step {
		if visible(all[i]) {
			return all[i]
		}
	}
	return nil
}
