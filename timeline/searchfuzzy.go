package timeline

// The typo tolerance of search: how many edits a query word may be from a word of a name.
// An edit is a letter inserted, deleted, replaced, or two neighbours swapped
// (optimal-string-alignment Damerau–Levenshtein distance).

// maxTypoWord is the longest word, in letters, compared with edits; longer words must match
// exactly or by prefix.
const maxTypoWord = 40

// typoBudget returns how many edits a query word of n letters may have: none up to 3 letters
// ("ork" is no typo of "orel"), one for 4 or 5 ("Zukov"), two from 6 ("Rokosovsky",
// "Stalingrd"). The same budget as Lucene's AUTO fuzziness, but strict for 3-letter words.
func typoBudget(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 6:
		return 1
	}
	return 2
}

// typoDistance returns how many edits q is from the whole of w (whole) and from the closest
// prefix of w (prefix), each capped at k+1: a result above k means "more than k". It fills
// one row of the edit-distance table per letter of q and stops as soon as no cell of two
// consecutive rows is within k.
func typoDistance(q, w []rune, k int) (whole, prefix int) {
	m, n := len(q), len(w)
	over := k + 1
	if m == 0 || m > maxTypoWord || n > maxTypoWord {
		return over, over
	}
	// Columns beyond m+k cannot be within k of the whole of q.
	cols := min(n, m+k)
	var buf [3][maxTypoWord + 1]int
	prev2, prev, cur := &buf[0], &buf[1], &buf[2]
	for j := 0; j <= cols; j++ {
		prev[j] = j
	}
	prevMin := 0
	for i := 1; i <= m; i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= cols; j++ {
			cost := 1
			if q[i-1] == w[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && q[i-1] == w[j-2] && q[i-2] == w[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > k && prevMin > k {
			return over, over // every later row only grows from these two
		}
		prevMin = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	// prev holds the last row: the distance from q to each prefix of w.
	prefix = over
	for j := 0; j <= cols; j++ {
		prefix = min(prefix, prev[j])
	}
	whole = over
	if n <= cols {
		whole = min(prev[n], over)
	}
	return whole, min(prefix, over)
}
