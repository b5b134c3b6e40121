package app

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"frontline-atlas/buildinfo"
	"frontline-atlas/cli"
)

func TestEncodePNGWithText(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	img.Set(1, 1, color.NRGBA{R: 0xb0, G: 0x30, B: 0x20, A: 0xff})
	var b bytes.Buffer
	if err := encodePNG(&b, img, map[string]string{"Software": "Frontline Atlas 0.1.0", "Title": "Königsberg"}); err != nil {
		t.Fatal(err)
	}
	back, err := png.Decode(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("Go's decoder rejects the file: %v", err)
	}
	if back.Bounds() != img.Bounds() || back.At(1, 1) != img.At(1, 1) {
		t.Fatalf("the picture changed: %v %v", back.Bounds(), back.At(1, 1))
	}
	text, err := pngText(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if text["Software"] != "Frontline Atlas 0.1.0" || text["Title"] != "Königsberg" || len(text) != 2 {
		t.Fatalf("tEXt chunks: %q", text)
	}
	if err := encodePNG(&b, img, map[string]string{"Title": "Кёнигсберг"}); err == nil {
		t.Error("a Cyrillic tEXt value was accepted; tEXt is Latin-1")
	}
}

// A snapshot says which program and version drew it.
func TestSnapshotNamesTheVersion(t *testing.T) {
	out := filepath.Join(t.TempDir(), "kursk.png")
	cmd := cli.Command{Name: "snapshot", Theme: "light", Width: 640, Height: 400, Output: out}
	if err := Snapshot(loadTestContent(t), cmd, out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text, err := pngText(data)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := text["Software"], buildinfo.String(); got != want {
		t.Fatalf("the snapshot's Software is %q, want %q", got, want)
	}
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
}
