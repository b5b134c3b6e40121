package app

import (
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"

	"frontline-atlas/internal/atomicfile"
	"frontline-atlas/internal/packfs"
)

// PrefsFile is the name of the file the app keeps its preferences in, in the app's storage
// folder (on Linux ~/.config/fyne/org.frontlineatlas.app/).
const PrefsFile = "frontline-atlas.json"

// MaxPrefsSize is the largest preferences file read (1 MiB; the app writes some hundred
// bytes): a larger one is set aside like a corrupt one.
const MaxPrefsSize = 1 << 20

// FilePrefs is a fyne.Preferences kept in one JSON file that is replaced atomically on every
// change, so a kill or a full disk mid-write never leaves it half written (Fyne's own store
// truncates the file and writes it in place; after a kill it reads "EOF"). A missing file is
// an empty store; a corrupt one is set aside as NAME.bad and the store starts empty, with one
// log line. Values keep Fyne's types: bool, float64, int (stored as a JSON number), string and
// lists of them. FilePrefs is safe for concurrent use; listeners run after each change on the
// goroutine that made it.
type FilePrefs struct {
	path string // "" keeps the values in memory only (tests, snapshots)
	// writeFile replaces a file atomically (atomicfile.WriteFile; tests make it fail).
	writeFile func(path string, data []byte, perm os.FileMode) error

	mu        sync.Mutex
	values    map[string]any
	listeners []func()
	saveErr   error
}

var _ fyne.Preferences = (*FilePrefs)(nil)

// OpenPrefs loads the preferences kept at path ("" for a store in memory only).
func OpenPrefs(path string) *FilePrefs {
	p := &FilePrefs{path: path, values: map[string]any{}, writeFile: atomicfile.WriteFile}
	if path == "" {
		return p
	}
	// Through packfs: a named pipe or a device put in the file's place is refused without
	// blocking the start, and a huge file is refused before it is read.
	data, err := packfs.ReadRegular(path, MaxPrefsSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case errors.Is(err, packfs.ErrTooLarge):
		bad := path + ".bad"
		os.Rename(path, bad)
		logf("preferences: %v; it was set aside as %s and the defaults are used", err, filepath.Base(bad))
	case err != nil:
		logf("preferences: %v; starting from the defaults", err)
	default:
		if err := json.Unmarshal(data, &p.values); err != nil || p.values == nil {
			p.values = map[string]any{}
			bad := path + ".bad"
			os.Rename(path, bad)
			logf("preferences: %s is not readable (%v); it was set aside as %s and the defaults are used", path, errOrEmpty(err), filepath.Base(bad))
		}
	}
	return p
}

func errOrEmpty(err error) error {
	if err == nil {
		return errors.New("empty")
	}
	return err
}

// SaveError returns the error of the last write that failed, or nil.
func (p *FilePrefs) SaveError() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.saveErr
}

// set stores v under key (nil removes it), writes the file and tells the listeners.
func (p *FilePrefs) set(key string, v any) {
	p.mu.Lock()
	if v == nil {
		delete(p.values, key)
	} else {
		p.values[key] = v
	}
	p.save()
	ls := append([]func(){}, p.listeners...)
	p.mu.Unlock()
	for _, f := range ls {
		f()
	}
}

// save writes the values; p.mu is held. A failure is logged once per kind and kept.
func (p *FilePrefs) save() {
	if p.path == "" {
		return
	}
	data, err := json.MarshalIndent(p.values, "", " ")
	if err == nil {
		if err = os.MkdirAll(filepath.Dir(p.path), 0o700); err == nil {
			err = p.writeFile(p.path, data, 0o600)
		}
	}
	if err != nil && (p.saveErr == nil || p.saveErr.Error() != err.Error()) {
		logf("preferences: %v", err)
	}
	p.saveErr = err
}

func (p *FilePrefs) get(key string) (any, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[key]
	return v, ok
}

// Snapshot returns a copy of every value (for tests and diagnostics).
func (p *FilePrefs) Snapshot() map[string]any {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps.Clone(p.values)
}

// Bool returns the bool at key, or false.
func (p *FilePrefs) Bool(key string) bool { return p.BoolWithFallback(key, false) }

// BoolWithFallback returns the bool at key, or fallback when there is none.
func (p *FilePrefs) BoolWithFallback(key string, fallback bool) bool {
	return scalar(p, key, fallback, func(v any) (bool, bool) { b, ok := v.(bool); return b, ok })
}

// SetBool stores a bool.
func (p *FilePrefs) SetBool(key string, value bool) { p.set(key, value) }

// BoolList returns the bools at key, or nil.
func (p *FilePrefs) BoolList(key string) []bool { return p.BoolListWithFallback(key, nil) }

// BoolListWithFallback returns the bools at key, or fallback.
func (p *FilePrefs) BoolListWithFallback(key string, fallback []bool) []bool {
	return list(p, key, fallback, func(v any) (bool, bool) { b, ok := v.(bool); return b, ok })
}

// SetBoolList stores a list of bools.
func (p *FilePrefs) SetBoolList(key string, value []bool) { p.set(key, anyList(value)) }

// Float returns the number at key, or 0.
func (p *FilePrefs) Float(key string) float64 { return p.FloatWithFallback(key, 0) }

// FloatWithFallback returns the number at key, or fallback.
func (p *FilePrefs) FloatWithFallback(key string, fallback float64) float64 {
	return scalar(p, key, fallback, asFloat)
}

// SetFloat stores a number.
func (p *FilePrefs) SetFloat(key string, value float64) { p.set(key, value) }

// FloatList returns the numbers at key, or nil.
func (p *FilePrefs) FloatList(key string) []float64 { return p.FloatListWithFallback(key, nil) }

// FloatListWithFallback returns the numbers at key, or fallback.
func (p *FilePrefs) FloatListWithFallback(key string, fallback []float64) []float64 {
	return list(p, key, fallback, asFloat)
}

// SetFloatList stores a list of numbers.
func (p *FilePrefs) SetFloatList(key string, value []float64) { p.set(key, anyList(value)) }

// Int returns the whole number at key, or 0.
func (p *FilePrefs) Int(key string) int { return p.IntWithFallback(key, 0) }

// IntWithFallback returns the whole number at key, or fallback (also when the value stored
// there is not a whole number).
func (p *FilePrefs) IntWithFallback(key string, fallback int) int {
	return scalar(p, key, fallback, asInt)
}

// SetInt stores a whole number.
func (p *FilePrefs) SetInt(key string, value int) { p.set(key, float64(value)) }

// IntList returns the whole numbers at key, or nil.
func (p *FilePrefs) IntList(key string) []int { return p.IntListWithFallback(key, nil) }

// IntListWithFallback returns the whole numbers at key, or fallback.
func (p *FilePrefs) IntListWithFallback(key string, fallback []int) []int {
	return list(p, key, fallback, asInt)
}

// SetIntList stores a list of whole numbers.
func (p *FilePrefs) SetIntList(key string, value []int) {
	fs := make([]float64, len(value))
	for i, v := range value {
		fs[i] = float64(v)
	}
	p.set(key, anyList(fs))
}

// String returns the string at key, or "".
func (p *FilePrefs) String(key string) string { return p.StringWithFallback(key, "") }

// StringWithFallback returns the string at key, or fallback.
func (p *FilePrefs) StringWithFallback(key, fallback string) string {
	return scalar(p, key, fallback, func(v any) (string, bool) { s, ok := v.(string); return s, ok })
}

// SetString stores a string.
func (p *FilePrefs) SetString(key string, value string) { p.set(key, value) }

// StringList returns the strings at key, or nil.
func (p *FilePrefs) StringList(key string) []string { return p.StringListWithFallback(key, nil) }

// StringListWithFallback returns the strings at key, or fallback.
func (p *FilePrefs) StringListWithFallback(key string, fallback []string) []string {
	return list(p, key, fallback, func(v any) (string, bool) { s, ok := v.(string); return s, ok })
}

// SetStringList stores a list of strings.
func (p *FilePrefs) SetStringList(key string, value []string) { p.set(key, anyList(value)) }

// RemoveValue removes the value at key.
func (p *FilePrefs) RemoveValue(key string) { p.set(key, nil) }

// AddChangeListener calls f after every change.
func (p *FilePrefs) AddChangeListener(f func()) {
	p.mu.Lock()
	p.listeners = append(p.listeners, f)
	p.mu.Unlock()
}

// ChangeListeners returns the listeners added.
func (p *FilePrefs) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]func(){}, p.listeners...)
}

// scalar returns the value at key converted by conv, or fallback when it is missing or of
// another type.
func scalar[T any](p *FilePrefs, key string, fallback T, conv func(any) (T, bool)) T {
	v, ok := p.get(key)
	if !ok {
		return fallback
	}
	if t, ok := conv(v); ok {
		return t
	}
	return fallback
}

// list is scalar for lists: every element must convert, or fallback is returned.
func list[T any](p *FilePrefs, key string, fallback []T, conv func(any) (T, bool)) []T {
	v, ok := p.get(key)
	if !ok {
		return fallback
	}
	vs, ok := v.([]any)
	if !ok {
		return fallback
	}
	out := make([]T, len(vs))
	for i, x := range vs {
		t, ok := conv(x)
		if !ok {
			return fallback
		}
		out[i] = t
	}
	return out
}

func anyList[T any](vs []T) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

func asFloat(v any) (float64, bool) { f, ok := v.(float64); return f, ok }

func asInt(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) {
		return 0, false
	}
	return int(f), true
}

// AppPrefs opens the preferences of application a, kept in its storage folder.
func AppPrefs(a fyne.App) *FilePrefs {
	root := a.Storage().RootURI()
	if root == nil || root.Scheme() != "file" {
		return OpenPrefs("")
	}
	return OpenPrefs(filepath.Join(root.Path(), PrefsFile))
}
