package timeline

import (
	"math"
	"testing"
)

func TestGlideSpan(t *testing.T) {
	y41, y45 := float64(DayOf(1941, 1, 1)), float64(DayOf(1945, 1, 1))
	cases := []struct {
		name               string
		a0, a1, b0, b1, t  float64
		wantStart, wantEnd float64
	}{
		{"start", y41, y41 + 365, y45, y45 + 365, 0, y41, y41 + 365},
		{"end", y41, y41 + 365, y45, y45 + 365, 1, y45, y45 + 365},
		{"before the start is the start", y41, y41 + 365, y45, y45 + 365, -3, y41, y41 + 365},
		{"after the end is the end", y41, y41 + 365, y45, y45 + 365, 7, y45, y45 + 365},
		{"halfway at one span slides halfway", y41, y41 + 365, y45, y45 + 365, 0.5, (y41 + y45) / 2, (y41+y45)/2 + 365},
		{"halfway from a year to a week about one centre is the geometric mean span", 0, 364, 178, 186, 0.5, 182 - math.Sqrt(364*8)/2, 182 + math.Sqrt(364*8)/2},
	}
	for _, c := range cases {
		s, e := GlideSpan(c.a0, c.a1, c.b0, c.b1, c.t)
		if math.Abs(s-c.wantStart) > 1e-9 || math.Abs(e-c.wantEnd) > 1e-9 {
			t.Errorf("%s: got %g–%g, want %g–%g", c.name, s, e, c.wantStart, c.wantEnd)
		}
	}
	// Moving forward in time, the window never moves back and the span never overshoots.
	prev := y41
	for i := 0; i <= 100; i++ {
		s, e := GlideSpan(y41, y41+1000, y45, y45+100, float64(i)/100)
		if (s+e)/2 < prev-1e-9 || e-s > 1000+1e-9 || e-s < 100-1e-9 {
			t.Fatalf("at %d%%: %g–%g", i, s, e)
		}
		prev = (s + e) / 2
	}
}
