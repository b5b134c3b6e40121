package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// synthFeature is a feature of the synthetic source.
type synthFeature struct {
	geom  orb.Geometry
	props geojson.Properties
}

func square(lon, lat, size float64) orb.Polygon {
	return orb.Polygon{{{lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}, {lon, lat}}}
}

// writeSynthSource writes a tiny source tree with every file the generator reads. When reverse
// is set the features of each file are written in reverse order.
func writeSynthSource(t *testing.T, dir string, reverse bool) {
	t.Helper()
	antimeridianRing := orb.Polygon{{{175, 64}, {-175, 64}, {-175, 68}, {175, 68}, {175, 64}}}
	files := map[string][]synthFeature{
		"naturalearth/ne_50m_land.json": {
			{antimeridianRing, nil},
			{square(30, 50, 5), nil},
			{square(-100, 40, 5), nil}, // America: outside the theatre
		},
		"naturalearth/ne_10m_land.json": {
			{square(-175, 64, 4), nil}, // east of 180, split the Natural Earth way
			{square(176, 64, 4), nil},
		},
		"naturalearth/ne_50m_coastline.json": {{orb.LineString{{170, 66}, {-170, 66}}, nil}},
		"naturalearth/ne_10m_coastline.json": {{orb.LineString{{20, 55}, {21, 56}}, nil}},
		"naturalearth/ne_10m_lakes.json": {
			{square(33.5, 46.8, 1), geojson.Properties{"name": "Kakhovka Reservoir", "featurecla": "Reservoir", "year": 1956}},
			{square(42.1, 47.5, 1), geojson.Properties{"name": "Tsimlyansk Reservoir", "featurecla": "Reservoir", "year": 1952}},
			{square(31, 60, 1), geojson.Properties{"name": "Lake Ladoga", "featurecla": "Lake", "year": nil}},
			{square(30.8, 58.1, 0.5), geojson.Properties{"name": "Lake Il'Men'", "featurecla": "Reservoir", "year": 1926}},
			{square(40, 57, 0.5), geojson.Properties{"name": "Kostroma Reservoir", "featurecla": "Reservoir", "year": -99}},
			{square(59, 44, 1), geojson.Properties{"name": "Aral Sea", "featurecla": "Alkaline Lake"}},
		},
		"naturalearth/ne_10m_lakes_europe.json": {{square(25, 60, 0.2), geojson.Properties{"name": "Small Lake", "featurecla": "Lake"}}},
		"naturalearth/ne_10m_lakes_historic.json": {
			{square(58, 43, 3), geojson.Properties{"name": "Historic Aral Sea", "featurecla": "Historic Lake"}},
		},
		"naturalearth/ne_50m_lakes.json": {
			{square(33.6, 46.9, 0.8), geojson.Properties{"name": "Kakhovka Reservoir", "featurecla": "Reservoir"}},
			{square(42.2, 47.6, 0.8), geojson.Properties{"name": "Tsimlyansk Reservoir", "featurecla": "Reservoir"}},
		},
		"naturalearth/ne_50m_rivers_lake_centerlines.json": {
			{orb.LineString{{30, 58}, {31, 52}, {33, 47}}, geojson.Properties{"name": "Dnipro", "scalerank": 4}},
		},
		"naturalearth/ne_10m_rivers_lake_centerlines.json": {
			{orb.LineString{{30, 58}, {31, 52}, {33, 47}}, geojson.Properties{"name": "Dnepre", "scalerank": 4}},
			{orb.LineString{{24, 50}, {23.5, 51}, {22, 52.5}}, geojson.Properties{"name": "Bug", "scalerank": 8}},
			{orb.LineString{{98, 37}, {99, 38}}, geojson.Properties{"name": "Buh", "scalerank": 7}},
		},
		"naturalearth/ne_10m_rivers_europe.json": {
			{orb.LineString{{29, 55}, {29.5, 53}}, geojson.Properties{"name": "Byarezina", "scalerank": "10"}},
			{orb.LineString{{35, 55}, {35.5, 54}}, geojson.Properties{"name": nil, "scalerank": 12}},
		},
		"historical-basemaps/world_1938.geojson": {
			{square(30, 50, 20), geojson.Properties{"NAME": "USSR", "SUBJECTO": "USSR"}},
			{square(-170, -80, 20), geojson.Properties{"NAME": nil}},
		},
		"historical-basemaps/world_1945.geojson": {
			{square(20, 50, 20), geojson.Properties{"NAME": "USSR", "SUBJECTO": "USSR"}},
			{square(-180, 64, 10), geojson.Properties{"NAME": "USSR", "SUBJECTO": "USSR"}},
		},
	}
	for name, features := range files {
		fc := geojson.NewFeatureCollection()
		for i := range features {
			f := features[i]
			if reverse {
				f = features[len(features)-1-i]
			}
			gf := geojson.NewFeature(f.geom)
			if f.props != nil {
				gf.Properties = f.props
			}
			fc.Append(gf)
		}
		data, err := json.Marshal(fc)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readOut(t *testing.T, dir, file string) *geojson.FeatureCollection {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return fc
}

func namesOf(fc *geojson.FeatureCollection) map[string]geojson.Properties {
	m := map[string]geojson.Properties{}
	for _, f := range fc.Features {
		m[f.Properties.MustString("name", "")] = f.Properties
	}
	return m
}

func TestGeneratorOnSyntheticInput(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	writeSynthSource(t, src, false)
	m, err := run(src, out)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if got, want := len(m.Layers), 10; got != want {
		t.Fatalf("manifest has %d layers, want %d", got, want)
	}

	t.Run("reservoirs", func(t *testing.T) {
		for _, level := range []string{"50m", "10m"} {
			lakes := namesOf(readOut(t, out, "lakes-"+level+".geojson"))
			if _, ok := lakes["Kakhovka Reservoir"]; ok {
				t.Errorf("%s: Kakhovka Reservoir (1956) kept, want dropped", level)
			}
			tsim, ok := lakes["Tsimlyansk Reservoir"]
			if !ok {
				t.Errorf("%s: Tsimlyansk Reservoir (1952) dropped, want kept", level)
			} else if got := tsim.MustInt("year", 0); got != 1952 {
				t.Errorf("%s: Tsimlyansk year = %d, want 1952", level, got)
			}
		}
		lakes := namesOf(readOut(t, out, "lakes-10m.geojson"))
		for _, name := range []string{"Lake Ladoga", "Lake Il'Men'", "Small Lake", "Aral Sea"} {
			if _, ok := lakes[name]; !ok {
				t.Errorf("10m lakes: %q missing", name)
			}
		}
		if _, ok := lakes["Kostroma Reservoir"]; ok {
			t.Errorf("10m lakes: Kostroma Reservoir (unknown year) kept, want dropped")
		}
	})

	t.Run("historic Aral Sea replaces the modern one", func(t *testing.T) {
		for _, f := range readOut(t, out, "lakes-10m.geojson").Features {
			if f.Properties.MustString("name", "") == "Aral Sea" {
				if b := f.Geometry.Bound(); b.Min != (orb.Point{58, 43}) {
					t.Errorf("Aral Sea bound min = %v, want the historic outline's {58 43}", b.Min)
				}
			}
		}
	})

	t.Run("antimeridian", func(t *testing.T) {
		for _, file := range []string{"land-50m.geojson", "land-10m.geojson", "coast-50m.geojson", "borders-1945.geojson"} {
			fc := readOut(t, out, file)
			maxLon := -1000.0
			for _, f := range fc.Features {
				b := f.Geometry.Bound()
				if b.Min[0] < theatreBound.Min[0] || b.Max[0] > theatreBound.Max[0] {
					t.Errorf("%s: bound %v outside the theatre", file, b)
				}
				maxLon = max(maxLon, b.Max[0])
				// Every synthetic feature is at most 20° wide; a ring across 180° that was not
				// made continuous would span the whole map.
				if w := b.Max[0] - b.Min[0]; w > 20 {
					t.Errorf("%s: feature %v is %v° wide, want ≤ 20 (a band across the map?)", file, b, w)
				}
			}
			if maxLon <= 180 {
				t.Errorf("%s: max lon = %v, want the part east of 180° continued past 180", file, maxLon)
			}
		}
	})

	t.Run("rivers", func(t *testing.T) {
		rivers := namesOf(readOut(t, out, "rivers-10m.geojson"))
		for _, name := range []string{"Dnieper", "Western Bug", "Berezina", "Buh", ""} {
			if _, ok := rivers[name]; !ok {
				t.Errorf("10m rivers: %q missing (have %v)", name, rivers)
			}
		}
		if got := rivers["Dnieper"].MustInt("rank", 0); got != 1 {
			t.Errorf("Dnieper rank = %d, want 1", got)
		}
		rivers50 := namesOf(readOut(t, out, "rivers-50m.geojson"))
		for _, name := range []string{"Dnieper", "Western Bug", "Berezina"} {
			if _, ok := rivers50[name]; !ok {
				t.Errorf("50m rivers: major river %q missing", name)
			}
		}
	})

	t.Run("borders", func(t *testing.T) {
		fc := readOut(t, out, "borders-1938.geojson")
		east := false
		for _, f := range fc.Features {
			if name := f.Properties.MustString("name", ""); name != "USSR" {
				t.Errorf("borders-1938: feature %q, want only the named USSR", name)
			}
			east = east || f.Geometry.Bound().Min[0] >= 180
		}
		if !east {
			t.Errorf("borders-1938: no USSR part east of 180° taken from the 1945 snapshot")
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		src2, out2 := t.TempDir(), t.TempDir()
		writeSynthSource(t, src2, true)
		if _, err := run(src2, out2); err != nil {
			t.Fatal(err)
		}
		for _, l := range append(m.Layers, manifestLayer{File: "manifest.json"}) {
			a, _ := os.ReadFile(filepath.Join(out, l.File))
			b, _ := os.ReadFile(filepath.Join(out2, l.File))
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s: output differs when the input order is reversed (%d vs %d bytes)", l.File, len(a), len(b))
			}
		}
	})
}

func TestLakeDecision(t *testing.T) {
	for _, tc := range []struct {
		name, class string
		year        int
		keep        bool
		built       int
	}{
		{"Lake Ladoga", "Lake", 0, true, 0},
		{"Kakhovka Reservoir", "Reservoir", 1956, false, 0},
		{"Kremenchuk Reservoir", "Reservoir", 1959, false, 0},
		{"Samara Reservoir", "Reservoir", 1955, false, 0},
		{"Tsimlyansk Reservoir", "Reservoir", 1952, true, 1952},
		{"Rybinsk Reservoir", "Reservoir", 1941, true, 1941},
		{"Kostroma Reservoir", "Reservoir", -99, false, 0},
		{"Lake Imandra", "Reservoir", 1963, true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keep, built := lakeDecision(tc.name, tc.class, tc.year)
			if keep != tc.keep || built != tc.built {
				t.Errorf("lakeDecision(%q, %q, %d) = %v, %d; want %v, %d", tc.name, tc.class, tc.year, keep, built, tc.keep, tc.built)
			}
		})
	}
}

func TestRiverName(t *testing.T) {
	for _, tc := range []struct {
		in   string
		at   orb.Point
		want string
	}{
		{"Dnepre", orb.Point{32, 50}, "Dnieper"},
		{"Dnipro", orb.Point{32, 50}, "Dnieper"},
		{"Zakhidnyy Buh", orb.Point{24, 50}, "Western Bug"},
		{"Bug", orb.Point{23, 51}, "Western Bug"},
		{"Buh", orb.Point{99, 37.5}, "Buh"},
		{"Heilong Jiang", orb.Point{130, 50}, "Amur"},
		{"Svir’", orb.Point{33, 61}, "Svir"},
		{"Volga", orb.Point{45, 50}, "Volga"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := riverName(tc.in, orb.Bound{Min: tc.at, Max: tc.at}); got != tc.want {
				t.Errorf("riverName(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDensifyAndUnwrap(t *testing.T) {
	pts := []orb.Point{{179, 60}, {-179, 60}, {-178, 61}}
	unwrapPoints(pts)
	if want := []orb.Point{{179, 60}, {181, 60}, {182, 61}}; !orb.LineString(pts).Equal(orb.LineString(want)) {
		t.Errorf("unwrapPoints = %v, want %v", pts, want)
	}
	d := densify([]orb.Point{{0, 25}, {2, 25}})
	if len(d) != 5 || d[2] != (orb.Point{1, 25}) {
		t.Errorf("densify of a 2° segment = %v, want 5 points 0.5° apart", d)
	}
}

// TestAssetsUpToDate regenerates the layers from the reference data and compares them with
// assets/map byte for byte. It is skipped in -short mode and where the reference data is not
// present (it is not part of the repository).
func TestAssetsUpToDate(t *testing.T) {
	const src = "../../../shared/data" // the shared folder beside the project checkout
	if testing.Short() {
		t.Skip("slow: regenerates every layer (about 5 s)")
	}
	if _, err := os.Stat(filepath.Join(src, "naturalearth")); err != nil {
		t.Skipf("reference data not present: %v", err)
	}
	out := t.TempDir()
	m, err := run(src, out)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range append(m.Layers, manifestLayer{File: "manifest.json"}) {
		got, _ := os.ReadFile(filepath.Join(out, l.File))
		committed, err := os.ReadFile(filepath.Join("../../assets/map", l.File))
		if err != nil || !bytes.Equal(got, committed) {
			t.Errorf("assets/map/%s differs from the generator's output (rerun go run ./tools/geodata): %v", l.File, err)
		}
	}
}
