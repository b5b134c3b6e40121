// Package assets embeds the default content pack and the derived map layers, so the app runs
// offline with nothing read from disk.
//
//   - content/: the default content pack (pack.json, events.json, people.json, …, fronts/*.geojson),
//     in the format documented in docs/content-format.md.
//   - map/: base-map layers derived from Natural Earth and historical-basemaps by
//     `go run ./tools/geodata` (see docs/credits.md).
package assets

import (
	"embed"
	"io/fs"
)

//go:embed all:content all:map
var files embed.FS

// Content returns the embedded default content pack, rooted at the pack folder.
func Content() fs.FS { return sub("content") }

// Map returns the embedded base-map layers, rooted at the map folder.
func Map() fs.FS { return sub("map") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic("assets: " + err.Error()) // cannot happen: dir is a constant embedded above
	}
	return f
}
