package timeline

// Event is the spine of the chronicle: something that happened between Start and End.
type Event struct {
	ID      string `json:"id"`
	Title   Text   `json:"title"`
	Summary Text   `json:"summary"`
	Body    Text   `json:"body,omitempty"`
	Start   Date   `json:"start"`
	End     Date   `json:"end,omitempty"` // zero for a single date
	// Context marks an event outside 1936–1953 told for context (Lenin's death, the KGB in 1954).
	Context  bool   `json:"context,omitempty"`
	Category string `json:"category"`          // a Lane id
	Theatre  string `json:"theatre,omitempty"` // a Theatre id
	// Importance from 1 (minor) to 5 (turning point) decides which labels win when space is short.
	Importance    int      `json:"importance,omitempty"`
	Places        []string `json:"places,omitempty"`
	People        []string `json:"people,omitempty"`
	Medals        []string `json:"medals,omitempty"`
	Organizations []string `json:"organizations,omitempty"`
	Veterans      []string `json:"veterans,omitempty"`
	Cited
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

// Ref returns the event's kind and id.
func (e *Event) Ref() Ref { return Ref{KindEvent, e.ID} }

// NameIn returns the event's title in lang, falling back to English.
func (e *Event) NameIn(lang string) string { return e.Title.In(lang) }

// Links returns the places, people, awards, organizations, veterans and sources of the event.
func (e *Event) Links() []Link {
	var l linkList
	l.add("places", KindPlace, e.Places...)
	l.add("people", KindPerson, e.People...)
	l.add("medals", KindMedal, e.Medals...)
	l.add("organizations", KindOrganization, e.Organizations...)
	l.add("veterans", KindVeteran, e.Veterans...)
	return l.cites(e.Cited)
}

func (e *Event) index(n nameIndexer) { n.text(e.Title, true) }

func (e *Event) image() string { return "" }

func (e *Event) searchWeight() int { return importanceOr(e.Importance, 3) }

// Headline implements Item.
func (e *Event) Headline() []FieldText {
	return []FieldText{{"title", e.Title}, {"summary", e.Summary}}
}

func (e *Event) prose() []prose {
	return []prose{{"title", e.Title}, {"summary", e.Summary}, {"body", e.Body}}
}

func (e *Event) check(c *itemCheck) {
	c.text("title", e.Title, true)
	c.text("summary", e.Summary, true)
	c.text("body", e.Body, false)
	if e.Start.IsZero() {
		c.errf("start", "missing: want a date such as \"1942-11-19\", \"1942-11\" or \"1942\"")
	} else {
		c.order("start", e.Start, "end", e.End)
		if first, last := e.Days(); !e.Context && first <= last {
			switch {
			case first < PeriodStart || first > PeriodEnd:
				c.errf("start", "%s is outside 1936–1953; set \"context\": true for an event told for context", e.Start)
			case last > PeriodEnd:
				c.errf("end", "%s is outside 1936–1953; set \"context\": true for an event told for context", e.End)
			}
		}
	}
	pack := c.pack
	switch {
	case e.Category == "":
		c.errf("category", "missing: want a lane id (%s)", laneIDs(pack.info.Lanes))
	case pack.lanes != nil && !pack.lanes[e.Category]:
		c.errf("category", "%q is not a lane of the pack (%s)", e.Category, laneIDs(pack.info.Lanes))
	}
	if len(pack.theatres) > 0 {
		switch {
		case e.Theatre == "":
			c.errf("theatre", "missing: want a theatre id (%s)", theatreIDs(pack.info.Theatres))
		case !pack.theatres[e.Theatre]:
			c.errf("theatre", "%q is not a theatre of the pack (%s)", e.Theatre, theatreIDs(pack.info.Theatres))
		}
	}
	if e.Importance < 1 || e.Importance > 5 {
		c.errf("importance", "%d: want 1 (minor) to 5 (turning point)", e.Importance)
	}
	c.cited(e.Cited)
}

// Events returns every event, sorted by start day, then id.
func (c *Catalog) Events() []*Event { return append([]*Event(nil), c.events...) }

// Event returns the event with id, or nil.
func (c *Catalog) Event(id string) *Event { return lookup[*Event](c, KindEvent, id) }

// importanceOr returns an importance clamped to 1–5, or def when none (0) is given.
func importanceOr(imp, def int) int {
	if imp == 0 {
		return def
	}
	return min(max(imp, 1), 5)
}
