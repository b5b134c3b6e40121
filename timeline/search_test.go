package timeline

import (
	"strings"
	"testing"
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
		{"", ""},
		{"—", ""},
	}
	for _, tt := range tests {
		if got := FoldSearch(tt.in); got != tt.want {
			t.Errorf("FoldSearch(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSearch(t *testing.T) {
	c := loadTestPack(t)
	tests := []struct {
		query   string
		first   Ref
		matched string
	}{
		{"Konigsberg", Ref{KindPlace, "konigsberg"}, "Königsberg"},
		{"kaliningrad", Ref{KindPlace, "konigsberg"}, "Kaliningrad"},
		{"Volgograd", Ref{KindPlace, "stalingrad"}, "Volgograd"},
		{"tsaritsyn", Ref{KindPlace, "stalingrad"}, "Tsaritsyn"},
		{"Kyiv", Ref{KindPlace, "kiev"}, "Kyiv"},
		{"Київ", Ref{KindPlace, "kiev"}, "Київ"},
		{"Kharkiv", Ref{KindPlace, "kharkov"}, "Kharkiv"},
		{"STALINGRAD", Ref{KindPlace, "stalingrad"}, "Stalingrad"},
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
				t.Errorf("Search(%q)[0]: got %v matched %q, want %v matched %q (all: %+v)",
					tt.query, hits[0].Ref, hits[0].Matched, tt.first, tt.matched, hits)
			}
		})
	}
}

func TestSearchRanking(t *testing.T) {
	c := loadTestPack(t)
	hits := c.Search("stalingrad", 0)
	pos := map[Ref]int{}
	for i, h := range hits {
		pos[h.Ref] = i + 1
	}
	city, battle, medal := Ref{KindPlace, "stalingrad"}, Ref{KindEvent, "stalingrad"}, Ref{KindMedal, "medal-defence-stalingrad"}
	if pos[city] == 0 || pos[battle] == 0 || pos[medal] == 0 {
		t.Fatalf("Search(stalingrad): got %+v, want the city, the battle and the medal", hits)
	}
	if !(pos[city] < pos[battle] && pos[battle] < pos[medal]) {
		t.Errorf("Search(stalingrad): want exact (city) < word (battle) < word (medal: same score, later kind); got %+v", hits)
	}
	// A word prefix ranks above a match inside a word.
	hits = c.Search("grad", 0)
	for _, h := range hits {
		if h.Score >= searchWords {
			t.Errorf("Search(grad): %v scored %d, want a substring score below %d", h.Ref, h.Score, searchWords)
		}
	}
	if len(hits) == 0 {
		t.Error("Search(grad): no hits, want substring matches")
	}
	// Sorted by score.
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hits not sorted by score at %d: %+v", i, hits)
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
	seen := map[Ref]bool{}
	for _, h := range c.Search("a", 0) {
		if seen[h.Ref] {
			t.Errorf("Search(a): %v appears twice", h.Ref)
		}
		seen[h.Ref] = true
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

// FuzzFoldSearch checks that folding is idempotent and leaves no upper case, no leading,
// trailing or doubled spaces.
func FuzzFoldSearch(f *testing.F) {
	for _, s := range []string{"Königsberg", "Kim Il-sung", "L'viv", "ŁÓDŹ", "Ёлкин", "İstanbul", "  a  b  ", "\xff\xfe"} {
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
	})
}

func TestSearchScoreOrder(t *testing.T) {
	score := func(name, q string) int {
		fn, fq := FoldSearch(name), FoldSearch(q)
		return searchScore(fn, strings.Fields(fn), fq, strings.Fields(fq))
	}
	// Each pair: the first name must score above the second for the query.
	tests := []struct{ q, better, worse string }{
		{"kursk", "Kursk", "Battle of Kursk"},
		{"zhukov", "Georgy Zhukov", "Zhukovsky"},
		{"stalin", "Joseph Stalin", "Stalingrad"},
		{"stalin", "Stalingrad", "Battle of Stalingrad"},
		{"stalingrad", "Battle of Stalingrad", "Medal For the Defence of Stalingrad"},
		{"battle kursk", "Battle of Kursk", "Battle of Kurskaya"},
		{"grad", "Grad rockets", "Stalingrad"},
		{"lingrad", "Stalingrad", "Kiev"},
	}
	for _, tt := range tests {
		b, w := score(tt.better, tt.q), score(tt.worse, tt.q)
		if b <= w {
			t.Errorf("query %q: %q scored %d, %q scored %d; want the first higher", tt.q, tt.better, b, tt.worse, w)
		}
	}
	if got := score("Kiev", "lingrad"); got != 0 {
		t.Errorf("no match: got %d, want 0", got)
	}
}
