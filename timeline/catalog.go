package timeline

import (
	"io/fs"
	"sort"
)

// Catalog is a loaded and validated content pack: every item by kind and id, with links
// resolved both ways. A Catalog is not modified after LoadFS returns it, so it may be read
// from several goroutines at once. Slices it returns are copies the caller may keep.
type Catalog struct {
	Info PackInfo

	events        []*Event // sorted by start, then id
	people        []*Person
	medals        []*Medal
	places        []*Place
	organizations []*Organization
	veterans      []*Veteran
	sources       []*Source

	byRef map[Ref]any        // every item by kind and id
	from  map[Ref][]Ref      // outgoing links in Kinds order
	to    map[Ref][]Ref      // back-links in Kinds order, events by date
	first map[Ref]Day        // for events: the first day, to sort by date
	index []catalogSearchRow // the search index

	packFS  fs.FS  // the pack the catalog was loaded from, to copy images on export
	packDir string // or its folder, for LoadDir
	// loadWarnings are the problems found at load that did not stop it (see Warnings).
	loadWarnings []string
}

// Days returns the first and the last day e covers: Start.First() to End.Last(), or to
// Start.Last() when e has no End.
func (e *Event) Days() (first, last Day) {
	first = e.Start.First()
	if e.End.IsZero() {
		return first, e.Start.Last()
	}
	return first, e.End.Last()
}

func newCatalog(info PackInfo) *Catalog {
	return &Catalog{Info: info, byRef: map[Ref]any{}}
}

// add puts an item in the catalog; it returns false when an item of that kind and id is there.
func (c *Catalog) add(r Ref, v any) bool {
	if _, dup := c.byRef[r]; dup {
		return false
	}
	c.byRef[r] = v
	switch x := v.(type) {
	case *Event:
		c.events = append(c.events, x)
	case *Person:
		c.people = append(c.people, x)
	case *Medal:
		c.medals = append(c.medals, x)
	case *Place:
		c.places = append(c.places, x)
	case *Organization:
		c.organizations = append(c.organizations, x)
	case *Veteran:
		c.veterans = append(c.veterans, x)
	case *Source:
		c.sources = append(c.sources, x)
	}
	return true
}

// finish sorts the events and builds the link indexes and the search index.
func (c *Catalog) finish() {
	c.first = make(map[Ref]Day, len(c.events))
	for _, e := range c.events {
		c.first[Ref{KindEvent, e.ID}] = e.Start.First()
	}
	sort.SliceStable(c.events, func(i, j int) bool {
		a, b := c.events[i], c.events[j]
		if fa, fb := a.Start.First(), b.Start.First(); fa != fb {
			return fa < fb
		}
		return a.ID < b.ID
	})
	c.from = map[Ref][]Ref{}
	c.to = map[Ref][]Ref{}
	for r, v := range c.byRef {
		seen := map[Ref]bool{}
		var out []Ref
		for _, l := range itemLinks(v) {
			if !seen[l.ref] {
				seen[l.ref] = true
				out = append(out, l.ref)
			}
		}
		sort.SliceStable(out, func(i, j int) bool { return kindIndex(out[i].Kind) < kindIndex(out[j].Kind) })
		c.from[r] = out
		for _, t := range out {
			c.to[t] = append(c.to[t], r)
		}
	}
	for _, refs := range c.to {
		c.sortRefs(refs)
	}
	c.buildSearchIndex()
}

// kindIndex is the position of k in Kinds.
func kindIndex(k Kind) int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return len(Kinds)
}

// sortRefs sorts refs in Kinds order, events by date then id, other kinds by name then id.
func (c *Catalog) sortRefs(refs []Ref) {
	sort.SliceStable(refs, func(i, j int) bool {
		a, b := refs[i], refs[j]
		if ka, kb := kindIndex(a.Kind), kindIndex(b.Kind); ka != kb {
			return ka < kb
		}
		if a.Kind == KindEvent {
			if fa, fb := c.first[a], c.first[b]; fa != fb {
				return fa < fb
			}
			return a.ID < b.ID
		}
		if na, nb := c.Name(a), c.Name(b); na != nb {
			return na < nb
		}
		return a.ID < b.ID
	})
}

// Events returns every event, sorted by start day, then id.
func (c *Catalog) Events() []*Event { return append([]*Event(nil), c.events...) }

// People returns every person in pack order.
func (c *Catalog) People() []*Person { return append([]*Person(nil), c.people...) }

// Medals returns every medal, order and title in pack order.
func (c *Catalog) Medals() []*Medal { return append([]*Medal(nil), c.medals...) }

// Places returns every place in pack order.
func (c *Catalog) Places() []*Place { return append([]*Place(nil), c.places...) }

// Organizations returns every organization in pack order.
func (c *Catalog) Organizations() []*Organization {
	return append([]*Organization(nil), c.organizations...)
}

// Veterans returns every veteran in pack order.
func (c *Catalog) Veterans() []*Veteran { return append([]*Veteran(nil), c.veterans...) }

// Sources returns every source in pack order.
func (c *Catalog) Sources() []*Source { return append([]*Source(nil), c.sources...) }

// Event returns the event with id, or nil.
func (c *Catalog) Event(id string) *Event { e, _ := c.byRef[Ref{KindEvent, id}].(*Event); return e }

// Person returns the person with id, or nil.
func (c *Catalog) Person(id string) *Person {
	p, _ := c.byRef[Ref{KindPerson, id}].(*Person)
	return p
}

// Medal returns the medal, order or title with id, or nil.
func (c *Catalog) Medal(id string) *Medal { m, _ := c.byRef[Ref{KindMedal, id}].(*Medal); return m }

// Place returns the place with id, or nil.
func (c *Catalog) Place(id string) *Place { p, _ := c.byRef[Ref{KindPlace, id}].(*Place); return p }

// Organization returns the organization with id, or nil.
func (c *Catalog) Organization(id string) *Organization {
	o, _ := c.byRef[Ref{KindOrganization, id}].(*Organization)
	return o
}

// Veteran returns the veteran with id, or nil.
func (c *Catalog) Veteran(id string) *Veteran {
	v, _ := c.byRef[Ref{KindVeteran, id}].(*Veteran)
	return v
}

// Source returns the source with id, or nil.
func (c *Catalog) Source(id string) *Source {
	s, _ := c.byRef[Ref{KindSource, id}].(*Source)
	return s
}

// Lanes returns the lanes of the pack in pack order.
func (c *Catalog) Lanes() []Lane { return append([]Lane(nil), c.Info.Lanes...) }

// Theatres returns the theatres of the pack in pack order.
func (c *Catalog) Theatres() []Theatre { return append([]Theatre(nil), c.Info.Theatres...) }

// Between returns the events that overlap the days from..to (inclusive), sorted by start.
func (c *Catalog) Between(from, to Day) []*Event {
	var out []*Event
	for _, e := range c.events {
		first, last := e.Days()
		if first > to {
			break // sorted by start: no later event can overlap
		}
		if last >= from {
			out = append(out, e)
		}
	}
	return out
}

// ActiveAt returns the events that cover day, sorted by start.
func (c *Catalog) ActiveAt(day Day) []*Event { return c.Between(day, day) }

// LinksFrom returns the items r links to, grouped in Kinds order, in authored order within a
// kind. It returns nil for an unknown r.
func (c *Catalog) LinksFrom(r Ref) []Ref { return append([]Ref(nil), c.from[r]...) }

// LinksTo returns the items that link to r, grouped in Kinds order: events by date, other
// kinds by name.
func (c *Catalog) LinksTo(r Ref) []Ref { return append([]Ref(nil), c.to[r]...) }

// Related returns the items of kind k that r links to or that link to r, without duplicates:
// events sorted by date, other kinds in authored order, then back-links by name.
// It is what a details page lists under one heading.
func (c *Catalog) Related(r Ref, k Kind) []Ref {
	seen := map[Ref]bool{}
	var out []Ref
	for _, list := range [][]Ref{c.from[r], c.to[r]} {
		for _, x := range list {
			if x.Kind == k && !seen[x] && x != r {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	if k == KindEvent {
		c.sortRefs(out)
	}
	return out
}

// Exists reports whether the catalog holds r.
func (c *Catalog) Exists(r Ref) bool {
	_, ok := c.byRef[r]
	return ok
}

// Name returns the English name of r (an event's title, a source's citation), or "" when
// the catalog does not hold r.
func (c *Catalog) Name(r Ref) string { return c.NameIn(r, DefaultLang) }

// NameIn returns the name (an event's title, a source's citation) of r in language lang,
// falling back to English; "" when r does not exist.
func (c *Catalog) NameIn(r Ref, lang string) string {
	switch v := c.byRef[r].(type) {
	case *Event:
		return v.Title.In(lang)
	case *Person:
		return v.Name.In(lang)
	case *Medal:
		return v.Name.In(lang)
	case *Place:
		return v.Name.In(lang)
	case *Organization:
		return v.Name.In(lang)
	case *Veteran:
		return v.Name.In(lang)
	case *Source:
		return v.Citation
	}
	return ""
}

// Counts returns how many items of each kind the catalog holds.
func (c *Catalog) Counts() map[Kind]int {
	return map[Kind]int{
		KindEvent: len(c.events), KindPerson: len(c.people), KindMedal: len(c.medals),
		KindPlace: len(c.places), KindOrganization: len(c.organizations),
		KindVeteran: len(c.veterans), KindSource: len(c.sources),
	}
}

// packLink is one link of an item: the field it is in and what it names.
type packLink struct {
	field string
	ref   Ref
}

// itemLinks returns the links of an item in the order of its fields.
func itemLinks(v any) []packLink {
	var out []packLink
	add := func(field string, k Kind, ids ...string) {
		for _, id := range ids {
			if id != "" {
				out = append(out, packLink{field, Ref{k, id}})
			}
		}
	}
	switch x := v.(type) {
	case *Event:
		add("places", KindPlace, x.Places...)
		add("people", KindPerson, x.People...)
		add("medals", KindMedal, x.Medals...)
		add("organizations", KindOrganization, x.Organizations...)
		add("veterans", KindVeteran, x.Veterans...)
		add("sources", KindSource, x.Sources...)
	case *Person:
		add("organizations", KindOrganization, x.Organizations...)
		add("medals", KindMedal, x.Medals...)
		add("sources", KindSource, x.Sources...)
	case *Medal:
		add("events", KindEvent, x.Events...)
		add("sources", KindSource, x.Sources...)
	case *Place:
		add("sources", KindSource, x.Sources...)
	case *Organization:
		add("parent", KindOrganization, x.Parent)
		add("successor", KindOrganization, x.Successor)
		add("people", KindPerson, x.People...)
		add("sources", KindSource, x.Sources...)
	case *Veteran:
		add("organizations", KindOrganization, x.Organizations...)
		add("medals", KindMedal, x.Medals...)
		add("sources", KindSource, x.Sources...)
	}
	return out
}
