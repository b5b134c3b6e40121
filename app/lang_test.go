package app

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"frontline-atlas/timeline"
)

// TestEveryUIStringIsTranslatable checks that every literal passed to lang.L in the app has an
// entry in translations/en.json, so a new language is a translation file, not a code change.
func TestEveryUIStringIsTranslatable(t *testing.T) {
	en := englishKeys(t)
	call := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")\)`)
	files, _ := filepath.Glob("*.go")
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			key, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			n++
			if _, ok := en[key]; !ok {
				t.Errorf("%s: %q is not in translations/en.json", f, key)
			}
		}
	}
	if n < 20 {
		t.Fatalf("found only %d lang.L calls: is the pattern broken?", n)
	}
}

// TestTranslationsComplete checks that every translation file has every English key, each
// translated (not empty), so no language shows a mix of English and its own words.
func TestTranslationsComplete(t *testing.T) {
	read := func(name string) map[string]string {
		data, err := os.ReadFile(filepath.Join("translations", name))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return m
	}
	en := read("en.json")
	files, _ := filepath.Glob("translations/*.json")
	if len(files) < 2 {
		t.Fatalf("want English and at least one other language, found %v", files)
	}
	for _, f := range files {
		name := filepath.Base(f)
		if name == "en.json" {
			continue
		}
		tr := read(name)
		for k := range en {
			if tr[k] == "" {
				t.Errorf("%s: %q is not translated", name, k)
			}
		}
		for k := range tr {
			if _, ok := en[k]; !ok {
				t.Errorf("%s: %q is not a key of en.json", name, k)
			}
		}
	}
}

// TestCLocaleIsQuiet runs this test binary again under the C.UTF-8 locale of servers and
// containers and checks that setting up the interface's languages logs nothing: the C locale
// reads as English, without Fyne's "Error parsing user locale".
func TestCLocaleIsQuiet(t *testing.T) {
	if os.Getenv("FRONTLINE_LOCALE_CHILD") == "1" {
		setupTranslations()
		return
	}
	for _, env := range [][]string{{"LANG=C.UTF-8"}, {"LC_ALL=C.utf8", "LANG=en_US.UTF-8"}, {"LANG=POSIX"}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCLocaleIsQuiet$", "-test.count=1")
		cmd.Env = append(cleanLocaleEnv(), "FRONTLINE_LOCALE_CHILD=1")
		cmd.Env = append(cmd.Env, env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: child failed: %v\n%s", env, err, out)
		}
		if bytes.Contains(bytes.ToLower(out), []byte("locale")) {
			t.Errorf("%v: the child logged about the locale:\n%s", env, out)
		}
	}
}

// TestKindLabelsAreTranslatable checks the texts translated by value rather than as literals:
// the label of every kind (singular above a title, plural over a group of links or search
// hits) and the headings of the details pages.
func TestKindLabelsAreTranslatable(t *testing.T) {
	en := englishKeys(t)
	var keys []string
	for _, k := range timeline.Kinds {
		keys = append(keys, k.Label(), k.PluralLabel())
	}
	for _, pg := range pages {
		for _, g := range pg.groups {
			keys = append(keys, g.heading())
		}
	}
	for _, k := range keys {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is not in translations/en.json", k)
		}
	}
}

// cleanLocaleEnv returns the environment without any locale variable.
func cleanLocaleEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "LANG" || k == "LANGUAGE" || strings.HasPrefix(k, "LC_") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// englishKeys reads translations/en.json: every text the interface translates.
func englishKeys(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	if err := json.Unmarshal(data, &en); err != nil {
		t.Fatalf("translations/en.json: %v", err)
	}
	return en
}
