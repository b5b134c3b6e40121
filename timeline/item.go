package timeline

// Item is what every kind of item has in common: *Event, *Person, *Medal, *Place,
// *Organization, *Veteran and *Source are Items, and nothing else is (the unexported methods
// keep it so). Code that treats every kind alike goes through Item, and code that needs the
// fields of one kind asks the Catalog for its struct (Catalog.Event, Catalog.Person, …); so a
// new kind adds its own file and a line of kindTable, and no switch over kinds changes.
type Item interface {
	// Ref returns the item's kind and id.
	Ref() Ref
	// NameIn returns the item's name in language lang, falling back to English: a person's
	// or a place's name, an event's title, a source's citation.
	NameIn(lang string) string
	// Citations returns the sources the item cites and its notes on them; empty for a Source.
	Citations() Cited
	// Links returns the item's links to other items, field by field in the order of its
	// fields, in authored order within a field; the sources it cites come last.
	Links() []Link
	// Headline returns the texts that a translation of the pack must cover, with their JSON
	// fields: the name or title and the summary, and what else a page shows in large type
	// (a veteran's service, a tour's stop titles and captions).
	Headline() []FieldText

	// check reports the problems of the item's own fields; the loader checks its id and
	// whether its links resolve.
	check(c *itemCheck)
	// index adds the item's names to the search index.
	index(n nameIndexer)
	// searchWeight says from 0 to 5 how prominent the item is among search hits of equal score
	// (an event's importance, a place's rank, 5 for a capital).
	searchWeight() int
	// image returns the path inside the pack of the item's picture, or "".
	image() string
	// prose returns the item's running texts, field by field, where it may name places (the
	// mention check reads their English); notes are left out, as they quote the source
	// text's errors.
	prose() []prose
}

// FieldText is one text of an item and the JSON field that holds it ("summary",
// "stops[2].caption").
type FieldText struct {
	Field string
	Text  Text
}

// prose is one running text of an item and the JSON field that holds it.
type prose struct {
	field string
	text  Text
}

// Cited ends every kind of item but Source: the sources the item cites and its notes on them.
// Its fields are promoted, so e.Sources and e.Notes read as fields of the item.
type Cited struct {
	Sources []string `json:"sources"` // source ids, at least one
	// Notes records where the source text was wrong or muddled and what was corrected.
	Notes Text `json:"notes,omitempty"`
}

// Citations returns c: the item's sources and notes.
func (c Cited) Citations() Cited { return c }

// Ref identifies one item: its kind and id.
type Ref struct {
	Kind Kind
	ID   string
}

// Link is one link of an item: the JSON field that holds it and the item it names.
type Link struct {
	Field string // "people", "parent", "sources"
	To    Ref
}

// linkList collects the links of an item.
type linkList []Link

// add appends a link of field to each non-empty id, as items of kind k.
func (l *linkList) add(field string, k Kind, ids ...string) {
	for _, id := range ids {
		if id != "" {
			*l = append(*l, Link{field, Ref{k, id}})
		}
	}
}

// cites appends the links to the sources of c and returns the list.
func (l linkList) cites(c Cited) []Link {
	l.add("sources", KindSource, c.Sources...)
	return l
}
