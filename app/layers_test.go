package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"frontline-atlas/geo"
)

// layerTestKit is a Layers with a UI loop of its own and the messages it gave.
type layerTestKit struct {
	ls       *Layers
	prefs    *FilePrefs
	queue    chan func()
	messages []string
	changes  int
}

func newLayerKit(t *testing.T, prefs *FilePrefs) *layerTestKit {
	t.Helper()
	k := &layerTestKit{prefs: prefs, queue: make(chan func(), 1000)}
	k.ls = NewLayers(prefs, func(f func()) { k.queue <- f })
	k.ls.Message = func(title, text string) { k.messages = append(k.messages, title+"\n"+text) }
	k.ls.OnChange = func() { k.changes++ }
	t.Cleanup(k.ls.Close)
	return k
}

// settle waits for the loads and runs what they posted to the UI goroutine.
func (k *layerTestKit) settle() {
	k.ls.Wait()
	for {
		select {
		case f := <-k.queue:
			f()
		default:
			return
		}
	}
}

func (k *layerTestKit) names() []string {
	var out []string
	for _, e := range k.ls.Entries() {
		s := filepath.Base(e.Path)
		if !e.Shown {
			s += " (hidden)"
		}
		out = append(out, s)
	}
	return out
}

// writeLayer writes a small GeoJSON file and returns its path.
func writeLayer(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const (
	layerPoints = `{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Kursk"}, "geometry": {"type": "Point", "coordinates": [36.2, 51.7]}}]}`
	layerArea   = `{"type": "Polygon", "coordinates": [[[30, 50], [40, 50], [40, 55], [30, 50]]]}`
)

// TestLayersOpenToggleRemoveRemember walks a layer's life: opened, given a colour, hidden,
// remembered, restored in a new session as it was, removed and forgotten.
func TestLayersOpenToggleRemoveRemember(t *testing.T) {
	dir := t.TempDir()
	a := writeLayer(t, dir, "battles.geojson", layerPoints)
	b := writeLayer(t, dir, "area.json", layerArea)
	prefs := OpenPrefs(filepath.Join(dir, "prefs.json"))
	k := newLayerKit(t, prefs)
	k.ls.Open(a)
	if len(k.ls.Loads()) != 1 || k.changes == 0 {
		t.Fatalf("no load under way after Open")
	}
	k.settle()
	k.ls.Open(b)
	k.settle()
	if got := k.names(); !slices.Equal(got, []string{"battles.geojson", "area.json"}) || len(k.ls.Loads()) != 0 || len(k.messages) != 0 {
		t.Fatalf("layers %v, loads %d, messages %q", got, len(k.ls.Loads()), k.messages)
	}
	if e := k.ls.Entries(); e[0].Slot != 0 || e[1].Slot != 1 || e[0].Layer.Name != "battles" {
		t.Errorf("slots %d, %d; name %q", e[0].Slot, e[1].Slot, e[0].Layer.Name)
	}
	k.ls.SetShown(k.ls.Entries()[0], false)
	if got := prefs.StringList(PrefLayerHidden); !slices.Equal(got, []string{a}) {
		t.Errorf("hidden remembered as %v", got)
	}

	// A new session with the same preferences file opens both again, as they were.
	k2 := newLayerKit(t, OpenPrefs(filepath.Join(dir, "prefs.json")))
	k2.ls.Restore()
	k2.settle()
	if got := k2.names(); !slices.Equal(got, []string{"battles.geojson (hidden)", "area.json"}) {
		t.Fatalf("restored %v", got)
	}
	if e := k2.ls.Entries(); e[0].Slot != 0 || e[1].Slot != 1 {
		t.Errorf("restored slots %d, %d", e[0].Slot, e[1].Slot)
	}
	k2.ls.Remove(k2.ls.Entries()[0])
	if got := k2.prefs.StringList(PrefLayerFiles); !slices.Equal(got, []string{b}) {
		t.Errorf("after removal the preferences keep %v", got)
	}
	// The next layer takes the colour slot the removed one freed.
	c := writeLayer(t, dir, "c.geojson", layerPoints)
	k2.ls.Open(c)
	k2.settle()
	if e := k2.ls.Entries(); len(e) != 2 || e[1].Slot != 0 {
		t.Errorf("the new layer took slot %d, want the freed 0", e[len(e)-1].Slot)
	}
}

// TestLayersVanishedFileReportedOnce checks that a remembered file that is gone is named in one
// message and forgotten, so the next start says nothing.
func TestLayersVanishedFileReportedOnce(t *testing.T) {
	dir := t.TempDir()
	a := writeLayer(t, dir, "kept.geojson", layerPoints)
	gone := filepath.Join(dir, "moved-away.geojson")
	prefs := OpenPrefs(filepath.Join(dir, "prefs.json"))
	prefs.SetStringList(PrefLayerFiles, []string{gone, a})
	k := newLayerKit(t, prefs)
	k.ls.Restore()
	k.settle()
	if len(k.messages) != 1 || !strings.Contains(k.messages[0], gone) {
		t.Fatalf("messages %q, want one naming %s", k.messages, gone)
	}
	if got := k.names(); !slices.Equal(got, []string{"kept.geojson"}) {
		t.Errorf("layers %v", got)
	}
	k2 := newLayerKit(t, OpenPrefs(filepath.Join(dir, "prefs.json")))
	k2.ls.Restore()
	k2.settle()
	if len(k2.messages) != 0 || len(k2.ls.Entries()) != 1 {
		t.Errorf("second start: messages %q, %d layers", k2.messages, len(k2.ls.Entries()))
	}
}

// TestLayersBrokenFileKeepsTheMap checks that a file that cannot be opened gives one message
// naming it and what is wrong, and changes nothing else; one with bad features opens with a
// message listing them.
func TestLayersBrokenFileKeepsTheMap(t *testing.T) {
	dir := t.TempDir()
	good := writeLayer(t, dir, "good.geojson", layerPoints)
	bad := writeLayer(t, dir, "broken.geojson", `{"type": "FeatureCollection", "features": [`)
	partly := writeLayer(t, dir, "partly.geojson", `{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [30, 50]}},
{"type": "Feature", "properties": {"name": "x"}, "geometry": {"type": "Point", "coordinates": [30]}}]}`)
	prefs := OpenPrefs("")
	k := newLayerKit(t, prefs)
	k.ls.Open(good)
	k.settle()
	k.ls.Open(bad)
	k.settle()
	if len(k.messages) != 1 || !strings.Contains(k.messages[0], "broken.geojson: not valid JSON") && !strings.Contains(k.messages[0], "broken.geojson: line") ||
		!strings.Contains(k.messages[0], "The map keeps what it had.") {
		t.Fatalf("messages %q", k.messages)
	}
	if got := k.names(); !slices.Equal(got, []string{"good.geojson"}) || !slices.Equal(prefs.StringList(PrefLayerFiles), []string{good}) {
		t.Errorf("after a broken file: layers %v, remembered %v", got, prefs.StringList(PrefLayerFiles))
	}
	k.ls.Open(partly)
	k.settle()
	if len(k.messages) != 2 || !strings.Contains(k.messages[1], `partly.geojson: feature 1 "x" (line 3): geometry.coordinates: got 1 number(s)`) {
		t.Errorf("messages %q", k.messages)
	}
	if got := k.names(); !slices.Equal(got, []string{"good.geojson", "partly.geojson"}) {
		t.Errorf("layers %v", got)
	}
}

// TestLayersReopenReplaces checks that opening an open file again reads the new content and
// keeps the layer's place, colour and visibility.
func TestLayersReopenReplaces(t *testing.T) {
	dir := t.TempDir()
	a := writeLayer(t, dir, "a.geojson", layerPoints)
	b := writeLayer(t, dir, "b.geojson", layerArea)
	k := newLayerKit(t, OpenPrefs(""))
	k.ls.Open(a)
	k.settle()
	k.ls.Open(b)
	k.settle()
	k.ls.SetShown(k.ls.Entries()[0], false)
	writeLayer(t, dir, "a.geojson", layerArea)
	k.ls.Open(a)
	k.settle()
	e := k.ls.Entries()
	if got := k.names(); !slices.Equal(got, []string{"a.geojson (hidden)", "b.geojson"}) || e[0].Layer.Areas != 1 || e[0].Slot != 0 {
		t.Errorf("after reopening: %v, areas %d, slot %d", got, e[0].Layer.Areas, e[0].Slot)
	}
}

// TestLayersLimitCancelAndCommandLine checks the limit on open layers, cancelling a load and
// that layers from the command line are not remembered.
func TestLayersLimitCancelAndCommandLine(t *testing.T) {
	dir := t.TempDir()
	prefs := OpenPrefs("")
	k := newLayerKit(t, prefs)
	for i := range MaxLayers {
		k.ls.Open(writeLayer(t, dir, "l"+string(rune('a'+i))+".geojson", layerPoints))
	}
	k.settle()
	k.ls.Open(writeLayer(t, dir, "one-more.geojson", layerPoints))
	if len(k.ls.Entries()) != MaxLayers || len(k.messages) != 1 || !strings.Contains(k.messages[0], "remove one first") {
		t.Fatalf("%d layers, messages %q", len(k.ls.Entries()), k.messages)
	}

	k2 := newLayerKit(t, prefs)
	block := make(chan struct{})
	k2.ls.load = func(ctx context.Context, path string, progress func(done, total int64)) (*geo.UserLayer, error) {
		progress(10, 100)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-block:
			return nil, nil
		}
	}
	k2.ls.Open(filepath.Join(dir, "slow.geojson"))
	ld := k2.ls.Loads()[0]
	k2.ls.Cancel(ld)
	k2.settle()
	if len(k2.ls.Loads()) != 0 || len(k2.ls.Entries()) != 0 || len(k2.messages) != 0 {
		t.Errorf("after cancelling: %d loads, %d layers, messages %q", len(k2.ls.Loads()), len(k2.ls.Entries()), k2.messages)
	}

	k3 := newLayerKit(t, OpenPrefs(""))
	k3.ls.OpenOnce(writeLayer(t, dir, "cmdline.geojson", layerPoints))
	k3.settle()
	if len(k3.ls.Entries()) != 1 || len(k3.prefs.StringList(PrefLayerFiles)) != 0 {
		t.Errorf("command-line layer: %d layers, remembered %v", len(k3.ls.Entries()), k3.prefs.StringList(PrefLayerFiles))
	}
}
