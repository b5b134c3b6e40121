package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidVersion(t *testing.T) {
	for v, want := range map[string]bool{
		"0.1.0": true, "1.2.3": true, "10.20.30": true,
		"": false, "1.2": false, "1.2.3.4": false, "v1.2.3": false, "01.2.3": false, "1.2.x": false, "1..3": false,
	} {
		if got := validVersion(v); got != want {
			t.Errorf("validVersion(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestSumsWriteAndVerify(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.exe"), []byte("windows"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.tar.xz"), []byte("linux"), 0o644)
	var log bytes.Buffer
	if err := writeSums(dir, &log); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, SumsFile))
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	// Sorted by name, in sha256sum's format.
	if want := sum("linux") + "  a.tar.xz\n" + sum("windows") + "  b.exe\n"; string(got) != want {
		t.Fatalf("SHA256SUMS:\n%s\nwant:\n%s", got, want)
	}
	if sha, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(sha, "-c", SumsFile)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("sha256sum -c rejects the file: %v\n%s", err, out)
		}
	}
	os.WriteFile(filepath.Join(dir, "b.exe"), []byte("tampered"), 0o644)
	err := verifySums(filepath.Join(dir, SumsFile))
	if err == nil || !strings.Contains(err.Error(), "b.exe") || strings.Contains(err.Error(), "a.tar.xz") {
		t.Fatalf("a changed file: got %v, want an error naming b.exe only", err)
	}
}

func TestChangelogListsCommitsSinceLastTag(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("commit", "-q", "--allow-empty", "-m", "First commit")
	git("tag", "v0.1.0")
	git("commit", "-q", "--allow-empty", "-m", "Map: fronts of 1943")
	git("commit", "-q", "--allow-empty", "-m", "Search finds Kyiv as Kiev")
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	path := filepath.Join(dir, "CHANGELOG.md")
	os.WriteFile(path, []byte(changelogHead+"\n## 0.1.0 — 2025-12-01\n\n- First commit\n"), 0o644)
	var log bytes.Buffer
	if err := writeChangelog(path, "0.2.0", &log); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want := changelogHead + "\n## 0.2.0 — 2026-01-01\n\nChanges since v0.1.0:\n\n- Search finds Kyiv as Kiev\n- Map: fronts of 1943\n\n## 0.1.0 — 2025-12-01\n\n- First commit\n"
	if string(got) != want {
		t.Fatalf("CHANGELOG.md:\n%s\nwant:\n%s", got, want)
	}
	// A second run keeps the entry (it may have been edited by hand).
	os.WriteFile(path, bytes.Replace(got, []byte("- Map: fronts of 1943"), []byte("- The fronts of 1943, checked against Glantz."), 1), 0o644)
	if err := writeChangelog(path, "0.2.0", &log); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); !bytes.Contains(again, []byte("checked against Glantz")) || bytes.Count(again, []byte("## 0.2.0")) != 1 {
		t.Fatalf("a second run changed the entry:\n%s", again)
	}
}

func TestChangelogFirstRelease(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	for _, args := range [][]string{{"init", "-q"}, {"commit", "-q", "--allow-empty", "-m", "Timeline and map"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	path := filepath.Join(dir, "CHANGELOG.md")
	if err := writeChangelog(path, "0.1.0", &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(got), "# Changelog") || !strings.Contains(string(got), "## 0.1.0 — ") || !strings.Contains(string(got), "The first release") || !strings.Contains(string(got), "- Timeline and map\n") {
		t.Fatalf("CHANGELOG.md:\n%s", got)
	}
}
