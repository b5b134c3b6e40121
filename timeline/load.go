package timeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"frontline-atlas/internal/packfs"
)

// MaxPackFileSize is the largest file, in bytes, the loader reads from a content pack
// (a JSON file or an image). Larger files are reported as errors and not read.
const MaxPackFileSize = packfs.MaxFile

// MaxPackContent is the most JSON, in bytes, the loader reads from one pack's content files
// together (128 MiB, some 400 times the embedded pack): the files after it are reported and
// not read, so that many files each under MaxPackFileSize cannot exhaust memory.
const MaxPackContent = 128 << 20

// MaxPackItems is the most items a pack may hold, of all kinds together (100,000, a hundred
// times the embedded pack). The items after it are reported once and not read, so that a file
// of a million items is refused in a second or two rather than checked for half a minute.
const MaxPackItems = 100_000

// PackInfoFile is the name of the file that describes a content pack.
const PackInfoFile = "pack.json"

// LoadDir loads and validates the content pack in folder dir. Nothing outside dir is read:
// symbolic links that lead out of it are errors (see internal/packfs).
func LoadDir(dir string) (*Catalog, error) {
	p, err := packfs.Dir(dir)
	if err != nil {
		return nil, fmt.Errorf("content pack %s: %w", dir, err)
	}
	c, err := LoadFS(p, dir)
	if c == nil {
		p.Close()
	}
	return c, err
}

// LoadFS loads and validates the content pack at the root of fsys: pack.json and every other
// *.json file at the top level (files in subfolders, such as fronts/*.geojson, are not read).
// label names the pack in messages ("embedded pack" or the folder path). Every read goes
// through packfs.Wrap(fsys): regular files only, at most MaxPackFileSize each; a folder on
// disk should be opened with packfs.Dir (or LoadDir) so that links out of it are refused.
//
// When the pack has any problem LoadFS returns a nil Catalog and a *PackError listing every
// problem, so the caller can keep the catalog it had.
func LoadFS(fsys fs.FS, label string) (*Catalog, error) {
	p := packfs.Wrap(fsys).Limit(MaxPackFileSize)
	l := &packLoader{label: label, fsys: p, first: map[Ref]*packItem{}, broken: map[Ref]bool{}}
	l.loadAll()
	c := l.build()
	l.validate(c)
	if l.failed() {
		return nil, l.packError()
	}
	c.finish()
	c.pack = p
	c.loadWarnings = l.warnings
	return c, nil
}

// packSource is one file of the pack, kept with the offsets of its lines.
type packSource struct {
	name  string
	data  []byte
	lines []int // byte offset of the start of each line
	// runes[k] counts the runes that start in data[:k*runeBlock], so that a column is found
	// in constant time however long the line (a minified file is one line).
	runes []int
}

// runeBlock is the stride of packSource.runes, in bytes.
const runeBlock = 256

// lineCol turns a byte offset into a 1-based line and a 1-based column counted in runes. The
// file is indexed on the first call (linear time); each call then costs O(log lines +
// runeBlock), so a file with a million problems on one line is reported in linear time.
func (f *packSource) lineCol(off int64) (int, int) {
	if f == nil {
		return 0, 0
	}
	if off < 0 {
		off = 0
	}
	if off > int64(len(f.data)) {
		off = int64(len(f.data))
	}
	if f.lines == nil {
		f.index()
	}
	i := sort.Search(len(f.lines), func(i int) bool { return int64(f.lines[i]) > off }) - 1
	col := f.runesBefore(int(off)) - f.runesBefore(f.lines[i]) + 1
	return i + 1, col
}

// index finds the start of every line and counts the runes of every block.
func (f *packSource) index() {
	f.lines = []int{0}
	f.runes = make([]int, 0, len(f.data)/runeBlock+1)
	n := 0
	for i, c := range f.data {
		if i%runeBlock == 0 {
			f.runes = append(f.runes, n)
		}
		if c == '\n' {
			f.lines = append(f.lines, i+1)
		}
		if utf8.RuneStart(c) {
			n++
		}
	}
}

// runesBefore counts the runes that start in data[:off].
func (f *packSource) runesBefore(off int) int {
	k := off / runeBlock
	if k >= len(f.runes) {
		k = len(f.runes) - 1
	}
	if k < 0 {
		return 0
	}
	n := f.runes[k]
	for _, c := range f.data[k*runeBlock : off] {
		if utf8.RuneStart(c) {
			n++
		}
	}
	return n
}

// packItem is an item as read from a file, with where it was defined.
type packItem struct {
	ref    Ref
	value  Item // *Event, *Person, …; nil for pack.json's description
	file   *packSource
	start  int64            // byte offset of the item's opening brace
	fields map[string]int64 // byte offset of each top-level key of the item
	// failed holds the top-level fields that did not decode; they were reported already, so
	// validation says nothing more about them.
	failed map[string]bool
	raw    []byte // the item's JSON, for the offsets of nested fields (ensureNested)
	nested bool   // whether fields holds the nested fields' offsets yet
}

// packLoader reads one pack and collects its problems.
type packLoader struct {
	label    string
	fsys     *packfs.FS
	info     PackInfo
	infoItem *packItem // pack.json's "pack" object, nil when it could not be read
	items    []*packItem
	first    map[Ref]*packItem // the first definition of each id
	broken   map[Ref]bool      // ids of items that failed to decode (links to them are not reported)
	warnings []string          // problems that do not stop the pack (an image that is missing)
	// truncated is set when a file could not be read to its end: links are then not checked,
	// as they may name items that were never read.
	truncated bool
	problems  []*ContentError // the first MaxProblemsListed found, and problems of whole files
	more      int             // the problems found after those
	// fileProblems counts the problems about whole files in problems.
	fileProblems int
	read         int64 // bytes of JSON read so far, against MaxPackContent
	itemCount    int   // items met so far, against MaxPackItems
	// suggestions is the work left for "did you mean" hints (id comparisons), so that a pack
	// of a million broken links is checked in linear time: past it, links get no hint.
	suggestions int
}

// packBOM is the UTF-8 byte-order mark some editors put at the start of a file.
var packBOM = []byte{0xEF, 0xBB, 0xBF}

// newPackSource prepares the text of a JSON file: a byte-order mark is dropped, and bytes that
// are not UTF-8 (a file saved as Windows-1251 or Latin-1) are reported.
func (l *packLoader) newPackSource(name string, data []byte) *packSource {
	f := &packSource{name: name, data: bytes.TrimPrefix(data, packBOM)}
	if !utf8.Valid(f.data) {
		off := 0
		for off < len(f.data) {
			r, size := utf8.DecodeRune(f.data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		l.fileErr(f, name, int64(off), "byte 0x%02x is not UTF-8: save the file as UTF-8", f.data[off])
	}
	return f
}

// readPackFile reads one JSON file of the pack, refusing special files, files over
// MaxPackFileSize and files past MaxPackContent in all.
func (l *packLoader) readPackFile(name string) ([]byte, error) {
	limit := min(MaxPackFileSize, MaxPackContent-l.read)
	data, err := l.fsys.ReadFileLimit(name, max(limit, 1))
	if errors.Is(err, packfs.ErrTooLarge) && limit < MaxPackFileSize {
		return nil, fmt.Errorf("the pack's JSON files together are more than the limit of %s", packfs.FormatSize(MaxPackContent))
	}
	l.read += int64(len(data))
	return data, err
}

func (l *packLoader) loadAll() {
	data, err := l.readPackFile(PackInfoFile)
	if err != nil {
		l.fileErr(nil, PackInfoFile, -1, "cannot read the pack description: %v", cleanFSError(err))
	} else {
		l.decodeInfo(l.newPackSource(PackInfoFile, data))
	}
	entries, err := fs.ReadDir(l.fsys, ".")
	if err != nil {
		l.fileErr(nil, ".", -1, "cannot list the pack folder: %v", cleanFSError(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		if name == PackInfoFile || !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		data, err := l.readPackFile(name)
		if err != nil {
			l.fileErr(nil, name, -1, "cannot read: %v", cleanFSError(err))
			l.truncated = true
			continue
		}
		if !l.decodeContent(l.newPackSource(name, data)) {
			l.truncated = true
		}
	}
}

// cleanFSError drops the operation and path from an fs.PathError, which the message already names.
func cleanFSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// decodeInfo reads pack.json: {"pack": {…}}, and "generator" (the program that exported it).
func (l *packLoader) decodeInfo(f *packSource) {
	found := false
	ok := l.walkObject(f, "a JSON object with the key \"pack\"", func(dec *json.Decoder, key string, keyOff int64) bool {
		if key == "generator" {
			var s string
			if err := dec.Decode(&s); err != nil {
				var te *json.UnmarshalTypeError
				if !errors.As(err, &te) {
					l.syntaxErr(f, err, keyOff)
					return false
				}
				l.fileErr(f, f.name, keyOff, "\"generator\": want a string (the program that wrote the file)")
			}
			return true
		}
		if key != "pack" || found {
			l.fileErr(f, f.name, keyOff, "unknown key %q: want only \"pack\", once, and \"generator\"", key)
			return skipValue(dec)
		}
		found = true
		start := skipSpace(f.data, dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			l.syntaxErr(f, err, start)
			return false
		}
		it := &packItem{file: f, start: start}
		it.fields, _ = topLevelKeys(raw, start)
		if len(raw) == 0 || raw[0] != '{' {
			l.itemErr(it, "", "want a JSON object, got %s", jsonKindOf(raw))
			return true
		}
		if err := decodeStrictJSON(raw, &l.info); err != nil {
			l.decodeErr(it, raw, &l.info, err)
			return true
		}
		l.infoItem = it
		return true
	})
	if ok && !found {
		l.fileErr(f, f.name, 0, "missing the key \"pack\"")
	}
}

// decodeContent reads a content file: an object whose keys are among packKeys. It reports
// whether the whole file could be read.
func (l *packLoader) decodeContent(f *packSource) bool {
	seen := map[string]bool{}
	keys := strings.Join(pluralKeys(), ", ")
	return l.walkObject(f, "a JSON object with keys among "+keys, func(dec *json.Decoder, key string, keyOff int64) bool {
		kind, ok := kindByPlural[key]
		if !ok {
			l.fileErr(f, f.name, keyOff, "unknown key %q: want one of %s", key, keys)
			return skipValue(dec)
		}
		if seen[key] {
			l.fileErr(f, f.name, keyOff, "key %q given twice in one file", key)
		}
		seen[key] = true
		tok, err := dec.Token()
		if err != nil {
			l.syntaxErr(f, err, dec.InputOffset())
			return false
		}
		if tok != json.Delim('[') {
			l.fileErr(f, f.name, keyOff, "key %q: want an array of %s items", key, kind)
			return false
		}
		for dec.More() {
			start := skipSpace(f.data, dec.InputOffset())
			if l.itemCount++; l.itemCount > MaxPackItems {
				l.fileErr(f, f.name, start, "more than %d items in the pack: the items from here on are not read", MaxPackItems)
				return false
			}
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				l.syntaxErr(f, err, start)
				return false
			}
			l.decodeItem(f, kind, start, raw)
		}
		if _, err := dec.Token(); err != nil {
			l.syntaxErr(f, err, dec.InputOffset())
			return false
		}
		return true
	})
}

// walkObject walks the keys of the single JSON object a file holds, calling fn with the
// decoder positioned before each value. fn returns false to stop reading the file.
func (l *packLoader) walkObject(f *packSource, want string, fn func(dec *json.Decoder, key string, keyOff int64) bool) bool {
	dec := json.NewDecoder(bytes.NewReader(f.data))
	tok, err := dec.Token()
	if err != nil {
		l.syntaxErr(f, err, 0)
		return false
	}
	if tok != json.Delim('{') {
		l.fileErr(f, f.name, 0, "want %s", want)
		return false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			l.syntaxErr(f, err, dec.InputOffset())
			return false
		}
		key, _ := tok.(string)
		if !fn(dec, key, dec.InputOffset()-1) {
			return false
		}
	}
	if _, err := dec.Token(); err != nil {
		l.syntaxErr(f, err, dec.InputOffset())
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		l.fileErr(f, f.name, dec.InputOffset(), "unexpected data after the JSON object")
		return false
	}
	return true
}

// syntaxErr records a JSON syntax error in f. The decoders used while walking the file give
// offsets relative to the value they were reading, so the position is found again by
// checking the whole file; off is used only when that finds nothing.
func (l *packLoader) syntaxErr(f *packSource, err error, off int64) {
	msg := strings.TrimPrefix(err.Error(), "json: ")
	var v any
	var se *json.SyntaxError
	if errors.As(json.Unmarshal(f.data, &v), &se) {
		msg = strings.TrimPrefix(se.Error(), "json: ")
		off = se.Offset - 1 // the decoder stops after reading the culprit
		if off < 0 {
			off = 0
		}
		if msg == "unexpected end of JSON input" {
			msg, off = "unexpected end of file", int64(len(f.data))
		}
	} else if err == io.EOF || err == io.ErrUnexpectedEOF {
		msg, off = "unexpected end of file", int64(len(f.data))
	}
	l.fileErr(f, f.name, off, "invalid JSON: %s", msg)
}

// decodeItem decodes one item of kind k whose text raw starts at offset start of f.
func (l *packLoader) decodeItem(f *packSource, k Kind, start int64, raw []byte) {
	it := &packItem{ref: Ref{Kind: k}, file: f, start: start}
	var dups map[string]int64
	it.fields, dups = topLevelKeys(raw, start)
	if len(raw) == 0 || raw[0] != '{' {
		l.itemErr(it, "", "want a JSON object, got %s", jsonKindOf(raw))
		return
	}
	it.raw = raw
	for p, off := range nestedDups(raw, start) {
		dups[p] = off
	}
	it.ref.ID = itemID(raw, start, it.fields, dups)
	for key, off := range dups {
		if l.full() {
			l.more++
			continue
		}
		line, _ := f.lineCol(off)
		l.add(&ContentError{File: f.name, Line: line, Kind: k, ID: it.ref.ID,
			Field: key, Msg: "given more than once in the item", item: it})
	}
	info, _ := k.info()
	v := info.empty()
	if err := decodeStrictJSON(raw, v); err != nil {
		// Report every bad field, not only the first, and keep the fields that are good, so
		// that the item's links and dates are still checked: all problems at once.
		v = info.empty()
		if !l.decodeFields(it, raw, v) {
			l.decodeErr(it, raw, v, err)
			if it.ref.ID != "" {
				l.broken[it.ref] = true
			}
			return
		}
	}
	it.value = v
	l.items = append(l.items, it)
}
