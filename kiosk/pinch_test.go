package kiosk

import (
	"math"
	"math/rand/v2"
	"testing"
)

func near(p, q Point) bool { return math.Abs(p.X-q.X) < 1e-6 && math.Abs(p.Y-q.Y) < 1e-6 }

// TestPinchKeepsTheFingersOnTheMap: when two fingers move apart, together or along (no
// rotation), the step takes the points of the map that were under the fingers to where the
// fingers are now — the map follows the fingers exactly.
func TestPinchKeepsTheFingersOnTheMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 2000; i++ {
		a := Point{rng.Float64() * 1920, rng.Float64() * 1080}
		b := Point{rng.Float64() * 1920, rng.Float64() * 1080}
		if a.dist(b) < MinPinchDistance*2 {
			continue
		}
		s := 0.7 + rng.Float64()*0.7 // within MaxPinchFactor
		d := Point{rng.Float64()*200 - 100, rng.Float64()*200 - 100}
		c := a.mid(b)
		move := func(p Point) Point { return Point{c.X + (p.X-c.X)*s + d.X, c.Y + (p.Y-c.Y)*s + d.Y} }
		na, nb := move(a), move(b)
		st := StepBetween(a, b, na, nb)
		if !near(st.Apply(a), na) || !near(st.Apply(b), nb) {
			t.Fatalf("a=%v b=%v → %v %v: step %+v takes them to %v %v", a, b, na, nb, st, st.Apply(a), st.Apply(b))
		}
		if math.Abs(st.Factor-s) > 1e-9 {
			t.Fatalf("factor %v, want %v", st.Factor, s)
		}
	}
}

func TestPinchStepEdges(t *testing.T) {
	for _, tc := range []struct {
		name         string
		a, b, na, nb Point
		factor       float64
		pan, centre  Point
	}{
		{"apart", Point{100, 100}, Point{200, 100}, Point{50, 100}, Point{250, 100}, 1.5, Point{0, 0}, Point{150, 100}},
		{"together", Point{100, 100}, Point{300, 100}, Point{150, 100}, Point{250, 100}, 1 / 1.5, Point{0, 0}, Point{200, 100}}, // 0.5 bounded
		{"along", Point{0, 0}, Point{100, 0}, Point{10, 20}, Point{110, 20}, 1, Point{10, 20}, Point{60, 20}},
		{"too close", Point{0, 0}, Point{5, 0}, Point{0, 0}, Point{50, 0}, 1, Point{22.5, 0}, Point{25, 0}},
		{"same point", Point{7, 7}, Point{7, 7}, Point{7, 7}, Point{7, 7}, 1, Point{0, 0}, Point{7, 7}},
	} {
		st := StepBetween(tc.a, tc.b, tc.na, tc.nb)
		if math.Abs(st.Factor-tc.factor) > 1e-9 || !near(st.Pan, tc.pan) || !near(st.Centre, tc.centre) {
			t.Errorf("%s: %+v, want factor %v pan %v centre %v", tc.name, st, tc.factor, tc.pan, tc.centre)
		}
		if math.IsNaN(st.Factor) || math.IsInf(st.Factor, 0) {
			t.Errorf("%s: factor %v", tc.name, st.Factor)
		}
	}
}

// TestPinchFingers: one finger makes no step; the second makes a pinch; a third is ignored;
// when one of the two lifts the other alone makes none; a new touch after all lift starts over.
func TestPinchFingers(t *testing.T) {
	var g Pinch
	g.Down(1, Point{100, 100})
	if _, ok := g.Move(1, Point{110, 100}); ok || g.Active() {
		t.Fatal("one finger made a step")
	}
	g.Down(2, Point{210, 100})
	if !g.Active() {
		t.Fatal("two fingers are not a pinch")
	}
	g.Down(3, Point{500, 500})
	if _, ok := g.Move(3, Point{600, 600}); ok {
		t.Error("a third finger made a step")
	}
	st, ok := g.Move(2, Point{310, 100})
	if !ok || math.Abs(st.Factor-2) > 1e-9 && math.Abs(st.Factor-MaxPinchFactor) > 1e-9 {
		t.Errorf("the second finger moving: %+v %v", st, ok)
	}
	if !g.Pinched() {
		t.Error("not marked as pinched")
	}
	g.Up(1)
	if g.Active() {
		t.Error("still active with one finger")
	}
	if _, ok := g.Move(2, Point{320, 100}); ok {
		t.Error("the remaining finger made a step")
	}
	g.Up(2)
	if g.Pinched() {
		t.Error("a new gesture starts pinched")
	}
	g.Down(4, Point{0, 0})
	g.Down(5, Point{100, 0})
	if st, ok := g.Move(4, Point{-50, 0}); !ok || math.Abs(st.Factor-1.5) > 1e-9 {
		t.Errorf("a new pinch: %+v %v", st, ok)
	}
}
