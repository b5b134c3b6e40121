package app

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"frontline-atlas/cli"
	"frontline-atlas/timeline"
)

// A snapshot without --theme is drawn in the theme the window opens in by default: dark, Fyne's
// variant when the system states no preference (as under Xvfb); --theme light still gives light.
func TestSnapshotDefaultThemeIsTheWindows(t *testing.T) {
	for _, tc := range []struct {
		flag     string
		wantDark bool
	}{{"system", true}, {"light", false}, {"dark", true}} {
		out := filepath.Join(t.TempDir(), "shot.png")
		var stdout, stderr bytes.Buffer
		cmd := cli.Command{Name: "snapshot", Content: "testdata/pack", Theme: tc.flag, Width: 800, Height: 500, Output: out}
		if code := RunSnapshot(cmd, &stdout, &stderr); code != 0 {
			t.Fatalf("snapshot --theme %s exited %d: %s", tc.flag, code, stderr.String())
		}
		b, _ := os.ReadFile(out)
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		// The top bar's background, at its top-left corner.
		if dark := luminanceAt(img, 2, 2) < 0.3; dark != tc.wantDark {
			t.Errorf("snapshot --theme %s: dark %v, want %v", tc.flag, dark, tc.wantDark)
		}
	}
}

func luminanceAt(img image.Image, x, y int) float64 {
	r, g, b, _ := img.At(x, y).RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 65535
}

// With nothing selected the details panel lists the events under way on the date shown (what
// a snapshot without --event shows beside the map), follows the date, and names the nearest
// events on a quiet day.
func TestWelcomeListsTheDatesEvents(t *testing.T) {
	u, _ := newTestUI(t, 1280, 720, Options{Date: timeline.DayOf(1943, 7, 10)})
	if _, ok := u.Details.Links["event:battle-of-kursk"]; !ok {
		t.Fatalf("on 10 Jul 1943 the welcome page links %v, want the battle of Kursk", keys(u.Details.Links))
	}
	u.State.SetDate(timeline.DayOf(1945, 2, 5))
	if _, ok := u.Details.Links["event:yalta"]; !ok || len(u.Details.Links) != 1 {
		t.Errorf("on 5 Feb 1945 the welcome page links %v, want only Yalta", keys(u.Details.Links))
	}
	u.State.SetDate(timeline.DayOf(1944, 1, 1))
	_, kursk := u.Details.Links["event:battle-of-kursk"]
	_, yalta := u.Details.Links["event:yalta"]
	if !kursk || !yalta {
		t.Errorf("on 1 Jan 1944, a quiet day in the test pack, the page links %v, want the nearest: Kursk before, Yalta after", keys(u.Details.Links))
	}
	// A tap on one opens it.
	tapLink(u.Details.Links["event:yalta"])
	if sel := u.State.Selection(); sel.ID != "yalta" {
		t.Errorf("tapping Yalta opened %v", sel)
	}
}
