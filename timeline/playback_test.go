package timeline

import (
	"math"
	"testing"
	"time"
)

func TestPlaybackAdvance(t *testing.T) {
	start := DayOf(1942, 11, 19)
	tests := []struct {
		name        string
		from        Day
		speed       int
		play        bool
		elapsed     time.Duration
		want        float64
		wantPlaying bool
	}{
		{"paused does not move", start, 0, false, 10 * time.Second, float64(start), false},
		{"1 day/s for 1.5 s", start, 0, true, 1500 * time.Millisecond, float64(start) + 1.5, true},
		{"1 week/s for 2 s", start, 1, true, 2 * time.Second, float64(start) + 14, true},
		{"1 month/s for 1 s", start, 2, true, time.Second, float64(start) + 30, true},
		{"3 months/s for 100 ms", start, 3, true, 100 * time.Millisecond, float64(start) + 9, true},
		{"1 year/s for 1 s", start, 4, true, time.Second, float64(start) + 365, true},
		{"negative elapsed ignored", start, 4, true, -time.Second, float64(start), true},
		{"stops at period end", DayOf(1953, 12, 1), 4, true, time.Second, float64(PeriodEnd), false},
		{"exactly at period end", PeriodEnd - 1, 0, true, time.Second, float64(PeriodEnd), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := NewPlayback(tc.from)
			p.SetSpeed(tc.speed)
			if tc.play {
				p.Play()
			}
			got := p.Advance(tc.elapsed)
			if math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("Advance(%v) = %v, want %v", tc.elapsed, got, tc.want)
			}
			if p.Playing() != tc.wantPlaying {
				t.Errorf("Playing() = %v, want %v", p.Playing(), tc.wantPlaying)
			}
		})
	}
}

func TestPlaybackStep(t *testing.T) {
	tests := []struct {
		name string
		from Day
		unit StepUnit
		n    int
		want Day
	}{
		{"next day", DayOf(1942, 11, 19), StepDay, 1, DayOf(1942, 11, 20)},
		{"previous day over a month", DayOf(1942, 12, 1), StepDay, -1, DayOf(1942, 11, 30)},
		{"next week", DayOf(1942, 11, 19), StepWeek, 1, DayOf(1942, 11, 26)},
		{"back two weeks", DayOf(1943, 1, 5), StepWeek, -2, DayOf(1942, 12, 22)},
		{"next month", DayOf(1942, 11, 19), StepMonth, 1, DayOf(1942, 12, 19)},
		{"month over a year", DayOf(1942, 12, 15), StepMonth, 1, DayOf(1943, 1, 15)},
		{"31 Jan to leap February", DayOf(1940, 1, 31), StepMonth, 1, DayOf(1940, 2, 29)},
		{"31 Jan to plain February", DayOf(1941, 1, 31), StepMonth, 1, DayOf(1941, 2, 28)},
		{"31 Mar back to February", DayOf(1942, 3, 31), StepMonth, -1, DayOf(1942, 2, 28)},
		{"twelve months", DayOf(1941, 6, 22), StepMonth, 12, DayOf(1942, 6, 22)},
		{"clamped at the start", DayOf(1936, 1, 10), StepMonth, -1, PeriodStart},
		{"clamped at the end", DayOf(1953, 12, 30), StepWeek, 1, PeriodEnd},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := NewPlayback(tc.from)
			p.Step(tc.unit, tc.n)
			if got := p.Date(); got != tc.want {
				t.Errorf("Step from %s = %s, want %s", tc.from.Date(), got.Date(), tc.want.Date())
			}
		})
	}
}

func TestPlaybackTickWithFakeClock(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	p := NewPlayback(DayOf(1941, 6, 22))
	p.Now = func() time.Time { return now }
	p.SetSpeed(1) // 1 week/s
	p.Play()
	now = now.Add(500 * time.Millisecond)
	if got, want := p.Tick(), float64(DayOf(1941, 6, 22))+3.5; math.Abs(got-want) > 1e-9 {
		t.Errorf("Tick after 0.5 s = %v, want %v", got, want)
	}
	p.Pause()
	now = now.Add(time.Hour)
	if got, want := p.Tick(), float64(DayOf(1941, 6, 22))+3.5; got != want {
		t.Errorf("Tick while paused = %v, want %v", got, want)
	}
	p.Play() // resets the reference time: the hour paused does not count
	now = now.Add(time.Second)
	if got, want := p.Tick(), float64(DayOf(1941, 6, 22))+10.5; math.Abs(got-want) > 1e-9 {
		t.Errorf("Tick after resuming for 1 s = %v, want %v", got, want)
	}
}

func TestPlaybackControls(t *testing.T) {
	p := NewPlayback(DayOf(1920, 1, 1))
	if got := p.Date(); got != PeriodStart {
		t.Errorf("NewPlayback(1920) at %s, want %s", got.Date(), PeriodStart.Date())
	}
	p.Slower()
	if got := p.SpeedIndex(); got != 0 {
		t.Errorf("Slower at the slowest: speed %d, want 0", got)
	}
	for i := 0; i < 10; i++ {
		p.Faster()
	}
	if got := p.Speed().DaysPerSec; got != 365 {
		t.Errorf("fastest speed %v days/s, want 365", got)
	}
	p.Seek(float64(PeriodEnd) + 100)
	if got := p.Date(); got != PeriodEnd {
		t.Errorf("Seek past the end at %s, want %s", got.Date(), PeriodEnd.Date())
	}
	p.Toggle()
	if !p.Playing() || p.Date() != PeriodStart {
		t.Errorf("Play at the end: playing %v at %s, want playing from %s", p.Playing(), p.Date().Date(), PeriodStart.Date())
	}
	p.Toggle()
	if p.Playing() {
		t.Errorf("Toggle while playing left it playing")
	}
	p.Seek(math.NaN())
	if got := p.Date(); got != PeriodStart {
		t.Errorf("Seek(NaN) moved to %s, want to stay at %s", got.Date(), PeriodStart.Date())
	}
}
