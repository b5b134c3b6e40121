package app

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/cli"
)

// diffPixels counts the pixels of r where a and b differ by more than tol in any channel.
func diffPixels(a, b image.Image, r image.Rectangle, tol int) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8), int(a1>>8) - int(a2>>8)} {
				if d > tol || d < -tol {
					n++
					break
				}
			}
		}
	}
	return n
}

// TestSnapshotTourMatchesTheWindow: `snapshot --tour T --stop N` draws what the window shows in
// presenter mode at that stop — opened there from the command line, or walked there with the
// presenter's keys — and both match the golden image.
func TestSnapshotTourMatchesTheWindow(t *testing.T) {
	const w, h = 1024, 640
	content := loadTestContent(t)
	cmd, err := cli.ParseArgs([]string{"snapshot", "--tour", "turning-points", "--stop", "3", "--theme", "light",
		"--size", "1024x640", "-o", filepath.Join(t.TempDir(), "stop.png")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := Snapshot(content, cmd, cmd.Output); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(cmd.Output)
	if err != nil {
		t.Fatal(err)
	}
	shot, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if b := shot.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Fatalf("the snapshot is %v, want %d×%d", b, w, h)
	}
	test.AssertImageMatches(t, "tour-turning-points-3.png", shot)

	// The window opened with --present turning-points --stop 3.
	u, win := newTestUI(t, w, h, Options{})
	run, err := cli.ParseArgs([]string{"--present", "turning-points", "--stop", "3"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.startTour(run, os.Stderr); err != nil {
		t.Fatal(err)
	}
	win.Resize(fyne.NewSize(w, h))
	u.Map.WaitReady()
	opened := win.Canvas().Capture()
	// Below the top bar (whose search field the test window lays out a pixel or two wider
	// after presenter mode takes its padding away).
	below := shot.Bounds()
	mp, _ := positionIn(u.Content(), u.Map)
	below.Min.Y = int(mp.Y)
	if below.Min.Y < 40 {
		t.Fatalf("the map starts at y = %d", below.Min.Y)
	}
	if n := diffPixels(shot, opened, below, 2); n > 0 {
		t.Errorf("the window opened at the stop differs from the snapshot in %d pixels below the top bar", n)
		test.AssertImageMatches(t, "tour-turning-points-3-window.png", opened)
	}

	// The window walked there with F5, 3, Enter: the same (its top bar differs: Back is
	// enabled, stops 1 and 3 having been opened).
	u2, win2 := newTestUI(t, w, h, Options{})
	press(t, win2, fyne.KeyF5, fyne.Key3, fyne.KeyReturn)
	win2.Resize(fyne.NewSize(w, h))
	u2.Map.WaitReady()
	walked := win2.Canvas().Capture()
	if u2.DateText.Text != "2 May 1945" || u.DateText.Text != "2 May 1945" {
		t.Errorf("top bars show %q and %q", u.DateText.Text, u2.DateText.Text)
	}
	if n := diffPixels(shot, walked, below, 2); n > 0 {
		t.Errorf("the window walked to the stop differs from the snapshot in %d pixels below the top bar", n)
		test.AssertImageMatches(t, "tour-turning-points-3-walked.png", walked)
	}
}
