package anim

import (
	"image"
	"image/color"
	"sort"
)

// quantizer reduces a picture to at most 256 colours by median cut over a histogram of
// 15-bit colours (5 bits a channel), then maps each pixel to the nearest palette colour of its
// histogram cell. Maps are made of flat colours, antialiased edges and a few washes, for which
// this is exact or close to it without dithering (which would make GIF frames large and noisy).
// A quantizer is reused from frame to frame to avoid allocation.
type quantizer struct {
	hist  [1 << 15]uint32
	index [1 << 15]uint8 // palette index of each histogram cell
	sum   [1 << 15][3]uint32
}

// cell returns the histogram cell of an 8-bit colour.
func cell(r, g, b uint8) int { return int(r>>3)<<10 | int(g>>3)<<5 | int(b>>3) }

type box struct {
	cells []int // histogram cells in the box
	count uint64
}

// quantize returns r of img as a paletted image of at most maxColors colours (2–256).
// Transparency is not kept: frames are opaque.
func (q *quantizer) quantize(img *image.RGBA, r image.Rectangle, maxColors int) *image.Paletted {
	if p := exactPalette(img, r, maxColors); p != nil {
		return p
	}
	q.hist = [1 << 15]uint32{}
	q.sum = [1 << 15][3]uint32{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i := img.PixOffset(r.Min.X, y)
		for x := r.Min.X; x < r.Max.X; x, i = x+1, i+4 {
			p := img.Pix[i : i+3 : i+3]
			c := cell(p[0], p[1], p[2])
			q.hist[c]++
			q.sum[c][0] += uint32(p[0])
			q.sum[c][1] += uint32(p[1])
			q.sum[c][2] += uint32(p[2])
		}
	}
	var all []int
	var total uint64
	for c, n := range q.hist {
		if n > 0 {
			all = append(all, c)
			total += uint64(n)
		}
	}
	boxes := []box{{cells: all, count: total}}
	for len(boxes) < maxColors {
		// Split the box with the most pixels that has more than one cell.
		bi := -1
		for i, b := range boxes {
			if len(b.cells) > 1 && (bi < 0 || b.count > boxes[bi].count) {
				bi = i
			}
		}
		if bi < 0 {
			break
		}
		a, b := q.split(boxes[bi])
		boxes[bi] = a
		boxes = append(boxes, b)
	}
	pal := make(color.Palette, len(boxes))
	for i, b := range boxes {
		var s [3]uint64
		var n uint64
		for _, c := range b.cells {
			s[0] += uint64(q.sum[c][0])
			s[1] += uint64(q.sum[c][1])
			s[2] += uint64(q.sum[c][2])
			n += uint64(q.hist[c])
			q.index[c] = uint8(i)
		}
		pal[i] = color.RGBA{uint8(s[0] / n), uint8(s[1] / n), uint8(s[2] / n), 0xff}
	}
	if len(pal) == 0 {
		pal = color.Palette{color.RGBA{0, 0, 0, 0xff}}
	}
	out := image.NewPaletted(image.Rect(0, 0, r.Dx(), r.Dy()), pal)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i := img.PixOffset(r.Min.X, y)
		o := out.PixOffset(0, y-r.Min.Y)
		for x := r.Min.X; x < r.Max.X; x, i, o = x+1, i+4, o+1 {
			out.Pix[o] = q.index[cell(img.Pix[i], img.Pix[i+1], img.Pix[i+2])]
		}
	}
	return out
}

// split cuts a box in two at the pixel median along its widest channel.
func (q *quantizer) split(b box) (box, box) {
	var lo, hi [3]int
	lo = [3]int{31, 31, 31}
	for _, c := range b.cells {
		ch := [3]int{c >> 10, c >> 5 & 31, c & 31}
		for k := range 3 {
			lo[k] = min(lo[k], ch[k])
			hi[k] = max(hi[k], ch[k])
		}
	}
	axis := 0
	for k := 1; k < 3; k++ {
		if hi[k]-lo[k] > hi[axis]-lo[axis] {
			axis = k
		}
	}
	shift := [3]int{10, 5, 0}[axis]
	sort.Slice(b.cells, func(i, j int) bool {
		vi, vj := b.cells[i]>>shift&31, b.cells[j]>>shift&31
		if vi != vj {
			return vi < vj
		}
		return b.cells[i] < b.cells[j]
	})
	var acc uint64
	at := 1
	for i, c := range b.cells {
		acc += uint64(q.hist[c])
		if acc*2 >= b.count {
			at = i + 1
			break
		}
	}
	at = min(max(at, 1), len(b.cells)-1)
	a := box{cells: b.cells[:at:at]}
	c := box{cells: b.cells[at:]}
	for _, x := range a.cells {
		a.count += uint64(q.hist[x])
	}
	c.count = b.count - a.count
	return a, c
}

// exactPalette returns r of img with a palette of its own colours when it has at most
// maxColors of them (a map of flat colours often does), else nil.
func exactPalette(img *image.RGBA, r image.Rectangle, maxColors int) *image.Paletted {
	seen := make(map[uint32]uint8, maxColors)
	var pal color.Palette
	out := image.NewPaletted(image.Rect(0, 0, r.Dx(), r.Dy()), nil)
	lastK, lastIdx := uint32(1<<24), uint8(0) // runs of one colour skip the map
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i := img.PixOffset(r.Min.X, y)
		o := out.PixOffset(0, y-r.Min.Y)
		for x := r.Min.X; x < r.Max.X; x, i, o = x+1, i+4, o+1 {
			k := uint32(img.Pix[i])<<16 | uint32(img.Pix[i+1])<<8 | uint32(img.Pix[i+2])
			if k == lastK {
				out.Pix[o] = lastIdx
				continue
			}
			idx, ok := seen[k]
			if !ok {
				if len(pal) == maxColors {
					return nil
				}
				idx = uint8(len(pal))
				seen[k] = idx
				pal = append(pal, color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], 0xff})
			}
			out.Pix[o] = idx
			lastK, lastIdx = k, idx
		}
	}
	out.Palette = pal
	return out
}
