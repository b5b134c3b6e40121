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

// snapshot --layer draws the layer into the picture; a file that cannot be opened stops the
// snapshot with its message.
func TestSnapshotWithLayer(t *testing.T) {
	dir := t.TempDir()
	magenta := func(layers ...string) int {
		out := filepath.Join(dir, "shot.png")
		cmd := cli.Command{Name: "snapshot", Theme: "light", Date: DefaultDate, Width: 1024, Height: 640, Output: out, Layers: layers}
		if err := Snapshot(loadTestContent(t), cmd, out); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(out)
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				if r>>8 > 200 && g>>8 < 60 && bl>>8 > 200 {
					n++
				}
			}
		}
		return n
	}
	if n := magenta(); n > 50 {
		t.Fatalf("%d magenta pixels without a layer", n)
	}
	if n := magenta(writeLayer(t, dir, "kursk.geojson", layerMagenta)); n < 200 {
		t.Errorf("%d magenta pixels with the layer, want the area drawn", n)
	}
	bad := writeLayer(t, dir, "broken.geojson", `{"type": "Feature", "geometry": `)
	cmd := cli.Command{Name: "snapshot", Width: 320, Height: 200, Output: filepath.Join(dir, "x.png"), Layers: []string{bad}}
	if err := Snapshot(loadTestContent(t), cmd, cmd.Output); err == nil || !strings.Contains(err.Error(), "broken.geojson") {
		t.Errorf("a broken layer: %v, want an error naming the file", err)
	}
}
