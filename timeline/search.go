package timeline

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// SearchHit is one item found by Catalog.Search.
type SearchHit struct {
	Ref  Ref
	Name string // the item's English name (an event's title)
	// Matched is the name, alias or period name that matched, as authored; for a hit through a
	// linked place (Via), the place's name that matched ("Kyiv" for the Battle of Kiev).
	Matched string
	// Via is the place through whose name the item was found, or the zero Ref: "Kyiv" finds
	// the Battle of Kiev via the place Kiev.
	Via Ref
	// Score says how the query matched, higher is better; see Catalog.Search.
	Score int
	// Typo is set when the item was found only with typos tolerated; Correction is then the
	// query with each misspelt word replaced by the word of the name it stands for
	// ("Stalingrd" → "Stalingrad"), for a "did you mean".
	Typo       bool
	Correction string
}

// Scores of the ways a query can match a name, best first. Every query word must match a word
// of the name (a stopword such as "of" may be left out of the name).
const (
	// searchWhole: each query word is a whole word of the name ("kursk" in "Battle of Kursk",
	// and the whole name "Kursk").
	searchWhole = 700
	// searchPrefix: the name starts with the query ("stalingr" in "Stalingrad").
	searchPrefix = 650
	// searchWords: each query word is a whole word or starts one ("bat kur").
	searchWords = 600
	// searchSubstring: the query, of searchSubstringMin letters or more, stands anywhere in the
	// name ("lingrad").
	searchSubstring    = 500
	searchSubstringMin = 3
	// searchTypo: a query word that is no word of any name, nor the start of one, is a typo of
	// a word of this name or of the start of one (same first letter); less searchTypoEdit per
	// edit, and less searchTypoPrefix when a word matched only the start of a word.
	searchTypo       = 400
	searchTypoEdit   = 60
	searchTypoPrefix = 20
	// searchTypoFloor is the lowest score of a typo match, however many edits it took.
	searchTypoFloor = 100
)

// How one query word matches one word of a name, best first.
const (
	wordNone uint8 = iota
	wordWhole
	wordStart
	wordTypo       // a typo of the whole word
	wordTypoPrefix // a typo of the start of the word
)

// queryWord is one word of a query and how it matches each word of the vocabulary.
type queryWord struct {
	span  [2]int  // where it is in the query as typed
	stop  bool    // a stopword, which may be missing from a name
	kind  []uint8 // by vocab id: wordNone … wordTypoPrefix
	edits []uint8 // by vocab id: the edits of a typo match
}

// searchCandidate is the best row found so far of one item.
type searchCandidate struct {
	key   uint64 // the order of hits: lower first (see hitKey)
	row   int32
	score int
}

// Search finds items whose name, translation, alias, period name or modern name matches
// query, ignoring case and diacritics ("konigsberg" finds Königsberg, "Volgograd" finds
// Stalingrad when it is the place's modern name), and tolerating typos ("Stalingrd", "Zukov":
// one edit in a word of 4 or 5 letters, two from 6 letters; an edit inserts, deletes, replaces
// or swaps two neighbouring letters). An item whose name holds the name of a place linked to it
// is also found by the place's other names ("Kyiv" finds the Battle of Kiev, Via the place).
//
// Hits are ordered by Score: whole words; the start of the name; starts of words; anywhere in
// the name (3 letters or more); typos, fewest edits first, leaving out those more than one edit
// worse than the best. Among equal scores a hit on an item's own names comes before one
// through a place, the item's own name before an alias; then people, events, places, awards,
// organizations and veterans, so that an event outranks a place of the same name ("Kursk": the
// Battle of Kursk, then the city); then more important events, names with fewer other words,
// and by name. Each item appears once, with its best match. GroupHitsByKind groups them.
// limit ≤ 0 means no limit; an empty query finds nothing. Sources are not searched.
func (c *Catalog) Search(query string, limit int) []SearchHit {
	ix := &c.search
	texts, spans := foldWords(query)
	if len(texts) == 0 || len(ix.rows) == 0 {
		return nil
	}
	q := strings.Join(texts, " ")
	substring := utf8.RuneCountInString(q) >= searchSubstringMin
	qws := make([]queryWord, len(texts))
	allStop := true
	for i, t := range texts {
		qws[i] = ix.matchWord(t)
		qws[i].span = spans[i]
		allStop = allStop && qws[i].stop
	}
	if allStop { // "the" alone must match
		for i := range qws {
			qws[i].stop = false
		}
	}
	best := make([]int32, len(ix.items)) // by item: 1 + its candidate's index, 0 for none
	var found []searchCandidate
	for ri := range ix.rows {
		row := &ix.rows[ri]
		score, extra, ok := scoreRow(row, q, qws, substring)
		if !ok {
			continue
		}
		key := ix.hitKey(row, score, extra)
		if i := best[row.item]; i > 0 {
			if key < found[i-1].key {
				found[i-1] = searchCandidate{key, int32(ri), score}
			}
			continue
		}
		found = append(found, searchCandidate{key, int32(ri), score})
		best[row.item] = int32(len(found))
	}
	slices.SortFunc(found, func(a, b searchCandidate) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	// Typo hits come last, sorted by score. Those more than one edit worse than the best of
	// them are noise ("Rokoso": Rokossovsky with one edit, not Roosevelt with two).
	if i := slices.IndexFunc(found, func(f searchCandidate) bool { return f.score <= searchTypo }); i >= 0 {
		first := found[i].score
		for i < len(found) && found[i].score > first-searchTypoEdit {
			i++
		}
		found = found[:i]
	}
	if limit > 0 && len(found) > limit {
		found = found[:limit]
	}
	hits := make([]SearchHit, len(found))
	for i, f := range found {
		row := &ix.rows[f.row]
		hits[i] = SearchHit{Ref: row.ref, Name: ix.items[row.item].name, Matched: row.matched, Via: row.via,
			Score: f.score, Typo: f.score <= searchTypo}
		if hits[i].Typo {
			hits[i].Correction = ix.correction(query, qws, row)
		}
	}
	return hits
}

// hitKey packs the order of a hit on row into one number, lower first: the score (higher
// first), a hit on the item's own names before one through a place, its own name before an
// alias, the rank of its kind and importance, the words of the name no query word matched
// (fewer first), and the rank of its name.
func (ix *searchIndex) hitKey(row *searchRow, score, extra int) uint64 {
	it := &ix.items[row.item]
	key := uint64(1023-score) << 50
	if row.via != (Ref{}) {
		key |= 1 << 49
	}
	if !row.primary {
		key |= 1 << 48
	}
	return key | uint64(it.kindRank)<<32 | uint64(min(extra, 255))<<24 | uint64(it.nameRank)
}

// matchWord compares the folded query word t with every word of the vocabulary: whole words
// and starts of words; and only when it is neither, typos of words or of their starts.
func (ix *searchIndex) matchWord(t string) queryWord {
	qw := queryWord{stop: searchStopwords[t], kind: make([]uint8, len(ix.vocab)), edits: make([]uint8, len(ix.vocab))}
	found := false
	for id, w := range ix.vocab {
		switch {
		case w == t:
			qw.kind[id], found = wordWhole, true
		case strings.HasPrefix(w, t):
			qw.kind[id], found = wordStart, true
		}
	}
	qr := []rune(t)
	k := typoBudget(len(qr))
	if found || k == 0 {
		return qw
	}
	bits := make([]uint64, len(qr))
	for i, c := range qr {
		bits[i] = letterBit(c)
	}
	for id, wr := range ix.runes {
		if len(wr) < len(qr)-k {
			continue // too short to be within k of q or of any prefix
		}
		if searchStopwords[ix.vocab[id]] {
			continue // "0the" is no misspelt name: a stopword matches nothing on its own
		}
		// Each letter of q that the word lacks takes an edit: more than k such, no match.
		missing, mask := 0, ix.masks[id]
		for _, b := range bits {
			if mask&b == 0 {
				missing++
			}
		}
		if missing > k {
			continue
		}
		whole, prefix := typoDistance(qr, wr, k)
		switch {
		case whole <= k && whole <= prefix:
			qw.kind[id], qw.edits[id] = wordTypo, uint8(whole)
		case prefix <= k && wr[0] == qr[0]:
			qw.kind[id], qw.edits[id] = wordTypoPrefix, uint8(prefix)
		}
	}
	return qw
}

// scoreRow scores how the query (folded q, its words qws) matches row and counts the words of
// the row no query word matched, stopwords left out; false when it does not match.
// substring allows a match anywhere in the name.
func scoreRow(row *searchRow, q string, qws []queryWord, substring bool) (score, extra int, ok bool) {
	var used uint64 // the words of the row some query word matched
	worst, edits, typoPrefix, all := wordWhole, 0, false, true
	for i := range qws {
		kind, e, at := bestWord(row, &qws[i])
		if kind == wordNone {
			if qws[i].stop {
				continue
			}
			all = false
			break
		}
		if at < 64 {
			used |= 1 << at
		}
		worst = max(worst, kind)
		edits += int(e)
		typoPrefix = typoPrefix || kind == wordTypoPrefix
	}
	switch {
	case all && worst == wordWhole:
		score = searchWhole
	case strings.HasPrefix(row.folded, q):
		score = searchPrefix
	case all && worst == wordStart:
		score = searchWords
	case substring && strings.Contains(row.folded, q):
		score = searchSubstring
	case all:
		score = searchTypo - searchTypoEdit*edits
		if typoPrefix {
			score -= searchTypoPrefix
		}
		score = max(score, searchTypoFloor)
	default:
		return 0, 0, false
	}
	for j := range row.words {
		if j >= 64 || (used&(1<<j) == 0 && row.stop&(1<<j) == 0) {
			extra++
		}
	}
	return score, extra, true
}

// bestWord returns how the query word matches its best word of row, its edits and the word's
// position; wordNone when it matches none.
func bestWord(row *searchRow, qw *queryWord) (kind, edits uint8, at int) {
	kind, at = wordNone, -1
	for j, id := range row.words {
		k := qw.kind[id]
		if k == wordNone {
			continue
		}
		e := qw.edits[id]
		if kind == wordNone || k < kind || (k == kind && e < edits) {
			kind, edits, at = k, e, j
		}
	}
	return kind, edits, at
}

// correction returns query with each word that matched a word of row only with typos
// replaced by that word as the name writes it.
func (ix *searchIndex) correction(query string, qws []queryWord, row *searchRow) string {
	var b strings.Builder
	last := 0
	for i := range qws {
		kind, _, at := bestWord(row, &qws[i])
		if kind != wordTypo && kind != wordTypoPrefix {
			continue
		}
		b.WriteString(query[last:qws[i].span[0]])
		b.WriteString(row.name[row.spans[at][0]:row.spans[at][1]])
		last = qws[i].span[1]
	}
	b.WriteString(query[last:])
	return strings.TrimSpace(b.String())
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
