package app

import (
	"bytes"
	"errors"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFilePrefsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cfg", PrefsFile)
	p := OpenPrefs(path)
	changes := 0
	p.AddChangeListener(func() { changes++ })
	p.SetBool("b", true)
	p.SetFloat("f", 1.25)
	p.SetInt("i", -7)
	p.SetString("s", "Königsberg")
	p.SetBoolList("bl", []bool{true, false})
	p.SetFloatList("fl", []float64{0.5, 2})
	p.SetIntList("il", []int{1920, 1080})
	p.SetStringList("sl", []string{"a", "б"})
	p.SetString("gone", "x")
	p.RemoveValue("gone")
	if changes != 10 {
		t.Errorf("listeners called %d times, want 10", changes)
	}

	q := OpenPrefs(path)
	if got := q.Bool("b"); !got {
		t.Errorf("Bool = %v, want true", got)
	}
	if got := q.Float("f"); got != 1.25 {
		t.Errorf("Float = %v, want 1.25", got)
	}
	if got := q.Int("i"); got != -7 {
		t.Errorf("Int = %v, want -7", got)
	}
	if got := q.String("s"); got != "Königsberg" {
		t.Errorf("String = %q", got)
	}
	if got := q.BoolList("bl"); !reflect.DeepEqual(got, []bool{true, false}) {
		t.Errorf("BoolList = %v", got)
	}
	if got := q.FloatList("fl"); !reflect.DeepEqual(got, []float64{0.5, 2}) {
		t.Errorf("FloatList = %v", got)
	}
	if got := q.IntList("il"); !reflect.DeepEqual(got, []int{1920, 1080}) {
		t.Errorf("IntList = %v", got)
	}
	if got := q.StringList("sl"); !reflect.DeepEqual(got, []string{"a", "б"}) {
		t.Errorf("StringList = %v", got)
	}
	if got := q.StringWithFallback("gone", "fallback"); got != "fallback" {
		t.Errorf("removed value = %q, want the fallback", got)
	}
}

func TestFilePrefsWrongTypeGivesFallback(t *testing.T) {
	p := OpenPrefs("")
	p.SetString("n", "twelve")
	p.SetFloat("half", 0.5)
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"int from a string", p.IntWithFallback("n", 12), 12},
		{"int from a fraction", p.IntWithFallback("half", 3), 3},
		{"bool from a string", p.BoolWithFallback("n", true), true},
		{"list from a scalar", p.StringListWithFallback("n", []string{"x"}), []string{"x"}},
		{"missing float", p.FloatWithFallback("nope", 1.5), 1.5},
	}
	for _, tc := range tests {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

// TestFilePrefsCorruptFile checks the files a kill mid-write left with Fyne's own store (empty,
// cut off) and garbage: the defaults are used, one line is logged, and the bad file is kept
// aside; the next change writes a good file.
func TestFilePrefsCorruptFile(t *testing.T) {
	for name, content := range map[string]string{"empty": "", "cut off": `{"textScale": 1.2, "wind`, "not an object": `[1,2]`, "null": "null"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, PrefsFile)
			os.WriteFile(path, []byte(content), 0o600)
			var logged bytes.Buffer
			log.SetOutput(&logged)
			defer log.SetOutput(os.Stderr)
			p := OpenPrefs(path)
			if n := strings.Count(logged.String(), "\n"); n != 1 || !strings.Contains(logged.String(), "set aside") {
				t.Errorf("logged %d lines: %q, want one saying the file was set aside", n, logged.String())
			}
			if got := p.FloatWithFallback("textScale", 1); got != 1 {
				t.Errorf("textScale = %v, want the default 1", got)
			}
			if _, err := os.Stat(path + ".bad"); err != nil {
				t.Errorf("the bad file was not kept: %v", err)
			}
			p.SetFloat("textScale", 1.5)
			if got := OpenPrefs(path).Float("textScale"); got != 1.5 {
				t.Errorf("after a change, reopened textScale = %v, want 1.5", got)
			}
		})
	}
}

// TestFilePrefsFailedWrite checks a write the disk refuses: the value stays in force for the
// session, the error is kept and logged once however often it recurs, and the file on disk
// keeps its previous content (atomicfile's tests show that a refused write leaves it whole).
func TestFilePrefsFailedWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), PrefsFile)
	p := OpenPrefs(path)
	p.SetInt("w", 1280)
	full := errors.New("no space left on device")
	p.writeFile = func(string, []byte, os.FileMode) error { return full }
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	p.SetInt("w", 1920)
	p.SetInt("h", 1080)
	if !errors.Is(p.SaveError(), full) {
		t.Errorf("SaveError() = %v, want %v", p.SaveError(), full)
	}
	if n := strings.Count(logged.String(), "\n"); n != 1 {
		t.Errorf("logged %d lines for two failed writes, want 1:\n%s", n, logged.String())
	}
	if got := p.Int("w"); got != 1920 {
		t.Errorf("in memory w = %d, want 1920", got)
	}
	if got := OpenPrefs(path).Int("w"); got != 1280 {
		t.Errorf("on disk w = %d, want the old 1280", got)
	}
}
