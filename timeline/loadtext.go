package timeline

import "unicode/utf8"

// decodeTextFast reads the JSON of a Text the way encoding/json would, for the shapes a pack
// is written in: a string, or an object of strings, neither with escapes. It reports false for
// anything else, which Text.UnmarshalJSON then gives to encoding/json (so every message stays
// the same). Texts are most of a pack's fields; encoding/json checked and read each of them
// again after the item was read (15 % of loading the embedded pack).
func decodeTextFast(b []byte) (Text, bool) {
	s := textScanner{b: b}
	switch s.peek() {
	case '"':
		v, ok := s.str()
		if !ok || !s.end() {
			return nil, false
		}
		return T(v), true
	case '{':
		s.i++
		m := map[string]string{}
		if s.peek() == '}' {
			s.i++
			return m, s.end()
		}
		for {
			k, ok := s.str()
			if !ok || s.peek() != ':' {
				return nil, false
			}
			s.i++
			v, ok := s.str()
			if !ok || len(k) < 2 || len(k) > 3 {
				return nil, false // a bad language code: encoding/json's path names it
			}
			m[k] = v
			switch s.peek() {
			case ',':
				s.i++
			case '}':
				s.i++
				return m, s.end()
			default:
				return nil, false
			}
		}
	}
	return nil, false
}

// textScanner reads the JSON of a Text from b at i.
type textScanner struct {
	b []byte
	i int
}

// peek skips white space and returns the next byte, or 0 at the end.
func (s *textScanner) peek() byte {
	for s.i < len(s.b) {
		switch c := s.b[s.i]; c {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return c
		}
	}
	return 0
}

// end reports whether only white space is left.
func (s *textScanner) end() bool {
	s.peek()
	return s.i == len(s.b)
}

// str reads a string without escapes or control characters, in valid UTF-8.
func (s *textScanner) str() (string, bool) {
	if s.peek() != '"' {
		return "", false
	}
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			if !utf8.Valid(s.b[start:j]) {
				return "", false
			}
			s.i = j + 1
			return string(s.b[start:j]), true
		case c == '\\' || c < 0x20:
			return "", false
		}
	}
	return "", false
}
