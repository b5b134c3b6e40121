package rotlog

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// files returns the names in dir and their contents.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func TestRotatesAndKeepsTheNewest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "logs") // made by Open
	w, err := Open(dir, 20, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		if _, err := fmt.Fprintf(w, "record %d\n", i); err != nil { // 9 bytes each: 2 per file
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got := files(t, dir)
	want := map[string]string{
		Name:        "record 8\nrecord 9\n",
		Name + ".1": "record 6\nrecord 7\n",
		Name + ".2": "record 4\nrecord 5\n",
	}
	if len(got) != len(want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for name, content := range want {
		if got[name] != content {
			t.Errorf("%s = %q, want %q", name, got[name], content)
		}
	}
	if _, err := w.Write([]byte("late\n")); err == nil {
		t.Error("Write after Close succeeded")
	}
}

// Reopening appends to the file there, and rotates when it is full.
func TestAppendsAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	for run := range 3 {
		w, err := Open(dir, 30, 1)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(w, "run %d starts\n", run) // 13 bytes
		w.Close()
	}
	got := files(t, dir)
	if got[Name] != "run 2 starts\n" || got[Name+".1"] != "run 0 starts\nrun 1 starts\n" {
		t.Errorf("files %q", got)
	}
}

// A record larger than the limit is written whole, alone; keep 0 keeps no old file.
func TestLargeRecordAndKeepNone(t *testing.T) {
	dir := t.TempDir()
	w, err := Open(dir, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("short\n"))
	big := strings.Repeat("x", 25) + "\n"
	if n, err := w.Write([]byte(big)); n != len(big) || err != nil {
		t.Fatalf("Write = %d, %v", n, err)
	}
	w.Write([]byte("after\n"))
	w.Close()
	got := files(t, dir)
	if len(got) != 1 || got[Name] != "after\n" {
		t.Errorf("files %q, want only the last record", got)
	}
}

// The folder removed while the program runs (a cleaner, an operator) is made again.
func TestFolderRemovedWhileRunning(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "logs")
	w, err := Open(dir, 16, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.Write([]byte("before 12345\n"))
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("after 123456\n")) // rotates: the folder is made again
	if got := files(t, dir); got[Name] != "after 123456\n" {
		t.Errorf("files %q after the folder was removed", got)
	}
}

// Records from many goroutines through a log.Logger are each whole, and none is lost.
func TestConcurrentRecordsStayWhole(t *testing.T) {
	dir := t.TempDir()
	w, err := Open(dir, 4096, 100)
	if err != nil {
		t.Fatal(err)
	}
	l := log.New(w, "", 0)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				l.Printf("goroutine %d record %03d %s", g, i, strings.Repeat("-", 20))
			}
		}()
	}
	wg.Wait()
	w.Close()
	var lines []string
	for name, content := range files(t, dir) {
		if len(content) > 4096 {
			t.Errorf("%s holds %d bytes, more than the limit", name, len(content))
		}
		lines = append(lines, strings.Split(strings.TrimSuffix(content, "\n"), "\n")...)
	}
	sort.Strings(lines)
	if len(lines) != 1600 {
		t.Fatalf("%d records, want 1600", len(lines))
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "goroutine ") || !strings.HasSuffix(l, strings.Repeat("-", 20)) {
			t.Fatalf("torn record %q", l)
		}
	}
}

func TestBadArguments(t *testing.T) {
	if _, err := Open(t.TempDir(), 0, 1); err == nil {
		t.Error("a limit of 0 bytes was accepted")
	}
	if _, err := Open(t.TempDir(), 100, -1); err == nil {
		t.Error("keep -1 was accepted")
	}
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o644)
	if _, err := Open(f, 100, 1); err == nil {
		t.Error("a file as the folder was accepted")
	}
}

// When the old file cannot be moved aside (on Windows, another program holding it open; here,
// a folder in its place), the current file is emptied instead of growing.
func TestCannotMoveEmpties(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, Name+".1", "in-the-way"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir, 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		if _, err := fmt.Fprintf(w, "record %d\n", i); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	w.Close()
	if got, _ := os.ReadFile(filepath.Join(dir, Name)); string(got) != "record 8\nrecord 9\n" {
		t.Errorf("%s = %q, want the last two records", Name, got)
	}
}
