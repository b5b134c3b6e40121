// Package atomicfile writes files so that a reader sees either the old content or the new,
// never a part: the data goes to a temporary file in the same folder, is synced to disk, and
// then renamed over the target. A full disk or a failed write leaves the old file whole and no
// temporary file behind; a kill mid-write leaves the old file whole and at most a hidden
// ".NAME.tmp-…" file beside it.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// File is a file being written. Write to it, then Commit to put it in place, or Abort to drop
// it; Abort after Commit does nothing, so `defer f.Abort()` is the usual pattern.
type File struct {
	*os.File
	path string
	done bool
}

// Create starts writing path with permissions perm (before the umask). The folder must exist.
func Create(path string, perm os.FileMode) (*File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// Opened with perm, so the system applies the umask as os.WriteFile would (os.CreateTemp
	// would give 0600); a name clash with another writer is retried.
	for range 100 {
		name := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		tmp, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("atomicfile: %w", err)
		}
		return &File{File: tmp, path: path}, nil
	}
	return nil, fmt.Errorf("atomicfile: no free temporary name beside %s", path)
}

// Commit syncs the data, closes the file and renames it over the target.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: " + f.path + ": already committed or aborted")
	}
	f.done = true
	tmp := f.File.Name()
	err := f.File.Sync()
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, f.path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("atomicfile: writing %s: %w", f.path, err)
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// Abort closes and removes the temporary file; the target is untouched.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	os.Remove(f.File.Name())
}

// WriteFile writes data to path atomically with permissions perm (before the umask).
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write writes path atomically with what fill writes; when fill fails, nothing changes and its
// error is returned.
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := fill(f); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Commit()
}

// syncDir makes a rename durable where the system allows it (not on Windows); failures are
// ignored, as the file itself is safe either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
