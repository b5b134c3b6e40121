package kiosk

import (
	"fmt"
	"strings"
)

// Modifier bits of a chord. They have the values of Fyne's fyne.KeyModifier, so the app
// compares them directly.
const (
	ModShift = 1 << 0
	ModCtrl  = 1 << 1
	ModAlt   = 1 << 2
	ModSuper = 1 << 3
)

// Chord is a key with modifiers, such as Ctrl+Alt+Shift+Q.
type Chord struct {
	Mods int    // ModShift | ModCtrl | ModAlt | ModSuper
	Key  string // the key as Fyne names it: "Q", "0", "F12", "Delete"
}

// String writes the chord as the settings file does: "Ctrl+Alt+Shift+Q".
func (c Chord) String() string {
	var parts []string
	for _, m := range []struct {
		bit  int
		name string
	}{{ModCtrl, "Ctrl"}, {ModAlt, "Alt"}, {ModShift, "Shift"}, {ModSuper, "Super"}} {
		if c.Mods&m.bit != 0 {
			parts = append(parts, m.name)
		}
	}
	return strings.Join(append(parts, c.Key), "+")
}

// Matches reports whether a key pressed with modifiers mods is the chord.
func (c Chord) Matches(key string, mods int) bool {
	return c.Key != "" && strings.EqualFold(key, c.Key) && mods&(ModShift|ModCtrl|ModAlt|ModSuper) == c.Mods
}

var modNames = map[string]int{
	"ctrl": ModCtrl, "control": ModCtrl,
	"alt":   ModAlt,
	"shift": ModShift,
	"super": ModSuper, "win": ModSuper, "cmd": ModSuper, "meta": ModSuper,
}

// chordKeys are the keys a chord may end in besides letters, digits and F1–F24: keys a
// visitor cannot reach on screen and a desktop does not take for itself.
var chordKeys = map[string]string{
	"delete": "Delete", "insert": "Insert", "home": "Home", "end": "End",
	"backspace": "BackSpace", "pause": "Pause",
}

// ParseChord reads a chord such as "Ctrl+Alt+Shift+Q": two or more modifiers (Ctrl, Alt,
// Shift, Super), at least one of them Ctrl, Alt or Super, then one key (a letter, a digit,
// F1–F24, Delete, Insert, Home, End, BackSpace or Pause). Case does not matter.
func ParseChord(s string) (Chord, error) {
	parts := strings.Split(strings.TrimSpace(s), "+")
	if len(parts) < 3 {
		return Chord{}, fmt.Errorf("%q: want two or more modifiers and a key, e.g. %q", s, DefaultChord)
	}
	var c Chord
	for _, p := range parts[:len(parts)-1] {
		m, ok := modNames[strings.ToLower(strings.TrimSpace(p))]
		if !ok {
			return Chord{}, fmt.Errorf("%q: %q is not a modifier (want Ctrl, Alt, Shift or Super)", s, p)
		}
		if c.Mods&m != 0 {
			return Chord{}, fmt.Errorf("%q: %s is given twice", s, p)
		}
		c.Mods |= m
	}
	if c.Mods&(ModCtrl|ModAlt|ModSuper) == 0 {
		return Chord{}, fmt.Errorf("%q: want Ctrl, Alt or Super among the modifiers", s)
	}
	key := strings.TrimSpace(parts[len(parts)-1])
	switch k := strings.ToUpper(key); {
	case len(k) == 1 && (k[0] >= 'A' && k[0] <= 'Z' || k[0] >= '0' && k[0] <= '9'):
		c.Key = k
	case len(k) >= 2 && k[0] == 'F' && validF(k[1:]):
		c.Key = k
	case chordKeys[strings.ToLower(key)] != "":
		c.Key = chordKeys[strings.ToLower(key)]
	default:
		return Chord{}, fmt.Errorf("%q: %q is not a key a chord may end in (a letter, a digit, F1–F24, Delete, Insert, Home, End, BackSpace or Pause)", s, key)
	}
	return c, nil
}

func validF(n string) bool {
	v := 0
	for _, r := range n {
		if r < '0' || r > '9' {
			return false
		}
		v = v*10 + int(r-'0')
	}
	return len(n) <= 2 && v >= 1 && v <= 24 && n[0] != '0'
}
