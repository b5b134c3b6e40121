package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Opening, hiding, showing and removing a layer, each time from another file, leaves nothing
// behind: the map keeps at most its two scenes (each change of the layers makes a scene whose
// key names a new generation of the layers, and the older scenes go), the legend has as many
// objects as after the first round, and the preferences forget the files. The soak's layer
// rows do the same thousands of times; this says what stays bounded and why.
func TestLayerRoundsLeaveNothingBehind(t *testing.T) {
	prefs := OpenPrefs(filepath.Join(t.TempDir(), "prefs.json"))
	u, _ := newTestUI(t, 1280, 800, Options{Prefs: prefs})
	dir := t.TempDir()
	legendObjects := -1
	for round := range 12 {
		path := writeLayer(t, dir, fmt.Sprintf("round-%d.geojson", round), layerMagenta)
		u.Layers.Open(path)
		waitLayers(t, u, 1)
		if !isMagenta(mapPixel(t, u, 37, 51.5)) {
			t.Fatalf("round %d: the layer is not drawn", round)
		}
		e := u.Layers.Entries()[0]
		u.Layers.SetShown(e, false)
		mapPixel(t, u, 37, 51.5)
		u.Layers.SetShown(e, true)
		mapPixel(t, u, 37, 51.5)
		u.Layers.Remove(e)
		if isMagenta(mapPixel(t, u, 37, 51.5)) {
			t.Fatalf("round %d: the removed layer is still drawn", round)
		}
		if n := u.Map.Session().SceneCount(); n > 2 {
			t.Errorf("round %d: the map keeps %d scenes, want at most 2", round, n)
		}
		if n := len(u.Map.Session().UserLayers()); n != 0 || len(u.Legend.Rows) != 0 {
			t.Errorf("round %d: %d layers drawn and %d legend rows after the remove", round, n, len(u.Legend.Rows))
		}
		if got := prefs.StringList(PrefLayerFiles); len(got) != 0 {
			t.Errorf("round %d: the preferences remember %q", round, got)
		}
		n := len(test.LaidOutObjects(u.Legend))
		if legendObjects < 0 {
			legendObjects = n
		} else if n != legendObjects {
			t.Errorf("round %d: the legend has %d objects, %d after the first round", round, n, legendObjects)
		}
	}
}
