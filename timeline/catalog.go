package timeline

import (
	"sort"

	"frontline-atlas/internal/packfs"
)

// Catalog is a loaded and validated content pack: every item by kind and id, with links
// resolved both ways. A Catalog is not modified after LoadFS returns it, so it may be read
// from several goroutines at once. Slices it returns are copies the caller may keep.
type Catalog struct {
	Info PackInfo

	lists  map[Kind][]Item // every item by kind: events by start then id, other kinds in pack order
	events []*Event        // lists[KindEvent] as events, for Between

	byRef  map[Ref]Item  // every item by kind and id
	from   map[Ref][]Ref // outgoing links in Kinds order
	to     map[Ref][]Ref // back-links in Kinds order, events by date
	first  map[Ref]Day   // for events: the first day, to sort by date
	search searchIndex   // the search index

	pack *packfs.FS // the pack the catalog was loaded from: its images, tours, export
	// loadWarnings are the problems found at load that did not stop it (see Warnings).
	loadWarnings []string
}

func newCatalog(info PackInfo) *Catalog {
	return &Catalog{Info: info, lists: map[Kind][]Item{}, byRef: map[Ref]Item{}}
}

// add puts an item in the catalog; it returns false when an item of that kind and id is there.
func (c *Catalog) add(r Ref, v Item) bool {
	if _, dup := c.byRef[r]; dup {
		return false
	}
	c.byRef[r] = v
	c.lists[r.Kind] = append(c.lists[r.Kind], v)
	return true
}

// lookup returns the item of kind k and id as a T (*Event, *Person, …), or nil.
func lookup[T Item](c *Catalog, k Kind, id string) T {
	v, _ := c.byRef[Ref{k, id}].(T)
	return v
}

// itemsOf returns the items of kind k as Ts (*Person, *Medal, …), in catalog order.
func itemsOf[T Item](c *Catalog, k Kind) []T {
	list := c.lists[k]
	if len(list) == 0 {
		return nil
	}
	out := make([]T, len(list))
	for i, v := range list {
		out[i] = v.(T)
	}
	return out
}

// finish sorts the events and builds the link indexes and the search index.
func (c *Catalog) finish() {
	events := c.lists[KindEvent]
	c.first = make(map[Ref]Day, len(events))
	c.events = make([]*Event, len(events))
	for i, v := range events {
		e := v.(*Event)
		c.events[i] = e
		c.first[e.Ref()] = e.Start.First()
	}
	sort.SliceStable(c.events, func(i, j int) bool {
		a, b := c.events[i], c.events[j]
		if fa, fb := a.Start.First(), b.Start.First(); fa != fb {
			return fa < fb
		}
		return a.ID < b.ID
	})
	for i, e := range c.events {
		events[i] = e
	}
	c.from = map[Ref][]Ref{}
	c.to = map[Ref][]Ref{}
	for r, v := range c.byRef {
		seen := map[Ref]bool{}
		var out []Ref
		for _, l := range v.Links() {
			if !seen[l.To] {
				seen[l.To] = true
				out = append(out, l.To)
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

// Item returns the item r names, or nil.
func (c *Catalog) Item(r Ref) Item { return c.byRef[r] }

// Items returns every item of kind k: events sorted by start day then id, other kinds in pack
// order.
func (c *Catalog) Items(k Kind) []Item { return append([]Item(nil), c.lists[k]...) }

// Lanes returns the lanes of the pack in pack order.
func (c *Catalog) Lanes() []Lane { return append([]Lane(nil), c.Info.Lanes...) }

// Theatres returns the theatres of the pack in pack order.
func (c *Catalog) Theatres() []Theatre { return append([]Theatre(nil), c.Info.Theatres...) }

// FrontTheatres returns the theatres whose front lines the pack has, in pack order.
func (c *Catalog) FrontTheatres() []Theatre { return append([]Theatre(nil), c.Info.FrontTheatres...) }

// FrontTheatreIDs returns the ids of FrontTheatres: the fronts files the pack may have, as
// geo.LoadFronts takes them.
func (c *Catalog) FrontTheatreIDs() []string {
	ids := make([]string, len(c.Info.FrontTheatres))
	for i, th := range c.Info.FrontTheatres {
		ids[i] = th.ID
	}
	return ids
}

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
	if v := c.byRef[r]; v != nil {
		return v.NameIn(lang)
	}
	return ""
}

// Counts returns how many items of each kind the catalog holds.
func (c *Catalog) Counts() map[Kind]int {
	counts := make(map[Kind]int, len(Kinds))
	for _, k := range Kinds {
		counts[k] = len(c.lists[k])
	}
	return counts
}
