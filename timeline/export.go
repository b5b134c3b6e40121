package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"frontline-atlas/buildinfo"
)

// Export writes the catalog into the folder dir, creating it if needed and replacing files of
// the same names:
//   - events.geojson and places.geojson: RFC 7946 FeatureCollections. Each feature has the
//     item's id, and properties kind, name, aliases, start and end (dates in the pack
//     notation) and its links by kind ("people": ["zhukov"], …). An event is located at its
//     places: a Point for one place, a MultiPoint for several; events without places are left
//     out of events.geojson.
//   - pack.json and one JSON file per kind (events.json, people.json, …) in the content-pack
//     format, with the images the items use, so that LoadDir(dir) loads the same catalog;
//     pack.json names the program and version that wrote it ("generator").
//
// Coordinates are degrees, longitude first.
func Export(c *Catalog, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	write := func(name string, v any) error {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("export %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	type file struct {
		name string
		v    any
	}
	files := []file{{PackInfoFile, map[string]any{"pack": c.Info, "generator": buildinfo.String()}}}
	for _, k := range Kinds {
		items := c.lists[k]
		if items == nil {
			items = []Item{} // an empty list, not null: the file replaces an older export's
		}
		files = append(files, file{k.Plural() + ".json", map[string]any{k.Plural(): items}})
	}
	files = append(files, file{"events.geojson", c.EventsGeoJSON()}, file{"places.geojson", c.PlacesGeoJSON()})
	for _, f := range files {
		if err := write(f.name, f.v); err != nil {
			return err
		}
	}
	return c.exportImages(dir)
}

// EventsGeoJSON returns the events that have places as GeoJSON features located at their
// places (a Point or a MultiPoint, degrees lon-first), sorted by start.
func (c *Catalog) EventsGeoJSON() *geojson.FeatureCollection {
	fc := geojson.NewFeatureCollection()
	for _, e := range c.events {
		var pts orb.MultiPoint
		for _, id := range e.Places {
			if p := c.Place(id); p != nil {
				pts = append(pts, orb.Point{p.Lon, p.Lat})
			}
		}
		if len(pts) == 0 {
			continue
		}
		var g orb.Geometry = pts
		if len(pts) == 1 {
			g = pts[0]
		}
		f := geojson.NewFeature(g)
		f.ID = e.ID
		c.exportProperties(f, Ref{KindEvent, e.ID}, nil, e.Start, e.End)
		f.Properties["category"] = e.Category
		f.Properties["theatre"] = e.Theatre
		f.Properties["importance"] = e.Importance
		f.Properties["summary"] = e.Summary.String()
		fc.Append(f)
	}
	return fc
}

// PlacesGeoJSON returns every place as a GeoJSON Point feature (degrees lon-first), in pack order.
func (c *Catalog) PlacesGeoJSON() *geojson.FeatureCollection {
	fc := geojson.NewFeatureCollection()
	for _, p := range c.Places() {
		f := geojson.NewFeature(orb.Point{p.Lon, p.Lat})
		f.ID = p.ID
		aliases := append([]string(nil), p.Aliases...)
		for _, n := range p.Names {
			if s := n.Name.String(); s != p.Name.String() && s != "" {
				aliases = append(aliases, s)
			}
		}
		if s := p.Modern.String(); s != "" && s != p.Name.String() {
			aliases = append(aliases, s)
		}
		c.exportProperties(f, Ref{KindPlace, p.ID}, aliases, Date{}, Date{})
		f.Properties["type"] = p.Type
		f.Properties["rank"] = p.Rank
		f.Properties["modern"] = p.Modern.String()
		f.Properties["linked_events"] = refIDList(c.Related(Ref{KindPlace, p.ID}, KindEvent))
		fc.Append(f)
	}
	return fc
}

// exportProperties sets the properties every exported feature carries.
func (c *Catalog) exportProperties(f *geojson.Feature, r Ref, aliases []string, start, end Date) {
	if aliases == nil {
		aliases = []string{}
	}
	f.Properties["id"] = r.ID
	f.Properties["kind"] = string(r.Kind)
	f.Properties["name"] = c.Name(r)
	f.Properties["aliases"] = aliases
	f.Properties["start"] = start.String()
	f.Properties["end"] = end.String()
	links := map[string][]string{}
	for _, l := range c.byRef[r].Links() {
		links[l.Field] = append(links[l.Field], l.To.ID)
	}
	for field, ids := range links {
		f.Properties[field] = ids
	}
}

func refIDList(refs []Ref) []string {
	ids := make([]string, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	return ids
}

// exportImages copies the images the items use into dir, at the same paths.
func (c *Catalog) exportImages(dir string) error {
	var images []string
	seen := map[string]bool{}
	add := func(p string) {
		if p != "" && !seen[p] {
			seen[p] = true
			images = append(images, p)
		}
	}
	for _, k := range Kinds {
		for _, v := range c.lists[k] {
			add(v.image())
		}
	}
	if len(images) == 0 {
		return nil
	}
	sort.Strings(images)
	fsys := c.packFS
	if c.packDir != "" {
		root, err := os.OpenRoot(c.packDir)
		if err != nil {
			return fmt.Errorf("export images: %w", err)
		}
		defer root.Close()
		fsys = root.FS()
	}
	if fsys == nil {
		return fmt.Errorf("export images: the catalog does not know the pack it came from")
	}
	for _, p := range images {
		if !fs.ValidPath(p) {
			return fmt.Errorf("export images: %q is not a path inside the pack", p)
		}
		data, err := readPackFile(fsys, p)
		if err != nil {
			return fmt.Errorf("export image %s: %w", p, err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(path.Dir(p))), 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}
