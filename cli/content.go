package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"frontline-atlas/assets"
	"frontline-atlas/geo"
	"frontline-atlas/internal/packfs"
	"frontline-atlas/timeline"
)

// Content is a loaded content pack with its map data.
type Content struct {
	Label   string // "embedded pack" or the folder given
	Catalog *timeline.Catalog
	Map     *geo.MapData
	// MapFiles says where the base map's files are, for messages: "map/" for a pack's own
	// base map, "" for the embedded one.
	MapFiles string
}

// LoadContent loads the content pack in dir, or the embedded pack when dir is "", with the
// whole base map. The error lists every problem, each naming the file, the item and the field.
// When the catalog loads but some map layers or fronts do not, the Content is returned with
// the map's error: the map shows what loaded.
func LoadContent(dir string) (*Content, error) { return loadContent(dir, loadWhole) }

// LoadContentLazy is LoadContent that returns once the whole-theatre level of the base map is
// in, and loads the close-zoom level in the background (geo.LoadMapDataLazy): what the window
// and the snapshot command use, so that they start sooner.
func LoadContentLazy(dir string) (*Content, error) { return loadContent(dir, loadLazy) }

// How much of the map loadContent loads.
type loadMode int

const (
	loadWhole  loadMode = iota // the base map and the fronts
	loadLazy                   // the same, the 1:10m level in the background
	loadFronts                 // the fronts only: what export and front need
)

func loadContent(dir string, mode loadMode) (*Content, error) {
	var pack *packfs.FS
	label := "embedded pack"
	if dir == "" {
		pack = packfs.Wrap(assets.Content())
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
		// Every read of the pack (content, images, map, fronts) goes through this root: no
		// link out of the folder, no named pipe or device, no file over the size limits.
		if pack, err = packfs.Dir(abs); err != nil {
			return nil, fmt.Errorf("content pack %s: %w", dir, err)
		}
	}
	// A pack may bring its own base map in map/ (same files as assets/map); else the embedded one.
	var base fs.FS = packfs.Wrap(assets.Map())
	baseLabel := "the embedded base map"
	var pre error
	switch st, err := pack.Stat("map"); {
	case err == nil && st.IsDir():
		if sub, err := pack.Sub("map"); err == nil {
			base, baseLabel = sub, "layers in map/, fronts in fronts/"
		}
	case err == nil:
		pre = errors.New("map: not a folder; the embedded base map is shown")
	case !errors.Is(err, fs.ErrNotExist):
		pre = fmt.Errorf("map: %w; the embedded base map is shown", unwrapPath(err))
	}
	var md *geo.MapData
	var merr error
	var cat *timeline.Catalog
	var err error
	switch mode {
	case loadLazy:
		// The base map, the fronts and the chronicle load side by side (the cold start waits
		// for all three). The fronts' files are those of the theatres pack.json declares: they
		// are read for the theatres pack.json names at a glance, and read again should the
		// loaded chronicle name others.
		catDone := make(chan struct{})
		mapDone := make(chan struct{})
		go func() {
			defer close(mapDone)
			md, merr = geo.LoadMapDataLazyGuess(base, pack, timeline.PeekFrontTheatreIDs(pack), func() []string {
				<-catDone
				if cat == nil {
					return nil
				}
				return cat.FrontTheatreIDs()
			}, nil)
		}()
		cat, err = timeline.LoadFS(pack, label)
		close(catDone)
		<-mapDone
	case loadFronts:
		if cat, err = timeline.LoadFS(pack, label); err == nil {
			md, merr = geo.LoadMapData(nil, pack, cat.FrontTheatreIDs())
		}
		pre = nil
	default:
		if cat, err = timeline.LoadFS(pack, label); err == nil {
			md, merr = geo.LoadMapData(base, pack, cat.FrontTheatreIDs())
		}
	}
	if err != nil {
		pack.Close()
		return nil, err // a *timeline.PackError: its first line names the pack and the count
	}
	if pre != nil {
		merr = errors.Join(pre, merr)
	}
	c := &Content{Label: label, Catalog: cat, Map: md}
	if baseLabel != "the embedded base map" {
		c.MapFiles = "map/"
	}
	if merr != nil {
		return c, fmt.Errorf("content pack %s: map (%s); the map shows what loaded:\n%w", label, baseLabel, merr)
	}
	return c, nil
}

// unwrapPath drops the operation and path of an fs.PathError, which the message names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
