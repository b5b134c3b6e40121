package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"image/color"
	"io/fs"
	"math"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/paulmach/orb"
)

// MapData is everything the map draws that is not an item of the chronicle: the base map
// (land, coasts, lakes, rivers, period borders) and the front lines of every theatre.
// It is read-only after LoadMapData and safe for concurrent use.
type MapData struct {
	base   atomic.Pointer[BaseMap]
	Fronts *Fronts // nil when the pack has no fronts or they failed to load
	// lakeYears are the distinct years in which a lake (a reservoir) first appears, ascending.
	lakeYears atomic.Pointer[[]int]
	detail    chan struct{} // closed when the 1:10m level has loaded (or failed to)
	detailErr error
	// loadDetail starts loading the 1:10m level; startDetail runs it once (see LoadDetail).
	loadDetail    func()
	startDetail   sync.Once
	detailStarted atomic.Bool
	countries     countryLabelCache
}

// BaseMap returns the base map loaded so far (the 1:10m level may still be loading).
func (m *MapData) BaseMap() *BaseMap { return m.base.Load() }

// DetailReady reports whether the 1:10m level has finished loading.
func (m *MapData) DetailReady() bool {
	select {
	case <-m.detail:
		return true
	default:
		return false
	}
}

// DetailLoaded returns a channel that is closed when the 1:10m level has loaded (or failed to).
// It does not start the loading (see LoadDetail).
func (m *MapData) DetailLoaded() <-chan struct{} { return m.detail }

// LoadDetail starts loading the 1:10m level in the background if it has not started (map data
// from LoadMapDataLazy loads it only when asked). It returns at once.
func (m *MapData) LoadDetail() {
	if m.loadDetail != nil {
		m.startDetail.Do(func() {
			m.detailStarted.Store(true)
			m.loadDetail()
		})
	}
}

// WaitDetail starts loading the 1:10m level if need be, waits until it has loaded and returns
// what went wrong loading it.
func (m *MapData) WaitDetail() error {
	m.LoadDetail()
	<-m.detail
	return m.detailErr
}

// LoadMapData loads the base map from base (assets.Map() or a folder with the same files) and
// the front keyframes from pack's fronts/ folder, one file for each of the theatres the pack
// declares (see LoadFronts). Every problem is reported at once, each naming its file, the
// 1:10m level's with the others; what loaded is returned all the same, so the map shows what
// it can. The result is never nil. With a nil base there is no base map, only the fronts
// (what the export and front commands need).
func LoadMapData(base, pack fs.FS, theatres []string) (*MapData, error) {
	md, err := loadMapData(base, pack, nil, func() []string { return theatres }, nil, false)
	return md, errors.Join(err, md.WaitDetail())
}

// LoadMapDataLazy is LoadMapData that returns as soon as the whole-theatre (1:50m) level, the
// borders and the fronts have loaded. The close-zoom 1:10m level (about 0.1 s of GeoJSON
// decoding on two cores) loads in the background once asked for: by LoadDetail or WaitDetail, or by a
// MapSession when a view needs it or its first frame is complete, so that on two cores it does
// not slow the first frame down. onDetail, if non-nil, is called from that goroutine when it is
// in. Until then BaseLayers draws the 1:50m level at every zoom; WaitDetail returns the 1:10m
// level's problems.
func LoadMapDataLazy(base, pack fs.FS, theatres []string, onDetail func()) (*MapData, error) {
	return loadMapData(base, pack, nil, func() []string { return theatres }, onDetail, true)
}

// LoadMapDataLazyGuess is LoadMapDataLazy for a caller that learns the front theatres while
// the base map loads: theatres is called once the whole-theatre level is in, just before the
// fronts are needed, and may block until the pack's catalog has loaded, so that the base map
// and the chronicle load side by side, which the cold start on two cores needs. The fronts
// start loading at once for the theatres guessed (timeline.PeekFrontTheatreIDs), beside the
// base map and the catalog; when theatres returns another list they are read again for it, so
// the result and the messages are the same either way. A nil guess reads them only once
// theatres has answered. On two cores the guess takes the fronts (some 30 ms) off the cold
// start's path.
func LoadMapDataLazyGuess(base, pack fs.FS, guess []string, theatres func() []string, onDetail func()) (*MapData, error) {
	return loadMapData(base, pack, guess, theatres, onDetail, true)
}

// loadMapData loads what LoadMapData loads; the 1:10m level starts loading at once unless
// deferred. When guess is not nil, the fronts of those theatres start loading at once.
func loadMapData(base, pack fs.FS, guess []string, theatres func() []string, onDetail func(), deferred bool) (*MapData, error) {
	md := &MapData{detail: make(chan struct{})}
	var early chan packFronts
	if pack != nil && guess != nil {
		early = make(chan packFronts, 1)
		go func() { early <- loadPackFronts(pack, guess) }()
	}
	var errs []error
	bm := &BaseMap{Levels: map[string]*BaseMapLevel{}, Borders: map[string][]BaseMapArea{}}
	var layers []BaseMapLayer
	if base != nil {
		// The manifest is read once, here: its problems are reported once.
		var err error
		layers, err = ReadManifest(base)
		errs = append(errs, eachPrefixed("base map: ", err)...)
		coarse := func(l BaseMapLayer) bool { return l.Level != BaseMapLevel10m }
		bm, err = loadBaseMapLayers(base, layers, coarse)
		errs = append(errs, eachPrefixed("base map: ", err)...)
	}
	md.base.Store(bm)
	if base == nil {
		close(md.detail)
	} else {
		md.loadDetail = func() { go md.detailLevel(base, layers, bm, onDetail) }
		if !deferred {
			md.LoadDetail()
		}
	}
	if pack != nil {
		var fr packFronts
		if early != nil {
			fr = <-early
		}
		if th := theatres(); early == nil || !slices.Equal(th, guess) {
			fr = loadPackFronts(pack, th)
		}
		md.Fronts = fr.fronts
		if fr.err != nil {
			errs = append(errs, fr.err)
		}
	}
	md.setLakeYears(bm)
	return md, errors.Join(errs...)
}

// packFronts is what loadPackFronts read.
type packFronts struct {
	fronts *Fronts
	err    error
}

// loadPackFronts reads the fronts of the theatres from the pack's fronts/ folder, if it has
// one.
func loadPackFronts(pack fs.FS, theatres []string) packFronts {
	st, err := fs.Stat(pack, "fronts")
	switch {
	case err == nil && st.IsDir():
		fr, err := LoadFronts(pack, "fronts", theatres)
		return packFronts{fr, err}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return packFronts{nil, fmt.Errorf("fronts: %w", err)}
	}
	return packFronts{}
}

// detailLevel loads the 1:10m layers (once, on its own goroutine), puts them beside the coarse
// level bm and closes detail.
func (md *MapData) detailLevel(base fs.FS, layers []BaseMapLayer, bm *BaseMap, onDetail func()) {
	fine, err := loadBaseMapLayers(base, layers, func(l BaseMapLayer) bool { return l.Level == BaseMapLevel10m })
	md.detailErr = errors.Join(eachPrefixed("base map: ", err)...)
	if fine != nil {
		merged := *bm
		merged.Levels = map[string]*BaseMapLevel{}
		for k, v := range bm.Levels {
			merged.Levels[k] = v
		}
		if lv := fine.Levels[BaseMapLevel10m]; lv != nil {
			merged.Levels[BaseMapLevel10m] = lv
		}
		merged.Warnings = append(slices.Clip(bm.Warnings), fine.Warnings...)
		md.setLakeYears(&merged)
		md.base.Store(&merged)
	}
	close(md.detail)
	// Decoding the GeoJSON left some 100 MB of garbage: hand it back to the system now
	// rather than at the collector's leisure (an exhibit runs for months).
	debug.FreeOSMemory()
	if onDetail != nil {
		onDetail()
	}
}

// eachPrefixed returns the problems joined in err (errors.Join, at any depth), each with the
// prefix, so that every line of the report says where it comes from.
func eachPrefixed(prefix string, err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, eachPrefixed(prefix, e)...)
		}
		return out
	}
	return []error{fmt.Errorf("%s%w", prefix, err)}
}

// Warnings returns what loaded but may not draw as meant (see BaseMap.Warnings), for the
// levels loaded so far.
func (m *MapData) Warnings() []string {
	if m == nil || m.BaseMap() == nil {
		return nil
	}
	return slices.Clone(m.BaseMap().Warnings)
}

// setLakeYears records the distinct years in which a lake of bm (a reservoir) first appears.
func (m *MapData) setLakeYears(bm *BaseMap) {
	seen := map[int]bool{}
	var years []int
	for _, lv := range bm.Levels {
		for _, l := range lv.Lakes {
			if l.Year != 0 && !seen[l.Year] {
				seen[l.Year] = true
				years = append(years, l.Year)
			}
		}
	}
	sort.Ints(years)
	m.lakeYears.Store(&years)
}

// Detail levels of the base map.
const (
	Detail50m = BaseMapLevel50m
	Detail10m = BaseMapLevel10m
)

// EpochKey names the state of the base map at t: the border snapshot and the newest reservoir
// that exists. Two dates with the same key draw the same base map, so tiles can be shared.
func (m *MapData) EpochKey(t time.Time) string {
	lake := 0
	for _, y := range *m.lakeYears.Load() {
		if y <= t.Year() {
			lake = y
		}
	}
	return BordersFor(t) + "/" + strconv.Itoa(lake)
}

// BorderYear returns the year of the border snapshot drawn at t (1938 or 1945).
func (m *MapData) BorderYear(t time.Time) int {
	y, _ := strconv.Atoi(BordersFor(t))
	return y
}

// riverRankFor is the least important river rank drawn at a detail level.
func riverRankFor(detail string) int {
	if detail == Detail10m {
		return 5
	}
	return 3
}

// BaseLayers returns the base map at a detail level for date t in style s, in drawing order.
func (m *MapData) BaseLayers(detail string, t time.Time, s *Style) []Layer {
	bm := m.BaseMap()
	if detail == Detail10m && bm.Levels[Detail10m] == nil {
		detail = Detail50m // still loading, or failed: the coarse level stands in
	}
	layers := bm.DrawLayers(detail, t, s, riverRankFor(detail))
	// The graticule goes under the borders, coasts and rivers, over land and lakes.
	g := Layer{Name: "graticule", Kind: LayerLine, Role: RoleBorder, Geoms: []orb.Geometry{Graticule(10)},
		Override: &Paint{Stroke: color.NRGBA{R: s.Border.Stroke.R, G: s.Border.Stroke.G, B: s.Border.Stroke.B, A: 0x50}, Width: 0.5}}
	at := 0
	for i, l := range layers {
		if l.Role == RoleLand || l.Role == RoleLake {
			at = i + 1
		}
	}
	return append(layers[:at:at], append([]Layer{g}, layers[at:]...)...)
}

// Graticule returns the meridians and parallels every step degrees across TheatreBound, with a
// vertex every degree so that they curve as the projection does.
func Graticule(step float64) orb.MultiLineString {
	b := TheatreBound
	var out orb.MultiLineString
	for lon := math.Ceil(b.Min[0]/step) * step; lon <= b.Max[0]; lon += step {
		var ls orb.LineString
		for lat := b.Min[1]; lat <= b.Max[1]; lat++ {
			ls = append(ls, orb.Point{lon, lat})
		}
		out = append(out, ls)
	}
	for lat := math.Ceil(b.Min[1]/step) * step; lat <= b.Max[1]; lat += step {
		var ls orb.LineString
		for lon := b.Min[0]; lon <= b.Max[0]; lon++ {
			ls = append(ls, orb.Point{lon, lat})
		}
		out = append(out, ls)
	}
	return out
}

// OverlayLayers returns what changes with the date: the ground held by each drawn side as a
// wash (layers "held-uncovered", "held-allied", "held-opponent", "held-axis", with the roles of
// HeldRole) and the front lines of every theatre active at t.
func (m *MapData) OverlayLayers(t time.Time) []Layer {
	if m.Fronts == nil {
		return nil
	}
	var lines []orb.Geometry
	for _, s := range m.Fronts.FrontsAt(t) {
		lines = append(lines, s.Line)
	}
	var out []Layer
	for _, a := range m.Fronts.HeldAreasAt(t) {
		if role, ok := HeldRole(a.HeldBy); ok {
			out = append(out, Layer{Name: "held-" + a.HeldBy, Kind: LayerFill, Role: role, Geoms: []orb.Geometry{a.Area}})
		}
	}
	if len(lines) > 0 {
		out = append(out, Layer{Name: "fronts", Kind: LayerLine, Role: RoleFront, Geoms: lines})
	}
	return out
}

// KeyframeCount returns the number of front keyframes loaded.
func (m *MapData) KeyframeCount() int {
	if m == nil || m.Fronts == nil {
		return 0
	}
	return len(m.Fronts.Keyframes())
}

// LayerCount returns the number of base-map layer files loaded.
func (m *MapData) LayerCount() int {
	if m == nil || m.BaseMap() == nil {
		return 0
	}
	n := 0
	bm := m.BaseMap()
	for _, lv := range bm.Levels {
		for _, has := range []bool{len(lv.Land) > 0, len(lv.Coast) > 0, len(lv.Lakes) > 0, len(lv.Rivers) > 0} {
			if has {
				n++
			}
		}
	}
	return n + len(bm.Borders)
}

// FrontsGeoJSON returns the interpolated fronts and the Axis-held area at t as an RFC 7946
// FeatureCollection (the `front` command's output).
func FrontsGeoJSON(m *MapData, t time.Time) ([]byte, error) {
	if m == nil || m.Fronts == nil {
		return nil, errors.New("geo: no fronts loaded")
	}
	b, err := json.MarshalIndent(m.Fronts.FeatureCollectionAt(DayOfTime(t)), "", " ")
	if err != nil {
		return nil, fmt.Errorf("geo: fronts as GeoJSON: %w", err)
	}
	return b, nil
}

// FrontsExportFile is the name of the fronts file of an export.
const FrontsExportFile = "fronts.geojson"

// FrontsFile returns every keyframe with its theatre, date and source as a GeoJSON
// FeatureCollection: fronts.geojson of the `export` command.
func FrontsFile(m *MapData) ([]byte, error) {
	if m == nil || m.Fronts == nil {
		return nil, errors.New("no fronts loaded")
	}
	b, err := json.MarshalIndent(m.Fronts.KeyframesFeatureCollection(), "", " ")
	if err != nil {
		return nil, fmt.Errorf("geo: fronts as GeoJSON: %w", err)
	}
	return b, nil
}
