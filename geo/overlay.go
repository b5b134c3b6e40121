package geo

import (
	"image"
	"image/color"
	"sync"
	"sync/atomic"
	"time"

	"github.com/paulmach/orb"
)

// overlayReq is what an overlay is drawn for.
type overlayReq struct {
	view   View
	day    time.Time
	style  *Style
	detail string
}

func (r overlayReq) same(o overlayReq) bool {
	return r.view == o.view && r.day.Equal(o.day) && r.style == o.style && r.detail == o.detail
}

// overlayWorker draws the overlay of the date for a session on one background goroutine: the
// latest request wins, and requests that pile up while it draws collapse into one. The land
// under the Axis-held wash is rasterized once per view and detail, not once per date, so
// playback redraws only the wash and the fronts.
type overlayWorker struct {
	s *MapSession

	mu      sync.Mutex
	want    overlayReq // the latest request
	wanted  bool
	have    overlayReq    // what cells were drawn for
	cells   []overlayCell // the pieces with something drawn, in have.view's pixels
	drawn   bool
	kick    chan struct{}
	timer   *time.Timer
	started bool
	stopped bool
	busy    bool       // the worker is drawing
	drawing overlayReq // what it is drawing

	// Used by the worker goroutine only.
	maskView   View
	maskDetail string
	mask       []uint8 // land coverage of maskView, one byte a pixel
	buf        *image.RGBA
	raster     rasterCtx // its buffers kept from one drawing to the next

	renders, maskRenders atomic.Int64 // counts, for tests and measurements
	released             atomic.Int64 // times the drawing buffers were let go
}

// overlayCell is a square of the overlay and where it lies in its view's pixels.
type overlayCell struct {
	img  *image.RGBA
	rect image.Rectangle
}

// overlayCellSize is the side of the overlay's pieces in pixels: small enough that the pieces
// hug the held areas, large enough that there are few of them (a few dozen at 1080p).
const overlayCellSize = 128

func (o *overlayWorker) init(s *MapSession) {
	o.s = s
	o.kick = make(chan struct{}, 1)
}

// overlayRequest is the overlay the frame of v needs.
func (s *MapSession) overlayRequest(v *View, detail string) overlayReq {
	return overlayReq{view: *v, day: s.day, style: s.style, detail: detail}
}

// frame appends to dst the pieces of the overlay to show for req (the last one drawn, placed
// for req's view) and reports whether it is current. A stale overlay is asked for: at once when
// the date or style changed, after the view rests when only the view did (a pan or zoom).
func (o *overlayWorker) frame(dst []OverlayPiece, req overlayReq) ([]OverlayPiece, bool) {
	if o.s.data == nil {
		return dst, true
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	current := o.drawn && o.have.same(req)
	if !current && !(o.wanted && o.want.same(req)) {
		o.want, o.wanted = req, true
		if o.drawn && o.have.day.Equal(req.day) && o.have.style == req.style {
			o.restartTimer()
		} else {
			o.kickLocked()
		}
	}
	// The drawn overlay, moved and scaled from its view to req's.
	ov, v := &o.have.view, &req.view
	k := ov.Scale / v.Scale
	for _, c := range o.cells {
		x0, y0 := ov.ScreenToProj(float64(c.rect.Min.X), float64(c.rect.Min.Y))
		px, py := v.ProjToScreen(x0, y0)
		dst = append(dst, OverlayPiece{Img: c.img, X: px, Y: py, W: float64(c.rect.Dx()) * k, H: float64(c.rect.Dy()) * k})
	}
	return dst, current
}

// now asks for the overlay of the latest request at once (headless drawing), unless it is
// drawn or being drawn.
func (o *overlayWorker) now() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.wanted && !(o.drawn && o.have.same(o.want)) && !(o.busy && o.drawing.same(o.want)) {
		o.kickLocked()
	}
}

func (o *overlayWorker) restartTimer() {
	if o.stopped {
		return
	}
	if o.timer == nil {
		o.timer = time.AfterFunc(o.s.opts.OverlayRest, func() {
			o.mu.Lock()
			defer o.mu.Unlock()
			o.kickLocked()
		})
		return
	}
	o.timer.Reset(o.s.opts.OverlayRest)
}

// kickLocked wakes the worker, starting it the first time; it never blocks. o.mu is held.
func (o *overlayWorker) kickLocked() {
	if o.stopped {
		return
	}
	if !o.started {
		o.started = true
		o.s.wg.Add(1)
		go o.run()
	}
	select {
	case o.kick <- struct{}{}:
	default: // a wake-up is pending: the worker will draw the latest request
	}
}

// stop keeps the worker and the timer from starting again; the worker itself returns when the
// session's done channel closes.
func (o *overlayWorker) stop() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.stopped = true
	if o.timer != nil {
		o.timer.Stop()
	}
}

// drop lets go of the images and of the rasterizer's buffers (after the worker has stopped).
// A closed session may stay reachable for a while (a picture's map is held by Fyne's renderer
// cache for a minute after it was painted); its accumulators alone are 8 bytes a pixel of the
// largest view drawn, 16 MiB for a 1920 × 1080 picture.
func (o *overlayWorker) drop() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.cells, o.drawn, o.mask, o.buf = nil, false, nil, nil
	o.maskView, o.maskDetail = View{}, ""
	o.raster = rasterCtx{}
}

// overlayKeep is how long the worker keeps its drawing buffers (a view-sized image and the
// rasterizer's accumulators, about 10 MB at 1080p) after its last drawing: kept through
// playback and a zoom's steps, let go when the map rests.
const overlayKeep = 3 * time.Second

func (o *overlayWorker) run() {
	defer o.s.wg.Done()
	var idle <-chan time.Time
	for {
		select {
		case <-o.s.done:
			return
		case <-idle:
			o.buf, o.raster, idle = nil, rasterCtx{}, nil
			o.released.Add(1)
			continue
		case <-o.kick:
		}
		o.mu.Lock()
		req := o.want
		if o.drawn && o.have.same(req) {
			o.mu.Unlock()
			continue // a wake-up for what is drawn already
		}
		o.busy, o.drawing = true, req
		o.mu.Unlock()
		cells := o.render(req)
		o.mu.Lock()
		o.have, o.cells, o.drawn = req, cells, true
		o.busy = false
		o.mu.Unlock()
		o.s.notify()
		idle = time.After(o.keep())
	}
}

// keep returns overlayKeep, or the session's shorter OverlayKeep (tests).
func (o *overlayWorker) keep() time.Duration {
	if k := o.s.opts.OverlayKeep; k > 0 {
		return k
	}
	return overlayKeep
}

// render draws what changes with the date, as seen through r.view: the held areas (every fill
// layer) washed over land only (not over the sea they border), then the front lines. It returns
// the squares of the drawing that are not wholly transparent.
func (o *overlayWorker) render(r overlayReq) []overlayCell {
	o.renders.Add(1)
	v := r.view
	if v.W < 1 || v.H < 1 {
		return nil
	}
	clear := *r.style
	clear.Background = color.NRGBA{}
	var held, fronts []Layer
	for _, l := range o.s.data.OverlayLayers(r.day) {
		if l.Kind == LayerFill { // a held area: washed over land only
			held = append(held, l)
		} else {
			fronts = append(fronts, l)
		}
	}
	if o.buf == nil || o.buf.Rect.Dx() != v.W || o.buf.Rect.Dy() != v.H {
		o.buf = image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	}
	var mask []uint8
	if len(held) > 0 {
		mask = o.landMask(&v, r.detail) // drawn in buf when the view is new
	}
	clearRGBA(o.buf)
	if len(held) > 0 {
		renderInto(o.buf, &v, &clear, held, false, &o.raster)
		maskWash(o.buf, mask)
	}
	if len(fronts) > 0 {
		renderInto(o.buf, &v, &clear, fronts, false, &o.raster)
	}
	return overlayCells(o.buf, overlayCellSize)
}

// overlayCells cuts img into squares of side n, keeps those that are not wholly transparent
// and returns copies of them, joining the squares kept side by side in a row into one piece:
// each piece is one object for the painter to draw (a GL painter pays for every object it
// draws, whatever its size), and joining adds no transparent pixels.
func overlayCells(img *image.RGBA, n int) []overlayCell {
	var out []overlayCell
	b := img.Rect
	for y := b.Min.Y; y < b.Max.Y; y += n {
		y1 := min(y+n, b.Max.Y)
		for x := b.Min.X; x < b.Max.X; x += n {
			if !anyOpaque(img, image.Rect(x, y, min(x+n, b.Max.X), y1)) {
				continue
			}
			x1 := min(x+n, b.Max.X)
			for x1 < b.Max.X && anyOpaque(img, image.Rect(x1, y, min(x1+n, b.Max.X), y1)) {
				x1 = min(x1+n, b.Max.X)
			}
			r := image.Rect(x, y, x1, y1)
			c := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
			for yy := r.Min.Y; yy < r.Max.Y; yy++ {
				copy(c.Pix[c.PixOffset(0, yy-r.Min.Y):][:4*r.Dx()], img.Pix[img.PixOffset(r.Min.X, yy):][:4*r.Dx()])
			}
			out = append(out, overlayCell{img: c, rect: r})
			x = x1 - n // the loop's step moves on to the first square after the run
		}
	}
	return out
}

// anyOpaque reports whether any pixel of img within r is not transparent.
func anyOpaque(img *image.RGBA, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):][:4*r.Dx()]
		for i := 3; i < len(row); i += 4 {
			if row[i] != 0 {
				return true
			}
		}
	}
	return false
}

// landMask returns the land coverage of v at a detail level, one byte a pixel, drawing it (in
// o.buf, v's size) only when the view or the detail changed.
func (o *overlayWorker) landMask(v *View, detail string) []uint8 {
	if o.mask != nil && o.maskView == *v && o.maskDetail == detail {
		return o.mask
	}
	o.maskRenders.Add(1)
	st := Style{Land: Paint{Fill: color.NRGBA{A: 0xff}}}
	renderInto(o.buf, v, &st, []Layer{{Name: "land-mask", Kind: LayerFill, Role: RoleLand, Geoms: o.s.data.landGeoms(detail)}}, true, &o.raster)
	if len(o.mask) != v.W*v.H {
		o.mask = make([]uint8, v.W*v.H)
	}
	for i := range o.mask {
		o.mask[i] = o.buf.Pix[4*i+3]
	}
	o.maskView, o.maskDetail = *v, detail
	return o.mask
}

// clearRGBA makes every pixel of img transparent.
func clearRGBA(img *image.RGBA) { clear(img.Pix) }

// maskWash scales every pixel of wash (premultiplied) by the land coverage of the same pixel.
func maskWash(wash *image.RGBA, land []uint8) {
	for i := 3; i < len(wash.Pix); i += 4 {
		if wash.Pix[i] == 0 {
			continue
		}
		a := uint32(land[i/4])
		if a == 0xff {
			continue
		}
		for j := i - 3; j <= i; j++ {
			wash.Pix[j] = uint8(uint32(wash.Pix[j]) * a / 0xff)
		}
	}
}

// landGeoms returns the land polygons of a detail level (the coarse level while the fine one
// loads).
func (m *MapData) landGeoms(detail string) []orb.Geometry {
	bm := m.BaseMap()
	lv := bm.Levels[detail]
	if lv == nil {
		lv = bm.Levels[Detail50m]
	}
	if lv == nil {
		return nil
	}
	gs := make([]orb.Geometry, 0, len(lv.Land))
	for i := range lv.Land {
		gs = append(gs, lv.Land[i].Shape)
	}
	return gs
}
