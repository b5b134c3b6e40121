package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new content"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "new content" {
		t.Errorf("content = %q, want %q", got, "new content")
	}
	assertOnly(t, dir, "out.json")
}

func TestFailedWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "picture.png")
	if err := WriteFile(p, []byte("the old picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Write(p, 0o644, func(w io.Writer) error {
		w.Write([]byte("half a pic"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want it to wrap %v", err, boom)
	}
	if got, _ := os.ReadFile(p); string(got) != "the old picture" {
		t.Errorf("content = %q, want the old file whole", got)
	}
	assertOnly(t, dir, "picture.png")
}

func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new.txt")
	f, err := Create(p, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("partial"))
	f.Abort()
	f.Abort() // twice is harmless
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	assertOnly(t, dir)
}

func TestPermissionsFollowUmask(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a")
	ref := filepath.Join(dir, "b")
	if err := WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ref, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	want, _ := os.Stat(ref)
	if st.Mode() != want.Mode() {
		t.Errorf("mode = %v, want %v as os.WriteFile gives", st.Mode(), want.Mode())
	}
}

func TestMissingFolder(t *testing.T) {
	err := WriteFile(filepath.Join(t.TempDir(), "no", "such", "file"), []byte("x"), 0o644)
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
}

// assertOnly checks that dir holds exactly the named files (no temporary file left over).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("folder holds %v, want %v", got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("folder holds %v, want %v", got, names)
		}
	}
}
