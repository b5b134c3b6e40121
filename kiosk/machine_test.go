package kiosk

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

var t0 = time.Date(2026, 6, 22, 9, 0, 0, 0, time.UTC)

func at(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }

func kinds(as []Action) string {
	s := ""
	for _, a := range as {
		switch a.Kind {
		case Reset:
			s += "reset "
		case StartAttract:
			s += fmt.Sprintf("start%d ", a.Stop)
		case ShowStop:
			s += fmt.Sprintf("stop%d ", a.Stop)
		case EndAttract:
			s += "end "
		}
	}
	return s
}

// TestMachineSteps: a table of touches and ticks (seconds from the start) and what each gives,
// with attract after 90 s, reset after 180 s and a playlist of 10 s, 20 s and 10 s stops.
func TestMachineSteps(t *testing.T) {
	m := NewMachine(90*time.Second, 180*time.Second, []time.Duration{10 * time.Second, 20 * time.Second, 10 * time.Second}, t0)
	for _, st := range []struct {
		touch bool
		at    float64
		want  string
		mode  Mode
	}{
		{false, 1, "", Visitor},
		{false, 89.9, "", Visitor},
		{false, 90, "start0 ", Attract},
		{false, 99, "", Attract},
		{false, 100, "stop1 ", Attract},
		{false, 119, "", Attract},
		{false, 120, "stop2 ", Attract},
		{false, 130, "stop0 ", Attract},
		{true, 135, "end ", Visitor}, // handed over on stop 0; the next loop begins at stop 1
		{false, 224, "", Visitor},
		{false, 225, "start1 ", Attract},
		{false, 314, "stop1 ", Attract}, // 245 stop 2, 255 stop 0, 265 stop 1, 285 stop 2, 295 stop 0, 305 stop 1
		{false, 315, "reset stop1 ", Attract},
		{false, 324, "", Attract},
		{false, 325, "stop2 ", Attract},
		{false, 400, "stop1 ", Attract},   // 335 stop 0, 345 stop 1, 365 stop 2, 375 stop 0, 385 stop 1
		{false, 10000, "stop1 ", Attract}, // 9775 s = 244 turns and 15 s: no second reset, no backlog
		{false, 10010, "stop2 ", Attract},
		{true, 10011, "end ", Visitor}, // on stop 2: the next loop begins at stop 0
		{true, 10012, "", Visitor},
		{false, 10102, "start0 ", Attract},
		{false, 10192, "reset stop1 ", Attract}, // reset first, then the stop again
		{true, 10200, "end ", Visitor},
		{false, 10600, "reset start1 ", Attract}, // a jump past both: reset first, the loop where it would be
		{false, 5, "", Attract},                  // the clock went back: idle restarts
		{true, 6, "end ", Visitor},
	} {
		var got []Action
		if st.touch {
			got = m.Touch(at(st.at))
		} else {
			got = m.Tick(at(st.at))
		}
		if kinds(got) != st.want || m.Mode() != st.mode {
			t.Errorf("at %gs (touch %v): %q mode %d; want %q mode %d", st.at, st.touch, kinds(got), m.Mode(), st.want, st.mode)
		}
	}
}

func TestMachineWithoutTours(t *testing.T) {
	m := NewMachine(90*time.Second, 180*time.Second, nil, t0)
	if got := kinds(m.Tick(at(95))); got != "start0 " {
		t.Errorf("attract without tours: %q", got)
	}
	if got := kinds(m.Tick(at(3000))); got != "reset " { // nothing to show again
		t.Errorf("reset without tours: %q", got)
	}
	if got := kinds(m.Touch(at(3001))); got != "end " {
		t.Errorf("touch: %q", got)
	}
}

// TestMachineWeek simulates a week of an exhibit with a fake clock: visitors come in bursts
// of touches at random, with quiet spells of seconds to hours between, and the clock ticks
// every 250 ms while anything can happen and in jumps while nothing can. It checks, against
// a model of what should happen, that the attract loop starts exactly when the screen has
// been idle for 90 s, that a touch always hands over, that each idle spell of 3 min or more
// gives exactly one reset and a shorter one none, and that stops advance in order.
func TestMachineWeek(t *testing.T) {
	const attract, reset = 90 * time.Second, 180 * time.Second
	dwell := []time.Duration{12 * time.Second, 30 * time.Second, 12 * time.Second, 17 * time.Second}
	m := NewMachine(attract, reset, dwell, t0)
	rng := rand.New(rand.NewPCG(1, 2))
	now, last := t0, t0
	end := t0.Add(7 * 24 * time.Hour)
	var resets, wantResets, attracts, handovers, touches, ticks int
	resetThisSpell := false
	prevStop := -1
	for now.Before(end) {
		// A quiet spell, ticked through.
		quiet := time.Duration(rng.ExpFloat64() * float64(4*time.Minute))
		if rng.IntN(20) == 0 {
			quiet = time.Duration(rng.Int64N(int64(12 * time.Hour))) // the museum closed
		}
		spellEnd := now.Add(quiet)
		for now.Before(spellEnd) {
			step := 250 * time.Millisecond
			if now.Sub(last) > reset+time.Minute && rng.IntN(50) == 0 {
				step = time.Duration(rng.Int64N(int64(time.Hour))) // a jump
			}
			now = now.Add(step)
			ticks++
			idle := now.Sub(last)
			for _, a := range m.Tick(now) {
				switch a.Kind {
				case Reset:
					resets++
					if idle < reset || resetThisSpell {
						t.Fatalf("%v: reset after %v idle (already reset: %v)", now, idle, resetThisSpell)
					}
					resetThisSpell = true
				case StartAttract:
					attracts++
					if idle < attract {
						t.Fatalf("%v: attract after %v idle", now, idle)
					}
					prevStop = a.Stop
				case ShowStop:
					if a.Stop < 0 || a.Stop >= len(dwell) {
						t.Fatalf("stop %d", a.Stop)
					}
					prevStop = a.Stop
				case EndAttract:
					t.Fatal("EndAttract from a tick")
				}
			}
			if idle >= attract && m.Mode() != Attract {
				t.Fatalf("%v: idle %v but not attracting", now, idle)
			}
			if idle < attract && m.Mode() != Visitor {
				t.Fatalf("%v: idle %v but attracting", now, idle)
			}
		}
		if now.Sub(last) >= reset {
			wantResets++
		}
		// A visitor: a burst of touches a second or so apart.
		for n := 1 + rng.IntN(40); n > 0; n-- {
			wasAttract := m.Mode() == Attract
			acts := m.Touch(now)
			touches++
			if wasAttract != (len(acts) == 1 && acts[0].Kind == EndAttract) || m.Mode() != Visitor {
				t.Fatalf("%v: touch in attract=%v gave %q", now, wasAttract, kinds(acts))
			}
			if wasAttract {
				handovers++
				if m.Stop() != (prevStop+1)%len(dwell) {
					t.Fatalf("after a handover on stop %d the next loop begins at %d", prevStop, m.Stop())
				}
			}
			last = now
			resetThisSpell = false
			now = now.Add(time.Duration(200+rng.IntN(3000)) * time.Millisecond)
			m.Tick(now)
		}
	}
	if resets != wantResets {
		t.Errorf("%d resets, want %d", resets, wantResets)
	}
	if attracts < 100 || handovers < 100 || resets < 100 {
		t.Errorf("too little happened: %d attract loops, %d handovers, %d resets", attracts, handovers, resets)
	}
	t.Logf("a week: %d ticks, %d touches, %d attract loops, %d handovers, %d resets", ticks, touches, attracts, handovers, resets)
}

// TestMachineDoesNotAllocate: a tick and a touch allocate nothing, however long it runs.
func TestMachineDoesNotAllocate(t *testing.T) {
	m := NewMachine(90*time.Second, 180*time.Second, []time.Duration{10 * time.Second}, t0)
	now := t0
	n := testing.AllocsPerRun(10000, func() {
		now = now.Add(time.Second)
		m.Tick(now)
		if now.Second() == 0 && now.Minute()%7 == 0 {
			m.Touch(now)
		}
	})
	if n != 0 {
		t.Errorf("%v allocations a tick", n)
	}
}
