package geo

import (
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/golang/geo/s2"
)

// lcsTable is the quadratic-space longest common subsequence that frontAnchors used before
// (kept as the reference the linear-space one is checked against).
func lcsTable[T comparable](a, b []T) [][2]int {
	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// checkCommon fails unless pairs is a common subsequence of a and b: increasing in both, of
// equal elements.
func checkCommon[T comparable](t *testing.T, a, b []T, pairs [][2]int) {
	t.Helper()
	for k, p := range pairs {
		if p[0] < 0 || p[0] >= len(a) || p[1] < 0 || p[1] >= len(b) || a[p[0]] != b[p[1]] {
			t.Fatalf("pair %d %v does not match equal elements of %v and %v", k, p, a, b)
		}
		if k > 0 && (p[0] <= pairs[k-1][0] || p[1] <= pairs[k-1][1]) {
			t.Fatalf("pairs %v are not increasing", pairs)
		}
	}
}

// Property: on random chains, with and without repeated elements, the linear-space common
// subsequence is a common subsequence as long as the table's.
func TestCommonSubsequenceIsLongest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		alphabet := 3 + rng.IntN(40)
		unique := trial%2 == 0
		gen := func() []int {
			n := rng.IntN(30)
			out := make([]int, 0, n)
			used := map[int]bool{}
			for len(out) < n {
				v := rng.IntN(alphabet)
				if unique && used[v] {
					if len(used) == alphabet {
						break
					}
					continue
				}
				used[v] = true
				out = append(out, v)
			}
			return out
		}
		a, b := gen(), gen()
		got, want := commonSubsequence(a, b), lcsTable(a, b)
		checkCommon(t, a, b, got)
		if len(got) != len(want) {
			t.Fatalf("a=%v b=%v: got %d pairs %v, want %d", a, b, len(got), got, len(want))
		}
	}
}

// On the embedded fronts, the anchors are those the table gave: the interpolation is
// unchanged.
func TestFrontAnchorsUnchangedOnThePack(t *testing.T) {
	f := loadTestFronts(t)
	pairs := 0
	for _, th := range f.theatres {
		for _, p := range th.parts {
			for i := 0; i+1 < len(p.keys); i++ {
				ca, cb := frontChains(p.keys[i]), frontChains(p.keys[i+1])
				for c := range ca {
					got := frontAnchors(ca[c], cb[c])
					a, b := ca[c], cb[c]
					want := [][2]int{{0, 0}}
					if len(a) >= 3 && len(b) >= 3 {
						for _, q := range lcsTable(a[1:len(a)-1], b[1:len(b)-1]) {
							want = append(want, [2]int{q[0] + 1, q[1] + 1})
						}
					}
					want = append(want, [2]int{len(a) - 1, len(b) - 1})
					if len(got) != len(want) {
						t.Fatalf("%s %s keyframe %d chain %d: %d anchors, want %d", th.id, p.id, i, c, len(got), len(want))
					}
					for k := range got {
						if got[k] != want[k] {
							t.Fatalf("%s %s keyframe %d chain %d: anchor %d is %v, want %v", th.id, p.id, i, c, k, got[k], want[k])
						}
					}
					pairs++
				}
			}
		}
	}
	if pairs < 100 {
		t.Fatalf("compared %d chains: are the fronts loaded?", pairs)
	}
}

// denseChain returns a front of n vertices along a parallel, every vertex distinct.
func denseChain(n int, lat float64) []s2.Point {
	c := make([]s2.Point, n)
	for i := range c {
		c[i] = s2.PointFromLatLng(s2.LatLngFromDegrees(lat, 20+20*float64(i)/float64(n)))
	}
	return c
}

// Two keyframes at the vertex limit, sharing every other vertex, are matched in linear space
// (the table needed n×m four-byte cells: 400 MB here).
func TestFrontAnchorsDense(t *testing.T) {
	if testing.Short() {
		t.Skip("matches two lines of 10,000 vertices")
	}
	a := denseChain(MaxFrontVertices, 50)
	b := append([]s2.Point(nil), a...)
	for i := 1; i < len(b)-1; i += 2 {
		b[i] = s2.PointFromLatLng(s2.LatLngFromDegrees(50.5, 20+20*float64(i)/float64(len(b))))
	}
	got := frontAnchors(a, b)
	checkCommon(t, a, b, got)
	if want := 2 + (len(a)-2)/2; len(got) != want {
		t.Errorf("%d anchors, want %d (the shared vertices and the ends)", len(got), want)
	}
	var ms0, ms1 runtimeMem
	ms0.read()
	resampleFrontPair(a, b)
	ms1.read()
	if alloc := ms1.total - ms0.total; alloc > 64<<20 {
		t.Errorf("matching two lines of %d vertices allocated %d MB, want linear space (a few MB)", len(a), alloc>>20)
	}
}

// runtimeMem reads the bytes allocated so far.
type runtimeMem struct{ total uint64 }

func (m *runtimeMem) read() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.total = ms.TotalAlloc
}

// BenchmarkFrontAnchorsDense matches two lines of MaxFrontVertices vertices that share every
// other vertex (the patience path).
func BenchmarkFrontAnchorsDense(b *testing.B) {
	a := denseChain(MaxFrontVertices, 50)
	c := append([]s2.Point(nil), a...)
	for i := 1; i < len(c)-1; i += 2 {
		c[i] = s2.PointFromLatLng(s2.LatLngFromDegrees(50.5, 20+20*float64(i)/float64(len(c))))
	}
	b.ReportAllocs()
	for b.Loop() {
		frontAnchors(a, c)
	}
}

// BenchmarkFrontAnchorsRepeated matches two lines of 6,000 vertices made of the same two
// points in turn, offset by one: every vertex repeats, so Hirschberg's algorithm runs (36
// million cells, within lcsWorkBudget).
func BenchmarkFrontAnchorsRepeated(b *testing.B) {
	p := denseChain(3, 50)
	a, c := make([]s2.Point, 6000), make([]s2.Point, 6000)
	for i := range a {
		a[i], c[i] = p[i%2], p[(i+1)%2]
	}
	b.ReportAllocs()
	for b.Loop() {
		frontAnchors(a, c)
	}
}
