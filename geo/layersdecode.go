package geo

import (
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
		mls, ok = pointArrays[orb.MultiLineString](&c)
		g = mls
	case "Polygon":
		var p orb.Polygon
		p, ok = pointArrays[orb.Polygon](&c)
		g = p
	case "MultiPolygon":
		mp := orb.MultiPolygon{}
		ok = c.array(func() bool {
			p, ok := pointArrays[orb.Polygon](&c)
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
	return exact(pts), ok
}

// pointArrays reads an array of arrays of points: a MultiLineString's lines or a Polygon's
// rings.
func pointArrays[S ~[]E, E ~[]orb.Point](s *gjScanner) (S, bool) {
	out := S{}
	ok := s.array(func() bool {
		pts, ok := s.points()
		out = append(out, E(pts))
		return ok
	})
	return out, ok
}
