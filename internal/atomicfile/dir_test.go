package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDirNewFolderAppearsWhole(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "out", "pack")
	d, err := CreateDir(target)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for name, data := range map[string]string{"pack.json": "{}", "images/a.png": "png"} {
		if err := d.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(target); err == nil {
		t.Fatal("the folder exists before Commit")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(target, "images", "a.png")); err != nil || string(b) != "png" {
		t.Errorf("images/a.png = %q, %v", b, err)
	}
	assertOnly(t, filepath.Join(parent, "out"), "pack")
	assertOnly(t, target, "images", "pack.json")
}

func TestDirExistingFolderKeepsOtherFiles(t *testing.T) {
	target := t.TempDir()
	for name, data := range map[string]string{"pack.json": "old", "notes.txt": "mine"} {
		if err := os.WriteFile(filepath.Join(target, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, err := CreateDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("pack.json", []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("images/a.png", []byte("png"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "pack.json")); string(b) != "old" {
		t.Errorf("pack.json replaced before Commit: %q", b)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "pack.json")); string(b) != "new" {
		t.Errorf("pack.json = %q after Commit, want new", b)
	}
	assertOnly(t, target, "images", "notes.txt", "pack.json")
	if err := d.Commit(); err == nil {
		t.Error("a second Commit succeeded")
	}
}

// A failure half-way (here the caller's, as on a full disk) leaves the folder as it was.
func TestDirAbortLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	existing := filepath.Join(parent, "existing")
	if err := os.Mkdir(existing, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(existing, "events.json"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{existing, filepath.Join(parent, "new")} {
		d, err := CreateDir(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("events.json", []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		d.Abort()
		d.Abort()
		if err := d.WriteFile("people.json", nil, 0o644); err == nil {
			t.Error("WriteFile after Abort succeeded")
		}
	}
	assertOnly(t, parent, "existing")
	assertOnly(t, existing, "events.json")
	if b, _ := os.ReadFile(filepath.Join(existing, "events.json")); string(b) != "old" {
		t.Errorf("events.json = %q, want the old one", b)
	}
}

func TestDirRefusesPathsOutside(t *testing.T) {
	d, err := CreateDir(filepath.Join(t.TempDir(), "x"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"../escape.json", "/etc/passwd", `images\a.png`, "."} {
		if err := d.WriteFile(name, []byte("x"), 0o644); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
}

func TestDirOnAFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := CreateDir(p); err == nil {
		t.Error("CreateDir on a file succeeded")
	}
}
