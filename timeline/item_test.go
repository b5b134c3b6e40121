package timeline

import (
	"reflect"
	"strings"
	"testing"
)

// TestItemForEveryKind reads one item of every kind of the test pack through the Item
// interface alone: its ref, its name in English and Russian, its links field by field and its
// citations, the same as the struct of its kind holds.
func TestItemForEveryKind(t *testing.T) {
	c := loadTestPack(t)
	const src = "source:src-britannica-stalingrad"
	tests := []struct {
		ref    Ref
		en, ru string
		links  []string // "field>kind:id"
		cites  bool
	}{
		{Ref{KindEvent, "stalingrad"}, "Battle of Stalingrad", "Сталинградская битва", []string{
			"places>place:stalingrad", "people>person:zhukov", "people>person:chuikov",
			"medals>medal:medal-defence-stalingrad", "organizations>organization:red-army", "sources>" + src}, true},
		{Ref{KindPerson, "zhukov"}, "Georgy Zhukov", "Georgy Zhukov", []string{
			"organizations>organization:red-army", "medals>medal:hero-soviet-union", "sources>" + src}, true},
		{Ref{KindMedal, "medal-defence-stalingrad"}, `Medal "For the Defence of Stalingrad"`, `Medal "For the Defence of Stalingrad"`, []string{
			"events>event:stalingrad", "sources>" + src}, true},
		{Ref{KindPlace, "stalingrad"}, "Stalingrad", "Stalingrad", []string{"sources>" + src}, true},
		{Ref{KindOrganization, "red-army"}, "Red Army", "Red Army", []string{
			"successor>organization:soviet-army", "people>person:zhukov", "sources>" + src}, true},
		{Ref{KindVeteran, "korovkina"}, "Maria Korovkina", "Maria Korovkina", []string{
			"organizations>organization:red-army", "medals>medal:medal-defence-stalingrad", "sources>" + src}, true},
		{Ref{KindTour, "stalingrad-tour"}, "Stalingrad", "Сталинград", []string{
			"stops[0].select>event:stalingrad", "stops[0].sources>" + src,
			"stops[1].select>event:uranus", "stops[1].sources>" + src,
			"stops[2].select>person:zhukov", "stops[2].sources>" + src, "sources>" + src}, true},
		{Ref{KindSource, "src-britannica-stalingrad"}, `Encyclopaedia Britannica, "Battle of Stalingrad"`, `Encyclopaedia Britannica, "Battle of Stalingrad"`, nil, false},
	}
	seen := map[Kind]bool{}
	for _, tc := range tests {
		t.Run(string(tc.ref.Kind), func(t *testing.T) {
			seen[tc.ref.Kind] = true
			it := c.Item(tc.ref)
			if it == nil {
				t.Fatalf("Item(%v) = nil", tc.ref)
			}
			if it.Ref() != tc.ref {
				t.Errorf("Ref() = %v, want %v", it.Ref(), tc.ref)
			}
			if got := it.NameIn("en"); got != tc.en {
				t.Errorf("NameIn(en) = %q, want %q", got, tc.en)
			}
			if got := it.NameIn("ru"); got != tc.ru {
				t.Errorf("NameIn(ru) = %q, want %q", got, tc.ru)
			}
			var links []string
			for _, l := range it.Links() {
				links = append(links, l.Field+">"+string(l.To.Kind)+":"+l.To.ID)
			}
			if !reflect.DeepEqual(links, tc.links) {
				t.Errorf("Links() = %q, want %q", links, tc.links)
			}
			cit := it.Citations()
			if got := len(cit.Sources) > 0; got != tc.cites {
				t.Errorf("Citations().Sources = %q, want some: %v", cit.Sources, tc.cites)
			}
			found := false
			for _, x := range c.Items(tc.ref.Kind) {
				found = found || x == it
			}
			if !found {
				t.Errorf("Items(%s) lacks %v", tc.ref.Kind, tc.ref)
			}
		})
	}
	for _, k := range Kinds {
		if !seen[k] {
			t.Errorf("kind %s has no case in this test", k)
		}
	}
}

// TestItemsAreTheStructsOfTheirKind checks that the typed accessors and Items agree, and that
// every item is found under its own ref.
func TestItemsAreTheStructsOfTheirKind(t *testing.T) {
	c := loadTestPack(t)
	typed := map[Kind]int{
		KindEvent: len(c.Events()), KindPerson: len(c.People()), KindMedal: len(c.Medals()),
		KindPlace: len(c.Places()), KindOrganization: len(c.Organizations()),
		KindVeteran: len(c.Veterans()), KindTour: len(c.Tours()), KindSource: len(c.Sources()),
	}
	for _, k := range Kinds {
		items := c.Items(k)
		if len(items) == 0 || len(items) != typed[k] || len(items) != c.Counts()[k] {
			t.Errorf("%s: Items has %d, the typed accessor %d, Counts %d", k, len(items), typed[k], c.Counts()[k])
		}
		for _, it := range items {
			if it.Ref().Kind != k || c.Item(it.Ref()) != it {
				t.Errorf("%s: item %v is not found under its own ref", k, it.Ref())
			}
		}
	}
	if c.Item(Ref{KindEvent, "no-such-event"}) != nil || c.Event("zhukov") != nil {
		t.Error("a missing ref or a ref of another kind gives an item")
	}
}

func TestKindNames(t *testing.T) {
	tests := []struct {
		k                          Kind
		plural, label, pluralLabel string
	}{
		{KindEvent, "events", "Event", "Events"},
		{KindPerson, "people", "Person", "People"},
		{KindMedal, "medals", "Award", "Awards"},
		{KindPlace, "places", "Place", "Places"},
		{KindOrganization, "organizations", "Organization", "Organizations"},
		{KindVeteran, "veterans", "Veteran", "Veterans"},
		{KindTour, "tours", "Tour", "Tours"},
		{KindSource, "sources", "Source", "Sources"},
		{Kind("unit"), "units", "unit", "units"}, // a kind the package does not know
	}
	for _, tc := range tests {
		if got := tc.k.Plural(); got != tc.plural {
			t.Errorf("%s.Plural() = %q, want %q", tc.k, got, tc.plural)
		}
		if got := tc.k.Label(); got != tc.label {
			t.Errorf("%s.Label() = %q, want %q", tc.k, got, tc.label)
		}
		if got := tc.k.PluralLabel(); got != tc.pluralLabel {
			t.Errorf("%s.PluralLabel() = %q, want %q", tc.k, got, tc.pluralLabel)
		}
	}
	if len(Kinds) != len(tests)-1 {
		t.Errorf("Kinds has %d kinds, the table %d", len(Kinds), len(tests)-1)
	}
}

// TestKindTableMakesItsOwnKind checks that the empty item each kind decodes into is of that
// kind, and that every kind reads from the content-file key its Plural names.
func TestKindTableMakesItsOwnKind(t *testing.T) {
	for _, k := range kindTable {
		if got := k.empty().Ref().Kind; got != k.kind {
			t.Errorf("kind %s decodes into an item of kind %s", k.kind, got)
		}
		if kindByPlural[k.kind.Plural()] != k.kind {
			t.Errorf("the content-file key %q does not read kind %s", k.kind.Plural(), k.kind)
		}
	}
	if got := strings.Join(pluralKeys(), ","); got != "events,people,medals,places,organizations,veterans,tours,sources" {
		t.Errorf("pluralKeys() = %s", got)
	}
}
