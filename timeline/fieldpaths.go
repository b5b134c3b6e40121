package timeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// This file lets the loader point into the lists an item holds — a tour's stops, a person's
// roles, a ribbon's stripes — rather than at the line of the list's key: nested keys given twice,
// the offsets of nested fields by path ("stops[3].view.zoom"), found only when a problem needs
// them, list fields decoded element by element so that one bad stop does not hide the problems
// of the others, and the stop a message is about named as the presenter counts it.

// scanFrame is one open object or array of a keyScanner.
type scanFrame struct {
	array   bool
	index   int    // an array's current element
	key     []byte // an object's current key
	seen    int    // where an object's keys start in keyScanner.seen
	wantKey bool
}

// keyScanner walks the keys and elements of an item's JSON without decoding it, allocating
// nothing for a well-formed item but the paths it is asked for.
type keyScanner struct {
	stack []scanFrame
	seen  [][]byte // the keys of the open objects, to find one given twice
}

// scan walks raw, a well-formed JSON object (an item as json.Decoder returned it). For every key
// of an object below the top level it calls key(off, dup), off being the offset just after the
// key's closing quote and dup whether the object gave that key before; for every element of
// an array it calls elem(off) with the offset of the element's first byte. During a call,
// s.path() names the key or the element: "stops[3].view.zoom", "stops[3]". Either function
// may be nil.
func (s *keyScanner) scan(raw []byte, key func(off int, dup bool), elem func(off int)) {
	s.stack, s.seen = s.stack[:0], s.seen[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		var top *scanFrame
		if n := len(s.stack); n > 0 {
			top = &s.stack[n-1]
		}
		if top != nil && top.array && elem != nil && !isSpace(c) && c != ',' && c != ']' {
			elem(i)
		}
		switch c {
		case ' ', '\t', '\r', '\n', ':', ',':
			i++
		case '{', '[':
			s.stack = append(s.stack, scanFrame{array: c == '[', seen: len(s.seen), wantKey: c == '{'})
			i++
		case '}', ']':
			if top != nil {
				s.seen = s.seen[:top.seen]
				s.stack = s.stack[:len(s.stack)-1]
			}
			s.afterValue()
			i++
		case '"':
			j := i + 1
			for j < len(raw) && raw[j] != '"' {
				if raw[j] == '\\' {
					j++
				}
				j++
			}
			j++ // past the closing quote
			if top != nil && !top.array && top.wantKey {
				k := raw[i+1 : min(j-1, len(raw))]
				dup := false
				for _, x := range s.seen[top.seen:] {
					dup = dup || bytes.Equal(x, k)
				}
				s.seen = append(s.seen, k)
				top.key, top.wantKey = k, false
				if key != nil && len(s.stack) > 1 {
					key(j, dup)
				}
			} else {
				s.afterValue()
			}
			i = j
		default: // a number, true, false or null
			for i < len(raw) && !isSpace(raw[i]) && raw[i] != ',' && raw[i] != ']' && raw[i] != '}' {
				i++
			}
			s.afterValue()
		}
	}
}

// afterValue moves past a value: to an array's next element, or an object's next key.
func (s *keyScanner) afterValue() {
	if n := len(s.stack); n > 0 {
		if f := &s.stack[n-1]; f.array {
			f.index++
		} else {
			f.wantKey = true
		}
	}
}

// path names the key or the element being visited, from the item's top-level field down.
func (s *keyScanner) path() string {
	var b strings.Builder
	for i, f := range s.stack {
		switch {
		case f.array:
			fmt.Fprintf(&b, "[%d]", f.index)
		case i > 0:
			b.WriteByte('.')
			b.Write(f.key)
		default:
			b.Write(f.key)
		}
	}
	return b.String()
}

// scanners keeps keyScanners for nestedDups, which runs for every item of a pack.
var scanners = sync.Pool{New: func() any { return new(keyScanner) }}

// nestedDups returns the path and offset of every key below the top level that an object of
// the item raw (at offset start of its file) gives twice: "stops[3].title". It returns nil
// when there is none, as for any item written with care.
func nestedDups(raw []byte, start int64) map[string]int64 {
	var dups map[string]int64
	s := scanners.Get().(*keyScanner)
	defer scanners.Put(s)
	s.scan(raw, func(off int, dup bool) {
		if dup {
			if dups == nil {
				dups = map[string]int64{}
			}
			dups[s.path()] = start + int64(off)
		}
	}, nil)
	return dups
}

// ensureNested adds to it.fields the offset of every field below the top level by its path —
// "stops[3].view.zoom" at the end of its key, "stops[3]" at the first byte of the element —
// the first time a problem needs one. A valid pack never needs them.
func (it *packItem) ensureNested() {
	if it.nested || it.raw == nil {
		return
	}
	it.nested = true
	var s keyScanner
	s.scan(it.raw, func(off int, _ bool) {
		if p := s.path(); !hasKey(it.fields, p) {
			it.fields[p] = it.start + int64(off)
		}
	}, func(off int) {
		it.fields[s.path()] = it.start + int64(off)
	})
}

// parentPath drops the last step of a field path: "stops[3].view.zoom" → "stops[3].view" →
// "stops[3]" → "stops" → "".
func parentPath(field string) string {
	if i := strings.LastIndexAny(field, ".["); i >= 0 {
		return field[:i]
	}
	return ""
}

// offsetOf returns the offset of the field path in its file, or of the closest enclosing
// field the item records.
func (it *packItem) offsetOf(field string) (int64, bool) {
	if strings.ContainsAny(field, ".[") {
		it.ensureNested()
	}
	for f := field; f != ""; f = parentPath(f) {
		if off, ok := it.fields[f]; ok {
			return off, true
		}
	}
	return 0, false
}

// failedAt reports whether field, or a field that encloses it, did not decode.
func (it *packItem) failedAt(field string) bool {
	for f := field; f != ""; f = parentPath(f) {
		if it.failed[f] {
			return true
		}
	}
	return false
}

// fieldDescriber is an item whose fields hold parts a reader counts: describeField names the
// part a field path is about (a tour: `stop 4 "Munich"`), or returns "".
type fieldDescriber interface{ describeField(field string) string }

// describe puts the part of the item a problem is about before its message, once the item is
// decoded: `field "stops[3].view.lat": stop 4 "Munich": 95: want …`.
func (e *ContentError) describe() {
	if e.item == nil || e.Field == "" {
		return
	}
	if d, ok := e.item.value.(fieldDescriber); ok {
		if s := d.describeField(e.Field); s != "" {
			e.Msg = s + ": " + e.Msg
		}
	}
	e.item = nil
}

// decodeElements decodes the list field key of an item (raw is its value) element by element
// into the slice field of v that has that JSON name, reporting each element that does not
// decode at its own line with its path ("stops[2].date") and keeping the others. It returns
// false, having done nothing, when the value is not an array or v has no slice field key.
func (l *packLoader) decodeElements(it *packItem, key string, raw []byte, v any) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return false
	}
	fv, ok := jsonFieldValue(rv.Elem(), key)
	if !ok || fv.Kind() != reflect.Slice {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return false
	}
	var elems []json.RawMessage
	for dec.More() {
		var e json.RawMessage
		if dec.Decode(&e) != nil {
			return false
		}
		elems = append(elems, e)
	}
	it.ensureNested()
	out := reflect.MakeSlice(fv.Type(), len(elems), len(elems))
	for i, e := range elems {
		path := fmt.Sprintf("%s[%d]", key, i)
		if err := decodeStrictJSON(e, out.Index(i).Addr().Interface()); err != nil {
			if it.failed == nil {
				it.failed = map[string]bool{}
			}
			it.failed[path] = true
			l.elementErr(it, path, e, out.Index(i).Addr().Interface(), err)
		}
	}
	fv.Set(out)
	return true
}

// elementErr records why element path of a list field did not decode into v.
func (l *packLoader) elementErr(it *packItem, path string, raw []byte, v any, err error) {
	it.ensureNested()
	start, ok := it.fields[path]
	if !ok {
		start, _ = it.offsetOf(path)
	}
	field, off := path, start
	var msg string
	var te *json.UnmarshalTypeError
	switch name, unknown := strings.CutPrefix(err.Error(), "json: unknown field "); {
	case errors.As(err, &te):
		if te.Field != "" {
			field = path + "." + te.Field
		}
		off = start + te.Offset
		msg = fmt.Sprintf("want %s, got %s", jsonTypeName(te), te.Value)
	case unknown:
		name = strings.Trim(name, `"`)
		field = path + "." + name
		// The first key of that name, inside the element, where the struct has no such field.
		best := int64(-1)
		et := reflect.TypeOf(v).Elem()
		for p, o := range it.fields {
			rel, ok := strings.CutPrefix(p, path+".")
			if ok && (rel == name || strings.HasSuffix(rel, "."+name)) && !knownPath(et, rel) && (best < 0 || o < best) {
				field, best = p, o
			}
		}
		if best >= 0 {
			off = best
		}
		what := string(it.ref.Kind)
		msg = fmt.Sprintf("unknown field (see docs/content-format.md for the fields of %s)", article(what))
	default:
		f, m := findBadField(raw, v)
		if f != "" {
			field = path + "." + f
			if o, ok := it.fields[field]; ok {
				off = o
			}
		}
		if m == "" {
			m = strings.TrimPrefix(err.Error(), "json: ")
		}
		msg = m
	}
	e := &ContentError{File: it.file.name, Kind: it.ref.Kind, ID: it.ref.ID, Field: field, Msg: msg, item: it}
	e.Line, _ = it.file.lineCol(off)
	l.problems = append(l.problems, e)
}

// jsonFieldValue returns the field of struct value v whose JSON name is name, looking into
// embedded structs.
func jsonFieldValue(v reflect.Value, name string) (reflect.Value, bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if fv, ok := jsonFieldValue(v.Field(i), name); ok {
				return fv, true
			}
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == name {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// knownPath reports whether the field path rel ("view.zoom", "filter.hide_lanes[1]") names a
// field of struct type t, following the JSON names of nested structs and slices.
func knownPath(t reflect.Type, rel string) bool {
	for _, seg := range strings.Split(rel, ".") {
		name, _, _ := strings.Cut(seg, "[")
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return false
		}
		ft, ok := jsonFieldType(t, name)
		if !ok {
			return false
		}
		t = ft
		if strings.Contains(seg, "[") {
			for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
				t = t.Elem()
			}
		}
	}
	return true
}

func hasKey(m map[string]int64, k string) bool {
	_, ok := m[k]
	return ok
}

// isSpace reports whether c is JSON white space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
