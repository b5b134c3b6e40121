package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/assets"
	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// AppID is the application identifier (also in FyneApp.toml); preferences are stored under it.
const AppID = "org.frontlineatlas.app"

// Content is a loaded content pack with its map data.
type Content struct {
	Label   string // "embedded pack" or the folder given
	Catalog *timeline.Catalog
	Map     *geo.MapData
}

// LoadContent loads the content pack in dir, or the embedded pack when dir is "", with the whole
// base map. The error
// lists every problem, each naming the file, the item and the field. When the catalog loads but
// some map layers do not, the Content is returned with the map's error: the map shows what loaded.
func LoadContent(dir string) (*Content, error) { return loadContent(dir, false) }

// loadContent loads a pack; lazy leaves the close-zoom base map loading in the background.
func loadContent(dir string, lazy bool) (*Content, error) {
	var pack fs.FS
	label := "embedded pack"
	if dir == "" {
		pack = assets.Content()
	} else {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, fmt.Errorf("content pack %s: %w", dir, err)
		}
		st, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("content pack %s: %w", dir, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("content pack %s: not a folder", dir)
		}
		label = dir
		pack = os.DirFS(abs)
	}
	// A pack may bring its own base map in map/ (same files as assets/map); else the embedded one.
	base, baseLabel := assets.Map(), "the embedded base map"
	if st, err := fs.Stat(pack, "map"); err == nil && st.IsDir() {
		if sub, err := fs.Sub(pack, "map"); err == nil {
			base, baseLabel = sub, "layers in map/, fronts in fronts/"
		}
	}
	// The map and the chronicle load side by side (the cold start waits for both).
	var md *geo.MapData
	var merr error
	mapDone := make(chan struct{})
	go func() {
		defer close(mapDone)
		if lazy {
			md, merr = geo.LoadMapDataLazy(base, pack, nil)
		} else {
			md, merr = geo.LoadMapData(base, pack)
		}
	}()
	cat, err := timeline.LoadFS(pack, label)
	<-mapDone
	if err != nil {
		return nil, err // a *timeline.PackError: its first line names the pack and the count
	}
	c := &Content{Label: label, Catalog: cat, Map: md}
	if merr != nil {
		return c, fmt.Errorf("content pack %s: map (%s); the map shows what loaded:\n%w", label, baseLabel, merr)
	}
	return c, nil
}

// RunCommand runs a subcommand other than "run" and returns the exit status.
func RunCommand(cmd Command, stdout, stderr io.Writer) int {
	switch cmd.Name {
	case "validate":
		return runValidate(cmd, stdout, stderr)
	case "snapshot":
		content, _ := loadForCommand(cmd.Content, stderr, true)
		if content == nil {
			return 1
		}
		if err := Snapshot(content, cmd, cmd.Output); err != nil {
			fmt.Fprintf(stderr, "frontline-atlas snapshot: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %s (%dx%d)\n", cmd.Output, cmd.Width, cmd.Height)
		return 0
	case "export":
		content, _ := loadForCommand(cmd.Content, stderr, false)
		if content == nil {
			return 1
		}
		if err := timeline.Export(content.Catalog, cmd.Output); err != nil {
			fmt.Fprintf(stderr, "frontline-atlas export: %v\n", err)
			return 1
		}
		if err := geo.ExportFronts(content.Map, filepath.Join(cmd.Output, "fronts.geojson")); err != nil {
			fmt.Fprintf(stderr, "frontline-atlas export: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote the chronicle to %s\n", cmd.Output)
		return 0
	case "front":
		content, _ := loadForCommand(cmd.Content, stderr, false)
		if content == nil {
			return 1
		}
		b, err := geo.FrontsGeoJSON(content.Map, cmd.Date.Time())
		if err != nil {
			fmt.Fprintf(stderr, "frontline-atlas front: %v\n", err)
			return 1
		}
		stdout.Write(append(b, '\n'))
		return 0
	}
	fmt.Fprintf(stderr, "frontline-atlas: unknown command %q\n", cmd.Name)
	return 2
}

// loadForCommand loads the pack, printing problems; a map-layer problem is printed but not fatal.
func loadForCommand(dir string, stderr io.Writer, lazy bool) (*Content, error) {
	c, err := loadContent(dir, lazy)
	if err != nil {
		fmt.Fprintf(stderr, "frontline-atlas: %v\n", err)
	}
	return c, err
}

func runValidate(cmd Command, stdout, stderr io.Writer) int {
	dir := cmd.Dir
	if dir == "" {
		dir = cmd.Content
	}
	c, err := LoadContent(dir)
	if c != nil {
		label := c.Label
		fmt.Fprintf(stdout, "%s:\n", label)
		counts := c.Catalog.Counts()
		kinds := make([]string, 0, len(counts))
		for _, k := range timeline.Kinds {
			kinds = append(kinds, fmt.Sprintf("  %-15s %5d", kindPlural(k), counts[k]))
		}
		for _, line := range kinds {
			fmt.Fprintln(stdout, line)
		}
		if c.Map != nil {
			fmt.Fprintf(stdout, "  %-15s %5d\n", "front keyframes", c.Map.KeyframeCount())
			fmt.Fprintf(stdout, "  %-15s %5d\n", "map layers", c.Map.LayerCount())
		}
	}
	if c != nil {
		if ws := c.Catalog.Warnings(); len(ws) > 0 {
			fmt.Fprintf(stdout, "%d warning(s), for the authors to review (the pack loads):\n", len(ws))
			for _, w := range ws {
				fmt.Fprintf(stdout, "  %s\n", w)
			}
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		n := countErrors(err)
		fmt.Fprintf(stderr, "%d problem(s) found\n", n)
		return 1
	}
	fmt.Fprintln(stdout, "no problems found")
	return 0
}

// countErrors counts the leaves of a tree of joined errors.
func countErrors(err error) int {
	if err == nil {
		return 0
	}
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		n := 0
		for _, e := range j.Unwrap() {
			n += countErrors(e)
		}
		return n
	}
	if u := errors.Unwrap(err); u != nil {
		return countErrors(u)
	}
	return 1
}

// showProblems shows every problem of a pack in a scrollable dialog (a pack can have hundreds),
// over the window that keeps running on the content it has.
func showProblems(w fyne.Window, err error) {
	text := widget.NewLabel(err.Error())
	text.Wrapping = fyne.TextWrapWord
	text.TextStyle = fyne.TextStyle{Monospace: true}
	d := dialog.NewCustom(lang.L("Problems found"), lang.L("Close"), container.NewVScroll(text), w)
	d.Resize(fyne.NewSize(900, 520))
	d.Show()
}

// RunWindow opens the application window and runs until it is closed; it returns the exit
// status. A broken --content pack is reported in a dialog and the embedded pack is shown instead.
//
// extras, when given, are laid invisibly over the window: a place for desktop-specific hooks
// that main installs (the mouse's back and forward buttons).
func RunWindow(a fyne.App, cmd Command, stderr io.Writer, extras ...func(*UI) fyne.CanvasObject) int {
	// Collect garbage when the heap grows by a quarter rather than doubling: the map renders
	// large images in the background (tiles, the overlay of each date during playback), and an
	// exhibit PC runs the app for months (docs/performance.md has the figures).
	debug.SetGCPercent(25)
	setupTranslations()
	ApplyTheme(a, cmd.Theme)
	var problems []error
	content, err := loadContent(cmd.Content, true)
	if err != nil {
		fmt.Fprintf(stderr, "frontline-atlas: %v\n", err)
		problems = append(problems, err)
	}
	if content == nil {
		content, err = loadContent("", true)
		if err != nil && content == nil {
			fmt.Fprintf(stderr, "frontline-atlas: the embedded pack failed to load: %v\n", err)
			return 1
		}
	}
	w := a.NewWindow(lang.L("Frontline Atlas"))
	ui := New(content.Catalog, content.Map, Options{Date: cmd.Date, Event: cmd.Event})
	for _, x := range extras {
		ui.AddOverlay(x(ui))
	}
	ui.Attach(w)
	w.Resize(fyne.NewSize(1280, 720)) // fits a 1366×768 laptop; maximize or --fullscreen for more
	if cmd.Fullscreen {
		w.SetFullScreen(true)
	}
	if cmd.Event != "" && content.Catalog.Event(cmd.Event) == nil {
		problems = append(problems, fmt.Errorf("--event: no event %q in %s", cmd.Event, content.Label))
		fmt.Fprintf(stderr, "frontline-atlas: --event: no event %q in %s\n", cmd.Event, content.Label)
	}
	if len(problems) > 0 {
		showProblems(w, errors.Join(problems...))
	}
	w.ShowAndRun()
	return 0
}

// kindPlural names a kind in the plural, as validate lists the counts.
func kindPlural(k timeline.Kind) string {
	if k == timeline.KindPerson {
		return "people"
	}
	return string(k) + "s"
}
