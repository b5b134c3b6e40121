// Package anim writes animations frame by frame, with bounded memory: animated GIF, animated
// PNG (APNG) and numbered PNG sequences. Frames are full pictures of one size; each writer
// stores only what changed since the previous frame (a sub-rectangle), so a clip in which only
// a front line and a date move stays small.
//
// The writers are independent of any UI: the caller renders frames (Frontline Atlas renders its
// map with Fyne's software painter) and hands them over one at a time.
package anim

import (
	"errors"
	"fmt"
	"image"
	"image/draw"
	"time"
)

// Writer takes the frames of an animation one at a time.
type Writer interface {
	// WriteFrame adds img, shown for delay. Every frame must have the size the writer was
	// made with; img is not retained.
	WriteFrame(img image.Image, delay time.Duration) error
	// Close finishes the animation. It does not close the underlying io.Writer.
	Close() error
}

// ErrSize is returned for a frame whose size differs from the animation's.
var ErrSize = errors.New("anim: frame size differs from the animation's")

// canvas keeps the previous frame to find what changed.
type canvas struct {
	w, h  int
	prev  *image.RGBA // nil before the first frame
	cur   *image.RGBA
	count int
}

func newCanvas(w, h int) (*canvas, error) {
	if w <= 0 || h <= 0 || w > 1<<14 || h > 1<<14 {
		return nil, fmt.Errorf("anim: size %dx%d: want 1–16384 pixels each way", w, h)
	}
	return &canvas{w: w, h: h}, nil
}

// next copies img in as the current frame and returns the rectangle that differs from the
// previous one: the whole frame first, an empty rectangle when nothing changed.
func (c *canvas) next(img image.Image) (image.Rectangle, error) {
	b := img.Bounds()
	if b.Dx() != c.w || b.Dy() != c.h {
		return image.Rectangle{}, fmt.Errorf("%w: frame %d is %dx%d, want %dx%d", ErrSize, c.count+1, b.Dx(), b.Dy(), c.w, c.h)
	}
	if c.cur == nil {
		c.cur = image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	}
	c.prev, c.cur = c.cur, c.prev
	if c.cur == nil {
		c.cur = image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	}
	if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() {
		draw.Draw(c.cur, c.cur.Bounds(), img, b.Min, draw.Src)
	} else { // frames are opaque: what is transparent shows black
		draw.Draw(c.cur, c.cur.Bounds(), image.Black, image.Point{}, draw.Src)
		draw.Draw(c.cur, c.cur.Bounds(), img, b.Min, draw.Over)
	}
	c.count++
	if c.count == 1 {
		return c.cur.Bounds(), nil
	}
	return diffRect(c.prev, c.cur), nil
}

// diffRect returns the smallest rectangle outside which a and b (of equal bounds) are equal.
func diffRect(a, b *image.RGBA) image.Rectangle {
	r := a.Bounds()
	rowEq := func(y int) bool {
		i := a.PixOffset(r.Min.X, y)
		n := 4 * r.Dx()
		return string(a.Pix[i:i+n]) == string(b.Pix[i:i+n])
	}
	y0, y1 := r.Min.Y, r.Max.Y
	for y0 < y1 && rowEq(y0) {
		y0++
	}
	if y0 == y1 {
		return image.Rectangle{}
	}
	for y1 > y0 && rowEq(y1-1) {
		y1--
	}
	x0, x1 := r.Max.X, r.Min.X
	for y := y0; y < y1; y++ {
		i := a.PixOffset(r.Min.X, y)
		for x := r.Min.X; x < x0; x++ {
			if string(a.Pix[i+4*(x-r.Min.X):i+4*(x-r.Min.X)+4]) != string(b.Pix[i+4*(x-r.Min.X):i+4*(x-r.Min.X)+4]) {
				x0 = x
				break
			}
		}
		for x := r.Max.X - 1; x >= x1; x-- {
			if string(a.Pix[i+4*(x-r.Min.X):i+4*(x-r.Min.X)+4]) != string(b.Pix[i+4*(x-r.Min.X):i+4*(x-r.Min.X)+4]) {
				x1 = x + 1
				break
			}
		}
	}
	return image.Rect(x0, y0, x1, y1)
}
