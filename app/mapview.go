package app

import (
	"fmt"
	"image"
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// The map's initial and "fit" view: Europe and the western USSR, where most of the story is.
var defaultMapBound = orb.Bound{Min: orb.Point{2, 36}, Max: orb.Point{62, 68}}

const (
	tileCacheBytes = 48 << 20 // pixels of cached base-map tiles kept per scene
	doubleTapTime  = 350 * time.Millisecond
	doubleTapDist  = 24      // pixels
	wheelZoomRate  = 0.009   // per unit of scroll: a wheel notch (25 units on Linux and Windows) zooms by 1.25
	keyPanStep     = 120     // pixels an arrow key pans
	placeCell      = 50000.0 // metres: the spatial index's cell for place markers
)

// MapView is the map: base-map tiles rendered in the background and cached, the fronts and the
// Axis-held area of the date shown as an overlay image, and places as markers with labels that
// never overlap. Drag pans (with inertia), the wheel zooms about the pointer, a double tap zooms
// in, and on-screen buttons zoom and fit for fingers.
type MapView struct {
	widget.BaseWidget

	// OnPlaceTapped is called with the id of the place tapped.
	OnPlaceTapped func(id string)
	// OnInteract is called when the user acts on the map (so the arrow keys go to it).
	OnInteract func()

	state *State
	cat   *timeline.Catalog
	data  *geo.MapData

	mu       sync.Mutex // guards view while background work reads a copy
	view     geo.View
	sized    bool
	moved    bool // the user has panned or zoomed: resizing keeps the view
	headless bool // no background callbacks: WaitReady drives drawing (snapshots, tests)
	// compose draws the base map as one composed image (for the software painter); otherwise
	// one image object per tile, as the window's GL painter prefers.
	compose     bool
	detailWatch sync.Once
	scenes      map[sceneKey]*geo.TileCache
	sceneOrder  []sceneKey
	places      []mapPlace
	index       *geo.PointIndex
	selected    map[string]bool

	overlay      *image.RGBA
	overlayView  geo.View
	overlayDay   timeline.Day
	overlayReq   chan struct{} // wakes the overlay worker
	overlayOnce  sync.Once
	overlayTimer *time.Timer
	lastTap      time.Time
	lastTapPos   fyne.Position
	fling        fling
	inertia      *fyne.Animation
	ZoomInB      *widget.Button
	ZoomOutB     *widget.Button
	FitB         *widget.Button
	buttons      *fyne.Container
	renderer     *mapRenderer
}

type sceneKey struct {
	dark   bool
	detail string
	epoch  string
}

// maxScenes bounds the scenes (theme × detail × epoch) whose tiles are kept.
const maxScenes = 2

// creditText is the attribution line at the bottom of the map, naming the border snapshot.
func (m *MapView) creditText(day timeline.Day) string {
	if m.data == nil {
		return ""
	}
	return fmt.Sprintf(lang.L("Natural Earth · historical-basemaps (GPL-3.0), borders of %d · fronts: Frontline Atlas"), m.data.BorderYear(day.Time()))
}

// areaTypes are the place types that are areas or waters rather than points: the map names
// them (countries from the borders, seas, rivers) and shows their marker only when selected.
var areaTypes = map[string]bool{"country": true, "region": true, "sea": true, "river": true, "lake": true, "peninsula": true}

type mapPlace struct {
	area     bool // an area or water: no marker unless selected
	filtered bool // every event of the place is filtered out: no marker unless selected
	id       string
	name     string
	x, y     float64 // projected metres
	rank     int
	priority int
}

var (
	_ fyne.Draggable  = (*MapView)(nil)
	_ fyne.Scrollable = (*MapView)(nil)
	_ fyne.Tappable   = (*MapView)(nil)
)

// NewMapView makes the map for the state, the catalog's places and the map data.
func NewMapView(state *State, cat *timeline.Catalog, data *geo.MapData, headless bool) *MapView {
	m := &MapView{state: state, data: data, headless: headless, compose: headless, scenes: map[sceneKey]*geo.TileCache{}, selected: map[string]bool{}}
	m.view = *geo.NewView(geo.Theatre, 1024, 640, 35, 52, 5000)
	m.ZoomInB = widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { m.zoomCentre(2) })
	m.ZoomOutB = widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { m.zoomCentre(0.5) })
	m.FitB = widget.NewButtonWithIcon("", theme.ZoomFitIcon(), m.FitSelection)
	m.buttons = container.NewVBox(
		container.NewGridWrap(fyne.NewSize(48, 48), m.ZoomInB),
		container.NewGridWrap(fyne.NewSize(48, 48), m.ZoomOutB),
		container.NewGridWrap(fyne.NewSize(48, 48), m.FitB))
	m.SetCatalog(cat)
	m.ExtendBaseWidget(m)
	return m
}

// SetCatalog replaces the places shown.
func (m *MapView) SetCatalog(cat *timeline.Catalog) {
	m.cat = cat
	m.places = m.places[:0]
	var pts []geo.IndexPoint
	if cat != nil {
		for _, p := range cat.Places() {
			x, y := geo.Theatre.Forward(p.Lon, p.Lat)
			rank := p.Rank
			if rank == 0 {
				rank = 3
			}
			area := areaTypes[p.Type]
			m.places = append(m.places, mapPlace{id: p.ID, name: p.Name.In(contentLanguage()), x: x, y: y, rank: rank, priority: 10 - 2*rank, area: area})
			if !area {
				pts = append(pts, geo.IndexPoint{ID: p.ID, X: x, Y: y})
			}
		}
	}
	m.index = geo.NewPointIndex(pts, placeCell)
	m.selectionChanged()
	m.applyFilter()
}

// applyFilter hides the places whose every event is filtered out (places linked to no event
// stay), and rebuilds the tap index to match.
func (m *MapView) applyFilter() {
	f := m.state.Filter()
	var pts []geo.IndexPoint
	for i := range m.places {
		p := &m.places[i]
		p.filtered = false
		if f.Active() && m.cat != nil {
			evs := m.cat.Related(timeline.Ref{Kind: timeline.KindPlace, ID: p.id}, timeline.KindEvent)
			shown := len(evs) == 0
			for _, r := range evs {
				if e := m.cat.Event(r.ID); e != nil && f.Shows(e) {
					shown = true
					break
				}
			}
			p.filtered = !shown
		}
		if !p.area && !p.filtered {
			pts = append(pts, geo.IndexPoint{ID: p.id, X: p.x, Y: p.y})
		}
	}
	m.index = geo.NewPointIndex(pts, placeCell)
}

// View returns a copy of the current view.
func (m *MapView) View() geo.View {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.view
}

// StateChanged follows the application state: a new date redraws the fronts, a new selection
// highlights its places and brings them into view.
func (m *MapView) StateChanged(c Change) {
	if c.Selection {
		m.selectionChanged()
		if len(m.selected) > 0 && m.sized {
			m.ensureSelectionVisible()
		}
	}
	if c.Filter {
		m.applyFilter()
	}
	if c.Date || c.Selection || c.Filter {
		m.scheduleOverlay(0)
		m.refreshNow()
	}
}

func (m *MapView) selectionChanged() {
	m.selected = map[string]bool{}
	if m.cat == nil || m.state == nil {
		return
	}
	sel := m.state.Selection()
	switch sel.Kind {
	case timeline.KindPlace:
		m.selected[sel.ID] = true
	case "":
	default:
		for _, r := range m.cat.Related(sel, timeline.KindPlace) {
			m.selected[r.ID] = true
		}
	}
}

// selectionBound returns the lon/lat bound of the selected places, and false when none.
func (m *MapView) selectionBound() (orb.Bound, bool) {
	var b orb.Bound
	n := 0
	for id := range m.selected {
		p := m.cat.Place(id)
		if p == nil {
			continue
		}
		pt := orb.Point{p.Lon, p.Lat}
		if n == 0 {
			b = pt.Bound()
		} else {
			b = b.Extend(pt)
		}
		n++
	}
	return b, n > 0
}

// FitSelection fits the view to the selected places, or to the default view when none.
func (m *MapView) FitSelection() {
	b, ok := m.selectionBound()
	m.mu.Lock()
	if ok {
		// Show the places with their surroundings (a few hundred kilometres), so that one place is
		// seen where it lies on the front, not at street level.
		pad := math.Max(3, 0.15*math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]))
		m.view.Fit(b.Pad(pad), 40)
	} else {
		m.view.Fit(defaultMapBound, 10)
	}
	m.moved = false
	m.mu.Unlock()
	m.viewChanged()
}

// ensureSelectionVisible pans (and zooms out if needed) so the selected places are on screen.
func (m *MapView) ensureSelectionVisible() {
	b, ok := m.selectionBound()
	if !ok {
		return
	}
	m.mu.Lock()
	v := m.view
	inside := true
	for _, pt := range []orb.Point{b.Min, b.Max, {b.Min[0], b.Max[1]}, {b.Max[0], b.Min[1]}} {
		x, y := v.ToScreen(pt[0], pt[1])
		if x < 40 || y < 40 || x > float64(v.W)-40 || y > float64(v.H)-40 {
			inside = false
		}
	}
	m.mu.Unlock()
	if !inside {
		m.FitSelection()
	}
}

func (m *MapView) zoomCentre(f float64) {
	m.mu.Lock()
	m.view.ZoomAbout(f, float64(m.view.W)/2, float64(m.view.H)/2)
	m.moved = true
	m.mu.Unlock()
	m.viewChanged()
}

// ZoomAbout zooms by factor about a point of the widget (pixels).
func (m *MapView) ZoomAbout(factor float64, at fyne.Position) {
	m.mu.Lock()
	m.view.ZoomAbout(factor, float64(at.X), float64(at.Y))
	m.moved = true
	m.mu.Unlock()
	m.viewChanged()
}

// Pan moves the map content by d pixels.
func (m *MapView) Pan(d fyne.Delta) {
	m.mu.Lock()
	m.view.Pan(float64(d.DX), float64(d.DY))
	m.clampView()
	m.moved = true
	m.mu.Unlock()
	m.viewChanged()
}

// clampView keeps the view centre over the theatre. m.mu is held.
func (m *MapView) clampView() {
	lon, lat := m.view.Proj.Inverse(m.view.CX, m.view.CY)
	cl := math.Max(-20, math.Min(190, lon))
	ca := math.Max(15, math.Min(82, lat))
	if cl != lon || ca != lat {
		m.view.CX, m.view.CY = m.view.Proj.Forward(cl, ca)
	}
}

func (m *MapView) viewChanged() {
	m.scheduleOverlay(120 * time.Millisecond)
	m.refreshNow()
}

// WaitReady blocks until the base map of the current view is sharp and the fronts overlay is
// drawn (for snapshots and tests).
func (m *MapView) WaitReady() {
	if m.data != nil && m.View().Scale < detailScale {
		m.data.WaitDetail()
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		m.refreshNow()
		if m.headless && !m.overlayCurrent() {
			m.renderOverlayNow()
		}
		if m.frameComplete() && m.overlayCurrent() {
			m.refreshNow()
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// refreshNow redraws the map for the current view, date and selection (a few hundred
// microseconds: it moves tile images and markers; the fronts overlay is drawn in the background).
func (m *MapView) refreshNow() {
	if m.renderer != nil {
		m.renderer.Refresh()
	}
}

// CreateRenderer implements fyne.Widget.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	r := newMapRenderer(m)
	m.renderer = r
	return r
}

// Close stops the map's background tile rendering and drops its caches.
func (m *MapView) Close() {
	for k, c := range m.scenes {
		c.Close()
		delete(m.scenes, k)
	}
	m.sceneOrder = nil
}
