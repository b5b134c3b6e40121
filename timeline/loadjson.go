package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
)

// This file holds the JSON helpers of the loader: strict decoding, and finding which field
// and which line a decoding error is about.

// decodeStrictJSON decodes raw into v, refusing unknown fields and trailing data.
func decodeStrictJSON(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("unexpected data after the item")
	}
	return nil
}

// topLevelKeysTokens is topLevelKeys with json.Decoder's tokens, for a value that is not an
// object, and the reference the tests compare topLevelKeys with.
func topLevelKeysTokens(raw []byte, start int64) (keys map[string]int64, dups map[string]int64) {
	keys, dups = map[string]int64{}, map[string]int64{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	depth, wantKey := 0, false
	for {
		tok, err := dec.Token()
		if err != nil {
			return keys, dups
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
				if depth == 1 {
					wantKey = d == '{'
				}
			default:
				depth--
				if depth == 1 {
					wantKey = true
				}
			}
			continue
		}
		if depth != 1 {
			continue
		}
		if wantKey {
			if key, ok := tok.(string); ok {
				if _, dup := keys[key]; dup {
					dups[key] = start + dec.InputOffset()
				} else {
					keys[key] = start + dec.InputOffset()
				}
			}
			wantKey = false
		} else {
			wantKey = true
		}
	}
}

// findBadField finds the top-level field of raw whose value does not decode into the
// matching field of the struct v points to, and why. It returns "", "" when none is found.
func findBadField(raw []byte, v any) (field, msg string) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return "", ""
	}
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return "", ""
	}
	for _, name := range names {
		ft, ok := jsonFieldType(t.Elem(), name)
		if !ok {
			continue
		}
		p := reflect.New(ft)
		if err := decodeStrictJSON(fields[name], p.Interface()); err != nil {
			return name, strings.TrimPrefix(err.Error(), "json: ")
		}
	}
	return "", ""
}

// jsonFieldType returns the type of the field of struct t whose JSON name is name,
// looking into embedded structs.
func jsonFieldType(t reflect.Type, name string) (reflect.Type, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if ft, ok := jsonFieldType(f.Type, name); ok {
				return ft, true
			}
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == name {
			return f.Type, true
		}
	}
	return nil, false
}

// skipValue reads and drops the next value; it reports whether that worked.
func skipValue(dec *json.Decoder) bool {
	var raw json.RawMessage
	return dec.Decode(&raw) == nil
}

// skipSpace returns the offset of the first byte at or after off that is not JSON white
// space or a separator.
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// jsonKindOf names the JSON type of a value for messages.
func jsonKindOf(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// jsonTypeName names the Go type a JSON value should have had, in JSON terms.
func jsonTypeName(te *json.UnmarshalTypeError) string {
	if te.Type == nil {
		return "another type"
	}
	switch te.Type.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Uint8:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "an array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	}
	return te.Type.String()
}
