package timeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// This file lets the loader point into the lists an item holds — a tour's stops, a person's
// roles, a ribbon's stripes — rather than at the line of the list's key: the offsets of nested
// fields by path ("stops[3].view.zoom"), list fields decoded element by element so that one
// bad stop does not hide the problems of the others, and the stop a message is about named as
// the presenter counts it.

// nestedKeys walks the JSON object raw, which starts at offset start of its file, and returns
// the offset of every field below the top level by its path — "stops[3].view.zoom" at the end
// of its key, "stops[3]" and "sources[1]" at the first byte of the element — and the offset of
// the second occurrence of each nested key given twice in one object. Top-level keys are
// topLevelKeys's.
func nestedKeys(raw []byte, start int64) (paths, dups map[string]int64) {
	paths, dups = map[string]int64{}, map[string]int64{}
	type frame struct {
		path    string
		array   bool
		index   int
		key     string
		wantKey bool
	}
	var stack []*frame
	valuePath := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.array {
			return fmt.Sprintf("%s[%d]", f.path, f.index)
		}
		if f.path == "" {
			return f.key
		}
		return f.path + "." + f.key
	}
	afterValue := func() {
		if len(stack) == 0 {
			return
		}
		if f := stack[len(stack)-1]; f.array {
			f.index++
		} else {
			f.wantKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return paths, dups
		}
		top := (*frame)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.array {
			if d, ok := tok.(json.Delim); !ok || d == '{' || d == '[' {
				paths[valuePath()] = start + skipSpace(raw, before)
			}
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				stack = append(stack, &frame{path: valuePath(), array: d == '[', wantKey: d == '{'})
			default:
				stack = stack[:len(stack)-1]
				afterValue()
			}
			continue
		}
		if top != nil && !top.array && top.wantKey {
			top.key, _ = tok.(string)
			top.wantKey = false
			if len(stack) > 1 {
				p := valuePath()
				if _, dup := paths[p]; dup {
					dups[p] = start + dec.InputOffset()
				} else {
					paths[p] = start + dec.InputOffset()
				}
			}
			continue
		}
		afterValue()
	}
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
