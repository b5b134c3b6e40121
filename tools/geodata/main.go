// Command geodata derives the base-map layers embedded in assets/map from the reference data
// (Natural Earth and historical-basemaps, see docs/credits.md):
//
//	go run ./tools/geodata [-src ../shared/data] [-out assets/map]
//
// It clips every layer to the theatre (lon -12..191, lat 25..82; east of 180° longitudes
// continue, so Chukotka is one piece), simplifies it (Douglas–Peucker, a tolerance per level),
// rounds coordinates to 4 decimals and writes one GeoJSON FeatureCollection per layer and level
// plus manifest.json. The output is deterministic: the same input gives the same bytes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Source descriptions and licences written into the manifest.
const (
	neSource  = "Natural Earth vector 4.x, GeoJSON from github.com/martynafford/natural-earth-geojson@0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e"
	neLicence = "CC0-1.0 (public domain)"
	hbSource  = "historical-basemaps, github.com/aourednik/historical-basemaps@137f2c6acf71a0e50c6b799d0d5bc9d985adfa90"
	hbLicence = "GPL-3.0"
)

// Levels of detail: 50m for the whole theatre, 10m for close zoom. Tolerances are degrees
// (0.01° ≈ 1.1 km, 0.002° ≈ 220 m of latitude).
var (
	level50 = levelSpec{name: "50m", tolerance: 0.01, decimals: 4, bound: theatreBound}
	level10 = levelSpec{name: "10m", tolerance: 0.002, decimals: 4, bound: theatreBound}
	// levelBorders is used for the historical borders, which are coarse already.
	levelBorders = levelSpec{name: "borders", tolerance: 0.01, decimals: 4, bound: theatreBound}
)

// manifestLayer describes one generated file in manifest.json.
type manifestLayer struct {
	Name     string `json:"name"`  // land, coast, lakes, rivers, borders
	Level    string `json:"level"` // 50m, 10m, or the borders' year
	File     string `json:"file"`
	Source   string `json:"source"`
	Licence  string `json:"licence"`
	Features int    `json:"features"`
	Bytes    int    `json:"bytes"`
}

// manifest is the content of manifest.json.
type manifest struct {
	Generator string          `json:"generator"`
	Bound     [4]float64      `json:"bound"` // lon min, lat min, lon max, lat max (degrees)
	Layers    []manifestLayer `json:"layers"`
}

// layerJob is one layer to build.
type layerJob struct {
	name, level, source, licence string
	build                        func() ([]outFeature, error)
}

func main() {
	src := flag.String("src", "../shared/data", "folder with naturalearth/ and historical-basemaps/")
	out := flag.String("out", "assets/map", "folder to write the layers and manifest.json into")
	flag.Parse()
	m, err := run(*src, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	total := 0
	for _, l := range m.Layers {
		fmt.Printf("%-22s %6d features %10d bytes\n", l.File, l.Features, l.Bytes)
		total += l.Bytes
	}
	fmt.Printf("%-22s %6s          %10d bytes\n", "total", "", total)
}

// jobs lists every layer built from src.
func jobs(src string) []layerJob {
	var js []layerJob
	for _, lv := range []levelSpec{level50, level10} {
		js = append(js,
			layerJob{"land", lv.name, neSource + " ne_" + lv.name + "_land", neLicence,
				func() ([]outFeature, error) {
					return buildPlain(src, "naturalearth/ne_"+lv.name+"_land.json", lv, true)
				}},
			layerJob{"coast", lv.name, neSource + " ne_" + lv.name + "_coastline", neLicence,
				func() ([]outFeature, error) {
					return buildPlain(src, "naturalearth/ne_"+lv.name+"_coastline.json", lv, false)
				}},
			layerJob{"lakes", lv.name, neSource + " ne_" + lv.name + "_lakes, ne_10m_lakes_historic (Aral Sea)", neLicence,
				func() ([]outFeature, error) { return buildLakes(src, lv) }},
			layerJob{"rivers", lv.name, neSource + " ne_" + lv.name + "_rivers_lake_centerlines, ne_10m_rivers_europe", neLicence,
				func() ([]outFeature, error) { return buildRivers(src, lv) }},
		)
	}
	for _, year := range []string{"1938", "1945"} {
		js = append(js, layerJob{"borders", year, hbSource + " world_" + year, hbLicence,
			func() ([]outFeature, error) { return buildBorders(src, year) }})
	}
	return js
}

// run builds every layer from src and writes them and manifest.json into out.
func run(src, out string) (*manifest, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("geodata: %w", err)
	}
	b := theatreBound
	m := &manifest{Generator: "go run ./tools/geodata", Bound: [4]float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]}}
	for _, j := range jobs(src) {
		features, err := j.build()
		if err != nil {
			return nil, fmt.Errorf("geodata: layer %s-%s: %w", j.name, j.level, err)
		}
		data, err := encodeLayer(features)
		if err != nil {
			return nil, fmt.Errorf("geodata: layer %s-%s: %w", j.name, j.level, err)
		}
		file := j.name + "-" + j.level + ".geojson"
		if err := os.WriteFile(filepath.Join(out, file), data, 0o644); err != nil {
			return nil, fmt.Errorf("geodata: %w", err)
		}
		m.Layers = append(m.Layers, manifestLayer{j.name, j.level, file, j.source, j.licence, len(features), len(data)})
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("geodata: manifest: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "manifest.json"), append(data, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("geodata: %w", err)
	}
	return m, nil
}

// buildPlain derives a layer without properties (land or coastline) from one file.
func buildPlain(src, file string, lv levelSpec, areas bool) ([]outFeature, error) {
	fc, err := readCollection(src, file)
	if err != nil {
		return nil, err
	}
	var out []outFeature
	for _, f := range fc.Features {
		if f.Geometry == nil {
			continue
		}
		if areas {
			out = appendArea(out, f.Geometry, lv, nil)
		} else {
			out = appendLines(out, f.Geometry, lv, nil)
		}
	}
	return out, nil
}

// bordersDropped are features of a snapshot left out, with the reason (see docs/credits.md).
var bordersDropped = map[string]map[string]string{
	"1938": {"Israel": "duplicate of Mandatory Palestine (GB); the State of Israel was founded in 1948"},
}

// buildBorders derives the period-borders layer of one snapshot year: the historical-basemaps
// countries that have a NAME, with properties "name" and, when it differs, "subject_of"
// (SUBJECTO: the state a colony or protectorate belonged to). world_1938 has no USSR east of
// 180° (eastern Chukotka), so the 1938 layer takes that part from world_1945: the border there
// did not change.
func buildBorders(src, year string) ([]outFeature, error) {
	fc, err := readCollection(src, "historical-basemaps/world_"+year+".geojson")
	if err != nil {
		return nil, err
	}
	var out []outFeature
	for _, f := range fc.Features {
		name := propString(f.Properties, "NAME")
		if name == "" || f.Geometry == nil || bordersDropped[year][name] != "" {
			continue
		}
		props := geojson.Properties{"name": name}
		if s := propString(f.Properties, "SUBJECTO"); s != "" && s != name {
			props["subject_of"] = s
		}
		out = appendArea(out, f.Geometry, levelBorders, props)
	}
	if year != "1938" {
		return out, nil
	}
	later, err := buildBorders(src, "1945")
	if err != nil {
		return nil, err
	}
	for _, f := range later {
		if propString(f.props, "name") != "USSR" {
			continue
		}
		var east orb.MultiPolygon
		for _, p := range f.geom.(orb.MultiPolygon) {
			if p.Bound().Min[0] >= 180 {
				east = append(east, p)
			}
		}
		if len(east) > 0 {
			out = append(out, outFeature{geom: east, props: geojson.Properties{"name": "USSR"}})
		}
	}
	return out, nil
}
