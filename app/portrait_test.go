package app

import (
	"bytes"
	"image"
	"image/png"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"frontline-atlas/internal/testgen"
	"frontline-atlas/timeline"
)

// The details panel decodes a portrait within the loader's limit (timeline.MaxImageSide, one
// constant for both) and shows the monogram past it, with the loader's words.
func TestPortraitSizeLimitIsTheLoaders(t *testing.T) {
	atLimit := func() []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, timeline.MaxImageSide, 1))); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}()
	cases := []struct {
		name string
		png  []byte
		want string
		log  string
	}{
		{"at the limit", atLimit, "image", ""},
		{"one pixel more", testgen.PNGHeader(timeline.MaxImageSide+1, 1), "monogram", "4097×1 pixels: want 1 to 4096 on a side"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range []string{"content.json", "pack.json", "tours.json", "images/konev.png"} {
				data, err := os.ReadFile(filepath.Join("testdata/pack", f))
				if err != nil {
					t.Fatal(err)
				}
				os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
				os.WriteFile(filepath.Join(dir, f), data, 0o644)
			}
			os.WriteFile(filepath.Join(dir, "images/zhukov.png"), tc.png, 0o644)
			cat, err := timeline.LoadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			test.NewTempApp(t)
			var logs bytes.Buffer
			log.SetOutput(&logs)
			defer log.SetOutput(os.Stderr)
			portraitProblems.Delete("images/zhukov.png")
			d := NewDetails(cat, func(timeline.Ref) {})
			d.Show(timeline.Ref{Kind: timeline.KindPerson, ID: "zhukov"})
			if got := pictureOf(d); got != tc.want {
				t.Errorf("the page shows %q, want %q", got, tc.want)
			}
			if tc.log != "" && !strings.Contains(logs.String(), tc.log) {
				t.Errorf("logged %q, want it to say %q", logs.String(), tc.log)
			}
		})
	}
}
