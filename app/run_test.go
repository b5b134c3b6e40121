package app

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"frontline-atlas/cli"
)

func TestSnapshotCommandWritesPicture(t *testing.T) {
	out := filepath.Join(t.TempDir(), "uranus.png")
	var stdout, stderr bytes.Buffer
	cmd, err := cli.ParseArgs([]string{"snapshot", "--content", "testdata/pack", "--date", "1942-11-19", "--event", "operation-uranus", "--size", "1024x640", "-o", out}, &stdout)
	if err != nil {
		t.Fatal(err)
	}
	if code := RunSnapshot(cmd, &stdout, &stderr); code != 0 {
		t.Fatalf("snapshot exited %d: %s", code, stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1024 || b.Dy() != 640 {
		t.Fatalf("picture is %v, want 1024x640", b)
	}
}

func TestSnapshotUnknownEvent(t *testing.T) {
	var stdout, stderr bytes.Buffer
	cmd := cli.Command{Name: "snapshot", Content: "testdata/pack", Event: "no-such-event", Width: 800, Height: 600, Output: filepath.Join(t.TempDir(), "x.png")}
	if code := RunSnapshot(cmd, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), `no event "no-such-event"`) {
		t.Fatalf("exit %d, stderr %q: want a failure naming the event", code, stderr.String())
	}
}

// snapshot -o over an existing picture replaces it through a temporary file: the folder then
// holds the new picture and nothing else; a target that cannot be replaced stays as it was.
func TestSnapshotReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "shot.png")
	if err := os.WriteFile(out, []byte("the old picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := cli.Command{Name: "snapshot", Content: "testdata/pack", Width: 640, Height: 480, Output: out}
	if code := RunSnapshot(cmd, &stdout, &stderr); code != 0 {
		t.Fatalf("snapshot exited %d: %s", code, stderr.String())
	}
	b, _ := os.ReadFile(out)
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatalf("shot.png is not a whole PNG: %v", err)
	}
	// A folder in the way: the rename fails, the folder is untouched and no temporary file is
	// left beside it.
	blocked := filepath.Join(dir, "blocked.png")
	if err := os.MkdirAll(filepath.Join(blocked, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd.Output = blocked
	if code := RunSnapshot(cmd, &stdout, &stderr); code == 0 {
		t.Fatal("snapshot over a folder succeeded")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v, want only shot.png and blocked.png", names)
	}
}
