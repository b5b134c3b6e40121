package kiosk

import "time"

// Mode is what the kiosk is doing.
type Mode int

// The kiosk's modes.
const (
	// Visitor: someone is using it (or has just left); the screen is theirs.
	Visitor Mode = iota
	// Attract: nobody has touched it for AttractAfter; the attract loop plays tour stops
	// under "Touch to explore".
	Attract
)

// ActionKind is what the machine asks the app to do.
type ActionKind int

// The actions of a Machine, in the order the app is to carry them out when several come at
// once.
const (
	// Reset: return everything to the home view (selection, history, filters, search,
	// language, zoom). Once per idle period, ResetAfter after the last touch.
	Reset ActionKind = iota + 1
	// StartAttract: show the attract loop, beginning with stop Action.Stop of the playlist.
	StartAttract
	// ShowStop: the attract loop moves on to stop Action.Stop (or shows it again after a
	// Reset).
	ShowStop
	// EndAttract: a touch hands the screen to the visitor, on the stop shown.
	EndAttract
)

// Action is one thing the app is asked to do.
type Action struct {
	Kind ActionKind
	Stop int // the playlist index, for StartAttract and ShowStop
}

// Machine is the kiosk's idle state machine: touches and clock ticks in, actions out. It
// reads no clock; the app passes the time to Touch and Tick (a real clock in the window, a
// fake one in tests). The attract loop walks a playlist of stops, each shown for its dwell
// time, round and round; after a touch it resumes from the stop after the one it was on.
// Not safe for concurrent use: the app calls it from its UI goroutine.
type Machine struct {
	attractAfter, resetAfter time.Duration
	dwell                    []time.Duration
	cycle                    time.Duration // the sum of dwell

	mode   Mode
	last   time.Time // the last touch (or the start)
	reset  bool      // the reset of this idle period is done
	pos    int       // the playlist stop shown, or to show next
	stopAt time.Time // when the stop shown began
	buf    [4]Action
}

// NewMachine returns a machine in Visitor mode as if touched at now. dwell holds how long
// each stop of the playlist is shown (a stop that plays a range: its playing time and the
// hold after it); an empty playlist makes the attract loop a still "Touch to explore".
// A dwell under a second counts as a second. resetAfter must exceed attractAfter (Config
// guarantees it); otherwise it is taken as attractAfter.
func NewMachine(attractAfter, resetAfter time.Duration, dwell []time.Duration, now time.Time) *Machine {
	m := &Machine{attractAfter: attractAfter, resetAfter: max(resetAfter, attractAfter), last: now, stopAt: now}
	for _, d := range dwell {
		d = max(d, time.Second)
		m.dwell = append(m.dwell, d)
		m.cycle += d
	}
	return m
}

// Mode returns what the kiosk is doing.
func (m *Machine) Mode() Mode { return m.mode }

// Stop returns the playlist index of the stop the attract loop shows (or will show next).
func (m *Machine) Stop() int { return m.pos }

// StopElapsed returns how long the stop shown has been shown at now (for playing its range).
func (m *Machine) StopElapsed(now time.Time) time.Duration {
	if m.mode != Attract || now.Before(m.stopAt) {
		return 0
	}
	return now.Sub(m.stopAt)
}

// IdleFor returns how long nobody has touched the screen at now.
func (m *Machine) IdleFor(now time.Time) time.Duration { return max(now.Sub(m.last), 0) }

// Touch records a touch (any input) at now. In Attract mode it hands the screen over: the
// result is EndAttract, and the next attract loop begins at the following stop. The result
// is valid until the next call.
func (m *Machine) Touch(now time.Time) []Action {
	out := m.buf[:0]
	if m.mode == Attract {
		m.mode = Visitor
		if len(m.dwell) > 0 {
			m.pos = (m.pos + 1) % len(m.dwell)
		}
		out = append(out, Action{Kind: EndAttract})
	}
	m.last, m.reset = now, false
	return out
}

// Tick advances the machine to now and returns what to do, in order. A clock that jumps
// (a suspended machine, a week of fake time) gives at most one Reset and the one stop due
// now, never a backlog. A clock that goes backwards counts as a touch without handing over.
// The result is valid until the next call.
func (m *Machine) Tick(now time.Time) []Action {
	out := m.buf[:0]
	if now.Before(m.last) {
		m.last = now
		m.stopAt = now
		return out
	}
	idle := now.Sub(m.last)
	doReset := !m.reset && idle >= m.resetAfter
	if doReset {
		m.reset = true
		out = append(out, Action{Kind: Reset})
	}
	switch {
	case m.mode == Visitor && idle >= m.attractAfter:
		m.mode = Attract
		m.stopAt = m.last.Add(m.attractAfter)
		m.advance(now)
		out = append(out, Action{Kind: StartAttract, Stop: m.pos})
	case m.mode == Attract:
		if m.advance(now) || doReset && len(m.dwell) > 0 {
			out = append(out, Action{Kind: ShowStop, Stop: m.pos})
		}
	}
	return out
}

// advance moves the playlist to the stop due at now and reports whether it moved.
func (m *Machine) advance(now time.Time) bool {
	if len(m.dwell) == 0 {
		return false
	}
	moved := false
	if behind := now.Sub(m.stopAt); behind > 2*m.cycle {
		// Whole turns of the loop pass without showing anything.
		turns := behind/m.cycle - 1
		m.stopAt = m.stopAt.Add(turns * m.cycle)
		moved = true
	}
	for now.Sub(m.stopAt) >= m.dwell[m.pos] {
		m.stopAt = m.stopAt.Add(m.dwell[m.pos])
		m.pos = (m.pos + 1) % len(m.dwell)
		moved = true
	}
	return moved
}
