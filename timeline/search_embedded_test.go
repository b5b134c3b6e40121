package timeline_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"frontline-atlas/assets"
	"frontline-atlas/internal/cputime"
	"frontline-atlas/timeline"
)

// loadEmbedded loads the content pack built into the application.
func loadEmbedded(t testing.TB) *timeline.Catalog {
	t.Helper()
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		t.Fatalf("the embedded pack does not load: %v", err)
	}
	return c
}

func ref(s string) timeline.Ref {
	k, id, _ := strings.Cut(s, ":")
	return timeline.Ref{Kind: timeline.Kind(k), ID: id}
}

func refStrings(hits []timeline.SearchHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = string(h.Ref.Kind) + ":" + h.Ref.ID
	}
	return out
}

// TestSearchWhatPeopleType is the search of the issue "Search that finds what people type",
// on the embedded pack, as a visitor types it: the first hits in order (first), other hits
// that must be found below them (also), whether the first hit is a typo and the "did you
// mean" it offers.
func TestSearchWhatPeopleType(t *testing.T) {
	c := loadEmbedded(t)
	tests := []struct {
		name   string
		query  string
		first  []string // the first hits, in this order
		also   []string // found further down
		didYou string   // the correction of the first hit, "" when it is no typo
	}{
		{"modern name reaches the events", "Kyiv", []string{"place:kiev"}, []string{"event:battle-of-kiev-1941", "event:kiev-liberated"}, ""},
		{"period name reaches the event", "Kaliningrad", []string{"place:konigsberg"}, []string{"event:battle-of-konigsberg"}, ""},
		{"German spelling reaches the event", "Koenigsberg", []string{"place:konigsberg"}, []string{"event:battle-of-konigsberg"}, ""},
		{"modern name of Stalingrad", "Volgograd", []string{"place:stalingrad"}, []string{"event:battle-of-stalingrad"}, ""},
		{"a letter missing", "Stalingrd", []string{"event:battle-of-stalingrad", "place:stalingrad"}, nil, "Stalingrad"},
		{"a letter missing from a name", "Zukov", []string{"person:zhukov"}, nil, "Zhukov"},
		{"a doubled letter written once", "Rokosovsky", []string{"person:rokossovsky"}, nil, "Rokossovsky"},
		{"an event outranks the place of its name", "Kursk", []string{"event:battle-of-kursk", "place:kursk"}, nil, ""},
		{"case and diacritics", "KÖNIGSBERG", []string{"event:battle-of-konigsberg", "place:konigsberg"}, nil, ""},
		{"diacritics left out", "konigsberg", []string{"event:battle-of-konigsberg", "place:konigsberg"}, nil, ""},
		{"Cyrillic", "сталинград", []string{"place:stalingrad"}, nil, ""},
		{"typing on: the start of a name", "Rokos", []string{"person:rokossovsky"}, nil, ""},
		{"typing on: the start of a name, misspelt", "Rokoso", []string{"person:rokossovsky"}, nil, "Rokossovsky"},
		{"letters swapped", "Kurks", []string{"event:battle-of-kursk", "place:kursk"}, nil, "Kursk"},
		{"words of a title, one misspelt", "battle of stalingrd", []string{"event:battle-of-stalingrad"}, nil, "battle of Stalingrad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := c.Search(tt.query, 30)
			got := refStrings(hits)
			if len(got) < len(tt.first) || !slices.Equal(got[:len(tt.first)], tt.first) {
				t.Fatalf("Search(%q): got %v, want it to begin %v", tt.query, got, tt.first)
			}
			for _, r := range tt.also {
				i := slices.Index(got, r)
				if i < 0 {
					t.Errorf("Search(%q): %s not found in %v", tt.query, r, got)
				} else if hits[i].Via == (timeline.Ref{}) && hits[i].Matched == hits[i].Name {
					t.Errorf("Search(%q): %s found by its own name, want through the place's other name", tt.query, r)
				}
			}
			h := hits[0]
			if h.Typo != (tt.didYou != "") || h.Correction != tt.didYou {
				t.Errorf("Search(%q)[0]: typo %v, correction %q; want correction %q", tt.query, h.Typo, h.Correction, tt.didYou)
			}
		})
	}
	for _, q := range []string{"xyzzy", "Qwertyuiop", "Napoleon"} {
		if hits := c.Search(q, 30); len(hits) != 0 {
			t.Errorf("Search(%q): got %v, want no results", q, refStrings(hits))
		}
	}
}

// TestSearchExactNameProperty: for every item, searching its English name finds it with the
// best score, and every hit above it ties with it: the name is a whole word of theirs, and
// they are of a kind that comes first among ties (an event before a place) or more important.
// Within its own kind the item comes first unless an item of that kind ties and ranks above
// by importance or has the same name.
func TestSearchExactNameProperty(t *testing.T) {
	c := loadEmbedded(t)
	for _, k := range timeline.Kinds {
		if k == timeline.KindSource {
			continue // not searched: citations
		}
		for _, v := range c.Items(k) {
			name := v.NameIn("en")
			hits := c.Search(name, 0)
			i := slices.IndexFunc(hits, func(h timeline.SearchHit) bool { return h.Ref == v.Ref() })
			if i < 0 {
				t.Errorf("Search(%q) does not find %v", name, v.Ref())
				continue
			}
			if h := hits[i]; h.Score != hits[0].Score || h.Typo || h.Matched != name {
				t.Errorf("Search(%q): %v is hit %d, score %d (best %d), matched %q", name, v.Ref(), i, h.Score, hits[0].Score, h.Matched)
			}
			for _, above := range hits[:i] {
				if above.Ref.Kind != k || timeline.FoldSearch(above.Name) == timeline.FoldSearch(name) {
					continue
				}
				if k != timeline.KindEvent || c.Event(above.Ref.ID).Importance < c.Event(v.Ref().ID).Importance {
					t.Errorf("Search(%q): %v ranks above %v, an item of the same kind with that very name", name, above.Ref, v.Ref())
				}
			}
		}
	}
}

// TestSearchTypoProperty: one random edit (a letter dropped, doubled, replaced or two swapped)
// in the surname of any person or the name of any one-word place of six letters or more still
// finds it, with the best score of all hits (ties keep their order: the events at Moscow
// come before the city).
func TestSearchTypoProperty(t *testing.T) {
	c := loadEmbedded(t)
	rng := rand.New(rand.NewPCG(7, 11))
	var tried int
	for _, k := range []timeline.Kind{timeline.KindPerson, timeline.KindPlace} {
		for _, v := range c.Items(k) {
			words := strings.Fields(timeline.FoldSearch(v.NameIn("en")))
			if k == timeline.KindPlace && len(words) != 1 {
				continue
			}
			w := []rune(words[len(words)-1])
			if len(w) < 6 {
				continue
			}
			for range 4 {
				typo := edit(rng, w)
				hits := c.Search(typo, 0)
				tried++
				i := slices.IndexFunc(hits, func(h timeline.SearchHit) bool { return h.Ref == v.Ref() })
				if i < 0 || hits[i].Score != hits[0].Score {
					t.Errorf("Search(%q), a typo of %q: %v not among the best of %v", typo, string(w), v.Ref(), refStrings(hits))
				}
			}
		}
	}
	if tried < 100 {
		t.Errorf("only %d typos tried: the pack has too few long names for the property to say much", tried)
	}
}

// edit makes one random edit in w, never on its first letter.
func edit(rng *rand.Rand, w []rune) string {
	out := slices.Clone(w)
	i := 1 + rng.IntN(len(w)-2)
	switch rng.IntN(4) {
	case 0: // drop
		out = slices.Delete(out, i, i+1)
	case 1: // double
		out = slices.Insert(out, i, out[i])
	case 2: // replace
		r := rune('a' + rng.IntN(26))
		for r == out[i] {
			r = rune('a' + rng.IntN(26))
		}
		out[i] = r
	case 3: // swap
		out[i], out[i+1] = out[i+1], out[i]
	}
	return string(out)
}

// TestSearchThroughPlacesProperty: every event linked to a place whose English name is a
// whole word of the event's title is found by each other name of the place (aliases, period
// and modern names) that its title does not hold already, below the place itself.
func TestSearchThroughPlacesProperty(t *testing.T) {
	c := loadEmbedded(t)
	checked := 0
	for _, e := range c.Events() {
		title := " " + timeline.FoldSearch(e.Title.String()) + " "
		for _, id := range e.Places {
			p := c.Place(id)
			if !strings.Contains(title, " "+timeline.FoldSearch(p.Name.String())+" ") {
				continue
			}
			others := slices.Clone(p.Aliases)
			for _, n := range p.Names {
				others = append(others, n.Name.String())
			}
			others = append(others, p.Modern.String())
			for _, alias := range others {
				if alias == "" || utf8.RuneCountInString(alias) < 3 || strings.Contains(title, " "+timeline.FoldSearch(alias)+" ") {
					continue
				}
				hits := c.Search(alias, 0)
				ip := slices.IndexFunc(hits, func(h timeline.SearchHit) bool { return h.Ref == p.Ref() })
				ie := slices.IndexFunc(hits, func(h timeline.SearchHit) bool { return h.Ref == e.Ref() })
				checked++
				switch {
				case ie < 0:
					t.Errorf("Search(%q), a name of %s: %q not found (%v)", alias, p.ID, e.Title.String(), refStrings(hits))
				case ip < 0 || ip > ie:
					t.Errorf("Search(%q): %q at %d, above the place %s at %d", alias, e.Title.String(), ie, p.ID, ip)
				}
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d (event, name) pairs checked", checked)
	}
}

// BenchmarkSearchTypingEmbedded types queries into a search of the embedded pack a letter at a
// time, as the search field does: each op is one keystroke, the search of the text so far.
func BenchmarkSearchTypingEmbedded(b *testing.B) {
	c := loadEmbedded(b)
	for _, q := range []string{"Rokosovsky", "Stalingrd", "Kaliningrad", "battle of moscow", "xyzzy"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			defer cputime.Report(b)()
			i := 0
			for b.Loop() {
				i = i%len(q) + 1
				c.Search(q[:i], 30)
			}
		})
	}
}
