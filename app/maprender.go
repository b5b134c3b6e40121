package app

import (
	"image"
	"image/color"
	"math"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// detailScale is the scale (metres per pixel) below which the 1:10m layers replace the 1:50m ones.
const detailScale = 1200.0

type mapRenderer struct {
	m         *MapView
	bg        *canvas.Rectangle
	tiles     map[tilePiece]*canvas.Image // the image object showing each tile piece on screen
	spare     []*canvas.Image             // image objects not showing anything
	srcs      map[tilePiece]*image.RGBA   // the tile image each object shows
	frame     *image.RGBA                 // headless: the composed base map
	composite *canvas.Image               // headless: shows frame
	overlay   *canvas.Image
	dots      []*canvas.Circle
	rings     []*canvas.Circle
	labels    []*canvas.Text
	names     []*canvas.Text // countries, seas and rivers written on the map
	scaleBar  *canvas.Line
	scaleTxt  *canvas.Text
	credit    *canvas.Text
	objects   []fyne.CanvasObject
	labelW    map[string]float32
	queued    atomic.Bool
}

func newMapRenderer(m *MapView) *mapRenderer {
	r := &mapRenderer{m: m, labelW: map[string]float32{}}
	r.bg = canvas.NewRectangle(geo.StyleLight.Background)
	r.composite = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScalePixels}
	r.composite.Hide()
	r.tiles = map[tilePiece]*canvas.Image{}
	r.srcs = map[tilePiece]*image.RGBA{}
	r.overlay = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	r.overlay.FillMode = canvas.ImageFillStretch
	r.overlay.ScaleMode = canvas.ImageScalePixels // while a zoom settles it is stretched: no smoothing pass
	r.scaleBar = canvas.NewLine(color.Black)
	r.scaleBar.StrokeWidth = 2
	r.scaleTxt = canvas.NewText("", color.Black)
	r.scaleTxt.TextSize = 12
	r.credit = canvas.NewText("", color.Black)
	r.credit.TextSize = 11
	r.rebuildObjects()
	return r
}

func (r *mapRenderer) rebuildObjects() {
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.bg, r.composite)
	for _, o := range r.tiles {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.spare {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, r.overlay)
	for _, t := range r.names {
		r.objects = append(r.objects, t)
	}
	for _, c := range r.rings {
		r.objects = append(r.objects, c)
	}
	for _, c := range r.dots {
		r.objects = append(r.objects, c)
	}
	for _, t := range r.labels {
		r.objects = append(r.objects, t)
	}
	r.objects = append(r.objects, r.scaleBar, r.scaleTxt, r.credit, r.m.buttons)
}

func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *mapRenderer) Destroy() {
	for _, c := range r.m.scenes {
		c.Close()
	}
}

func (r *mapRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 160) }

func (r *mapRenderer) Layout(size fyne.Size) {
	m := r.m
	w, h := int(math.Ceil(float64(size.Width))), int(math.Ceil(float64(size.Height)))
	if w < 1 || h < 1 {
		return
	}
	m.mu.Lock()
	if m.view.W != w || m.view.H != h || !m.sized {
		m.view.W, m.view.H = w, h
		m.sized = true
		moved := m.moved
		m.mu.Unlock()
		if !moved {
			m.FitSelection() // until the user moves the map, a resize keeps the fitted view
		}
		m.scheduleOverlay(0)
	} else {
		m.mu.Unlock()
	}
	r.bg.Resize(size)
	bs := m.buttons.MinSize()
	m.buttons.Resize(bs)
	m.buttons.Move(fyne.NewPos(size.Width-bs.Width-theme.Padding()*2, size.Height-bs.Height-theme.Padding()*2-20))
	r.draw()
}

// Refresh redraws the map. Only objects whose look changed are refreshed; the canvas is marked
// for repainting through the background (refreshing the widget would make the GL painter drop
// and rasterize every label again).
func (r *mapRenderer) Refresh() {
	r.draw()
	canvas.Refresh(r.bg)
}

// style returns the palette for the theme variant in force.
func (m *MapView) style() *geo.Style {
	if Variant() == theme.VariantDark {
		return &geo.StyleDark
	}
	return &geo.StyleLight
}

// cache returns the tile cache for the scene the view needs now.
func (m *MapView) cache(v *geo.View, day timeline.Day) *geo.TileCache {
	if m.data == nil {
		return nil
	}
	st := m.style()
	detail := geo.Detail50m
	if v.Scale < detailScale {
		if m.data.DetailReady() {
			detail = geo.Detail10m
		} else if !m.headless {
			// Draw the coarse level now and redraw when the close-zoom level has loaded.
			m.detailWatch.Do(func() {
				go func() {
					m.data.WaitDetail()
					fyne.Do(m.refreshNow)
				}()
			})
		}
	}
	key := sceneKey{dark: st == &geo.StyleDark, detail: detail, epoch: m.data.EpochKey(day.Time())}
	c := m.scenes[key]
	if c == nil {
		layers := m.data.BaseLayers(detail, day.Time(), st)
		// Room for three screens of tiles, so that a frame's tiles never evict each other.
		screen := int64(v.W/geo.TileSize+2) * int64(v.H/geo.TileSize+2) * geo.TileSize * geo.TileSize * 4
		c = geo.NewTileCache(geo.NewScene(geo.Theatre, st, layers), max(tileCacheBytes, 3*screen), 0, func(geo.TileKey) { m.tileReady() })
		m.scenes[key] = c
		m.sceneOrder = append(m.sceneOrder, key)
		for len(m.sceneOrder) > maxScenes {
			old := m.sceneOrder[0]
			m.sceneOrder = m.sceneOrder[1:]
			m.scenes[old].Close()
			delete(m.scenes, old)
		}
	} else {
		for i, k := range m.sceneOrder {
			if k == key {
				m.sceneOrder = append(append(m.sceneOrder[:i:i], m.sceneOrder[i+1:]...), key)
				break
			}
		}
	}
	return c
}

// detailFor returns the detail level a view is drawn at.
func (m *MapView) detailFor(v *geo.View) string {
	if v.Scale < detailScale && m.data.DetailReady() {
		return geo.Detail10m
	}
	return geo.Detail50m
}

// tileReady is called from a tile worker: redraw once on the UI goroutine.
func (m *MapView) tileReady() {
	r := m.renderer
	if m.headless || r == nil || r.queued.Swap(true) {
		return
	}
	fyne.Do(func() {
		r.queued.Store(false)
		r.Refresh()
	})
}

func (m *MapView) frameComplete() bool {
	m.mu.Lock()
	v := m.view
	m.mu.Unlock()
	c := m.cache(&v, m.state.Date())
	if c == nil {
		return true
	}
	f := c.Frame(&v)
	return f.Complete()
}

func (r *mapRenderer) draw() {
	m := r.m
	if !m.sized {
		return
	}
	m.mu.Lock()
	v := m.view
	m.mu.Unlock()
	st := m.style()
	setRect(r.bg, st.Background, color.Transparent, 0, 0)
	day := m.state.Date()
	if c := m.cache(&v, day); c != nil {
		f := c.Frame(&v)
		if m.compose {
			r.compose(&f, &v, st)
		} else {
			r.placeTiles(&f)
		}
	}
	r.placeOverlay(&v)
	r.placeMarkers(&v)
	r.placeScaleBar(&v)
	fg := theme.Color(theme.ColorNameForeground)
	setText(r.credit, m.creditText(day), 11, fyne.TextStyle{}, fg)
	r.credit.Move(fyne.NewPos(8, float32(v.H)-18))
}

// tilePiece identifies what one image object shows: a tile, or the part of a coarser tile that
// stands in for a missing one.
type tilePiece struct {
	key geo.TileKey
	src image.Rectangle
}

// placeTiles shows the frame's tiles as one image object each. A tile keeps its object from
// frame to frame, so panning only moves objects: no pixels are copied and the GL driver keeps
// each tile's texture. Objects of tiles that left the view are hidden and reused.
func (r *mapRenderer) placeTiles(f *geo.Frame) {
	used := make(map[tilePiece]bool, len(f.Pieces))
	for _, p := range f.Pieces {
		used[tilePiece{p.Key, p.Src}] = true
	}
	for k, o := range r.tiles {
		if !used[k] {
			o.Hide()
			o.Image = nil
			delete(r.tiles, k)
			delete(r.srcs, k)
			r.spare = append(r.spare, o)
		}
	}
	grew := false
	for _, p := range f.Pieces {
		k := tilePiece{p.Key, p.Src}
		o := r.tiles[k]
		if o == nil {
			if n := len(r.spare); n > 0 {
				o = r.spare[n-1]
				r.spare = r.spare[:n-1]
			} else {
				o = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScalePixels}
				grew = true
			}
			r.tiles[k] = o
		}
		if r.srcs[k] != p.Img { // a new piece, or the same tile of another scene (theme, date)
			r.srcs[k] = p.Img
			var img image.Image = p.Img
			if p.Src != p.Img.Bounds() {
				img = p.Img.SubImage(p.Src)
			}
			o.Image = img
			o.Show()
			o.Refresh()
		}
		x0, y0 := math.Round(p.X), math.Round(p.Y)
		x1, y1 := math.Round(p.X+p.W), math.Round(p.Y+p.H)
		o.Move(fyne.NewPos(float32(x0), float32(y0)))
		o.Resize(fyne.NewSize(float32(x1-x0), float32(y1-y0)))
	}
	if grew || len(r.objects) != r.objectCount() {
		r.rebuildObjects()
	}
}

// compose draws the frame's tiles into one image the size of the view. Fyne's software painter
// (snapshots, tests, benchmarks) paints one large image much faster than many small or scaled
// ones; the window instead moves one object per tile (placeTiles), which its GL painter keeps as
// textures.
func (r *mapRenderer) compose(f *geo.Frame, v *geo.View, st *geo.Style) {
	if r.frame == nil || r.frame.Bounds().Dx() != v.W || r.frame.Bounds().Dy() != v.H {
		r.frame = image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	}
	f.Draw(r.frame, st.Background, false)
	r.composite.Image = r.frame
	r.composite.Move(fyne.NewPos(0, 0))
	r.composite.Resize(fyne.NewSize(float32(v.W), float32(v.H)))
	r.composite.Show()
	r.composite.Refresh()
}

// objectCount is how many objects the renderer holds now.
func (r *mapRenderer) objectCount() int {
	return 2 + len(r.tiles) + len(r.spare) + 1 + len(r.names) + len(r.rings) + len(r.dots) + len(r.labels) + 4
}

func (r *mapRenderer) placeOverlay(v *geo.View) {
	m := r.m
	if m.overlay == nil {
		r.overlay.Hide()
		return
	}
	ov := m.overlayView
	x0, y0 := ov.ScreenToProj(0, 0)
	px, py := v.ProjToScreen(x0, y0)
	k := ov.Scale / v.Scale
	if r.overlay.Image != m.overlay {
		r.overlay.Image = m.overlay
		r.overlay.Refresh()
	}
	place(r.overlay, float32(px), float32(py), float32(float64(ov.W)*k), float32(float64(ov.H)*k))
	r.overlay.Show()
}

// scheduleOverlay asks for the fronts and the Axis-held area of the date shown to be drawn for
// the current view, after delay (pans and zooms wait until the view rests; a new request within
// the delay restarts it). One background worker draws the latest state asked for and swaps it
// in, so during playback the overlay keeps up as fast as it can be drawn and requests that pile
// up meanwhile collapse into one. Headless, WaitReady draws it instead.
func (m *MapView) scheduleOverlay(delay time.Duration) {
	if m.data == nil || !m.sized || m.headless {
		return
	}
	if delay > 0 {
		if m.overlayTimer != nil {
			m.overlayTimer.Stop()
		}
		m.overlayTimer = time.AfterFunc(delay, m.requestOverlay)
		return
	}
	m.requestOverlay()
}

// requestOverlay wakes the overlay worker (starting it the first time); it never blocks.
func (m *MapView) requestOverlay() {
	m.overlayOnce.Do(func() {
		m.overlayReq = make(chan struct{}, 1)
		go m.overlayWorker()
	})
	select {
	case m.overlayReq <- struct{}{}:
	default: // a request is pending already: it will draw the latest state
	}
}

func (m *MapView) overlayWorker() {
	for range m.overlayReq {
		v := m.View()
		day := m.state.Date()
		img := m.data.RenderOverlay(&v, m.style(), day.Time(), m.detailFor(&v))
		fyne.Do(func() {
			m.overlay, m.overlayView, m.overlayDay = img, v, day
			if m.renderer != nil {
				m.renderer.Refresh()
			}
		})
	}
}

// renderOverlayNow draws the overlay for the current view and date on the calling goroutine
// (headless use: snapshots and tests).
func (m *MapView) renderOverlayNow() {
	v := m.View()
	day := m.state.Date()
	m.overlay, m.overlayView, m.overlayDay = m.data.RenderOverlay(&v, m.style(), day.Time(), m.detailFor(&v)), v, day
}

// overlayCurrent reports whether the overlay shows the current view and date.
func (m *MapView) overlayCurrent() bool {
	if m.data == nil {
		return true
	}
	m.mu.Lock()
	v := m.view
	m.mu.Unlock()
	return m.overlay != nil && m.overlayView == v && m.overlayDay == m.state.Date()
}
