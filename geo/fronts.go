package geo

import (
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/golang/geo/s2"
	"github.com/paulmach/orb"
)

// Fronts holds the front-line keyframes of every theatre, resampled at load so that each pair
// of consecutive keyframes of a part has matched vertices. Build it with LoadFronts. Its
// methods are safe for concurrent use; held-area results are cached inside.
type Fronts struct {
	theatres []*frontTheatre
	rears    map[string]frontRear  // theatre + "/" + part
	scopes   map[string]frontScope // theatre + "/" + part
	extents  []*frontExtent        // every extent, by first day

	heldOnce   sync.Once
	heldDays   []heldRings // day offset from heldFirst -> the rings of that day
	heldFirst  int
	heldMu     sync.Mutex
	heldCache  map[orb.Point]HeldHistory
	areaMu     sync.Mutex
	areaCache  []heldAreasAt // the last few moments drawn
	staticMu   sync.Mutex
	static     map[any]*clipRing     // rings of extents and scopes, with their indexes
	unions     map[string][]HeldArea // extentUnion by set of active extents
	extentSets map[string]*heldRings // extentSet by set of active extents
}

type frontRear struct {
	Line   orb.LineString
	Source string
}

type frontTheatre struct {
	id          string
	first, last int // days of the first and last keyframe of any part or extent
	parts       []*frontPart
	extents     []*frontExtent
}

type frontPart struct {
	id, role, heldBy string
	keys             []*FrontKeyframe
	rear             []orb.Point
	scope            *frontScope
	pairs            []frontPair // pairs[i] matches keys[i] and keys[i+1]
}

// frontPair holds matched chains (head, body, tail for a front; the ring for a pocket) of two
// consecutive keyframes: a[c][j] travels to b[c][j].
type frontPair struct {
	a, b [][]s2.Point
}

// FrontState is one part of one theatre at a given moment.
type FrontState struct {
	Theatre, Part, Role, HeldBy string
	// Line is the line to draw, degrees lon first: the front without its sea vertices, or the
	// closed ring of a pocket.
	Line orb.LineString
	// Area is the closed ring around the area held by HeldBy: for a front the whole line plus
	// its rear chain, for a pocket the ring itself.
	Area orb.Ring
	// From and To are the days of the keyframes bracketing the moment (equal at a keyframe).
	From, To int
}

// buildFronts groups keyframes by theatre and part, checks their consistency and resamples
// every consecutive pair.
func buildFronts(all frontFileParts) (*Fronts, []error) {
	var errs []error
	keys, rears := all.keys, all.rears
	f := &Fronts{rears: rears, scopes: all.scopes, extents: all.extents}
	byTheatre := map[string]*frontTheatre{}
	theatre := func(id string) *frontTheatre {
		t := byTheatre[id]
		if t == nil {
			t = &frontTheatre{id: id}
			byTheatre[id] = t
			f.theatres = append(f.theatres, t)
		}
		return t
	}
	parts := map[string]*frontPart{}
	for _, k := range keys {
		id := k.Theatre + "/" + k.Part
		p := parts[id]
		if p == nil {
			p = &frontPart{id: k.Part, role: k.Role, heldBy: k.HeldBy}
			parts[id] = p
			t := theatre(k.Theatre)
			t.parts = append(t.parts, p)
		}
		if k.Role != p.role || k.HeldBy != p.heldBy {
			errs = append(errs, fmt.Errorf("%s: feature %d: part %q: role %s held_by %s, but earlier keyframes say %s %s",
				k.File, k.Index, k.Part, k.Role, k.HeldBy, p.role, p.heldBy))
			continue
		}
		p.keys = append(p.keys, k)
	}
	for id := range rears {
		if p := parts[id]; p == nil || p.role != FrontRoleLine {
			errs = append(errs, fmt.Errorf("rear chain %q: no front part with that id", id))
		}
	}
	for id := range all.scopes {
		p := parts[id]
		if p == nil || p.role != FrontRoleLine {
			errs = append(errs, fmt.Errorf("scope %q: no front part with that id", id))
			continue
		}
		sc := all.scopes[id]
		p.scope = &sc
	}
	sort.SliceStable(f.extents, func(i, j int) bool { return f.extents[i].From < f.extents[j].From })
	for _, e := range f.extents {
		t := theatre(e.Theatre)
		t.extents = append(t.extents, e)
	}
	sort.Slice(f.theatres, func(i, j int) bool { return f.theatres[i].id < f.theatres[j].id })
	for _, t := range f.theatres {
		t.first, t.last = math.MaxInt, math.MinInt
		for _, e := range t.extents {
			t.first, t.last = min(t.first, e.From), max(t.last, e.To)
		}
		for _, p := range t.parts {
			sort.SliceStable(p.keys, func(i, j int) bool { return p.keys[i].Day < p.keys[j].Day })
			for i := 1; i < len(p.keys); i++ {
				if p.keys[i].Day == p.keys[i-1].Day {
					k := p.keys[i]
					errs = append(errs, fmt.Errorf("%s: feature %d: date: part %q already has a keyframe on %s", k.File, k.Index, k.Part, k.Date))
				}
			}
			if p.role == FrontRoleLine {
				r, ok := rears[t.id+"/"+p.id]
				if !ok {
					k := p.keys[0]
					errs = append(errs, fmt.Errorf("%s: part %q: front without a rear chain (a feature with role rear and the same part)", k.File, p.id))
				}
				p.rear = r.Line
			}
			for i := 0; i+1 < len(p.keys); i++ {
				p.pairs = append(p.pairs, matchFrontPair(p.keys[i], p.keys[i+1]))
			}
			t.first = min(t.first, p.keys[0].Day)
			t.last = max(t.last, p.keys[len(p.keys)-1].Day)
		}
		sort.SliceStable(t.parts, func(i, j int) bool { return t.parts[i].keys[0].Day < t.parts[j].keys[0].Day })
	}
	return f, errs
}

// frontChains splits a keyframe into the chains that are matched separately: head, body and
// tail for a front (the head and tail may be single points), the ring for a pocket.
func frontChains(k *FrontKeyframe) [][]s2.Point {
	if k.Role == FrontRolePocket {
		return [][]s2.Point{s2Chain(k.Line)}
	}
	n := len(k.Line)
	return [][]s2.Point{
		s2Chain(k.Line[:k.SeaHead+1]),
		s2Chain(k.Line[k.SeaHead : n-k.SeaTail]),
		s2Chain(k.Line[n-k.SeaTail-1:]),
	}
}

func matchFrontPair(a, b *FrontKeyframe) frontPair {
	ca, cb := frontChains(a), frontChains(b)
	var p frontPair
	for c := range ca {
		ra, rb := resampleFrontPair(ca[c], cb[c])
		p.a = append(p.a, ra)
		p.b = append(p.b, rb)
	}
	return p
}

// frontArcParams returns the cumulative arc length of c at each vertex, divided by the total
// (all zero for a chain of zero length).
func frontArcParams(c []s2.Point) []float64 {
	s := make([]float64, len(c))
	for i := 1; i < len(c); i++ {
		s[i] = s[i-1] + float64(c[i-1].Distance(c[i]))
	}
	if total := s[len(s)-1]; total > 0 {
		for i := range s {
			s[i] /= total
		}
		s[len(s)-1] = 1
	}
	return s
}

// frontSampleAt returns the point of c at normalised arc length u, on the great-circle arc
// of the edge that holds it; a vertex is returned exactly when u equals its parameter.
func frontSampleAt(c []s2.Point, s []float64, u float64) s2.Point {
	j := sort.SearchFloat64s(s, u) // first s[j] >= u
	if j >= len(s) {
		return c[len(c)-1]
	}
	if s[j] == u || j == 0 {
		return c[j]
	}
	d := s[j] - s[j-1]
	if d <= 0 {
		return c[j]
	}
	return s2.Interpolate((u-s[j-1])/d, c[j-1], c[j])
}

// resampleFrontPair matches two chains vertex for vertex. Vertices the two chains share
// exactly (in order: a longest common subsequence) are anchors that stay matched to each other,
// and so do the two ends; between consecutive anchors each span is resampled at the union of
// the normalised arc-length parameters of both spans. Both results keep every vertex of their
// own chain (the shape of each is unchanged) and have the same number of vertices.
func resampleFrontPair(a, b []s2.Point) ([]s2.Point, []s2.Point) {
	anchors := frontAnchors(a, b)
	var ra, rb []s2.Point
	for i := 0; i+1 < len(anchors); i++ {
		x, y := anchors[i], anchors[i+1]
		sa, sb := resampleFrontSpan(a[x[0]:y[0]+1], b[x[1]:y[1]+1])
		if i > 0 {
			sa, sb = sa[1:], sb[1:]
		}
		ra, rb = append(ra, sa...), append(rb, sb...)
	}
	return ra, rb
}

// frontAnchors returns index pairs (i in a, j in b) of vertices matched as anchors: the two
// first vertices, the longest common subsequence of identical interior vertices, and the two
// last vertices. It takes space linear in the chains' lengths (commonSubsequence), so that two
// keyframes of MaxFrontVertices each are matched in a few hundred kilobytes.
func frontAnchors(a, b []s2.Point) [][2]int {
	n, m := len(a), len(b)
	if n < 3 || m < 3 {
		return [][2]int{{0, 0}, {n - 1, m - 1}}
	}
	out := [][2]int{{0, 0}}
	for _, p := range commonSubsequence(a[1:n-1], b[1:m-1]) {
		out = append(out, [2]int{p[0] + 1, p[1] + 1})
	}
	return append(out, [2]int{n - 1, m - 1})
}

// resampleFrontSpan resamples two chains at the union of their normalised arc-length
// parameters.
func resampleFrontSpan(a, b []s2.Point) ([]s2.Point, []s2.Point) {
	sa, sb := frontArcParams(a), frontArcParams(b)
	u := make([]float64, 0, len(sa)+len(sb))
	u = append(append(u, sa...), sb...)
	sort.Float64s(u)
	merged := u[:0]
	for _, x := range u {
		if len(merged) == 0 || x-merged[len(merged)-1] > 1e-12 {
			merged = append(merged, x)
		}
	}
	ra, rb := make([]s2.Point, len(merged)), make([]s2.Point, len(merged))
	for i, x := range merged {
		ra[i], rb[i] = frontSampleAt(a, sa, x), frontSampleAt(b, sb, x)
	}
	return ra, rb
}

// DayOfTime returns t as days since 1970-01-01 UTC, with the fraction of the day.
func DayOfTime(t time.Time) float64 { return float64(t.Unix()) / 86400 }

// FrontsAt is FrontsAtDay for a time.
func (f *Fronts) FrontsAt(t time.Time) []FrontState { return f.FrontsAtDay(DayOfTime(t)) }

// FrontsAtDay returns every part active at day (days since 1970-01-01 UTC, fractional
// allowed), ordered by theatre then by the part's first date. A part is active from its first
// keyframe to the end of the day of its last; between two keyframes its vertices move along
// great circles, linearly in time. A theatre with no active part is absent.
func (f *Fronts) FrontsAtDay(day float64) []FrontState {
	var out []FrontState
	for _, t := range f.theatres {
		for _, p := range t.parts {
			if s, ok := p.at(day); ok {
				s.Theatre = t.id
				out = append(out, s)
			}
		}
	}
	return out
}

func (p *frontPart) at(day float64) (FrontState, bool) {
	first, last := p.keys[0], p.keys[len(p.keys)-1]
	if day < float64(first.Day) || day >= float64(last.Day+1) {
		return FrontState{}, false
	}
	s := FrontState{Part: p.id, Role: p.role, HeldBy: p.heldBy}
	i := sort.Search(len(p.keys), func(i int) bool { return float64(p.keys[i].Day) > day }) - 1
	k := p.keys[i]
	if float64(k.Day) == day || i == len(p.keys)-1 {
		s.From, s.To = k.Day, k.Day
		p.fill(&s, frontChains(k))
		return s, true
	}
	next := p.keys[i+1]
	s.From, s.To = k.Day, next.Day
	frac := (day - float64(k.Day)) / float64(next.Day-k.Day)
	pair := p.pairs[i]
	chains := make([][]s2.Point, len(pair.a))
	for c := range pair.a {
		chains[c] = make([]s2.Point, len(pair.a[c]))
		for j := range pair.a[c] {
			chains[c][j] = s2.Interpolate(frac, pair.a[c][j], pair.b[c][j])
		}
	}
	p.fill(&s, chains)
	return s, true
}

// fill sets Line and Area of s from the chains of the part at that moment.
func (p *frontPart) fill(s *FrontState, chains [][]s2.Point) {
	if p.role == FrontRolePocket {
		s.Line = orbChain(chains[0])
		s.Area = orb.Ring(s.Line)
		return
	}
	head, body, tail := orbChain(chains[0]), orbChain(chains[1]), orbChain(chains[2])
	s.Line = body
	ring := make(orb.Ring, 0, len(head)+len(body)+len(tail)+len(p.rear)+1)
	ring = append(ring, head...)
	ring = append(ring, body[1:]...)
	ring = append(ring, tail[1:]...)
	ring = append(ring, p.rear...)
	s.Area = append(ring, head[0])
}

// Keyframes returns every keyframe, ordered by theatre, part and date. The result shares
// memory with f: do not modify it.
func (f *Fronts) Keyframes() []*FrontKeyframe {
	var out []*FrontKeyframe
	for _, t := range f.theatres {
		for _, p := range t.parts {
			out = append(out, p.keys...)
		}
	}
	return out
}

// TheatreRange returns the days (since 1970-01-01 UTC) of the first and last keyframe of a
// theatre, and whether the theatre is known.
func (f *Fronts) TheatreRange(theatre string) (first, last int, ok bool) {
	for _, t := range f.theatres {
		if t.id == theatre {
			return t.first, t.last, true
		}
	}
	return 0, 0, false
}

// FocusBound returns the area, in degrees lon first, that the fronts show at day (days since
// 1970-01-01 UTC): the bound of the areas of every active part (a front with its rear chain, a
// pocket) and of the active extents held by the Axis, an opponent or the Western Allies (not
// Soviet occupation zones, ground held by nobody or not covered), in the
// region of the activity that began last, Europe and Africa (west of 75°E) or East Asia. So
// the map can show the Far East during the war against Japan (9 August - 2 September 1945),
// at Lake Khasan (1938) and Khalkhin Gol (1939), and Europe otherwise. The bound is grown by a
// tenth on each side and to at least 8° by 5°. It reports false when nothing is active.
func (f *Fronts) FocusBound(day float64) (orb.Bound, bool) {
	type item struct {
		b     orb.Bound
		start int
	}
	var items []item
	for _, t := range f.theatres {
		for _, p := range t.parts {
			if s, ok := p.at(day); ok {
				items = append(items, item{s.Area.Bound(), p.keys[0].Day})
			}
		}
		for _, e := range t.extents {
			if day >= float64(e.From) && day < float64(e.To+1) && e.HeldBy != HeldByUncovered && e.HeldBy != heldByNoneValue && e.HeldBy != HeldBySoviet {
				items = append(items, item{e.bound, e.From})
			}
		}
	}
	if len(items) == 0 {
		return orb.Bound{}, false
	}
	east := func(b orb.Bound) bool { return b.Center()[0] >= 75 }
	latest := items[0]
	for _, it := range items[1:] {
		if it.start > latest.start {
			latest = it
		}
	}
	var out orb.Bound
	first := true
	for _, it := range items {
		if east(it.b) != east(latest.b) {
			continue
		}
		if first {
			out, first = it.b, false
		} else {
			out = out.Union(it.b)
		}
	}
	w, h := out.Max[0]-out.Min[0], out.Max[1]-out.Min[1]
	gx, gy := max(w*0.1, (8-w)/2), max(h*0.1, (5-h)/2)
	out.Min[0], out.Max[0] = out.Min[0]-gx, out.Max[0]+gx
	out.Min[1], out.Max[1] = max(-85, out.Min[1]-gy), min(85, out.Max[1]+gy)
	return out, true
}
