package geo

import "sort"

// lcsWorkBudget bounds the cells Hirschberg's algorithm may fill for one pair of chains (about
// a tenth of a second). Chains within MaxFrontVertices stay under it unless most of their
// vertices are shared and repeated (a line that doubles back on itself many times); past it,
// the anchors are the vertices that occur once in each chain (see commonSubsequence).
const lcsWorkBudget = 40_000_000

// commonSubsequence returns index pairs (i in a, j in b), increasing in both, of elements
// a[i] == b[j]: a longest common subsequence of a and b, in space linear in their lengths.
//
//   - The common prefix and suffix are matched first, and elements found in only one of the
//     chains are dropped: what is left is usually small.
//   - When no element is left that occurs twice in a chain, the subsequence is a longest
//     increasing subsequence of positions (O(k log k) time, as in patience diff).
//   - Otherwise Hirschberg's algorithm finds it in O(n·m) time and O(n + m) space, if n·m is
//     within lcsWorkBudget; past that, the elements that occur once in each chain are matched
//     by the longest increasing subsequence, which is a common subsequence if not the longest.
func commonSubsequence[T comparable](a, b []T) [][2]int {
	var out [][2]int
	// Common prefix and suffix.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		out = append(out, [2]int{p, p})
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	// Keep the elements found in both chains, with their positions.
	inB := make(map[T]int, len(mb)) // occurrences in b
	for _, v := range mb {
		inB[v]++
	}
	inA := make(map[T]int, len(ma))
	var ra, rb []T
	var ia, ib []int
	for i, v := range ma {
		if inB[v] > 0 {
			inA[v]++
			ra, ia = append(ra, v), append(ia, i)
		}
	}
	for j, v := range mb {
		if inA[v] > 0 {
			rb, ib = append(rb, v), append(ib, j)
		}
	}
	repeated := false
	for v, n := range inA {
		if n > 1 || inB[v] > 1 {
			repeated = true
			break
		}
	}
	var mid [][2]int
	switch {
	case len(ra) == 0 || len(rb) == 0:
	case !repeated:
		mid = uniqueLCS(ra, rb, inA, inB)
	case len(ra)*len(rb) <= lcsWorkBudget:
		hirschberg(ra, rb, 0, 0, &mid)
	default:
		mid = uniqueLCS(ra, rb, inA, inB)
	}
	for _, m := range mid {
		out = append(out, [2]int{p + ia[m[0]], p + ib[m[1]]})
	}
	for k := s - 1; k >= 0; k-- {
		out = append(out, [2]int{len(a) - 1 - k, len(b) - 1 - k})
	}
	return out
}

// uniqueLCS matches the elements that occur once in a and once in b (by the counts given) with
// a longest increasing subsequence of their positions in b.
func uniqueLCS[T comparable](a, b []T, inA, inB map[T]int) [][2]int {
	posB := make(map[T]int, len(b))
	for j, v := range b {
		if inA[v] == 1 && inB[v] == 1 {
			posB[v] = j
		}
	}
	type match struct{ i, j int }
	var seq []match
	for i, v := range a {
		if j, ok := posB[v]; ok {
			seq = append(seq, match{i, j})
		}
	}
	// Patience: tails[k] is the index in seq of the smallest last j of an increasing run of
	// length k+1; prev links each element to the one before it in its run.
	var tails []int
	prev := make([]int, len(seq))
	for x, m := range seq {
		k := sort.Search(len(tails), func(k int) bool { return seq[tails[k]].j >= m.j })
		prev[x] = -1
		if k > 0 {
			prev[x] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, x)
		} else {
			tails[k] = x
		}
	}
	out := make([][2]int, len(tails))
	for k, x := len(tails)-1, -1; k >= 0; k-- {
		if x == -1 {
			x = tails[len(tails)-1]
		} else {
			x = prev[x]
		}
		out[k] = [2]int{seq[x].i, seq[x].j}
	}
	return out
}

// hirschberg appends to out the pairs of a longest common subsequence of a and b, offset by
// ai and bi, in O(len(a)·len(b)) time and O(len(b)) space.
func hirschberg[T comparable](a, b []T, ai, bi int, out *[][2]int) {
	switch {
	case len(a) == 0 || len(b) == 0:
		return
	case len(a) == 1:
		for j, v := range b {
			if v == a[0] {
				*out = append(*out, [2]int{ai, bi + j})
				return
			}
		}
		return
	}
	half := len(a) / 2
	fwd := lcsLengths(a[:half], b, false)
	bwd := lcsLengths(a[half:], b, true)
	split, best := 0, int32(-1)
	for j := 0; j <= len(b); j++ {
		if l := fwd[j] + bwd[j]; l > best {
			split, best = j, l
		}
	}
	hirschberg(a[:half], b[:split], ai, bi, out)
	hirschberg(a[half:], b[split:], ai+half, bi+split, out)
}

// lcsLengths returns L with L[j] the length of a longest common subsequence of a and b[:j]
// or, with fromEnd, of a and b[j:].
func lcsLengths[T comparable](a, b []T, fromEnd bool) []int32 {
	m := len(b)
	prev, cur := make([]int32, m+1), make([]int32, m+1)
	for x := range a {
		if !fromEnd {
			v := a[x]
			for j := 1; j <= m; j++ {
				switch {
				case b[j-1] == v:
					cur[j] = prev[j-1] + 1
				case prev[j] >= cur[j-1]:
					cur[j] = prev[j]
				default:
					cur[j] = cur[j-1]
				}
			}
		} else {
			v := a[len(a)-1-x]
			cur[m] = 0
			for j := m - 1; j >= 0; j-- {
				switch {
				case b[j] == v:
					cur[j] = prev[j+1] + 1
				case prev[j] >= cur[j+1]:
					cur[j] = prev[j]
				default:
					cur[j] = cur[j+1]
				}
			}
		}
		prev, cur = cur, prev
	}
	return prev
}
