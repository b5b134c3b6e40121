package app

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"

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

// visibleRank is the largest place rank shown at a scale (metres per pixel).
func visibleRank(scale float64) int {
	switch {
	case scale > 6000:
		return 1
	case scale > 3000:
		return 2
	case scale > 1200:
		return 3
	}
	return 4
}

func (r *mapRenderer) placeMarkers(v *geo.View) {
	m := r.m
	maxRank := visibleRank(v.Scale)
	dark := Variant() == theme.VariantDark
	dotFill := color.NRGBA{0x1f, 0x2d, 0x3d, 0xff}
	dotStroke := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	textCol := color.NRGBA{0x1f, 0x2d, 0x3d, 0xff}
	if dark {
		dotFill, dotStroke, textCol = color.NRGBA{0xf0, 0xe8, 0xd8, 0xff}, color.NRGBA{0x10, 0x10, 0x10, 0xff}, color.NRGBA{0xf0, 0xe8, 0xd8, 0xff}
	}
	accent := theme.Color(theme.ColorNamePrimary)
	const textSize = 13
	type vis struct {
		p    *mapPlace
		x, y float64
		sel  bool
	}
	var shown []vis
	var items []geo.LabelItem
	for i := range m.places {
		p := &m.places[i]
		sel := m.selected[p.id]
		if (p.rank > maxRank || p.area || p.filtered) && !sel {
			continue
		}
		x, y := v.ProjToScreen(p.x, p.y)
		if x < -20 || y < -20 || x > float64(v.W)+20 || y > float64(v.H)+20 {
			continue
		}
		w, ok := r.labelW[p.name]
		if !ok {
			w = fyne.MeasureText(p.name, textSize, fyne.TextStyle{Bold: p.rank == 1}).Width
			r.labelW[p.name] = w
		}
		prio := p.priority
		if sel {
			prio += 100
		}
		shown = append(shown, vis{p, x, y, sel})
		items = append(items, geo.LabelItem{ID: p.id, X: x, Y: y, W: float64(w), H: textSize + 3, Priority: prio})
	}
	placed := geo.PlaceLabels(items, geo.LabelOptions{DotRadius: 5, Gap: 3, W: float64(v.W), H: float64(v.H) - 24})
	taken := make([]geo.LabelRect, 0, 2*len(placed))
	for i, pl := range placed {
		taken = append(taken, geo.LabelRect{X0: items[i].X - 6, Y0: items[i].Y - 6, X1: items[i].X + 6, Y1: items[i].Y + 6})
		if pl.Pos != geo.LabelHidden {
			taken = append(taken, pl.Rect)
		}
	}
	r.placeNames(v, taken)
	for len(r.dots) < len(shown) {
		r.dots = append(r.dots, canvas.NewCircle(dotFill))
		r.labels = append(r.labels, canvas.NewText("", textCol))
		r.rebuildObjects()
	}
	nRings := 0
	for i, s := range shown {
		rad := float32(4)
		if s.p.rank == 1 {
			rad = 5
		}
		d := r.dots[i]
		fill := color.Color(dotFill)
		if s.sel {
			fill = accent
		}
		setCircle(d, fill, dotStroke, 1)
		place(d, float32(s.x)-rad, float32(s.y)-rad, 2*rad, 2*rad)
		d.Show()
		if s.sel {
			if nRings == len(r.rings) {
				ring := canvas.NewCircle(color.Transparent)
				r.rings = append(r.rings, ring)
				r.rebuildObjects()
			}
			ring := r.rings[nRings]
			nRings++
			setCircle(ring, color.Transparent, accent, 3)
			place(ring, float32(s.x)-11, float32(s.y)-11, 22, 22)
			ring.Show()
		}
		t := r.labels[i]
		pl := placed[i]
		if pl.Pos == geo.LabelHidden {
			t.Hide()
			continue
		}
		col := color.Color(textCol)
		if s.sel {
			col = accent
		}
		setText(t, s.p.name, textSize, fyne.TextStyle{Bold: s.p.rank == 1 || s.sel}, col)
		t.Move(fyne.NewPos(float32(pl.Rect.X0), float32(pl.Rect.Y0)))
		t.Show()
	}
	for i := len(shown); i < len(r.dots); i++ {
		r.dots[i].Hide()
		r.labels[i].Hide()
	}
	for i := nRings; i < len(r.rings); i++ {
		r.rings[i].Hide()
	}
}

// nameRank is the least important rank of a map label shown at a scale (metres per pixel).
func nameRank(k geo.MapLabelKind, scale float64) int {
	if k == geo.MapLabelRiver {
		switch {
		case scale > 5000:
			return 0
		case scale > 2500:
			return 1
		case scale > 1200:
			return 2
		case scale > 600:
			return 3
		}
		return 5
	}
	switch {
	case scale > 6000:
		return 1
	case scale > 2500:
		return 2
	case scale > 900:
		return 3
	}
	return 4
}

// placeNames writes the names of countries (of the border snapshot shown), seas and rivers on
// the map, most important first, leaving out any that would touch a place, its label, or a
// name already written.
func (r *mapRenderer) placeNames(v *geo.View, taken []geo.LabelRect) {
	m := r.m
	day := m.state.Date()
	detail := geo.Detail50m
	if v.Scale < detailScale {
		detail = geo.Detail10m
	}
	dark := Variant() == theme.VariantDark
	water := color.NRGBA{0x2f, 0x62, 0x96, 0xff}
	country := color.NRGBA{0x6b, 0x63, 0x58, 0xff}
	if dark {
		water, country = color.NRGBA{0x7f, 0xb4, 0xe0, 0xff}, color.NRGBA{0xb0, 0xa8, 0x98, 0xff}
	}
	groups := [][]geo.MapLabel{m.data.CountryLabels(day.Time()), geo.SeaLabels, m.data.RiverLabels(detail)}
	n := 0
	for rank := 1; rank <= 5; rank++ {
		for _, g := range groups {
			for _, l := range g {
				if l.Rank != rank || l.Rank > nameRank(l.Kind, v.Scale) {
					continue
				}
				x, y := v.ToScreen(l.Lon, l.Lat)
				size, style, col, text := float32(12), fyne.TextStyle{Italic: true}, water, l.Text
				switch l.Kind {
				case geo.MapLabelCountry:
					size, style, col = 12, fyne.TextStyle{Bold: true}, country
					text = strings.ToUpper(text)
				case geo.MapLabelSea:
					size = 13
				case geo.MapLabelRiver:
					size = 11
				}
				ts := fyne.MeasureText(text, size, style)
				rect := geo.LabelRect{X0: x - float64(ts.Width)/2, Y0: y - float64(ts.Height)/2, X1: x + float64(ts.Width)/2, Y1: y + float64(ts.Height)/2}
				if rect.X0 < 0 || rect.Y0 < 0 || rect.X1 > float64(v.W) || rect.Y1 > float64(v.H)-24 {
					continue
				}
				free := true
				for _, t := range taken {
					if t.Overlaps(rect) {
						free = false
						break
					}
				}
				if !free {
					continue
				}
				taken = append(taken, rect)
				if n == len(r.names) {
					r.names = append(r.names, canvas.NewText("", col))
					r.rebuildObjects()
				}
				t := r.names[n]
				n++
				setText(t, text, size, style, col)
				t.Move(fyne.NewPos(float32(rect.X0), float32(rect.Y0)))
				t.Show()
			}
		}
	}
	for i := n; i < len(r.names); i++ {
		r.names[i].Hide()
	}
}

// niceLength returns the largest 1, 2 or 5 × 10^n not above x.
func niceLength(x float64) float64 {
	if x <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= x {
			return f * p
		}
	}
	return p
}

func (r *mapRenderer) placeScaleBar(v *geo.View) {
	y := float64(v.H) - 34
	lon0, lat0 := v.FromScreen(16, y)
	lon1, lat1 := v.FromScreen(16+150, y)
	metres := orbgeo.Distance(orb.Point{lon0, lat0}, orb.Point{lon1, lat1})
	if metres <= 0 || math.IsNaN(metres) {
		r.scaleBar.Hide()
		r.scaleTxt.Hide()
		return
	}
	km := niceLength(metres / 1000)
	px := 150 * km * 1000 / metres
	fg := theme.Color(theme.ColorNameForeground)
	r.scaleBar.StrokeColor = fg
	r.scaleBar.Position1 = fyne.NewPos(16, float32(y))
	r.scaleBar.Position2 = fyne.NewPos(16+float32(px), float32(y))
	setText(r.scaleTxt, fmt.Sprintf("%g km", km), 12, fyne.TextStyle{}, fg)
	r.scaleTxt.Move(fyne.NewPos(20+float32(px), float32(y)-9))
	r.scaleBar.Show()
	r.scaleTxt.Show()
	r.scaleBar.Refresh()
}

// scheduleOverlay renders the fronts and the Axis-held area of the date shown for the current
// view after delay, in the background, and swaps it in if nothing newer was asked for since.
func (m *MapView) scheduleOverlay(delay time.Duration) {
	if m.data == nil || !m.sized {
		return
	}
	m.mu.Lock()
	m.overlayGen++
	gen := m.overlayGen
	m.mu.Unlock()
	m.overlayBusy.Add(1)
	run := func() {
		defer m.overlayBusy.Done()
		m.mu.Lock()
		v := m.view
		current := gen == m.overlayGen
		m.mu.Unlock()
		if !current {
			return
		}
		day := m.state.Date()
		img := m.data.RenderOverlay(&v, m.style(), day.Time(), m.detailFor(&v))
		fyne.Do(func() {
			m.mu.Lock()
			stale := gen != m.overlayGen
			m.mu.Unlock()
			if stale {
				return
			}
			m.overlay, m.overlayView, m.overlayDay = img, v, day
			if m.renderer != nil {
				m.renderer.Refresh()
			}
		})
	}
	if m.headless {
		// As in the window, the overlay drawn for the last view moves with the map until it
		// is redrawn; WaitReady redraws it.
		m.overlayBusy.Done()
		return
	}
	if delay <= 0 {
		go run()
		return
	}
	time.AfterFunc(delay, run)
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
