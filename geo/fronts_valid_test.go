package geo

import (
	"testing"

	"github.com/paulmach/orb"
)

// frontSegmentsCross reports whether the open segments ab and cd properly cross (in lon/lat).
func frontSegmentsCross(a, b, c, d orb.Point) bool {
	orient := func(p, q, r orb.Point) float64 {
		return (q[0]-p[0])*(r[1]-p[1]) - (q[1]-p[1])*(r[0]-p[0])
	}
	d1, d2 := orient(a, b, c), orient(a, b, d)
	d3, d4 := orient(c, d, a), orient(c, d, b)
	return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
}

// frontRingCrossing returns the indices of the first two edges of r that cross, or -1, -1.
func frontRingCrossing(r orb.Ring) (int, int) {
	n := len(r) - 1
	for i := 0; i < n; i++ {
		for j := i + 2; j < n; j++ {
			if i == 0 && j == n-1 {
				continue
			}
			if frontSegmentsCross(r[i], r[i+1], r[j], r[j+1]) {
				return i, j
			}
		}
	}
	return -1, -1
}

// TestFrontAreasSimple checks that the held area of every part is a simple ring (no edge
// crosses another, so containment is well defined) at every keyframe and at three points between consecutive keyframes.
func TestFrontAreasSimple(t *testing.T) {
	f := loadTestFronts(t)
	for _, th := range f.theatres {
		for _, p := range th.parts {
			for i, k := range p.keys {
				days := []float64{float64(k.Day)}
				if i+1 < len(p.keys) {
					for _, frac := range []float64{0.25, 0.5, 0.75} {
						days = append(days, float64(k.Day)+frac*float64(p.keys[i+1].Day-k.Day))
					}
				}
				for _, day := range days {
					s, ok := p.at(day)
					if !ok {
						t.Fatalf("%s %s: not active on day %v", th.id, p.id, day)
					}
					if a, b := frontRingCrossing(s.Area); a >= 0 {
						t.Errorf("%s %s at %s (+%v days): edge %d %v-%v crosses edge %d %v-%v", th.id, p.id, k.Date, day-float64(k.Day),
							a, s.Area[a], s.Area[a+1], b, s.Area[b], s.Area[b+1])
					}
				}
			}
		}
	}
}

// TestScopesAndExtentsSimple checks that every scope and every ring of every extent is simple,
// and that the holes of an extent lie inside its outer ring.
func TestScopesAndExtentsSimple(t *testing.T) {
	f := loadTestFronts(t)
	for id, sc := range f.scopes {
		if a, b := frontRingCrossing(sc.Ring); a >= 0 {
			t.Errorf("scope %s: edge %d %v-%v crosses edge %d %v-%v", id, a, sc.Ring[a], sc.Ring[a+1], b, sc.Ring[b], sc.Ring[b+1])
		}
	}
	for _, e := range f.extents {
		for pi, pg := range e.Area {
			for ri, r := range pg {
				if a, b := frontRingCrossing(r); a >= 0 {
					t.Errorf("extent %s %s (%s feature %d) polygon %d ring %d: edge %d %v-%v crosses edge %d %v-%v",
						e.Part, e.Date, e.File, e.Index, pi, ri, a, r[a], r[a+1], b, r[b], r[b+1])
				}
				outer := newClipRing(pg[0])
				if ri > 0 && !outer.contains(ringInteriorPoint(r)) {
					t.Errorf("extent %s %s polygon %d: hole %d outside the outer ring", e.Part, e.Date, pi, ri)
				}
			}
		}
	}
}
