package timeline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"frontline-atlas/internal/cputime"
)

// synthWord makes a pronounceable word of 2 to 4 syllables ("Kovarin", "Belosta").
func synthWord(rng *rand.Rand) string {
	const cons, vows = "bdgklmnprstvzh", "aeiouy"
	var b strings.Builder
	for range 2 + rng.IntN(3) {
		b.WriteByte(cons[rng.IntN(len(cons))])
		b.WriteByte(vows[rng.IntN(len(vows))])
		if rng.IntN(3) == 0 {
			b.WriteByte(cons[rng.IntN(len(cons))])
		}
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// synthCatalog builds a chronicle of n items shaped like the embedded pack: of every ten, four
// events named after a linked place ("Battle of X", "X offensive", "Liberation of X") with
// a Russian title, two places with a Russian name, an alias and a modern name, two people
// with two aliases, one award named after a place, one organization with an alias.
func synthCatalog(tb testing.TB, n int) (*Catalog, []string) {
	rng := rand.New(rand.NewPCG(42, uint64(n)))
	var items []Item
	var places []string
	for i := 0; len(items) < n; i++ {
		for j := range 2 {
			name := synthWord(rng)
			id := fmt.Sprintf("p%d-%d", i, j)
			items = append(items, &Place{ID: id, Name: Text{"en": name, "ru": name + "ъ"},
				Aliases: []string{name + "e"}, Modern: T(synthWord(rng))})
			places = append(places, name)
		}
		for j, pat := range []string{"Battle of %s", "%s offensive", "Liberation of %s", "Operation %s"} {
			p := rng.IntN(len(places))
			title := fmt.Sprintf(pat, places[p])
			items = append(items, &Event{ID: fmt.Sprintf("e%d-%d", i, j), Title: Text{"en": title, "ru": "Битва " + places[p]},
				Importance: 1 + rng.IntN(5), Places: []string{fmt.Sprintf("p%d-%d", p/2, p%2)}})
		}
		for j := range 2 {
			first, last := synthWord(rng), synthWord(rng)
			items = append(items, &Person{ID: fmt.Sprintf("h%d-%d", i, j), Name: T(first + " " + last),
				Aliases: []string{first + " " + synthWord(rng) + " " + last, last}})
		}
		items = append(items, &Medal{ID: fmt.Sprintf("m%d", i), Name: T("Medal \"For the Defence of " + places[rng.IntN(len(places))] + "\"")})
		items = append(items, &Organization{ID: fmt.Sprintf("o%d", i), Name: T(synthWord(rng) + " Front"), Aliases: []string{strings.ToUpper(synthWord(rng))}})
	}
	return searchCatalog(tb, items[:n]...), places
}

// BenchmarkSearchKeystroke is the search run on each keystroke, on synthetic chronicles of 500
// items (the embedded pack's size) and 5,000, for the ways a query can match: one letter, the
// start of a name, a whole name, a misspelt name, a name through a place's other name (modern
// name), and nothing at all (every word of the vocabulary compared for typos).
func BenchmarkSearchKeystroke(b *testing.B) {
	for _, n := range []int{500, 5000} {
		c, places := synthCatalog(b, n)
		name := strings.ToLower(places[len(places)/2])
		typo := name[:2] + name[3:] // a letter dropped
		modern := c.Place("p3-0").Modern.String()
		queries := []struct{ what, q string }{
			{"letter", name[:1]},
			{"start", name[:4]},
			{"whole", name},
			{"typo", typo},
			{"modern", modern},
			{"two-words-typo", "battle of " + typo},
			{"nothing", "qxwqxwqxw"},
		}
		for _, q := range queries {
			b.Run(fmt.Sprintf("items=%d/%s", n, q.what), func(b *testing.B) {
				b.ReportAllocs()
				defer cputime.Report(b)()
				for b.Loop() {
					c.Search(q.q, 30)
				}
			})
		}
		b.Run(fmt.Sprintf("items=%d/index", n), func(b *testing.B) {
			b.ReportAllocs()
			defer cputime.Report(b)()
			for b.Loop() {
				c.buildSearchIndex()
			}
		})
	}
}
