package timeline

import (
	"fmt"
	"sort"
	"strings"
)

// This file holds small helpers of the validator: suggestions for mistyped ids, colours, lists.

// suggestionBudget is how many ids the "did you mean" hints of one pack may compare in all
// (a tenth of a second or so): a pack with a few broken links gets a hint for each, a pack
// with a million gets hints until the budget is spent, and is still checked in linear time.
const suggestionBudget = 5_000_000

// suggestID returns a hint for a link to a missing item (see Catalog.suggestID), or "" when
// the pack's budget of comparisons is spent.
func (l *packLoader) suggestID(c *Catalog, r Ref) string {
	n := len(c.lists[r.Kind])
	if l.suggestions+n > suggestionBudget {
		return ""
	}
	l.suggestions += n
	return c.suggestID(r)
}

// suggestID returns a hint for a link to a missing item: an id of that kind a typing slip
// away, or another kind that has the id. It returns "" when there is nothing to suggest.
func (c *Catalog) suggestID(r Ref) string {
	best, bestDist := "", 3 // suggest only ids at most 2 edits away
	var other []string
	for _, k := range Kinds {
		if _, ok := c.byRef[Ref{k, r.ID}]; ok && k != r.Kind {
			other = append(other, string(k))
		}
	}
	for _, v := range c.lists[r.Kind] {
		id := v.Ref().ID
		if d := editDistance(id, r.ID, 3); d < bestDist || d < 3 && d == bestDist && id < best {
			best, bestDist = id, d
		}
	}
	switch {
	case best != "":
		return fmt.Sprintf(" (did you mean %q?)", best)
	case len(other) > 0:
		sort.Strings(other)
		return fmt.Sprintf(" (there is a %s with that id)", strings.Join(other, " and a "))
	}
	return ""
}

// editDistance returns the Levenshtein distance between a and b in bytes, or limit when it is
// at least limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// validColor reports whether s is "#rrggbb".
func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// laneIDs lists the ids of lanes for messages: "politics, operations".
func laneIDs(lanes []Lane) string {
	ids := make([]string, len(lanes))
	for i, x := range lanes {
		ids[i] = x.ID
	}
	return strings.Join(ids, ", ")
}

// theatreIDs lists the ids of theatres for messages: "eastern, far-east".
func theatreIDs(theatres []Theatre) string {
	ids := make([]string, len(theatres))
	for i, x := range theatres {
		ids[i] = x.ID
	}
	return strings.Join(ids, ", ")
}
