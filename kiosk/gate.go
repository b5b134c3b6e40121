package kiosk

import (
	"crypto/subtle"
	"time"
)

// LongPress tells a hold of the hidden exit area long enough to ask for the PIN. The app calls
// Down and Up as the pointer goes down and up on the area, and Due from its clock tick; Due
// reports true once per hold, after Hold has passed.
type LongPress struct {
	Hold  time.Duration
	down  bool
	since time.Time
	fired bool
}

// Down starts a hold at now.
func (l *LongPress) Down(now time.Time) { l.down, l.since, l.fired = true, now, false }

// Up ends the hold (a tap, a drag away, the pointer lifted).
func (l *LongPress) Up() { l.down = false }

// Held reports whether a hold is under way.
func (l *LongPress) Held() bool { return l.down }

// Due reports, once per hold, that the area has been held for Hold by now.
func (l *LongPress) Due(now time.Time) bool {
	if !l.down || l.fired || l.Hold <= 0 || now.Sub(l.since) < l.Hold {
		return false
	}
	l.fired = true
	return true
}

// PINGate checks the PIN typed on the keypad. After MaxTries wrong PINs in a row it refuses
// every PIN for Lockout, so a visitor cannot try them all (10,000 four-digit PINs at 3 every
// minute take more than two days).
type PINGate struct {
	PIN      string
	MaxTries int           // wrong PINs before a lockout; 3 when 0
	Lockout  time.Duration // 60 s when 0
	wrong    int
	until    time.Time
}

// Try checks pin at now. It returns true for the right PIN outside a lockout; otherwise false
// and how long the gate stays locked (0 when it is not).
func (g *PINGate) Try(pin string, now time.Time) (ok bool, locked time.Duration) {
	if g.PIN == "" {
		return false, 0
	}
	if now.Before(g.until) {
		return false, g.until.Sub(now)
	}
	if subtle.ConstantTimeCompare([]byte(pin), []byte(g.PIN)) == 1 {
		g.wrong = 0
		return true, 0
	}
	g.wrong++
	tries, lock := g.MaxTries, g.Lockout
	if tries <= 0 {
		tries = 3
	}
	if lock <= 0 {
		lock = time.Minute
	}
	if g.wrong >= tries {
		g.wrong = 0
		g.until = now.Add(lock)
		return false, lock
	}
	return false, 0
}

// Locked returns how long the gate stays locked at now; 0 when it is open.
func (g *PINGate) Locked(now time.Time) time.Duration {
	if now.Before(g.until) {
		return g.until.Sub(now)
	}
	return 0
}
