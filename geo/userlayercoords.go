package geo

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// geometryTypes are the geometry types of RFC 7946.
var geometryTypes = map[string]bool{
	"Point": true, "MultiPoint": true, "LineString": true, "MultiLineString": true,
	"Polygon": true, "MultiPolygon": true, "GeometryCollection": true,
}

// geomError is why a geometry cannot be drawn: the field, the message, and whether it stops
// the whole file (a limit) or only leaves the feature out; outOfRange marks coordinates that
// are not degrees (a file in metres says so once, not for every feature).
type geomError struct {
	field, msg string
	fatal      bool
	outOfRange bool
}

// geometry reads a geometry given by its type and its "coordinates" or "geometries" (valid
// JSON, nil when absent). field is where it is in the feature ("geometry", or "" for a bare
// geometry). A nil geometry with a nil error is an empty one.
func (d *userDecoder) geometry(field, typ string, coords, geoms []byte, depth int) (orb.Geometry, *geomError) {
	switch {
	case typ == "":
		return nil, &geomError{field: joinField(field, "type"), msg: "missing"}
	case !geometryTypes[typ]:
		return nil, &geomError{field: joinField(field, "type"), msg: fmt.Sprintf("%q is not a GeoJSON geometry type", typ)}
	case typ == "GeometryCollection":
		return d.collection(field, geoms, depth)
	}
	if isNull(coords) {
		return nil, nil
	}
	p := coordParser{b: coords, field: joinField(field, "coordinates"), d: d}
	g := p.parse(typ)
	if p.err != nil {
		return nil, p.err
	}
	return g, nil
}

// collection reads the members of a GeometryCollection, leaving out the empty ones.
func (d *userDecoder) collection(field string, geoms []byte, depth int) (orb.Geometry, *geomError) {
	gf := joinField(field, "geometries")
	if depth >= maxUserCollectionDepth {
		return nil, &geomError{field: gf, msg: fmt.Sprintf("GeometryCollections nested more than %d deep", maxUserCollectionDepth)}
	}
	if isNull(geoms) {
		return nil, nil
	}
	if k := jsonKind(geoms); k != "an array" {
		return nil, &geomError{field: gf, msg: fmt.Sprintf("got %s, want an array of geometries", k)}
	}
	var out orb.Collection
	var gerr *geomError
	eachElement(geoms, func(i int, v []byte) bool {
		ef := fmt.Sprintf("%s[%d]", gf, i)
		if k := jsonKind(v); k != "an object" {
			gerr = &geomError{field: ef, msg: fmt.Sprintf("got %s, want a geometry object", k)}
			return false
		}
		typ, coords, sub := geometryMembers(v)
		g, err := d.geometry(ef, typ, coords, sub, depth+1)
		if err != nil {
			gerr = err
			return false
		}
		if g != nil {
			out = append(out, g)
		}
		return true
	})
	if gerr != nil {
		return nil, gerr
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// coordParser reads the nested arrays of a "coordinates" value (valid JSON) straight into orb
// types, without building a tree of interfaces.
type coordParser struct {
	b     []byte
	i     int
	field string
	path  [4]int // index at each level of nesting
	d     *userDecoder
	err   *geomError
}

// parse reads coordinates of a geometry type other than GeometryCollection.
func (p *coordParser) parse(typ string) orb.Geometry {
	switch typ {
	case "Point":
		if p.emptyArray() {
			return nil
		}
		pt, ok := p.position(0)
		if !ok {
			return nil
		}
		return pt
	case "MultiPoint":
		pts := p.positions(0)
		if p.err != nil || len(pts) == 0 {
			return nil
		}
		return orb.MultiPoint(pts)
	case "LineString":
		ls := p.line(0)
		if p.err != nil || len(ls) == 0 {
			return nil
		}
		return ls
	case "MultiLineString":
		var mls orb.MultiLineString
		p.array(0, func() bool {
			if ls := p.line(1); len(ls) > 0 {
				mls = append(mls, ls)
			}
			return p.err == nil
		})
		if p.err != nil || len(mls) == 0 {
			return nil
		}
		return mls
	case "Polygon":
		pg := p.polygon(0)
		if p.err != nil || len(pg) == 0 {
			return nil
		}
		return pg
	case "MultiPolygon":
		var mp orb.MultiPolygon
		p.array(0, func() bool {
			if pg := p.polygon(1); len(pg) > 0 {
				mp = append(mp, pg)
			}
			return p.err == nil
		})
		if p.err != nil || len(mp) == 0 {
			return nil
		}
		return mp
	}
	return nil
}

// where returns the field path of the element being read at the given level.
func (p *coordParser) where(level int) string {
	var b strings.Builder
	b.WriteString(p.field)
	for _, n := range p.path[:level] {
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

func (p *coordParser) fail(level int, msg string) {
	if p.err == nil {
		p.err = &geomError{field: p.where(level), msg: msg}
	}
}

// emptyArray reports (and consumes) an empty array "[]" at the parser's position.
func (p *coordParser) emptyArray() bool {
	i := skipSpace(p.b, p.i)
	if i < len(p.b) && p.b[i] == '[' {
		j := skipSpace(p.b, i+1)
		if j < len(p.b) && p.b[j] == ']' {
			p.i = j + 1
			return true
		}
	}
	return false
}

// array reads an array at the given level of nesting, calling elem for each element with
// p.path[level] set to its index. It returns false when it failed.
func (p *coordParser) array(level int, elem func() bool) bool {
	if p.err != nil {
		return false
	}
	p.i = skipSpace(p.b, p.i)
	if p.i >= len(p.b) || p.b[p.i] != '[' {
		p.fail(level, fmt.Sprintf("got %s, want an array", jsonKind(p.b[min(p.i, len(p.b)):])))
		return false
	}
	p.i = skipSpace(p.b, p.i+1)
	if p.i < len(p.b) && p.b[p.i] == ']' {
		p.i++
		return true
	}
	for n := 0; ; n++ {
		if level < len(p.path) {
			p.path[level] = n
		}
		if !elem() {
			return false
		}
		p.i = skipSpace(p.b, p.i)
		if p.i < len(p.b) && p.b[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.b) && p.b[p.i] == ']' {
			p.i++
			return true
		}
		p.fail(level, "malformed array")
		return false
	}
}

// position reads [longitude, latitude, ...] at the given level.
func (p *coordParser) position(level int) (orb.Point, bool) {
	var pt orb.Point
	n := 0
	ok := p.array(level, func() bool {
		p.i = skipSpace(p.b, p.i)
		start := p.i
		for p.i < len(p.b) && strings.IndexByte("+-0123456789.eE", p.b[p.i]) >= 0 {
			p.i++
		}
		if start == p.i {
			p.fail(level+1, fmt.Sprintf("got %s, want a number", jsonKind(p.b[start:])))
			return false
		}
		v, err := strconv.ParseFloat(string(p.b[start:p.i]), 64)
		if err != nil || math.IsInf(v, 0) {
			p.fail(level+1, fmt.Sprintf("%s is not a finite number", p.b[start:p.i]))
			return false
		}
		if n < 2 {
			pt[n] = v
		}
		n++
		return true
	})
	if !ok {
		return pt, false
	}
	if n < 2 {
		p.fail(level, fmt.Sprintf("got %d number(s), want a position [longitude, latitude]", n))
		return pt, false
	}
	switch {
	case math.Abs(pt[1]) > 90:
		p.fail(level, fmt.Sprintf("latitude %g is not within -90 to 90", pt[1]))
		p.err.outOfRange = true
		return pt, false
	case math.Abs(pt[0]) > 360:
		p.fail(level, fmt.Sprintf("longitude %g is not within -180 to 180", pt[0]))
		p.err.outOfRange = true
		return pt, false
	}
	p.d.layer.Vertices++
	if max := p.d.opts.maxVertices(); p.d.layer.Vertices > max {
		p.err = &geomError{fatal: true, msg: fmt.Sprintf(
			"more than %s positions: a layer may have at most %s; simplify it (e.g. mapshaper -simplify 10%%) or keep only the area you need",
			groupDigits(max), groupDigits(max))}
		return pt, false
	}
	return pt, true
}

// positions reads an array of positions at the given level.
func (p *coordParser) positions(level int) []orb.Point {
	var pts []orb.Point
	p.array(level, func() bool {
		pt, ok := p.position(level + 1)
		pts = append(pts, pt)
		return ok
	})
	return pts
}

// line reads a LineString's positions: none (empty) or at least two.
func (p *coordParser) line(level int) orb.LineString {
	pts := p.positions(level)
	if p.err == nil && len(pts) == 1 {
		p.fail(level, "1 position, want at least 2 for a line")
	}
	return pts
}

// polygon reads a Polygon's rings: none (empty) or each of at least four positions, closed
// (an unclosed ring is closed).
func (p *coordParser) polygon(level int) orb.Polygon {
	var pg orb.Polygon
	p.array(level, func() bool {
		r := orb.Ring(p.positions(level + 1))
		if p.err != nil {
			return false
		}
		if len(r) > 0 && r[0] != r[len(r)-1] {
			r = append(r, r[0])
		}
		if len(r) < 4 {
			p.fail(level+1, fmt.Sprintf("a ring of %d positions, want at least 4 (3 corners and the first again)", len(r)))
			return false
		}
		pg = append(pg, r)
		return true
	})
	return pg
}

// geometryMembers returns the members of a geometry object that say what it is: "type",
// "coordinates" and "geometries" (nil when absent).
func geometryMembers(obj []byte) (typ string, coords, geoms []byte) {
	eachMember(obj, func(k string, v []byte) bool {
		switch k {
		case "type":
			typ, _ = jsonString(v)
		case "coordinates":
			coords = v
		case "geometries":
			geoms = v
		}
		return true
	})
	return typ, coords, geoms
}
