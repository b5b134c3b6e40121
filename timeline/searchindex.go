package timeline

import (
	"cmp"
	"slices"
	"strings"
)

// searchIndex is what Catalog.Search looks through: every searchable name of every item, as
// rows of word ids into one vocabulary of distinct folded words, so that a query word is
// compared with each distinct word once however many names hold it.
type searchIndex struct {
	items  []searchItem
	rows   []searchRow
	vocab  []string         // distinct folded words
	runes  [][]rune         // vocab as letters, for edit distances
	masks  []uint64         // vocab: the letters each word has, one bit per letterBit
	wordID map[string]int32 // vocab word → its id
}

// searchItem is what the order of hits needs of an item.
type searchItem struct {
	name     string // English name
	kindRank uint16 // the search rank of its kind, then importance (higher first)
	nameRank uint32 // its place among all items by name, then kind and id
}

// searchRow is one searchable name of one item.
type searchRow struct {
	ref     Ref
	item    int32    // index into items
	name    string   // as authored; for a name through a place, the item's name with the place's other name put in
	matched string   // what a hit on this row reports as matched: name, or the place's name put in
	folded  string   // FoldSearch(name)
	words   []int32  // the words of folded, as vocab ids
	spans   [][2]int // where each word is in name (bytes)
	stop    uint64   // bit i set when word i is a stopword ("of", "the")
	primary bool     // the item's own name (an event's English title) rather than an alias
	via     Ref      // for a name through a place: the place; zero otherwise
}

// searchStopwords are the words a query may leave out and a name's length does not count.
var searchStopwords = map[string]bool{"a": true, "an": true, "and": true, "at": true, "by": true,
	"for": true, "in": true, "of": true, "on": true, "the": true, "to": true, "with": true}

// viaInflection is how many letters a word of a name may have beyond a place's name and still
// hold it: "Kiyeva" holds "Kiyev", "Кёнигсберга" holds "Кёнигсберг" (Russian cases).
const viaInflection = 2

// buildSearchIndex indexes every name, translation, alias, period and modern name of the
// items of every kind but sources, in Kinds order; then, for each item whose name holds the
// name of a place linked to it, that name with each other name of the place put in ("Battle
// of Kiev" is also found as "Battle of Kyiv").
func (c *Catalog) buildSearchIndex() {
	n := len(c.byRef)
	c.search = searchIndex{wordID: make(map[string]int32, 2*n), items: make([]searchItem, 0, n), rows: make([]searchRow, 0, 6*n)}
	ix := &c.search
	for _, k := range Kinds {
		for _, v := range c.lists[k] {
			// Among hits of equal score the more prominent item first, and between equals the
			// kind's rank: the Battle of Kursk (importance 5), the city (rank 2, weight 4),
			// then Kursk liberated (importance 2).
			item := int32(len(ix.items))
			ix.items = append(ix.items, searchItem{name: v.NameIn(DefaultLang), kindRank: uint16((5-v.searchWeight())*16 + searchRank(k))})
			v.index(nameIndexer{func(r Ref, name string, primary bool) {
				words, spans := foldWords(name)
				ix.add(searchRow{ref: r, item: item, name: name, matched: name, primary: primary, spans: spans}, words)
			}, v.Ref()})
		}
	}
	order := make([]int, len(ix.items))
	for i := range order {
		order[i] = i
	}
	refs := make([]Ref, len(ix.items))
	for _, r := range ix.rows {
		refs[r.item] = r.ref
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := strings.Compare(ix.items[a].name, ix.items[b].name); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(kindIndex(refs[a].Kind), kindIndex(refs[b].Kind)), strings.Compare(refs[a].ID, refs[b].ID))
	})
	for rank, i := range order {
		ix.items[i].nameRank = uint32(rank)
	}
	c.indexThroughPlaces()
}

// searchRank orders hits of equal score by kind: people, then events before the places they
// are named after, then awards, organizations and veterans.
func searchRank(k Kind) int {
	in, _ := k.info()
	return in.searchRank
}

// nameIndexer hands the names of one item to a sink: the search index, or the mention
// check's list of names that are not places.
type nameIndexer struct {
	sink func(r Ref, name string, primary bool)
	r    Ref
}

// add hands over each name; primary marks the item's own name rather than an alias.
func (n nameIndexer) add(primary bool, names ...string) {
	for _, s := range names {
		n.sink(n.r, s, primary)
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

// add appends the row, whose name folds to words; a name that folds to nothing is left out.
func (ix *searchIndex) add(r searchRow, words []string) {
	if len(words) == 0 {
		return
	}
	r.folded = strings.Join(words, " ")
	r.words = make([]int32, len(words))
	for i, w := range words {
		r.words[i] = ix.id(w)
	}
	r.stop = ix.stopBits(r.words)
	ix.rows = append(ix.rows, r)
}

// stopBits returns the bits of the stopwords among words.
func (ix *searchIndex) stopBits(words []int32) uint64 {
	var bits uint64
	for i, id := range words {
		if i < 64 && searchStopwords[ix.vocab[id]] {
			bits |= 1 << i
		}
	}
	return bits
}

// id returns the vocabulary id of the folded word w, adding it when new.
func (ix *searchIndex) id(w string) int32 {
	if id, ok := ix.wordID[w]; ok {
		return id
	}
	id := int32(len(ix.vocab))
	ix.wordID[w] = id
	ix.vocab = append(ix.vocab, w)
	r := []rune(w)
	ix.runes = append(ix.runes, r)
	var mask uint64
	for _, c := range r {
		mask |= letterBit(c)
	}
	ix.masks = append(ix.masks, mask)
	return id
}

// letterBit is the bit of letter c in a word's mask of letters: one of 64, letters beyond the
// first 64 code points of their script sharing bits. A letter of a query whose bit is not in
// a word's mask is in no prefix of the word either.
func letterBit(c rune) uint64 { return 1 << (uint(c) % 64) }

// placeRow is one indexed name of a place: its row in the index.
type placeRow struct {
	place Ref
	row   int
}

// indexThroughPlaces adds, for every item but places and sources, its names with the name of
// a linked place replaced by each other name of that place: "Battle of Kiev (1941)" is also
// "Battle of Kyiv (1941)", "Storming of Königsberg" also "Storming of Kaliningrad". The places
// of an item are those it links to or that link to it, and those of the events it links to or
// that link to it (an award's battles). A place's name counts where it stands in the item's
// name as whole words, the last of which may carry a case ending (viaInflection).
func (c *Catalog) indexThroughPlaces() {
	ix := &c.search
	// Every name of every place, by its first word.
	byFirst := map[int32][]placeRow{}
	names := map[Ref][]int{} // the rows of each place
	own := len(ix.rows)
	for i := 0; i < own; i++ {
		r := ix.rows[i]
		if r.ref.Kind == KindPlace {
			byFirst[r.words[0]] = append(byFirst[r.words[0]], placeRow{r.ref, i})
			names[r.ref] = append(names[r.ref], i)
		}
	}
	if len(byFirst) == 0 {
		return
	}
	// Each word less a case ending of 1 or 2 letters, where that is a word too (-1 where not).
	stems := make([][viaInflection]int32, len(ix.vocab))
	for id, w := range ix.runes {
		for cut := 1; cut <= viaInflection; cut++ {
			stems[id][cut-1] = -1
			if len(w)-cut >= 4 {
				if sid, ok := ix.wordID[string(w[:len(w)-cut])]; ok {
					stems[id][cut-1] = sid
				}
			}
		}
	}
	places := map[Ref]bool{} // the places of the item at hand
	var item Ref
	seen := map[string]bool{} // folded names the item has, to add each once
	for i := 0; i < own; i++ {
		r := ix.rows[i]
		if r.ref.Kind == KindPlace {
			continue
		}
		if r.ref != item {
			item = r.ref
			clear(places)
			c.placesOf(item, places)
			clear(seen)
			for j := i; j < own && ix.rows[j].ref == item; j++ {
				seen[ix.rows[j].folded] = true
			}
		}
		if len(places) == 0 {
			continue
		}
		for at, w := range r.words {
			// A place's name from this word on: its first word is this word, or, for a
			// one-word name, this word less a case ending.
			for _, first := range [...]int32{w, stems[w][0], stems[w][1]} {
				if first < 0 {
					continue
				}
				for _, pn := range byFirst[first] {
					if !places[pn.place] || !ix.holds(r.words[at:], ix.rows[pn.row].words) {
						continue
					}
					end := at + len(ix.rows[pn.row].words) - 1
					for _, other := range names[pn.place] {
						if d, ok := ix.putIn(&r, at, end, &ix.rows[other], pn.place, seen); ok {
							ix.rows = append(ix.rows, d)
						}
					}
				}
			}
		}
	}
}

// putIn returns row r with its words from..to replaced by the name of place row alt, unless
// the item has a name that folds the same (seen, which it updates).
func (ix *searchIndex) putIn(r *searchRow, from, to int, alt *searchRow, place Ref, seen map[string]bool) (searchRow, bool) {
	words := make([]int32, 0, len(r.words)-(to-from+1)+len(alt.words))
	words = append(append(append(words, r.words[:from]...), alt.words...), r.words[to+1:]...)
	var b strings.Builder
	for i, id := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(ix.vocab[id])
	}
	folded := b.String()
	if seen[folded] {
		return searchRow{}, false
	}
	seen[folded] = true
	start, end := r.spans[from][0], r.spans[to][1]
	name := r.name[:start] + alt.name + r.name[end:]
	spans := make([][2]int, 0, len(words))
	spans = append(spans, r.spans[:from]...)
	for _, sp := range alt.spans {
		spans = append(spans, [2]int{sp[0] + start, sp[1] + start})
	}
	shift := len(alt.name) - (end - start)
	for _, sp := range r.spans[to+1:] {
		spans = append(spans, [2]int{sp[0] + shift, sp[1] + shift})
	}
	return searchRow{ref: r.ref, item: r.item, name: name, matched: alt.name, folded: folded, words: words,
		spans: spans, stop: ix.stopBits(words), via: place}, true
}

// holds reports whether words begins with the place name pn, whose last word may be followed
// by a case ending of up to viaInflection letters.
func (ix *searchIndex) holds(words, pn []int32) bool {
	if len(pn) > len(words) {
		return false
	}
	last := len(pn) - 1
	for i := 0; i < last; i++ {
		if words[i] != pn[i] {
			return false
		}
	}
	if words[last] == pn[last] {
		return true
	}
	w, p := ix.runes[words[last]], ix.runes[pn[last]]
	return len(p) >= 4 && len(w) > len(p) && len(w)-len(p) <= viaInflection && string(w[:len(p)]) == string(p)
}

// placesOf adds to set the places r links to or that link to it, and those of the events it
// links to or that link to it.
func (c *Catalog) placesOf(r Ref, set map[Ref]bool) {
	for _, list := range [][]Ref{c.from[r], c.to[r]} {
		for _, x := range list {
			switch x.Kind {
			case KindPlace:
				set[x] = true
			case KindEvent:
				for _, p := range c.from[x] {
					if p.Kind == KindPlace {
						set[p] = true
					}
				}
			}
		}
	}
}
