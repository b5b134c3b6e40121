package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Dir writes a set of files into a folder so that the folder gets all of them or none (an
// export). The files are written to a hidden staging folder and put in place by Commit:
//
//   - when the folder does not exist yet, the staging folder is made beside it and renamed to
//     it, so the folder appears whole or not at all;
//   - when it exists, the staging folder is made inside it and Commit renames each file over
//     its namesake. Every byte is written and synced before the first rename, so a full disk
//     or a failed write leaves the folder as it was; a rename needs no space.
//
// Abort (or a failed Commit) removes the staging folder. A kill before Commit leaves at most
// a hidden ".NAME.tmp-…" folder, which a content-pack loader ignores.
type Dir struct {
	target string
	stage  string
	whole  bool     // the staging folder becomes the target
	names  []string // the files written, slash-separated, in order
	seen   map[string]bool
	done   bool
}

// CreateDir starts writing the folder target (its parent folders are made if needed).
func CreateDir(target string) (*Dir, error) {
	target = filepath.Clean(target)
	d := &Dir{target: target, seen: map[string]bool{}}
	st, err := os.Stat(target)
	var parent, prefix string
	switch {
	case err == nil && !st.IsDir():
		return nil, fmt.Errorf("%s: not a folder", target)
	case err == nil:
		parent, prefix = target, ".export"
	case errors.Is(err, fs.ErrNotExist):
		parent, prefix, d.whole = filepath.Dir(target), "."+filepath.Base(target), true
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	for range 100 {
		stage := filepath.Join(parent, prefix+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		err := os.Mkdir(stage, 0o755)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		d.stage = stage
		return d, nil
	}
	return nil, fmt.Errorf("no free temporary name in %s", parent)
}

// Target returns the folder being written.
func (d *Dir) Target() string { return d.target }

// WriteFile writes a file of the folder; name is slash-separated and relative ("images/a.png").
// The data are on disk (synced) when it returns.
func (d *Dir) WriteFile(name string, data []byte, perm os.FileMode) error {
	if d.done {
		return errors.New("atomicfile: " + d.target + ": already committed or aborted")
	}
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return fmt.Errorf("atomicfile: %q is not a path inside the folder", name)
	}
	p := filepath.Join(d.stage, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if !d.seen[name] {
		d.seen[name] = true
		d.names = append(d.names, name)
	}
	return nil
}

// Names returns the files written so far, in the order first written.
func (d *Dir) Names() []string { return append([]string(nil), d.names...) }

// Commit puts every file written in place.
func (d *Dir) Commit() error {
	if d.done {
		return errors.New("atomicfile: " + d.target + ": already committed or aborted")
	}
	d.done = true
	syncDir(d.stage)
	if d.whole {
		if err := os.Rename(d.stage, d.target); err != nil {
			os.RemoveAll(d.stage)
			return fmt.Errorf("writing %s: %w", d.target, err)
		}
		syncDir(filepath.Dir(d.target))
		return nil
	}
	defer os.RemoveAll(d.stage)
	for i, name := range d.names {
		dst := filepath.Join(d.target, filepath.FromSlash(name))
		err := os.MkdirAll(filepath.Dir(dst), 0o755)
		if err == nil {
			err = os.Rename(filepath.Join(d.stage, filepath.FromSlash(name)), dst)
		}
		if err != nil {
			return fmt.Errorf("writing %s: %d of %d files put in place, then: %w", d.target, i, len(d.names), err)
		}
	}
	syncDir(d.target)
	return nil
}

// Abort removes what was written; the folder is untouched. Abort after Commit does nothing,
// so `defer d.Abort()` is the usual pattern.
func (d *Dir) Abort() {
	if d.done {
		return
	}
	d.done = true
	os.RemoveAll(d.stage)
}
