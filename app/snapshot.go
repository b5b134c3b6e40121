package app

import (
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/buildinfo"
	"frontline-atlas/cli"
	"frontline-atlas/internal/atomicfile"
)

// RenderUI lays out the whole UI at w×h pixels (scale 1) on Fyne's software canvas, waits until
// the map has finished drawing, and returns the picture. It needs no display. A Fyne app must be
// current (the snapshot command makes a headless one).
func RenderUI(ui *UI, w, h int) image.Image {
	c := software.NewCanvas()
	c.SetPadded(false)
	ui.AttachCanvas(c)
	resizeSettled(ui, c, w, h)
	ui.Map.WaitReady()
	return c.Capture()
}

// resizeSettled sizes a canvas the UI is on and lays it out a second time. A layout that
// changes its own minimum size while it is being laid out (the timeline's controls, which wrap
// at large text: flowLayout) has the container above lay it out again, but the first pass
// then goes on with the old sizes; a window's next frame fixes that, a picture has no next
// frame.
func resizeSettled(ui *UI, c interface{ Resize(fyne.Size) }, w, h int) {
	c.Resize(fyne.NewSize(float32(w), float32(h)))
	ui.root.Refresh()
}

// Snapshot renders the UI for the command's date, event, theme and size into a PNG file. The
// work runs on a goroutine of its own, as Fyne's UI goroutine, so that fyne.Do runs in order.
func Snapshot(content *cli.Content, cmd cli.Command, out string) error {
	done := make(chan error, 1)
	go func() { done <- snapshot(content, cmd, out) }()
	return <-done
}

func snapshot(content *cli.Content, cmd cli.Command, out string) error {
	a := test.NewApp()
	defer a.Quit()
	setupTranslations()
	if cmd.Lang != "" {
		setLanguage(cmd.Lang)
	}
	ApplyTheme(a, snapshotTheme(cmd.Theme))
	if cmd.Event != "" && content.Catalog.Event(cmd.Event) == nil {
		return fmt.Errorf("--event: no event %q in %s", cmd.Event, content.Label)
	}
	ui := New(content.Catalog, content.Map, Options{Date: cmd.Date, Event: cmd.Event, Headless: true, View: cmd.View})
	if err := addSnapshotLayers(ui, cmd.Layers); err != nil {
		ui.Close()
		return err
	}
	render := RenderUI
	if cmd.Tour != "" { // --tour T --stop N (toursnapshot.go)
		var err error
		if render, err = tourRenderer(content, cmd); err != nil {
			ui.Close()
			return err
		}
	}
	img := render(ui, cmd.Width, cmd.Height)
	ui.Close()
	if dir := filepath.Dir(out); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
	}
	// Through a temporary file and a rename: a full disk leaves an older picture whole.
	software := map[string]string{"Software": buildinfo.String()}
	if err := atomicfile.Write(out, 0o644, func(w io.Writer) error { return encodePNG(w, img, software) }); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// snapshotTheme is the theme a picture is drawn in: --theme light or dark as given; otherwise
// (system, the default) the one the window opens in when the system states no preference:
// Fyne's default variant, dark (as under Xvfb, or a Linux desktop without a colour-scheme
// setting). A headless snapshot has no system setting to follow and reads no preferences, so
// the same command always makes the same picture.
func snapshotTheme(flag string) string {
	switch flag {
	case "light", "dark":
		return flag
	}
	return "dark"
}
