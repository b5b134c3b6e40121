package kiosk

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseGoodFile(t *testing.T) {
	src := `{
  "attract_after": "2m",
  "reset_after": "10m",
  "stop_time": "8s",
  "exit_chord": "ctrl+shift+F12",
  "exit_pin": "2718",
  "long_press": "3s",
  "language": "ru",
  "tours": ["road-to-war", "turning-points"],
  "log_dir": "/var/log/atlas"
}`
	c, err := Parse("kiosk.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{AttractAfter: 2 * time.Minute, ResetAfter: 10 * time.Minute, StopTime: 8 * time.Second,
		ExitChord: Chord{ModCtrl | ModShift, "F12"}, ExitPIN: "2718", LongPress: 3 * time.Second,
		Language: "ru", Tours: []string{"road-to-war", "turning-points"}, TourLines: []int{9, 9}, LogDir: "/var/log/atlas", Path: "kiosk.json"}
	if c.AttractAfter != want.AttractAfter || c.ResetAfter != want.ResetAfter || c.StopTime != want.StopTime ||
		c.ExitChord != want.ExitChord || c.ExitPIN != want.ExitPIN || c.LongPress != want.LongPress ||
		c.Language != want.Language || strings.Join(c.Tours, ",") != strings.Join(want.Tours, ",") ||
		c.LogDir != want.LogDir || c.Path != want.Path || len(c.TourLines) != 2 || c.TourLines[0] != 9 {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
}

func TestParseEmptyObjectGivesDefaults(t *testing.T) {
	c, err := Parse("k.json", []byte("{}\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := Defaults()
	if c.AttractAfter != 90*time.Second || c.ResetAfter != 3*time.Minute || c.ExitChord.String() != "Ctrl+Alt+Shift+Q" ||
		c.ExitPIN != "" || c.Language != "en" || c.LongPress != 5*time.Second || c.StopTime != d.StopTime || c.Tours != nil {
		t.Errorf("defaults: %+v", c)
	}
}

// TestParseProblems: each bad field is named with the file and its line, the others are
// read, and every problem is listed at once.
func TestParseProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // each must appear in the error
		check     func(Config) bool
	}{
		{"unknown field", "{\n\"attract_after\": \"60s\",\n\"atract\": 5}", []string{"k.json:3: atract: unknown field (the fields are attract_after, exit_chord"},
			func(c Config) bool { return c.AttractAfter == time.Minute }},
		{"duration not a string", `{"attract_after": 90}`, []string{"k.json:1: attract_after: 90: want a string in quotes"}, nil},
		{"duration unreadable", `{"reset_after": "three minutes"}`, []string{`reset_after: "three minutes": want a duration such as "90s"`}, nil},
		{"duration too short", `{"attract_after": "1s"}`, []string{`attract_after: "1s": want 10s to 24h`},
			func(c Config) bool { return c.AttractAfter == 90*time.Second }},
		{"reset before attract", "{\"attract_after\": \"5m\",\n \"reset_after\": \"4m\"}", []string{"k.json:2: reset_after: 4m must be longer than attract_after (5m)"},
			func(c Config) bool { return c.ResetAfter > c.AttractAfter }},
		{"reset before default attract", `{"reset_after": "60s"}`, []string{"reset_after: 1m must be longer than attract_after (1m30s)"}, nil},
		{"stop time", `{"stop_time": "1h"}`, []string{`stop_time: "1h": want 3s to 5m`}, nil},
		{"long press", `{"long_press": "100ms"}`, []string{`long_press: "100ms": want 2s to 30s`}, nil},
		{"chord one modifier", `{"exit_chord": "Ctrl+Q"}`, []string{`exit_chord: "Ctrl+Q": want two or more modifiers and a key`}, nil},
		{"chord shift only", `{"exit_chord": "Shift+Shift+Q"}`, []string{"exit_chord:", "given twice"}, nil},
		{"chord no ctrl", `{"exit_chord": "Shift+Super+Q"}`, []string{}, func(c Config) bool { return c.ExitChord.Mods == ModShift|ModSuper }},
		{"chord bad key", `{"exit_chord": "Ctrl+Alt+Escape"}`, []string{`exit_chord: "Ctrl+Alt+Escape": "Escape" is not a key a chord may end in`}, nil},
		{"chord bad modifier", `{"exit_chord": "Ctrl+Hyper+Q"}`, []string{`"Hyper" is not a modifier`}, nil},
		{"pin number", `{"exit_pin": 1234}`, []string{"exit_pin: 1234: want a string in quotes"}, nil},
		{"pin short", `{"exit_pin": "12"}`, []string{`exit_pin: "12": want 4 to 12 digits`}, nil},
		{"pin letters", `{"exit_pin": "12a4"}`, []string{`exit_pin: "12a4"`}, func(c Config) bool { return c.ExitPIN == "" }},
		{"language", `{"language": "de"}`, []string{`language: "de": want en or ru`}, func(c Config) bool { return c.Language == "en" }},
		{"tours not a list", `{"tours": "all"}`, []string{`tours: want a list of tour ids`}, nil},
		{"tours bad element", "{\"tours\": [\n\"a\",\n 5,\n \"a\"]}", []string{"k.json:3: tours[1]: 5: want a tour id in quotes", `k.json:4: tours[2]: "a" is listed twice`},
			func(c Config) bool { return len(c.Tours) == 1 && c.Tours[0] == "a" }},
		{"log dir relative", `{"log_dir": "logs"}`, []string{`log_dir: "logs": want an absolute folder`}, nil},
		{"field twice", `{"language": "ru", "language": "en"}`, []string{"language: given twice"}, func(c Config) bool { return c.Language == "ru" }},
		{"not an object", `["x"]`, []string{"k.json:1: want a JSON object"}, nil},
		{"broken JSON", "{\n\"language\": \"ru\",\n\"tours\": [}", []string{"k.json:3: tours: invalid character"}, func(c Config) bool { return c.Language == "ru" }},
		{"trailing text", `{} {}`, []string{"unexpected text after the object"}, nil},
		{"every problem at once", "{\"attract_after\": \"x\",\n\"language\": \"fr\",\n\"exit_pin\": \"1\",\n\"colour\": 1}",
			[]string{"4 problems", "k.json:1: attract_after", "k.json:2: language", "k.json:3: exit_pin", "k.json:4: colour"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse("k.json", []byte(tc.src))
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
			} else if err == nil {
				t.Fatalf("no error; want %q", tc.want)
			} else {
				var ce *ConfigError
				if !errors.As(err, &ce) {
					t.Errorf("error %T is not a *ConfigError", err)
				}
				for _, w := range tc.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error\n%v\nlacks %q", err, w)
					}
				}
			}
			if tc.check != nil && !tc.check(c) {
				t.Errorf("settings %+v", c)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "none.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	p := filepath.Join(dir, "kiosk.json")
	os.WriteFile(p, []byte(`{"language": "ru"}`), 0o644)
	c, err := Load(p)
	if err != nil || c.Language != "ru" || c.Path != p {
		t.Errorf("Load: %+v, %v", c, err)
	}
	os.WriteFile(p, []byte(`{"tours": ["`+strings.Repeat("a", 70000)+`"]}`), 0o644)
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "larger than 64 KiB") {
		t.Errorf("huge file: %v", err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("folder: %v", err)
	}
}

func TestCheckTours(t *testing.T) {
	known := []string{"road-to-war", "y1941", "japan"}
	c, _ := Parse("k.json", []byte("{\"tours\": [\"japan\",\n \"y1942\", \"road-to-war\"]}"))
	got, err := c.CheckTours(known)
	if strings.Join(got, ",") != "japan,road-to-war" {
		t.Errorf("tours %v", got)
	}
	if err == nil || !strings.Contains(err.Error(), `k.json:2: tours[1]: the pack has no tour "y1942" (its tours: road-to-war, y1941, japan)`) {
		t.Errorf("error %v", err)
	}
	all, err := Defaults().CheckTours(known)
	if err != nil || strings.Join(all, ",") != strings.Join(known, ",") {
		t.Errorf("no tours listed: %v %v", all, err)
	}
}

func TestDefaultLogDir(t *testing.T) {
	env := map[string]string{"LOCALAPPDATA": `C:\Users\k\AppData\Local`, "XDG_STATE_HOME": "/s"}
	home := func() (string, error) { return "/home/k", nil }
	for _, tc := range []struct {
		sys  string
		env  map[string]string
		want string
	}{
		{"linux", env, "/s/frontline-atlas"},
		{"linux", map[string]string{"XDG_STATE_HOME": "rel"}, "/home/k/.local/state/frontline-atlas"},
		{"linux", nil, "/home/k/.local/state/frontline-atlas"},
		{"darwin", nil, "/home/k/Library/Logs/Frontline Atlas"},
		{"windows", env, filepath.Join(`C:\Users\k\AppData\Local`, "Frontline Atlas", "logs")},
	} {
		got := defaultLogDir(func(k string) string { return tc.env[k] }, home, tc.sys)
		if got != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.sys, tc.env, got, tc.want)
		}
	}
}
