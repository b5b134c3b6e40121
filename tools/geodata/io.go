package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// readCollection reads a GeoJSON FeatureCollection from dir/name.
func readCollection(dir, name string) (*geojson.FeatureCollection, error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("geodata: %w", err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, fmt.Errorf("geodata: %s: %w", name, err)
	}
	return fc, nil
}

// propString returns the property as a trimmed string ("" when absent or null).
func propString(p geojson.Properties, key string) string {
	switch v := p[key].(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	}
	return ""
}

// propNumber returns the property as a number (strings are parsed); ok is false when absent
// or not a number.
func propNumber(p geojson.Properties, key string) (float64, bool) {
	switch v := p[key].(type) {
	case float64:
		return v, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil
	}
	return 0, false
}

// outFeature is one feature of a generated layer.
type outFeature struct {
	geom  orb.Geometry
	props geojson.Properties
}

// sortKey orders features by name, then rank, then by their bounds and size, so the output
// does not depend on the order of the source.
func (f outFeature) less(g outFeature) bool {
	if a, b := propString(f.props, "name"), propString(g.props, "name"); a != b {
		return a < b
	}
	if a, b := propString(f.props, "rank"), propString(g.props, "rank"); a != b {
		return a < b
	}
	fb, gb := f.geom.Bound(), g.geom.Bound()
	for i, a := range []float64{fb.Min[0], fb.Min[1], fb.Max[0], fb.Max[1]} {
		b := []float64{gb.Min[0], gb.Min[1], gb.Max[0], gb.Max[1]}[i]
		if a != b {
			return a < b
		}
	}
	return pointCount(f.geom) < pointCount(g.geom)
}

func pointCount(g orb.Geometry) int {
	switch g := g.(type) {
	case orb.MultiPolygon:
		n := 0
		for _, p := range g {
			for _, r := range p {
				n += len(r)
			}
		}
		return n
	case orb.MultiLineString:
		n := 0
		for _, l := range g {
			n += len(l)
		}
		return n
	}
	return 0
}

// encodeLayer renders features as a FeatureCollection, one feature per line, sorted (see
// less), with keys in a fixed order: the same features always give the same bytes.
func encodeLayer(features []outFeature) ([]byte, error) {
	sort.SliceStable(features, func(i, j int) bool { return features[i].less(features[j]) })
	var buf bytes.Buffer
	buf.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range features {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		gf := geojson.NewFeature(f.geom)
		if f.props != nil {
			gf.Properties = f.props
		}
		b, err := json.Marshal(gf)
		if err != nil {
			return nil, fmt.Errorf("geodata: feature %d: %w", i, err)
		}
		buf.Write(b)
	}
	buf.WriteString("\n]}\n")
	return buf.Bytes(), nil
}
