package anim

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// frames makes n frames of w×h: a flat map-like background with a square that moves one step
// a frame and a counter strip that changes every other frame, so some frames are identical
// to the one before when step is 0.
func frames(n, w, h, step int) []*image.RGBA {
	var out []*image.RGBA
	for i := range n {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0xf2, 0xec, 0xdf, 0xff}), image.Point{}, draw.Src)
		sq := image.Rect(5+i*step, 10, 25+i*step, 30)
		draw.Draw(img, sq, image.NewUniform(color.RGBA{0xb3, 0x36, 0x2c, 0xff}), image.Point{}, draw.Src)
		strip := image.Rect(0, h-4, 4*(i/2+1), h)
		draw.Draw(img, strip, image.NewUniform(color.RGBA{0x1f, 0x2d, 0x3d, 0xff}), image.Point{}, draw.Src)
		out = append(out, img)
	}
	return out
}

func sameImage(t *testing.T, what string, got image.Image, want *image.RGBA) {
	t.Helper()
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := got.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if r1>>8 != r2>>8 || g1>>8 != g2>>8 || b1>>8 != b2>>8 {
				t.Fatalf("%s: pixel (%d,%d) = %v, want %v", what, x, y, got.At(x, y), want.At(x, y))
			}
		}
	}
}

func TestGIFFramesComposeToTheOriginals(t *testing.T) {
	in := frames(20, 120, 60, 3)
	var buf bytes.Buffer
	w, err := NewGIF(&buf, 120, 60, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range in {
		if err := w.WriteFrame(f, 100*time.Millisecond); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatalf("decoding the GIF: %v", err)
	}
	if len(g.Image) != 20 {
		t.Fatalf("%d frames, want 20", len(g.Image))
	}
	if g.LoopCount != 0 {
		t.Errorf("loop count %d, want 0 (for ever)", g.LoopCount)
	}
	canvas := image.NewRGBA(image.Rect(0, 0, 120, 60))
	for i, fr := range g.Image {
		if g.Delay[i] != 10 {
			t.Errorf("frame %d delay %d cs, want 10", i, g.Delay[i])
		}
		if i > 0 && fr.Rect.Dx()*fr.Rect.Dy() >= 120*60 {
			t.Errorf("frame %d is whole (%v): only what changed should be stored", i, fr.Rect)
		}
		draw.Draw(canvas, fr.Rect, fr, fr.Rect.Min, draw.Over)
		sameImage(t, "frame", canvas, in[i])
	}
}

func TestGIFMergesIdenticalFrames(t *testing.T) {
	in := frames(6, 40, 40, 0) // the square stands still; the strip changes every other frame
	var buf bytes.Buffer
	w, _ := NewGIF(&buf, 40, 40, 1)
	for _, f := range in {
		w.WriteFrame(f, 50*time.Millisecond)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 3 {
		t.Fatalf("%d frames, want 3 (pairs of identical frames merged)", len(g.Image))
	}
	total := 0
	for _, d := range g.Delay {
		total += d
	}
	if total != 30 || g.Delay[0] != 10 {
		t.Errorf("delays %v (total %d cs), want 10 each, 30 in all", g.Delay, total)
	}
	if g.LoopCount != 1 {
		t.Errorf("loop count %d, want 1", g.LoopCount)
	}
}

func TestGIFManyColours(t *testing.T) {
	// A gradient of 4096 colours is reduced to 256 with a small error.
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for y := range 64 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 4), uint8((x + y) * 2), 0xff})
		}
	}
	var buf bytes.Buffer
	w, _ := NewGIF(&buf, 64, 64, 0)
	w.WriteFrame(img, time.Second)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(g.Image[0].Palette); n > 256 {
		t.Fatalf("palette of %d colours", n)
	}
	var sum float64
	for y := range 64 {
		for x := range 64 {
			a := img.RGBAAt(x, y)
			r, gg, b, _ := g.Image[0].At(x, y).RGBA()
			sum += abs(int(a.R)-int(r>>8)) + abs(int(a.G)-int(gg>>8)) + abs(int(a.B)-int(b>>8))
		}
	}
	if mean := sum / (64 * 64 * 3); mean > 6 {
		t.Errorf("mean error %.1f per channel, want at most 6", mean)
	}
}

func abs(v int) float64 {
	if v < 0 {
		return float64(-v)
	}
	return float64(v)
}

// apngFrames decodes an APNG by hand: for each fcTL, the frame's PNG is rebuilt from the
// stream's IHDR with the frame's size and its IDAT or fdAT data, decoded with image/png and
// drawn at its offset. It returns the composed frames, their delays and the declared count.
func apngFrames(t *testing.T, data []byte) ([]*image.RGBA, []time.Duration, int) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("no PNG signature")
	}
	p := data[8:]
	var ihdr []byte
	declared := 0
	var out []*image.RGBA
	var delays []time.Duration
	var canvas *image.RGBA
	var cur struct {
		w, h, x, y int
		data       []byte
		open       bool
	}
	flush := func() {
		if !cur.open {
			return
		}
		var b bytes.Buffer
		b.WriteString("\x89PNG\r\n\x1a\n")
		h := append([]byte(nil), ihdr...)
		binary.BigEndian.PutUint32(h[0:], uint32(cur.w))
		binary.BigEndian.PutUint32(h[4:], uint32(cur.h))
		writeChunk(&b, "IHDR", h)
		writeChunk(&b, "IDAT", cur.data)
		writeChunk(&b, "IEND", nil)
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatalf("frame %d: %v", len(out)+1, err)
		}
		draw.Draw(canvas, image.Rect(cur.x, cur.y, cur.x+cur.w, cur.y+cur.h), img, image.Point{}, draw.Src)
		out = append(out, image.NewRGBA(canvas.Bounds()))
		draw.Draw(out[len(out)-1], canvas.Bounds(), canvas, image.Point{}, draw.Src)
		cur.open = false
	}
	seq := uint32(0)
	for len(p) >= 12 {
		n := int(binary.BigEndian.Uint32(p))
		typ, body := string(p[4:8]), p[8:8+n]
		switch typ {
		case "IHDR":
			ihdr = append([]byte(nil), body...)
			canvas = image.NewRGBA(image.Rect(0, 0, int(binary.BigEndian.Uint32(body)), int(binary.BigEndian.Uint32(body[4:]))))
		case "acTL":
			declared = int(binary.BigEndian.Uint32(body))
		case "fcTL":
			flush()
			if s := binary.BigEndian.Uint32(body); s != seq {
				t.Fatalf("fcTL sequence %d, want %d", s, seq)
			}
			seq++
			cur.w, cur.h = int(binary.BigEndian.Uint32(body[4:])), int(binary.BigEndian.Uint32(body[8:]))
			cur.x, cur.y = int(binary.BigEndian.Uint32(body[12:])), int(binary.BigEndian.Uint32(body[16:]))
			num, den := binary.BigEndian.Uint16(body[20:]), binary.BigEndian.Uint16(body[22:])
			delays = append(delays, time.Duration(num)*time.Second/time.Duration(den))
			cur.data, cur.open = nil, true
		case "IDAT":
			cur.data = append(cur.data, body...)
		case "fdAT":
			if s := binary.BigEndian.Uint32(body); s != seq {
				t.Fatalf("fdAT sequence %d, want %d", s, seq)
			}
			seq++
			cur.data = append(cur.data, body[4:]...)
		case "IEND":
			flush()
		}
		p = p[12+n:]
	}
	return out, delays, declared
}

func writeChunk(b *bytes.Buffer, typ string, data []byte) {
	var w apngWriter
	var tmp bytes.Buffer
	w.w = newBufio(&tmp)
	w.chunk(typ, data)
	w.w.Flush()
	b.Write(tmp.Bytes())
}

func TestAPNGIsLossless(t *testing.T) {
	in := frames(12, 90, 50, 4)
	var buf bytes.Buffer
	w, err := NewAPNG(&buf, 90, 50, len(in), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range in {
		if err := w.WriteFrame(f, 125*time.Millisecond); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	still, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("a plain PNG decoder cannot read it: %v", err)
	}
	sameImage(t, "still image", still, in[0])
	got, delays, declared := apngFrames(t, buf.Bytes())
	if declared != 12 || len(got) != 12 {
		t.Fatalf("declared %d, decoded %d frames, want 12", declared, len(got))
	}
	for i := range got {
		sameImage(t, "frame", got[i], in[i])
		if delays[i] != 125*time.Millisecond {
			t.Errorf("frame %d delay %v, want 125ms", i, delays[i])
		}
	}
}

func TestAPNGFrameCount(t *testing.T) {
	in := frames(3, 20, 20, 1)
	w, _ := NewAPNG(&bytes.Buffer{}, 20, 20, 2, 0)
	w.WriteFrame(in[0], time.Second)
	w.WriteFrame(in[1], time.Second)
	if err := w.WriteFrame(in[2], time.Second); err == nil {
		t.Error("a frame beyond the declared count was accepted")
	}
	w2, _ := NewAPNG(&bytes.Buffer{}, 20, 20, 3, 0)
	w2.WriteFrame(in[0], time.Second)
	if err := w2.Close(); err == nil {
		t.Error("closing with frames missing succeeded")
	}
}

func TestWrongFrameSize(t *testing.T) {
	small := image.NewRGBA(image.Rect(0, 0, 10, 10))
	mk := map[string]func() (Writer, error){
		"gif":  func() (Writer, error) { return NewGIF(&bytes.Buffer{}, 20, 20, 0) },
		"apng": func() (Writer, error) { return NewAPNG(&bytes.Buffer{}, 20, 20, 1, 0) },
		"png":  func() (Writer, error) { return NewPNGSequence(t.TempDir(), "f", 20, 20) },
	}
	for name, f := range mk {
		w, err := f()
		if err != nil {
			t.Fatal(err)
		}
		if err := w.WriteFrame(small, time.Second); !errors.Is(err, ErrSize) {
			t.Errorf("%s: err = %v, want ErrSize", name, err)
		}
	}
	if _, err := NewGIF(&bytes.Buffer{}, 0, 10, 0); err == nil {
		t.Error("a GIF of width 0 was accepted")
	}
}

func TestPNGSequence(t *testing.T) {
	dir := t.TempDir()
	in := frames(3, 30, 20, 2)
	w, err := NewPNGSequence(dir, "moscow", 30, 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range in {
		if err := w.WriteFrame(f, time.Second); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	for i := range in {
		f, err := os.Open(filepath.Join(dir, []string{"moscow-0001.png", "moscow-0002.png", "moscow-0003.png"}[i]))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		sameImage(t, "png frame", img, in[i])
	}
}

// TestDiffRect is a property test: the rectangle holds every differing pixel and each of its
// four edges has one.
func TestDiffRect(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		w, h := 1+rng.IntN(40), 1+rng.IntN(40)
		a := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := range a.Pix {
			a.Pix[i] = uint8(rng.IntN(3))
		}
		b := image.NewRGBA(a.Bounds())
		copy(b.Pix, a.Pix)
		for range rng.IntN(4) {
			x, y := rng.IntN(w), rng.IntN(h)
			b.Pix[b.PixOffset(x, y)+rng.IntN(4)] += 1 + uint8(rng.IntN(200))
		}
		r := diffRect(a, b)
		var want image.Rectangle
		for y := range h {
			for x := range w {
				if a.RGBAAt(x, y) != b.RGBAAt(x, y) {
					want = want.Union(image.Rect(x, y, x+1, y+1))
				}
			}
		}
		if r != want {
			t.Fatalf("%dx%d: diffRect = %v, want %v", w, h, r, want)
		}
	}
}
