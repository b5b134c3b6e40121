package app

import (
	"fmt"
	"math"
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
	doubleTapTime = 350 * time.Millisecond
	doubleTapDist = 24    // pixels
	wheelZoomRate = 0.009 // per unit of scroll: a wheel notch (25 units on Linux and Windows) zooms by 1.25
	keyPanStep    = 120   // pixels an arrow key pans
)

// MapView is the map on screen: it turns input into calls on its geo.MapSession (which owns
// the view, the tiles, the overlay worker and the placement of markers and names) and hands
// the session's frame to its renderer, which places canvas objects. Drag pans (with inertia),
// the wheel zooms about the pointer, a double tap zooms in, and on-screen buttons zoom and fit
// for fingers.
type MapView struct {
	widget.BaseWidget

	// OnPlaceTapped is called with the id of the place tapped.
	OnPlaceTapped func(id string)
	// OnInteract is called when the user acts on the map (so the arrow keys go to it).
	OnInteract func()

	state   *State
	cat     *timeline.Catalog
	data    *geo.MapData
	session *geo.MapSession
	frame   *geo.MapFrame // what the renderer draws, made by Refresh and Resize
	// headless: no background callbacks; WaitReady drives drawing (snapshots, tests).
	headless bool
	// compose draws the base map as one composed image (for the software painter); otherwise
	// one image object per tile, as the window's GL painter prefers.
	compose bool
	// post runs a function on the UI goroutine (fyne.Do; tests give their own loop).
	post   func(func())
	closed bool

	lastTap    time.Time
	lastTapPos fyne.Position
	fling      fling
	touch      touchGuard // a pinch holding the pointer (touchpinch.go)
	inertia    *fyne.Animation
	fly        *fyne.Animation // the flight to a selection or a history entry (mapfly.go)
	ZoomInB    *Button
	ZoomOutB   *Button
	FitB       *Button
	buttons    *fyne.Container
	wantFrame  *frameWant // a view to show once the map has its size (mapviewframe.go)
}

// areaTypes are the place types that are areas or waters rather than points: the map names
// them (countries from the borders, seas, rivers) and shows their marker only when selected.
var areaTypes = map[string]bool{"country": true, "region": true, "sea": true, "river": true, "lake": true, "peninsula": true}

var (
	_ fyne.Draggable  = (*MapView)(nil)
	_ fyne.Scrollable = (*MapView)(nil)
	_ fyne.Tappable   = (*MapView)(nil)
)

// NewMapView makes the map for the state, the catalog's places and the map data.
func NewMapView(state *State, cat *timeline.Catalog, data *geo.MapData, headless bool) *MapView {
	m := &MapView{state: state, data: data, headless: headless, compose: headless, post: postToUI}
	opts := geo.SessionOptions{Home: defaultMapBound, Measure: measureText}
	if !headless {
		opts.OnUpdate = func() { m.post(m.update) }
	}
	m.session = geo.NewMapSession(data, opts)
	m.ZoomInB = NewButton("", theme.ContentAddIcon(), func() { m.session.ZoomCentre(2); m.Refresh() })
	m.ZoomOutB = NewButton("", theme.ContentRemoveIcon(), func() { m.session.ZoomCentre(0.5); m.Refresh() })
	m.FitB = NewButton("", theme.ZoomFitIcon(), m.FitSelection)
	m.buttons = container.NewVBox(
		container.NewGridWrap(fyne.NewSize(48, 48), m.ZoomInB),
		container.NewGridWrap(fyne.NewSize(48, 48), m.ZoomOutB),
		container.NewGridWrap(fyne.NewSize(48, 48), m.FitB))
	m.ExtendBaseWidget(m)
	m.setPlaces(cat)
	return m
}

// measureText measures a text as canvas.Text draws it with the app's font.
func measureText(text string, size float64, bold, italic bool) (w, h float64) {
	s := fyne.MeasureText(text, float32(size), fyne.TextStyle{Bold: bold, Italic: italic})
	return float64(s.Width), float64(s.Height)
}

// update redraws after background work finished (on the UI goroutine), unless closed.
func (m *MapView) update() {
	if !m.closed {
		m.Refresh()
	}
}

// SetCatalog replaces the places shown.
func (m *MapView) SetCatalog(cat *timeline.Catalog) {
	m.setPlaces(cat)
	m.Refresh()
}

func (m *MapView) setPlaces(cat *timeline.Catalog) {
	m.cat = cat
	var ps []geo.MapPlace
	if cat != nil {
		for _, p := range cat.Places() {
			ps = append(ps, geo.MapPlace{ID: p.ID, Name: p.Name.In(contentLanguage()), Lon: p.Lon, Lat: p.Lat, Rank: p.Rank, Area: areaTypes[p.Type]})
		}
	}
	m.session.SetPlaces(ps)
	m.session.SetHidden(placeFiltered(cat, m.state))
	m.session.SetSelected(m.selectedPlaces())
}

// placeFiltered says which places the filter in force hides (see Catalog.PlaceShown): those
// whose every event is filtered out (a place linked to no event stays). It is the map's one
// question about the filter; nil when nothing is hidden.
func placeFiltered(cat *timeline.Catalog, state *State) func(id string) bool {
	f := state.Filter()
	if cat == nil || !f.Active() {
		return nil
	}
	return func(id string) bool { return !cat.PlaceShown(f, id) }
}

// selectedPlaces returns the places of the selection: the place selected, or those linked to
// the item selected.
func (m *MapView) selectedPlaces() []string {
	if m.cat == nil || m.state == nil {
		return nil
	}
	sel := m.state.Selection()
	switch sel.Kind {
	case "":
		return nil
	case timeline.KindPlace:
		return []string{sel.ID}
	}
	var ids []string
	for _, r := range m.cat.Related(sel, timeline.KindPlace) {
		ids = append(ids, r.ID)
	}
	return ids
}

// View returns the current view.
func (m *MapView) View() geo.View { return m.session.View() }

// Session returns the map's model (for tests and benchmarks).
func (m *MapView) Session() *geo.MapSession { return m.session }

// StateChanged follows the application state: a new date redraws the fronts, a new selection
// highlights its places and brings them into view, a new filter hides places.
func (m *MapView) StateChanged(c Change) {
	if c.Selection {
		m.session.SetSelected(m.selectedPlaces())
		switch {
		case c.Travel:
			m.restore(c.View) // Back, Forward, Home: the view of the entry
		case m.state.Selection().Kind == timeline.KindEvent:
			m.flyToSelection() // where it happened, as snapshot --event shows it
		default:
			m.session.ShowSelection()
		}
	}
	if c.Filter {
		m.session.SetHidden(placeFiltered(m.cat, m.state))
	}
	if c.Date || c.Selection || c.Filter {
		m.Refresh()
	}
}

// SetUserLayers sets the user's GeoJSON layers drawn into the map's tiles, first drawn first.
func (m *MapView) SetUserLayers(ls []geo.SessionLayer) {
	m.session.SetUserLayers(ls)
	m.Refresh()
}

// FitSelection fits the view to the selected places, or to the default view when none.
func (m *MapView) FitSelection() {
	m.session.FitSelection()
	m.Refresh()
}

// ZoomAbout zooms by factor about a point of the widget (pixels).
func (m *MapView) ZoomAbout(factor float64, at fyne.Position) {
	m.session.ZoomAbout(factor, float64(at.X), float64(at.Y))
	m.Refresh()
}

// Pan moves the map content by d pixels.
func (m *MapView) Pan(d fyne.Delta) {
	m.session.Pan(float64(d.DX), float64(d.DY))
	m.Refresh()
}

// WaitReady blocks until the base map of the current view is sharp and the fronts overlay is
// drawn (for snapshots and tests), then draws it.
func (m *MapView) WaitReady() {
	m.session.WaitReady(30 * time.Second)
	m.Refresh()
}

// Refresh lays out a new frame for the current date and theme and draws it.
func (m *MapView) Refresh() {
	m.makeFrame()
	m.BaseWidget.Refresh()
}

// Resize sizes the map's view before the renderer lays it out.
func (m *MapView) Resize(size fyne.Size) {
	w, h := int(math.Ceil(float64(size.Width))), int(math.Ceil(float64(size.Height)))
	if v := m.session.View(); w >= 1 && h >= 1 && (!m.session.Sized() || v.W != w || v.H != h) {
		m.session.SetSize(w, h)
		m.makeFrame()
		m.applyFrame()
	}
	m.BaseWidget.Resize(size)
}

// makeFrame asks the session for the frame of the current date in the palette of the widget's
// theme (so a subtree with its own theme draws its own map).
func (m *MapView) makeFrame() {
	if m.session == nil {
		return
	}
	th := theme.CurrentForWidget(m)
	if isDark(th) {
		m.session.SetStyle(&geo.StyleDark)
	} else {
		m.session.SetStyle(&geo.StyleLight)
	}
	m.session.SetTextScale(float64(TextScale(m)))
	m.session.SetDate(m.state.Date().Time())
	m.frame = m.session.Frame()
}

// creditText is the attribution line at the bottom of the map, naming the border snapshot.
func (m *MapView) creditText() string {
	if m.frame == nil || m.frame.BorderYear == 0 {
		return ""
	}
	return fmt.Sprintf(lang.L("Natural Earth · historical-basemaps (GPL-3.0), borders of %d · fronts: Frontline Atlas"), m.frame.BorderYear)
}

// CreateRenderer implements fyne.Widget.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer { return newMapRenderer(m) }

// Close stops everything the map started (tile workers, the overlay worker and its timer, the
// close-zoom watcher, the inertia of a drag) and drops its tiles. The map draws nothing after.
func (m *MapView) Close() {
	if m.closed {
		return
	}
	m.closed = true
	m.stopMotion()
	m.session.Close()
	m.Refresh() // an empty frame: the renderer lets go of tile and overlay images
}
