package app

import (
	"image"
	"math"

	"fyne.io/fyne/v2/canvas"

	"frontline-atlas/geo"
)

// The GL painter pays for every object it draws, whatever its size (docs/performance.md, "The
// real window"), and the map's sharp tiles were about 45 objects of every frame at 1080p. Four
// sharp tiles of one level that make a square aligned on even tile numbers are drawn as one
// object instead, 512 px on a side. Its pixels are not kept: the object is a canvas.Raster
// whose generator composes the four tiles (which the tile cache keeps anyway) into one scratch
// image when the painter makes its texture, which the painter copies at once. So a block costs
// no memory of its own in Go, and its texture replaces the four tiles' textures.

// blockKey names a block: its level and its top-left tile (even numbers).
type blockKey struct{ level, x, y int }

// blockSrc are the four tiles of a block: top left, top right, bottom left, bottom right.
type blockSrc [4]*image.RGBA

func (r *mapRenderer) newBlock() *canvas.Raster {
	o := &canvas.Raster{ScaleMode: canvas.ImageScalePixels}
	o.Generator = func(int, int) image.Image { return r.composeBlock(r.blockSrcs[o]) }
	return o
}

// composeBlock draws the four tiles of a block into the renderer's scratch image and returns
// it. The painter asks for it on the UI thread and copies it into a texture before it asks for
// another; the size it asks for is ignored (the texture has the tiles' own pixels, scaled as
// the tiles would be).
func (r *mapRenderer) composeBlock(src blockSrc) image.Image {
	const n = geo.TileSize
	if r.blockScratch == nil {
		r.blockScratch = image.NewRGBA(image.Rect(0, 0, 2*n, 2*n))
	}
	dst := r.blockScratch
	for j, t := range src {
		ox, oy := (j%2)*n, (j/2)*n
		for y := range n {
			row := dst.Pix[dst.PixOffset(ox, oy+y):][:4*n]
			if t == nil {
				clear(row)
				continue
			}
			copy(row, t.Pix[t.PixOffset(t.Rect.Min.X, t.Rect.Min.Y+y):][:4*n])
		}
	}
	return dst
}

// placeBlocks draws the frame's complete blocks of sharp tiles as one object each and returns,
// for each piece, whether a block drew it.
func (r *mapRenderer) placeBlocks(pieces []geo.TilePiece) []bool {
	if r.sharp == nil {
		r.sharp = map[geo.TileKey]int{}
	}
	clear(r.sharp)
	in := r.inBlock[:0]
	for i, p := range pieces {
		in = append(in, false)
		if !p.Placeholder && p.Src == p.Img.Rect && p.Src.Dx() == geo.TileSize && p.Src.Dy() == geo.TileSize {
			r.sharp[p.Key] = i
		}
	}
	r.inBlock = in
	if r.noBlocks {
		return in
	}
	for i, p := range pieces {
		if in[i] || p.Placeholder {
			continue
		}
		k := p.Key
		bx, by := k.X&^1, k.Y&^1
		var idx [4]int
		whole := true
		for j := range idx {
			n, ok := r.sharp[geo.TileKey{Level: k.Level, X: bx + j%2, Y: by + j/2}]
			if !ok {
				whole = false
				break
			}
			idx[j] = n
		}
		if !whole {
			continue
		}
		var src blockSrc
		for j, n := range idx {
			in[n] = true
			src[j] = pieces[n].Img
		}
		o := r.blocks.get(blockKey{k.Level, bx, by})
		if r.blockSrcs[o] != src { // new tiles (a theme, a date, a block just completed)
			r.blockSrcs[o] = src
			o.Refresh()
		}
		tl, br := pieces[idx[0]], pieces[idx[3]]
		x0, y0 := math.Round(tl.X), math.Round(tl.Y)
		x1, y1 := math.Round(br.X+br.W), math.Round(br.Y+br.H)
		place(o, float32(x0), float32(y0), float32(x1-x0), float32(y1-y0))
	}
	return in
}
