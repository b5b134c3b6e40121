package app

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/draw"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/cli"
	"frontline-atlas/timeline"
)

// runClip parses args as the command line does and runs the clip command.
func runClip(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd, err := cli.ParseArgs(append([]string{"clip"}, args...), os.Stdout)
	if err != nil {
		t.Fatalf("clip %v: %v", args, err)
	}
	var o, e bytes.Buffer
	code = RunClip(cmd, &o, &e)
	return code, o.String(), e.String()
}

// composeGIF plays a GIF's frames over each other (they are changed rectangles drawn over the
// previous frame) and returns every frame whole.
func composeGIF(t *testing.T, g *gif.GIF) []*image.RGBA {
	t.Helper()
	canvas := image.NewRGBA(image.Rect(0, 0, g.Config.Width, g.Config.Height))
	var out []*image.RGBA
	for i, p := range g.Image {
		if !p.Rect.In(canvas.Rect) {
			t.Fatalf("frame %d covers %v, outside the %v picture", i+1, p.Rect, canvas.Rect)
		}
		draw.Draw(canvas, p.Rect, p, p.Rect.Min, draw.Src)
		f := image.NewRGBA(canvas.Rect)
		copy(f.Pix, canvas.Pix)
		out = append(out, f)
	}
	return out
}

// differIn reports whether a and b differ anywhere in r.
func differIn(a, b *image.RGBA, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i, j := a.PixOffset(r.Min.X, y), a.PixOffset(r.Max.X, y)
		if !bytes.Equal(a.Pix[i:j], b.Pix[i:j]) {
			return true
		}
	}
	return false
}

// dateBounds returns where a frame of w×h pixels draws its date (the same layout the clip
// command uses).
func dateBounds(t *testing.T, w, h int, day timeline.Day) image.Rectangle {
	t.Helper()
	a := test.NewApp()
	defer a.Quit()
	a.Settings().SetTheme(NewTheme("light"))
	r := newFrameRenderer(nil, nil, frameSpec{W: w, H: h})
	defer r.Close()
	r.layoutBox(day)
	return r.DateBounds()
}

// The test: a clip of 20 frames has 20 frames of the right size, and the date changes
// between them; the front moves too.
func TestClipOfTwentyFramesIsAGIFOfTwentyDates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "winter.gif")
	code, stdout, stderr := runClip(t, "--from", "1941-12-05", "--to", "1942-01-13", "--days-per-frame", "2", "--size", "480x270", "--caption", "Moscow counter-offensive", "-o", out)
	if code != 0 {
		t.Fatalf("clip exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "20 frames of 480x270, GIF") {
		t.Errorf("stdout %q does not report 20 frames", stdout)
	}
	if !strings.Contains(stderr, "20/20 frames (100 %)") {
		t.Errorf("no progress on stderr (not a terminal: plain lines): %q", stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := gif.DecodeAll(f)
	if err != nil {
		t.Fatalf("not a GIF: %v", err)
	}
	if len(g.Image) != 20 {
		t.Fatalf("%d frames, want 20", len(g.Image))
	}
	if g.Config.Width != 480 || g.Config.Height != 270 {
		t.Fatalf("frames are %dx%d, want 480x270", g.Config.Width, g.Config.Height)
	}
	if g.Delay[0] != 10 || g.Delay[19] != 200 {
		t.Errorf("delays %d and %d hundredths, want 10 (10 fps) and 200 (the last frame held)", g.Delay[0], g.Delay[19])
	}
	frames := composeGIF(t, g)
	date := dateBounds(t, 480, 270, timeline.DayOf(1941, 12, 25))
	if date.Empty() || date.Dx() < 40 {
		t.Fatalf("date drawn at %v: too small to hold a date", date)
	}
	for i := 1; i < len(frames); i++ {
		if !differIn(frames[i-1], frames[i], date) {
			t.Errorf("frames %d and %d show the same date", i, i+1)
		}
	}
	// The Moscow counter-offensive pushed the front west: the map below the date box differs.
	below := image.Rect(0, date.Max.Y+20, 480, 270)
	if !differIn(frames[0], frames[19], below) {
		t.Error("the map of 5 December 1941 and of 12 January 1942 are the same: the front did not move")
	}
}

func TestClipAPNGAndSequence(t *testing.T) {
	dir := t.TempDir()
	apng := filepath.Join(dir, "k.png")
	if code, _, stderr := runClip(t, "--from", "1943-07-05", "--to", "1943-07-09", "--size", "320x240", "--theme", "dark", "-o", apng); code != 0 {
		t.Fatalf("clip exited %d: %s", code, stderr)
	}
	data, err := os.ReadFile(apng)
	if err != nil {
		t.Fatal(err)
	}
	chunks := map[string]int{}
	var declared uint32
	for p := data[8:]; len(p) >= 12; {
		n := binary.BigEndian.Uint32(p)
		typ := string(p[4:8])
		chunks[typ]++
		if typ == "acTL" {
			declared = binary.BigEndian.Uint32(p[8:])
		}
		p = p[12+n:]
	}
	if declared != 5 || chunks["fcTL"] != 5 {
		t.Errorf("APNG declares %d frames and has %d, want 5 and 5", declared, chunks["fcTL"])
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil || img.Bounds().Dx() != 320 || img.Bounds().Dy() != 240 {
		t.Fatalf("the APNG's still image: %v, %v", err, img)
	}
	// Dark theme: the sea and the land are dark.
	if r, g, b, _ := img.At(300, 200).RGBA(); r+g+b > 3*0x8000 {
		t.Errorf("a dark clip has a light pixel %x %x %x at 300,200", r, g, b)
	}

	seq := filepath.Join(dir, "frames") + string(filepath.Separator)
	if code, _, stderr := runClip(t, "--from", "1943-07-05", "--to", "1943-07-11", "--days-per-frame", "3", "--size", "320x240", "-o", seq); code != 0 {
		t.Fatalf("clip exited %d: %s", code, stderr)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "frames", "*"))
	if len(names) != 3 || filepath.Base(names[0]) != "frame-0001.png" || filepath.Base(names[2]) != "frame-0003.png" {
		t.Fatalf("the sequence folder holds %v, want frame-0001.png to frame-0003.png", names)
	}
}

// A cancelled clip stops between frames and leaves nothing: no animation, no temporary file,
// no frames of a sequence.
func TestClipCancelledLeavesNothing(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	a.Settings().SetTheme(theme.DefaultTheme())
	content, err := cli.LoadContentLazy("")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ out, pattern string }{{"c.gif", ""}, {"c.apng", ""}, {"seq/", "seq/c-%04d.png"}} {
		dir := t.TempDir()
		out := filepath.Join(dir, c.out)
		if c.pattern != "" {
			out = filepath.Join(dir, c.pattern)
		}
		format, sdir, name, err := cli.ClipOutput(out)
		if err != nil {
			t.Fatal(err)
		}
		args := cli.ClipArgs{From: timeline.DayOf(1942, 1, 1), To: timeline.DayOf(1942, 1, 30), DaysPerFrame: 1, FPS: 10, Format: format, Dir: sdir, Name: name}
		ctx, cancel := context.WithCancel(context.Background())
		frames := 0
		job := &frameJob{call: callHere}
		err = renderClip(ctx, job, content.Catalog, content.Map, frameSpec{W: 320, H: 240}, args, out, func(done, total int) {
			frames = done
			if done == 3 {
				cancel()
			}
		})
		cancel()
		job.close()
		if err != context.Canceled {
			t.Fatalf("%s: cancelled clip returned %v", c.out, err)
		}
		if frames != 3 {
			t.Errorf("%s: %d frames rendered after the cancel at 3", c.out, frames)
		}
		var left []string
		filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				left = append(left, p)
			}
			return nil
		})
		if len(left) > 0 {
			t.Errorf("%s: a cancelled clip left %v", c.out, left)
		}
	}
}

func TestClipUnknownEvent(t *testing.T) {
	code, _, stderr := runClip(t, "--from", "1942", "--to", "1942-01-03", "--event", "no-such-event", "--size", "320x240", "-o", filepath.Join(t.TempDir(), "x.gif"))
	if code != 1 || !strings.Contains(stderr, `--event: no event "no-such-event"`) {
		t.Fatalf("exit %d, stderr %q: want 1 and a message naming the event", code, stderr)
	}
}

func TestLongDate(t *testing.T) {
	for _, c := range []struct {
		day  timeline.Day
		lang string
		want string
	}{
		{timeline.DayOf(1941, 6, 22), "en", "22 June 1941"},
		{timeline.DayOf(1941, 6, 22), "ru", "22 июня 1941 г."},
		{timeline.DayOf(1945, 5, 9), "ru-RU", "9 мая 1945 г."},
		{timeline.DayOf(1942, 11, 19), "de", "19 November 1942"},
	} {
		if got := longDate(c.day, c.lang); got != c.want {
			t.Errorf("longDate(%s, %s) = %q, want %q", c.day.Date(), c.lang, got, c.want)
		}
	}
}

// The languages --lang accepts are those the app has translations for.
func TestCLILanguagesAreTheApps(t *testing.T) {
	if strings.Join(cli.UILanguages, ",") != strings.Join(Languages, ",") {
		t.Fatalf("cli.UILanguages %v, app Languages %v", cli.UILanguages, Languages)
	}
}
