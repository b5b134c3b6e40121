package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"frontline-atlas/assets"
	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// Content is a loaded content pack with its map data.
type Content struct {
	Label   string // "embedded pack" or the folder given
	Catalog *timeline.Catalog
	Map     *geo.MapData
}

// LoadContent loads the content pack in dir, or the embedded pack when dir is "", with the
// whole base map. The error lists every problem, each naming the file, the item and the field.
// When the catalog loads but some map layers or fronts do not, the Content is returned with
// the map's error: the map shows what loaded.
func LoadContent(dir string) (*Content, error) { return loadContent(dir, false) }

// LoadContentLazy is LoadContent that returns once the whole-theatre level of the base map is
// in, and loads the close-zoom level in the background (geo.LoadMapDataLazy): what the window
// and the snapshot command use, so that they start sooner.
func LoadContentLazy(dir string) (*Content, error) { return loadContent(dir, true) }

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
	cat, err := timeline.LoadFS(pack, label)
	if err != nil {
		return nil, err // a *timeline.PackError: its first line names the pack and the count
	}
	// A pack may bring its own base map in map/ (same files as assets/map); else the embedded one.
	base, baseLabel := assets.Map(), "the embedded base map"
	if st, err := fs.Stat(pack, "map"); err == nil && st.IsDir() {
		if sub, err := fs.Sub(pack, "map"); err == nil {
			base, baseLabel = sub, "layers in map/, fronts in fronts/"
		}
	}
	var md *geo.MapData
	var merr error
	if lazy {
		md, merr = geo.LoadMapDataLazy(base, pack, cat.FrontTheatreIDs(), nil)
	} else {
		md, merr = geo.LoadMapData(base, pack, cat.FrontTheatreIDs())
	}
	c := &Content{Label: label, Catalog: cat, Map: md}
	if merr != nil {
		return c, fmt.Errorf("content pack %s: map (%s); the map shows what loaded:\n%w", label, baseLabel, merr)
	}
	return c, nil
}
