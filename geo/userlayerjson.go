package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// The JSON of a user layer is read in two steps: encoding/json's Decoder validates the file one
// feature at a time (so that a FeatureCollection streams, with progress, and a syntax error has
// its offset), and the helpers below then walk a feature's validated bytes without allocating:
// members of an object, elements of an array, the end of a value. They assume valid JSON and
// never index past the slice they are given.

// jsonSpace reports whether c is JSON whitespace.
func jsonSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the index of the first byte at or after i that is not whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) && jsonSpace(b[i]) {
		i++
	}
	return i
}

// skipString returns the index just past the string that starts at b[i] == '"'.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// skipValue returns the index just past the JSON value that starts at b[i] (after whitespace).
func skipValue(b []byte, i int) int {
	i = skipSpace(b, i)
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipString(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(b)
	}
	for i < len(b) && !jsonSpace(b[i]) && b[i] != ',' && b[i] != '}' && b[i] != ']' {
		i++
	}
	return i
}

// jsonKind names what a JSON value is, for messages: "an object", "a number", "null".
func jsonKind(v []byte) string {
	i := skipSpace(v, 0)
	if i >= len(v) {
		return "nothing"
	}
	switch v[i] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// isNull reports whether the value v is null (or absent).
func isNull(v []byte) bool {
	i := skipSpace(v, 0)
	return i >= len(v) || bytes.HasPrefix(v[i:], []byte("null"))
}

// eachMember calls f with each member of the object v (valid JSON): its key, unquoted, and its
// value's bytes. It stops when f returns false. v that is not an object calls f never.
func eachMember(v []byte, f func(key string, val []byte) bool) {
	i := skipSpace(v, 0)
	if i >= len(v) || v[i] != '{' {
		return
	}
	i++
	for {
		i = skipSpace(v, i)
		if i >= len(v) || v[i] != '"' {
			return
		}
		end := skipString(v, i)
		key := unquoteKey(v[i:end])
		i = skipSpace(v, end)
		if i < len(v) && v[i] == ':' {
			i++
		}
		i = skipSpace(v, i)
		vend := skipValue(v, i)
		if !f(key, v[i:vend]) {
			return
		}
		i = skipSpace(v, vend)
		if i >= len(v) || v[i] != ',' {
			return
		}
		i++
	}
}

// eachElement calls f with the index and bytes of each element of the array v (valid JSON).
func eachElement(v []byte, f func(i int, val []byte) bool) {
	i := skipSpace(v, 0)
	if i >= len(v) || v[i] != '[' {
		return
	}
	i = skipSpace(v, i+1)
	if i < len(v) && v[i] == ']' {
		return
	}
	for n := 0; ; n++ {
		i = skipSpace(v, i)
		end := skipValue(v, i)
		if !f(n, v[i:end]) {
			return
		}
		i = skipSpace(v, end)
		if i >= len(v) || v[i] != ',' {
			return
		}
		i++
	}
}

// unquoteKey returns the text of a JSON string (quotes included in q); keys without escapes
// are converted directly.
func unquoteKey(q []byte) string {
	if len(q) >= 2 && bytes.IndexByte(q, '\\') < 0 {
		return string(q[1 : len(q)-1])
	}
	var s string
	if json.Unmarshal(q, &s) != nil {
		return ""
	}
	return s
}

// jsonString returns the string value v, and false when v is not a string.
func jsonString(v []byte) (string, bool) {
	i := skipSpace(v, 0)
	if i >= len(v) || v[i] != '"' {
		return "", false
	}
	var s string
	if json.Unmarshal(v[i:], &s) != nil {
		return "", false
	}
	return s, true
}

// lineCol returns the 1-based line and column (in bytes) of offset off in data.
func lineCol(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// lineCounter gives line numbers of increasing offsets in linear time overall.
type lineCounter struct {
	data []byte
	off  int64
	line int
}

// at returns the 1-based line of offset off; offsets must not decrease between calls.
func (c *lineCounter) at(off int64) int {
	if c.line == 0 {
		c.line = 1
	}
	off = min(max(off, c.off), int64(len(c.data)))
	c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
	c.off = off
	return c.line
}

// syntaxError turns an error of encoding/json's Decoder into a *UserLayerError at its place.
// from is where the value being read starts (a feature, or 0): the Decoder's own offsets count
// from where its scanner last started, so the value is scanned again from there to find the
// byte at fault.
func (d *userDecoder) syntaxError(err error, what string, from int64) error {
	var se *json.SyntaxError
	off := d.dec.InputOffset()
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		msg = se.Error()
		var raw json.RawMessage
		if errors.As(json.NewDecoder(bytes.NewReader(d.data[from:])).Decode(&raw), &se) {
			off = from + se.Offset - 1 // Offset counts the bad byte
		}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		off = int64(len(d.data))
		msg = "the file ends in the middle of " + what
	}
	line, col := lineCol(d.data, off)
	e := &UserLayerError{Path: d.path, Line: line, Col: col, Err: err,
		Problem: LayerProblem{Feature: -1, Msg: "not valid JSON: " + msg}}
	if d.feature >= 0 {
		e.Problem.Msg = fmt.Sprintf("not valid JSON in feature %d: %s", d.feature, msg)
	}
	return e
}

// nextValueAt returns the offset of the first byte of the next value after the decoder's
// position, past whitespace, a colon or a comma.
func (d *userDecoder) nextValueAt() int64 {
	i := int(d.dec.InputOffset())
	for i < len(d.data) && (jsonSpace(d.data[i]) || d.data[i] == ':' || d.data[i] == ',') {
		i++
	}
	return int64(i)
}
