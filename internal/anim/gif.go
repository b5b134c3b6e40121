package anim

import (
	"bufio"
	"compress/lzw"
	"errors"
	"image"
	"io"
	"time"
)

// gifWriter streams a GIF89a: each frame is the changed sub-rectangle with its own colour
// table, drawn over the previous one (disposal "do not dispose"). A frame identical to the one
// before only lengthens its display time, so one frame is held back until the next arrives.
type gifWriter struct {
	w       *bufio.Writer
	c       *canvas
	q       quantizer
	pending *image.Paletted // the frame held back, in its own coordinates
	at      image.Point     // its position on the canvas
	delay   time.Duration   // how long it is shown so far
	err     error
	closed  bool
}

// NewGIF starts an animated GIF of width×height pixels on w, played loops times (0 for ever).
// GIF frames hold at most 256 colours each (median cut, no dithering) and delays in hundredths
// of a second (shorter delays are raised to 0.02 s, as browsers do).
func NewGIF(w io.Writer, width, height, loops int) (Writer, error) {
	c, err := newCanvas(width, height)
	if err != nil {
		return nil, err
	}
	if width > 0xffff || height > 0xffff {
		return nil, errors.New("anim: a GIF is at most 65535 pixels each way")
	}
	g := &gifWriter{w: bufio.NewWriter(w), c: c}
	b := g.w
	b.WriteString("GIF89a")
	le16(b, width)
	le16(b, height)
	b.Write([]byte{0x00, 0x00, 0x00}) // no global colour table, background 0, square pixels
	// NETSCAPE2.0 application extension: the loop count.
	b.Write([]byte{0x21, 0xff, 0x0b})
	b.WriteString("NETSCAPE2.0")
	b.Write([]byte{0x03, 0x01})
	le16(b, loops)
	b.WriteByte(0x00)
	return g, nil
}

func le16(w *bufio.Writer, v int) { w.Write([]byte{byte(v), byte(v >> 8)}) }

// WriteFrame implements Writer.
func (g *gifWriter) WriteFrame(img image.Image, delay time.Duration) error {
	if g.err != nil {
		return g.err
	}
	r, err := g.c.next(img)
	if err != nil {
		return err
	}
	if r.Empty() && g.pending != nil {
		g.delay += delay
		return nil
	}
	if g.pending != nil {
		g.flush()
	}
	if r.Empty() { // cannot happen for the first frame; kept for safety
		r = image.Rect(0, 0, 1, 1)
	}
	g.pending = g.q.quantize(g.c.cur, r, 256)
	g.at, g.delay = r.Min, delay
	return g.err
}

// flush writes the pending frame.
func (g *gifWriter) flush() {
	p, b := g.pending, g.w
	g.pending = nil
	cs := (g.delay + 5*time.Millisecond) / (10 * time.Millisecond)
	cs = min(max(cs, 2), 0xffff)
	// Graphic control extension: disposal 1 (leave in place), no transparency, the delay.
	b.Write([]byte{0x21, 0xf9, 0x04, 0x04})
	le16(b, int(cs))
	b.Write([]byte{0x00, 0x00})
	// Image descriptor with a local colour table of 2^(n+1) entries.
	b.WriteByte(0x2c)
	le16(b, g.at.X)
	le16(b, g.at.Y)
	le16(b, p.Rect.Dx())
	le16(b, p.Rect.Dy())
	bits := 1
	for 1<<bits < len(p.Palette) {
		bits++
	}
	b.WriteByte(0x80 | byte(bits-1))
	for i := range 1 << bits {
		if i < len(p.Palette) {
			r, gg, bb, _ := p.Palette[i].RGBA()
			b.Write([]byte{byte(r >> 8), byte(gg >> 8), byte(bb >> 8)})
		} else {
			b.Write([]byte{0, 0, 0})
		}
	}
	lit := max(bits, 2)
	b.WriteByte(byte(lit))
	bw := &blockWriter{w: b}
	lz := lzw.NewWriter(bw, lzw.LSB, lit)
	if _, err := lz.Write(p.Pix); err != nil && g.err == nil {
		g.err = err
	}
	lz.Close()
	bw.close()
}

// Close implements Writer: it writes the last frame and the trailer.
func (g *gifWriter) Close() error {
	if g.closed {
		return g.err
	}
	g.closed = true
	if g.err != nil {
		return g.err
	}
	if g.pending == nil {
		return errors.New("anim: a GIF needs at least one frame")
	}
	g.flush()
	g.w.WriteByte(0x3b)
	if err := g.w.Flush(); err != nil && g.err == nil {
		g.err = err
	}
	return g.err
}

// blockWriter cuts LZW output into GIF data sub-blocks of at most 255 bytes.
type blockWriter struct {
	w   *bufio.Writer
	buf [255]byte
	n   int
}

func (b *blockWriter) Write(p []byte) (int, error) {
	for _, c := range p {
		b.buf[b.n] = c
		b.n++
		if b.n == len(b.buf) {
			b.emit()
		}
	}
	return len(p), nil
}

func (b *blockWriter) emit() {
	if b.n == 0 {
		return
	}
	b.w.WriteByte(byte(b.n))
	b.w.Write(b.buf[:b.n])
	b.n = 0
}

// close writes the last block and the block terminator.
func (b *blockWriter) close() {
	b.emit()
	b.w.WriteByte(0x00)
}
