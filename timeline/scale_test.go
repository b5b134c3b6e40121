package timeline

import (
	"math"
	"math/rand"
	"testing"
)

const scaleTestEps = 1e-6

func TestNewScaleFitsPeriod(t *testing.T) {
	for _, w := range []float64{1, 320, 1920, 3840} {
		s := NewScale(w)
		if got, want := s.X(float64(PeriodStart)), 0.0; math.Abs(got-want) > scaleTestEps {
			t.Errorf("width %v: X(PeriodStart) = %v, want %v", w, got, want)
		}
		if got, want := s.X(float64(PeriodEnd)+1), w; math.Abs(got-want) > scaleTestEps {
			t.Errorf("width %v: X(end of PeriodEnd) = %v, want %v", w, got, want)
		}
	}
	if got := NewScale(-5).Width(); got != 1 {
		t.Errorf("NewScale(-5).Width() = %v, want 1", got)
	}
}

func TestScaleRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	s := NewScale(1920)
	for i := 0; i < 2000; i++ {
		s.ZoomAbout(math.Exp(rng.Float64()*4-1), rng.Float64()*1920)
		s.Pan(rng.Float64()*4000 - 2000)
		d := s.Start() + rng.Float64()*(s.End()-s.Start())
		if got := s.Day(s.X(d)); math.Abs(got-d) > 1e-6 {
			t.Fatalf("step %d: Day(X(%v)) = %v, want %v", i, d, got, d)
		}
		x := rng.Float64() * 1920
		if got := s.X(s.Day(x)); math.Abs(got-x) > 1e-6 {
			t.Fatalf("step %d: X(Day(%v)) = %v, want %v", i, x, got, x)
		}
	}
}

// scaleCheckInvariants fails t if s has left the period or the zoom limits.
func scaleCheckInvariants(t *testing.T, s Scale, step int) {
	t.Helper()
	if s.Start() < float64(PeriodStart)-scaleTestEps {
		t.Fatalf("step %d: Start %v before PeriodStart %v", step, s.Start(), PeriodStart)
	}
	if s.End() > float64(PeriodEnd)+1+1e-6 {
		t.Fatalf("step %d: End %v after end of period %v", step, s.End(), float64(PeriodEnd)+1)
	}
	if s.PxPerDay() < s.MinPxPerDay()-1e-12 || s.PxPerDay() > s.MaxPxPerDay()+1e-9 {
		t.Fatalf("step %d: PxPerDay %v outside [%v, %v]", step, s.PxPerDay(), s.MinPxPerDay(), s.MaxPxPerDay())
	}
	if math.IsNaN(s.Start()) || math.IsNaN(s.PxPerDay()) {
		t.Fatalf("step %d: NaN in scale %+v", step, s)
	}
}

func TestScaleClampInvariantsRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for trial := 0; trial < 20; trial++ {
		w := 200 + rng.Float64()*3000
		s := NewScale(w)
		for i := 0; i < 500; i++ {
			switch rng.Intn(5) {
			case 0, 1:
				s.ZoomAbout(math.Exp(rng.NormFloat64()*2), rng.Float64()*w*1.2-0.1*w)
			case 2, 3:
				s.Pan(rng.NormFloat64() * 5000)
			case 4:
				w = 100 + rng.Float64()*3000
				s.SetWidth(w)
			}
			scaleCheckInvariants(t, s, i)
		}
	}
}

func TestScaleZoomKeepsPointerTime(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	s := NewScale(1920)
	kept := 0
	for i := 0; i < 3000; i++ {
		x := rng.Float64() * 1920
		before := s
		d := s.Day(x)
		f := math.Exp(rng.NormFloat64())
		s.ZoomAbout(f, x)
		want := before.PxPerDay() * f
		clamped := want < s.MinPxPerDay() || want > s.MaxPxPerDay() ||
			d-x/want < float64(PeriodStart) || d+(1920-x)/want > float64(PeriodEnd)+1
		if clamped {
			scaleCheckInvariants(t, s, i)
		} else {
			kept++
			if got := s.Day(x); math.Abs(got-d) > 1e-6 {
				t.Fatalf("step %d: zoom %v about x=%v moved day %v to %v", i, f, x, d, got)
			}
		}
		if rng.Intn(4) == 0 {
			s.Pan(rng.NormFloat64() * 3000)
		}
	}
	if kept < 500 {
		t.Fatalf("only %d unclamped zooms: the test did not exercise the property", kept)
	}
}

func TestScaleOperations(t *testing.T) {
	first, end := float64(PeriodStart), float64(PeriodEnd)+1
	stalingrad := float64(DayOf(1942, 11, 19))
	tests := []struct {
		name      string
		do        func(s *Scale)
		wantStart float64
		wantPPD   float64
	}{
		{"pan when zoomed out does nothing", func(s *Scale) { s.Pan(500) }, first, 1000 / (end - first)},
		{"zoom out past limit", func(s *Scale) { s.ZoomAbout(0.1, 300) }, first, 1000 / (end - first)},
		{"zoom in past limit", func(s *Scale) { s.ShowRange(stalingrad, stalingrad+1); s.ZoomAbout(10, 500) }, stalingrad + 0.5 - 2.5, 200},
		{"show one year", func(s *Scale) { s.ShowRange(float64(DayOf(1942, 1, 1)), float64(DayOf(1943, 1, 1))) }, float64(DayOf(1942, 1, 1)), 1000.0 / 365},
		{"show range past the end", func(s *Scale) { s.ShowRange(end-10, end+10) }, end - 20, 50},
		{"pan left past the start", func(s *Scale) { s.ShowRange(first+10, first+20); s.Pan(1e6) }, first, 100},
		{"pan right past the end", func(s *Scale) { s.ShowRange(first+10, first+20); s.Pan(-1e9) }, end - 10, 100},
		{"drag right shows earlier", func(s *Scale) { s.ShowRange(stalingrad, stalingrad+10); s.Pan(100) }, stalingrad - 1, 100},
		{"center on", func(s *Scale) { s.ShowRange(first, first+100); s.CenterOn(stalingrad) }, stalingrad - 50, 10},
		{"NaN zoom ignored", func(s *Scale) { s.ZoomAbout(math.NaN(), 10) }, first, 1000 / (end - first)},
		{"narrowing keeps zoom", func(s *Scale) { s.ShowRange(stalingrad, stalingrad+10); s.SetWidth(500) }, stalingrad, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewScale(1000)
			tc.do(&s)
			if math.Abs(s.Start()-tc.wantStart) > 1e-6 {
				t.Errorf("Start = %v, want %v", s.Start(), tc.wantStart)
			}
			if math.Abs(s.PxPerDay()-tc.wantPPD) > 1e-9 {
				t.Errorf("PxPerDay = %v, want %v", s.PxPerDay(), tc.wantPPD)
			}
			scaleCheckInvariants(t, s, 0)
		})
	}
}

func TestZeroScaleShowsNothing(t *testing.T) {
	var s Scale
	if got := NewTickMaker(nil).Ticks(s); len(got) != 0 {
		t.Errorf("Ticks(zero Scale) = %d ticks, want 0", len(got))
	}
	l, err := NewLayout(layoutSynthetic(50, 1, true), LayoutOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Arrange(s); len(got) != 0 {
		t.Errorf("Arrange(zero Scale) = %d placed, want 0", len(got))
	}
}
