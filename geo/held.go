package geo

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/paulmach/orb"
)

// DayRange is an inclusive interval of days (since 1970-01-01 UTC).
type DayRange struct{ From, To int }

// HeldArea is the ground one side held at a moment: degrees, lon first; outer rings
// counter-clockwise, holes clockwise inside their outer ring.
type HeldArea struct {
	HeldBy string // HeldByAxis, HeldByOpponent, HeldByAllied or HeldByUncovered
	Area   orb.MultiPolygon
}

// HeldSides lists the sides whose ground is drawn, in drawing order. Soviet ground and ground
// held by no side are not drawn.
var HeldSides = []string{HeldByUncovered, HeldByAllied, HeldByOpponent, HeldByAxis}

// The held-area model. At a moment, every active part and extent contributes rings, each with
// a rule; who held a point is decided by the rings that contain it, in this order:
//
//  1. pockets: the smallest pocket containing the point (a pocket inside a pocket wins);
//  2. front areas (a front line closed by its rear chain): a Soviet or Western-Allied area over
//     an Axis or opponent one where two fronts overlap (in 1945 the Western Allies' area
//     reaches into what the eastern front's rear chain encloses);
//  3. scopes: ground inside a part's scope and outside every front area is held by the side
//     facing that front (Soviet for the eastern front: the Red Army's side of the line);
//  4. extents: "uncovered" over "none" (a zone nobody held, cut out of an occupied country)
//     over Soviet or Western-Allied over Axis or opponent (Axis-occupied countries between
//     the campaigns);
//  5. otherwise nobody: HeldByNone.
//
// The same rule classifies the pieces of the arrangement of all the rings (heldclip.go), so
// the drawn areas and the point query agree exactly.

type heldKind int8

const (
	heldExtent heldKind = iota
	heldExtentHole
	heldScope
	heldFront
	heldPocket
)

type heldMeta struct {
	kind  heldKind
	side  string
	area  float64 // pockets: area in square degrees, for the innermost rule
	holes []int   // extents: indices of the hole rings of the same polygon
}

// heldRings is the set of rings active at one moment with their rules. The extents of the
// moment may be kept apart in ext, shared between the moments with the same extents.
type heldRings struct {
	rings []*clipRing
	meta  []heldMeta
	ext   *heldRings
}

// flat returns h with its extents' rings appended (a new value when there are any).
func (h *heldRings) flat() *heldRings {
	if h.ext == nil {
		return h
	}
	n := len(h.rings)
	out := &heldRings{rings: append(append([]*clipRing(nil), h.rings...), h.ext.rings...),
		meta: append([]heldMeta(nil), h.meta...)}
	for _, m := range h.ext.meta {
		if len(m.holes) > 0 {
			hs := make([]int, len(m.holes))
			for k, j := range m.holes {
				hs[k] = j + n
			}
			m.holes = hs
		}
		out.meta = append(out.meta, m)
	}
	return out
}

func (h *heldRings) add(r *clipRing, m heldMeta) int {
	h.rings = append(h.rings, r)
	h.meta = append(h.meta, m)
	return len(h.rings) - 1
}

// holder applies the precedence rule to a membership vector (in[i]: inside ring i).
func (h *heldRings) holder(in []bool) string {
	best := -1
	for i, m := range h.meta {
		if m.kind == heldPocket && in[i] && (best < 0 || m.area < h.meta[best].area) {
			best = i
		}
	}
	if best >= 0 {
		return h.meta[best].side
	}
	front := ""
	for i, m := range h.meta {
		if m.kind == heldFront && in[i] {
			if m.side != HeldByAxis && m.side != HeldByOpponent {
				return m.side
			}
			if front == "" {
				front = m.side
			}
		}
	}
	if front != "" {
		return front
	}
	for i, m := range h.meta {
		if m.kind == heldScope && in[i] {
			return m.side
		}
	}
	ext, rank := HeldByNone, 0
extents:
	for i, m := range h.meta {
		if m.kind != heldExtent || !in[i] {
			continue
		}
		for _, j := range m.holes {
			if in[j] {
				continue extents
			}
		}
		if r := extentRank(m.side); r > rank {
			ext, rank = m.side, r
		}
	}
	if ext == heldByNoneValue {
		return HeldByNone
	}
	return ext
}

// extentRank orders the sides of overlapping extents: the higher wins.
func extentRank(side string) int {
	switch side {
	case HeldByUncovered:
		return 4
	case heldByNoneValue:
		return 3
	case HeldBySoviet, HeldByAllied:
		return 2
	}
	return 1
}

// holderAt returns who held p according to the rings: holder applied to p's membership,
// testing each ring only when the rule needs it.
func (h *heldRings) holderAt(p orb.Point) string {
	best := -1
	for i, m := range h.meta {
		if m.kind == heldPocket && (best < 0 || m.area < h.meta[best].area) && h.rings[i].contains(p) {
			best = i
		}
	}
	if best >= 0 {
		return h.meta[best].side
	}
	front := ""
	for i, m := range h.meta {
		if m.kind != heldFront || (front != "" && (m.side == HeldByAxis || m.side == HeldByOpponent)) {
			continue
		}
		if h.rings[i].contains(p) {
			if m.side != HeldByAxis && m.side != HeldByOpponent {
				return m.side
			}
			front = m.side
		}
	}
	if front != "" {
		return front
	}
	for i, m := range h.meta {
		if m.kind == heldScope && h.rings[i].contains(p) {
			return m.side
		}
	}
	ext, rank := HeldByNone, 0
	for _, set := range []*heldRings{h, h.ext} {
		if set == nil {
			continue
		}
	extents:
		for i, m := range set.meta {
			if m.kind != heldExtent || extentRank(m.side) <= rank || !set.rings[i].contains(p) {
				continue
			}
			for _, j := range m.holes {
				if set.rings[j].contains(p) {
					continue extents
				}
			}
			ext, rank = m.side, extentRank(m.side)
		}
	}
	if ext == heldByNoneValue {
		return HeldByNone
	}
	return ext
}

// staticRing returns the clip ring of an extent's or a scope's ring, built once and shared by
// all moments (with its spatial index).
func (f *Fronts) staticRing(key any, pts []orb.Point) *clipRing {
	f.staticMu.Lock()
	defer f.staticMu.Unlock()
	if f.static == nil {
		f.static = map[any]*clipRing{}
	}
	r := f.static[key]
	if r == nil {
		cr := newClipRing(pts)
		r = &cr
		f.static[key] = r
	}
	return r
}

// ringsAt collects the rings active at day (days since 1970-01-01 UTC, fractional allowed).
// The extents active at day enter as their union (see extentUnion), computed once per set.
func (f *Fronts) ringsAt(day float64) *heldRings { return f.ringsAtIndexed(day, true) }

// ringsAtIndexed is ringsAt; the rings of fronts and pockets get a band index only when
// index is true (the daily rings HeldPeriods keeps go without, to save memory).
func (f *Fronts) ringsAtIndexed(day float64, index bool) *heldRings {
	h := &heldRings{}
	var active []int
	for _, t := range f.theatres {
		for _, p := range t.parts {
			s, ok := p.at(day)
			if !ok {
				continue
			}
			cr := newClipRing(s.Area)
			if !index {
				cr.index = nil // kept for every day: no band index, to save memory
			}
			m := heldMeta{kind: heldFront, side: p.heldBy}
			if p.role == FrontRolePocket {
				m.kind, m.area = heldPocket, math.Abs(ringSignedArea(s.Area))
			}
			h.add(&cr, m)
			if p.scope != nil {
				h.add(f.staticRing(p.scope, p.scope.Ring), heldMeta{kind: heldScope, side: p.scope.HeldBy})
			}
		}
	}
	for i, e := range f.extents {
		if day >= float64(e.From) && day < float64(e.To+1) {
			active = append(active, i)
		}
	}
	h.ext = f.extentSet(active)
	return h
}

// extentSet returns the rings of the union of the extents with the given indices, built once
// per set and shared by every moment with that set (nil when there are none).
func (f *Fronts) extentSet(active []int) *heldRings {
	key := fmt.Sprint(active)
	f.staticMu.Lock()
	es, ok := f.extentSets[key]
	f.staticMu.Unlock()
	if ok {
		return es
	}
	us := f.extentUnion(active)
	if len(us) > 0 {
		es = &heldRings{}
		for _, u := range us {
			for _, pg := range u.Area {
				r := newClipRing(pg[0])
				outer := es.add(&r, heldMeta{kind: heldExtent, side: u.HeldBy})
				for _, hr := range pg[1:] {
					c := newClipRing(hr)
					hole := es.add(&c, heldMeta{kind: heldExtentHole})
					es.meta[outer].holes = append(es.meta[outer].holes, hole)
				}
			}
		}
	}
	f.staticMu.Lock()
	if f.extentSets == nil {
		f.extentSets = map[string]*heldRings{}
	}
	f.extentSets[key] = es
	f.staticMu.Unlock()
	return es
}

// extentUnion returns the ground held by each side according to the extents with the given
// indices alone (the rule of precedence among extents applied), one MultiPolygon per side,
// cached per set: extents change only on their dates, and the union has none of the borders
// between neighbouring occupied countries, so the overlay of each moment has fewer edges.
func (f *Fronts) extentUnion(active []int) []HeldArea {
	key := fmt.Sprint(active)
	f.staticMu.Lock()
	if u, ok := f.unions[key]; ok {
		f.staticMu.Unlock()
		return u
	}
	f.staticMu.Unlock()
	h := &heldRings{}
	for _, i := range active {
		e := f.extents[i]
		for _, pg := range e.Area {
			r := newClipRing(pg[0])
			outer := h.add(&r, heldMeta{kind: heldExtent, side: e.HeldBy})
			for _, hr := range pg[1:] {
				c := newClipRing(hr)
				hole := h.add(&c, heldMeta{kind: heldExtentHole})
				h.meta[outer].holes = append(h.meta[outer].holes, hole)
			}
		}
	}
	crs := make([]clipRing, len(h.rings))
	for i, r := range h.rings {
		crs[i] = *r
	}
	sides := []string{HeldByUncovered, HeldBySoviet, HeldByAllied, HeldByOpponent, HeldByAxis}
	got := clipOverlay(crs, h.holder, sides)
	var out []HeldArea
	for _, side := range sides {
		if mp := got[side]; len(mp) > 0 {
			out = append(out, HeldArea{HeldBy: side, Area: mp})
		}
	}
	f.staticMu.Lock()
	if f.unions == nil {
		f.unions = map[string][]HeldArea{}
	}
	f.unions[key] = out
	f.staticMu.Unlock()
	return out
}

// heldAreasAt is a cached result of HeldAreasAtDay.
type heldAreasAt struct {
	day   float64
	areas []HeldArea
}

// HeldAreasAt is HeldAreasAtDay for a time.
func (f *Fronts) HeldAreasAt(t time.Time) []HeldArea { return f.HeldAreasAtDay(DayOfTime(t)) }

// HeldAreasAtDay returns the ground held at day (days since 1970-01-01 UTC, fractional
// allowed) by each side that is drawn, in the order of HeldSides, sides without ground left
// out. The areas of different sides never overlap. The result is shared (the last few moments
// are cached): do not modify it.
func (f *Fronts) HeldAreasAtDay(day float64) []HeldArea {
	f.areaMu.Lock()
	for _, c := range f.areaCache {
		if c.day == day {
			f.areaMu.Unlock()
			return c.areas
		}
	}
	f.areaMu.Unlock()
	h := f.ringsAt(day).flat()
	crs := make([]clipRing, len(h.rings))
	for i, r := range h.rings {
		crs[i] = *r
	}
	got := clipOverlay(crs, h.holder, HeldSides)
	var out []HeldArea
	for _, side := range HeldSides {
		if mp := got[side]; len(mp) > 0 {
			out = append(out, HeldArea{HeldBy: side, Area: mp})
		}
	}
	f.areaMu.Lock()
	if len(f.areaCache) >= 4 {
		f.areaCache = f.areaCache[1:]
	}
	f.areaCache = append(f.areaCache, heldAreasAt{day, out})
	f.areaMu.Unlock()
	return out
}

// HeldAt is HeldAtDay for a time.
func (f *Fronts) HeldAt(t time.Time) orb.MultiPolygon { return f.HeldAtDay(DayOfTime(t)) }

// HeldAtDay returns the ground held at day (days since 1970-01-01 UTC) by the Axis or, in the
// Winter War, at Lake Khasan and at Khalkhin Gol, by a non-Axis opponent of the USSR: the
// ground where HeldByAt answers HeldByAxis or HeldByOpponent. Polygons are in degrees, lon
// first, with holes (Soviet and Allied pockets, neutral states). A fresh value is returned;
// the caller may modify it.
func (f *Fronts) HeldAtDay(day float64) orb.MultiPolygon {
	mp := orb.MultiPolygon{}
	for _, a := range f.HeldAreasAtDay(day) {
		if a.HeldBy == HeldByAxis || a.HeldBy == HeldByOpponent {
			mp = append(mp, a.Area.Clone()...)
		}
	}
	return mp
}

// heldBy returns the area of one side at day (a fresh value).
func (f *Fronts) heldBy(day float64, side string) orb.MultiPolygon {
	for _, a := range f.HeldAreasAtDay(day) {
		if a.HeldBy == side {
			return a.Area.Clone()
		}
	}
	return orb.MultiPolygon{}
}

// HeldByAt returns who held p (degrees, lon first) at day (days since 1970-01-01 UTC):
// HeldByAxis, HeldByOpponent, HeldBySoviet, HeldByAllied, HeldByUncovered (the atlas does not
// say) or HeldByNone.
func (f *Fronts) HeldByAt(p orb.Point, day float64) string {
	return f.ringsAt(day).holderAt(p)
}

// AxisHeldAt reports whether p (degrees, lon first) was held by the Axis or by an opponent of
// the USSR (see HeldAtDay) at day (days since 1970-01-01 UTC).
func (f *Fronts) AxisHeldAt(p orb.Point, day float64) bool {
	s := f.HeldByAt(p, day)
	return s == HeldByAxis || s == HeldByOpponent
}

// HeldPeriods returns the intervals of days during which the point lon, lat (degrees) was
// held by the Axis or an opponent of the USSR (see AxisHeldAt), sampled once a day at 00:00
// UTC from the first to the last day of all theatres, in order. Results are cached per point;
// the daily rings are computed once, on the first call.
func (f *Fronts) HeldPeriods(lon, lat float64) []DayRange {
	h := f.HeldHistory(lon, lat)
	out := make([]DayRange, len(h.Periods))
	for i, p := range h.Periods {
		out[i] = p.DayRange
	}
	return out
}

// HeldHistory is what the front lines say about one place over the whole period.
type HeldHistory struct {
	// Periods are the intervals of HeldPeriods, with what the fronts say on either side.
	Periods []HeldPeriod
	// Covered reports whether any front, scope or extent says who held the place on any day
	// (HeldByNone and HeldByUncovered say nothing).
	// When it is false the atlas knows nothing of the place, which is not the same as "never
	// held".
	Covered bool
}

// HeldPeriod is an interval of days a place was held by the Axis or an opponent of the USSR.
type HeldPeriod struct {
	DayRange
	// OpenStart: on the day before From no front covered the place (no ring held it, or an
	// extent marked it not covered; or From is the first day of all theatres), so it was most likely held before the atlas's fronts reach it (Rome
	// before September 1939, Harbin before the August 1945 offensive).
	OpenStart bool
	// OpenEnd: on the day after To no front covers the place (or To is the last day).
	OpenEnd bool
}

// HeldHistory returns the periods a place was held by the Axis or an opponent of the USSR and
// whether the fronts cover it at all (see HeldHistory). Results are cached per point; the daily
// rings are computed once, on the first call.
func (f *Fronts) HeldHistory(lon, lat float64) HeldHistory {
	p := orb.Point{lon, lat}
	f.heldMu.Lock()
	if r, ok := f.heldCache[p]; ok {
		f.heldMu.Unlock()
		return HeldHistory{Periods: slices.Clone(r.Periods), Covered: r.Covered}
	}
	f.heldMu.Unlock()
	f.heldOnce.Do(f.buildHeldDays)
	var h HeldHistory
	// A day says nothing of the point when no ring holds it or an extent marks it not covered.
	unknown := func(s string) bool { return s == HeldByNone || s == HeldByUncovered }
	prev := HeldByNone // who held the point the day before
	for i := range f.heldDays {
		s := f.heldDays[i].holderAt(p)
		if !unknown(s) {
			h.Covered = true
		}
		held := s == HeldByAxis || s == HeldByOpponent
		d := f.heldFirst + i
		n := len(h.Periods)
		switch {
		case held && n > 0 && h.Periods[n-1].To == d-1:
			h.Periods[n-1].To = d
		case held:
			h.Periods = append(h.Periods, HeldPeriod{DayRange: DayRange{d, d}, OpenStart: unknown(prev)})
		case n > 0 && h.Periods[n-1].To == d-1:
			h.Periods[n-1].OpenEnd = unknown(s)
		}
		prev = s
	}
	if n := len(h.Periods); n > 0 && h.Periods[n-1].To == f.heldFirst+len(f.heldDays)-1 {
		h.Periods[n-1].OpenEnd = true
	}
	f.heldMu.Lock()
	if f.heldCache == nil {
		f.heldCache = map[orb.Point]HeldHistory{}
	}
	f.heldCache[p] = h
	f.heldMu.Unlock()
	return HeldHistory{Periods: slices.Clone(h.Periods), Covered: h.Covered}
}

// DayRange returns the first and last day (since 1970-01-01 UTC) of any theatre.
func (f *Fronts) DayRange() DayRange {
	r := DayRange{math.MaxInt, math.MinInt}
	for _, t := range f.theatres {
		r.From, r.To = min(r.From, t.first), max(r.To, t.last)
	}
	return r
}

func (f *Fronts) buildHeldDays() {
	r := f.DayRange()
	if r.To < r.From {
		return
	}
	f.heldFirst = r.From
	f.heldDays = make([]heldRings, r.To-r.From+1)
	for i := range f.heldDays {
		f.heldDays[i] = *f.ringsAtIndexed(float64(r.From+i), false)
	}
}

// HeldByName returns the English name of a side for a legend ("Axis", "Western Allies",
// "Not covered"...), or "" for HeldByNone.
func HeldByName(heldBy string) string {
	switch heldBy {
	case HeldByAxis:
		return "Axis"
	case HeldByOpponent:
		return "Opponent of the USSR"
	case HeldBySoviet:
		return "Red Army"
	case HeldByAllied:
		return "Western Allies"
	case HeldByUncovered:
		return "Not covered"
	}
	return ""
}
