package app

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/cli"
)

// AppID is the application identifier (also in FyneApp.toml); preferences are stored under it.
const AppID = "org.frontlineatlas.app"

// RunSnapshot runs the snapshot command: it loads the pack the command names, renders the
// window to the PNG file it names, and returns the exit status (0, or 1 when the pack or the
// picture failed). The other commands that need no window are cli.Run.
func RunSnapshot(cmd cli.Command, stdout, stderr io.Writer) int {
	content, err := cli.LoadContentLazy(cmd.Content)
	if err != nil {
		fmt.Fprintf(stderr, "frontline-atlas: %v\n", err)
	}
	if content == nil {
		return 1
	}
	if err := Snapshot(content, cmd, cmd.Output); err != nil {
		fmt.Fprintf(stderr, "frontline-atlas snapshot: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%dx%d)\n", cmd.Output, cmd.Width, cmd.Height)
	return 0
}

// showProblems shows every problem of a pack in a scrollable dialog (a pack can have hundreds),
// over the window that keeps running on the content it has.
func showProblems(w fyne.Window, err error) {
	text := widget.NewLabel(err.Error())
	text.Wrapping = fyne.TextWrapWord
	text.TextStyle = fyne.TextStyle{Monospace: true}
	d := dialog.NewCustom(lang.L("Problems found"), lang.L("Close"), NewDragVScroll(text), w)
	d.Resize(fyne.NewSize(900, 520))
	d.Show()
}

// RunWindow opens the application window and runs until it is closed; it returns the exit
// status. A broken --content pack is reported in a dialog and the embedded pack is shown instead.
//
// extras, when given, are laid invisibly over the window: a place for desktop-specific hooks
// that main installs (the mouse's back and forward buttons).
func RunWindow(a fyne.App, cmd cli.Command, stderr io.Writer, extras ...func(*UI) fyne.CanvasObject) int {
	// Collect garbage when the heap grows by a quarter rather than doubling: the map renders
	// large images in the background (tiles, the overlay of each date during playback), and an
	// exhibit PC runs the app for months (docs/performance.md has the figures).
	debug.SetGCPercent(25)
	limitMemory() // memlimit.go
	// The settings (settings.go): the interface language before any text is made, the theme
	// with the text size and contrast before the window opens.
	prefs := AppPrefs(a)
	language := prefs.String(PrefLanguage)
	if cmd.Lang != "" {
		language = cmd.Lang // --lang: for this run, not kept in the settings
	}
	setLanguage(language)
	NewSettings(prefs, cmd.Theme).Apply()
	var problems []error
	content, err := cli.LoadContentLazy(cmd.Content)
	if err != nil {
		fmt.Fprintf(stderr, "frontline-atlas: %v\n", err)
		problems = append(problems, err)
	}
	if content == nil {
		content, err = cli.LoadContentLazy("")
		if err != nil && content == nil {
			fmt.Fprintf(stderr, "frontline-atlas: the embedded pack failed to load: %v\n", err)
			return 1
		}
	}
	if cmd.Kiosk {
		return runKiosk(a, cmd, content, problems, stderr, extras)
	}
	w := a.NewWindow(lang.L("Frontline Atlas"))
	ui := New(content.Catalog, content.Map, Options{Date: cmd.Date, Event: cmd.Event, Prefs: prefs, Theme: cmd.Theme, View: cmd.View})
	for _, x := range extras {
		ui.AddOverlay(x(ui))
	}
	ui.Attach(w)
	ui.OpenLayers(cmd.Layers)
	w.Resize(fyne.NewSize(1280, 720)) // fits a 1366×768 laptop; maximize or --fullscreen for more
	if cmd.Fullscreen {
		w.SetFullScreen(true)
	}
	if cmd.Event != "" && content.Catalog.Event(cmd.Event) == nil {
		problems = append(problems, fmt.Errorf("--event: no event %q in %s", cmd.Event, content.Label))
		fmt.Fprintf(stderr, "frontline-atlas: --event: no event %q in %s\n", cmd.Event, content.Label)
	}
	if err := ui.startTour(cmd, stderr); err != nil { // --present, --tour, --stop (toursnapshot.go)
		problems = append(problems, err)
	}
	if len(problems) > 0 {
		showProblems(w, errors.Join(problems...))
	}
	w.ShowAndRun()
	return 0
}
