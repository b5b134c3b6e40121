package geo

import (
	"math"
	"testing"
	"time"
)

func TestFlightEnds(t *testing.T) {
	cases := []struct {
		name                   string
		x0, y0, s0, x1, y1, s1 float64
	}{
		{"Stalingrad to Berlin at operation zoom", 1.8e6, 0.6e6, 600, -0.9e6, 0.9e6, 600},
		{"zoom in on the spot", 0, 0, 4000, 0, 0, 300},
		{"zoom out on the spot", 0, 0, 300, 0, 0, 4000},
		{"pan at one scale", 0, 0, 1000, 5e5, -2e5, 1000},
		{"pan and zoom in", 0, 0, 5000, 3e6, 1e6, 150},
		{"the same view", 10, 20, 800, 10, 20, 800},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := NewFlight(c.x0, c.y0, c.s0, c.x1, c.y1, c.s1, 1400)
			x, y, s := f.At(0)
			if x != c.x0 || y != c.y0 || s != c.s0 {
				t.Errorf("At(0) = %g, %g, %g; want the start %g, %g, %g", x, y, s, c.x0, c.y0, c.s0)
			}
			x, y, s = f.At(1)
			if x != c.x1 || y != c.y1 || s != c.s1 {
				t.Errorf("At(1) = %g, %g, %g; want the end %g, %g, %g", x, y, s, c.x1, c.y1, c.s1)
			}
			// Just before the end the view is within a hair of it: the formulas meet the end
			// point, so the last frame does not jump.
			x, y, s = f.At(1 - 1e-6)
			if d := math.Hypot(x-c.x1, y-c.y1); d > 1e-3*c.s1*1400 || math.Abs(s/c.s1-1) > 1e-3 {
				t.Errorf("At(1−ε) is %g m and ×%g in scale from the end", d, s/c.s1)
			}
			// Every step is small: no frame jumps across the map.
			px, py, ps := f.At(0)
			for i := 1; i <= 200; i++ {
				x, y, s := f.At(float64(i) / 200)
				if step := math.Hypot(x-px, y-py) / math.Max(s, ps); step > 200 {
					t.Errorf("step %d moves %g px", i, step)
				}
				if r := math.Abs(math.Log(s / ps)); r > 0.2 {
					t.Errorf("step %d zooms by e^%g", i, r)
				}
				px, py, ps = x, y, s
			}
		})
	}
}

// A long way at close zoom zooms out in the middle, so the way is seen; a short one does not.
func TestFlightZoomsOutOnALongWay(t *testing.T) {
	cases := []struct {
		name     string
		distance float64 // metres at 600 m/px, view 1400 px wide (840 km)
		outMin   float64 // the least zoom-out in the middle, as a factor of the scale
		outMax   float64
	}{
		{"a third of a screen", 280e3, 1, 1.2},
		{"three screens", 2.5e6, 2.5, 4},
		{"Moscow to Berlin", 1.6e6, 1.7, 3},
		{"across the theatre", 7e6, 6, 12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := NewFlight(0, 0, 600, c.distance, 0, 600, 1400)
			peak := 0.0
			for i := 0; i <= 100; i++ {
				_, _, s := f.At(float64(i) / 100)
				peak = math.Max(peak, s)
			}
			if out := peak / 600; out < c.outMin || out > c.outMax {
				t.Errorf("zooms out ×%.2f at most, want ×%g to ×%g", out, c.outMin, c.outMax)
			}
			// The centre moves forward along the line and never overshoots.
			prev := -1.0
			for i := 0; i <= 100; i++ {
				x, y, _ := f.At(float64(i) / 100)
				if x < prev-1e-6 || x > c.distance+1e-6 || math.Abs(y) > 1e-6 {
					t.Fatalf("at %d%% the centre is at %g, %g (previous x %g)", i, x, y, prev)
				}
				prev = x
			}
		})
	}
}

// A zoom on the spot changes the scale geometrically (eased), never past either end.
func TestFlightPureZoom(t *testing.T) {
	f := NewFlight(5, 5, 4000, 5, 5, 250, 1000)
	if got, want := f.Length(), math.Log(16)/math.Sqrt2; math.Abs(got-want) > 1e-9 {
		t.Errorf("length %g, want ln 16 / √2 = %g", got, want)
	}
	_, _, mid := f.At(0.5)
	if math.Abs(mid-1000) > 1e-6 {
		t.Errorf("halfway the scale is %g, want the geometric mean 1000", mid)
	}
	prev := 4000.0
	for i := 1; i <= 50; i++ {
		_, _, s := f.At(float64(i) / 50)
		if s > prev || s < 250 {
			t.Fatalf("scale at %d/50 is %g after %g", i, s, prev)
		}
		prev = s
	}
}

func TestFlightDuration(t *testing.T) {
	cases := []struct {
		name string
		f    Flight
		want func(time.Duration) bool
	}{
		{"nowhere to go", NewFlight(1, 2, 300, 1, 2, 300, 1400), func(d time.Duration) bool { return d == 0 }},
		{"a small step is not rushed", NewFlight(0, 0, 600, 5e4, 0, 600, 1400), func(d time.Duration) bool { return d == FlightMinTime }},
		{"across the theatre in under a second", NewFlight(0, 0, 150, 8e6, 2e6, 150, 1400), func(d time.Duration) bool { return d == FlightMaxTime && d < time.Second }},
		{"a zoom from the theatre to a city", NewFlight(0, 0, 9000, 0, 0, 150, 1400), func(d time.Duration) bool { return d > FlightMinTime && d <= FlightMaxTime }},
	}
	for _, c := range cases {
		if d := c.f.Duration(); !c.want(d) {
			t.Errorf("%s: %v (length %.2f)", c.name, d, c.f.Length())
		}
	}
}

func TestEaseInOut(t *testing.T) {
	cases := []struct{ t, want float64 }{{-1, 0}, {0, 0}, {0.5, 0.5}, {1, 1}, {2, 1}, {0.25, 0.103515625}}
	for _, c := range cases {
		if got := EaseInOut(c.t); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("EaseInOut(%g) = %g, want %g", c.t, got, c.want)
		}
	}
	// Symmetric, increasing.
	for i := 0; i <= 100; i++ {
		x := float64(i) / 100
		if d := EaseInOut(x) + EaseInOut(1-x) - 1; math.Abs(d) > 1e-12 {
			t.Errorf("not symmetric at %g: %g", x, d)
		}
		if i > 0 && EaseInOut(x) < EaseInOut(x-0.01) {
			t.Errorf("decreases at %g", x)
		}
	}
}
