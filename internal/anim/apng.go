package anim

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"time"
)

// apngWriter streams an animated PNG: lossless frames, each the changed sub-rectangle of the
// canvas written over the previous frame. The number of frames is declared at the start (the
// acTL chunk comes before the first image), so it must be known in advance.
type apngWriter struct {
	w      *bufio.Writer
	c      *canvas
	frames int
	seq    uint32
	enc    png.Encoder
	buf    bytes.Buffer
	err    error
	closed bool
}

// NewAPNG starts an animated PNG of width×height pixels and exactly frames frames on w,
// played loops times (0 for ever). Delays are kept to the millisecond. Viewers without APNG
// support show the first frame.
func NewAPNG(w io.Writer, width, height, frames, loops int) (Writer, error) {
	c, err := newCanvas(width, height)
	if err != nil {
		return nil, err
	}
	if frames < 1 {
		return nil, fmt.Errorf("anim: an APNG needs at least one frame, not %d", frames)
	}
	a := &apngWriter{w: newBufio(w), c: c, frames: frames}
	a.w.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits a channel, truecolour: what image/png writes for opaque RGBA
	a.chunk("IHDR", ihdr[:])
	var actl [8]byte
	binary.BigEndian.PutUint32(actl[0:], uint32(frames))
	binary.BigEndian.PutUint32(actl[4:], uint32(loops))
	a.chunk("acTL", actl[:])
	return a, nil
}

// chunk writes one PNG chunk.
func (a *apngWriter) chunk(typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	a.w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	a.w.WriteString(typ)
	a.w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	a.w.Write(n[:])
}

// WriteFrame implements Writer.
func (a *apngWriter) WriteFrame(img image.Image, delay time.Duration) error {
	if a.err != nil {
		return a.err
	}
	if a.c.count >= a.frames {
		return fmt.Errorf("anim: frame %d is more than the %d declared", a.c.count+1, a.frames)
	}
	r, err := a.c.next(img)
	if err != nil {
		return err
	}
	if r.Empty() {
		r = image.Rect(0, 0, 1, 1) // an unchanged frame still needs its place in time
	}
	ms := min(max(delay.Milliseconds(), 0), 0xffff)
	var fctl [26]byte
	binary.BigEndian.PutUint32(fctl[0:], a.seq)
	binary.BigEndian.PutUint32(fctl[4:], uint32(r.Dx()))
	binary.BigEndian.PutUint32(fctl[8:], uint32(r.Dy()))
	binary.BigEndian.PutUint32(fctl[12:], uint32(r.Min.X))
	binary.BigEndian.PutUint32(fctl[16:], uint32(r.Min.Y))
	binary.BigEndian.PutUint16(fctl[20:], uint16(ms))
	binary.BigEndian.PutUint16(fctl[22:], 1000)
	fctl[24], fctl[25] = 0, 0 // dispose: none; blend: source (frames are opaque)
	a.chunk("fcTL", fctl[:])
	a.seq++

	a.buf.Reset()
	if err := a.enc.Encode(&a.buf, a.c.cur.SubImage(r)); err != nil {
		a.err = fmt.Errorf("anim: frame %d: %w", a.c.count, err)
		return a.err
	}
	data, err := idatData(a.buf.Bytes())
	if err != nil {
		a.err = fmt.Errorf("anim: frame %d: %w", a.c.count, err)
		return a.err
	}
	if a.c.count == 1 {
		a.chunk("IDAT", data) // the first frame is also the still image
		return nil
	}
	const max = 1 << 20
	for len(data) > 0 {
		n := min(len(data), max)
		fdat := make([]byte, 4+n)
		binary.BigEndian.PutUint32(fdat, a.seq)
		copy(fdat[4:], data[:n])
		a.chunk("fdAT", fdat)
		a.seq++
		data = data[n:]
	}
	return nil
}

// idatData returns the concatenated data of the IDAT chunks of an encoded PNG.
func idatData(p []byte) ([]byte, error) {
	if len(p) < 8 {
		return nil, errors.New("short PNG")
	}
	p = p[8:]
	var out []byte
	for len(p) >= 12 {
		n := int(binary.BigEndian.Uint32(p))
		if n < 0 || 12+n > len(p) {
			return nil, errors.New("malformed PNG chunk")
		}
		typ := string(p[4:8])
		if typ == "IHDR" && p[8+9] != 2 {
			return nil, fmt.Errorf("frame encoded as PNG colour type %d, want 2 (opaque truecolour)", p[8+9])
		}
		if typ == "IDAT" {
			out = append(out, p[8:8+n]...)
		}
		p = p[12+n:]
	}
	return out, nil
}

// Close implements Writer: it checks that every declared frame was written and ends the file.
func (a *apngWriter) Close() error {
	if a.closed {
		return a.err
	}
	a.closed = true
	if a.err != nil {
		return a.err
	}
	if a.c.count != a.frames {
		a.err = fmt.Errorf("anim: %d of the %d declared frames written", a.c.count, a.frames)
		return a.err
	}
	a.chunk("IEND", nil)
	if err := a.w.Flush(); err != nil {
		a.err = err
	}
	return a.err
}

func newBufio(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 1<<16) }
