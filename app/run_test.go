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
