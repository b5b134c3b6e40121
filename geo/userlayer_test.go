package geo

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// testDates parses the content pack's date notation as timeline.ParseDate does (geo does not
// import timeline): YYYY, YYYY-MM, YYYY-MM-DD, optionally after "~".
func testDates(s string) (first, last int, err error) {
	src := s
	s = strings.TrimPrefix(s, "~")
	parts := strings.Split(s, "-")
	bad := fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", src)
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, 0, bad
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return 0, 0, bad
		}
		v[i] = n
	}
	day := func(y, m, d int) int { return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400) }
	switch len(parts) {
	case 1:
		return day(v[0], 1, 1), day(v[0], 12, 31), nil
	case 2:
		if v[1] < 1 || v[1] > 12 {
			return 0, 0, bad
		}
		return day(v[0], v[1], 1), day(v[0], v[1]+1, 0), nil
	}
	if v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || day(v[0], v[1], v[2]) >= day(v[0], v[1]+1, 1) {
		return 0, 0, bad
	}
	return day(v[0], v[1], v[2]), day(v[0], v[1], v[2]), nil
}

func dayOf(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// parseLayer parses src as the file "test.geojson" with the test date parser.
func parseLayer(t *testing.T, src string) (*UserLayer, error) {
	t.Helper()
	return ParseUserLayer(context.Background(), "/some/where/test.geojson", []byte(src), UserLayerOptions{ParseDate: testDates})
}

func mustLayer(t *testing.T, src string) *UserLayer {
	t.Helper()
	l, err := parseLayer(t, src)
	if err != nil {
		t.Fatalf("ParseUserLayer: %v", err)
	}
	return l
}

// fc wraps features in a FeatureCollection.
func fc(features ...string) string {
	return `{"type": "FeatureCollection", "features": [` + strings.Join(features, ",\n") + `]}`
}

// feat is a Feature with a geometry and properties (JSON texts).
func feat(geom, props string) string {
	return `{"type": "Feature", "properties": ` + props + `, "geometry": ` + geom + `}`
}

const (
	gPoint   = `{"type": "Point", "coordinates": [37.6, 55.75]}`
	gLine    = `{"type": "LineString", "coordinates": [[30, 50], [31, 51], [32, 50]]}`
	gPolygon = `{"type": "Polygon", "coordinates": [[[30, 50], [40, 50], [40, 55], [30, 55], [30, 50]], [[33, 52], [34, 52], [34, 53], [33, 52]]]}`
)

func TestUserLayerForms(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		src                        string
		features                   int
		points, lines, areas       int
		firstName                  string
		firstIndex, lastIndex      int
		vertices                   int
		problems                   int
		wantGeomType, wantLastType string
	}{
		{"FeatureCollection of every type", fc(
			feat(gPoint, `{"name": "Moscow"}`),
			feat(`{"type": "MultiPoint", "coordinates": [[30.3, 59.9], [37.6, 55.75]]}`, `{}`),
			feat(gLine, `null`),
			feat(`{"type": "MultiLineString", "coordinates": [[[30, 50], [31, 51]], [[32, 50], [33, 51]]]}`, `{}`),
			feat(gPolygon, `{}`),
			feat(`{"type": "MultiPolygon", "coordinates": [[[[30, 50], [31, 50], [31, 51], [30, 50]]], [[[32, 50], [33, 50], [33, 51], [32, 50]]]]}`, `{}`),
			feat(`{"type": "GeometryCollection", "geometries": [`+gPoint+`, `+gLine+`, `+gPolygon+`]}`, `{}`),
		), 7, 2 + 1 + 1, 1 + 2 + 1, 1 + 2 + 1, "Moscow", 0, 6, 1 + 2 + 3 + 4 + 9 + 8 + (1 + 3 + 9), 0, "Point", "GeometryCollection"},
		{"a lone Feature", feat(gPolygon, `{"name": "Ukraine"}`), 1, 0, 0, 1, "Ukraine", 0, 0, 9, 0, "Polygon", "Polygon"},
		{"a bare Point", gPoint, 1, 1, 0, 0, "", 0, 0, 1, 0, "Point", "Point"},
		{"a bare LineString", gLine, 1, 0, 1, 0, "", 0, 0, 3, 0, "LineString", "LineString"},
		{"a bare Polygon", gPolygon, 1, 0, 0, 1, "", 0, 0, 9, 0, "Polygon", "Polygon"},
		{"a bare GeometryCollection, nested", `{"type": "GeometryCollection", "geometries": [` + gPoint + `, {"type": "GeometryCollection", "geometries": [` + gLine + `]}]}`,
			1, 1, 1, 0, "", 0, 0, 4, 0, "GeometryCollection", "GeometryCollection"},
		{"members in any order", `{"features": [{"geometry": ` + gPoint + `, "properties": {"name": "A"}, "type": "Feature"}], "type": "FeatureCollection"}`,
			1, 1, 0, 0, "A", 0, 0, 1, 0, "Point", "Point"},
		{"foreign members and a bbox", `{"type": "FeatureCollection", "name": "x", "bbox": [30, 50, 40, 55], "features": [{"type": "Feature", "id": 7, "bbox": [1,2,3,4], "extra": {"a": [1, {"b": "]"}]}, "properties": {"name": "B\"}"}, "geometry": ` + gPoint + `}]}`,
			1, 1, 0, 0, "B\"}", 0, 0, 1, 0, "Point", "Point"},
		{"a byte-order mark", "\ufeff" + fc(feat(gPoint, `{}`)), 1, 1, 0, 0, "", 0, 0, 1, 0, "Point", "Point"},
		{"newline-delimited Features", feat(gPoint, `{"name": "A"}`) + "\n" + feat(gLine, `{"name": "B"}`) + "\n",
			2, 1, 1, 0, "A", 0, 1, 4, 0, "Point", "LineString"},
		{"an RFC 8142 text sequence", "\x1e" + feat(gPoint, `{}`) + "\n\x1e" + gLine + "\n", 2, 1, 1, 0, "", 0, 1, 4, 0, "Point", "LineString"},
		{"a geometry where a Feature should be", fc(gPoint, feat(gLine, `{}`)), 2, 1, 1, 0, "", 0, 1, 4, 0, "Point", "LineString"},
		{"positions with elevation", fc(feat(`{"type": "LineString", "coordinates": [[30, 50, 120.5], [31, 51, 99, 7]]}`, `{}`)), 1, 0, 1, 0, "", 0, 0, 2, 0, "LineString", "LineString"},
		{"an unclosed ring is closed", fc(feat(`{"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51]]]}`, `{}`)), 1, 0, 0, 1, "", 0, 0, 3, 0, "Polygon", "Polygon"},
		{"empty and null features left out, the rest drawn", fc(
			feat(`null`, `{"name": "nowhere"}`),
			feat(`{"type": "Point", "coordinates": []}`, `{}`),
			feat(gPoint, `{}`),
			feat(`{"type": "MultiPolygon", "coordinates": []}`, `{}`),
			feat(`{"type": "GeometryCollection", "geometries": []}`, `{}`),
		), 1, 1, 0, 0, "", 2, 2, 1, 4, "Point", "Point"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := mustLayer(t, tc.src)
			if len(l.Features) != tc.features || l.Points != tc.points || l.Lines != tc.lines || l.Areas != tc.areas {
				t.Errorf("got %d features, %d points, %d lines, %d areas; want %d, %d, %d, %d",
					len(l.Features), l.Points, l.Lines, l.Areas, tc.features, tc.points, tc.lines, tc.areas)
			}
			if l.Vertices != tc.vertices {
				t.Errorf("Vertices = %d, want %d", l.Vertices, tc.vertices)
			}
			if l.ProblemCount != tc.problems {
				t.Errorf("%d problems, want %d:\n%s", l.ProblemCount, tc.problems, l.ProblemsText(0))
			}
			if len(l.Features) == 0 {
				return
			}
			first, last := l.Features[0], l.Features[len(l.Features)-1]
			if first.Name != tc.firstName || first.Index != tc.firstIndex || last.Index != tc.lastIndex {
				t.Errorf("first feature %d %q, last %d; want %d %q, last %d", first.Index, first.Name, last.Index, tc.firstIndex, tc.firstName, tc.lastIndex)
			}
			if got := typeName(first.Geom); got != tc.wantGeomType {
				t.Errorf("first geometry %s, want %s", got, tc.wantGeomType)
			}
			if got := typeName(last.Geom); got != tc.wantLastType {
				t.Errorf("last geometry %s, want %s", got, tc.wantLastType)
			}
			if l.Name != "test" || l.Path != "/some/where/test.geojson" {
				t.Errorf("Name %q, Path %q", l.Name, l.Path)
			}
		})
	}
}

func typeName(g orb.Geometry) string {
	if g == nil {
		return "nil"
	}
	return g.GeoJSONType()
}

// TestUserLayerFeatureProblems checks the message for each kind of bad feature: it names the
// file, the feature, its name and line, the field, and says what was done; the other features
// load.
func TestUserLayerFeatureProblems(t *testing.T) {
	good := feat(gPoint, `{"name": "good"}`)
	for _, tc := range []struct {
		name, feature, want string
	}{
		{"null geometry", feat(`null`, `{"name": "Kiev"}`), `test.geojson: feature 1 "Kiev" (line 3): geometry: null: nothing to draw; left out`},
		{"empty Polygon", feat(`{"type": "Polygon", "coordinates": []}`, `{}`), `feature 1 (line 3): geometry.coordinates: empty Polygon: nothing to draw; left out`},
		{"empty collection", feat(`{"type": "GeometryCollection", "geometries": []}`, `{}`), `feature 1 (line 3): geometry.geometries: empty GeometryCollection`},
		{"geometry not an object", feat(`[1, 2]`, `{}`), `geometry: got an array, want a geometry object; left out`},
		{"no geometry type", feat(`{"coordinates": [1, 2]}`, `{}`), `geometry.type: missing; left out`},
		{"unknown geometry type", feat(`{"type": "Circle", "coordinates": [1, 2]}`, `{}`), `geometry.type: "Circle" is not a GeoJSON geometry type; left out`},
		{"a position of one number", feat(`{"type": "LineString", "coordinates": [[30, 50], [31]]}`, `{}`), `geometry.coordinates[1]: got 1 number(s), want a position [longitude, latitude]; left out`},
		{"a string for a number", feat(`{"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, "51"], [30, 50]]]}`, `{}`), `geometry.coordinates[0][2][1]: got a string, want a number; left out`},
		{"a number for an array", feat(`{"type": "MultiPoint", "coordinates": [[30, 50], 7]}`, `{}`), `geometry.coordinates[1]: got a number, want an array; left out`},
		{"a line of one position", feat(`{"type": "LineString", "coordinates": [[30, 50]]}`, `{}`), `geometry.coordinates: 1 position, want at least 2 for a line; left out`},
		{"a ring of three", feat(`{"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [30, 50]]]}`, `{}`), `geometry.coordinates[0]: a ring of 3 positions, want at least 4 (3 corners and the first again); left out`},
		{"latitude out of range", feat(`{"type": "Point", "coordinates": [30, 95]}`, `{}`), `geometry.coordinates: latitude 95 is not within -90 to 90; left out`},
		{"longitude out of range", feat(`{"type": "Point", "coordinates": [3000000, 50]}`, `{}`), `geometry.coordinates: longitude 3e+06 is not within -180 to 180; left out`},
		{"an infinite number", feat(`{"type": "Point", "coordinates": [1e400, 50]}`, `{}`), `geometry.coordinates[0]: 1e400 is not a finite number; left out`},
		{"bad member of a collection", feat(`{"type": "GeometryCollection", "geometries": [`+gPoint+`, {"type": "Point", "coordinates": "x"}]}`, `{}`), `geometry.geometries[1].coordinates: got a string, want an array; left out`},
		{"collections nested too deep", feat(strings.Repeat(`{"type": "GeometryCollection", "geometries": [`, 10)+gPoint+strings.Repeat(`]}`, 10), `{}`), `GeometryCollections nested more than 8 deep; left out`},
		{"feature not an object", `"Kiev"`, `feature 1 (line 3): got a string, want a Feature object; left out`},
		{"feature of another type", `{"type": "Place", "geometry": ` + gPoint + `}`, `feature 1 (line 3): type: "Place", want "Feature"; left out`},
		{"properties not an object", feat(gPoint, `[1]`), `feature 1 (line 3): properties: got an array, want an object or null; ignored`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := mustLayer(t, "{\"type\": \"FeatureCollection\", \"features\": [\n"+good+",\n"+tc.feature+"]}")
			if l.ProblemCount != 1 {
				t.Fatalf("%d problems, want 1:\n%s", l.ProblemCount, l.ProblemsText(0))
			}
			if got := l.ProblemsText(0); !strings.Contains(got, tc.want) || !strings.HasPrefix(got, "test.geojson: feature 1") {
				t.Errorf("problem:\n  %s\nwant it to start with the file and feature and contain\n  %s", got, tc.want)
			}
			if len(l.Features) == 0 || l.Features[0].Name != "good" {
				t.Errorf("the good feature did not load")
			}
		})
	}
}

// TestUserLayerFileErrors checks the files that cannot be opened as a layer: each gives one
// *UserLayerError naming the file, the place and what is wrong.
func TestUserLayerFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		opts            UserLayerOptions
	}{
		{"empty file", "", "test.geojson: the file is empty", UserLayerOptions{}},
		{"whitespace only", " \n\t", "test.geojson: the file is empty", UserLayerOptions{}},
		{"not JSON", "<html>", "test.geojson: line 1, column 1: not valid JSON: invalid character '<' looking for beginning of value", UserLayerOptions{}},
		{"syntax error in a feature", "{\"type\": \"FeatureCollection\", \"features\": [\n" + feat(gPoint, `{}`) + ",\n" + `{"type": "Feature", "geometry": {"type": "Point" "coordinates": [1, 2]}}` + "]}",
			"test.geojson: line 3, column 50: not valid JSON in feature 1: invalid character '\"' after object key:value pair", UserLayerOptions{}},
		{"truncated", fc(feat(gPoint, `{}`))[:60], "the file ends in the middle of", UserLayerOptions{}},
		{"trailing comma", `{"type": "FeatureCollection", "features": [` + feat(gPoint, `{}`) + `,]}`, "not valid JSON in feature 1: invalid character ']'", UserLayerOptions{}},
		{"a top-level array", `[` + feat(gPoint, `{}`) + `]`, `not GeoJSON: the file holds a JSON array; want an object with "type"`, UserLayerOptions{}},
		{"a number", `42`, `not GeoJSON: the file holds a JSON a number`, UserLayerOptions{}},
		{"no type", `{"coordinates": [1, 2]}`, `not GeoJSON: the top-level object has no "type"`, UserLayerOptions{}},
		{"unknown type", `{"type": "Map", "features": 3}`, `"type": "Map" is not a GeoJSON type`, UserLayerOptions{}},
		{"TopoJSON", `{"type": "Topology", "objects": {}, "arcs": []}`, `this is TopoJSON ("type": "Topology"), not GeoJSON`, UserLayerOptions{}},
		{"features not an array", `{"type": "FeatureCollection", "features": {}}`, `"features": got an object, want an array of Features`, UserLayerOptions{}},
		{"no features member", `{"type": "FeatureCollection"}`, `a FeatureCollection without "features"`, UserLayerOptions{}},
		{"no features", `{"type": "FeatureCollection", "features": []}`, `test.geojson: no features: nothing to draw`, UserLayerOptions{}},
		{"only empty features", fc(feat(`null`, `{}`), feat(`{"type": "Point", "coordinates": []}`, `{}`)),
			`none of its 2 features can be drawn; the first: feature 0 (line 1): geometry: null`, UserLayerOptions{}},
		{"a Feature with features", `{"type": "Feature", "features": []}`, `"type" is "Feature" but the object has "features"`, UserLayerOptions{}},
		{"more after a FeatureCollection", fc(feat(gPoint, `{}`)) + "\n" + fc(feat(gPoint, `{}`)), "line 2, column 1: the file goes on after its FeatureCollection", UserLayerOptions{}},
		{"a projected CRS", `{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}, "features": [` + feat(gPoint, `{}`) + `]}`,
			`"crs" is "urn:ogc:def:crs:EPSG::3857": the coordinates are not WGS 84 longitude and latitude`, UserLayerOptions{}},
		{"coordinates in metres", fc(feat(`{"type": "Point", "coordinates": [4187591.9, 7509202.3]}`, `{}`), feat(`{"type": "Point", "coordinates": [4187592.9, 7509203.3]}`, `{}`)),
			"the coordinates are not longitude and latitude in degrees (feature 0, geometry.coordinates: latitude 7.5092023e+06 is not within -90 to 90): GeoJSON (RFC 7946) is in WGS 84 degrees; reproject", UserLayerOptions{}},
		{"everything outside the map", fc(feat(`{"type": "Point", "coordinates": [20, -70]}`, `{}`), feat(`{"type": "Point", "coordinates": [230, 60]}`, `{}`)), "every feature lies outside the map's area", UserLayerOptions{}},
		{"too large", fc(feat(gPoint, `{}`)), "test.geojson: the file is 143 bytes, more than the 100 bytes a layer may have", UserLayerOptions{MaxBytes: 100}},
		{"too many positions", fc(feat(gLine, `{}`), feat(gLine, `{}`)), "more than 5 positions: a layer may have at most 5; simplify it", UserLayerOptions{MaxVertices: 5}},
		{"too many features", fc(feat(gPoint, `{}`), feat(gPoint, `{}`), feat(gPoint, `{}`)), "more than 2 features: a layer may have at most 2", UserLayerOptions{MaxFeatures: 2}},
		{"JSON nested beyond encoding/json's limit", `{"type": "Feature", "geometry": ` + gPoint + `, "properties": {"a": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}`,
			"exceeded max depth", UserLayerOptions{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ParseUserLayer(context.Background(), "/some/where/test.geojson", []byte(tc.src), tc.opts)
			var ue *UserLayerError
			if !errors.As(err, &ue) {
				t.Fatalf("got layer %v and error %v, want a *UserLayerError", l, err)
			}
			if l != nil {
				t.Errorf("a layer was returned with the error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "test.geojson: ") {
				t.Errorf("error:\n  %v\nwant it to start with the file name and contain\n  %s", err, tc.want)
			}
		})
	}
}

// TestUserLayerAcceptedCRS checks that the legacy "crs" names for longitude/latitude load.
func TestUserLayerAcceptedCRS(t *testing.T) {
	for _, name := range []string{"urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326"} {
		mustLayer(t, `{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "`+name+`"}}, "features": [`+feat(gPoint, `{}`)+`]}`)
	}
}

func TestUserLayerNames(t *testing.T) {
	l := mustLayer(t, fc(
		feat(gPoint, `{"name": "a", "NAME": "b"}`),
		feat(gPoint, `{"NAME": "Königsberg"}`),
		feat(gPoint, `{"Name": "c", "NAME": "d"}`),
		feat(gPoint, `{"title": "e"}`),
		feat(gPoint, `{"name": null, "NAME": "f"}`),
		feat(gPoint, `{"name": 1942}`),
		feat(gPoint, `{"name": "  "}`),
		feat(gPoint, `{"name": {"en": "g"}}`),
		feat(gPoint, `{"n\u0061me": "escaped key"}`),
	))
	want := []string{"a", "Königsberg", "c", "e", "f", "1942", "", "", "escaped key"}
	for i, f := range l.Features {
		if f.Name != want[i] {
			t.Errorf("feature %d: name %q, want %q", i, f.Name, want[i])
		}
	}
}

// TestUserLayerCancel checks that a cancelled load stops with the context's error.
func TestUserLayerCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var fs []string
	for range 200 {
		fs = append(fs, feat(gPoint, `{}`))
	}
	_, err := ParseUserLayer(ctx, "x.geojson", []byte(fc(fs...)), UserLayerOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestUserLayerProgress checks that progress rises to the file's size and is reported a
// bounded number of times.
func TestUserLayerProgress(t *testing.T) {
	var fs []string
	for range 5000 {
		fs = append(fs, feat(gLine, `{"name": "a line"}`))
	}
	src := fc(fs...)
	var calls int
	var last int64
	_, err := ParseUserLayer(context.Background(), "x.geojson", []byte(src), UserLayerOptions{Progress: func(done, total int64) {
		calls++
		if done < last || total != int64(len(src)) {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last = done
	}})
	if err != nil {
		t.Fatal(err)
	}
	if last != int64(len(src)) || calls < 10 || calls > 110 {
		t.Errorf("%d calls ending at %d, want 10–110 ending at %d", calls, last, len(src))
	}
}

// TestUserLayerProblemsCapped checks that a file with many bad features keeps a bounded list
// and counts the rest, and that ProblemsText says how many more there are.
func TestUserLayerProblemsCapped(t *testing.T) {
	fs := []string{feat(gPoint, `{}`)}
	for range 1500 {
		fs = append(fs, feat(`null`, `{}`))
	}
	l := mustLayer(t, fc(fs...))
	if len(l.Problems) != maxUserProblems || l.ProblemCount != 1500 {
		t.Fatalf("kept %d, counted %d problems; want %d and 1500", len(l.Problems), l.ProblemCount, maxUserProblems)
	}
	text := l.ProblemsText(20)
	if n := strings.Count(text, "\n"); n != 20 || !strings.HasSuffix(text, "test.geojson: and 1480 more problems") {
		t.Errorf("ProblemsText(20) has %d lines and ends %q", n+1, text[max(0, len(text)-60):])
	}
}

// TestUserLayerHugeFileBounded loads a file at the default size limit's scale of features and
// checks the time and memory stay within generous bounds (skipped with -short).
func TestUserLayerHugeFileBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("a 6 MB file")
	}
	var b strings.Builder
	b.WriteString(`{"type": "FeatureCollection", "features": [`)
	for i := range 50_000 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"type": "Feature", "properties": {"name": "p%d", "date": "1942-11"}, "geometry": {"type": "Point", "coordinates": [%.5f, %.5f]}}`,
			i, 20+math.Mod(float64(i)*0.37, 60), 40+math.Mod(float64(i)*0.11, 30))
	}
	b.WriteString("]}")
	start := time.Now()
	l := mustLayer(t, b.String())
	if len(l.Features) != 50_000 {
		t.Fatalf("%d features", len(l.Features))
	}
	// 0.4 s alone; 8–15 s under the race detector on two cores shared with six other jobs. The
	// bound catches a hang or a quadratic walk (minutes), not a slow machine.
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestUserLayerRealFiles loads files no one here wrote: Natural Earth and historical-basemaps
// (skipped where ../shared/data is missing).
func TestUserLayerRealFiles(t *testing.T) {
	for _, tc := range []struct {
		file                 string
		minFeatures          int
		points, lines, areas bool
		named                string // a feature name that must be there
		problems             int
	}{
		{"historical-basemaps/world_1938.geojson", 200, false, false, true, "Germany", 1},
		{"historical-basemaps/world_1945.geojson", 200, false, false, true, "USSR", 1},
		{"naturalearth/ne_50m_populated_places_simple.json", 1000, true, false, false, "Stalingrad", 1},
		{"naturalearth/ne_50m_rivers_lake_centerlines.json", 400, false, true, false, "Volga", 1},
		{"naturalearth/ne_10m_lakes_historic.json", 3, false, false, true, "Historic Aral Sea", 3},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := "../../shared/data/" + tc.file
			data, err := os.ReadFile(path)
			if err != nil {
				t.Skipf("no %s: %v", path, err)
			}
			l, err := ParseUserLayer(context.Background(), path, data, UserLayerOptions{ParseDate: testDates})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Features) < tc.minFeatures || (l.Points > 0) != tc.points || (l.Lines > 0) != tc.lines || (l.Areas > 0) != tc.areas {
				t.Errorf("%s", l.Summary())
			}
			found := false
			for _, f := range l.Features {
				found = found || f.Name == tc.named
			}
			if !found && tc.named != "Stalingrad" {
				t.Errorf("no feature named %q", tc.named)
			}
			if l.ProblemCount != tc.problems {
				t.Errorf("%d problems, want %d:\n%s", l.ProblemCount, tc.problems, l.ProblemsText(5))
			}
		})
	}
}

// TestLoadUserLayerFiles checks reading from disk: a missing file, a folder, a named pipe (not
// opened, so nothing blocks), a file over the limit (not read), and a good file.
func TestLoadUserLayerFiles(t *testing.T) {
	dir := t.TempDir()
	good := dir + "/good.geojson"
	if err := os.WriteFile(good, []byte(fc(feat(gPoint, `{"name": "x"}`))), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := LoadUserLayer(context.Background(), good, UserLayerOptions{})
	if err != nil || len(l.Features) != 1 || l.Name != "good" {
		t.Fatalf("good file: %v, %v", l, err)
	}
	cases := []struct{ path, want string }{
		{dir + "/missing.geojson", "missing.geojson: no such file"},
		{dir, filepath.Base(dir) + ": not a regular file (a folder): only a regular file is read"},
	}
	if fifo := dir + "/pipe.geojson"; mkfifo(fifo) == nil {
		cases = append(cases, struct{ path, want string }{fifo, "pipe.geojson: not a regular file (a named pipe): only a regular file is read"})
	}
	for _, tc := range cases {
		done := make(chan error, 1)
		go func() { _, err := LoadUserLayer(context.Background(), tc.path, UserLayerOptions{}); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("%s: error %v, want %q", tc.path, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", tc.path)
		}
	}
	if _, err := LoadUserLayer(context.Background(), good, UserLayerOptions{MaxBytes: 10}); err == nil || !strings.Contains(err.Error(), "more than the 10 bytes a layer may have") {
		t.Errorf("over the limit: %v", err)
	}
}
