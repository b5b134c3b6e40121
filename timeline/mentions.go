package timeline

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds places that the English texts of items name without linking them, so that
// authors can add the link (or the place). It reports warnings, never errors.
//
// What counts as a mention:
//   - a place's name, period name, modern name or alias, with the case as written in the pack,
//     as a whole word (no letter or digit on either side; "Minsk" in "Białystok–Minsk" is a
//     mention, "Oder" in "Order" is not); where names overlap the longest wins, so
//     "Brest-Litovsk" is one mention;
//   - not a name that is also a common word: one that the pack's texts use in lower case
//     ("Human", an alias of Uman, begins sentences);
//   - not inside the name of another item of the pack: an event's title ("the Yalta
//     Conference", "Battle of Stalingrad"), the name or alias of a person, medal,
//     organization or veteran ("Medal "For the Capture of Berlin"");
//   - not a name followed by a word that makes the phrase the name of something else
//     ("Leningrad Front", "the Leningrad and Volkhov Fronts", "Moscow time", "Odesa Oblast",
//     "the Leningrad road",
//     "the Moscow–Leningrad railway", "Oder–Neisse line", "Paris Peace Treaty"), nor one that
//     follows "Battle of", "Siege of", "Treaty of", "Peace of" or "defence of" (a battle or
//     treaty named after the place is told by an event of its own);
//   - for people and veterans, not a birthplace: a name in the rest of a clause where "born" is
//     followed closely by "in", "at" or "near" ("Born in 1922 in Kharkov, she …").
//
// Which texts are read: an event's title, summary and body; a person's summary and bio; a
// medal's criteria and description; a place's summary; an organization's summary and body; a
// veteran's service and summary. Notes are not read: they quote what the source text got wrong,
// and a place it wrongly named is not one to link. Birthplaces (born_place) are data, not text.
//
// When a mention is fine: an event must link the places it names itself. Other kinds cannot
// link places; for them a place is fine when an event they are linked with (in either
// direction) links it. A place may name itself, any place that an event linking it links, and
// countries, regions and natural features ("Gori, in Georgia"; "east of the Oder").

// designators are words that, following a place name, make the phrase the name of something
// else: a formation, a document, a body, an operation, a line.
var designators = map[string]bool{
	"front": true, "fronts": true, "military": true, "conference": true, "declaration": true,
	"declarations": true, "manifesto": true, "agreement": true, "treaty": true, "pact": true,
	"protocol": true, "protocols": true, "armistice": true, "trial": true, "trials": true,
	"affair": true, "committee": true, "line": true, "offensive": true, "operation": true,
	"railway": true, "time": true, "group": true, "direction": true, "peace": true, "state": true,
	"university": true, "oblast": true, "province": true, "governorate": true, "offensives": true,
	"road": true, "highway": true,
}

// settlementTypes are the place types that a place's summary must share an event with to name;
// other places (countries, regions, rivers, lakes, seas, mountains) may always be named.
var settlementTypes = map[string]bool{"city": true, "town": true, "village": true,
	"battlefield": true, "camp": true, "site": true}

// prefixes are words that, before a place name, make the phrase the name of an event.
var prefixes = []string{"Battle of ", "Battles of ", "Siege of ", "Treaty of ", "Peace of ", "defence of ", "Defence of "}

// placeName is one name under which a place can be mentioned.
type placeName struct {
	name  string
	place string // place id
}

// Mention is a place named in a text.
type Mention struct {
	Place      string // the place's id
	Name       string // the name as written in the text
	Start, End int    // byte offsets of the name in the text
}

// mask is the name of an item that is not a place; words inside it are not place mentions,
// except in the texts of the item itself.
type mask struct {
	name  string
	owner Ref
}

// mentionFinder finds mentions of a pack's places in text.
type mentionFinder struct {
	byFirst map[string][]placeName // names by their first word, longest first
	masks   map[string][]mask      // names of other items by their first word in lower case, longest first
}

// newMentionFinder builds a finder for places and masks (names of other items whose words are
// not place mentions). Names that common lists in lower case are left out.
func newMentionFinder(places []*Place, masks []mask, common map[string]bool) *mentionFinder {
	f := &mentionFinder{byFirst: map[string][]placeName{}, masks: map[string][]mask{}}
	seen := map[placeName]bool{}
	add := func(name, id string) {
		name = strings.TrimSpace(name)
		if name == "" || !startsUpper(name) {
			return
		}
		if !strings.ContainsAny(name, " -–") && common[strings.ToLower(name)] {
			return
		}
		pn := placeName{name, id}
		if seen[pn] {
			return
		}
		seen[pn] = true
		first := firstWord(name)
		f.byFirst[first] = append(f.byFirst[first], pn)
	}
	for _, p := range places {
		add(p.Name.String(), p.ID)
		for _, n := range p.Names {
			add(n.Name.String(), p.ID)
		}
		add(p.Modern.String(), p.ID)
		for _, a := range p.Aliases {
			add(a, p.ID)
		}
	}
	for _, list := range f.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].name) > len(list[j].name) })
	}
	for _, m := range masks {
		m.name = strings.TrimSpace(m.name)
		if w := strings.ToLower(firstWord(m.name)); w != "" {
			f.masks[w] = append(f.masks[w], m)
		}
	}
	for _, list := range f.masks {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].name) > len(list[j].name) })
	}
	return f
}

// find returns the mentions in text, a text of the item self, in order.
func (f *mentionFinder) find(text string, self Ref) []Mention {
	if text == "" {
		return nil
	}
	masked := make([]bool, len(text))
	for i := 0; i < len(text); {
		if !isWordStart(text, i) {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		w := firstWord(text[i:])
		for _, m := range f.masks[strings.ToLower(w)] {
			e := i + len(m.name)
			if m.owner != self && e <= len(text) && equalFoldFirst(text[i:e], m.name) && wordBoundary(text, i, e) {
				for k := i; k < e; k++ {
					masked[k] = true
				}
				break
			}
		}
		i += len(w)
	}
	var out []Mention
	for i := 0; i < len(text); {
		if !isWordStart(text, i) {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		w := firstWord(text[i:])
		end := i + len(w)
		for _, pn := range f.byFirst[w] {
			e := i + len(pn.name)
			if e > len(text) || text[i:e] != pn.name || !wordBoundary(text, i, e) || anyTrue(masked[i:e]) {
				continue
			}
			if !designated(text[e:]) && !prefixed(text[:i]) {
				out = append(out, Mention{Place: pn.place, Name: pn.name, Start: i, End: e})
			}
			end = e
			break
		}
		i = end
	}
	return out
}

// designated reports whether rest, the text after a place name, makes the name part of the
// name of something else: a designator word follows, possibly after a possessive and after
// other names joined by dashes ("–Leningrad railway").
func designated(rest string) bool {
	rest = strings.TrimPrefix(rest, "'s")
	rest = strings.TrimPrefix(rest, "’s")
	for {
		var after string
		if r, size := utf8.DecodeRuneInString(rest); r == '–' || r == '-' {
			after = rest[size:]
		} else if strings.HasPrefix(rest, " and ") {
			after = rest[len(" and "):]
		} else {
			break
		}
		w := firstWord(after)
		if w == "" || !startsUpper(w) {
			return false
		}
		rest = after[len(w):]
	}
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	return designators[strings.ToLower(firstWord(rest[1:]))]
}

// prefixed reports whether before, the text before a place name, ends with one of prefixes.
func prefixed(before string) bool {
	for _, p := range prefixes {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

// birthSpans returns the byte ranges of text that give a birthplace: from a whole word "born"
// (or "Born") followed within 40 bytes by " in ", " at " or " near " to the end of its clause
// (a full stop or semicolon, or a comma followed by a word in lower case).
func birthSpans(text string) [][2]int {
	var spans [][2]int
	for from := 0; ; {
		i := strings.Index(strings.ToLower(text[from:]), "born")
		if i < 0 {
			return spans
		}
		s := from + i
		from = s + len("born")
		if !wordBoundary(text, s, from) {
			continue
		}
		near := text[from:min(len(text), from+40)]
		if end := strings.IndexAny(near, ".;"); end >= 0 {
			near = near[:end]
		}
		if !strings.Contains(near, " in ") && !strings.Contains(near, " at ") && !strings.Contains(near, " near ") {
			continue
		}
		end := len(text)
		for k := from; k < len(text); k++ {
			if (text[k] == '.' || text[k] == ';') && (k+1 == len(text) || text[k+1] == ' ') {
				end = k
				break
			}
			if text[k] == ',' && strings.HasPrefix(text[k:], ", ") {
				if r, _ := utf8.DecodeRuneInString(text[k+2:]); unicode.IsLower(r) {
					end = k // ", she served at …": the clause about the birth has ended
					break
				}
			}
		}
		spans = append(spans, [2]int{s, end})
	}
}

// inSpans reports whether offset i lies in one of spans.
func inSpans(i int, spans [][2]int) bool {
	for _, sp := range spans {
		if i >= sp[0] && i < sp[1] {
			return true
		}
	}
	return false
}

// UnlinkedMentions lists, for authors, the places that item texts name without a link (see the
// rules at the top of mentions.go), one line per item and place, sorted by kind and id.
func (c *Catalog) UnlinkedMentions() []string {
	f := newMentionFinder(c.Places(), c.mentionMasks(), c.lowercaseWords())
	type texts struct {
		r      Ref
		fields [][2]string // field name, English text
	}
	var items []texts
	for _, k := range Kinds {
		for _, it := range c.lists[k] {
			t := texts{r: it.Ref()}
			for _, p := range it.prose() {
				t.fields = append(t.fields, [2]string{p.field, p.text.String()})
			}
			if len(t.fields) > 0 {
				items = append(items, t)
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].r, items[j].r
		if ka, kb := kindIndex(a.Kind), kindIndex(b.Kind); ka != kb {
			return ka < kb
		}
		return a.ID < b.ID
	})
	var out []string
	for _, it := range items {
		ok := c.mentionContext(it.r)
		seen := map[string]bool{}
		for _, fl := range it.fields {
			var births [][2]int
			if it.r.Kind == KindPerson || it.r.Kind == KindVeteran {
				births = birthSpans(fl[1])
			}
			for _, m := range f.find(fl[1], it.r) {
				if ok[m.Place] || seen[m.Place] || inSpans(m.Start, births) {
					continue
				}
				seen[m.Place] = true
				out = append(out, fmt.Sprintf("%s %q names place %q (as %q in %s) but does not link it",
					it.r.Kind, it.r.ID, m.Place, m.Name, fl[0]))
			}
		}
	}
	return out
}

// mentionContext returns the places an item may name without a warning.
func (c *Catalog) mentionContext(r Ref) map[string]bool {
	ok := map[string]bool{}
	placesOf := func(ev Ref) {
		if e := c.Event(ev.ID); e != nil {
			for _, p := range e.Places {
				ok[p] = true
			}
		}
	}
	switch r.Kind {
	case KindEvent:
		placesOf(r)
	case KindPlace:
		ok[r.ID] = true
		for _, ev := range c.Related(r, KindEvent) {
			placesOf(ev)
		}
		for _, p := range c.Places() {
			if !settlementTypes[p.Type] {
				ok[p.ID] = true // countries, regions, rivers, lakes, seas…
			}
		}
	default:
		for _, ev := range c.Related(r, KindEvent) {
			placesOf(ev)
		}
	}
	return ok
}

// mentionMasks returns the names of items that are not places: event titles and the names and
// aliases of people, medals, organizations and veterans.
func (c *Catalog) mentionMasks() []mask {
	var m []mask
	sink := func(r Ref, name string, _ bool) { m = append(m, mask{name, r}) }
	for _, k := range Kinds {
		if k == KindPlace {
			continue
		}
		for _, it := range c.lists[k] {
			it.index(nameIndexer{sink, it.Ref()})
		}
	}
	return m
}

// lowercaseWords returns the words that the English texts of the pack write in lower case.
func (c *Catalog) lowercaseWords() map[string]bool {
	words := map[string]bool{}
	add := func(t Text) {
		s := t.String()
		for i := 0; i < len(s); {
			if !isWordStart(s, i) {
				_, size := utf8.DecodeRuneInString(s[i:])
				i += size
				continue
			}
			w := firstWord(s[i:])
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				words[w] = true
			}
			i += len(w)
		}
	}
	for _, k := range Kinds {
		for _, it := range c.lists[k] {
			for _, p := range it.prose() {
				add(p.text)
			}
		}
	}
	return words
}

// isLetterOrDigit reports whether r is part of a word.
func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isWordStart reports whether a word starts at byte i of s.
func isWordStart(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !isLetterOrDigit(r) {
		return false
	}
	if i == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isLetterOrDigit(p)
}

// wordBoundary reports whether s[start:end] has no letter or digit just before or after it.
func wordBoundary(s string, start, end int) bool {
	if start > 0 {
		if p, _ := utf8.DecodeLastRuneInString(s[:start]); isLetterOrDigit(p) {
			return false
		}
	}
	if end < len(s) {
		if n, _ := utf8.DecodeRuneInString(s[end:]); isLetterOrDigit(n) {
			return false
		}
	}
	return true
}

// firstWord returns the leading run of letters and digits of s.
func firstWord(s string) string {
	for i, r := range s {
		if !isLetterOrDigit(r) {
			return s[:i]
		}
	}
	return s
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// equalFoldFirst reports whether a equals b, or equals it with the case of its first letter
// changed, so that an event title quoted mid-sentence ("the battle of Kursk") still matches.
func equalFoldFirst(a, b string) bool {
	if a == b {
		return true
	}
	r, size := utf8.DecodeRuneInString(b)
	if len(a) < size || a[size:] != b[size:] {
		return false
	}
	first := a[:size]
	return first == string(unicode.ToUpper(r)) || first == string(unicode.ToLower(r))
}

// anyTrue reports whether any element of b is true.
func anyTrue(b []bool) bool {
	for _, x := range b {
		if x {
			return true
		}
	}
	return false
}
