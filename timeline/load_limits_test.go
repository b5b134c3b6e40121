package timeline

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"frontline-atlas/internal/testgen"
)

// The column of a position is counted in runes from the start of its line, on a long line of
// multi-byte text as on a short one.
func TestLineColOnOneLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\n")
	for b.Len() < 5000 {
		b.WriteString(`"Сталинград", `)
	}
	data := []byte(b.String())
	f := &packSource{name: "x.json", data: data}
	for _, off := range []int{0, 1, 2, 3, 255, 256, 257, 1000, 4097, len(data) - 1, len(data)} {
		line, col := f.lineCol(int64(off))
		wantLine := 1 + bytes.Count(data[:off], []byte("\n"))
		start := bytes.LastIndexByte(data[:off], '\n') + 1
		wantCol := utf8.RuneCount(data[start:off]) + 1
		if line != wantLine || col != wantCol {
			t.Errorf("offset %d: got %d:%d, want %d:%d", off, line, col, wantLine, wantCol)
		}
	}
}

// A one-line file with tens of thousands of problems is reported in linear time: the first
// MaxProblemsListed are listed, in order, with their columns, and the rest are counted.
func TestManyProblemsAreCountedAndTheFirstListed(t *testing.T) {
	m := overlayPack(t, "")
	m["events.json"] = &fstest.MapFile{Data: testgen.BrokenEvents(10_000)}
	_, err := LoadFS(m, "minified")
	var pe *PackError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a *PackError", err)
	}
	if len(pe.Problems) != MaxProblemsListed || pe.More == 0 || pe.Count() != len(pe.Problems)+pe.More {
		t.Fatalf("listed %d, more %d, count %d: want %d listed and the rest counted", len(pe.Problems), pe.More, pe.Count(), MaxProblemsListed)
	}
	if pe.Count() < 10_000 {
		t.Errorf("count %d: want at least one problem per item (10000)", pe.Count())
	}
	msg := err.Error()
	first := strings.SplitN(msg, "\n", 3)
	if want := fmt.Sprintf("content pack minified: %d problems (the first %d listed)", pe.Count(), MaxProblemsListed); first[0] != want {
		t.Errorf("header %q, want %q", first[0], want)
	}
	if !strings.Contains(first[1], `events.json:1: event "e0": field "colour": unknown field`) {
		t.Errorf("first problem %q, want the first item's unknown field", first[1])
	}
	if want := fmt.Sprintf("… and %d more problems not listed: fix these and validate again", pe.More); !strings.HasSuffix(msg, want) {
		t.Errorf("the report does not end with %q", want)
	}
	if n := strings.Count(msg, "\n"); n != MaxProblemsListed+1 {
		t.Errorf("the report has %d lines, want %d", n+1, MaxProblemsListed+2)
	}
}

// A pack of more items than MaxPackItems is refused at the first item past the limit, which
// is named with its file and position.
func TestTooManyItems(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 100,000 items (a second or two)")
	}
	var b bytes.Buffer
	b.WriteString(`{"sources":[`)
	for i := range MaxPackItems + 5 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id":"s%d","citation":"c"}`, i)
	}
	b.WriteString("]}")
	m := overlayPack(t, "")
	m["sources.json"] = &fstest.MapFile{Data: b.Bytes()}
	_, err := LoadFS(m, "big")
	// The valid pack's own items come first (its files sort before sources.json).
	want := fmt.Sprintf("more than %d items in the pack: the items from here on are not read", MaxPackItems)
	if err == nil || !strings.Contains(err.Error(), "sources.json:") || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want sources.json named with %q", err, want)
	}
}

// Images are checked by their header: too many pixels, not an image, SVG (which the app does
// not draw) are warnings, and the pack loads.
func TestImageWarnings(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"absurd dimensions", testgen.PNGHeader(100_000, 100_000), `"images/zhukov.png": 100000×100000 pixels: want 1 to 4096 on a side: the monogram is shown`},
		{"wide", testgen.PNGHeader(5000, 10), `5000×10 pixels: want 1 to 4096 on a side`},
		{"not an image", []byte("GIF89a but not really"), `"images/zhukov.png": not a PNG or JPEG image (image: unknown format): the monogram is shown`},
		{"truncated", testgen.PNGHeader(10, 10)[:20], `not a PNG or JPEG image`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := overlayPack(t, "")
			m["images/zhukov.png"] = &fstest.MapFile{Data: tc.data}
			c, err := LoadFS(m, "images")
			if err != nil {
				t.Fatalf("the pack did not load: %v", err)
			}
			w := strings.Join(c.Warnings(), "\n")
			if !strings.Contains(w, tc.want) || !strings.Contains(w, `person "zhukov": field "image"`) {
				t.Errorf("warnings:\n%s\nwant one naming zhukov's image with %q", w, tc.want)
			}
		})
	}
	// A sound image gives no warning.
	c, err := LoadFS(overlayPack(t, ""), "images")
	if err != nil || strings.Contains(strings.Join(c.Warnings(), "\n"), "image") {
		t.Errorf("the valid pack: %v, warnings %q", err, c.Warnings())
	}
}

// Export does not stop at an image it cannot read: it leaves it out, says so, and writes
// every other file.
func TestExportLeavesOutAMissingImage(t *testing.T) {
	c, err := LoadFS(overlayPack(t, "testdata/warn/image-missing"), "image-missing")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	warnings, err := Export(c, dir)
	if err != nil {
		t.Fatalf("Export failed on a missing image: %v", err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "images/konev.png") || !strings.Contains(warnings[0], "left out of the export") {
		t.Errorf("warnings %q, want one naming images/konev.png", warnings)
	}
	for _, name := range ExportNames() {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if _, err := LoadDir(dir); err != nil {
		t.Errorf("the export does not load: %v", err)
	}
}

// A writer's error (a full disk) stops the export and is returned; Export then leaves nothing
// behind, neither the folder nor a temporary file.
func TestFailedExportLeavesNothing(t *testing.T) {
	c := loadTestPack(t)
	boom := errors.New("disk full")
	n := 0
	_, err := c.ExportFiles(func(name string, data []byte) error {
		if n++; n == 4 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Errorf("ExportFiles: got %v, want the writer's error", err)
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	if err := os.WriteFile(dir, []byte("a file, not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(c, dir); err == nil {
		t.Fatal("Export over a file succeeded")
	}
	ents, _ := os.ReadDir(parent)
	if len(ents) != 1 || ents[0].Name() != "out" {
		t.Errorf("the folder holds %v after a failed export, want only the file that was there", ents)
	}
}

// BenchmarkLoadMinified loads a pack whose events.json is one line of 40,000 broken items
// (the case of issue 12: 17 s when each position was counted from the start of the line).
func BenchmarkLoadMinified(b *testing.B) {
	m := overlayPack(b, "")
	m["events.json"] = &fstest.MapFile{Data: testgen.BrokenEvents(40_000)}
	for b.Loop() {
		if _, err := LoadFS(m, "minified"); err == nil {
			b.Fatal("no error")
		}
	}
}
