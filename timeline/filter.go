package timeline

// Filter says which events are shown on the map and the timeline: every event whose category
// (lane) and theatre are not hidden. The zero Filter shows everything. A link to a hidden
// event still opens it: the filter thins what is drawn, not what can be reached.
type Filter struct {
	HiddenLanes    map[string]bool
	HiddenTheatres map[string]bool
}

// Shows reports whether the filter lets e through.
func (f Filter) Shows(e *Event) bool {
	return !f.HiddenLanes[e.Category] && (e.Theatre == "" || !f.HiddenTheatres[e.Theatre])
}

// Active reports whether anything is hidden.
func (f Filter) Active() bool { return len(f.HiddenLanes)+len(f.HiddenTheatres) > 0 }

// Clone returns a copy of f that shares no map with it.
func (f Filter) Clone() Filter {
	c := Filter{HiddenLanes: make(map[string]bool, len(f.HiddenLanes)), HiddenTheatres: make(map[string]bool, len(f.HiddenTheatres))}
	for k, v := range f.HiddenLanes {
		if v {
			c.HiddenLanes[k] = true
		}
	}
	for k, v := range f.HiddenTheatres {
		if v {
			c.HiddenTheatres[k] = true
		}
	}
	return c
}

// EventShown reports whether the catalog holds the event id and f lets it through.
func (c *Catalog) EventShown(f Filter, id string) bool {
	e := c.Event(id)
	return e != nil && f.Shows(e)
}

// PlaceShown reports whether the catalog holds the place id and it is shown under f: a place
// is shown when no event links to it (a river, a capital told for orientation) or when one of
// the events that link to it passes f.
func (c *Catalog) PlaceShown(f Filter, id string) bool {
	r := Ref{KindPlace, id}
	if !c.Exists(r) {
		return false
	}
	if !f.Active() {
		return true
	}
	linked := false
	for _, list := range [][]Ref{c.to[r], c.from[r]} {
		for _, x := range list {
			if x.Kind != KindEvent {
				continue
			}
			if f.Shows(c.byRef[x].(*Event)) {
				return true
			}
			linked = true
		}
	}
	return !linked
}

// ShownPlaces returns the places shown under f (see PlaceShown), in pack order.
func (c *Catalog) ShownPlaces(f Filter) []*Place {
	var out []*Place
	for _, v := range c.lists[KindPlace] {
		if p := v.(*Place); c.PlaceShown(f, p.ID) {
			out = append(out, p)
		}
	}
	return out
}

// Same reports whether f and g hide the same lanes and theatres (a key set to false hides
// nothing).
func (f Filter) Same(g Filter) bool {
	return sameSet(f.HiddenLanes, g.HiddenLanes) && sameSet(f.HiddenTheatres, g.HiddenTheatres)
}

// sameSet reports whether a and b hold the same true keys.
func sameSet(a, b map[string]bool) bool {
	n := 0
	for k, v := range a {
		if v {
			n++
			if !b[k] {
				return false
			}
		}
	}
	for _, v := range b {
		if v {
			n--
		}
	}
	return n == 0
}
