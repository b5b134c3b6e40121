package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Levels of detail of the base map, and the border snapshots.
const (
	BaseMapLevel50m = "50m" // whole-theatre view (Natural Earth 1:50m)
	BaseMapLevel10m = "10m" // close zoom (Natural Earth 1:10m)
	Borders1938     = "1938"
	Borders1945     = "1945"
)

// TheatreBound is the area the base-map layers cover, in degrees lon-first. East of 180° the
// longitudes continue (191 = 169°W), so Chukotka and Wrangel Island join the rest of the map.
var TheatreBound = orb.Bound{Min: orb.Point{-12, 25}, Max: orb.Point{191, 82}}

// bordersSwitch is the first day shown with the 1945 borders: the day after Germany's
// surrender took effect (VE Day in Moscow).
var bordersSwitch = time.Date(1945, 5, 9, 0, 0, 0, 0, time.UTC)

// BordersFor returns the border snapshot to draw for a calendar day: Borders1938 for days
// before 9 May 1945 (including 1936–37, for which 1938 is the nearest snapshot), Borders1945
// from 9 May 1945 on. Only the calendar date of day (in its own location) matters. Wartime
// annexations and occupations between the snapshots are not drawn as borders; the fronts and
// the held area show them.
func BordersFor(day time.Time) string {
	y, m, d := day.Date()
	if time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Before(bordersSwitch) {
		return Borders1938
	}
	return Borders1945
}

// BaseMapArea is a named area of a base-map layer: land, a lake or a country.
type BaseMapArea struct {
	Name      string // "" when unnamed
	Year      int    // lakes: first year shown (reservoirs filled by 1953); 0: always shown
	SubjectOf string // borders: the state a colony or protectorate belonged to, or ""
	Shape     orb.MultiPolygon
}

// ShownIn reports whether the area exists in the given year (a reservoir before its year does not).
func (a *BaseMapArea) ShownIn(year int) bool { return a.Year == 0 || year >= a.Year }

// BaseMapLine is a line of a base-map layer: a coastline or a river.
type BaseMapLine struct {
	Name string // rivers: English name of the period, or ""
	Rank int    // rivers: labelling importance, 1 (first) to 5; coastlines: 0
	Path orb.MultiLineString
}

// BaseMapLevel holds the layers of one level of detail.
type BaseMapLevel struct {
	Land   []BaseMapArea
	Coast  []BaseMapLine
	Lakes  []BaseMapArea
	Rivers []BaseMapLine
}

// BaseMapLayer describes one layer file, as listed in manifest.json.
type BaseMapLayer struct {
	Name     string `json:"name"`  // land, coast, lakes, rivers or borders
	Level    string `json:"level"` // 50m or 10m; for borders the snapshot year
	File     string `json:"file"`
	Source   string `json:"source"`
	Licence  string `json:"licence"`
	Features int    `json:"features"`
	Bytes    int    `json:"bytes"`
}

// BaseMap is the loaded base map: layers per level of detail and border snapshots.
type BaseMap struct {
	Levels  map[string]*BaseMapLevel // by BaseMapLevel50m, BaseMapLevel10m
	Borders map[string][]BaseMapArea // by Borders1938, Borders1945
	Layers  []BaseMapLayer           // the manifest (or the default list when it is unreadable)

	borderLines map[string]orb.MultiLineString // BorderLines of each snapshot, made at load
}

// defaultBaseMapLayers is the list used when manifest.json is missing or unreadable.
var defaultBaseMapLayers = func() []BaseMapLayer {
	var ls []BaseMapLayer
	for _, lv := range []string{BaseMapLevel50m, BaseMapLevel10m} {
		for _, n := range []string{"land", "coast", "lakes", "rivers"} {
			ls = append(ls, BaseMapLayer{Name: n, Level: lv, File: n + "-" + lv + ".geojson"})
		}
	}
	for _, y := range []string{Borders1938, Borders1945} {
		ls = append(ls, BaseMapLayer{Name: "borders", Level: y, File: "borders-" + y + ".geojson"})
	}
	return ls
}()

// bmMaxErrorsPerFile caps the feature errors reported for one file.
const bmMaxErrorsPerFile = 20

// LoadBaseMap reads manifest.json and the layer files it lists from fsys (assets.Map() or a
// folder). It is strict: every problem is reported with its file, feature index and field. A
// missing or malformed file, or a bad feature, is left out while everything else loads: the
// result is what loaded plus errors.Join of all problems (nil when there were none). When
// manifest.json itself is unreadable the standard file names are tried.
func LoadBaseMap(fsys fs.FS) (*BaseMap, error) { return LoadBaseMapLayers(fsys, nil) }

// LoadBaseMapLayers is LoadBaseMap for the layers of the manifest that keep accepts (all when
// keep is nil), so that a level can be loaded later (see LoadMapDataLazy).
func LoadBaseMapLayers(fsys fs.FS, keep func(BaseMapLayer) bool) (*BaseMap, error) {
	m := &BaseMap{Levels: map[string]*BaseMapLevel{}, Borders: map[string][]BaseMapArea{},
		borderLines: map[string]orb.MultiLineString{}}
	var errs []error
	if data, err := fs.ReadFile(fsys, "manifest.json"); err != nil {
		errs = append(errs, fmt.Errorf("manifest.json: %w", err))
		m.Layers = slices.Clone(defaultBaseMapLayers)
	} else {
		var doc struct {
			Layers []BaseMapLayer `json:"layers"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			errs = append(errs, fmt.Errorf("manifest.json: %w", err))
			m.Layers = slices.Clone(defaultBaseMapLayers)
		} else if len(doc.Layers) == 0 {
			errs = append(errs, errors.New(`manifest.json: "layers": empty, want the layer files`))
		} else {
			m.Layers = doc.Layers
		}
	}
	// Decode the files side by side (a second of JSON for the whole map on one core), then
	// store them in manifest order, so that problems are listed in that order.
	done := make([]decodedLayer, len(m.Layers))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, l := range m.Layers {
		if keep != nil && !keep(l) {
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			done[i] = decodeLayer(fsys, i, l)
			done[i].wanted = true
		})
	}
	wg.Wait()
	for i, d := range done {
		if d.wanted {
			errs = append(errs, m.storeLayer(m.Layers[i], d)...)
		}
	}
	return m, errors.Join(errs...)
}

// decodedLayer is a layer file read and converted, not yet stored in a BaseMap.
type decodedLayer struct {
	wanted bool
	areas  []BaseMapArea
	lines  []BaseMapLine
	errs   []error
	stored bool // false when the layer is left out (a bad manifest entry or file)
}

// storeLayer puts a decoded layer into m and returns its problems.
func (m *BaseMap) storeLayer(l BaseMapLayer, d decodedLayer) []error {
	if !d.stored {
		return d.errs
	}
	if l.Name == "borders" {
		m.Borders[l.Level] = d.areas
		m.borderLines[l.Level] = BorderLines(d.areas)
		return d.errs
	}
	lv := m.Levels[l.Level]
	if lv == nil {
		lv = &BaseMapLevel{}
		m.Levels[l.Level] = lv
	}
	switch l.Name {
	case "land":
		lv.Land = d.areas
	case "lakes":
		lv.Lakes = d.areas
	case "coast":
		lv.Coast = d.lines
	case "rivers":
		lv.Rivers = d.lines
	}
	return d.errs
}

// decodeLayer reads layer i of the manifest; every error names the file (and the feature
// index), or the manifest entry.
func decodeLayer(fsys fs.FS, i int, l BaseMapLayer) decodedLayer {
	isArea := l.Name == "land" || l.Name == "lakes" || l.Name == "borders"
	var bad string
	switch {
	case !isArea && l.Name != "coast" && l.Name != "rivers":
		bad = fmt.Sprintf("name %q: want land, coast, lakes, rivers or borders", l.Name)
	case l.Name == "borders" && l.Level != Borders1938 && l.Level != Borders1945:
		bad = fmt.Sprintf("level %q: want %s or %s", l.Level, Borders1938, Borders1945)
	case l.Name != "borders" && l.Level != BaseMapLevel50m && l.Level != BaseMapLevel10m:
		bad = fmt.Sprintf("level %q: want %s or %s", l.Level, BaseMapLevel50m, BaseMapLevel10m)
	}
	if bad != "" {
		return decodedLayer{errs: []error{fmt.Errorf("manifest.json: layer %d (%s): %s", i, l.File, bad)}}
	}
	data, err := fs.ReadFile(fsys, l.File)
	if err != nil {
		return decodedLayer{errs: []error{fmt.Errorf("%s: %w", l.File, err)}}
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return decodedLayer{errs: []error{fmt.Errorf("%s: %w", l.File, err)}}
	}
	var errs []error
	var areas []BaseMapArea
	var lines []BaseMapLine
	for i, f := range fc.Features {
		var err error
		if isArea {
			var a BaseMapArea
			if a, err = bmArea(f, l.Name); err == nil {
				areas = append(areas, a)
			}
		} else {
			var ln BaseMapLine
			if ln, err = bmLine(f, l.Name); err == nil {
				lines = append(lines, ln)
			}
		}
		if err != nil {
			if len(errs) == bmMaxErrorsPerFile {
				errs = append(errs, fmt.Errorf("%s: more errors not shown", l.File))
				break
			}
			errs = append(errs, fmt.Errorf("%s: feature %d: %w", l.File, i, err))
		}
	}
	return decodedLayer{areas: areas, lines: lines, errs: errs, stored: true}
}

// bmArea converts a feature of an area layer; the properties allowed depend on the layer.
func bmArea(f *geojson.Feature, layer string) (BaseMapArea, error) {
	var a BaseMapArea
	switch g := f.Geometry.(type) {
	case orb.Polygon:
		a.Shape = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		a.Shape = g
	default:
		return a, fmt.Errorf("geometry: got %s, want Polygon or MultiPolygon", bmGeomType(f.Geometry))
	}
	for i, p := range a.Shape {
		for j, r := range p {
			if err := bmCheckPoints(r, 4); err != nil {
				return a, fmt.Errorf("geometry: polygon %d ring %d: %w", i, j, err)
			}
		}
	}
	if err := bmCheckProps(f, layer); err != nil {
		return a, err
	}
	var err error
	if a.Name, err = bmStringProp(f, "name", layer == "borders"); err != nil {
		return a, err
	}
	if layer == "lakes" {
		y, err := bmIntProp(f, "year", 1800, 2100)
		if err != nil {
			return a, err
		}
		a.Year = y
	}
	if layer == "borders" {
		if a.SubjectOf, err = bmStringProp(f, "subject_of", false); err != nil {
			return a, err
		}
	}
	return a, nil
}

// bmLine converts a feature of a line layer; rivers must have a rank from 1 to 5.
func bmLine(f *geojson.Feature, layer string) (BaseMapLine, error) {
	var l BaseMapLine
	switch g := f.Geometry.(type) {
	case orb.LineString:
		l.Path = orb.MultiLineString{g}
	case orb.MultiLineString:
		l.Path = g
	default:
		return l, fmt.Errorf("geometry: got %s, want LineString or MultiLineString", bmGeomType(f.Geometry))
	}
	for i, ls := range l.Path {
		if err := bmCheckPoints(ls, 2); err != nil {
			return l, fmt.Errorf("geometry: line %d: %w", i, err)
		}
	}
	if err := bmCheckProps(f, layer); err != nil {
		return l, err
	}
	if layer != "rivers" {
		return l, nil
	}
	var err error
	if l.Name, err = bmStringProp(f, "name", false); err != nil {
		return l, err
	}
	if l.Rank, err = bmIntProp(f, "rank", 1, 5); err != nil {
		return l, err
	}
	if l.Rank == 0 {
		return l, errors.New(`property "rank": missing, want 1 to 5`)
	}
	return l, nil
}

// bmCheckPoints checks that pts has at least min points, all finite and within the
// theatre's longitudes extended by a degree and within ±90° of latitude.
func bmCheckPoints(pts []orb.Point, min int) error {
	if len(pts) < min {
		return fmt.Errorf("got %d points, want at least %d", len(pts), min)
	}
	for k, p := range pts {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < TheatreBound.Min[0]-1 || p[0] > TheatreBound.Max[0]+1 ||
			p[1] < -90 || p[1] > 90 {
			return fmt.Errorf("point %d: %v out of range", k, p)
		}
	}
	return nil
}

// bmAllowedProps lists the properties each layer may carry.
var bmAllowedProps = map[string]map[string]bool{
	"land":    {},
	"coast":   {},
	"lakes":   {"name": true, "year": true},
	"rivers":  {"name": true, "rank": true},
	"borders": {"name": true, "subject_of": true},
}

// bmCheckProps reports the first unknown property of f (in sorted order, so errors are stable).
func bmCheckProps(f *geojson.Feature, layer string) error {
	var unknown []string
	for k := range f.Properties {
		if !bmAllowedProps[layer][k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return fmt.Errorf("property %q: unknown in a %s layer", unknown[0], layer)
}

func bmGeomType(g orb.Geometry) string {
	if g == nil {
		return "null"
	}
	return g.GeoJSONType()
}

// bmStringProp returns a string property ("" when absent or null, an error when required).
func bmStringProp(f *geojson.Feature, key string, required bool) (string, error) {
	v, ok := f.Properties[key]
	if !ok || v == nil {
		if required {
			return "", fmt.Errorf("property %q: missing", key)
		}
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("property %q: got %T, want string", key, v)
	}
	return s, nil
}

// bmIntProp returns an integer property in [lo, hi] (0 when absent or null).
func bmIntProp(f *geojson.Feature, key string, lo, hi int) (int, error) {
	v, ok := f.Properties[key]
	if !ok || v == nil {
		return 0, nil
	}
	n, ok := v.(float64)
	if !ok || n != math.Trunc(n) {
		return 0, fmt.Errorf("property %q: got %v, want an integer", key, v)
	}
	if n < float64(lo) || n > float64(hi) {
		return 0, fmt.Errorf("property %q: got %v, want %d to %d", key, n, lo, hi)
	}
	return int(n), nil
}
