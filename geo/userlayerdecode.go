package geo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// userDecoder reads one user layer file.
type userDecoder struct {
	ctx   context.Context
	path  string
	data  []byte
	opts  *UserLayerOptions
	dec   *json.Decoder
	lines lineCounter
	layer *UserLayer

	feature      int   // index of the feature being read, -1 outside features
	nextProgress int64 // offset at which Progress is called next
	datesIgnored int   // features with date properties while opts.ParseDate is nil
	outside      int   // features wholly outside the map's area
	outOfRange   int   // features left out for coordinates that are not degrees
	firstRange   string
}

func newUserDecoder(ctx context.Context, path string, data []byte, opts *UserLayerOptions) *userDecoder {
	if ctx == nil {
		ctx = context.Background()
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte-order mark (Windows editors)
	if bytes.IndexByte(data, 0x1e) >= 0 {
		// RFC 8142 text sequences put a record separator before each feature; it can stand
		// nowhere else in valid JSON (control characters in strings are escaped).
		data = bytes.ReplaceAll(data, []byte{0x1e}, []byte{'\n'})
	}
	return &userDecoder{ctx: ctx, path: path, data: data, opts: opts, feature: -1,
		lines: lineCounter{data: data},
		layer: &UserLayer{Name: layerName(path), Path: path}}
}

// stashed is a top-level member kept until the object's "type" is known.
type stashed struct {
	key string
	val []byte
	off int64
}

func (d *userDecoder) fileError(msg string) error {
	return &UserLayerError{Path: d.path, Problem: LayerProblem{Feature: -1, Msg: msg}}
}

// decode reads the whole file.
func (d *userDecoder) decode() (*UserLayer, error) {
	d.dec = json.NewDecoder(bytes.NewReader(d.data))
	first := d.nextValueAt()
	tok, err := d.dec.Token()
	if err == io.EOF {
		return nil, d.fileError("the file is empty")
	}
	if err != nil {
		return nil, d.syntaxError(err, "the file", 0)
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		kind := "a JSON " + jsonKind(d.data[first:])
		if ok && delim == '[' {
			kind = "a JSON array"
		}
		return nil, d.fileError(fmt.Sprintf(`not GeoJSON: the file holds %s; want an object with "type" (FeatureCollection, Feature or a geometry)`, kind))
	}
	var stash []stashed
	streamed := false
	for d.dec.More() {
		kt, err := d.dec.Token()
		if err != nil {
			return nil, d.syntaxError(err, "the top-level object", 0)
		}
		key, _ := kt.(string)
		at := d.nextValueAt()
		if key == "features" && at < int64(len(d.data)) && d.data[at] == '[' {
			if err := d.streamFeatures(); err != nil {
				return nil, err
			}
			streamed = true
			continue
		}
		var raw json.RawMessage
		if err := d.dec.Decode(&raw); err != nil {
			return nil, d.syntaxError(err, fmt.Sprintf("%q", key), 0)
		}
		stash = append(stash, stashed{key: key, val: raw, off: at})
	}
	if _, err := d.dec.Token(); err != nil { // the closing brace
		return nil, d.syntaxError(err, "the top-level object", 0)
	}
	get := func(key string) ([]byte, int64, bool) {
		for _, s := range stash {
			if s.key == key {
				return s.val, s.off, true
			}
		}
		return nil, 0, false
	}
	if crs, _, ok := get("crs"); ok {
		if err := d.checkCRS(crs); err != nil {
			return nil, err
		}
	}
	typRaw, _, hasType := get("type")
	typ, _ := jsonString(typRaw)
	switch {
	case typ == "FeatureCollection" || (!hasType && streamed):
		if !streamed {
			if f, _, ok := get("features"); ok {
				return nil, d.fileError(fmt.Sprintf(`"features": got %s, want an array of Features`, jsonKind(f)))
			}
			return nil, d.fileError(`a FeatureCollection without "features"`)
		}
	case streamed:
		return nil, d.fileError(fmt.Sprintf(`"type" is %q but the object has "features": want "FeatureCollection"`, typ))
	case typ == "Feature":
		geom, _, _ := get("geometry")
		props, _, _ := get("properties")
		if err := d.addFeature(0, 1, geom, props); err != nil {
			return nil, err
		}
	case geometryTypes[typ]:
		coords, _, _ := get("coordinates")
		geoms, _, _ := get("geometries")
		if err := d.addGeometryFeature(0, 1, typ, coords, geoms); err != nil {
			return nil, err
		}
	case typ == "Topology":
		return nil, d.fileError(`this is TopoJSON ("type": "Topology"), not GeoJSON: convert it first (e.g. topojson-client's topo2geo, or mapshaper -o format=geojson)`)
	case !hasType:
		return nil, d.fileError(`not GeoJSON: the top-level object has no "type" (want FeatureCollection, Feature or a geometry)`)
	default:
		return nil, d.fileError(fmt.Sprintf(`"type": %s is not a GeoJSON type (want FeatureCollection, Feature or a geometry)`, strings.TrimSpace(string(typRaw))))
	}
	if err := d.sequence(typ); err != nil {
		return nil, err
	}
	return d.finish()
}

// sequence reads what follows the first object: more Features or geometries (newline-delimited
// GeoJSON, RFC 8142), or nothing.
func (d *userDecoder) sequence(firstType string) error {
	for n := 1; ; n++ {
		at := d.nextValueAt()
		var raw json.RawMessage
		err := d.dec.Decode(&raw)
		if err == io.EOF {
			return nil
		}
		if firstType == "FeatureCollection" || firstType == "" {
			line, col := lineCol(d.data, at)
			return &UserLayerError{Path: d.path, Line: line, Col: col, Problem: LayerProblem{Feature: -1,
				Msg: "the file goes on after its FeatureCollection: want one GeoJSON object, or a sequence of Features one per line"}}
		}
		if err != nil {
			d.feature = n
			return d.syntaxError(err, "a feature", at)
		}
		if err := d.rawFeature(n, at, raw); err != nil {
			return err
		}
	}
}

// streamFeatures reads the "features" array one feature at a time.
func (d *userDecoder) streamFeatures() error {
	if _, err := d.dec.Token(); err != nil { // [
		return d.syntaxError(err, `"features"`, 0)
	}
	total := int64(len(d.data))
	for i := 0; d.dec.More(); i++ {
		d.feature = i
		at := d.nextValueAt()
		var raw json.RawMessage
		if err := d.dec.Decode(&raw); err != nil {
			return d.syntaxError(err, "a feature", at)
		}
		if err := d.rawFeature(i, at, raw); err != nil {
			return err
		}
		if i%64 == 0 {
			if err := d.ctx.Err(); err != nil {
				return err
			}
		}
		if off := d.dec.InputOffset(); d.opts.Progress != nil && off >= d.nextProgress {
			d.opts.Progress(off, total)
			d.nextProgress = off + total/100
		}
	}
	d.feature = -1
	if _, err := d.dec.Token(); err != nil { // ]
		return d.syntaxError(err, `"features"`, 0)
	}
	return nil
}

// rawFeature reads element i of "features" (or of a sequence), which starts at offset at.
func (d *userDecoder) rawFeature(i int, at int64, raw []byte) error {
	line := d.lines.at(at)
	if k := jsonKind(raw); k != "an object" {
		d.problem(LayerProblem{Feature: i, Line: line, Msg: fmt.Sprintf("got %s, want a Feature object; left out", k)})
		return d.countFeature()
	}
	var typ string
	var geom, props, coords, geoms []byte
	eachMember(raw, func(k string, v []byte) bool {
		switch k {
		case "type":
			typ, _ = jsonString(v)
		case "geometry":
			geom = v
		case "properties":
			props = v
		case "coordinates":
			coords = v
		case "geometries":
			geoms = v
		}
		return true
	})
	switch {
	case typ == "Feature":
		return d.addFeature(i, line, geom, props)
	case geometryTypes[typ]:
		// A bare geometry in the features: drawn as a feature without properties.
		return d.addGeometryFeature(i, line, typ, coords, geoms)
	case typ == "":
		if geom != nil {
			return d.addFeature(i, line, geom, props)
		}
		d.problem(LayerProblem{Feature: i, Line: line, Field: "type", Msg: `missing, want "Feature"; left out`})
	default:
		d.problem(LayerProblem{Feature: i, Line: line, Field: "type", Msg: fmt.Sprintf(`%q, want "Feature"; left out`, typ)})
	}
	return d.countFeature()
}

// countFeature counts a feature read and enforces the limit on features.
func (d *userDecoder) countFeature() error {
	d.layer.Read++
	if max := d.opts.maxFeatures(); d.layer.Read > max {
		return d.fileError(fmt.Sprintf("more than %s features: a layer may have at most %s; keep only the features you need",
			groupDigits(max), groupDigits(max)))
	}
	return nil
}

// addFeature reads a Feature's geometry and properties and adds it to the layer when there is
// something to draw.
func (d *userDecoder) addFeature(i, line int, geom, props []byte) error {
	if isNull(geom) {
		p := d.props(i, line, props)
		d.problem(LayerProblem{Feature: i, Name: p.name, Line: line, Field: "geometry", Msg: "null: nothing to draw; left out"})
		return d.countFeature()
	}
	if k := jsonKind(geom); k != "an object" {
		d.problem(LayerProblem{Feature: i, Line: line, Field: "geometry", Msg: fmt.Sprintf("got %s, want a geometry object; left out", k)})
		return d.countFeature()
	}
	typ, coords, geoms := geometryMembers(geom)
	return d.feature1(i, line, "geometry", typ, coords, geoms, props)
}

// addGeometryFeature adds a bare geometry as a feature without properties.
func (d *userDecoder) addGeometryFeature(i, line int, typ string, coords, geoms []byte) error {
	return d.feature1(i, line, "", typ, coords, geoms, nil)
}

func (d *userDecoder) feature1(i, line int, field, typ string, coords, geoms, props []byte) error {
	if err := d.countFeature(); err != nil {
		return err
	}
	p := d.props(i, line, props)
	fp := LayerProblem{Feature: i, Name: p.name, Line: line}
	g, err := d.geometry(field, typ, coords, geoms, 0)
	if err != nil {
		if err.fatal {
			return d.fileError(err.msg)
		}
		fp.Field, fp.Msg = err.field, err.msg+"; left out"
		if err.outOfRange {
			d.outOfRange++
			if d.firstRange == "" {
				d.firstRange = fmt.Sprintf("feature %d, %s: %s", i, err.field, err.msg)
			}
		}
		d.problem(fp)
		return nil
	}
	if g == nil {
		fp.Field, fp.Msg = joinField(field, "coordinates"), fmt.Sprintf("empty %s: nothing to draw; left out", typ)
		if typ == "GeometryCollection" {
			fp.Field = joinField(field, "geometries")
		}
		d.problem(fp)
		return nil
	}
	drawn, pts, lines, areas := normalizeUserGeom(g)
	if drawn == nil {
		d.outside++
		return nil
	}
	f := UserFeature{Index: i, Name: p.name, Geom: drawn, Label: labelPoint(drawn), Style: p.style}
	if p.dated {
		f.Days, f.Dated = p.days, true
	}
	d.layer.Features = append(d.layer.Features, f)
	d.layer.Points += pts
	d.layer.Lines += lines
	d.layer.Areas += areas
	return nil
}

// problem records a problem of the layer.
func (d *userDecoder) problem(p LayerProblem) {
	d.layer.ProblemCount++
	if len(d.layer.Problems) < maxUserProblems {
		d.layer.Problems = append(d.layer.Problems, p)
	}
}

// checkCRS refuses a legacy "crs" member that names anything but WGS 84 longitude/latitude.
func (d *userDecoder) checkCRS(crs []byte) error {
	if isNull(crs) {
		return nil
	}
	var name string
	eachMember(crs, func(k string, v []byte) bool {
		if k == "properties" {
			eachMember(v, func(k string, v []byte) bool {
				if k == "name" || k == "href" {
					name, _ = jsonString(v)
				}
				return name == ""
			})
		}
		return true
	})
	up := strings.ToUpper(name)
	if name == "" || strings.Contains(up, "CRS84") || strings.HasSuffix(up, ":4326") || strings.Contains(up, "EPSG::4326") {
		return nil
	}
	return d.fileError(fmt.Sprintf(`"crs" is %q: the coordinates are not WGS 84 longitude and latitude, which GeoJSON (RFC 7946) requires; reproject the file (e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson)`, name))
}

// finish checks that something can be drawn and completes the layer.
func (d *userDecoder) finish() (*UserLayer, error) {
	l := d.layer
	if d.opts.Progress != nil {
		d.opts.Progress(int64(len(d.data)), int64(len(d.data)))
	}
	if d.datesIgnored > 0 {
		d.problem(LayerProblem{Feature: -1, Msg: fmt.Sprintf("%s features have dates, but dates are not read here: they are drawn on every date", groupDigits(d.datesIgnored))})
	}
	if d.outside > 0 {
		d.problem(LayerProblem{Feature: -1, Msg: fmt.Sprintf("%s of %s features lie wholly outside the map's area (west of 130°W or south of 60°S) and are not drawn",
			groupDigits(d.outside), groupDigits(l.Read))})
	}
	if len(l.Features) == 0 {
		switch {
		case d.outOfRange > 0 && d.outOfRange == l.Read:
			return nil, d.fileError(fmt.Sprintf("the coordinates are not longitude and latitude in degrees (%s): GeoJSON (RFC 7946) is in WGS 84 degrees; reproject the file (e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson)", d.firstRange))
		case l.Read == 0:
			return nil, d.fileError("no features: nothing to draw")
		case d.outside == l.Read:
			return nil, d.fileError("every feature lies outside the map's area (Europe, Africa north of 15°S, Asia and the North Pacific): nothing to draw")
		}
		e := d.fileError(fmt.Sprintf("none of its %s features can be drawn", groupDigits(l.Read)))
		if len(l.Problems) > 0 {
			e.(*UserLayerError).Problem.Msg += "; the first: " + l.Problems[0].String()
		}
		return nil, e
	}
	first := true
	for i := range l.Features {
		b := l.Features[i].Geom.Bound()
		if first {
			l.Bound, first = b, false
		} else {
			l.Bound = l.Bound.Union(b)
		}
		if f := &l.Features[i]; f.Dated {
			l.dayBounds = append(l.dayBounds, f.Days.From, f.Days.To+1)
		}
	}
	slices.Sort(l.dayBounds)
	l.dayBounds = slices.Compact(l.dayBounds)
	l.project()
	return l, nil
}

// joinField joins a field path and a member: "geometry" + "coordinates".
func joinField(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
