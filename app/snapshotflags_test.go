package app

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"frontline-atlas/cli"
	"frontline-atlas/timeline"
)

// --view puts the map's centre on the point asked for, at the scale that shows the zoom's
// 1280 × 720 frame in the map's own size; the map keeps it when the window grows.
func TestViewFlagCentresTheMap(t *testing.T) {
	cmd, err := cli.ParseArgs([]string{"--view", "37.62,55.75,9", "--event", "operation-uranus"}, os.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	u, win := newTestUI(t, 1280, 800, Options{Event: cmd.Event, View: cmd.View})
	check := func(when string) {
		v := u.Map.View()
		lon, lat := v.Proj.Inverse(v.CX, v.CY)
		if math.Abs(lon-37.62) > 1e-6 || math.Abs(lat-55.75) > 1e-6 {
			t.Errorf("%s: the map is centred on %.4f, %.4f, want Moscow (37.62, 55.75)", when, lon, lat)
		}
		if want := timeline.FrameScale(9, float64(v.W), float64(v.H)); math.Abs(v.Scale-want) > 1e-6*want {
			t.Errorf("%s: %.1f m per pixel, want %.1f (zoom 9 framed in %dx%d)", when, v.Scale, want, v.W, v.H)
		}
	}
	check("at start (with an event selected)")
	win.Resize(win.Canvas().Size().AddWidthHeight(300, 200))
	check("in a larger window")
	u.Map.Pan(fyne.NewDelta(100, 0))
	moved := u.Map.View()
	win.Resize(win.Canvas().Size().AddWidthHeight(-300, -200))
	if v := u.Map.View(); v.CX != moved.CX || v.Scale != moved.Scale {
		t.Error("after a pan, a new window size framed --view again")
	}
}

// snapshot --view and --lang: the picture is the map of the view and the window in the language;
// each language in a child process, as Fyne's translations are global.
func TestSnapshotViewAndLanguage(t *testing.T) {
	if out, ok := os.LookupEnv("FRONTLINE_SNAPSHOT_CHILD"); ok {
		args := strings.Fields(os.Getenv("FRONTLINE_SNAPSHOT_ARGS"))
		cmd, err := cli.ParseArgs(append([]string{"snapshot", "--content", "testdata/pack", "--size", "480x320", "-o", out}, args...), os.Stdout)
		if err != nil {
			fmt.Printf("\nRESULT parse: %v\n", err)
			return
		}
		var o, e bytes.Buffer
		code := RunSnapshot(cmd, &o, &e)
		fmt.Printf("\nRESULT %d|%s|%s|%s\n", code, lang.L("Close"), contentLanguage(), strings.TrimSpace(e.String()))
		return
	}
	dir := t.TempDir()
	shot := func(name, args string) (image.Image, string) {
		t.Helper()
		out := filepath.Join(dir, name+".png")
		c := exec.Command(os.Args[0], "-test.run=^TestSnapshotViewAndLanguage$", "-test.count=1")
		c.Env = append(cleanLocaleEnv(), "LANG=en_US.UTF-8", "FRONTLINE_SNAPSHOT_CHILD="+out, "FRONTLINE_SNAPSHOT_ARGS="+args)
		o, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: child failed: %v\n%s", args, err, o)
		}
		_, res, _ := strings.Cut(string(o), "RESULT ")
		res, _, _ = strings.Cut(res, "\n")
		f, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("%s: %v (%s)", args, err, res)
		}
		img, err := png.Decode(bytes.NewReader(f))
		if err != nil {
			t.Fatal(err)
		}
		return img, res
	}
	en, resEn := shot("en", "--date 1941-12-05")
	ru, resRu := shot("ru", "--date 1941-12-05 --lang ru")
	moscow, _ := shot("moscow", "--date 1941-12-05 --view 37.62,55.75,9")
	if !strings.HasPrefix(resEn, "0|Close|en") {
		t.Errorf("snapshot in English: %q", resEn)
	}
	if resRu != "0|Закрыть|ru|" {
		t.Errorf("snapshot --lang ru: %q, want the interface and the content in Russian", resRu)
	}
	title := image.Rect(0, 0, 150, 40) // the window's title, top left
	if !differs(en, ru, title) {
		t.Error("the English and the Russian snapshots have the same title")
	}
	mapArea := image.Rect(10, 70, 300, 200)
	if !differs(en, moscow, mapArea) {
		t.Error("--view did not change the map")
	}
	if differs(en, moscow, title) {
		t.Error("--view changed more than the map")
	}
}

// differs reports whether a and b differ inside r.
func differs(a, b image.Image, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return true
			}
		}
	}
	return false
}
