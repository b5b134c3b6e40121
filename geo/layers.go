package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"frontline-atlas/internal/packfs"
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
	// Warnings are what loaded but may not draw as meant, each naming the file, the feature
	// and the field: an empty polygon (left out), a ring that crosses itself.
	Warnings []string

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

// Limits on what a base map may make the program read (see docs/reliability.md).
const (
	// bmMaxErrorsPerFile caps the feature errors listed for one file; the others are counted.
	bmMaxErrorsPerFile = 20
	// MaxLayerFile is the largest layer file read (32 MiB; Natural Earth's 1:10m coastline,
	// unsimplified, is 19 MB).
	MaxLayerFile = packfs.MaxFile
	// MaxLayerBytes is the most the layer files of one load may hold together (256 MiB): a
	// manifest listing one large file a hundred times is stopped there.
	MaxLayerBytes = 256 << 20
	// MaxLayers is the most layers a manifest may list.
	MaxLayers = 100
	// maxManifest is the largest manifest.json read.
	maxManifest = 1 << 20
)

// LoadBaseMap reads manifest.json and the layer files it lists from fsys (assets.Map() or a
// folder). It is strict: every problem is reported with its file, feature index and field. A
// missing or malformed file, or a bad feature, is left out while everything else loads: the
// result is what loaded plus errors.Join of all problems (nil when there were none). When
// manifest.json itself is unreadable the standard file names are tried. Every file is read
// through internal/packfs: regular files only, at most MaxLayerFile each.
func LoadBaseMap(fsys fs.FS) (*BaseMap, error) { return LoadBaseMapLayers(fsys, nil) }

// LoadBaseMapLayers is LoadBaseMap for the layers of the manifest that keep accepts (all when
// keep is nil), so that a level can be loaded later (see LoadMapDataLazy).
func LoadBaseMapLayers(fsys fs.FS, keep func(BaseMapLayer) bool) (*BaseMap, error) {
	layers, err := ReadManifest(fsys)
	m, lerr := loadBaseMapLayers(fsys, layers, keep)
	return m, errors.Join(err, lerr)
}

// ReadManifest reads manifest.json of a base map: the layer files and what they hold. When
// it is missing or unreadable, the error says why and the standard list is returned.
func ReadManifest(fsys fs.FS) ([]BaseMapLayer, error) {
	data, err := packfs.ReadFile(fsys, "manifest.json", maxManifest)
	if err != nil {
		return slices.Clone(defaultBaseMapLayers), fmt.Errorf("manifest.json: %w", packfs.Unwrap(err))
	}
	var doc struct {
		Layers []BaseMapLayer `json:"layers"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return slices.Clone(defaultBaseMapLayers), fmt.Errorf("manifest.json: %w", err)
	}
	switch {
	case len(doc.Layers) == 0:
		return nil, errors.New(`manifest.json: "layers": empty, want the layer files`)
	case len(doc.Layers) > MaxLayers:
		return doc.Layers[:MaxLayers], fmt.Errorf(`manifest.json: "layers": %d layers, more than the limit of %d: the first %d are read`, len(doc.Layers), MaxLayers, MaxLayers)
	}
	return doc.Layers, nil
}

// loadBaseMapLayers loads the layers that keep accepts (all when keep is nil). The files are
// read one after another in manifest order, so that the byte budget is spent the same way on
// every load, and decoded side by side (about 0.13 s for the whole map on two cores), at
// most GOMAXPROCS at a time, so that few files are held at once. They are stored in manifest
// order, so that problems are listed in that order.
func loadBaseMapLayers(fsys fs.FS, layers []BaseMapLayer, keep func(BaseMapLayer) bool) (*BaseMap, error) {
	m := &BaseMap{Levels: map[string]*BaseMapLevel{}, Borders: map[string][]BaseMapArea{},
		borderLines: map[string]orb.MultiLineString{}, Layers: layers}
	done := make([]decodedLayer, len(layers))
	areaLayers := 0
	for _, l := range layers {
		if (keep == nil || keep(l)) && isAreaLayer(l.Name) {
			areaLayers++
		}
	}
	// Each layer may spend its share of the crossing budget, so that the outcome does not depend
	// on which decodes first.
	rings := bmCrossingBudget / max(areaLayers, 1)
	budget := int64(MaxLayerBytes) // spent in manifest order only (see turn)
	turn := make(chan struct{})
	close(turn)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, l := range layers {
		if keep != nil && !keep(l) {
			continue
		}
		done[i].wanted = true
		if err := checkLayerEntry(i, l); err != nil {
			done[i].errs = []error{err}
			continue
		}
		sem <- struct{}{} // goroutines start in manifest order, each holding a slot
		prev, next := turn, make(chan struct{})
		turn = next
		wg.Go(func() {
			defer func() { <-sem }()
			<-prev // the files before this one are read
			data, err := packfs.ReadFile(fsys, l.File, min(MaxLayerFile, max(budget, 1)))
			if errors.Is(err, packfs.ErrTooLarge) && budget < MaxLayerFile {
				err = fmt.Errorf("the layers together are more than the limit of %s", packfs.FormatSize(MaxLayerBytes))
			}
			budget -= int64(len(data))
			close(next)
			if err != nil {
				done[i].errs = []error{fmt.Errorf("%s: %w", l.File, packfs.Unwrap(err))}
				return
			}
			ld := &bmLoader{rings: rings}
			ld.decodeLayer(&done[i], l, data)
		})
	}
	wg.Wait()
	var errs []error
	for i, d := range done {
		if d.wanted {
			errs = append(errs, m.storeLayer(layers[i], d)...)
		}
	}
	return m, errors.Join(errs...)
}

// bmLoader holds what the decoding of one layer uses: the work left for finding rings that
// cross themselves, and scratch space.
type bmLoader struct {
	rings int
	// Scratch space of ringCrossing, reused from ring to ring.
	cellStart, cellFill, cellEdges []int32
}

// decodedLayer is a layer file read and converted, not yet stored in a BaseMap.
type decodedLayer struct {
	wanted   bool
	stored   bool // false when the layer is left out (a bad manifest entry or file)
	areas    []BaseMapArea
	lines    []BaseMapLine
	errs     []error
	warnings []string
}

// isAreaLayer reports whether a layer of that name holds areas (the others hold lines).
func isAreaLayer(name string) bool { return name == "land" || name == "lakes" || name == "borders" }

// checkLayerEntry checks entry i of the manifest: a known name and a level that fits it.
func checkLayerEntry(i int, l BaseMapLayer) error {
	var bad string
	switch {
	case !isAreaLayer(l.Name) && l.Name != "coast" && l.Name != "rivers":
		bad = fmt.Sprintf("name %q: want land, coast, lakes, rivers or borders", l.Name)
	case l.Name == "borders" && l.Level != Borders1938 && l.Level != Borders1945:
		bad = fmt.Sprintf("level %q: want %s or %s", l.Level, Borders1938, Borders1945)
	case l.Name != "borders" && l.Level != BaseMapLevel50m && l.Level != BaseMapLevel10m:
		bad = fmt.Sprintf("level %q: want %s or %s", l.Level, BaseMapLevel50m, BaseMapLevel10m)
	}
	if bad == "" {
		return nil
	}
	return fmt.Errorf("manifest.json: layer %d (%s): %s", i, l.File, bad)
}

// storeLayer puts a decoded layer into m and returns its problems.
func (m *BaseMap) storeLayer(l BaseMapLayer, d decodedLayer) []error {
	if !d.stored {
		return d.errs
	}
	m.Warnings = append(m.Warnings, d.warnings...)
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

// decodeLayer converts the file data of layer l into d; every error names the file and the
// feature index.
func (ld *bmLoader) decodeLayer(d *decodedLayer, l BaseMapLayer, data []byte) {
	features, err := decodeFeatures(data)
	if err != nil {
		d.errs = []error{fmt.Errorf("%s: %w", l.File, err)}
		return
	}
	isArea := isAreaLayer(l.Name)
	more := 0
	for i, f := range features {
		var err error
		if isArea {
			var a BaseMapArea
			var warn string
			if a, warn, err = ld.bmArea(f, l.Name); err == nil && warn == "" {
				d.areas = append(d.areas, a)
			} else if warn != "" {
				d.warnings = append(d.warnings, fmt.Sprintf("%s: feature %d: %s", l.File, i, warn))
				if len(a.Shape) > 0 {
					d.areas = append(d.areas, a) // a ring that crosses itself is still drawn
				}
			}
		} else {
			var ln BaseMapLine
			if ln, err = bmLine(f, l.Name); err == nil {
				d.lines = append(d.lines, ln)
			}
		}
		if err != nil {
			if len(d.errs) >= bmMaxErrorsPerFile {
				more++
				continue
			}
			d.errs = append(d.errs, fmt.Errorf("%s: feature %d: %w", l.File, i, err))
		}
	}
	if more > 0 {
		d.errs = append(d.errs, fmt.Errorf("%s: and %d more features with errors, not listed", l.File, more))
	}
	d.stored = true
}

// bmArea converts a feature of an area layer; the properties allowed depend on the layer. A
// feature that loads but may not draw as meant gives a warning: an empty polygon (the area is
// then left out) or a ring that crosses itself (drawn all the same).
func (ld *bmLoader) bmArea(f *geojson.Feature, layer string) (a BaseMapArea, warn string, err error) {
	switch g := f.Geometry.(type) {
	case orb.Polygon:
		a.Shape = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		a.Shape = g
	default:
		return a, "", fmt.Errorf("geometry: got %s, want Polygon or MultiPolygon", bmGeomType(f.Geometry))
	}
	if err := bmCheckProps(f, layer); err != nil {
		return a, "", err
	}
	if a.Name, err = bmStringProp(f, "name", layer == "borders"); err != nil {
		return a, "", err
	}
	if layer == "lakes" {
		if a.Year, err = bmIntProp(f, "year", 1800, 2100); err != nil {
			return a, "", err
		}
	}
	if layer == "borders" {
		if a.SubjectOf, err = bmStringProp(f, "subject_of", false); err != nil {
			return a, "", err
		}
	}
	kept := a.Shape[:0]
	var empty []string
	for i, p := range a.Shape {
		if len(p) == 0 {
			empty = append(empty, strconv.Itoa(i))
			continue
		}
		for j, r := range p {
			if err := bmCheckPoints(r, 4); err != nil {
				return a, "", fmt.Errorf("geometry: polygon %d ring %d: %w", i, j, err)
			}
		}
		kept = append(kept, p)
	}
	a.Shape = kept
	var warns []string
	switch {
	case len(kept) == 0:
		return a, "geometry: empty " + bmGeomType(f.Geometry) + ": nothing to draw, left out", nil
	case len(empty) > 0:
		warns = append(warns, fmt.Sprintf("geometry: polygon %s empty, left out", strings.Join(empty, ", ")))
	}
	for i, p := range a.Shape {
		for j, r := range p {
			if at, ok := ld.ringCrossing(r); ok {
				warns = append(warns, fmt.Sprintf("geometry: polygon %d ring %d crosses itself near %.4f, %.4f: it may be filled wrongly", i, j, at[0], at[1]))
			}
		}
	}
	return a, strings.Join(warns, "; "), nil
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

// bmCheckPoints checks that pts has at least min points, all finite, and brings them within
// the theatre's longitudes extended by a degree (see bmUnwrap), within ±90° of latitude.
func bmCheckPoints(pts []orb.Point, min int) error {
	if len(pts) < min {
		return fmt.Errorf("got %d points, want at least %d", len(pts), min)
	}
	for k, p := range pts {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || p[0] < -180 || p[0] > 360 || p[1] < -90 || p[1] > 90 {
			return fmt.Errorf("point %d: %v out of range (want longitude -180 to 180, latitude -90 to 90)", k, p)
		}
	}
	return bmUnwrap(pts)
}

// bmUnwrap brings a ring or line that crosses the antimeridian into the theatre's continuous
// longitudes (which run on past 180°, to 191°), in place. RFC 7946 (§3.1.9) asks writers to
// cut such geometries at 180°, but files do both: a ring written 170 → 190 and one written
// 170 → -170 are read alike. Each step of more than 180° of longitude between neighbouring
// points is taken the short way round (-170 after 170 becomes 190), and a ring lying wholly
// west of the theatre (the part of Chukotka that a cut file puts at -180 to -169) is moved
// 360° east. A ring that goes round a pole cannot be drawn on this map and is refused.
func bmUnwrap(pts []orb.Point) error {
	lo, hi := pts[0][0], pts[0][0]
	for k := 1; k < len(pts); k++ {
		d := pts[k][0] - pts[k-1][0]
		switch {
		case d > 180:
			pts[k][0] -= 360
		case d < -180:
			pts[k][0] += 360
		}
		lo, hi = math.Min(lo, pts[k][0]), math.Max(hi, pts[k][0])
	}
	closed := len(pts) > 2 && math.Abs(pts[0][1]-pts[len(pts)-1][1]) < 1e-9
	if closed && math.Abs(math.Abs(pts[0][0]-pts[len(pts)-1][0])-360) < 1e-9 {
		return errors.New("the ring goes round a pole: it cannot be drawn on this map")
	}
	minLon, maxLon := TheatreBound.Min[0]-1, TheatreBound.Max[0]+1
	shift := 0.0
	switch {
	case lo < minLon && hi+360 <= maxLon:
		shift = 360
	case hi > maxLon && lo-360 >= minLon:
		shift = -360
	}
	if lo+shift < minLon || hi+shift > maxLon {
		for k, p := range pts {
			if p[0]+shift < minLon || p[0]+shift > maxLon {
				return fmt.Errorf("point %d: %v outside the map's longitudes (%g to %g)", k, p, minLon, maxLon)
			}
		}
	}
	if shift != 0 {
		for k := range pts {
			pts[k][0] += shift
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
