package timeline

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldSearch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Königsberg", "konigsberg"},
		{"ŁÓDŹ", "lodz"},
		{"Žukov", "zukov"},
		{"Kim Il-sung", "kim il sung"},
		{"  L'viv  ", "lviv"},
		{"Straße", "strasse"},
		{"Ёлкин", "елкин"},
		{"Medal \"For the Defence of Stalingrad\"", "medal for the defence of stalingrad"},
		{"Iași", "iasi"},
		{"KÖNIGSBERG", "konigsberg"},
		{"Кёнигсберг", "кенигсберг"},
		{"", ""},
		{"—", ""},
	}
	for _, tt := range tests {
		if got := FoldSearch(tt.in); got != tt.want {
			t.Errorf("FoldSearch(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldWordsSpans(t *testing.T) {
	name := `Medal "For the Capture of Königsberg" (L'viv)`
	words, spans := foldWords(name)
	want := []string{"medal", "for", "the", "capture", "of", "konigsberg", "lviv"}
	wantText := []string{"Medal", "For", "the", "Capture", "of", "Königsberg", "L'viv"}
	if strings.Join(words, " ") != strings.Join(want, " ") {
		t.Fatalf("foldWords(%q): got %q, want %q", name, words, want)
	}
	for i, sp := range spans {
		if got := name[sp[0]:sp[1]]; got != wantText[i] {
			t.Errorf("word %d: span gives %q, want %q", i, got, wantText[i])
		}
	}
}

// FuzzFoldSearch checks that folding is idempotent and leaves no upper case, no leading,
// trailing or doubled spaces, and that each word's span in the input folds to the word.
func FuzzFoldSearch(f *testing.F) {
	for _, s := range []string{"Königsberg", "Kim Il-sung", "L'viv", "ŁÓDŹ", "Ёлкин", "İstanbul", "  a  b  ", "\xff\xfe", "a\u0301b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := FoldSearch(s)
		if twice := FoldSearch(once); twice != once {
			t.Fatalf("FoldSearch(%q) = %q, folded again %q", s, once, twice)
		}
		if strings.HasPrefix(once, " ") || strings.HasSuffix(once, " ") || strings.Contains(once, "  ") {
			t.Fatalf("FoldSearch(%q) = %q: stray spaces", s, once)
		}
		words, spans := foldWords(s)
		for i, sp := range spans {
			if got := FoldSearch(s[sp[0]:sp[1]]); got != words[i] {
				t.Fatalf("foldWords(%q): word %d is %q but its span %q folds to %q", s, i, words[i], s[sp[0]:sp[1]], got)
			}
		}
	})
}

func TestTypoDistance(t *testing.T) {
	tests := []struct {
		q, w          string
		k             int
		whole, prefix int
	}{
		{"stalingrd", "stalingrad", 2, 1, 1},
		{"zukov", "zhukov", 1, 1, 1},
		{"rokosovsky", "rokossovsky", 2, 1, 1},
		{"kurks", "kursk", 1, 1, 1},             // a swap is one edit
		{"rokoso", "rokossovsky", 2, 3, 1},      // the start of a longer word, typed with a typo
		{"berlin", "berlin", 2, 0, 0},           // the same
		{"kiev", "moscow", 1, 2, 2},             // too far: capped at k+1
		{"kitten", "sitting", 2, 3, 2},          // Levenshtein's classic: 3 edits, "sittin" 2
		{"ca", "abc", 2, 3, 1},                  // OSA (unlike full Damerau–Levenshtein) makes the whole 3; "a" is 1
		{"a", strings.Repeat("a", 41), 2, 3, 3}, // longer than maxTypoWord: not compared
	}
	for _, tt := range tests {
		whole, prefix := typoDistance([]rune(tt.q), []rune(tt.w), tt.k)
		if whole != tt.whole || prefix != tt.prefix {
			t.Errorf("typoDistance(%q, %q, %d): got whole %d prefix %d, want %d %d", tt.q, tt.w, tt.k, whole, prefix, tt.whole, tt.prefix)
		}
	}
}

// osaReference is the optimal-string-alignment distance from the full table, for checking
// typoDistance.
func osaReference(a, b []rune) [][]int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d
}

// TestTypoDistanceProperty compares typoDistance, with its early stop and narrowed table,
// with the full table on random words over a small alphabet (so that near misses are common),
// and checks that the letter-mask filter before it keeps every word within reach.
func TestTypoDistanceProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		r := make([]rune, 1+rng.IntN(12))
		for i := range r {
			r[i] = rune('a' + rng.IntN(4))
		}
		return r
	}
	for range 20000 {
		q, w, k := word(), word(), rng.IntN(3)
		d := osaReference(q, w)
		wantWhole := min(d[len(q)][len(w)], k+1)
		wantPrefix := k + 1
		for j := range len(w) + 1 {
			wantPrefix = min(wantPrefix, d[len(q)][j])
		}
		whole, prefix := typoDistance(q, w, k)
		if whole != wantWhole || prefix != wantPrefix {
			t.Fatalf("typoDistance(%q, %q, %d): got whole %d prefix %d, want %d %d", string(q), string(w), k, whole, prefix, wantWhole, wantPrefix)
		}
		// The letter-mask filter of matchWord never drops a word within k edits.
		var mask uint64
		for _, c := range w {
			mask |= letterBit(c)
		}
		missing := 0
		for _, c := range q {
			if mask&letterBit(c) == 0 {
				missing++
			}
		}
		if min(whole, prefix) <= k && missing > k {
			t.Fatalf("%q is within %d edits of %q (or its start) but lacks %d of its letters", string(q), k, string(w), missing)
		}
	}
}

func TestTypoBudget(t *testing.T) {
	for _, tt := range []struct {
		word string
		want int
	}{
		{"ork", 0}, {"kiev", 1}, {"zukov", 1}, {"berlin", 2}, {"rokosovsky", 2}, {"кёниг", 1},
	} {
		if got := typoBudget(utf8.RuneCountInString(tt.word)); got != tt.want {
			t.Errorf("typoBudget(len(%q)): got %d, want %d", tt.word, got, tt.want)
		}
	}
}

// searchCatalog builds a catalog of the items given, linked as their fields say.
func searchCatalog(t testing.TB, items ...Item) *Catalog {
	t.Helper()
	c := newCatalog(PackInfo{})
	for _, v := range items {
		if !c.add(v.Ref(), v) {
			t.Fatalf("duplicate %v", v.Ref())
		}
	}
	c.finish()
	return c
}

// rankingCatalog is a small chronicle for the ranking rules.
func rankingCatalog(t testing.TB) *Catalog {
	return searchCatalog(t,
		&Place{ID: "kursk", Name: T("Kursk")},
		&Place{ID: "kiev", Name: Text{"en": "Kiev", "ru": "Киев"}, Modern: T("Kyiv"), Aliases: []string{"Kiyev"}},
		&Place{ID: "konigsberg", Name: T("Königsberg"), Names: []PlaceName{{Name: T("Kaliningrad")}}},
		&Place{ID: "kurskaya", Name: T("Kurskaya Oblast")},
		&Event{ID: "battle-of-kursk", Title: T("Battle of Kursk"), Importance: 5, Places: []string{"kursk"}},
		&Event{ID: "kursk-raid", Title: T("Kursk raid"), Importance: 2, Places: []string{"kursk"}},
		&Event{ID: "battle-of-kiev", Title: Text{"en": "Battle of Kiev (1941)", "ru": "Битва за Киев"}, Importance: 5, Places: []string{"kiev"}},
		&Event{ID: "kiev-unlinked", Title: T("Kiev conference"), Importance: 1},
		&Event{ID: "konigsberg", Title: T("Storming of Königsberg"), Importance: 4, Places: []string{"konigsberg"}, Medals: []string{"capture-konigsberg"}},
		&Medal{ID: "capture-konigsberg", Name: T("Medal \"For the Capture of Königsberg\""), Aliases: []string{"Za vzyatiye Kyonigsberga"}},
		&Person{ID: "zhukov", Name: T("Georgy Zhukov")},
		&Person{ID: "zhukovsky", Name: T("Nikolai Zhukovsky")},
		&Person{ID: "stalin", Name: T("Joseph Stalin"), Aliases: []string{"Koba"}},
		&Place{ID: "stalingrad", Name: T("Stalingrad")},
		&Event{ID: "death-of-stalin", Title: T("Death of Stalin"), Importance: 5},
	)
}

func refsOf(hits []SearchHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = string(h.Ref.Kind) + ":" + h.Ref.ID
	}
	return out
}

// TestSearchRankingRules checks the order of hits rule by rule: for each query, the hits
// listed must come in this order (others may come between or after).
func TestSearchRankingRules(t *testing.T) {
	c := rankingCatalog(t)
	tests := []struct {
		rule  string
		query string
		order []string
	}{
		{"an event outranks a place of the same name", "Kursk", []string{"event:battle-of-kursk", "place:kursk"}},
		{"the more prominent first: the battle, the city, a minor raid", "kursk", []string{"event:battle-of-kursk", "place:kursk", "event:kursk-raid"}},
		{"whole words before the start of a word", "kursk", []string{"place:kursk", "place:kurskaya"}},
		{"a person before events naming them", "stalin", []string{"person:stalin", "event:death-of-stalin"}},
		{"a whole word before the start of a name", "stalin", []string{"event:death-of-stalin", "place:stalingrad"}},
		{"fewer other words first", "zhukov", []string{"person:zhukov", "person:zhukovsky"}},
		{"the place before items through its names", "Kyiv", []string{"place:kiev", "event:battle-of-kiev"}},
		{"a period name reaches the event and, through it, the award", "Kaliningrad", []string{"place:konigsberg", "event:konigsberg", "medal:capture-konigsberg"}},
		{"an alias", "koba", []string{"person:stalin"}},
	}
	for _, tt := range tests {
		hits := c.Search(tt.query, 0)
		pos := map[string]int{}
		for i, r := range refsOf(hits) {
			pos[r] = i + 1
		}
		last := 0
		for _, r := range tt.order {
			p := pos[r]
			if p == 0 {
				t.Errorf("%s: Search(%q) lacks %s: %v", tt.rule, tt.query, r, refsOf(hits))
				break
			}
			if p < last {
				t.Errorf("%s: Search(%q): want order %v, got %v", tt.rule, tt.query, tt.order, refsOf(hits))
				break
			}
			last = p
		}
	}
}

func TestSearchThroughPlaces(t *testing.T) {
	c := rankingCatalog(t)
	tests := []struct {
		query   string
		want    Ref
		matched string
	}{
		{"Kyiv", Ref{KindEvent, "battle-of-kiev"}, "Kyiv"},           // the modern name
		{"kiyev", Ref{KindEvent, "battle-of-kiev"}, "Kiyev"},         // an alias
		{"battle of kyiv", Ref{KindEvent, "battle-of-kiev"}, "Kyiv"}, // the name with the alias put in
		{"Kaliningrad", Ref{KindEvent, "konigsberg"}, "Kaliningrad"}, // a period name
		{"Kaliningrad", Ref{KindMedal, "capture-konigsberg"}, "Kaliningrad"},
		{"Киев", Ref{KindEvent, "battle-of-kiev"}, "Битва за Киев"}, // its own translation
		{"Битва за Kyiv", Ref{KindEvent, "battle-of-kiev"}, "Kyiv"}, // a translation with the alias put in
	}
	for _, tt := range tests {
		var got *SearchHit
		hits := c.Search(tt.query, 0)
		for i := range hits {
			if hits[i].Ref == tt.want {
				got = &hits[i]
			}
		}
		if got == nil {
			t.Errorf("Search(%q): no %v among %v", tt.query, tt.want, refsOf(hits))
			continue
		}
		if got.Matched != tt.matched {
			t.Errorf("Search(%q): %v matched %q, want %q", tt.query, tt.want, got.Matched, tt.matched)
		}
	}
	// A name in a title reaches no item that is not linked to the place.
	for _, h := range c.Search("Kyiv", 0) {
		if h.Ref.ID == "kiev-unlinked" {
			t.Errorf("Search(Kyiv) found %v, which no link ties to Kiev", h.Ref)
		}
	}
	// The award's inflected alias ("Kyonigsberga") holds no name of the place, so adds nothing;
	// but Russian case endings on a place's name are recognised.
	c2 := searchCatalog(t,
		&Place{ID: "kiev", Name: T("Kiev"), Aliases: []string{"Kiyev", "Kyiv"}},
		&Event{ID: "kiev", Title: T("Defence of Kiev"), Places: []string{"kiev"}, Medals: []string{"m"}},
		&Medal{ID: "m", Name: T("Za oboronu Kiyeva")},
	)
	if hits := c2.Search("Kyiv", 0); len(hits) != 3 {
		t.Errorf("Search(Kyiv): want the place, the event and the award (its name has \"Kiyeva\"), got %v", refsOf(hits))
	}
}

func TestSearchTypos(t *testing.T) {
	c := rankingCatalog(t)
	tests := []struct {
		query, first, correction string
	}{
		{"Zukov", "person:zhukov", "Zhukov"},
		{"Georgy Zukov", "person:zhukov", "Georgy Zhukov"},
		{"Kurks", "event:battle-of-kursk", "Kursk"},
		{"Stalingrd", "place:stalingrad", "Stalingrad"},
		{"Kaliningrd", "place:konigsberg", "Kaliningrad"},
		{"battle of kurks", "event:battle-of-kursk", "battle of Kursk"},
	}
	for _, tt := range tests {
		hits := c.Search(tt.query, 0)
		if len(hits) == 0 {
			t.Errorf("Search(%q): no hits, want %s", tt.query, tt.first)
			continue
		}
		h := hits[0]
		if refsOf(hits)[0] != tt.first || !h.Typo || h.Correction != tt.correction {
			t.Errorf("Search(%q)[0]: got %s typo=%v correction %q, want %s typo correction %q", tt.query, refsOf(hits)[0], h.Typo, h.Correction, tt.first, tt.correction)
		}
	}
	// No typos where the query is a word or the start of one: "Kursk" does not find
	// "Kurskaya" as a typo, and "zhukov" does not find typos at all.
	for _, q := range []string{"kursk", "zhukov", "stal"} {
		for _, h := range c.Search(q, 0) {
			if h.Typo {
				t.Errorf("Search(%q): %v found as a typo", q, h.Ref)
			}
		}
	}
	// Words of three letters or fewer take no typos.
	if hits := c.Search("kov", 0); len(hits) != 2 { // zhukov, zhukovsky: substrings only
		t.Errorf("Search(kov): got %v, want the two names holding it", refsOf(hits))
	}
	// Typo hits more than one edit worse than the best are left out: "Stallin" is one edit from
	// Stalin and two from Tallinn.
	c3 := searchCatalog(t, &Person{ID: "stalin", Name: T("Joseph Stalin")}, &Place{ID: "tallinn", Name: T("Tallinn")})
	if hits := c3.Search("Stallin", 0); len(hits) != 1 || hits[0].Ref.ID != "stalin" {
		t.Errorf("Search(Stallin): got %v, want only Stalin (one edit, Tallinn takes two)", refsOf(hits))
	}
	if hits := c3.Search("Talin", 0); len(hits) != 2 {
		t.Errorf("Search(Talin): got %v, want both (one edit each)", refsOf(hits))
	}
}

func TestSearch(t *testing.T) {
	c := loadTestPack(t)
	tests := []struct {
		query   string
		first   Ref
		matched string
	}{
		{"Konigsberg", Ref{KindEvent, "konigsberg-assault"}, "Assault on Königsberg"}, // an event before the place of its name
		{"kaliningrad", Ref{KindPlace, "konigsberg"}, "Kaliningrad"},
		{"Volgograd", Ref{KindPlace, "stalingrad"}, "Volgograd"},
		{"tsaritsyn", Ref{KindPlace, "stalingrad"}, "Tsaritsyn"},
		{"Kyiv", Ref{KindPlace, "kiev"}, "Kyiv"},
		{"Київ", Ref{KindPlace, "kiev"}, "Київ"},
		{"Kharkiv", Ref{KindPlace, "kharkov"}, "Kharkiv"},
		{"STALINGRAD", Ref{KindEvent, "stalingrad"}, "Battle of Stalingrad"},
		{"zhukov", Ref{KindPerson, "zhukov"}, "Georgy Zhukov"},
		{"zukov", Ref{KindPerson, "zhukov"}, "Žukov"},
		{"rkka", Ref{KindOrganization, "red-army"}, "RKKA"},
		{"сталинградская", Ref{KindEvent, "stalingrad"}, "Сталинградская битва"},
		{"uranus", Ref{KindEvent, "uranus"}, "Operation Uranus"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits := c.Search(tt.query, 5)
			if len(hits) == 0 {
				t.Fatalf("Search(%q): no hits, want %v", tt.query, tt.first)
			}
			if hits[0].Ref != tt.first || hits[0].Matched != tt.matched {
				t.Errorf("Search(%q)[0]: got %v matched %q, want %v matched %q (all: %v)",
					tt.query, hits[0].Ref, hits[0].Matched, tt.first, tt.matched, refsOf(hits))
			}
		})
	}
}

func TestSearchSortedByScore(t *testing.T) {
	c := loadTestPack(t)
	for _, q := range []string{"stalingrad", "grad", "a", "kiev", "stalingrd"} {
		hits := c.Search(q, 0)
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Errorf("Search(%q): hits not sorted by score at %d: %v", q, i, refsOf(hits))
			}
		}
	}
	// A substring ranks below a word, and a typo below a substring.
	for _, h := range c.Search("grad", 0) {
		if h.Score != searchSubstring {
			t.Errorf("Search(grad): %v scored %d, want the substring score %d", h.Ref, h.Score, searchSubstring)
		}
	}
}

func TestSearchEmptyAndLimit(t *testing.T) {
	c := loadTestPack(t)
	for _, q := range []string{"", "   ", "—!"} {
		if hits := c.Search(q, 10); len(hits) != 0 {
			t.Errorf("Search(%q): got %d hits, want none", q, len(hits))
		}
	}
	if hits := c.Search("a", 2); len(hits) != 2 {
		t.Errorf("Search(a, 2): got %d hits, want 2", len(hits))
	}
	if hits := c.Search("xyzzy", 10); len(hits) != 0 {
		t.Errorf("Search(xyzzy): got %+v, want none", hits)
	}
	// Each item appears once.
	for _, q := range []string{"a", "kyiv", "stalingrd"} {
		seen := map[Ref]bool{}
		for _, h := range c.Search(q, 0) {
			if seen[h.Ref] {
				t.Errorf("Search(%q): %v appears twice", q, h.Ref)
			}
			seen[h.Ref] = true
		}
	}
}

func TestSearchStopwords(t *testing.T) {
	c := rankingCatalog(t)
	// "in" is in no name of the battle, but a stopword may be left out.
	if hits := c.Search("battle in kursk", 0); len(hits) == 0 || hits[0].Ref.ID != "battle-of-kursk" {
		t.Errorf("Search(battle in kursk): got %v, want the Battle of Kursk", refsOf(hits))
	}
	// A query of stopwords alone must match.
	if hits := c.Search("with", 0); len(hits) != 0 {
		t.Errorf("Search(with): got %v, want none (no name has \"with\")", refsOf(hits))
	}
	if hits := c.Search("the", 0); len(hits) != 1 {
		t.Errorf("Search(the): got %v, want the award, whose name has \"the\"", refsOf(hits))
	}
}

func TestGroupHitsByKind(t *testing.T) {
	c := loadTestPack(t)
	groups := GroupHitsByKind(c.Search("stalingrad", 0))
	last := -1
	for _, g := range groups {
		k := kindIndex(g[0].Ref.Kind)
		if k <= last {
			t.Errorf("groups not in Kinds order: %v after index %d", g[0].Ref.Kind, last)
		}
		last = k
		for _, h := range g {
			if h.Ref.Kind != g[0].Ref.Kind {
				t.Errorf("group %s holds %v", g[0].Ref.Kind, h.Ref)
			}
		}
	}
	if len(groups) < 3 {
		t.Errorf("got %d groups, want at least 3 (event, medal, place)", len(groups))
	}
}

// FuzzSearch checks that any query leaves Search standing: each item at most once, hits
// sorted by score, a correction exactly on typo hits, and the correction finding the item.
func FuzzSearch(f *testing.F) {
	c := rankingCatalog(f)
	for _, s := range []string{"Kyiv", "Stalingrd", "battle of kurks", "Ки", "  zukov  Georgy ", "\xff", "a'b", "é\u0301", "the of"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits := c.Search(q, 0)
		seen := map[Ref]bool{}
		for i, h := range hits {
			if seen[h.Ref] {
				t.Fatalf("Search(%q): %v twice", q, h.Ref)
			}
			seen[h.Ref] = true
			if i > 0 && h.Score > hits[i-1].Score {
				t.Fatalf("Search(%q): not sorted at %d", q, i)
			}
			if h.Typo != (h.Correction != "") {
				t.Fatalf("Search(%q): %v typo=%v correction %q", q, h.Ref, h.Typo, h.Correction)
			}
			if h.Typo && !slices.ContainsFunc(c.Search(h.Correction, 0), func(x SearchHit) bool { return x.Ref == h.Ref }) {
				t.Fatalf("Search(%q): the correction %q does not find %v", q, h.Correction, h.Ref)
			}
		}
	})
}
