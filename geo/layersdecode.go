package geo

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// decodeFeatures decodes a base-map layer file, a GeoJSON FeatureCollection, into its
// features, exactly as geojson.UnmarshalFeatureCollection does. Files in the plain shape that
// Natural Earth and our tools write (every object with the members GeoJSON names, every
// coordinate two or more numbers, no null where an array is meant) are read in one pass
// straight into orb slices: orb/geojson with encoding/json checks each nested object again
// (checkValid and skip were a third of the decoding). Anything else, including every file with
// an error, goes to orb/geojson, so that what loads and every error message stay its own.
func decodeFeatures(data []byte) ([]*geojson.Feature, error) {
	if fs, ok := fastFeatures(data); ok {
		return fs, nil
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, err
	}
	return fc.Features, nil
}

// decodeGeometry is geojson.UnmarshalGeometry, with the one-pass reader of decodeFeatures for
// a geometry in the plain shape (a fronts file's keyframes); anything else goes to
// geojson.UnmarshalGeometry, so that the result and every error stay its own.
func decodeGeometry(data []byte) (*geojson.Geometry, error) {
	s := gjScanner{b: data}
	if g, ok := s.geometry(); ok {
		if s.ws(); s.i == len(s.b) {
			return &geojson.Geometry{Type: g.GeoJSONType(), Coordinates: g}, nil
		}
	}
	return geojson.UnmarshalGeometry(data)
}

// fastFeatures is the one-pass reader of decodeFeatures. It reports false on anything it does
// not read exactly as encoding/json and orb/geojson would: a syntax error, a null feature or
// coordinate array, a point of fewer than two numbers, a repeated member, a member name in a
// case geojson's structs would match but maps would not, a geometry type other than
// (Multi)LineString and (Multi)Polygon, nesting deeper than gjMaxDepth.
func fastFeatures(data []byte) (fs []*geojson.Feature, ok bool) {
	s := gjScanner{b: data}
	var fc geojson.FeatureCollection
	seen := 0
	ok = s.object(func(key string) bool {
		switch key {
		case "type":
			if seen&1 != 0 {
				return false
			}
			seen |= 1
			t, ok := s.str()
			fc.Type = t
			return ok && t == "FeatureCollection"
		case "features":
			if seen&2 != 0 || s.peek() != '[' {
				return false
			}
			seen |= 2
			fc.Features = []*geojson.Feature{}
			return s.array(func() bool {
				f, ok := s.feature()
				fc.Features = append(fc.Features, f)
				return ok
			})
		case "bbox":
			if seen&4 != 0 {
				return false
			}
			seen |= 4
			return s.decode(&fc.BBox)
		default:
			return s.extra(&fc.ExtraMembers, key)
		}
	})
	s.ws()
	if !ok || s.i != len(s.b) || seen&1 == 0 {
		return nil, false
	}
	return fc.Features, true
}

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
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
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

// extra reads a foreign member into *m, as geojson keeps it (a repeated one is refused).
func (s *gjScanner) extra(m *geojson.Properties, key string) bool {
	if _, dup := (*m)[key]; dup {
		return false
	}
	var v any
	if !s.decode(&v) {
		return false
	}
	if *m == nil {
		*m = geojson.Properties{}
	}
	(*m)[key] = v
	return true
}

// feature reads one feature object.
func (s *gjScanner) feature() (*geojson.Feature, bool) {
	f := &geojson.Feature{}
	seen := 0
	once := func(bit int) bool {
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return true
	}
	ok := s.object(func(key string) bool {
		switch key {
		case "type":
			var ok bool
			f.Type, ok = s.str()
			return once(1) && ok && f.Type == "Feature"
		case "geometry":
			if !once(2) {
				return false
			}
			if s.literal("null") {
				return true
			}
			g, ok := s.geometry()
			f.Geometry = g
			return ok
		case "properties":
			if !once(4) {
				return false
			}
			return s.properties(&f.Properties)
		case "id":
			return once(8) && s.decode(&f.ID)
		case "bbox":
			return once(16) && s.decode(&f.BBox)
		default:
			return s.extra(&f.ExtraMembers, key)
		}
	})
	return f, ok && seen&1 != 0
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

// properties reads a feature's properties: null, or an object of strings, numbers, true,
// false and null taken here, other values by encoding/json.
func (s *gjScanner) properties(p *geojson.Properties) bool {
	if s.literal("null") {
		*p = nil
		return true
	}
	*p = geojson.Properties{}
	return s.object(func(key string) bool {
		if _, dup := (*p)[key]; dup {
			return false
		}
		var v any
		var ok bool
		switch c := s.peek(); {
		case c == '"':
			v, ok = s.str()
		case c == '-' || c >= '0' && c <= '9':
			v, ok = s.num()
		case s.literal("true"):
			v, ok = true, true
		case s.literal("false"):
			v, ok = false, true
		case s.literal("null"):
			v, ok = nil, true
		default:
			ok = s.decode(&v)
		}
		(*p)[key] = v
		return ok
	})
}

// geometry reads a geometry object of type LineString, MultiLineString, Polygon or
// MultiPolygon, with "type" before or after "coordinates".
func (s *gjScanner) geometry() (orb.Geometry, bool) {
	var typ string
	var coords []byte
	haveType := false
	ok := s.object(func(key string) bool {
		switch key {
		case "type":
			if haveType {
				return false
			}
			haveType = true
			var ok bool
			typ, ok = s.str()
			return ok
		case "coordinates":
			if coords != nil || s.peek() != '[' {
				return false
			}
			var ok bool
			coords, ok = s.skip()
			return ok
		default:
			return false
		}
	})
	if !ok || !haveType || coords == nil {
		return nil, false
	}
	c := gjScanner{b: coords, pts: s.pts}
	defer func() { s.pts = c.pts }()
	var g orb.Geometry
	switch typ {
	case "LineString":
		var ls orb.LineString
		ls, ok = c.points()
		g = ls
	case "MultiLineString":
		var mls orb.MultiLineString
		mls, ok = c.lines()
		g = mls
	case "Polygon":
		var p orb.Polygon
		p, ok = c.polygon()
		g = p
	case "MultiPolygon":
		mp := orb.MultiPolygon{}
		ok = c.array(func() bool {
			p, ok := c.polygon()
			mp = append(mp, p)
			return ok
		})
		g = mp
	default:
		return nil, false
	}
	c.ws()
	return g, ok && c.i == len(c.b)
}

// points reads an array of points, each two numbers or more (the others are dropped, as
// encoding/json drops them reading into orb.Point), into a slice of its own length.
func (s *gjScanner) points() ([]orb.Point, bool) {
	pts := s.pts[:0]
	ok := s.array(func() bool {
		var p orb.Point
		if !s.eat('[') {
			return false
		}
		var ok bool
		if p[0], ok = s.num(); !ok || !s.eat(',') {
			return false
		}
		if p[1], ok = s.num(); !ok {
			return false
		}
		for s.eat(',') {
			if _, ok := s.num(); !ok {
				return false
			}
		}
		pts = append(pts, p)
		return s.eat(']')
	})
	s.pts = pts
	out := make([]orb.Point, len(pts))
	copy(out, pts)
	return out, ok
}

// lines reads an array of arrays of points.
func (s *gjScanner) lines() (orb.MultiLineString, bool) {
	mls := orb.MultiLineString{}
	ok := s.array(func() bool {
		ls, ok := s.points()
		mls = append(mls, ls)
		return ok
	})
	return mls, ok
}

// polygon reads a polygon's rings.
func (s *gjScanner) polygon() (orb.Polygon, bool) {
	p := orb.Polygon{}
	ok := s.array(func() bool {
		r, ok := s.points()
		p = append(p, r)
		return ok
	})
	return p, ok
}
