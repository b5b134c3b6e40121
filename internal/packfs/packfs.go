// Package packfs is the one way the program reads a content pack: its JSON files, its images,
// its base map (map/) and its fronts (fronts/), and later its tours. A pack is either a folder
// on disk or an embedded file system; both are read through an *FS, which
//
//   - never leaves the pack: a folder is opened with os.OpenRoot, so a symbolic link that leads
//     out of it (to a system file, to /dev/zero) or round in a loop is an error, not a read;
//   - reads regular files only: a named pipe (which would block for ever in open), a device
//     or a socket is refused without blocking — the file is stat'ed first and then opened
//     non-blocking and stat'ed again, so a swap between the two is caught too;
//   - reads no more than a limit: a file larger than MaxFile (or the limit a caller asks for)
//     is refused before it is read, and a file that grows while it is read is cut off at the
//     limit with an error, so no file can make the program run out of memory.
//
// *FS implements fs.FS, fs.StatFS, fs.ReadDirFS, fs.ReadFileFS and fs.SubFS, so code written
// against io/fs (fs.Glob, fs.WalkDir, fs.Sub) keeps these guarantees. Wrap gives the same
// checks on top of any fs.FS (the embedded pack, fstest.MapFS in tests).
package packfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// MaxFile is the default limit, in bytes, on a file read from a pack (32 MiB): ample for the
// JSON files and images of a pack (the embedded pack's largest file is under 3 MB) and for a
// Natural Earth 1:10m layer (19 MB), small enough that decoding one cannot exhaust memory.
const MaxFile = 32 << 20

// Errors a read can fail with, for errors.Is. The messages are written to follow a file name:
// "images/a.png: not a regular file (a named pipe)".
var (
	// ErrNotRegular: the name is a named pipe, a device, a socket or another special file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the file is larger than the limit.
	ErrTooLarge = errors.New("file too large")
	// ErrOutside: the name, or a symbolic link on its way, leads out of the pack.
	ErrOutside = errors.New("leads out of the pack")
)

// errBadPath is a name that is not a path inside the pack; it matches fs.ErrInvalid.
var errBadPath = badPath{}

type badPath struct{}

func (badPath) Error() string {
	return `not a path inside the pack (want a relative path with "/", no "..", no "\")`
}

func (badPath) Is(target error) bool { return target == fs.ErrInvalid }

// SizeError reports a file over the limit; it matches ErrTooLarge.
type SizeError struct {
	Size  int64 // the file's size, or -1 when it grew past the limit while being read
	Limit int64
}

func (e *SizeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("file is more than the limit of %s", FormatSize(e.Limit))
	}
	return fmt.Sprintf("file is %d bytes, more than the limit of %s", e.Size, FormatSize(e.Limit))
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *SizeError) Is(target error) bool { return target == ErrTooLarge }

// FormatSize writes a limit in bytes as "32 MiB", "512 KiB" or "100 bytes".
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// FS is a content pack opened for reading. It is safe for concurrent use.
type FS struct {
	root   *os.Root // the pack's folder; nil for a wrapped fs.FS
	fsys   fs.FS    // the wrapped file system when root is nil
	prefix string   // the folder inside root or fsys this FS is rooted at ("" for the top)
	dir    string   // the folder on disk (with prefix), "" for a wrapped fs.FS
	max    int64
}

// Dir opens the pack in folder dir. Nothing outside dir is ever read through the result. The
// folder stays open until Close (or until the FS is garbage-collected).
func Dir(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: root, dir: dir, max: MaxFile}, nil
}

// Wrap returns fsys with the checks of this package: regular files only, stat'ed before they
// are opened, and the size limit. An *FS is returned as it is. Wrap is for file systems that
// hold no symbolic links out and no special files by construction (embed.FS, fstest.MapFS);
// a folder on disk must be opened with Dir, as only os.Root keeps reads inside it.
func Wrap(fsys fs.FS) *FS {
	if f, ok := fsys.(*FS); ok {
		return f
	}
	return &FS{fsys: fsys, max: MaxFile}
}

// Limit returns a copy of f whose reads are limited to max bytes (MaxFile when max <= 0).
func (f *FS) Limit(max int64) *FS {
	g := *f
	if max <= 0 {
		max = MaxFile
	}
	g.max = max
	return &g
}

// MaxSize returns the limit on one file, in bytes.
func (f *FS) MaxSize() int64 { return f.max }

// OnDisk returns the folder the pack was opened from (joined with the sub-folder of Sub), or ""
// for a wrapped file system such as the embedded pack.
func (f *FS) OnDisk() string { return f.dir }

// Close releases the folder; reads after Close fail. Closing a wrapped FS does nothing.
func (f *FS) Close() error {
	if f.root == nil {
		return nil
	}
	return f.root.Close()
}

// full returns the name inside the root or the wrapped fs, after checking it.
func (f *FS) full(op, name string) (string, error) {
	if !fs.ValidPath(name) || strings.Contains(name, `\`) {
		return "", &fs.PathError{Op: op, Path: name, Err: errBadPath}
	}
	if f.prefix == "" {
		return name, nil
	}
	if name == "." {
		return f.prefix, nil
	}
	return f.prefix + "/" + name, nil
}

// pathErr wraps err for name, turning os.Root's "path escapes from parent" into ErrOutside.
func pathErr(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if err != nil && strings.Contains(err.Error(), "escapes from parent") {
		err = ErrOutside
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// Unwrap drops the operation and path of an *fs.PathError ("open map/x.geojson: …"), for a
// message that names the file already; other errors are returned as they are. errors.Is and
// errors.As still see the cause (ErrNotRegular, fs.ErrNotExist, …).
func Unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Stat returns what name is, following symbolic links inside the pack.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	full, err := f.full("stat", name)
	if err != nil {
		return nil, err
	}
	var st fs.FileInfo
	if f.root != nil {
		st, err = f.root.Stat(full)
	} else {
		st, err = fs.Stat(f.fsys, full)
	}
	if err != nil {
		return nil, pathErr("stat", name, err)
	}
	return st, nil
}

// ReadDir lists the folder name, sorted by name.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := f.full("readdir", name)
	if err != nil {
		return nil, err
	}
	var ents []fs.DirEntry
	if f.root != nil {
		ents, err = fs.ReadDir(f.root.FS(), full)
	} else {
		ents, err = fs.ReadDir(f.fsys, full)
	}
	if err != nil {
		return nil, pathErr("readdir", name, err)
	}
	return ents, nil
}

// Sub returns the pack's folder dir as an *FS with the same guarantees and limit.
func (f *FS) Sub(dir string) (fs.FS, error) {
	full, err := f.full("sub", dir)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, &fs.PathError{Op: "sub", Path: dir, Err: errors.New("not a folder")}
	}
	g := *f
	if full == "." {
		full = ""
	}
	g.prefix = full
	if g.dir != "" && dir != "." {
		g.dir = f.dir + string(os.PathSeparator) + strings.ReplaceAll(dir, "/", string(os.PathSeparator))
	}
	return &g, nil
}

// Open opens a regular file (for reading, at most the limit) or a folder. Anything else is
// refused with ErrNotRegular, without blocking.
func (f *FS) Open(name string) (fs.File, error) {
	st, err := f.Stat(name)
	if err != nil {
		return nil, pathErr("open", name, err)
	}
	if st.IsDir() {
		full, _ := f.full("open", name)
		var d fs.File
		if f.root != nil {
			d, err = f.root.Open(full)
		} else {
			d, err = f.fsys.Open(full)
		}
		if err != nil {
			return nil, pathErr("open", name, err)
		}
		return d, nil
	}
	return f.openFile(name, f.max)
}

// openFile opens a regular file of at most max bytes.
func (f *FS) openFile(name string, max int64) (*File, error) {
	// Stat first: a named pipe is then refused without being opened at all.
	st, err := f.Stat(name)
	if err != nil {
		return nil, pathErr("open", name, err)
	}
	if err := checkInfo(st, max); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	full, _ := f.full("open", name)
	var file fs.File
	if f.root != nil {
		// Non-blocking, in case the file was swapped for a named pipe since the Stat.
		file, err = f.root.OpenFile(full, os.O_RDONLY|openFlags, 0)
	} else {
		file, err = f.fsys.Open(full)
	}
	if err != nil {
		return nil, pathErr("open", name, err)
	}
	// And stat what was opened: that is the file that will be read.
	st, err = file.Stat()
	if err == nil {
		err = checkInfo(st, max)
	}
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &File{File: file, left: max, max: max}, nil
}

// checkInfo refuses what is not a regular file or is larger than max.
func checkInfo(st fs.FileInfo, max int64) error {
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%w (%s)", ErrNotRegular, describeMode(st.Mode()))
	}
	if st.Size() > max {
		return &SizeError{Size: st.Size(), Limit: max}
	}
	return nil
}

// describeMode names a kind of special file for messages.
func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// File is a regular file of a pack, open for reading. Reading past the limit it was opened
// with (the file grew after it was opened) fails with a *SizeError.
type File struct {
	fs.File
	left, max int64
}

// Read reads at most the bytes left under the limit.
func (r *File) Read(p []byte) (int, error) {
	if r.left <= 0 {
		// One byte more tells a file that ends exactly at the limit from one that goes on.
		var b [1]byte
		n, err := r.File.Read(b[:])
		if n > 0 {
			return 0, &SizeError{Size: -1, Limit: r.max}
		}
		if err == nil {
			err = io.EOF
		}
		return 0, err
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n, err := r.File.Read(p)
	r.left -= int64(n)
	return n, err
}

// OpenFile opens the regular file name for reading, limited to max bytes (the FS's limit when
// max <= 0). A caller that needs only the start of a file (an image's header) reads from it.
func (f *FS) OpenFile(name string, max int64) (*File, error) {
	if max <= 0 {
		max = f.max
	}
	return f.openFile(name, max)
}

// ReadFile reads the regular file name, at most the FS's limit.
func (f *FS) ReadFile(name string) ([]byte, error) { return f.ReadFileLimit(name, f.max) }

// ReadFileLimit reads the regular file name, at most max bytes (the FS's limit when max <= 0).
func (f *FS) ReadFileLimit(name string, max int64) ([]byte, error) {
	file, err := f.OpenFile(name, max)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	size := int64(-1)
	if st, err := file.Stat(); err == nil {
		size = st.Size()
	}
	return readAll(file, size, name)
}

// readAll reads r to its end; size is what Stat said (the buffer is made for it at once).
func readAll(r *File, size int64, name string) ([]byte, error) {
	if size < 0 {
		size = 511
	}
	buf := make([]byte, 0, min(size+1, r.max+1))
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, pathErr("read", name, err)
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// ReadFile reads name from fsys through the checks of this package (see Wrap), at most max
// bytes (MaxFile when max <= 0).
func ReadFile(fsys fs.FS, name string, max int64) ([]byte, error) {
	return Wrap(fsys).ReadFileLimit(name, max)
}

// ReadRegular reads one regular file from disk, outside any pack (a GeoJSON file the user
// opens): a named pipe or a device is refused without blocking, and a file over max bytes
// (MaxFile when max <= 0) is refused before it is read.
func ReadRegular(name string, max int64) ([]byte, error) {
	if max <= 0 {
		max = MaxFile
	}
	st, err := os.Stat(name)
	if err == nil {
		err = checkInfo(st, max)
	}
	if err != nil {
		return nil, pathErr("open", name, err)
	}
	file, err := os.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if st, err = file.Stat(); err == nil {
		err = checkInfo(st, max)
	}
	if err != nil {
		return nil, pathErr("open", name, err)
	}
	return readAll(&File{File: file, left: max, max: max}, st.Size(), name)
}
