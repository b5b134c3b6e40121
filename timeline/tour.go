package timeline

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Tour is a guided tour through the chronicle: an ordered list of stops, each a date or a span
// of dates to play through, an item to select, a map view, the filters in force, a caption for
// the screen and notes for the presenter. Presenter mode steps through a tour on a clicker;
// the kiosk's attract loop plays the tours when nobody touches the screen.
//
// A tour is an Item like any other: its stops link to the items they select, so the catalog's
// back-links tell an event (a person, a place, …) which tours show it (Catalog.StopsSelecting).
type Tour struct {
	ID      string `json:"id"`
	Title   Text   `json:"title"`
	Summary Text   `json:"summary"`
	Stops   []Stop `json:"stops"`
	Cited
}

// Limits of a tour's texts, in characters (runes) of any one language. A caption is shown in
// large type over the map: one or two lines.
const (
	MaxTourTitleRunes = 80
	MaxStopTitleRunes = 80
	MaxCaptionRunes   = 160
)

// Ref returns the tour's kind and id.
func (t *Tour) Ref() Ref { return Ref{KindTour, t.ID} }

// NameIn returns the tour's title in lang, falling back to English.
func (t *Tour) NameIn(lang string) string { return t.Title.In(lang) }

// Links returns, stop by stop, the item each stop selects and the sources it cites, then the
// sources of the tour.
func (t *Tour) Links() []Link {
	var l linkList
	for i := range t.Stops {
		s := &t.Stops[i]
		if r, ok := s.Selection(); ok {
			l.add(stopField(i, "select"), r.Kind, r.ID)
		}
		l.add(stopField(i, "sources"), KindSource, s.Sources...)
	}
	return l.cites(t.Cited)
}

// index indexes the tour's title (in every language): searching "Liberation" offers the tour,
// which the app opens stop by stop.
func (t *Tour) index(n nameIndexer) { n.text(t.Title, true) }

func (t *Tour) image() string { return "" }

func (t *Tour) searchWeight() int { return 3 }

// Headline implements Item: the tour's title and summary, and each stop's title and caption
// (what the screen shows in large type).
func (t *Tour) Headline() []FieldText {
	out := []FieldText{{"title", t.Title}, {"summary", t.Summary}}
	for i := range t.Stops {
		out = append(out, FieldText{fmt.Sprintf("stops[%d].title", i), t.Stops[i].Title},
			FieldText{fmt.Sprintf("stops[%d].caption", i), t.Stops[i].Caption})
	}
	return out
}

// prose gives the tour's summary to the mention check: a place it names should be a place of
// an event a stop selects. Captions are left out: a stop selects one item, and its caption may
// name the places around it (Victory Day's caption names Prague, freed that morning).
func (t *Tour) prose() []prose { return []prose{{"summary", t.Summary}} }

// stopField is the path of field f of stop i, as messages name it: "stops[3].view.zoom".
func stopField(i int, f string) string {
	if f == "" {
		return fmt.Sprintf("stops[%d]", i)
	}
	return fmt.Sprintf("stops[%d].%s", i, f)
}

// describeField names the stop a field path is about, counting from 1 as the presenter's stop
// counter does, with its title: `stop 4 "Munich"`. It returns "" for fields of the tour itself.
func (t *Tour) describeField(field string) string {
	rest, ok := strings.CutPrefix(field, "stops[")
	if !ok {
		return ""
	}
	n, _, ok := strings.Cut(rest, "]")
	i, err := strconv.Atoi(n)
	if !ok || err != nil || i < 0 {
		return ""
	}
	if i >= len(t.Stops) || t.Stops[i].Title.String() == "" {
		return fmt.Sprintf("stop %d", i+1)
	}
	return fmt.Sprintf("stop %d %q", i+1, t.Stops[i].Title.String())
}

func (t *Tour) check(c *itemCheck) {
	c.text("title", t.Title, true)
	c.maxRunes("title", t.Title, MaxTourTitleRunes)
	c.text("summary", t.Summary, true)
	if len(t.Stops) == 0 {
		c.errf("stops", "missing: a tour needs at least one stop")
	}
	for i := range t.Stops {
		t.Stops[i].check(c, i)
	}
	c.cited(t.Cited)
}

// maxRunes reports a text with a language version longer than limit characters.
func (c *itemCheck) maxRunes(f string, t Text, limit int) {
	for _, lang := range sortedLangs(t) {
		if n := utf8.RuneCountInString(t[lang]); n > limit {
			c.errf(f, "the %q text is %d characters long: at most %d fit on screen", lang, n, limit)
		}
	}
}

// sortedLangs returns the language codes of t, English first, then in order.
func sortedLangs(t Text) []string {
	langs := make([]string, 0, len(t))
	if _, ok := t[DefaultLang]; ok {
		langs = append(langs, DefaultLang)
	}
	var others []string
	for k := range t {
		if k != DefaultLang {
			others = append(others, k)
		}
	}
	sort.Strings(others)
	return append(langs, others...)
}

// Tours returns every tour in pack order.
func (c *Catalog) Tours() []*Tour { return itemsOf[*Tour](c, KindTour) }

// Tour returns the tour with id, or nil.
func (c *Catalog) Tour(id string) *Tour { return lookup[*Tour](c, KindTour, id) }

// TourStop names one stop of a tour: Tour.Stops[Index].
type TourStop struct {
	Tour  *Tour
	Index int // 0-based; the presenter's counter shows Index+1
}

// Stop returns the stop.
func (ts TourStop) Stop() *Stop { return &ts.Tour.Stops[ts.Index] }

// StopsSelecting returns every stop, of every tour, that selects r: tours in pack order, stops
// in order. An event's page lists them as "in the tours"; a player starts there with
// NewTourCursor and Jump(Index+1).
func (c *Catalog) StopsSelecting(r Ref) []TourStop {
	var out []TourStop
	for _, t := range c.Tours() {
		for i := range t.Stops {
			if s, ok := t.Stops[i].Selection(); ok && s == r {
				out = append(out, TourStop{t, i})
			}
		}
	}
	return out
}

// TourAfter returns the tour that follows the tour id in pack order, the first after the last
// (the kiosk's attract loop plays them in turn); nil when the pack has no tours. An unknown id
// gives the first tour.
func (c *Catalog) TourAfter(id string) *Tour {
	tours := c.Tours()
	if len(tours) == 0 {
		return nil
	}
	for i, t := range tours {
		if t.ID == id {
			return tours[(i+1)%len(tours)]
		}
	}
	return tours[0]
}

// SelectionPlaces returns the places the map shows for a selection r, as it highlights and
// fits them: a place is itself; any other item has the places it links to or that link to it
// (an event's places). It returns nil for an item without places.
func (c *Catalog) SelectionPlaces(r Ref) []*Place {
	if r.Kind == KindPlace {
		if p := c.Place(r.ID); p != nil {
			return []*Place{p}
		}
		return nil
	}
	var out []*Place
	for _, x := range c.Related(r, KindPlace) {
		if p := c.Place(x.ID); p != nil {
			out = append(out, p)
		}
	}
	return out
}
