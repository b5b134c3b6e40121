package app

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateEmbeddedPack(t *testing.T) {
	var out, errb bytes.Buffer
	code := RunCommand(Command{Name: "validate"}, &out, &errb)
	if code != 0 {
		t.Fatalf("validate of the embedded pack exited %d:\n%s", code, errb.String())
	}
	for _, want := range []string{"embedded pack", "events", "people", "medals", "places", "front keyframes", "no problems found"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("validate output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestValidateBrokenPackListsEveryProblem(t *testing.T) {
	var out, errb bytes.Buffer
	code := RunCommand(Command{Name: "validate", Dir: "testdata/broken"}, &out, &errb)
	if code == 0 {
		t.Fatalf("validate of a broken pack exited 0:\n%s", out.String())
	}
	msg := errb.String()
	for _, want := range []string{
		"testdata/broken",
		`events.json`,
		`event "battle-one"`, `"start"`, // month 13
		`"places"`,                    // nowhere
		`event "battle-two"`, `"end"`, // end before start
		`"colour"`, // unknown field
		"missing-source",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the report lacks %q:\n%s", want, msg)
		}
	}
}

func TestLoadContentMissingFolder(t *testing.T) {
	_, err := LoadContent("testdata/no-such-pack")
	if err == nil || !strings.Contains(err.Error(), "testdata/no-such-pack") {
		t.Fatalf("got %v, want an error naming the folder", err)
	}
}

func TestSnapshotCommandWritesPicture(t *testing.T) {
	out := filepath.Join(t.TempDir(), "uranus.png")
	var stdout, stderr bytes.Buffer
	cmd, err := ParseArgs([]string{"snapshot", "--content", "testdata/pack", "--date", "1942-11-19", "--event", "operation-uranus", "--size", "1024x640", "-o", out}, &stdout)
	if err != nil {
		t.Fatal(err)
	}
	if code := RunCommand(cmd, &stdout, &stderr); code != 0 {
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
	cmd := Command{Name: "snapshot", Content: "testdata/pack", Event: "no-such-event", Width: 800, Height: 600, Output: filepath.Join(t.TempDir(), "x.png")}
	if code := RunCommand(cmd, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), `no event "no-such-event"`) {
		t.Fatalf("exit %d, stderr %q: want a failure naming the event", code, stderr.String())
	}
}

func TestExportAndFrontCommands(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := RunCommand(Command{Name: "export", Output: dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("export exited %d: %s", code, stderr.String())
	}
	for _, name := range []string{"events.geojson", "places.geojson", "fronts.geojson", "events.json", "people.json"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("export did not write %s: %v", name, err)
			continue
		}
		if !json.Valid(b) {
			t.Errorf("%s is not valid JSON", name)
		}
	}
	stdout.Reset()
	cmd, err := ParseArgs([]string{"front", "--date", "1942-11-19"}, &stdout)
	if err != nil {
		t.Fatal(err)
	}
	if code := RunCommand(cmd, &stdout, &stderr); code != 0 {
		t.Fatalf("front exited %d: %s", code, stderr.String())
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) < 2 {
		t.Fatalf("front output is not a FeatureCollection of fronts: %v %+v", err, fc)
	}
}

// A pack whose own map layers or front files are broken: the problems name the files, and the
// map keeps what loaded (the good layer, the good theatre).
func TestBrokenLayersInAPackLeaveTheRest(t *testing.T) {
	c, err := LoadContent("testdata/badmap")
	if c == nil || c.Map == nil {
		t.Fatalf("the pack did not load at all: %v", err)
	}
	if err == nil {
		t.Fatal("no error for the broken layer and front files")
	}
	msg := err.Error()
	for _, want := range []string{"coast-50m.geojson", "lakes-50m.geojson", "eastern.geojson"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error does not name %s:\n%s", want, msg)
		}
	}
	if lv := c.Map.BaseMap().Levels["50m"]; lv == nil || len(lv.Land) != 1 {
		t.Errorf("the good land layer did not load: %+v", lv)
	}
	if c.Map.Fronts == nil {
		t.Fatal("the good front file (khasan) was dropped with the broken one")
	}
	if first, _, ok := c.Map.Fronts.TheatreRange("khasan"); !ok || first == 0 {
		t.Errorf("khasan fronts missing")
	}
	// The app still opens on it, and the validate command reports the files.
	var out, errb bytes.Buffer
	if code := RunCommand(Command{Name: "validate", Dir: "testdata/badmap"}, &out, &errb); code == 0 {
		t.Errorf("validate passed a pack with broken layers")
	}
	if !strings.Contains(errb.String(), "coast-50m.geojson") {
		t.Errorf("validate does not name the broken layer:\n%s", errb.String())
	}
}
