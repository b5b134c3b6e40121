package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDir copies the folder src (regular files and folders) to dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A pack with a missing image (a warning for validate) exports whole: every file is written,
// the image is named in a warning, and the exit status is 0.
func TestExportDoesNotStopOnAWarning(t *testing.T) {
	pack := filepath.Join(t.TempDir(), "pack")
	copyDir(t, "testdata/badmap", pack)
	os.Remove(filepath.Join(pack, "images", "zhukov.png"))
	os.RemoveAll(filepath.Join(pack, "map")) // the broken layers are not what this test is about
	out := filepath.Join(t.TempDir(), "export")
	var stdout, stderr bytes.Buffer
	code := Run(Command{Name: "export", Content: pack, Output: out}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("export exited %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "warning: image images/zhukov.png") {
		t.Errorf("no warning names the missing image:\n%s", stderr.String())
	}
	for _, name := range []string{"pack.json", "events.json", "people.json", "events.geojson", "places.geojson", "fronts.geojson"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s was not written: %v", name, err)
		}
	}
}

// Export refuses to write into the pack it reads, or inside it, and the pack is untouched.
func TestExportRefusesToWriteIntoThePack(t *testing.T) {
	pack := filepath.Join(t.TempDir(), "pack")
	copyDir(t, "testdata/badmap", pack)
	before, _ := os.ReadFile(filepath.Join(pack, "content.json"))
	link := filepath.Join(t.TempDir(), "same-pack")
	if err := os.Symlink(pack, link); err != nil {
		link = ""
	}
	for _, tc := range []struct{ out, want string }{
		{pack, "is the content pack being exported"},
		{filepath.Join(pack, "."), "is the content pack being exported"},
		{filepath.Join(pack, "images"), "is inside the content pack being exported"},
		{filepath.Join(pack, "export", "new"), "is inside the content pack being exported"},
		{link, "is the content pack being exported"},
	} {
		if tc.out == "" {
			continue
		}
		var stdout, stderr bytes.Buffer
		code := Run(Command{Name: "export", Content: pack, Output: tc.out}, &stdout, &stderr)
		if code != 1 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("export -o %s: exit %d, stderr:\n%s\nwant 1 and %q", tc.out, code, stderr.String(), tc.want)
		}
	}
	after, _ := os.ReadFile(filepath.Join(pack, "content.json"))
	if !bytes.Equal(before, after) {
		t.Error("the pack's content.json changed")
	}
	if _, err := os.Stat(filepath.Join(pack, "events.json")); err == nil {
		t.Error("export wrote events.json into the pack")
	}
	if _, err := os.Stat(filepath.Join(pack, "export")); err == nil {
		t.Error("export made a folder inside the pack")
	}
}

// Other JSON files in the export folder are read with the exported files by a pack loader:
// the export says so, and whether the folder still loads.
func TestExportWarnsOfOtherJSONFiles(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"breaks the pack", "notes.json", `{"todo": "check the dates"}`, "notes.json, which load with the exported files, and the folder does not load as a content pack"},
		{"adds to the pack", "extra.json", `{"sources": [{"id": "extra-source", "citation": "An extra book"}]}`, "extra.json, which load with the exported files: the pack there is more than what was exported"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			if err := os.WriteFile(filepath.Join(out, tc.file), []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if code := Run(Command{Name: "export", Output: out}, &stdout, &stderr); code != 0 {
				t.Fatalf("export exited %d:\n%s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr:\n%s\nwant %q", stderr.String(), tc.want)
			}
		})
	}
	// Without other files, no warning.
	var stdout, stderr bytes.Buffer
	if code := Run(Command{Name: "export", Output: t.TempDir()}, &stdout, &stderr); code != 0 || stderr.Len() != 0 {
		t.Errorf("export into an empty folder: exit %d, stderr %q", code, stderr.String())
	}
}

// Exporting over an earlier export replaces its files whole and leaves no temporary file.
func TestExportOverAnExport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "export")
	for range 2 {
		var stdout, stderr bytes.Buffer
		if code := Run(Command{Name: "export", Output: out}, &stdout, &stderr); code != 0 {
			t.Fatalf("export exited %d:\n%s", code, stderr.String())
		}
	}
	ents, _ := os.ReadDir(out)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a temporary file is left: %s", e.Name())
		}
	}
	if len(ents) < 10 {
		t.Errorf("the export holds %d files", len(ents))
	}
	ents, _ = os.ReadDir(filepath.Dir(out))
	if len(ents) != 1 {
		t.Errorf("beside the export: %d entries, want only the export", len(ents))
	}
}
