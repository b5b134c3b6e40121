package timeline

import (
	"math"
	"math/rand"
	"strings"
	"testing"
)

// ticksCheck fails t unless ticks are strictly increasing, inside the view, and their labels
// (and the lead label) stay inside the view without overlapping.
func ticksCheck(t *testing.T, m *TickMaker, s Scale, ticks []Tick, what string) {
	t.Helper()
	lead, lx, lw := m.Lead()
	prevRight := math.Inf(-1)
	if lead != "" {
		prevRight = lx + lw
		if lx < 0 || lx+lw > s.Width() {
			t.Fatalf("%s: lead label %q [%v, %v] outside view width %v", what, lead, lx, lx+lw, s.Width())
		}
	}
	for i, tk := range ticks {
		if tk.X < 0 || tk.X > s.Width() {
			t.Fatalf("%s: tick %d (%v) at x=%v outside [0, %v]", what, i, tk.Day.Date(), tk.X, s.Width())
		}
		if want := s.X(float64(tk.Day)); math.Abs(tk.X-want) > 1e-9 {
			t.Fatalf("%s: tick %d x=%v, want X(day)=%v", what, i, tk.X, want)
		}
		if i > 0 && tk.X <= ticks[i-1].X {
			t.Fatalf("%s: tick %d x=%v not after tick %d x=%v", what, i, tk.X, i-1, ticks[i-1].X)
		}
		if tk.Label == "" {
			continue
		}
		if tk.LabelX < prevRight+m.Gap-1e-9 {
			t.Fatalf("%s: label %q at %v overlaps the previous label ending at %v (unit %s)", what, tk.Label, tk.LabelX, prevRight, m.Unit())
		}
		if tk.LabelX < tk.X || tk.LabelX+tk.LabelW > s.Width()+1e-9 {
			t.Fatalf("%s: label %q box [%v, %v] not right of its tick %v inside the view", what, tk.Label, tk.LabelX, tk.LabelX+tk.LabelW, tk.X)
		}
		if got, want := tk.LabelW, m.measure(tk.Label); got != want {
			t.Fatalf("%s: label %q width %v, want %v", what, tk.Label, got, want)
		}
		prevRight = tk.LabelX + tk.LabelW
	}
}

func TestTicksRandomViews(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	measures := map[string]func(string) float64{
		"estimate": nil,
		"wide":     func(s string) float64 { return 11 * float64(len(s)) },
		"uneven":   func(s string) float64 { return 4*float64(len(s)) + float64(strings.Count(s, "M")*9) },
	}
	for name, measure := range measures {
		m := NewTickMaker(measure)
		units := map[string]bool{}
		for i := 0; i < 1500; i++ {
			w := 150 + rng.Float64()*3700
			s := NewScale(w)
			s.ZoomAbout(math.Exp(rng.Float64()*math.Log(s.MaxPxPerDay()/s.MinPxPerDay()+1)), rng.Float64()*w)
			s.Pan(rng.NormFloat64() * w * 20)
			ticks := m.Ticks(s)
			units[m.Unit()] = true
			ticksCheck(t, m, s, ticks, name)
			labelled := 0
			for _, tk := range ticks {
				if tk.Label != "" {
					labelled++
				}
			}
			if lead, _, _ := m.Lead(); labelled == 0 && lead == "" && m.Unit() != "10 years" && m.Unit() != "5 years" {
				t.Fatalf("%s: no label at %v px/day, width %v (unit %s)", name, s.PxPerDay(), w, m.Unit())
			}
		}
		for _, u := range []string{"day", "week", "month", "quarter", "year"} {
			if !units[u] {
				t.Errorf("%s: random views never chose unit %q (chose %v)", name, u, units)
			}
		}
	}
}

func TestTicksUnitsAndLabels(t *testing.T) {
	day := func(y, m, d int) float64 { return float64(DayOf(y, m, d)) }
	tests := []struct {
		name       string
		width      float64
		from, to   float64
		wantUnit   string
		wantLabels []string // the first labels, in order
		wantLead   string
	}{
		{"whole period", 1920, day(1936, 1, 1), day(1954, 1, 1), "year", []string{"1936", "1937", "1938"}, ""},
		{"whole period narrow", 320, day(1936, 1, 1), day(1954, 1, 1), "5 years", []string{"1940", "1945", "1950"}, ""},
		{"one year", 1920, day(1942, 1, 1), day(1943, 1, 1), "month", []string{"1942", "Feb", "Mar"}, ""},
		{"six years", 1920, day(1941, 6, 1), day(1947, 6, 1), "quarter", []string{"Q4", "1942", "Q2", "Q3"}, "1941"},
		{"two months", 1920, day(1942, 11, 10), day(1943, 1, 10), "week", []string{"16 Nov", "23 Nov", "Dec 1942", "7 Dec"}, "Nov 1942"},
		{"ten days", 1920, day(1942, 11, 19), day(1942, 11, 29), "day", []string{"20 Nov", "21 Nov"}, "Nov 1942"},
		{"month start at day zoom", 1000, day(1942, 11, 28), day(1942, 12, 3), "day", []string{"29 Nov", "30 Nov", "1 Dec 1942", "2 Dec"}, "Nov 1942"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewScale(tc.width)
			s.ShowRange(tc.from, tc.to)
			m := NewTickMaker(nil)
			ticks := m.Ticks(s)
			ticksCheck(t, m, s, ticks, tc.name)
			if got := m.Unit(); got != tc.wantUnit {
				t.Errorf("unit = %q, want %q", got, tc.wantUnit)
			}
			var got []string
			for _, tk := range ticks {
				if tk.Label != "" && len(got) < len(tc.wantLabels) {
					got = append(got, tk.Label)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.wantLabels, "|") {
				t.Errorf("first labels = %q, want %q", got, tc.wantLabels)
			}
			if lead, _, _ := m.Lead(); lead != tc.wantLead {
				t.Errorf("lead = %q, want %q", lead, tc.wantLead)
			}
		})
	}
}

func TestTicksMajorFlags(t *testing.T) {
	s := NewScale(1920)
	s.ShowRange(float64(DayOf(1941, 1, 1)), float64(DayOf(1944, 1, 1)))
	m := NewTickMaker(nil)
	years := 0
	for _, tk := range m.Ticks(s) {
		d := tk.Day.Date()
		isYear := d.Month == 1 && d.Day == 1
		if tk.Major != isYear {
			t.Errorf("tick %v: Major = %v, want %v", d, tk.Major, isYear)
		}
		if isYear {
			years++
		}
	}
	if years != 4 { // 1941 to 1944 inclusive: the 1944 tick is at the right edge
		t.Errorf("got %d year ticks, want 4", years)
	}
}

func TestTickSeriesFirst(t *testing.T) {
	tests := []struct {
		name string
		ser  tickSeries
		step int
		from Day
		want Day
	}{
		{"monday on monday", tsMonday, 1, DayOf(1942, 11, 16), DayOf(1942, 11, 16)},
		{"monday from thursday", tsMonday, 1, DayOf(1942, 11, 19), DayOf(1942, 11, 23)},
		{"month mid-month", tsMonth, 1, DayOf(1942, 11, 19), DayOf(1942, 12, 1)},
		{"quarter", tsQuarter, 1, DayOf(1942, 11, 19), DayOf(1943, 1, 1)},
		{"quarter on boundary", tsQuarter, 1, DayOf(1942, 7, 1), DayOf(1942, 7, 1)},
		{"5-year step", tsYear, 5, DayOf(1936, 1, 1), DayOf(1940, 1, 1)},
		{"year on boundary", tsYear, 1, DayOf(1944, 1, 1), DayOf(1944, 1, 1)},
	}
	for _, tc := range tests {
		if got := tickFirst(tc.ser, tc.step, float64(tc.from)); got != tc.want {
			t.Errorf("%s: tickFirst = %v, want %v", tc.name, got.Date(), tc.want.Date())
		}
	}
	if got := DayOf(1942, 11, 16).Time().Weekday().String(); got != "Monday" {
		t.Fatalf("16 Nov 1942 is a %s, want Monday", got)
	}
}

func TestTicksNoAllocsWhenWarm(t *testing.T) {
	m := NewTickMaker(nil)
	run := func() {
		s := NewScale(1920)
		for i := 0; i < 40; i++ {
			s.ZoomAbout(1.3, 700)
			m.Ticks(s)
		}
		for i := 0; i < 40; i++ {
			s.Pan(-150)
			m.Ticks(s)
		}
	}
	if allocs := testing.AllocsPerRun(3, run); allocs > 0 {
		t.Errorf("warm Ticks allocated %v times per run of 80 frames, want 0", allocs)
	}
}
