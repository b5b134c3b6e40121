package kiosk

import (
	"testing"
	"time"
)

func TestParseChord(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Ctrl+Alt+Shift+Q", "Ctrl+Alt+Shift+Q", true},
		{" control + alt + x ", "Ctrl+Alt+X", true},
		{"Shift+Win+f5", "Shift+Super+F5", true},
		{"Ctrl+Alt+delete", "Ctrl+Alt+Delete", true},
		{"Ctrl+Alt+F24", "Ctrl+Alt+F24", true},
		{"Ctrl+Alt+F25", "", false},
		{"Ctrl+Alt+F0", "", false},
		{"Ctrl+Alt+F05", "", false},
		{"Ctrl+Alt+Space", "", false},
		{"Ctrl+Alt+", "", false},
		{"Shift+Shift+Q", "", false},
		{"Q", "", false},
		{"", "", false},
	} {
		c, err := ParseChord(tc.in)
		if (err == nil) != tc.ok || (tc.ok && c.String() != tc.want) {
			t.Errorf("ParseChord(%q) = %q, %v; want %q ok=%v", tc.in, c, err, tc.want, tc.ok)
		}
	}
}

func TestChordMatches(t *testing.T) {
	c, _ := ParseChord("Ctrl+Alt+Shift+Q")
	if !c.Matches("Q", ModCtrl|ModAlt|ModShift) || !c.Matches("q", ModCtrl|ModAlt|ModShift) {
		t.Error("the chord itself does not match")
	}
	for _, m := range []int{0, ModCtrl, ModCtrl | ModAlt, ModCtrl | ModAlt | ModShift | ModSuper} {
		if c.Matches("Q", m) {
			t.Errorf("Q with modifiers %b matches", m)
		}
	}
	if c.Matches("W", ModCtrl|ModAlt|ModShift) || (Chord{}).Matches("", 0) {
		t.Error("another key matches")
	}
}

func TestLongPress(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	l := LongPress{Hold: 5 * time.Second}
	if l.Due(t0.Add(time.Hour)) {
		t.Error("due without a press")
	}
	l.Down(t0)
	if l.Due(t0.Add(4900 * time.Millisecond)) {
		t.Error("due before 5 s")
	}
	if !l.Due(t0.Add(5 * time.Second)) {
		t.Error("not due at 5 s")
	}
	if l.Due(t0.Add(6 * time.Second)) {
		t.Error("due twice in one hold")
	}
	l.Up()
	l.Down(t0.Add(10 * time.Second))
	l.Up()
	if l.Due(t0.Add(20 * time.Second)) {
		t.Error("a released press came due")
	}
}

func TestPINGate(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	g := PINGate{PIN: "2718"}
	if ok, _ := g.Try("2718", t0); !ok {
		t.Fatal("the right PIN is refused")
	}
	for i, want := range []time.Duration{0, 0, time.Minute} {
		if ok, lock := g.Try("0000", t0); ok || lock != want {
			t.Errorf("wrong PIN %d: ok=%v lock=%v, want lock %v", i+1, ok, lock, want)
		}
	}
	if ok, lock := g.Try("2718", t0.Add(30*time.Second)); ok || lock != 30*time.Second {
		t.Errorf("the right PIN during the lockout: ok=%v lock=%v", ok, lock)
	}
	if ok, _ := g.Try("2718", t0.Add(time.Minute)); !ok {
		t.Error("the right PIN after the lockout is refused")
	}
	if ok, _ := (&PINGate{}).Try("", t0); ok {
		t.Error("an empty PIN opens a gate without a PIN")
	}
	if ok, _ := g.Try("27180", t0.Add(2*time.Minute)); ok {
		t.Error("a longer PIN opens")
	}
}
