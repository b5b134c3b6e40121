package anim

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"frontline-atlas/internal/atomicfile"
)

// pngSequence writes each frame whole as NAME-0001.png, NAME-0002.png, … in a folder, the form
// video editors and slide tools import. Delays are not stored (the frame rate is the caller's).
type pngSequence struct {
	dir, name string
	w, h, n   int
}

// NewPNGSequence writes frames of width×height pixels as numbered PNG files name-0001.png, …
// in dir, which is created if needed. Each file is written atomically.
func NewPNGSequence(dir, name string, width, height int) (Writer, error) {
	if _, err := newCanvas(width, height); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("anim: %w", err)
	}
	return &pngSequence{dir: dir, name: name, w: width, h: height}, nil
}

// WriteFrame implements Writer.
func (s *pngSequence) WriteFrame(img image.Image, _ time.Duration) error {
	b := img.Bounds()
	if b.Dx() != s.w || b.Dy() != s.h {
		return fmt.Errorf("%w: frame %d is %dx%d, want %dx%d", ErrSize, s.n+1, b.Dx(), b.Dy(), s.w, s.h)
	}
	s.n++
	path := filepath.Join(s.dir, fmt.Sprintf("%s-%04d.png", s.name, s.n))
	f, err := atomicfile.Create(path, 0o644)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := png.Encode(f, img); err != nil {
		return fmt.Errorf("anim: %s: %w", path, err)
	}
	return f.Commit()
}

// Close implements Writer.
func (s *pngSequence) Close() error { return nil }
