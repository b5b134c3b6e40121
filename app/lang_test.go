package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestEveryUIStringIsTranslatable checks that every literal passed to lang.L in the app has an
// entry in translations/en.json, so a new language is a translation file, not a code change.
func TestEveryUIStringIsTranslatable(t *testing.T) {
	data, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	if err := json.Unmarshal(data, &en); err != nil {
		t.Fatalf("translations/en.json: %v", err)
	}
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
