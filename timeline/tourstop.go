package timeline

import (
	"strconv"
	"strings"
	"time"
)

// Stop is one stop of a tour: what the screen shows when the presenter gets there.
type Stop struct {
	Title Text `json:"title"`
	// Date is the day the timeline shows; a month or a year opens on its first day. A stop
	// gives either Date or a range From–To, which the player plays through.
	Date Date `json:"date,omitzero"`
	From Date `json:"from,omitzero"`
	To   Date `json:"to,omitzero"`
	// PlaySeconds is how long playing through the range takes; 0 for DefaultPlaySeconds.
	PlaySeconds float64 `json:"play_seconds,omitempty"`
	// Select is the item the stop selects, as "kind:id" ("event:battle-of-kursk"); "" for none.
	Select string   `json:"select,omitempty"`
	View   StopView `json:"view"`
	// Filter hides lanes and theatres while the stop is shown; a stop without one shows all.
	Filter StopFilter `json:"filter,omitzero"`
	// Caption is shown over the map in large type: one or two lines.
	Caption Text `json:"caption"`
	// PresenterNotes are what the lecturer reads from, on the presenter's screen.
	PresenterNotes Text     `json:"presenter_notes,omitempty"`
	Sources        []string `json:"sources"` // source ids, at least one
}

// StopView is the map view of a stop: a centre and a zoom, or "fit": "selection".
//
// Zoom z means ZoomScale(z) = 156543.03392804097 / 2^z metres per pixel on the map's plane,
// on a map of ViewFrameWidth × ViewFrameHeight pixels; a map of another size shows the same
// frame (see FrameScale). Zoom 0 would put the equator's 40,075 km on 256 pixels, as web maps'
// zoom levels do.
type StopView struct {
	Lon  *float64 `json:"lon,omitempty"`  // centre, degrees east
	Lat  *float64 `json:"lat,omitempty"`  // centre, degrees north
	Zoom *float64 `json:"zoom,omitempty"` // MinZoom to MaxZoom, fractions allowed
	// Fit "selection" fits the map to the places of the selected item, as the map's own
	// fit-to-selection does, instead of a centre and a zoom.
	Fit string `json:"fit,omitempty"`
}

// FitSelection is the one value of StopView.Fit.
const FitSelection = "selection"

// StopFilter hides lanes (categories of events) and theatres while a stop is shown.
type StopFilter struct {
	HideLanes    []string `json:"hide_lanes,omitempty"`
	HideTheatres []string `json:"hide_theatres,omitempty"`
}

// IsZero reports whether f hides nothing.
func (f StopFilter) IsZero() bool { return len(f.HideLanes)+len(f.HideTheatres) == 0 }

// Filter returns f as the Filter the window applies.
func (f StopFilter) Filter() Filter {
	out := Filter{HiddenLanes: map[string]bool{}, HiddenTheatres: map[string]bool{}}
	for _, id := range f.HideLanes {
		out.HiddenLanes[id] = true
	}
	for _, id := range f.HideTheatres {
		out.HiddenTheatres[id] = true
	}
	return out
}

// Playing a range: the default time and the limits, in seconds.
const (
	DefaultPlaySeconds = 12
	MinPlaySeconds     = 2
	MaxPlaySeconds     = 300
)

// selectableKinds are the kinds a stop may select.
var selectableKinds = []Kind{KindEvent, KindPerson, KindMedal, KindPlace, KindOrganization, KindVeteran}

// IsRange reports whether the stop plays through a range of dates rather than showing one date.
func (s *Stop) IsRange() bool { return s.Date.IsZero() && !s.From.IsZero() }

// Days returns the first and the last day the stop covers: its date's, or from the first day of
// From to the last day of To. The timeline opens on first.
func (s *Stop) Days() (first, last Day) {
	if s.IsRange() {
		return s.From.First(), s.To.Last()
	}
	return s.Date.First(), s.Date.Last()
}

// PlayDuration is how long playing through the stop's range takes: PlaySeconds, or
// DefaultPlaySeconds when not given; 0 for a stop with one date.
func (s *Stop) PlayDuration() time.Duration {
	if !s.IsRange() {
		return 0
	}
	sec := s.PlaySeconds
	if sec <= 0 {
		sec = DefaultPlaySeconds
	}
	return time.Duration(sec * float64(time.Second))
}

// Selection returns the item the stop selects; false when it selects none or Select is not
// "kind:id" with a kind a stop may select.
func (s *Stop) Selection() (Ref, bool) {
	r, err := parseSelect(s.Select)
	return r, err == "" && r.ID != ""
}

// parseSelect reads "kind:id"; the message says what is wrong, "" when nothing is.
func parseSelect(v string) (Ref, string) {
	if v == "" {
		return Ref{}, ""
	}
	k, id, ok := strings.Cut(v, ":")
	if !ok {
		return Ref{}, "want kind:id, such as \"event:battle-of-kursk\" or \"person:zhukov\""
	}
	kind := Kind(k)
	selectable := false
	for _, x := range selectableKinds {
		selectable = selectable || x == kind
	}
	if !selectable {
		names := make([]string, len(selectableKinds))
		for i, x := range selectableKinds {
			names[i] = string(x)
		}
		hint := ""
		if k == "award" {
			hint = " (an award's kind is \"medal\")"
		}
		return Ref{}, "kind \"" + k + "\": want one of " + strings.Join(names, ", ") + hint
	}
	if !ValidID(id) {
		return Ref{}, "id \"" + id + "\": want " + IDRule
	}
	return Ref{kind, id}, ""
}

// Center returns the centre and zoom of a view that gives them; false for a fit view.
func (v StopView) Center() (lon, lat, zoom float64, ok bool) {
	if v.Lon == nil || v.Lat == nil || v.Zoom == nil {
		return 0, 0, 0, false
	}
	return *v.Lon, *v.Lat, *v.Zoom, true
}

// FitsSelection reports whether the view fits the selection's places.
func (v StopView) FitsSelection() bool { return v.Fit == FitSelection }

// check reports the problems of stop i of a tour.
func (s *Stop) check(c *itemCheck, i int) {
	f := func(name string) string { return stopField(i, name) }
	c.text(f("title"), s.Title, true)
	c.maxRunes(f("title"), s.Title, MaxStopTitleRunes)
	datesOK := s.checkDates(c, f)
	sel, selMsg := parseSelect(s.Select)
	if selMsg != "" {
		c.errf(f("select"), "%q: %s", s.Select, selMsg)
	}
	s.checkView(c, f, sel)
	s.checkFilter(c, f, sel)
	c.text(f("caption"), s.Caption, true)
	c.maxRunes(f("caption"), s.Caption, MaxCaptionRunes)
	c.text(f("presenter_notes"), s.PresenterNotes, false)
	if len(s.Sources) == 0 {
		c.errf(f("sources"), "missing: every stop cites at least one source id")
	}
	if e, ok := c.lookup(sel).(*Event); ok && datesOK {
		first, last := s.Days()
		if ef, el := e.Days(); last < ef || first > el {
			field := f("date")
			if s.IsRange() {
				field = f("from")
			}
			c.warnf(field, "%s is outside the dates of the selected event %q (%s)",
				HumanRange(s.dateEnds()), e.ID, HumanRange(e.Start, e.End))
		}
	}
}

// dateEnds returns the stop's date, or the ends of its range.
func (s *Stop) dateEnds() (Date, Date) {
	if s.IsRange() {
		return s.From, s.To
	}
	return s.Date, Date{}
}

// checkDates checks the date or the range; it reports whether they are usable (both ends
// given, in order).
func (s *Stop) checkDates(c *itemCheck, f func(string) string) bool {
	hasRange := !s.From.IsZero() || !s.To.IsZero()
	switch {
	case !s.Date.IsZero() && hasRange:
		c.errf(f("date"), "give either a date or a range (from, to), not both")
		return false
	case s.Date.IsZero() && !hasRange:
		c.errf(f("date"), "missing: want a date such as \"1941-06-22\", or a range to play through (from, to)")
		return false
	case hasRange && s.From.IsZero():
		c.errf(f("from"), "missing: a range needs from and to")
		return false
	case hasRange && s.To.IsZero():
		c.errf(f("to"), "missing: a range needs from and to")
		return false
	}
	first, last := s.Days()
	if hasRange {
		if s.From.First() > s.To.Last() {
			c.errf(f("to"), "%s is before from %s", s.To, s.From)
			return false
		}
		if first == last {
			c.errf(f("to"), "the range from %s to %s is one day: give \"date\" instead", s.From, s.To)
		}
	}
	if first < PeriodStart || last > PeriodEnd {
		field := f("date")
		if hasRange {
			field = f("from")
			if first >= PeriodStart {
				field = f("to")
			}
		}
		c.errf(field, "%s is outside 1936–1953, which the timeline shows", HumanRange(s.dateEnds()))
	}
	switch {
	case s.PlaySeconds != 0 && !hasRange:
		c.errf(f("play_seconds"), "only a range is played: give from and to, or leave play_seconds out")
	case s.PlaySeconds != 0 && !(s.PlaySeconds >= MinPlaySeconds && s.PlaySeconds <= MaxPlaySeconds):
		c.errf(f("play_seconds"), "%g: want %d to %d seconds", s.PlaySeconds, MinPlaySeconds, MaxPlaySeconds)
	}
	return true
}

func (s *Stop) checkView(c *itemCheck, f func(string) string, sel Ref) {
	v := s.View
	given := v.Lon != nil || v.Lat != nil || v.Zoom != nil
	switch {
	case v.Fit == "" && !given:
		c.errf(f("view"), "missing: want lon, lat and zoom, or \"fit\": \"selection\"")
		return
	case v.Fit != "" && v.Fit != FitSelection:
		c.errf(f("view.fit"), "%q: want \"selection\", or lon, lat and zoom", v.Fit)
		return
	case v.Fit != "" && given:
		for _, x := range []struct {
			name string
			p    *float64
		}{{"lon", v.Lon}, {"lat", v.Lat}, {"zoom", v.Zoom}} {
			if x.p != nil {
				c.errf(f("view."+x.name), "not with \"fit\": fitting the selection chooses the centre and the zoom")
			}
		}
		return
	case v.Fit != "":
		switch {
		case sel.ID == "":
			c.errf(f("view.fit"), "the stop selects nothing to fit: give \"select\", or lon, lat and zoom")
		case c.lookup(sel) != nil && len(c.selectionPlaces(sel)) == 0:
			c.errf(f("view.fit"), "%s %q has no places to fit: give lon, lat and zoom", sel.Kind, sel.ID)
		}
		return
	}
	if v.Lon == nil {
		c.errf(f("view.lon"), "missing: want the centre's degrees east, -180 to 180")
	} else if !(*v.Lon >= -180 && *v.Lon <= 180) {
		c.errf(f("view.lon"), "%g: want degrees east from -180 to 180", *v.Lon)
	}
	if v.Lat == nil {
		c.errf(f("view.lat"), "missing: want the centre's degrees north, -90 to 90")
	} else if !(*v.Lat >= -90 && *v.Lat <= 90) {
		c.errf(f("view.lat"), "%g: want degrees north from -90 to 90", *v.Lat)
	}
	if v.Zoom == nil {
		c.errf(f("view.zoom"), "missing: want %d (a continent) to %d (a town)", MinZoom, MaxZoom)
	} else if !(*v.Zoom >= MinZoom && *v.Zoom <= MaxZoom) {
		c.errf(f("view.zoom"), "%g: want %d (a continent) to %d (a town)", *v.Zoom, MinZoom, MaxZoom)
	}
}

func (s *Stop) checkFilter(c *itemCheck, f func(string) string, sel Ref) {
	pack := c.pack
	if pack.lanes == nil {
		return // pack.json could not be read: lanes and theatres are unknown
	}
	hidden := 0
	for j, id := range s.Filter.HideLanes {
		if !pack.lanes[id] {
			c.errf(f(fmtIndex("filter.hide_lanes", j)), "%q is not a lane of the pack (%s)", id, laneIDs(pack.info.Lanes))
		} else {
			hidden++
		}
	}
	if len(pack.info.Lanes) > 0 && hidden >= len(pack.lanes) {
		c.errf(f("filter.hide_lanes"), "hides every lane: the timeline and the map would show no event")
	}
	for j, id := range s.Filter.HideTheatres {
		if !pack.theatres[id] {
			c.errf(f(fmtIndex("filter.hide_theatres", j)), "%q is not a theatre of the pack (%s)", id, theatreIDs(pack.info.Theatres))
		}
	}
	if e, ok := c.lookup(sel).(*Event); ok {
		if ff := s.Filter.Filter(); !ff.Shows(e) {
			c.errf(f("filter"), "hides the selected event %q (lane %q, theatre %q)", e.ID, e.Category, e.Theatre)
		}
	}
}

// fmtIndex writes the path of element j of list f: "filter.hide_lanes[2]".
func fmtIndex(f string, j int) string { return f + "[" + strconv.Itoa(j) + "]" }

// lookup returns the item of the pack r names (its first definition), or nil.
func (c *itemCheck) lookup(r Ref) Item {
	if r.ID == "" {
		return nil
	}
	if it := c.l.first[r]; it != nil {
		return it.value
	}
	return nil
}

// selectionPlaces returns the places of r that the pack defines, as Catalog.SelectionPlaces
// will once the catalog is built: a place itself, or the places an item links to.
func (c *itemCheck) selectionPlaces(r Ref) []Ref {
	if r.Kind == KindPlace {
		return []Ref{r}
	}
	var out []Ref
	if v := c.lookup(r); v != nil {
		for _, l := range v.Links() {
			if l.To.Kind == KindPlace && c.lookup(l.To) != nil {
				out = append(out, l.To)
			}
		}
	}
	return out
}
