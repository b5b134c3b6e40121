package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/cli"
	"frontline-atlas/geo"
)

// layerExtensions are the names the file dialog offers and a drop accepts without asking.
var layerExtensions = []string{".geojson", ".json", ".geojsons", ".ndjson"}

// initLayers makes the user's layers, the legend in the map's corner and the menu's entry:
// New calls it before the window's layout is made.
func (u *UI) initLayers(prefs fyne.Preferences) {
	u.Layers = NewLayers(prefs, postToUI)
	u.Legend = NewLegend(u.Layers)
	u.Legend.OnOpenFile = u.OpenLayerDialog
	u.Legend.SetDate(u.State.Date())
	u.Layers.OnChange = func() {
		var shown []geo.SessionLayer
		for _, e := range u.Layers.Shown() {
			shown = append(shown, geo.SessionLayer{Layer: e.Layer, Slot: e.Slot})
		}
		u.Map.SetUserLayers(shown)
		u.Legend.LayersChanged()
	}
	u.Layers.Message = u.showLayerMessage
	u.AddMenuItem(lang.L("Open GeoJSON…"), theme.FolderOpenIcon(), u.OpenLayerDialog)
}

// mapArea is the map with its legend over its top-left corner.
func (u *UI) mapArea() fyne.CanvasObject { return container.NewStack(u.Map, u.Legend) }

// OpenLayerDialog shows the file dialog for a GeoJSON file to lay over the map. It lists only
// regular files (a named pipe would block the dialog's open for ever).
func (u *UI) OpenLayerDialog() {
	if u.window == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showLayerMessage(lang.L("Could not open the file"), err.Error())
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		_ = r.Close()
		u.Layers.Open(path)
	}, u.window)
	d.SetFilter(regularLayerFilter{})
	// In the folder of the last layer opened: the next file of a set is usually beside it.
	if es := u.Layers.Entries(); len(es) > 0 {
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(es[len(es)-1].Path))); err == nil {
			d.SetLocation(l)
		}
	}
	if size := u.window.Canvas().Size(); size.Width > 0 {
		d.Resize(fyne.NewSize(min(size.Width-40, 900), min(size.Height-40, 640)))
	}
	u.showFileDialog(d)
}

// regularLayerFilter lets the file dialog show GeoJSON files that are regular files.
type regularLayerFilter struct{}

// Matches implements storage.FileFilter.
func (regularLayerFilter) Matches(u fyne.URI) bool {
	if !hasLayerExtension(u.Name()) {
		return false
	}
	fi, err := os.Stat(u.Path())
	return err == nil && fi.Mode().IsRegular()
}

var _ storage.FileFilter = regularLayerFilter{}

func hasLayerExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range layerExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Dropped opens the files dropped on the window as layers. Anything but a local file is
// named in one message; a file of another extension is tried all the same (the loader says
// what is wrong with it).
func (u *UI) Dropped(_ fyne.Position, uris []fyne.URI) {
	var refused []string
	for _, uri := range uris {
		if uri.Scheme() != "file" {
			refused = append(refused, uri.String())
			continue
		}
		u.Layers.Open(uri.Path())
	}
	if len(refused) > 0 {
		u.showLayerMessage(lang.L("Only files can be opened"),
			lang.L("These are not files on this computer:")+"\n\n"+strings.Join(refused, "\n"))
	}
}

// OpenLayers opens the layers remembered in the preferences and then those given on the
// command line (not remembered).
func (u *UI) OpenLayers(cmdLayers []string) {
	u.Layers.Restore()
	for _, p := range cmdLayers {
		u.Layers.OpenOnce(p)
	}
}

// showLayerMessage shows what went wrong with a file (or that it opened with problems) over
// the window; the list scrolls, since a file can have hundreds of problems.
func (u *UI) showLayerMessage(title, text string) {
	if u.window == nil {
		logf("%s: %s", title, text)
		return
	}
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, lang.L("Close"), container.NewVScroll(body), u.window)
	size := u.window.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-40, 760), min(size.Height-40, 120+float32(strings.Count(text, "\n")+2)*22)))
	d.Show()
}

// addSnapshotLayers reads the --layer files of a snapshot and lays them over its map: a file
// that cannot be opened stops the snapshot with its message; problems of a file that opens are
// logged.
func addSnapshotLayers(u *UI, paths []string) error {
	for _, p := range paths {
		l, err := cli.LoadLayer(context.Background(), p, nil)
		if err != nil {
			return fmt.Errorf("--layer: %w", err)
		}
		if l.ProblemCount > 0 {
			logf("--layer %s: %s\n%s", p, l.Summary(), l.ProblemsText(50))
		}
		u.Layers.Add(p, l)
	}
	return nil
}
