package geo

import (
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// DayRange is an inclusive interval of days (since 1970-01-01 UTC).
type DayRange struct{ From, To int }

// frontArea is the area enclosed by one part at one moment, with its bound for quick rejection.
type frontArea struct {
	ring   orb.Ring
	bound  orb.Bound
	heldBy string
}

func frontAreasOf(states []FrontState, theatre string) []frontArea {
	var out []frontArea
	for _, s := range states {
		if s.Theatre == theatre {
			out = append(out, frontArea{ring: s.Area, bound: s.Area.Bound(), heldBy: s.HeldBy})
		}
	}
	return out
}

// heldIn reports whether p is inside an area held against the USSR (Axis or opponent) and
// outside every Soviet area.
// Containment is planar in lon/lat degrees (the held area is drawn the same way).
func heldIn(areas []frontArea, p orb.Point) bool {
	in := false
	for _, a := range areas {
		if a.heldBy != HeldBySoviet && a.bound.Contains(p) && planar.RingContains(a.ring, p) {
			in = true
			break
		}
	}
	if !in {
		return false
	}
	for _, a := range areas {
		if a.heldBy == HeldBySoviet && a.bound.Contains(p) && planar.RingContains(a.ring, p) {
			return false
		}
	}
	return true
}

// HeldAt is HeldAtDay for a time.
func (f *Fronts) HeldAt(t time.Time) orb.MultiPolygon { return f.HeldAtDay(DayOfTime(t)) }

// HeldAtDay returns the area held against the USSR at day (days since 1970-01-01 UTC): by the
// Axis or, in the Winter War, Lake Khasan and Khalkhin Gol, by a non-Axis opponent. Polygons
// are in degrees, lon first: each front or pocket held against the USSR is a polygon, and the
// Soviet pockets of the same theatre that lie inside it are its holes. A fresh value is
// returned; the caller may modify it.
func (f *Fronts) HeldAtDay(day float64) orb.MultiPolygon { return f.heldBy(day, "") }

// heldBy is HeldAtDay restricted to one held_by value (all but soviet when side is "").
func (f *Fronts) heldBy(day float64, side string) orb.MultiPolygon {
	states := f.FrontsAtDay(day)
	mp := orb.MultiPolygon{}
	for _, a := range states {
		if a.HeldBy == HeldBySoviet || (side != "" && a.HeldBy != side) {
			continue
		}
		poly := orb.Polygon{a.Area.Clone()}
		for _, h := range states {
			if h.HeldBy == HeldBySoviet && h.Theatre == a.Theatre && planar.RingContains(a.Area, h.Area[0]) {
				poly = append(poly, h.Area.Clone())
			}
		}
		mp = append(mp, poly)
	}
	return mp
}

// AxisHeldAt reports whether p (degrees, lon first) was held against the USSR (by the Axis or
// an opponent, see HeldAtDay) at day (days since 1970-01-01 UTC) in any theatre.
func (f *Fronts) AxisHeldAt(p orb.Point, day float64) bool {
	states := f.FrontsAtDay(day)
	for _, t := range f.theatres {
		if heldIn(frontAreasOf(states, t.id), p) {
			return true
		}
	}
	return false
}

// HeldPeriods returns the intervals of days during which the point lon, lat (degrees) was
// held against the USSR (see HeldAtDay) in any theatre, sampled once a day at 00:00 UTC, in order. Results are
// cached per point; the daily areas are computed once, on the first call.
func (f *Fronts) HeldPeriods(lon, lat float64) []DayRange {
	p := orb.Point{lon, lat}
	f.heldMu.Lock()
	if r, ok := f.heldCache[p]; ok {
		f.heldMu.Unlock()
		return append([]DayRange(nil), r...)
	}
	f.heldMu.Unlock()
	f.heldOnce.Do(f.buildHeldDays)
	held := map[int]bool{}
	for _, t := range f.theatres {
		for i, areas := range f.heldDays[t.id] {
			if heldIn(areas, p) {
				held[t.first+i] = true
			}
		}
	}
	var out []DayRange
	first, last := 0, -1
	for _, t := range f.theatres {
		if last < first {
			first, last = t.first, t.last
		}
		first, last = min(first, t.first), max(last, t.last)
	}
	for d := first; d <= last; d++ {
		if !held[d] {
			continue
		}
		if n := len(out); n > 0 && out[n-1].To == d-1 {
			out[n-1].To = d
		} else {
			out = append(out, DayRange{d, d})
		}
	}
	f.heldMu.Lock()
	if f.heldCache == nil {
		f.heldCache = map[orb.Point][]DayRange{}
	}
	f.heldCache[p] = out
	f.heldMu.Unlock()
	return append([]DayRange(nil), out...)
}

func (f *Fronts) buildHeldDays() {
	f.heldDays = map[string][][]frontArea{}
	for _, t := range f.theatres {
		days := make([][]frontArea, t.last-t.first+1)
		for i := range days {
			var states []FrontState
			for _, p := range t.parts {
				if s, ok := p.at(float64(t.first + i)); ok {
					s.Theatre = t.id
					states = append(states, s)
				}
			}
			days[i] = frontAreasOf(states, t.id)
		}
		f.heldDays[t.id] = days
	}
}
