package app

import (
	"bytes"
	"errors"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/buildinfo"
	"frontline-atlas/cli"
	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// savedTo makes the UI save into dir without a file dialog: the name the dialog would offer is
// kept in *asked, and what was saved (or why not) is sent on the returned channel.
func savedTo(u *UI, dir string, asked *string) chan error {
	done := make(chan error, 4)
	u.pictures.ask = func(title, name string, then func(string)) {
		*asked = name
		then(filepath.Join(dir, name))
	}
	u.pictures.askDir = func(then func(string)) { then(dir) }
	u.pictures.onSaved = func(path string, err error) { done <- err }
	return done
}

// waitSaved runs the UI loop until the picture or clip is saved, and returns its error.
func waitSaved(t *testing.T, done chan error) error {
	t.Helper()
	var err error
	got := false
	if !uiLoop.runUntil(60*time.Second, func() bool {
		select {
		case err = <-done:
			got = true
		default:
		}
		return got
	}) {
		t.Fatal("nothing was saved within a minute")
	}
	return err
}

func decodePNGFile(t *testing.T, path string) (w, h int, text map[string]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s is not a PNG: %v", path, err)
	}
	text, err = pngText(data)
	if err != nil {
		t.Fatal(err)
	}
	return img.Bounds().Dx(), img.Bounds().Dy(), text
}

// Ctrl+S saves the map as the window frames it, at 1920 × 1080, under a name made of the date
// and the event; Ctrl+Shift+S the window as it is, at its size.
func TestSavePictureWithTheKeys(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{Event: "operation-uranus"})
	dir := t.TempDir()
	var asked string
	done := savedTo(u, dir, &asked)

	pressShortcut(win, ctrlKey(fyne.KeyS))
	if err := waitSaved(t, done); err != nil {
		t.Fatal(err)
	}
	if asked != "1942-11-19-operation-uranus.png" {
		t.Errorf("the file dialog offered %q, want 1942-11-19-operation-uranus.png", asked)
	}
	w, h, text := decodePNGFile(t, filepath.Join(dir, asked))
	if w != 1920 || h != 1080 {
		t.Errorf("the map picture is %dx%d, want 1920x1080", w, h)
	}
	if text["Software"] != buildinfo.String() {
		t.Errorf("the picture's Software text is %q, want %q", text["Software"], buildinfo.String())
	}

	pressShortcut(win, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if err := waitSaved(t, done); err != nil {
		t.Fatal(err)
	}
	if asked != "1942-11-19-operation-uranus-window.png" {
		t.Errorf("the file dialog offered %q for the window", asked)
	}
	if w, h, _ := decodePNGFile(t, filepath.Join(dir, asked)); w != 1280 || h != 800 {
		t.Errorf("the window picture is %dx%d, want the window's 1280x800", w, h)
	}
}

// The menu has the entries, and a picture that cannot be written is reported in a dialog.
func TestSavePictureFromTheMenuReportsAFailure(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	var asked string
	done := savedTo(u, filepath.Join(t.TempDir(), "no", "such", "folder"), &asked)
	blocker := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(blocker, nil, 0o644)
	u.pictures.ask = func(_, name string, then func(string)) { asked = name; then(filepath.Join(blocker, name)) }
	u.Menu.Open(false)
	for _, l := range []string{"Save picture…", "Save picture of the window…", "Make a clip…"} {
		if u.Menu.Entry(l) == nil {
			t.Fatalf("the menu has no %q: %v", l, u.Menu.Labels())
		}
	}
	test.Tap(u.Menu.Entry("Save picture…"))
	err := waitSaved(t, done)
	if err == nil || !strings.Contains(err.Error(), blocker) {
		t.Fatalf("saving under a file gave %v, want an error naming the path", err)
	}
	if asked != "1941-06-22.png" {
		t.Errorf("with nothing selected the dialog offered %q, want 1941-06-22.png", asked)
	}
	if n := len(win.Canvas().Overlays().List()); n == 0 {
		t.Error("no dialog tells the user the picture was not saved")
	}
}

func TestPictureName(t *testing.T) {
	d := timeline.DayOf(1944, 6, 23)
	for _, c := range []struct {
		sel          timeline.Ref
		suffix, want string
	}{
		{timeline.Ref{}, "", "1944-06-23.png"},
		{timeline.Ref{Kind: timeline.KindEvent, ID: "operation-bagration"}, "", "1944-06-23-operation-bagration.png"},
		{timeline.Ref{Kind: timeline.KindPerson, ID: "rokossovsky"}, "-window", "1944-06-23-rokossovsky-window.png"},
	} {
		if got := pictureName(d, c.sel, c.suffix, ".png"); got != c.want {
			t.Errorf("pictureName(%v, %q) = %q, want %q", c.sel, c.suffix, got, c.want)
		}
	}
}

// The clip dialog's fields are checked together, each showing its own problem, and the
// summary says how many frames the clip has and how long it plays.
func TestClipFormChecksItsFields(t *testing.T) {
	test.NewTempApp(t)
	from, to := clipDays(nil, timeline.Ref{}, timeline.DayOf(1941, 6, 22))
	f := newClipForm(from, to, "Barbarossa")
	if f.From.Text != "1941-06-22" || f.To.Text != "1941-09-20" || f.Caption.Text != "Barbarossa" {
		t.Fatalf("defaults: from %q to %q caption %q", f.From.Text, f.To.Text, f.Caption.Text)
	}
	if f.Summary.Text != "91 frames, 9.1 s" {
		t.Errorf("summary %q, want 91 frames, 9.1 s", f.Summary.Text)
	}
	f.Days.SetText("10")
	if f.Summary.Text != "10 frames, 1.0 s" {
		t.Errorf("at 10 days a frame the summary is %q", f.Summary.Text)
	}
	f.To.SetText("1941-01-01")
	if err := f.To.Validate(); err == nil || !strings.Contains(err.Error(), "not after the first day") {
		t.Errorf("a last day before the first: %v", err)
	}
	if f.Summary.Text != "" {
		t.Errorf("the summary of a wrong clip is %q", f.Summary.Text)
	}
	f.To.SetText("1941-12")
	if err := f.To.Validate(); err != nil {
		t.Errorf("1941-12 as the last day: %v", err)
	}
	f.From.SetText("1941-12-31")
	if err := f.To.Validate(); err == nil {
		t.Error("changing the first day did not check the last day again")
	}
}

// A clip made from the window frames the map as the window does, is saved under a default name
// made of its days and the selection, and its Cancel stops it and leaves nothing.
func TestClipFromTheWindow(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{Event: "battle-of-kursk"})
	dir := t.TempDir()
	var asked string
	done := savedTo(u, dir, &asked)
	from, to := clipDays(u.Catalog, u.State.Selection(), u.State.Date())
	if want := timeline.DayOf(1943, 7, 5); from != want || to <= from {
		t.Errorf("the clip dialog offers %s to %s for the Battle of Kursk, want its days from %s", from.Date(), to.Date(), want.Date())
	}
	f := newClipForm(from, to, "Kursk")
	f.To.SetText("1943-07-07")
	f.Days.SetText("2")
	u.saveClip(f)
	if !u.ClipRunning() {
		t.Fatal("no clip is running")
	}
	if err := waitSaved(t, done); err != nil {
		t.Fatal(err)
	}
	if u.ClipRunning() {
		t.Error("the clip still counts as running")
	}
	if u.pictures.strip.Visible() {
		t.Error("the progress card stays after the clip")
	}
	if asked != "1943-07-05-to-1943-07-07-battle-of-kursk.gif" {
		t.Errorf("the dialog offered %q", asked)
	}
	file, err := os.Open(filepath.Join(dir, asked))
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(file)
	file.Close()
	if err != nil || len(g.Image) != 2 || g.Config.Width != 1280 || g.Config.Height != 720 {
		t.Fatalf("the clip: %v, %d frames of %dx%d; want 2 of 1280x720", err, len(g.Image), g.Config.Width, g.Config.Height)
	}

	// Cancel after the first frame.
	f.To.SetText("1943-12-31")
	f.Days.SetText("1")
	f.Format.SetSelectedIndex(2) // PNG files
	started := false
	u.pictures.onSaved = func(path string, err error) { done <- err }
	u.saveClip(f)
	p := u.pictures.clip
	if !uiLoop.runUntil(30*time.Second, func() bool { started = p.Bar.Value >= 1; return started }) {
		t.Fatal("the clip made no frame")
	}
	if u.pictures.strip == nil || !u.pictures.strip.Visible() {
		t.Fatal("no progress card is shown while the clip is made")
	}
	test.Tap(p.CancelB)
	if err := waitSaved(t, done); !errors.Is(err, errClipCancelled) {
		t.Fatalf("a cancelled clip reported %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(left) > 0 {
		t.Errorf("a cancelled clip left %d frames: %v", len(left), left[:min(3, len(left))])
	}
}

// Closing the window while a clip is being made stops it, leaves no file and no goroutine.
func TestClosingTheWindowStopsTheClip(t *testing.T) {
	before := runtime.NumGoroutine()
	u, _ := newTestUI(t, 1280, 800, Options{})
	dir := t.TempDir()
	var asked string
	savedTo(u, dir, &asked)
	args, _ := cli.ClipFields{From: "1941-06-22", To: "1945-05-09"}.Check()
	args.Format = cli.ClipGIF
	// The file dialog makes the file empty before the clip starts; a clip that stops removes it.
	if err := os.WriteFile(filepath.Join(dir, "long.gif"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	u.startClip(u.pictureSpec(640, 360), args, filepath.Join(dir, "long.gif"))
	p := u.pictures.clip
	if !uiLoop.runUntil(30*time.Second, func() bool { return p.Bar.Value >= 1 }) {
		t.Fatal("the clip made no frame")
	}
	u.Close()
	uiLoop.run()
	if ents, _ := os.ReadDir(dir); len(ents) > 0 {
		t.Errorf("closing the window during a clip left %v", ents)
	}
	if !uiLoop.runUntil(10*time.Second, func() bool { return runtime.NumGoroutine() <= before+2 }) {
		t.Errorf("%d goroutines before, %d after closing", before, runtime.NumGoroutine())
	}
}

// A map picture shows everything the window's map shows, as large as it fits in 16:9.
func TestPictureFramesWhatTheWindowShows(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 800, Height: 1000}} {
		u, _ := newTestUI(t, size.Width, size.Height, Options{Event: "operation-uranus"})
		win := u.Map.View()
		spec := u.pictureSpec(PictureWidth, PictureHeight)
		pic := *geo.NewView(win.Proj, PictureWidth, PictureHeight, spec.View.Lon, spec.View.Lat, timeline.FrameScale(spec.View.Zoom, PictureWidth, PictureHeight))
		var minX, minY, maxX, maxY = 1e9, 1e9, -1e9, -1e9
		for _, c := range [][2]float64{{0, 0}, {float64(win.W), 0}, {0, float64(win.H)}, {float64(win.W), float64(win.H)}} {
			x, y := pic.ToScreen(win.FromScreen(c[0], c[1]))
			minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
		}
		if minX < -1 || minY < -1 || maxX > PictureWidth+1 || maxY > PictureHeight+1 {
			t.Errorf("window map %vx%v: its corners fall at %.0f,%.0f–%.0f,%.0f, outside the picture", win.W, win.H, minX, minY, maxX, maxY)
		}
		if (maxX-minX) < PictureWidth-2 && (maxY-minY) < PictureHeight-2 {
			t.Errorf("window map %vx%v fills only %.0fx%.0f of the picture", win.W, win.H, maxX-minX, maxY-minY)
		}
		if spec.Caption != "Operation Uranus" || spec.Selection.ID != "operation-uranus" {
			t.Errorf("caption %q, selection %v", spec.Caption, spec.Selection)
		}
	}
}
