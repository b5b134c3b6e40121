// Package kiosk is the logic of kiosk mode without Fyne: the settings file (Config, Load),
// the idle state machine that starts the attract loop and resets the exhibit (Machine), the
// exit chord (Chord), the PIN gate behind the hidden long-press (PINGate, LongPress) and the
// maths of a two-finger pinch (Pinch). Time is always passed in, never read, so the tests run
// a week of idle and touches in milliseconds. The app package draws and wires it
// (app/kiosk*.go); docs/kiosk.md is the operator's guide.
package kiosk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Config is the kiosk's settings file (kiosk.json). Every field is optional; Defaults says
// what an absent field means.
type Config struct {
	// AttractAfter is how long nobody touches the screen before the attract loop starts.
	AttractAfter time.Duration
	// ResetAfter is how long nobody touches the screen before everything returns to the home
	// view (selection, history, filters, search, language, zoom). Longer than AttractAfter.
	ResetAfter time.Duration
	// StopTime is how long the attract loop shows each stop (after playing a stop's range).
	StopTime time.Duration
	// ExitChord is the key chord that leaves kiosk mode at once.
	ExitChord Chord
	// ExitPIN is the PIN asked after the hidden long-press; "" turns the long-press exit off.
	ExitPIN string
	// LongPress is how long the title must be held to ask for the PIN.
	LongPress time.Duration
	// Language is the language the exhibit starts in and returns to: "en" or "ru".
	Language string
	// Tours are the ids of the tours the attract loop plays, in order; empty plays them all in
	// the pack's order.
	Tours []string
	// LogDir is the folder of the log file; "" means DefaultLogDir().
	LogDir string
	// TourLines are the line numbers of Tours' elements in the file, for CheckTours' messages
	// (0 when not read from a file).
	TourLines []int
	// Path is the file the settings were read from; "" for the defaults.
	Path string
}

// Limits on the durations of the settings file.
const (
	MinAttractAfter = 10 * time.Second
	MaxResetAfter   = 24 * time.Hour
	MinStopTime     = 3 * time.Second
	MaxStopTime     = 5 * time.Minute
	MinLongPress    = 2 * time.Second
	MaxLongPress    = 30 * time.Second
	MinPINDigits    = 4
	MaxPINDigits    = 12
)

// Defaults returns the settings of a kiosk without a settings file: attract after 90 s, reset
// after 3 min, 12 s a stop, exit chord Ctrl+Alt+Shift+Q, no PIN (the long-press exit is off),
// a 5 s long-press, English, every tour, the default log folder.
func Defaults() Config {
	ch, _ := ParseChord(DefaultChord)
	return Config{
		AttractAfter: 90 * time.Second,
		ResetAfter:   3 * time.Minute,
		StopTime:     12 * time.Second,
		ExitChord:    ch,
		LongPress:    5 * time.Second,
		Language:     "en",
	}
}

// DefaultChord is the exit chord of Defaults.
const DefaultChord = "Ctrl+Alt+Shift+Q"

// Languages are the languages the exhibit may start in.
var Languages = []string{"en", "ru"}

// DefaultPath returns where the app looks for kiosk.json when --kiosk-config is not given:
// the user's configuration folder, frontline-atlas/kiosk.json (Linux
// ~/.config/frontline-atlas/kiosk.json, Windows %AppData%\frontline-atlas\kiosk.json, macOS
// ~/Library/Application Support/frontline-atlas/kiosk.json).
func DefaultPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "kiosk.json"
	}
	return filepath.Join(dir, "frontline-atlas", "kiosk.json")
}

// DefaultLogDir returns the log folder when the settings name none: on Linux
// $XDG_STATE_HOME/frontline-atlas (~/.local/state/frontline-atlas), on Windows
// %LOCALAPPDATA%\Frontline Atlas\logs, on macOS ~/Library/Logs/Frontline Atlas.
func DefaultLogDir() string { return defaultLogDir(os.Getenv, os.UserHomeDir, goos) }

func defaultLogDir(getenv func(string) string, home func() (string, error), system string) string {
	switch system {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "Frontline Atlas", "logs")
		}
	case "darwin":
		if h, err := home(); err == nil {
			return filepath.Join(h, "Library", "Logs", "Frontline Atlas")
		}
	default:
		if d := getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "frontline-atlas")
		}
		if h, err := home(); err == nil {
			return filepath.Join(h, ".local", "state", "frontline-atlas")
		}
	}
	return filepath.Join(os.TempDir(), "frontline-atlas")
}

// maxConfigBytes bounds the settings file: a real one is a few hundred bytes.
const maxConfigBytes = 64 << 10

// Load reads the settings file at path. A missing file is an error wrapping fs.ErrNotExist
// (the caller decides whether the defaults do). A file with problems returns the settings
// with the defaults in place of each field in error, and an error listing every problem,
// each as "FILE:LINE: FIELD: what is wrong".
func Load(path string) (Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return Defaults(), fmt.Errorf("kiosk settings: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		return Defaults(), fmt.Errorf("kiosk settings %s: not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return Defaults(), fmt.Errorf("kiosk settings %s: %w", path, err)
	}
	if len(data) > maxConfigBytes {
		return Defaults(), fmt.Errorf("kiosk settings %s: larger than %d KiB; a settings file is a few hundred bytes", path, maxConfigBytes>>10)
	}
	return Parse(path, data)
}

// Parse reads settings from data; name is the file named in messages.
func Parse(name string, data []byte) (Config, error) {
	c := Defaults()
	c.Path = name
	p := problems{name: name, data: data, failed: map[string]bool{}, offsets: map[string]int64{}}
	parseFields(&c, &p)
	if c.ResetAfter <= c.AttractAfter {
		if !p.failed["reset_after"] && !p.failed["attract_after"] {
			p.add(p.offsets["reset_after"], "reset_after", "%s must be longer than attract_after (%s)", human(c.ResetAfter), human(c.AttractAfter))
		}
		c.ResetAfter = max(Defaults().ResetAfter, c.AttractAfter+time.Minute)
	}
	return c, p.err()
}

// parseFields reads the fields of the object in p.data into c, each problem into p.
func parseFields(c *Config, p *problems) {
	dec := json.NewDecoder(bytes.NewReader(p.data))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		if err == nil {
			err = errors.New("want a JSON object {…}")
		}
		p.add(0, "", "%v", err)
		return
	}
	seen := map[string]bool{}
	for dec.More() {
		off := dec.InputOffset()
		kt, err := dec.Token()
		if err != nil {
			p.add(off, "", "%v", err)
			return
		}
		key := kt.(string)
		var raw json.RawMessage
		valOff := dec.InputOffset()
		if err := dec.Decode(&raw); err != nil {
			p.add(valOff, key, "%v", err)
			return
		}
		if seen[key] {
			p.add(off, key, "given twice")
			continue
		}
		seen[key] = true
		at := valueStart(p.data, valOff)
		field, ok := fields[key]
		if !ok {
			p.add(at, key, "unknown field (the fields are %s)", strings.Join(fieldNames(), ", "))
			continue
		}
		field(c, key, raw, at, p)
	}
	if _, err := dec.Token(); err != nil {
		p.add(dec.InputOffset(), "", "%v", err)
	} else if _, err := dec.Token(); err != io.EOF {
		p.add(dec.InputOffset(), "", "unexpected text after the object")
	}
}

// valueStart skips the colon and blanks between a key and its value.
func valueStart(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.ContainsRune(" \t\r\n:", rune(data[off])) {
		off++
	}
	return off
}

// fields decode and check each field of the file; a bad value leaves the default.
var fields = map[string]func(c *Config, key string, raw json.RawMessage, at int64, p *problems){
	"attract_after": durationField(func(c *Config) *time.Duration { return &c.AttractAfter }, MinAttractAfter, MaxResetAfter),
	"reset_after":   durationField(func(c *Config) *time.Duration { return &c.ResetAfter }, MinAttractAfter, MaxResetAfter),
	"stop_time":     durationField(func(c *Config) *time.Duration { return &c.StopTime }, MinStopTime, MaxStopTime),
	"long_press":    durationField(func(c *Config) *time.Duration { return &c.LongPress }, MinLongPress, MaxLongPress),
	"exit_chord": func(c *Config, key string, raw json.RawMessage, at int64, p *problems) {
		s, ok := stringField(raw, at, "exit_chord", p)
		if !ok {
			return
		}
		ch, err := ParseChord(s)
		if err != nil {
			p.add(at, "exit_chord", "%v", err)
			return
		}
		c.ExitChord = ch
	},
	"exit_pin": func(c *Config, key string, raw json.RawMessage, at int64, p *problems) {
		s, ok := stringField(raw, at, "exit_pin", p)
		if !ok {
			return
		}
		if !pinRE.MatchString(s) {
			p.add(at, "exit_pin", "%q: want %d to %d digits, as a string (\"2718\"), or \"\" to turn the long-press exit off", s, MinPINDigits, MaxPINDigits)
			return
		}
		c.ExitPIN = s
	},
	"language": func(c *Config, key string, raw json.RawMessage, at int64, p *problems) {
		s, ok := stringField(raw, at, "language", p)
		if !ok {
			return
		}
		for _, l := range Languages {
			if s == l {
				c.Language = s
				return
			}
		}
		p.add(at, "language", "%q: want %s", s, strings.Join(Languages, " or "))
	},
	"tours": func(c *Config, key string, raw json.RawMessage, at int64, p *problems) {
		var ids []json.RawMessage
		if err := json.Unmarshal(raw, &ids); err != nil {
			p.add(at, "tours", "want a list of tour ids, e.g. [\"road-to-war\", \"1941\"]")
			return
		}
		var out []string
		var lines []int
		seen := map[string]bool{}
		off := at
		for i, r := range ids {
			if j := bytes.Index(p.data[off:], r); j >= 0 {
				off += int64(j)
			}
			var s string
			if err := json.Unmarshal(r, &s); err != nil || s == "" {
				p.add(off, fmt.Sprintf("tours[%d]", i), "%s: want a tour id in quotes", string(r))
				continue
			}
			if seen[s] {
				p.add(off, fmt.Sprintf("tours[%d]", i), "%q is listed twice", s)
				continue
			}
			seen[s] = true
			out = append(out, s)
			lines = append(lines, p.line(off))
		}
		c.Tours, c.TourLines = out, lines
	},
	"log_dir": func(c *Config, key string, raw json.RawMessage, at int64, p *problems) {
		s, ok := stringField(raw, at, "log_dir", p)
		if !ok {
			return
		}
		if s != "" && !filepath.IsAbs(s) {
			p.add(at, "log_dir", "%q: want an absolute folder (or \"\" for the default, %s)", s, DefaultLogDir())
			return
		}
		c.LogDir = s
	},
}

var pinRE = regexp.MustCompile(fmt.Sprintf(`^([0-9]{%d,%d})?$`, MinPINDigits, MaxPINDigits))

func fieldNames() []string {
	var out []string
	for k := range fields {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func stringField(raw json.RawMessage, at int64, name string, p *problems) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		p.add(at, name, "%s: want a string in quotes", string(raw))
		return "", false
	}
	return s, true
}

func durationField(ptr func(*Config) *time.Duration, lo, hi time.Duration) func(*Config, string, json.RawMessage, int64, *problems) {
	return func(c *Config, name string, raw json.RawMessage, at int64, p *problems) {
		s, ok := stringField(raw, at, name, p)
		if !ok {
			p.failed[name] = true
			return
		}
		d, err := time.ParseDuration(s)
		switch {
		case err != nil:
			p.add(at, name, "%q: want a duration such as \"90s\", \"3m\" or \"1m30s\"", s)
		case d < lo || d > hi:
			p.add(at, name, "%q: want %s to %s", s, human(lo), human(hi))
		default:
			*ptr(c) = d
			p.offsets[name] = at
			return
		}
		p.failed[name] = true
	}
}

// human writes a duration as the file would: 90s → 1m30s, 3m0s → 3m, 1h0m0s → 1h.
func human(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// problems collects every problem of a settings file.
type problems struct {
	name    string
	data    []byte
	list    []string
	failed  map[string]bool  // fields whose value was refused
	offsets map[string]int64 // where accepted fields lie, for later cross-field checks
}

func (p *problems) line(off int64) int {
	if off > int64(len(p.data)) {
		off = int64(len(p.data))
	}
	return 1 + bytes.Count(p.data[:off], []byte{'\n'})
}

func (p *problems) add(off int64, field, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		msg = field + ": " + msg
	}
	p.list = append(p.list, fmt.Sprintf("%s:%d: %s", p.name, p.line(off), msg))
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return &ConfigError{Problems: p.list}
}

// ConfigError lists every problem of a settings file, each naming the file, the line and the
// field.
type ConfigError struct{ Problems []string }

// Error returns the problems, one a line.
func (e *ConfigError) Error() string {
	if len(e.Problems) == 1 {
		return "kiosk settings: " + e.Problems[0]
	}
	return fmt.Sprintf("kiosk settings: %d problems:\n  %s", len(e.Problems), strings.Join(e.Problems, "\n  "))
}

// CheckTours checks the settings' tour ids against the tours of the pack (known, in pack
// order) and returns the ids the attract loop plays: the settings' own, or all of known when
// the settings name none. An unknown id is left out and named in the error with its line.
func (c Config) CheckTours(known []string) ([]string, error) {
	if len(c.Tours) == 0 {
		return append([]string(nil), known...), nil
	}
	have := map[string]bool{}
	for _, k := range known {
		have[k] = true
	}
	var out, bad []string
	for i, id := range c.Tours {
		if have[id] {
			out = append(out, id)
			continue
		}
		line := 0
		if i < len(c.TourLines) {
			line = c.TourLines[i]
		}
		bad = append(bad, fmt.Sprintf("%s:%d: tours[%d]: the pack has no tour %q (its tours: %s)", c.Path, line, i, id, strings.Join(known, ", ")))
	}
	if len(bad) > 0 {
		return out, &ConfigError{Problems: bad}
	}
	return out, nil
}
