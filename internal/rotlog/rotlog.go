// Package rotlog is a log file that never fills the disk: when the next record would take it
// past a size, the file is moved aside (NAME.1, the older NAME.1 to NAME.2, …) and a new one
// begun; only the newest few are kept. It is what kiosk mode logs to, for months unattended.
//
//	w, err := rotlog.Open(dir, 1<<20, 5) // dir/frontline-atlas.log, at most 1 MiB, 5 old files
//	log.SetOutput(w)
//
// A Writer is safe for concurrent use. Each Write is written whole to one file (a log.Logger
// writes one record per call), unbuffered, so a crash loses nothing written before it. If the
// folder or file is removed while the program runs, the next rotation makes them again. When
// the old files cannot be moved (on Windows, another program may hold one open) the current
// file is emptied instead; if even that fails, records are dropped (with an error from Write)
// once the file reaches twice its size, rather than fill the disk.
package rotlog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// Name is the file Open writes in its folder.
const Name = "frontline-atlas.log"

// Writer is an open rotating log file.
type Writer struct {
	mu     sync.Mutex
	path   string
	max    int64
	keep   int
	f      *os.File
	size   int64
	closed bool
}

// Open opens dir/frontline-atlas.log for appending (making dir if needed), to be rotated when
// a record would take it past maxBytes, keeping keep older files (0 keeps none: the file is
// emptied instead).
func Open(dir string, maxBytes int64, keep int) (*Writer, error) {
	return OpenFile(filepath.Join(dir, Name), maxBytes, keep)
}

// OpenFile is Open for a file of any name.
func OpenFile(path string, maxBytes int64, keep int) (*Writer, error) {
	if maxBytes < 1 {
		return nil, fmt.Errorf("rotlog: size limit %d: want at least 1 byte", maxBytes)
	}
	if keep < 0 || keep > 1000 {
		return nil, fmt.Errorf("rotlog: keep %d: want 0 to 1000 old files", keep)
	}
	w := &Writer{path: path, max: maxBytes, keep: keep}
	if err := w.open(); err != nil {
		return nil, err
	}
	return w, nil
}

// Path returns the file being written.
func (w *Writer) Path() string { return w.path }

// open opens (or makes) the current file and notes its size.
func (w *Writer) open() error {
	if err := os.MkdirAll(filepath.Dir(w.path), 0o755); err != nil {
		return fmt.Errorf("rotlog: %w", err)
	}
	f, err := os.OpenFile(w.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("rotlog: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("rotlog: %w", err)
	}
	w.f, w.size = f, st.Size()
	return nil
}

// Write writes p to the current file, rotating first if p would take it past the limit. A
// record larger than the limit is written whole, alone in a new file.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return 0, errors.New("rotlog: write after Close")
	}
	if w.f == nil || (w.size > 0 && w.size+int64(len(p)) > w.max) {
		if err := w.rotate(); err != nil && w.size+int64(len(p)) > 2*w.max {
			return 0, err
		}
	}
	n, err := w.f.Write(p)
	w.size += int64(n)
	if err != nil {
		return n, fmt.Errorf("rotlog: %w", err)
	}
	return n, nil
}

// rotate moves the current file aside and opens a new one. When the files cannot be moved,
// the current file is emptied; the error says what failed.
func (w *Writer) rotate() error {
	if w.f != nil {
		w.f.Close() // Windows cannot rename an open file
		w.f = nil
	}
	var moveErr error
	if w.keep > 0 {
		os.Remove(w.old(w.keep))
		for i := w.keep - 1; i >= 1; i-- {
			if err := os.Rename(w.old(i), w.old(i+1)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				moveErr = err
			}
		}
		if err := os.Rename(w.path, w.old(1)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			moveErr = err
		}
	} else if err := os.Remove(w.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		moveErr = err
	}
	if err := w.open(); err != nil {
		return err
	}
	if moveErr != nil && w.size > 0 {
		// The file is still the old one: empty it rather than let it grow.
		if err := w.f.Truncate(0); err != nil {
			return fmt.Errorf("rotlog: cannot rotate or empty %s: %v; %w", w.path, moveErr, err)
		}
		w.size = 0
	}
	return nil
}

// old returns the name of the i-th older file.
func (w *Writer) old(i int) string { return w.path + "." + strconv.Itoa(i) }

// Close flushes the current file to disk and closes it; later writes fail.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	if w.f == nil {
		return nil
	}
	err := w.f.Sync()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.f = nil
	return err
}
