package geo

import (
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/paulmach/orb"
)

// DetailScale is the scale (metres per pixel) below which the 1:10m base map replaces the
// 1:50m one, once it has loaded.
const DetailScale = 1200.0

// DefaultOverlayRest is how long the view must rest after a pan or zoom before the overlay of
// the date is drawn again for it (a new date is drawn at once).
const DefaultOverlayRest = 120 * time.Millisecond

// SessionOptions configure a MapSession.
type SessionOptions struct {
	// Home is the lon/lat bound the map opens on and fits to when nothing is selected; zero
	// means Europe and the western USSR (2–62°E, 36–68°N).
	Home orb.Bound
	// Measure returns the size in pixels of a text drawn at size pixels, bold or italic: the UI
	// toolkit measures, so labels placed here fit the text it draws. Nil estimates.
	Measure func(text string, size float64, bold, italic bool) (w, h float64)
	// OnUpdate, if non-nil, is called from a background goroutine when something new can be
	// drawn (tiles, the overlay, the close-zoom base map). Calls are coalesced until the next
	// Frame. The UI should hand it to its own goroutine and call Frame there. It is never called
	// after Close returns.
	OnUpdate func()
	// Workers is the number of tile-rendering goroutines per scene; ≤ 0 means runtime.NumCPU().
	Workers int
	// OverlayRest replaces DefaultOverlayRest when positive.
	OverlayRest time.Duration
	// OverlayKeep, when positive, replaces how long the overlay worker keeps its drawing
	// buffers after its last drawing (3 s; tests shorten it).
	OverlayKeep time.Duration
}

// MapPlace is a place the map marks: its id and name, where it is, how important it is, and
// whether it is an area or water (named by the base map itself, so marked only when selected).
type MapPlace struct {
	ID, Name string
	Lon, Lat float64
	Rank     int // 1 (a capital, always shown) to 4 (shown only close up); 0 counts as 3
	Area     bool
}

type sessionPlace struct {
	MapPlace
	x, y     float64 // projected metres
	hidden   bool    // filtered out: no marker unless selected
	selected bool
}

// MapSession is one map on screen without its toolkit: the view (centre, scale, size), the
// places with their filter and selection, the base-map tiles of each scene (style × detail ×
// border epoch) and the one choice of detail, the overlay of the date (fronts and the Axis-held
// wash, drawn by a background worker), and the placement of markers, labels and map names. The
// UI tells it what changed and asks it for a MapFrame to draw; what finishes in the background
// is announced through SessionOptions.OnUpdate.
//
// A MapSession is used from one goroutine (the UI's). The goroutines it starts (tile workers,
// the overlay worker and its timer, the close-zoom watcher) all stop in Close.
type MapSession struct {
	data *MapData
	opts SessionOptions

	view         View
	sized, moved bool
	style        *Style
	textScale    float64 // the UI's text size setting; 0 means 1 (sessionmark.go)
	day          time.Time
	places       []sessionPlace
	index        *PointIndex
	measured     map[measureKey][2]float64
	uppers       map[string]string
	frame        MapFrame
	labelItems   []LabelItem
	taken        []LabelRect

	scenes     map[sceneKey]*TileCache
	sceneOrder []sceneKey
	users      userScenes // the user's GeoJSON layers (sessionuser.go)

	ov overlayWorker

	pending   atomic.Bool // an OnUpdate was sent and no Frame has been made since
	closed    atomic.Bool
	done      chan struct{}
	wg        sync.WaitGroup
	watchOnce sync.Once
	closeOnce sync.Once

	detailOnce  sync.Once
	detailTimer *time.Timer // asks for the close-zoom level after the first complete frame
}

type sceneKey struct {
	style  *Style
	detail string
	epoch  string
	user   string // the user's layers drawn (userKey); "" for none
}

type measureKey struct {
	text         string
	size         float64
	bold, italic bool
}

// maxScenes bounds the scenes (style × detail × epoch) whose tiles are kept; the one not shown
// keeps a screen of tiles, for going back.
const maxScenes = 2

// placeCell is the cell of the places' spatial index, in projected metres.
const placeCell = 50000.0

// NewMapSession opens a session on data (nil draws no base map and no overlay) with a
// 1024×640 view of opts.Home in the light style.
func NewMapSession(data *MapData, opts SessionOptions) *MapSession {
	if opts.Home == (orb.Bound{}) || opts.Home.IsEmpty() {
		opts.Home = orb.Bound{Min: orb.Point{2, 36}, Max: orb.Point{62, 68}}
	}
	if opts.OverlayRest <= 0 {
		opts.OverlayRest = DefaultOverlayRest
	}
	s := &MapSession{data: data, opts: opts, style: &StyleLight, scenes: map[sceneKey]*TileCache{},
		measured: map[measureKey][2]float64{}, uppers: map[string]string{}, done: make(chan struct{}), index: NewPointIndex(nil, placeCell)}
	s.view = *NewView(Theatre, 1024, 640, 35, 52, 5000)
	s.view.Fit(opts.Home, 10)
	s.ov.init(s)
	return s
}

// notify tells the UI that something new can be drawn, once until the next Frame.
func (s *MapSession) notify() {
	if s.opts.OnUpdate == nil || s.closed.Load() || s.pending.Swap(true) {
		return
	}
	s.opts.OnUpdate()
}

// View returns the current view.
func (s *MapSession) View() View { return s.view }

// Sized reports whether SetSize has been called.
func (s *MapSession) Sized() bool { return s.sized }

// SetSize sets the size of the map in pixels. Until the user pans or zooms, the view is fitted
// again to the selection (or the home bound), so a window that grows shows the same area larger.
func (s *MapSession) SetSize(w, h int) {
	if w < 1 || h < 1 || (s.sized && w == s.view.W && h == s.view.H) {
		return
	}
	s.view.W, s.view.H = w, h
	s.sized = true
	if !s.moved {
		s.fit()
	}
	s.budgetScenes()
}

// Pan moves the map content by dx, dy pixels, as a drag does; the centre stays over the theatre.
func (s *MapSession) Pan(dx, dy float64) {
	s.view.Pan(dx, dy)
	lon, lat := s.view.Proj.Inverse(s.view.CX, s.view.CY)
	cl, ca := math.Max(-20, math.Min(190, lon)), math.Max(15, math.Min(82, lat))
	if cl != lon || ca != lat {
		s.view.CX, s.view.CY = s.view.Proj.Forward(cl, ca)
	}
	s.moved = true
}

// ZoomAbout zooms by factor (> 1 zooms in) keeping the point under the pixel x, y fixed.
func (s *MapSession) ZoomAbout(factor, x, y float64) {
	s.view.ZoomAbout(factor, x, y)
	s.moved = true
}

// ZoomCentre zooms by factor about the middle of the view.
func (s *MapSession) ZoomCentre(factor float64) {
	s.ZoomAbout(factor, float64(s.view.W)/2, float64(s.view.H)/2)
}

// FitSelection fits the view to the selected places with their surroundings, or to the home
// bound when nothing is selected; until the user moves the map again, resizing keeps the fit.
func (s *MapSession) FitSelection() {
	s.fit()
	s.moved = false
}

func (s *MapSession) fit() {
	if b, ok := s.selectionBound(); ok {
		// A few hundred kilometres around, so that one place is seen where it lies on the
		// front, not at street level.
		pad := math.Max(3, 0.15*math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]))
		s.view.Fit(b.Pad(pad), 40)
		return
	}
	s.view.Fit(s.opts.Home, 10)
}

// ShowSelection brings the selected places into view (fitting to them) when any of them lies
// outside it or within 40 pixels of its edge; it reports whether the view changed.
func (s *MapSession) ShowSelection() bool {
	b, ok := s.selectionBound()
	if !ok || !s.sized {
		return false
	}
	for _, pt := range []orb.Point{b.Min, b.Max, {b.Min[0], b.Max[1]}, {b.Max[0], b.Min[1]}} {
		x, y := s.view.ToScreen(pt[0], pt[1])
		if x < 40 || y < 40 || x > float64(s.view.W)-40 || y > float64(s.view.H)-40 {
			s.FitSelection()
			return true
		}
	}
	return false
}

// selectionBound returns the lon/lat bound of the selected places, and false when none.
func (s *MapSession) selectionBound() (orb.Bound, bool) {
	var b orb.Bound
	n := 0
	for i := range s.places {
		p := &s.places[i]
		if !p.selected {
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

// SetDate sets the date whose borders, fronts and Axis-held area are drawn.
func (s *MapSession) SetDate(t time.Time) { s.day = t }

// SetStyle sets the palette of the map (StyleLight or StyleDark, or one of the UI's own).
func (s *MapSession) SetStyle(st *Style) {
	if st != nil {
		s.style = st
	}
}

// Style returns the palette in use.
func (s *MapSession) Style() *Style { return s.style }

// SetPlaces replaces the places marked, clearing the filter and the selection.
func (s *MapSession) SetPlaces(ps []MapPlace) {
	s.places = s.places[:0]
	for _, p := range ps {
		if p.Rank == 0 {
			p.Rank = 3
		}
		x, y := Theatre.Forward(p.Lon, p.Lat)
		s.places = append(s.places, sessionPlace{MapPlace: p, x: x, y: y})
	}
	s.reindex()
}

// SetHidden hides the markers of the places for which hidden returns true (a filter); a hidden
// place is still marked while selected. Nil shows every place.
func (s *MapSession) SetHidden(hidden func(id string) bool) {
	for i := range s.places {
		s.places[i].hidden = hidden != nil && hidden(s.places[i].ID)
	}
	s.reindex()
}

// SetSelected marks the places with these ids as selected (drawn in the accent colour, always
// labelled); other places are deselected.
func (s *MapSession) SetSelected(ids []string) {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	for i := range s.places {
		s.places[i].selected = set[s.places[i].ID]
	}
}

// Selected returns the ids of the selected places, in the order the places were given.
func (s *MapSession) Selected() []string {
	var out []string
	for i := range s.places {
		if s.places[i].selected {
			out = append(out, s.places[i].ID)
		}
	}
	return out
}

// reindex rebuilds the tap index over the places that have a marker when not selected.
func (s *MapSession) reindex() {
	var pts []IndexPoint
	for i := range s.places {
		p := &s.places[i]
		if !p.Area && !p.hidden {
			pts = append(pts, IndexPoint{ID: p.ID, X: p.x, Y: p.y})
		}
	}
	s.index = NewPointIndex(pts, placeCell)
}

// PlaceAt returns the place with a marker nearest to the pixel x, y within HitRadius pixels.
func (s *MapSession) PlaceAt(x, y float64) (string, bool) {
	px, py := s.view.ScreenToProj(x, y)
	p, ok := s.index.Nearest(px, py, HitRadius*s.view.Scale)
	return p.ID, ok
}

// Detail returns the base-map level the current view is drawn at: 1:10m below DetailScale once
// it has loaded, else 1:50m. It is the one place that makes this choice: tiles, the land under
// the Axis-held wash and the river names all follow it.
func (s *MapSession) Detail() string { return s.detailFor(&s.view) }

func (s *MapSession) detailFor(v *View) string {
	if s.data == nil || v.Scale >= DetailScale {
		return Detail50m
	}
	if s.data.DetailReady() {
		return Detail10m
	}
	s.data.LoadDetail()
	s.watchDetail()
	return Detail50m
}

// watchDetail starts, once, a goroutine that announces the close-zoom level when it has loaded.
func (s *MapSession) watchDetail() {
	s.watchOnce.Do(func() {
		if s.closed.Load() {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			select {
			case <-s.data.DetailLoaded():
				s.notify()
			case <-s.done:
			}
		}()
	})
}

// detailDelay is how long after its first complete frame a session asks for the close-zoom
// level: the frame is painted first, without the decoding competing for the processor.
const detailDelay = 500 * time.Millisecond

// loadDetailSoon starts loading the close-zoom level detailDelay from now, once.
func (s *MapSession) loadDetailSoon() {
	s.detailOnce.Do(func() {
		if !s.closed.Load() {
			s.detailTimer = time.AfterFunc(detailDelay, s.data.LoadDetail)
		}
	})
}

// Close stops every goroutine of the session (waiting for a tile or overlay being drawn to
// finish) and drops its tiles and images. The session then draws nothing; Close is idempotent.
func (s *MapSession) Close() {
	s.closeOnce.Do(func() {
		s.closed.Store(true)
		close(s.done)
		if s.detailTimer != nil {
			s.detailTimer.Stop()
		}
		s.ov.stop()
		s.wg.Wait()
		for k, c := range s.scenes {
			c.Close()
			delete(s.scenes, k)
		}
		s.sceneOrder = nil
		s.ov.drop()
		s.frame = MapFrame{}
	})
}

// Closed reports whether Close has been called.
func (s *MapSession) Closed() bool { return s.closed.Load() }

// WaitReady blocks until the frame of the current view is complete (the close-zoom level
// loaded if the view needs it, every tile sharp, the overlay drawn) or timeout has passed, and
// reports whether it completed. It is for snapshots and tests, where no UI loop answers
// OnUpdate; it draws the overlay without waiting for the view to rest.
func (s *MapSession) WaitReady(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	if s.data != nil && s.view.Scale < DetailScale {
		s.data.LoadDetail()
		t := time.NewTimer(timeout)
		defer t.Stop()
		select {
		case <-s.data.DetailLoaded():
		case <-t.C:
			return false
		}
	}
	for !s.closed.Load() {
		if s.Frame().Complete() {
			return true
		}
		s.ov.now()
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(2 * time.Millisecond)
	}
	return false
}
