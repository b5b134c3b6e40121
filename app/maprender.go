package app

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	xdraw "golang.org/x/image/draw"

	"frontline-atlas/geo"
)

// mapRenderer places canvas objects for the frame its MapView made: it reads the widget and
// never changes it. Objects are kept from frame to frame, keyed by what they show (a tile, a
// place, a name), so a pan only moves them; a look is refreshed only when it changes.
type mapRenderer struct {
	m         *MapView
	bg        *canvas.Rectangle             // never drawn: refreshing it marks the canvas for repainting
	frame     *image.RGBA                   // headless: the composed base map
	composite *canvas.Image                 // headless: shows frame
	holes     *pool[int, *canvas.Rectangle] // water where no tile covers the view yet
	tiles     *pool[tilePiece, *canvas.Image]
	srcs      map[*canvas.Image]*image.RGBA // the tile image each object shows
	// blocks draw four sharp tiles as one object (maprenderblocks.go).
	blocks       *pool[blockKey, *canvas.Raster]
	blockSrcs    map[*canvas.Raster]blockSrc
	blockScratch *image.RGBA
	sharp        map[geo.TileKey]int
	inBlock      []bool
	noBlocks     bool                              // every tile its own object (tests compare)
	overlay      *pool[*image.RGBA, *canvas.Image] // the pieces of the overlay of the date
	names        *pool[nameKey, *canvas.Text]
	rings        *pool[string, *canvas.Circle]
	dots         *pool[string, *canvas.Circle]
	labels       *pool[string, *canvas.Text]
	scaleBar     *canvas.Line
	scaleTxt     *canvas.Text
	credit       *canvas.Text
	objects      []fyne.CanvasObject
}

// tilePiece identifies what one image object shows: a tile, or the part of a coarser tile that
// stands in for a missing one.
type tilePiece struct {
	key geo.TileKey
	src image.Rectangle
}

type nameKey struct {
	text string
	kind geo.MapLabelKind
}

func newMapRenderer(m *MapView) *mapRenderer {
	r := &mapRenderer{m: m, srcs: map[*canvas.Image]*image.RGBA{}}
	r.bg = canvas.NewRectangle(color.Transparent)
	r.composite = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScalePixels}
	r.composite.Hide()
	r.holes = newPool[int](func() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) })
	r.tiles = newPool[tilePiece](func() *canvas.Image {
		return &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScalePixels}
	})
	r.tiles.release = func(o *canvas.Image) {
		// Let go of the pixels (the cache may have dropped the tile) and of the GL texture.
		o.Image = nil
		delete(r.srcs, o)
		o.Refresh()
	}
	r.blockSrcs = map[*canvas.Raster]blockSrc{}
	r.blocks = newPool[blockKey](r.newBlock)
	r.blocks.release = func(o *canvas.Raster) {
		delete(r.blockSrcs, o)
		o.Refresh() // lets go of the texture
	}
	r.overlay = newPool[*image.RGBA](func() *canvas.Image {
		// Stretched while a zoom settles: no smoothing pass.
		return &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScalePixels}
	})
	r.overlay.release = func(o *canvas.Image) {
		o.Image = nil
		o.Refresh()
	}
	r.names = newPool[nameKey](func() *canvas.Text { return canvas.NewText("", color.Transparent) })
	r.rings = newPool[string](func() *canvas.Circle { return canvas.NewCircle(color.Transparent) })
	r.dots = newPool[string](func() *canvas.Circle { return canvas.NewCircle(color.Transparent) })
	r.labels = newPool[string](func() *canvas.Text { return canvas.NewText("", color.Transparent) })
	r.scaleBar = canvas.NewLine(color.Transparent)
	r.scaleBar.StrokeWidth = 2
	r.scaleTxt = canvas.NewText("", color.Transparent)
	r.credit = canvas.NewText("", color.Transparent)
	r.rebuildObjects()
	return r
}

// rebuildObjects lists the objects bottom to top: the base map, the overlay, names, rings,
// dots, labels, the scale bar, the credit line and the buttons.
func (r *mapRenderer) rebuildObjects() {
	o := append(r.objects[:0], r.bg, r.composite)
	o = r.holes.objects(o)
	o = r.tiles.objects(o)
	o = r.blocks.objects(o)
	o = r.overlay.objects(o)
	o = r.names.objects(o)
	o = r.rings.objects(o)
	o = r.dots.objects(o)
	o = r.labels.objects(o)
	r.objects = append(o, r.scaleBar, r.scaleTxt, r.credit, r.m.buttons)
}

func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy does nothing: the tiles and workers belong to the widget's session, which a renderer
// made later (Fyne drops renderers of widgets it has not painted for a while) keeps using.
func (r *mapRenderer) Destroy() {}

func (r *mapRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 160) }

func (r *mapRenderer) Layout(size fyne.Size) {
	pad := r.m.Theme().Size(theme.SizeNamePadding)
	bs := r.m.buttons.MinSize()
	r.m.buttons.Resize(bs)
	r.m.buttons.Move(fyne.NewPos(size.Width-bs.Width-pad*2, size.Height-bs.Height-pad*2-20))
	r.draw()
}

// Refresh draws the widget's frame. Only objects whose look changed are refreshed; the canvas
// is marked for repainting through the background (refreshing the widget would make the GL
// painter drop and rasterize every label again).
func (r *mapRenderer) Refresh() {
	r.draw()
	canvas.Refresh(r.bg)
}

func (r *mapRenderer) draw() {
	f := r.m.frame
	if f == nil || f.View.W < 1 {
		return
	}
	th := r.m.Theme()
	v := themeVariant()
	// The background marks the canvas for repainting; it is not drawn: the water colour fills
	// only the squares of missing tiles that nothing stands in for (placeTiles).
	r.bg.Hide()
	if r.m.compose {
		r.compose(f)
	} else {
		r.placeTiles(f)
		r.placeOverlay(f)
	}
	accent := th.Color(theme.ColorNamePrimary, v)
	r.placeNames(f)
	r.placeMarkers(f, accent)
	fg := th.Color(theme.ColorNameForeground, v)
	r.placeScaleBar(f, fg)
	setText(r.credit, r.m.creditText(), 11*TextScale(r.m), fyne.TextStyle{}, fg)
	r.credit.Move(fyne.NewPos(8, float32(f.View.H)-18))
	if r.holes.grew || r.tiles.grew || r.blocks.grew || r.overlay.grew || r.names.grew || r.rings.grew || r.dots.grew || r.labels.grew {
		r.rebuildObjects()
	}
}

// placeTiles shows the frame's tiles as one image object each. A tile keeps its object from
// frame to frame, so panning only moves objects: no pixels are copied and the GL driver keeps
// each tile's texture.
func (r *mapRenderer) placeTiles(f *geo.MapFrame) {
	r.composite.Hide()
	for i, h := range f.Tiles.Holes {
		o := r.holes.get(i)
		setRect(o, f.Style.Background, color.Transparent, 0, 0)
		x0, y0 := math.Round(h[0]), math.Round(h[1])
		place(o, float32(x0), float32(y0), float32(math.Round(h[0]+h[2])-x0), float32(math.Round(h[1]+h[3])-y0))
	}
	r.holes.done()
	inBlock := r.placeBlocks(f.Tiles.Pieces)
	for i, p := range f.Tiles.Pieces {
		if inBlock[i] {
			continue
		}
		o := r.tiles.get(tilePiece{p.Key, p.Src})
		if r.srcs[o] != p.Img { // a new piece, or the same tile of another scene (theme, date)
			r.srcs[o] = p.Img
			o.Image = pieceImage(p)
			o.Refresh()
		}
		x0, y0 := math.Round(p.X), math.Round(p.Y)
		x1, y1 := math.Round(p.X+p.W), math.Round(p.Y+p.H)
		place(o, float32(x0), float32(y0), float32(x1-x0), float32(y1-y0))
	}
	r.tiles.done()
	r.blocks.done()
}

// pieceImage returns the image of a tile piece: the tile itself, or a copy of the part of a
// coarser tile that stands in for a missing one. (Fyne's GL painter uploads an *image.RGBA's
// pixels as if its rectangle started at the origin with no padding, so a SubImage would come
// out sheared.)
func pieceImage(p geo.TilePiece) *image.RGBA {
	if p.Src == p.Img.Bounds() {
		return p.Img
	}
	sub := image.NewRGBA(image.Rect(0, 0, p.Src.Dx(), p.Src.Dy()))
	draw.Draw(sub, sub.Rect, p.Img, p.Src.Min, draw.Src)
	return sub
}

// compose draws the frame's tiles and overlay into one image the size of the view. Fyne's software painter
// (snapshots, tests, benchmarks) paints one large image much faster than many small or scaled
// ones; the window instead moves one object per tile (placeTiles), which its GL painter keeps as
// textures.
func (r *mapRenderer) compose(f *geo.MapFrame) {
	v := &f.View
	if r.frame == nil || r.frame.Bounds().Dx() != v.W || r.frame.Bounds().Dy() != v.H {
		r.frame = image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	}
	f.Tiles.Draw(r.frame, f.Style.Background, false)
	// The overlay goes into the same image: the software painter blends a separate one pixel
	// by pixel through image.Image's generic methods.
	for _, p := range f.Overlay {
		dr := image.Rect(int(math.Round(p.X)), int(math.Round(p.Y)), int(math.Round(p.X+p.W)), int(math.Round(p.Y+p.H)))
		if dr.Size() == p.Img.Rect.Size() {
			draw.Draw(r.frame, dr, p.Img, image.Point{}, draw.Over)
		} else {
			xdraw.NearestNeighbor.Scale(r.frame, dr, p.Img, p.Img.Rect, draw.Over, nil)
		}
	}
	r.overlay.done() // nothing asked for: every overlay object hidden
	r.composite.Image = r.frame
	place(r.composite, 0, 0, float32(v.W), float32(v.H))
	r.composite.Show()
	r.composite.Refresh()
	r.tiles.done()
	r.blocks.done()
	r.holes.done()
}

// placeOverlay shows the pieces of the overlay of the date where the frame puts them. A piece
// keeps its object while the overlay is only moved (a pan or zoom); a redrawn overlay brings new
// images, which are uploaded once.
func (r *mapRenderer) placeOverlay(f *geo.MapFrame) {
	for _, p := range f.Overlay {
		o := r.overlay.get(p.Img)
		if o.Image != p.Img {
			o.Image = p.Img
			o.Refresh()
		}
		place(o, float32(p.X), float32(p.Y), float32(p.W), float32(p.H))
	}
	r.overlay.done()
}
