package main

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"

	"frontline-atlas/geo"
)

// notchRing is a strip of land 10° long and 0.05° wide whose south shore has a spike 0.055°
// high that reaches into a notch 0.009° deep in the north shore: a simple ring, but
// Douglas–Peucker at 0.01° keeps the spike and drops the notch, so the spike crosses the
// north shore (as the simplification did at the Swiss border by Geneva, and twice in the
// 10m land).
func notchRing() orb.Ring {
	return orb.Ring{
		{0, 0}, {4.95, 0}, {5, 0.055}, {5.05, 0}, {10, 0}, // south shore with its spike
		{10, 0.05}, {5.1, 0.05}, {5.1, 0.059}, {4.9, 0.059}, {4.9, 0.05}, {0, 0.05}, // north shore with its notch
		{0, 0},
	}
}

func TestPrepRingKeepsRingsSimple(t *testing.T) {
	lv := levelSpec{name: "test", tolerance: 0.01, decimals: 4, bound: theatreBound}
	src := notchRing()
	if _, crosses := geo.RingCrossing(src); crosses {
		t.Fatal("the test ring crosses itself before simplification")
	}
	if _, crosses := geo.RingCrossing(simplify.DouglasPeucker(lv.tolerance).Ring(src.Clone())); !crosses {
		t.Fatal("Douglas–Peucker at 0.01° no longer makes the test ring cross itself: the test shows nothing")
	}
	got := prepRing(src, lv)
	if len(got) != 1 {
		t.Fatalf("prepRing gave %d rings, want 1", len(got))
	}
	if at, crosses := geo.RingCrossing(got[0]); crosses {
		t.Errorf("prepRing's ring crosses itself near %v: %v", at, got[0])
	}
	if got[0][0] != got[0][len(got[0])-1] {
		t.Error("the ring is not closed")
	}
}

// A ring that crosses itself in the source (a bow-tie, as two rings of the 1938 borders do) is
// cut at the crossing into two rings that do not, covering the same area.
func TestSplitCrossings(t *testing.T) {
	bow := orb.Ring{{0, 0}, {2, 2.2}, {2, 0}, {0, 2.2}, {0, 0}} // crosses at (1, 1.1)
	if _, crosses := geo.RingCrossing(bow); !crosses {
		t.Fatal("the bow-tie does not cross itself")
	}
	lv := levelSpec{name: "test", tolerance: 0.01, decimals: 4, bound: theatreBound}
	got := prepRing(bow, lv)
	if len(got) != 2 {
		t.Fatalf("got %d rings, want the two halves: %v", len(got), got)
	}
	area := 0.0
	for _, r := range got {
		if _, crosses := geo.RingCrossing(r); crosses {
			t.Errorf("%v crosses itself", r)
		}
		if r[0] != r[len(r)-1] {
			t.Errorf("%v is not closed", r)
		}
		area += math.Abs(planar.Area(r))
	}
	if math.Abs(area-2.2) > 1e-9 {
		t.Errorf("the halves cover %v, want 2.2 (two triangles of 1.1)", area)
	}
	// Nested: a ring with two crossings gives three simple rings.
	two := orb.Ring{{0, 0}, {2, 2}, {2, 0}, {4, 2}, {4, 0}, {2, 1}, {0, 2}, {0, 0}}
	pieces := splitCrossings(two, 4)
	for _, r := range pieces {
		if _, crosses := geo.RingCrossing(r); crosses {
			t.Errorf("%v crosses itself", r)
		}
	}
	if len(pieces) < 2 {
		t.Errorf("a ring crossing itself twice gave %d rings: %v", len(pieces), pieces)
	}
}
