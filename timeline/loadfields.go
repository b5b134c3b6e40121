package timeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// decodeFields decodes raw into v one top-level field at a time, reporting each field that
// fails (with the line of its key) and keeping the others. It returns false when raw is not an
// object of fields it can split.
func (l *packLoader) decodeFields(it *packItem, raw []byte, v any) bool {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return false
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return it.fields[keys[i]] < it.fields[keys[j]] })
	failed := false
	for _, key := range keys {
		one, err := json.Marshal(map[string]json.RawMessage{key: fields[key]})
		if err != nil {
			return false
		}
		if err := decodeStrictJSON(one, v); err != nil {
			failed = true
			if l.decodeElements(it, key, fields[key], v) {
				continue // a list: each element that failed is reported on its own
			}
			if it.failed == nil {
				it.failed = map[string]bool{}
			}
			it.failed[key] = true
			l.fieldErr(it, key, raw, err)
		}
	}
	return failed
}

// fieldErr records why the top-level field key of an item did not decode.
func (l *packLoader) fieldErr(it *packItem, key string, raw []byte, err error) {
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		field := key
		if te.Field != "" {
			field = te.Field
		}
		l.itemErr(it, field, "want %s, got %s", jsonTypeName(te), te.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		l.decodeErr(it, raw, nil, err) // names the unknown field at its own line, nested or not
	default:
		l.itemErr(it, key, "%s", strings.TrimPrefix(err.Error(), "json: "))
	}
}

// article puts "a" or "an" before a noun.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// decodeErr records why raw did not decode into v, naming the field.
func (l *packLoader) decodeErr(it *packItem, raw []byte, v any, err error) {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		e := &ContentError{File: it.file.name, Kind: it.ref.Kind, ID: it.ref.ID, Field: te.Field,
			Msg: fmt.Sprintf("want %s, got %s", jsonTypeName(te), te.Value)}
		e.Line, e.Col = it.file.lineCol(it.start + te.Offset)
		l.add(e)
		return
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		field := strings.Trim(name, `"`)
		if _, top := it.fields[field]; !top {
			// A field of a nested object (a ribbon's stripe): point at its first occurrence.
			if i := bytes.Index(raw, []byte(`"`+field+`"`)); i >= 0 {
				it.fields[field] = it.start + int64(i)
			}
		}
		what := string(it.ref.Kind)
		if what == "" {
			what = "pack description"
		}
		l.itemErr(it, field, "unknown field (see docs/content-format.md for the fields of %s)", article(what))
		return
	}
	field, msg := findBadField(raw, v)
	if msg == "" {
		msg = strings.TrimPrefix(err.Error(), "json: ")
	}
	l.itemErr(it, field, "%s", msg)
}
