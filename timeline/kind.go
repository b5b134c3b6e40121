package timeline

// Kind names a kind of item in the chronicle.
type Kind string

// The kinds of item a content pack holds.
const (
	KindEvent        Kind = "event"
	KindPerson       Kind = "person"
	KindMedal        Kind = "medal"
	KindPlace        Kind = "place"
	KindOrganization Kind = "organization"
	KindVeteran      Kind = "veteran"
	KindTour         Kind = "tour"
	KindSource       Kind = "source"
)

// kindInfo is what the chronicle knows of a kind besides its Go type.
type kindInfo struct {
	kind        Kind
	plural      string      // the key of its array in a content file and its file on export
	label       string      // its English name in a heading: "Award"
	pluralLabel string      // the same in the plural: "Awards"
	searchRank  int         // among search hits of equal score, lower ranks come first
	empty       func() Item // a new, empty item to decode into
}

// kindTable lists every kind in Kinds order: kind, content-file key, label, plural label,
// search rank (among hits of equal score: people, then events before the places, awards and
// others named in them), empty item. Adding a kind means adding its file (the struct and its
// Item methods, as event.go) and its line here; nothing else in the package changes.
var kindTable = []kindInfo{
	{KindEvent, "events", "Event", "Events", 1, func() Item { return new(Event) }},
	{KindPerson, "people", "Person", "People", 0, func() Item { return new(Person) }},
	{KindMedal, "medals", "Award", "Awards", 3, func() Item { return new(Medal) }},
	{KindPlace, "places", "Place", "Places", 2, func() Item { return new(Place) }},
	{KindOrganization, "organizations", "Organization", "Organizations", 4, func() Item { return new(Organization) }},
	{KindVeteran, "veterans", "Veteran", "Veterans", 5, func() Item { return new(Veteran) }},
	{KindTour, "tours", "Tour", "Tours", 6, func() Item { return new(Tour) }},
	{KindSource, "sources", "Source", "Sources", 7, func() Item { return new(Source) }},
}

// Kinds lists every kind in the order the details panel groups links.
var Kinds = func() []Kind {
	ks := make([]Kind, len(kindTable))
	for i, k := range kindTable {
		ks[i] = k.kind
	}
	return ks
}()

// kindIndexes maps each kind to its position in kindTable.
var kindIndexes = func() map[Kind]int {
	m := make(map[Kind]int, len(kindTable))
	for i, k := range kindTable {
		m[k.kind] = i
	}
	return m
}()

// kindByPlural finds a kind by the key of its array in a content file ("people").
var kindByPlural = func() map[string]Kind {
	m := make(map[string]Kind, len(kindTable))
	for _, k := range kindTable {
		m[k.plural] = k.kind
	}
	return m
}()

// kindIndex is the position of k in Kinds; len(Kinds) for an unknown kind.
func kindIndex(k Kind) int {
	if i, ok := kindIndexes[k]; ok {
		return i
	}
	return len(kindTable)
}

// info returns what the package knows of k; false for an unknown kind.
func (k Kind) info() (kindInfo, bool) {
	if i, ok := kindIndexes[k]; ok {
		return kindTable[i], true
	}
	return kindInfo{}, false
}

// Plural names k in the plural as content packs do: the key of its array in a content file and
// the name of its file on export ("people" for KindPerson, "medals" for KindMedal).
func (k Kind) Plural() string {
	if in, ok := k.info(); ok {
		return in.plural
	}
	return string(k) + "s"
}

// Label names k in a heading, in English, singular: "Award" for KindMedal. The interface
// translates it.
func (k Kind) Label() string {
	if in, ok := k.info(); ok {
		return in.label
	}
	return string(k)
}

// PluralLabel names k in a heading, in English, plural: "Awards" for KindMedal, "People" for
// KindPerson. The interface translates it.
func (k Kind) PluralLabel() string {
	if in, ok := k.info(); ok {
		return in.pluralLabel
	}
	return string(k) + "s"
}

// pluralKeys lists the keys of a content file in Kinds order, for messages.
func pluralKeys() []string {
	keys := make([]string, len(kindTable))
	for i, k := range kindTable {
		keys[i] = k.plural
	}
	return keys
}
