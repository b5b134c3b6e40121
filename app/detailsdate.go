package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// dateEventsMax is how many events the welcome page lists for the date shown.
const dateEventsMax = 8

// dateEvents returns the events to list for day with nothing selected: those under way that
// day that the filter shows, the most important first (the latest begun first among equals),
// at most dateEventsMax; when none is, the last to end before the day and the first to begin
// after it, and underway is false.
func dateEvents(cat *timeline.Catalog, day timeline.Day, f timeline.Filter) (evs []*timeline.Event, underway bool) {
	if cat == nil {
		return nil, false
	}
	var before, after *timeline.Event
	var beforeLast, afterFirst timeline.Day
	for _, e := range cat.Events() {
		if e.Context || !f.Shows(e) {
			continue
		}
		first, last := e.Days()
		switch {
		case first <= day && day <= last:
			evs = append(evs, e)
		case last < day && (before == nil || last > beforeLast):
			before, beforeLast = e, last
		case first > day && (after == nil || first < afterFirst):
			after, afterFirst = e, first
		}
	}
	if len(evs) > 0 {
		slices.SortStableFunc(evs, func(a, b *timeline.Event) int {
			if a.Importance != b.Importance {
				return b.Importance - a.Importance
			}
			af, _ := a.Days()
			bf, _ := b.Days()
			return int(bf) - int(af)
		})
		return evs[:min(len(evs), dateEventsMax)], true
	}
	for _, e := range []*timeline.Event{before, after} {
		if e != nil {
			evs = append(evs, e)
		}
	}
	return evs, false
}

// SetDate tells the panel the date shown: with nothing selected, the welcome page lists the
// events under way that day (what a snapshot without --event shows beside the map), and is
// drawn again only when that list changes.
func (d *Details) SetDate(day timeline.Day, f timeline.Filter) {
	d.date, d.filter = day, f
	if d.shown != (timeline.Ref{}) {
		return
	}
	evs, underway := dateEvents(d.cat, day, f)
	key := fmt.Sprint(underway, len(evs))
	for _, e := range evs {
		key += "," + e.ID
	}
	if key == d.dateKey && d.box.Objects != nil {
		return
	}
	d.Show(timeline.Ref{})
}

// dateSection is the welcome page's list of the events of the date shown.
func (d *Details) dateSection() []fyne.CanvasObject {
	if d.date == 0 || d.cat == nil {
		return nil
	}
	evs, underway := dateEvents(d.cat, d.date, d.filter)
	var b strings.Builder
	fmt.Fprint(&b, underway, len(evs))
	for _, e := range evs {
		b.WriteString("," + e.ID)
	}
	d.dateKey = b.String()
	if len(evs) == 0 {
		return nil
	}
	title := fmt.Sprintf(lang.L("Under way on %s"), d.date.Date().Human())
	if !underway {
		title = fmt.Sprintf(lang.L("Nothing under way on %s; the nearest events"), d.date.Date().Human())
	}
	refs := make([]timeline.Ref, len(evs))
	for i, e := range evs {
		refs[i] = timeline.Ref{Kind: timeline.KindEvent, ID: e.ID}
	}
	return append([]fyne.CanvasObject{widget.NewSeparator(), heading(title)}, d.linkList(refs)...)
}

// dateShown keeps the details panel's list of the date's events current. With an item
// selected it only records the date (the page about to be shown is the item's): a welcome
// page made and at once replaced would stay in Fyne's renderer cache, its links holding the UI.
func (u *UI) dateShown(c Change) {
	if !c.Date && !c.Filter && !c.Selection {
		return
	}
	if u.State.Selection() != (timeline.Ref{}) {
		u.Details.date, u.Details.filter = u.State.Date(), u.State.Filter()
		return
	}
	u.Details.SetDate(u.State.Date(), u.State.Filter())
}
