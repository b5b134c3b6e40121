package geo

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb/geojson"

	"frontline-atlas/assets"
)

// orbFeatures is what decodeFeatures must agree with: orb/geojson's own decoding.
func orbFeatures(data []byte) ([]*geojson.Feature, error) {
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, err
	}
	return fc.Features, nil
}

// agreeWithOrb fails t unless decodeFeatures gives what orb/geojson gives for data: the same
// features (deeply equal, nil and empty slices alike) or the same error message, and unless
// the one-pass reader, when it accepts data, accepts only what orb/geojson accepts.
func agreeWithOrb(t *testing.T, data []byte) (fast bool) {
	t.Helper()
	want, werr := orbFeatures(data)
	fs, fast := fastFeatures(data)
	if fast {
		if werr != nil {
			t.Fatalf("the one-pass reader accepts %q, orb/geojson refuses it: %v", data, werr)
		}
		if !reflect.DeepEqual(fs, want) {
			t.Fatalf("the one-pass reader reads %q as\n%s\norb/geojson as\n%s", data, dumpFeatures(fs), dumpFeatures(want))
		}
	}
	got, gerr := decodeFeatures(data)
	if !sameOrbError(data, gerr, werr) {
		t.Fatalf("decodeFeatures(%q) error %v, orb/geojson's %v", data, gerr, werr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeFeatures(%q) =\n%s\norb/geojson:\n%s", data, dumpFeatures(got), dumpFeatures(want))
	}
	return fast
}

// sameOrbError reports whether err has the message of orb/geojson's error for data. When two
// members of an object are wrong, orb/geojson reports the one it meets first in a Go map, so
// its message for such a file varies from run to run; err agrees if orb/geojson gives its
// message in one of 100 runs.
func sameOrbError(data []byte, err, orbErr error) bool {
	for range 100 {
		if fmt.Sprint(err) == fmt.Sprint(orbErr) {
			return true
		}
		if orbErr == nil {
			return false
		}
		_, orbErr = orbFeatures(data)
	}
	return false
}

func dumpFeatures(fs []*geojson.Feature) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d features (nil: %v)", len(fs), fs == nil)
	for i, f := range fs {
		if f == nil {
			fmt.Fprintf(&b, "\n%d: nil", i)
			continue
		}
		fmt.Fprintf(&b, "\n%d: %#v %#v id %#v bbox %#v extra %#v", i, f.Geometry, f.Properties, f.ID, f.BBox, f.ExtraMembers)
	}
	return b.String()
}

// TestDecodeFeaturesEmbeddedMap: every layer file of the embedded base map is read by the
// one-pass reader (so the cold start gains), to exactly what orb/geojson reads.
func TestDecodeFeaturesEmbeddedMap(t *testing.T) {
	fsys := assets.Map()
	layers, err := ReadManifest(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range layers {
		data, err := fs.ReadFile(fsys, l.File)
		if err != nil {
			t.Fatal(err)
		}
		if !agreeWithOrb(t, data) {
			t.Errorf("%s: the one-pass reader gave it to orb/geojson", l.File)
		}
	}
}

// decodeCases are files for decodeFeatures; fast says whether the one-pass reader must take
// them itself (the others, and every bad file, go to orb/geojson).
var decodeCases = []struct {
	name, data string
	fast       bool
}{
	{"empty collection", `{"type":"FeatureCollection","features":[]}`, true},
	{"no features member", `{"type":"FeatureCollection"}`, true},
	{"white space everywhere", " \t\r\n{ \"type\" : \"FeatureCollection\" , \"features\" : [ { \"type\" : \"Feature\" , \"properties\" : { } , \"geometry\" : { \"type\" : \"LineString\" , \"coordinates\" : [ [ 1 , 2 ] , [ 3.5e1 , -4E-2 ] ] } } ] } \n", true},
	{"type after coordinates", `{"features":[{"geometry":{"coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"type":"Polygon"},"properties":null,"type":"Feature"}],"type":"FeatureCollection"}`, true},
	{"multipolygon with hole", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]],[[[10,10],[11,10],[11,11],[10,10]]]]}}]}`, true},
	{"multilinestring with an empty line", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Volga","rank":1},"geometry":{"type":"MultiLineString","coordinates":[[[45,50],[46,51]],[]]}}]}`, true},
	{"empty coordinates", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[]}},{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[]]}}]}`, true},
	{"third coordinate dropped", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2,300],[3,4,5,6]]}}]}`, true},
	{"null geometry", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}`, true},
	{"no geometry, no properties", `{"type":"FeatureCollection","features":[{"type":"Feature"}]}`, true},
	{"properties of every kind", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"s":"Dnepr — Днепр","e":"a\"b\\c\u00e9\n","n":-12.5e2,"z":0,"t":true,"f":false,"x":null,"o":{"a":[1,"b",null]},"a":[]},"geometry":null}]}`, true},
	{"invalid UTF-8 in a name", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\xffb\"},\"geometry\":null}]}", true},
	{"foreign members, id and bbox", `{"type":"FeatureCollection","name":"land","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"bbox":[0,0,1,1],"features":[{"type":"Feature","id":7,"bbox":[1,2,3,4],"title":"x","properties":{},"geometry":null}]}`, true},
	{"escaped member names", `{"typ\u0065":"FeatureCollection","features":[{"\u0074ype":"Feature","properties":{"n\u0061me":"A"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}`, true},
	{"point geometry", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}`, false},
	{"geometry collection", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[1,2],[3,4]]}]}}]}`, false},
	{"one-number point", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1],[3,4]]}}]}`, false},
	{"null point", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[null,[3,4]]}}]}`, false},
	{"null in a point", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[null,2],[3,4]]}}]}`, false},
	{"null coordinates", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":null}}]}`, false},
	{"third coordinate not a number", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2,"z"],[3,4]]}}]}`, false},
	{"capitalised geometry member", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"Type":"LineString","coordinates":[[1,2],[3,4]]}}]}`, false},
	{"capitalised feature member", `{"type":"FeatureCollection","features":[{"Type":"Feature","properties":{},"geometry":null}]}`, false},
	{"repeated type", `{"type":"FeatureCollection","type":"FeatureCollection","features":[]}`, false},
	{"repeated property", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A","name":"B"},"geometry":null}]}`, false},
	{"repeated coordinates", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]],"coordinates":[[5,6],[7,8]]}}]}`, false},
	{"null feature", `{"type":"FeatureCollection","features":[null]}`, false},
	{"null file", `null`, false},
	{"null features", `{"type":"FeatureCollection","features":null}`, false},
	{"number out of range", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1e400,2],[3,4]]}}]}`, false},
	{"not a collection", `{"type":"Feature","features":[]}`, false},
	{"not a feature", `{"type":"FeatureCollection","features":[{"type":"Featur","properties":{},"geometry":null}]}`, false},
	{"unknown geometry type", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygn","coordinates":[]}}]}`, false},
	{"trailing comma", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},]}`, false},
	{"leading zero", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[01,2],[3,4]]}}]}`, false},
	{"bare dot", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1.,2],[3,4]]}}]}`, false},
	{"plus sign", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"rank":+1},"geometry":null}]}`, false},
	{"control character in a string", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\tb\"},\"geometry\":null}]}", false},
	{"bad escape", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a\qb"},"geometry":null}]}`, false},
	{"bad literal", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"x":nul},"geometry":null}]}`, false},
	{"trailing data", `{"type":"FeatureCollection","features":[]} x`, false},
	{"cut off", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2],[3,`, false},
	{"byte order mark", "\xef\xbb\xbf{\"type\":\"FeatureCollection\",\"features\":[]}", false},
	{"bad foreign member", `{"type":"FeatureCollection","name":[1,,2],"features":[]}`, false},
	{"string as bbox", `{"type":"FeatureCollection","bbox":"x","features":[]}`, false},
	{"deep foreign member", `{"type":"FeatureCollection","x":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `,"features":[]}`, false},
	{"too deep for encoding/json", `{"type":"FeatureCollection","x":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `,"features":[]}`, false},
	{"empty", ``, false},
}

// TestDecodeFeaturesAgreesWithOrb: on files the one-pass reader takes and on files it leaves
// to orb/geojson (bad ones among them), decodeFeatures gives orb/geojson's features and error
// messages.
func TestDecodeFeaturesAgreesWithOrb(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			if fast := agreeWithOrb(t, []byte(tc.data)); fast != tc.fast {
				t.Errorf("read by the one-pass reader: %v, want %v", fast, tc.fast)
			}
		})
	}
}

// FuzzDecodeFeatures: for any bytes, decodeFeatures does not panic and gives what
// orb/geojson gives (the same features or the same error), and the one-pass reader never
// accepts what orb/geojson refuses. Run with: go test ./geo -fuzz FuzzDecodeFeatures.
func FuzzDecodeFeatures(f *testing.F) {
	for _, tc := range decodeCases {
		if len(tc.data) < 1000 {
			f.Add([]byte(tc.data))
		}
	}
	for _, l := range fuzzLayers {
		if data, err := os.ReadFile("testdata/layers/broken/" + l.File); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) { agreeWithOrb(t, data) })
}

// geometryAgrees fails t unless decodeGeometry gives what geojson.UnmarshalGeometry gives for
// data (the same geometry, or the same error), and reports whether the one-pass reader took it.
func geometryAgrees(t *testing.T, data []byte) (fast bool) {
	t.Helper()
	want, werr := geojson.UnmarshalGeometry(data)
	s := gjScanner{b: data}
	if _, fast = s.geometry(); fast {
		s.ws()
		fast = s.i == len(s.b)
	}
	got, gerr := decodeGeometry(data)
	if fast && werr != nil {
		t.Fatalf("the one-pass reader accepts %q, geojson.UnmarshalGeometry refuses it: %v", data, werr)
	}
	if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeGeometry(%q) = %#v, %v; geojson.UnmarshalGeometry: %#v, %v", data, got, gerr, want, werr)
	}
	return fast
}

// frontGeometries returns the geometry of every feature of the embedded pack's fronts files.
func frontGeometries(t testing.TB) [][]byte {
	files, err := fs.Glob(assets.Content(), "fronts/*.geojson")
	if err != nil || len(files) == 0 {
		t.Fatalf("fronts files: %v, %v", files, err)
	}
	var out [][]byte
	for _, name := range files {
		data, err := fs.ReadFile(assets.Content(), name)
		if err != nil {
			t.Fatal(err)
		}
		var doc frontFileDoc
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, ft := range doc.Features {
			out = append(out, ft.Geometry)
		}
	}
	return out
}

var geometryCases = []struct {
	json string
	fast bool
}{
	{`{"type":"LineString","coordinates":[[30,50],[31,51.5]]}`, true},
	{` {"coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"type":"Polygon"} `, true},
	{`{"type":"MultiPolygon","coordinates":[]}`, true},
	{`{"type":"Point","coordinates":[1,2]}`, false},
	{`{"type":"LineString","coordinates":[[30,50],[31]]}`, false},
	{`{"type":"LineString","coordinates":null}`, false},
	{`{"type":"LineString"}`, false},
	{`{"type":"Line","coordinates":[]}`, false},
	{`{"type":"LineString","coordinates":[[30,50]],"bbox":[1,2,3,4]}`, false},
	{`null`, false},
	{`{"type":"LineString","coordinates":[[30,50]]} {}`, false},
	{`[`, false},
}

// TestDecodeGeometryAgreesWithOrb: every keyframe geometry of the embedded fronts is read by
// the one-pass reader, to what geojson.UnmarshalGeometry reads; the table's other shapes and
// bad geometries go to orb/geojson, with its messages.
func TestDecodeGeometryAgreesWithOrb(t *testing.T) {
	geoms := frontGeometries(t)
	for _, g := range geoms {
		if !geometryAgrees(t, g) {
			t.Errorf("the one-pass reader gave a fronts geometry to orb/geojson: %.80s", g)
		}
	}
	if len(geoms) < 100 {
		t.Errorf("%d fronts geometries, want the embedded pack's hundreds", len(geoms))
	}
	for _, tc := range geometryCases {
		if fast := geometryAgrees(t, []byte(tc.json)); fast != tc.fast {
			t.Errorf("%s: read by the one-pass reader %v, want %v", tc.json, fast, tc.fast)
		}
	}
}

// FuzzDecodeGeometry: for any bytes, decodeGeometry does not panic and gives what
// geojson.UnmarshalGeometry gives. Run with: go test ./geo -fuzz FuzzDecodeGeometry.
func FuzzDecodeGeometry(f *testing.F) {
	for _, tc := range geometryCases {
		f.Add([]byte(tc.json))
	}
	for _, g := range frontGeometries(f)[:5] {
		if len(g) < 2000 {
			f.Add([]byte(g))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) { geometryAgrees(t, data) })
}
