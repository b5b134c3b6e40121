//go:build unix

package app

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFilePrefsHostileFiles puts what is not a preferences file in its place, as the
// hostile-pack table does for a pack (cli/hostile_test.go): the app starts at once on the
// defaults with one log line naming the problem, never blocks on a named pipe nor reads a
// device or a huge file, and a later change of a setting writes a good file where it can.
func TestFilePrefsHostileFiles(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, path string)
		log   string // what the one line logged says
		aside bool   // the file is set aside as NAME.bad
		saves bool   // a change is written over it
	}{
		{"a named pipe", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}, "not a regular file (a named pipe); starting from the defaults", false, true},
		{"a link to /dev/zero", func(t *testing.T, path string) {
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file (a character device); starting from the defaults", false, true},
		{"a folder", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file (a folder); starting from the defaults", false, false},
		{"a loop of links", func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Base(path), path); err != nil {
				t.Fatal(err)
			}
		}, "too many levels of symbolic links; starting from the defaults", false, true},
		{"a 2 GiB file (sparse)", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(`{"textSize": 150}`), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, 2<<30); err != nil {
				t.Fatal(err)
			}
		}, "file is 2147483648 bytes, more than the limit of 1 MiB; it was set aside as frontline-atlas.json.bad", true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), PrefsFile)
			tc.setup(t, path)
			var logged bytes.Buffer
			log.SetOutput(&logged)
			defer log.SetOutput(os.Stderr)
			opened := make(chan *FilePrefs, 1)
			go func() { opened <- OpenPrefs(path) }()
			var p *FilePrefs
			select {
			case p = <-opened:
			case <-time.After(5 * time.Second):
				t.Fatal("OpenPrefs is still blocked after 5 s")
			}
			if n := strings.Count(logged.String(), "\n"); n != 1 || !strings.Contains(logged.String(), tc.log) {
				t.Errorf("logged %d lines: %q; want one saying %q", n, logged.String(), tc.log)
			}
			if got := p.IntWithFallback(PrefTextSize, 100); got != 100 {
				t.Errorf("text size %d, want the default 100", got)
			}
			if _, err := os.Lstat(path + ".bad"); (err == nil) != tc.aside {
				t.Errorf("set aside as .bad: %v, want %v", err == nil, tc.aside)
			}
			p.SetInt(PrefTextSize, 125)
			if tc.saves {
				if err := p.SaveError(); err != nil {
					t.Fatalf("a change was not written: %v", err)
				}
				if got := OpenPrefs(path).Int(PrefTextSize); got != 125 {
					t.Errorf("reopened: text size %d, want 125", got)
				}
			} else if p.SaveError() == nil {
				t.Error("a change was written over a folder")
			}
			if got := p.Int(PrefTextSize); got != 125 {
				t.Errorf("in memory: text size %d, want 125", got)
			}
		})
	}
}
