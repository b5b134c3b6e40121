package timeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"frontline-atlas/buildinfo"
)

// An export's pack.json names the program and version that wrote it, and loads again.
func TestExportNamesGenerator(t *testing.T) {
	dir := t.TempDir()
	if _, err := Export(loadTestPack(t), dir); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, PackInfoFile))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Generator string }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Generator != buildinfo.String() {
		t.Fatalf("pack.json generator %q, want %q", doc.Generator, buildinfo.String())
	}
	if _, err := LoadDir(dir); err != nil {
		t.Fatalf("the export does not load: %v", err)
	}
	// A generator that is not a string is reported with the file and the key; the pack's own
	// problems are still all reported.
	bad := strings.Replace(string(data), `"generator": "`+buildinfo.String()+`"`, `"generator": 7`, 1)
	bad = strings.Replace(bad, `"version": `, `"versoin": `, 1)
	if err := os.WriteFile(filepath.Join(dir, PackInfoFile), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadDir(dir)
	if err == nil || !strings.Contains(err.Error(), `"generator": want a string`) || !strings.Contains(err.Error(), "versoin") {
		t.Fatalf("a numeric generator and a misspelt field: got %v", err)
	}
}
