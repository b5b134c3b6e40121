package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateEmbeddedPack(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run(Command{Name: "validate"}, &out, &errb)
	if code != 0 {
		t.Fatalf("validate of the embedded pack exited %d:\n%s", code, errb.String())
	}
	for _, want := range []string{"embedded pack", "events", "people", "medals", "places", "tours", " stops)", "front keyframes", "no problems found"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("validate output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestValidateBrokenPackListsEveryProblem(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run(Command{Name: "validate", Dir: "testdata/broken"}, &out, &errb)
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

func TestExportAndFrontCommands(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := Run(Command{Name: "export", Output: dir}, &stdout, &stderr); code != 0 {
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
	if code := Run(cmd, &stdout, &stderr); code != 0 {
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
	if code := Run(Command{Name: "validate", Dir: "testdata/badmap"}, &out, &errb); code == 0 {
		t.Errorf("validate passed a pack with broken layers")
	}
	if !strings.Contains(errb.String(), "coast-50m.geojson") {
		t.Errorf("validate does not name the broken layer:\n%s", errb.String())
	}
}

// TestFrontTheatresComeFromThePack validates a small pack with the Lake Khasan fronts: declared
// in pack.json they load, with a theatre of its own the program never heard of they load too,
// and undeclared they are reported once, naming the file, the feature and the field.
func TestFrontTheatresComeFromThePack(t *testing.T) {
	khasan, err := os.ReadFile("testdata/badmap/fronts/khasan.geojson")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, declared string
		data                 []byte
		code                 int
		want                 string // in the output (stdout and stderr)
	}{
		{"declared", "khasan", `[{"id": "khasan", "name": "Lake Khasan"}]`, khasan, 0, "front keyframes     5"},
		{"a new theatre", "changkufeng", `[{"id": "changkufeng", "name": "Changkufeng"}]`,
			bytes.ReplaceAll(khasan, []byte(`"theatre": "khasan"`), []byte(`"theatre": "changkufeng"`)), 0, "front keyframes     5"},
		{"undeclared", "khasan", `[{"id": "eastern", "name": "Soviet–German front"}]`, khasan, 1,
			`khasan.geojson: feature 0: theatre: "khasan" is not a front theatre of the pack (pack.json "front_theatres": eastern); 4 more features name it`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"pack.json": `{"pack": {"name": "Khasan", "version": "1", "lanes": [{"id": "operations", "name": "Operations"}],
					"front_theatres": ` + tc.declared + `}}`,
				"content.json": `{"events": [{"id": "battle-of-lake-khasan", "title": "Battle of Lake Khasan", "summary": "Soviet and Japanese troops fight over two heights.",
					"start": "1938-07-29", "end": "1938-08-11", "category": "operations", "importance": 3, "sources": ["britannica-khasan"]}],
					"sources": [{"id": "britannica-khasan", "citation": "Encyclopaedia Britannica, \"Battle of Lake Khasan\""}]}`,
				"fronts/" + tc.file + ".geojson": string(tc.data),
			}
			for name, data := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var out, errb bytes.Buffer
			code := Run(Command{Name: "validate", Dir: dir}, &out, &errb)
			all := out.String() + errb.String()
			if code != tc.code || !strings.Contains(all, tc.want) {
				t.Errorf("validate exited %d, want %d with %q in:\n%s", code, tc.code, tc.want, all)
			}
		})
	}
}
