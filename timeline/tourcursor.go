package timeline

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// TourCursor walks the stops of one tour: it knows the current stop and moves to the next,
// the previous, the first, the last or a stop by number, and resolves what the current stop
// asks of the window (State). Presenter mode and the kiosk's attract loop share it; neither
// the cursor nor its states hold a clock or anything of Fyne: the caller animates between two
// states and plays a range with StopState.DayAt.
//
// A new cursor stands at the first stop. The moving methods change the cursor and report
// whether it moved; at either end it stays where it is. Not safe for concurrent use.
type TourCursor struct {
	cat  *Catalog
	tour *Tour
	i    int
}

// NewTourCursor returns a cursor at the first stop of the tour id. An unknown id is an error
// naming the tours the pack has; so is a tour without stops, which a loaded pack never has.
func NewTourCursor(c *Catalog, id string) (*TourCursor, error) {
	t := c.Tour(id)
	if t == nil {
		var ids []string
		for _, x := range c.Tours() {
			ids = append(ids, x.ID)
		}
		sort.Strings(ids)
		if len(ids) == 0 {
			return nil, fmt.Errorf("tour %q: the content pack has no tours", id)
		}
		return nil, fmt.Errorf("tour %q not found%s; the pack's tours are %s", id, c.suggestID(Ref{KindTour, id}), strings.Join(ids, ", "))
	}
	if len(t.Stops) == 0 {
		return nil, fmt.Errorf("tour %q has no stops", id)
	}
	return &TourCursor{cat: c, tour: t}, nil
}

// Tour returns the tour the cursor walks.
func (tc *TourCursor) Tour() *Tour { return tc.tour }

// Len returns the number of stops.
func (tc *TourCursor) Len() int { return len(tc.tour.Stops) }

// Index returns the current stop's index, from 0.
func (tc *TourCursor) Index() int { return tc.i }

// Number returns the current stop's number as the stop counter shows it, from 1.
func (tc *TourCursor) Number() int { return tc.i + 1 }

// Stop returns the current stop.
func (tc *TourCursor) Stop() *Stop { return &tc.tour.Stops[tc.i] }

// AtFirst reports whether the cursor is at the first stop.
func (tc *TourCursor) AtFirst() bool { return tc.i == 0 }

// AtLast reports whether the cursor is at the last stop.
func (tc *TourCursor) AtLast() bool { return tc.i == len(tc.tour.Stops)-1 }

// Next moves to the next stop; at the last stop it stays and returns false.
func (tc *TourCursor) Next() bool { return tc.seek(tc.i + 1) }

// Prev moves to the previous stop; at the first stop it stays and returns false.
func (tc *TourCursor) Prev() bool { return tc.seek(tc.i - 1) }

// First moves to the first stop; it returns false when the cursor was there.
func (tc *TourCursor) First() bool { return tc.seek(0) }

// Last moves to the last stop; it returns false when the cursor was there.
func (tc *TourCursor) Last() bool { return tc.seek(len(tc.tour.Stops) - 1) }

// Jump moves to the stop numbered n, from 1, as a presenter types "5" then Enter. A number
// outside 1..Len is an error and the cursor stays; jumping to the current stop is not.
func (tc *TourCursor) Jump(n int) error {
	if n < 1 || n > len(tc.tour.Stops) {
		return fmt.Errorf("tour %q has stops 1 to %d, not %d", tc.tour.ID, len(tc.tour.Stops), n)
	}
	tc.i = n - 1
	return nil
}

func (tc *TourCursor) seek(i int) bool {
	if i < 0 || i >= len(tc.tour.Stops) || i == tc.i {
		return false
	}
	tc.i = i
	return true
}

// State returns what the current stop asks of the window.
func (tc *TourCursor) State() StopState { return tc.StateAt(tc.i) }

// StateAt returns what stop i (from 0) asks of the window: the presenter's screen shows the
// next stop with StateAt(Index()+1). An index outside the tour is clamped to it.
func (tc *TourCursor) StateAt(i int) StopState {
	i = min(max(i, 0), len(tc.tour.Stops)-1)
	s := &tc.tour.Stops[i]
	st := StopState{
		Tour: tc.tour.ID, Index: i, Count: len(tc.tour.Stops),
		Title: s.Title, Caption: s.Caption, Notes: s.PresenterNotes,
		Play:    s.PlayDuration(),
		View:    tc.cat.viewState(s),
		Filter:  s.Filter.Filter(),
		Sources: append([]string(nil), s.Sources...),
	}
	st.Start, st.End = s.dateEnds()
	st.First, st.Last = s.Days()
	st.Selection, _ = s.Selection()
	return st
}

// StopState is everything one stop asks of the window, resolved against the catalog: the
// date or the range to play, the selection, the map view, the filter and the texts. It is a
// value: the caller may keep it and compare two of them (Changes).
type StopState struct {
	Tour         string // the tour's id
	Index, Count int    // the stop's index from 0, and the number of stops

	Title   Text // the stop's title, for the presenter's screen
	Caption Text // the caption over the map, in large type
	Notes   Text // the presenter's notes

	// Start is the stop's date, or the start of its range; End is the end of its range, zero
	// for a date. HumanRange(Start, End) writes them for the screen.
	Start, End Date
	// First and Last are the days the stop covers. The timeline opens on First; a range plays
	// from First to Last in Play.
	First, Last Day
	Play        time.Duration // 0 for a stop with one date

	Selection Ref // the zero Ref when the stop selects nothing
	View      ViewState
	Filter    Filter // what is hidden; the zero Filter hides nothing
	Sources   []string
}

// Number returns the stop's number as the stop counter shows it, from 1.
func (s StopState) Number() int { return s.Index + 1 }

// IsRange reports whether the stop plays through a range of days.
func (s StopState) IsRange() bool { return s.Play > 0 }

// DayAt returns the day, as a fractional day for Scale and Playback, that the timeline shows
// elapsed time into the stop: a range moves evenly from the start of First to the end of Last
// over Play and stays at the end; a date stays on First.
func (s StopState) DayAt(elapsed time.Duration) float64 {
	if s.Play <= 0 || elapsed <= 0 {
		return float64(s.First)
	}
	f := math.Min(float64(elapsed)/float64(s.Play), 1)
	return float64(s.First) + f*float64(s.Last+1-s.First)
}

// StopChange says what differs between two stop states, so that moving from one to the other
// animates only what changed: the map flies when the view changed, the timeline glides when
// the date did, the caption fades when its text did.
type StopChange struct {
	Date      bool // First, Last or Play
	Selection bool
	View      bool
	Filter    bool
	Caption   bool
}

// Any reports whether anything changed.
func (c StopChange) Any() bool { return c.Date || c.Selection || c.View || c.Filter || c.Caption }

// Changes returns what differs from prev to s.
func (s StopState) Changes(prev StopState) StopChange {
	return StopChange{
		Date:      s.First != prev.First || s.Last != prev.Last || s.Play != prev.Play,
		Selection: s.Selection != prev.Selection,
		View:      s.View != prev.View,
		Filter:    !s.Filter.Same(prev.Filter),
		Caption:   !sameText(s.Caption, prev.Caption),
	}
}

func sameText(a, b Text) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
