package timeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestLoadReportsAllProblems breaks several files at once and checks that every problem is
// reported, each naming its own file.
func TestLoadReportsAllProblems(t *testing.T) {
	m := overlayPack(t, "")
	replace := func(file, old, new string) {
		t.Helper()
		s := string(m[file].Data)
		if !strings.Contains(s, old) {
			t.Fatalf("%s does not contain %q", file, old)
		}
		m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
	}
	replace("events.json", `"people": ["zhukov", "chuikov"]`, `"people": ["zhukovv", "chuikov"]`)
	replace("events.json", `"start": "1945-04"`, `"start": "1945-04-31"`)
	replace("people.json", `"id": "chuikov"`, `"id": "zhukov"`)
	replace("medals.json", `"lon": 30.52`, `"lon": 230.52`)
	replace("medals.json", `{"mm": 20, "color": "#d2691e"}`, `{"mm": 20, "color": "#d2691"}`)
	replace("pack.json", `"version": "0.1.0",`, ``)
	_, err := LoadFS(m, "test")
	var pe *PackError
	if !errors.As(err, &pe) {
		t.Fatalf("LoadFS: got %v, want a *PackError", err)
	}
	want := []string{
		`events.json:13: event "stalingrad": field "people": person "zhukovv" not found`,
		`events.json:13: event "stalingrad": field "people": person "chuikov" not found`, // renamed below
		`event "konigsberg-assault": field "start": date "1945-04-31"`,
		`people.json:18: person "zhukov": field "id": duplicate id`,
		`place "kiev": field "lon": 230.52`,
		`medal "medal-defence-stalingrad": field "ribbon.stripes[1].color"`,
		`pack.json:2: field "version": missing`,
	}
	msg := err.Error()
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("missing problem %q; got:\n%s", w, msg)
		}
	}
	if got := len(pe.Problems); got != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", got, len(want), msg)
	}
	if !strings.HasPrefix(msg, "content pack test: 7 problems\n") {
		t.Errorf("header: got %q", strings.SplitN(msg, "\n", 2)[0])
	}
	var ce *ContentError
	if !errors.As(err, &ce) || ce.File == "" {
		t.Errorf("errors.As(*ContentError): got %v", ce)
	}
}

// TestLoadDirRefusesSymlinkOut checks that a symbolic link leading out of the pack folder is
// not followed.
func TestLoadDirRefusesSymlinkOut(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "pack")
	copyTestPack(t, pack)
	outside := filepath.Join(dir, "secret.json")
	if err := os.WriteFile(outside, []byte(`{"sources": [{"id": "secret", "citation": "read from outside"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(pack, "secret.json")); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	c, err := LoadDir(pack)
	if err == nil {
		t.Fatalf("LoadDir: got no error (source %v), want the link refused", c.Source("secret"))
	}
	if !strings.Contains(err.Error(), "secret.json") {
		t.Errorf("got %v, want a problem naming secret.json", err)
	}
	// An image linked from outside is refused as well.
	if err := os.Remove(filepath.Join(pack, "secret.json")); err != nil {
		t.Fatal(err)
	}
	img := filepath.Join(pack, "images", "zhukov.png")
	if err := os.Rename(img, filepath.Join(dir, "zhukov.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "zhukov.png"), img); err != nil {
		t.Fatal(err)
	}
	_, err = LoadDir(pack)
	if err == nil || !strings.Contains(err.Error(), `person "zhukov": field "image"`) {
		t.Errorf("image linked from outside: got %v, want a problem with the image", err)
	}
}

// copyTestPack copies the valid test pack into dir.
func copyTestPack(t *testing.T, dir string) {
	t.Helper()
	for name, f := range overlayPack(t, "") {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadCapsFileSize(t *testing.T) {
	m := overlayPack(t, "")
	big := make([]byte, MaxPackFileSize+1)
	for i := range big {
		big[i] = ' '
	}
	m["big.json"] = &fstest.MapFile{Data: big}
	_, err := LoadFS(m, "test")
	if err == nil || !strings.Contains(err.Error(), "big.json: cannot read: file is 33554433 bytes, more than the limit of 32 MiB") {
		t.Errorf("got %v, want the size limit named", err)
	}
}

func TestLoadDirMissing(t *testing.T) {
	_, err := LoadDir(filepath.Join(t.TempDir(), "nowhere"))
	if err == nil || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("got %v, want an error naming the folder", err)
	}
}

func TestContentErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		e    ContentError
		want string
	}{
		{"full", ContentError{File: "events.json", Line: 1234, Kind: KindEvent, ID: "stalingrad", Field: "people", Msg: `person "zhukovv" not found`},
			`events.json:1234: event "stalingrad": field "people": person "zhukovv" not found`},
		{"column", ContentError{File: "a.json", Line: 3, Col: 7, Msg: "invalid JSON: x"}, "a.json:3:7: invalid JSON: x"},
		{"no line", ContentError{File: "pack.json", Msg: "cannot read"}, "pack.json: cannot read"},
		{"no id", ContentError{File: "a.json", Line: 2, Kind: KindPerson, Field: "id", Msg: "missing"}, `a.json:2: person without id: field "id": missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"zhukov", "zhukovv", 3, 1},
		{"zhukov", "zhukov", 3, 0},
		{"konev", "kenov", 3, 2},
		{"chuikov", "zhukovv", 3, 3},
		{"", "abc", 5, 3},
		{"abc", "", 2, 2},
		{"stalingrad", "stalingard", 5, 2},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d): got %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
		if got := editDistance(tt.b, tt.a, tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) (swapped): got %d, want %d", tt.b, tt.a, tt.limit, got, tt.want)
		}
	}
}

// TestLoadDirSkipsPipe checks that a named pipe in the pack is refused without being opened
// (opening it would block until something writes to it).
func TestLoadDirSkipsPipe(t *testing.T) {
	dir := t.TempDir()
	copyTestPack(t, dir)
	if err := mkfifoForTest(filepath.Join(dir, "pipe.json")); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := LoadDir(dir)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "pipe.json: cannot read: not a regular file") {
			t.Errorf("got %v, want the pipe refused", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LoadDir blocked on a named pipe")
	}
}
