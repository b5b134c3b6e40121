package app

import (
	"context"
	"image"
	"image/color"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// A magenta area over Kursk and Belgorod, named.
const layerMagenta = `{"type": "Feature", "properties": {"name": "Kursk bulge", "fill": "#ff00ff", "fill-opacity": 1},
 "geometry": {"type": "Polygon", "coordinates": [[[35, 50], [39, 50], [39, 53], [35, 53], [35, 50]]]}}`

// mapPixel waits for the map's frame to be complete and returns the colour of its tiles at
// lon, lat.
func mapPixel(t *testing.T, u *UI, lon, lat float64) color.RGBA {
	t.Helper()
	u.Map.WaitReady()
	f := u.Map.Session().Frame()
	img := image.NewRGBA(image.Rect(0, 0, f.View.W, f.View.H))
	f.Tiles.Draw(img, f.Style.Background, false)
	x, y := f.View.ToScreen(lon, lat)
	return img.RGBAAt(int(x), int(y))
}

func isMagenta(c color.RGBA) bool { return c.R > 200 && c.G < 60 && c.B > 200 }

// legendTexts returns every text drawn in the legend.
func legendTexts(l *Legend) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(l) {
		if tx, ok := o.(*canvas.Text); ok && o.Visible() {
			b.WriteString(tx.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// waitLayers runs the UI loop until n layers are open and nothing is being read.
func waitLayers(t *testing.T, u *UI, n int) {
	t.Helper()
	if !uiLoop.runUntil(20*time.Second, func() bool { return len(u.Layers.Entries()) == n && len(u.Layers.Loads()) == 0 }) {
		t.Fatalf("%d layers open and %d being read, want %d open", len(u.Layers.Entries()), len(u.Layers.Loads()), n)
	}
}

// A layer's life in the window: opened (the legend opens to show it, the map draws it in its
// tiles and writes its name), hidden and shown with the legend's toggle, removed with its
// button; the legend collapses to its button.
func TestLayerOpenToggleRemoveInTheWindow(t *testing.T) {
	prefs := OpenPrefs(filepath.Join(t.TempDir(), "prefs.json"))
	u, _ := newTestUI(t, 1280, 800, Options{Prefs: prefs})
	path := writeLayer(t, t.TempDir(), "kursk.geojson", layerMagenta)
	if u.Legend.Expanded() {
		t.Fatal("the legend starts open")
	}
	if s := u.Legend.ToggleB.Size(); s.Height < touchMin {
		t.Errorf("the legend's button is %v, want at least %d px high", s, touchMin)
	}
	if isMagenta(mapPixel(t, u, 37, 51.5)) {
		t.Fatal("the map is magenta over Kursk before any layer was opened")
	}
	u.Layers.Open(path)
	waitLayers(t, u, 1)
	if !u.Legend.Expanded() || len(u.Legend.Rows) != 1 || u.Legend.Rows[0].Name.Text != "kursk" {
		t.Fatalf("the legend (open=%v) does not list the layer: %d rows", u.Legend.Expanded(), len(u.Legend.Rows))
	}
	if c := mapPixel(t, u, 37, 51.5); !isMagenta(c) {
		t.Errorf("the layer's area is not drawn on the map: %v", c)
	}
	if !frameHasName(u, "Kursk bulge") {
		t.Error("the feature's name is not written on the map")
	}
	if got := prefs.StringList(PrefLayerFiles); len(got) != 1 || got[0] != path {
		t.Errorf("remembered layers %q, want [%s]", got, path)
	}
	row := u.Legend.Rows[0]
	d := fyne.CurrentApp().Driver()
	cardBottom := d.AbsolutePositionForObject(u.Legend).Y + legendMargin + u.Legend.card.Size().Height
	if y := d.AbsolutePositionForObject(row.RemoveB).Y + row.RemoveB.Size().Height; y > cardBottom {
		t.Errorf("the layer's row ends at y=%.0f, below the legend's visible card (%.0f): it should come first", y, cardBottom)
	}
	for name, o := range map[string]fyne.CanvasObject{"toggle": row.Shown, "remove": row.RemoveB} {
		if p := parentSize(u, o); p.Width < touchMin || p.Height < touchMin {
			t.Errorf("the %s of a layer's row has a %v target, want at least %d×%d", name, p, touchMin, touchMin)
		}
	}

	test.Tap(row.Shown)
	if row.Entry.Shown || len(u.Map.Session().UserLayers()) != 0 {
		t.Fatal("the toggle did not hide the layer")
	}
	if isMagenta(mapPixel(t, u, 37, 51.5)) {
		t.Error("the hidden layer is still drawn")
	}
	if got := prefs.StringList(PrefLayerHidden); len(got) != 1 {
		t.Errorf("hidden layers remembered: %q", got)
	}
	test.Tap(u.Legend.Rows[0].Shown)
	if !isMagenta(mapPixel(t, u, 37, 51.5)) {
		t.Error("the layer shown again is not drawn")
	}

	test.Tap(u.Legend.Rows[0].RemoveB)
	if len(u.Layers.Entries()) != 0 || len(u.Legend.Rows) != 0 || len(u.Map.Session().UserLayers()) != 0 {
		t.Fatal("remove left the layer open")
	}
	if isMagenta(mapPixel(t, u, 37, 51.5)) || frameHasName(u, "Kursk bulge") {
		t.Error("the removed layer is still drawn")
	}
	if got := prefs.StringList(PrefLayerFiles); len(got) != 0 {
		t.Errorf("the removed layer is still remembered: %q", got)
	}

	test.Tap(u.Legend.CloseB)
	if u.Legend.Expanded() {
		t.Error("the legend's close button did not collapse it")
	}
	test.Tap(u.Legend.ToggleB)
	if !u.Legend.Expanded() {
		t.Error("the legend's button did not open it")
	}
}

// parentSize is the size of the touch target around o (the smallest container holding it that
// is at least as large), or o's own.
func parentSize(u *UI, o fyne.CanvasObject) fyne.Size {
	best := o.Size()
	for _, c := range test.LaidOutObjects(u.Legend) {
		if ct, ok := c.(*fyne.Container); ok && len(ct.Objects) == 1 && ct.Objects[0] == o {
			best = ct.Size()
		}
	}
	return best
}

func frameHasName(u *UI, text string) bool {
	f := u.Map.Session().Frame()
	for _, n := range f.Names {
		if n.Text == text {
			return true
		}
	}
	return false
}

// Files dropped on the window open as layers; what is not a local file is named in a message.
// A file that is not right is named in a message with what is wrong, and the map keeps what
// it had.
func TestLayerDropAndBadFiles(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	dir := t.TempDir()
	good := writeLayer(t, dir, "kursk.geojson", layerMagenta)
	u.Dropped(fyne.NewPos(300, 300), []fyne.URI{storage.NewFileURI(good)})
	waitLayers(t, u, 1)
	if !isMagenta(mapPixel(t, u, 37, 51.5)) {
		t.Fatal("the dropped layer is not drawn")
	}

	for _, tc := range []struct{ file, src, want string }{
		{"broken.geojson", `{"type": "FeatureCollection", "features": [`, "broken.geojson"},
		{"topo.json", `{"type": "Topology", "objects": {}}`, "Topology"},
		{"empty.geojson", ``, "empty.geojson"},
	} {
		p := writeLayer(t, dir, tc.file, tc.src)
		u.Dropped(fyne.NewPos(300, 300), []fyne.URI{storage.NewFileURI(p)})
		waitLayers(t, u, 1)
		msg := topDialogText(win)
		if !strings.Contains(msg, tc.file) || !strings.Contains(msg, tc.want) || !strings.Contains(msg, "keeps what it had") {
			t.Errorf("%s: message %q, want the file, %q and that the map keeps what it had", tc.file, msg, tc.want)
		}
		win.Canvas().Overlays().Top().Hide()
		win.Canvas().Overlays().Remove(win.Canvas().Overlays().Top())
		if !isMagenta(mapPixel(t, u, 37, 51.5)) {
			t.Errorf("%s: the map lost the layer it had", tc.file)
		}
	}

	web, _ := storage.ParseURI("https://example.org/fronts.geojson")
	u.Dropped(fyne.NewPos(300, 300), []fyne.URI{web})
	if msg := topDialogText(win); !strings.Contains(msg, "https://example.org/fronts.geojson") {
		t.Errorf("a dropped web address gives the message %q", msg)
	}
}

// topDialogText returns the texts of the top overlay of the window (a dialog).
func topDialogText(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		}
	}
	return b.String()
}

// The legend names what the map draws and the border snapshot of the date shown, which
// changes on 9 May 1945; it has a row for each layer.
func TestLegendNamesTheBorderSnapshot(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	test.Tap(u.Legend.ToggleB)
	text := legendTexts(u.Legend)
	for _, want := range []string{"Front line", "Borders of 1938", "Capital", "Place", "Selected", "Your layers", "Open GeoJSON…"} {
		if !strings.Contains(text, want) {
			t.Errorf("the legend does not say %q:\n%s", want, text)
		}
	}
	u.State.SetDate(timeline.DayOf(1945, 6, 1))
	if text := legendTexts(u.Legend); !strings.Contains(text, "Borders of 1945") || strings.Contains(text, "Borders of 1938") {
		t.Errorf("on 1 June 1945 the legend says:\n%s", text)
	}
}

// Every text of the legend meets WCAG contrast on the card it is drawn on, in the four
// palettes; the card is opaque, so the map under it does not matter.
func TestLegendContrast(t *testing.T) {
	for _, tc := range themeCases {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(tc.appearance.Theme())
			c := loadTestContent(t)
			u := New(c.Catalog, c.Map, Options{Headless: true})
			t.Cleanup(u.Close)
			win := test.NewTempWindow(t, nil)
			u.Attach(win)
			win.Resize(fyne.NewSize(1280, 800))
			test.Tap(u.Legend.ToggleB)
			var card color.Color
			for _, o := range test.LaidOutObjects(u.Legend) {
				if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 {
					card = r.FillColor
				}
			}
			if card == nil {
				t.Fatal("no card behind the legend")
			}
			if _, _, _, a := card.RGBA(); a != 0xffff {
				t.Fatalf("the legend's card is translucent (%v): its text would be read over the map", card)
			}
			min := float64(MinTextContrast)
			if tc.appearance.HighContrast {
				min = MinTextContrastHigh
			}
			n := 0
			for _, o := range test.LaidOutObjects(u.Legend) {
				tx, ok := o.(*canvas.Text)
				if !ok || tx.Text == "" {
					continue
				}
				n++
				if r := contrastOver(tx.Color, card, card); r < min {
					t.Errorf("%q: contrast %.2f on the card, want at least %.1f", tx.Text, r, min)
				}
			}
			if n < 8 {
				t.Errorf("only %d texts found in the open legend", n)
			}
		})
	}
}

// A layer given at start (--layer, or remembered) that opens with problems does not stop the
// window with a dialog: its row in the legend has a warning button that tells them.
func TestLayerProblemsFromTheLegend(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	p := writeLayer(t, t.TempDir(), "partly.geojson", `{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [30, 50]}},
{"type": "Feature", "properties": {"name": "x"}, "geometry": {"type": "Point", "coordinates": [30]}}]}`)
	u.OpenLayers([]string{p})
	waitLayers(t, u, 1)
	if top := win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog opened over the starting window: %q", topDialogText(win))
	}
	if u.Legend.Expanded() {
		t.Error("the legend opened by itself for a layer given at start")
	}
	test.Tap(u.Legend.ToggleB)
	if len(u.Legend.Rows) != 1 || u.Legend.Rows[0].WarnB == nil {
		t.Fatal("the layer's row has no warning button")
	}
	test.Tap(u.Legend.Rows[0].WarnB)
	if msg := topDialogText(win); !strings.Contains(msg, `partly.geojson: feature 1 "x" (line 3): geometry.coordinates`) {
		t.Errorf("the warning button shows %q", msg)
	}
}

// Layers keep the order they were asked for in, whichever file finishes loading first.
func TestLayersKeepTheOrderAskedFor(t *testing.T) {
	k := newLayerKit(t, OpenPrefs(""))
	slow := make(chan struct{})
	k.ls.load = func(ctx context.Context, path string, progress func(done, total int64)) (*geo.UserLayer, error) {
		if strings.HasSuffix(path, "first.geojson") {
			<-slow
		}
		return &geo.UserLayer{Name: filepath.Base(path), Path: path}, nil
	}
	k.ls.Open("/x/first.geojson")
	k.ls.Open("/x/second.geojson")
	for len(k.ls.Entries()) == 0 {
		f := <-k.queue
		f()
	}
	close(slow)
	k.settle()
	if got := k.names(); !slices.Equal(got, []string{"first.geojson", "second.geojson"}) {
		t.Errorf("layers %v, want the order they were opened in", got)
	}
}

// The ☰ menu's Open GeoJSON… shows a file dialog; it lists GeoJSON files that are regular
// files only (a named pipe would block the dialog's open for ever).
func TestLayerMenuOpensAFileDialog(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	test.Tap(u.Menu.Button)
	entry := u.Menu.Entry("Open GeoJSON…")
	if entry == nil {
		t.Fatalf("the menu has no Open GeoJSON… entry: %q", u.Menu.Labels())
	}
	test.Tap(entry)
	if win.Canvas().Overlays().Top() == nil {
		t.Fatal("Open GeoJSON… showed no dialog")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.geojson")
	mkfifo(t, fifo)
	for _, tc := range []struct {
		path string
		want bool
	}{
		{writeLayer(t, dir, "a.geojson", layerArea), true},
		{writeLayer(t, dir, "b.JSON", layerArea), true},
		{writeLayer(t, dir, "c.geojsons", layerArea), true},
		{writeLayer(t, dir, "notes.txt", "x"), false},
		{fifo, false},
	} {
		if got := (regularLayerFilter{}).Matches(storage.NewFileURI(tc.path)); got != tc.want {
			t.Errorf("the dialog lists %s: %v, want %v", filepath.Base(tc.path), got, tc.want)
		}
	}
}

// While files are read at start with the legend closed, a bar under its button shows how far;
// the window goes on answering meanwhile (the file is read on another goroutine).
func TestLegendProgressWhileClosed(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	release := make(chan struct{})
	u.Layers.load = func(ctx context.Context, path string, progress func(done, total int64)) (*geo.UserLayer, error) {
		progress(50, 100)
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return &geo.UserLayer{Name: "slow", Path: path}, nil
	}
	defer close(release)
	u.OpenLayers([]string{"/x/slow.geojson"})
	r := test.WidgetRenderer(u.Legend).(*legendRenderer)
	if !uiLoop.runUntil(5*time.Second, func() bool { return r.bar.Visible() && r.bar.Size().Width > 0 }) {
		t.Fatal("no progress bar under the closed legend's button")
	}
	if u.Legend.Expanded() {
		t.Error("the legend opened by itself for a file read at start")
	}
	if w, tw := r.bar.Size().Width, r.track.Size().Width; w < 0.4*tw || w > 0.6*tw {
		t.Errorf("the bar is %.0f of %.0f px at half the file", w, tw)
	}
	test.Tap(u.Map.ZoomInB) // the window answers while the file is read
	u.Layers.Cancel(u.Layers.Loads()[0])
	if r.bar.Visible() {
		t.Error("the bar stays after the load was cancelled")
	}
}
