package geo

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/paulmach/orb"
)

// The JSON reading of decodeFeatures' one-pass reader: white space, objects, arrays, strings,
// numbers and literals exactly as JSON defines them, and a skip over values it hands to
// encoding/json.

// gjMaxDepth bounds the nesting of a member's value that fastFeatures hands to encoding/json
// (a foreign member, an id, a property), far below encoding/json's own limit of 10,000 for the
// whole file; deeper values go to orb/geojson with the rest of the file.
const gjMaxDepth = 1000

// gjScanner reads JSON from b at i.
type gjScanner struct {
	b   []byte
	i   int
	pts []orb.Point // scratch space of points, reused from line to line
}

// ws skips white space as JSON defines it.
func (s *gjScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (s *gjScanner) peek() byte {
	s.ws()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// eat consumes c after white space and reports whether it was there.
func (s *gjScanner) eat(c byte) bool {
	if s.peek() == c {
		s.i++
		return true
	}
	return false
}

// object reads an object, calling member after each member name and its colon; member reads
// the value. Repeated names are member's to refuse.
func (s *gjScanner) object(member func(key string) bool) bool {
	if !s.eat('{') {
		return false
	}
	if s.eat('}') {
		return true
	}
	for {
		key, ok := s.str()
		if !ok || !s.eat(':') || !member(key) {
			return false
		}
		if s.eat('}') {
			return true
		}
		if !s.eat(',') {
			return false
		}
	}
}

// array reads an array, calling elem for each element.
func (s *gjScanner) array(elem func() bool) bool {
	if !s.eat('[') {
		return false
	}
	if s.eat(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if s.eat(']') {
			return true
		}
		if !s.eat(',') {
			return false
		}
	}
}

// str reads a string. One without escapes, control characters or invalid UTF-8 is taken as it
// stands, as encoding/json takes it; any other goes to encoding/json.
func (s *gjScanner) str() (string, bool) {
	if !s.eat('"') {
		return "", false
	}
	start := s.i
	plain := true
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			if plain {
				raw := s.b[start : s.i-1]
				if utf8.Valid(raw) {
					return string(raw), true
				}
			}
			var v string
			if json.Unmarshal(s.b[start-1:s.i], &v) != nil {
				return "", false
			}
			return v, true
		case c == '\\':
			plain = false
			s.i += 2
		default:
			if c < 0x20 {
				return "", false
			}
			s.i++
		}
	}
	return "", false
}

// digits returns the index after the run of decimal digits that starts at i in b.
func digits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}

// num reads a number: JSON's grammar, then strconv.ParseFloat as encoding/json does (a number
// out of float64's range is an error there too).
func (s *gjScanner) num() (float64, bool) {
	s.ws()
	b, i := s.b, s.i
	start := i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = digits(b, i)
	default:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		d := i + 1
		if i = digits(b, d); i == d {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		if i = digits(b, d); i == d {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(unsafe.String(&b[start], i-start), 64)
	if err != nil {
		return 0, false
	}
	s.i = i
	return f, true
}

// skip passes over one value of at most gjMaxDepth levels and returns its bytes, without
// checking them: decode hands them to encoding/json, which does, and geometry to its own
// strict reader.
func (s *gjScanner) skip() ([]byte, bool) {
	s.ws()
	start, depth := s.i, 0
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch c {
		case '"':
			s.i++
			for s.i < len(s.b) && s.b[s.i] != '"' {
				if s.b[s.i] == '\\' {
					s.i++
				}
				s.i++
			}
			if s.i >= len(s.b) {
				return nil, false
			}
			s.i++
		case '{', '[':
			if depth++; depth > gjMaxDepth {
				return nil, false
			}
			s.i++
		case '}', ']':
			if depth == 0 {
				return s.b[start:s.i], s.i > start // a number or literal ends here
			}
			depth--
			s.i++
		case ',', ':', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return s.b[start:s.i], s.i > start
			}
			s.i++
		default:
			s.i++
		}
		if depth == 0 && (c == '"' || c == '}' || c == ']') {
			return s.b[start:s.i], true
		}
	}
	return s.b[start:], depth == 0 && s.i > start
}

// gjDelim reports whether c ends a number or literal.
func gjDelim(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\n', '\r', '"', '{', '[', ':':
		return true
	}
	return false
}

// decode reads one value into v with encoding/json (members read rarely: bbox, id).
func (s *gjScanner) decode(v any) bool {
	raw, ok := s.skip()
	return ok && json.Unmarshal(raw, v) == nil
}

// literal consumes the literal word w (null, true, false) when it comes next.
func (s *gjScanner) literal(w string) bool {
	s.ws()
	if len(s.b)-s.i >= len(w) && string(s.b[s.i:s.i+len(w)]) == w &&
		(s.i+len(w) == len(s.b) || gjDelim(s.b[s.i+len(w)])) {
		s.i += len(w)
		return true
	}
	return false
}
