package timeline

import (
	"sort"
	"strings"
	"unicode"
)

// SearchHit is one item found by Catalog.Search.
type SearchHit struct {
	Ref     Ref
	Name    string // the item's English name (an event's title)
	Matched string // the name, alias or period name that matched, as authored
	Score   int    // higher is better; see Catalog.Search
}

// Scores of the ways a query can match a name. A match on the item's own name adds
// searchPrimaryBonus, so "Stalingrad" ranks the city above an event that has it as an alias.
const (
	searchExact     = 1000 // the whole name
	searchWhole     = 700  // every query word is a whole word of the name, less 10 per other word
	searchPrefix    = 650  // the start of the name ("stalin" in "Stalingrad")
	searchWords     = 600  // every query word starts a word of the name
	searchSubstring = 300  // anywhere in the name
	// searchPrimaryBonus is added when the name is the item's own name rather than an alias.
	searchPrimaryBonus = 20
)

// catalogSearchRow is one searchable name of one item, folded.
type catalogSearchRow struct {
	ref     Ref
	name    string   // as authored
	folded  string   // FoldSearch(name)
	words   []string // the words of folded
	primary bool     // the item's own name rather than an alias
}

// buildSearchIndex indexes every name, translation, alias, period and modern name of the
// items of every kind but sources, in Kinds order.
func (c *Catalog) buildSearchIndex() {
	c.index = c.index[:0]
	for _, k := range Kinds {
		for _, v := range c.lists[k] {
			v.index(nameIndexer{c.indexRow, v.Ref()})
		}
	}
}

// indexRow adds one name of r to the search index.
func (c *Catalog) indexRow(r Ref, name string, primary bool) {
	if f := FoldSearch(name); f != "" {
		c.index = append(c.index, catalogSearchRow{ref: r, name: name, folded: f, words: strings.Fields(f), primary: primary})
	}
}

// nameIndexer hands the names of one item to a sink: the search index, or the mention
// check's list of names that are not places.
type nameIndexer struct {
	sink func(r Ref, name string, primary bool)
	r    Ref
}

// add hands over each non-empty name; primary marks the item's own name rather than an alias.
func (n nameIndexer) add(primary bool, names ...string) {
	for _, s := range names {
		if s != "" {
			n.sink(n.r, s, primary)
		}
	}
}

// text indexes the English text of t, primary when it is the item's own name, then its
// translations, which are never primary.
func (n nameIndexer) text(t Text, primary bool) {
	n.add(primary, t[DefaultLang])
	for lang, s := range t {
		if lang != DefaultLang {
			n.add(false, s)
		}
	}
}

// aliases indexes other names and spellings.
func (n nameIndexer) aliases(names []string) { n.add(false, names...) }

// Search finds items whose name, translation, alias, period name or modern name matches
// query, ignoring case and diacritics ("konigsberg" finds Königsberg, "Volgograd" finds
// Stalingrad when it is the place's modern name). From best to worst: the whole name; every
// query word a whole word of the name (fewer other words first); the start of the name; every
// query word starting a word of the name; anywhere in the name. Each item appears once, with
// its best match. Hits are sorted by score, then people, places, medals, organizations,
// veterans, events, then by name; GroupHitsByKind groups them. limit ≤ 0 means no limit; an
// empty query finds nothing. Sources are not searched.
func (c *Catalog) Search(query string, limit int) []SearchHit {
	q := FoldSearch(query)
	if q == "" {
		return nil
	}
	qWords := strings.Fields(q)
	best := map[Ref]int{}
	var hits []SearchHit
	for _, row := range c.index {
		score := searchScore(row.folded, row.words, q, qWords)
		if score == 0 {
			continue
		}
		if row.primary {
			score += searchPrimaryBonus
		}
		if i, ok := best[row.ref]; ok {
			if score > hits[i].Score {
				hits[i].Score, hits[i].Matched = score, row.name
			}
			continue
		}
		best[row.ref] = len(hits)
		hits = append(hits, SearchHit{Ref: row.ref, Name: c.Name(row.ref), Matched: row.name, Score: score})
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if ka, kb := searchRank(a.Ref.Kind), searchRank(b.Ref.Kind); ka != kb {
			return ka < kb
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Ref.ID < b.Ref.ID
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// searchRank orders hits of equal score: things named (people, places, awards,
// organizations, veterans) before the events that mention them.
func searchRank(k Kind) int {
	in, _ := k.info()
	return in.searchRank
}

// searchScore scores how the folded query q (split into qWords) matches the folded name
// (split into words); 0 when it does not match.
func searchScore(name string, words []string, q string, qWords []string) int {
	if name == q {
		return searchExact
	}
	whole, starts := true, true
	for _, qw := range qWords {
		isWord, isStart := false, false
		for _, w := range words {
			if w == qw {
				isWord, isStart = true, true
				break
			}
			if strings.HasPrefix(w, qw) {
				isStart = true
			}
		}
		whole = whole && isWord
		starts = starts && isStart
	}
	switch {
	case whole:
		return max(searchWhole-10*(len(words)-len(qWords)), searchPrefix+10)
	case strings.HasPrefix(name, q):
		return searchPrefix
	case starts:
		return searchWords
	case strings.Contains(name, q):
		return searchSubstring
	}
	return 0
}

// GroupHitsByKind splits hits by kind, in Kinds order, keeping the order within each kind.
// Kinds without hits are left out.
func GroupHitsByKind(hits []SearchHit) [][]SearchHit {
	var groups [][]SearchHit
	for _, k := range Kinds {
		var g []SearchHit
		for _, h := range hits {
			if h.Ref.Kind == k {
				g = append(g, h)
			}
		}
		if len(g) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// FoldSearch folds s for searching: lower case, diacritics removed (ö → o, ł → l, ß → ss,
// ё → е), apostrophes dropped, other punctuation turned into single spaces, trimmed.
func FoldSearch(s string) string {
	var b strings.Builder
	space := true // drop leading spaces
	for _, r := range s {
		r = unicode.ToLower(r)
		if m, ok := searchFoldTable[r]; ok {
			b.WriteString(m)
			space = false
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == 'ʼ', r == '`':
			// combining marks and apostrophes: dropped ("L'viv" → "lviv")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// searchFoldTable maps lower-case letters with diacritics to their plain forms.
var searchFoldTable = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
		'þ': "th", 'ı': "i", 'ё': "е", 'ї': "і", 'ħ': "h"}
	groups := map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥ",
		"i": "ìíîïĩīĭįİ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	}
	for plain, letters := range groups {
		for _, r := range letters {
			m[r] = plain
		}
	}
	return m
}()
