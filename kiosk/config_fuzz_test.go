package kiosk

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParseKiosk: whatever the settings file holds, Parse does not panic; the settings it
// returns are always usable (every duration within its limits, reset after attract, a chord
// that parses again to itself, a PIN of digits or none, a known language); and every problem
// it reports names the file and a line.
func FuzzParseKiosk(f *testing.F) {
	f.Add(`{}`)
	f.Add(`{"attract_after": "2m", "reset_after": "10m", "stop_time": "8s", "exit_chord": "Ctrl+Shift+F12", "exit_pin": "2718", "long_press": "3s", "language": "ru", "tours": ["a", "b"], "log_dir": "/var/log/atlas"}`)
	f.Add("{\"attract_after\": \"x\",\n\"language\": \"fr\",\n\"tours\": [1, \"a\", \"a\"],\n\"colour\": 1}")
	f.Add(`{"reset_after": "1m"} {}`)
	f.Add(`{"tours": [`)
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse("k.json", []byte(src))
		if c.AttractAfter < MinAttractAfter || c.ResetAfter > MaxResetAfter || c.ResetAfter <= c.AttractAfter {
			t.Fatalf("durations %v, %v", c.AttractAfter, c.ResetAfter)
		}
		if c.StopTime < MinStopTime || c.StopTime > MaxStopTime || c.LongPress < MinLongPress || c.LongPress > MaxLongPress {
			t.Fatalf("stop time %v, long press %v", c.StopTime, c.LongPress)
		}
		if ch, err := ParseChord(c.ExitChord.String()); err != nil || ch != c.ExitChord {
			t.Fatalf("chord %q does not parse back: %v", c.ExitChord, err)
		}
		if !pinRE.MatchString(c.ExitPIN) || (c.Language != "en" && c.Language != "ru") {
			t.Fatalf("PIN %q, language %q", c.ExitPIN, c.Language)
		}
		if err == nil {
			return
		}
		var ce *ConfigError
		if !errors.As(err, &ce) || len(ce.Problems) == 0 {
			t.Fatalf("error %T %v", err, err)
		}
		for _, p := range ce.Problems {
			if !strings.HasPrefix(p, "k.json:") {
				t.Fatalf("problem %q does not name the file and line", p)
			}
		}
	})
}
