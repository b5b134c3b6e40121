package main

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// lastYear is the last year the app shows (its timeline runs 1936–1953).
const lastYear = 1953

// naturalLakes are Natural Earth "Reservoir" features that were natural lakes before their dam
// (the dam only raised them), so they belong on a map of 1936–1953. Their outline is the
// modern, regulated one.
var naturalLakes = map[string]bool{
	"Lake Il'Men'":     true, // Ilmen, regulated by the Volkhov dam (1926)
	"Ozero Kubenskoye": true,
	"Lake Imandra":     true,
	"Lake Kovdozero":   true,
	"Oulujarvi":        true,
	"Kemijarvi":        true,
	"Umbozero Lake":    true,
	"Koitere":          true,
	"Rikkavesi":        true,
	"Ondozero":         true,
	"Lake Zaysan":      true,
	"Mhisa":            true, // Mjøsa
	"Stora Lulevatten": true,
	"Akkajaure":        true,
	"Mask (Lough)":     true,
	"Storsjen":         true,
	"Lundevatnet":      true,
}

// lakeDecision says whether a lake feature belongs on the 1936–1953 map. Lakes and alkaline
// lakes are kept. A reservoir is kept when it is in naturalLakes (built 0), or when its
// Natural Earth year (the dam's year) is 1953 or earlier (built = that year, so the app can
// hide it before then: Rybinsk 1941, Tsimlyansk 1952, Mingachevir 1953); a reservoir of a later
// or unknown year is dropped (Kakhovka 1956, Kremenchuk 1959, Kuibyshev/Samara 1955, ...).
func lakeDecision(name, class string, year int) (keep bool, built int) {
	if class != "Reservoir" {
		return true, 0
	}
	if naturalLakes[name] {
		return true, 0
	}
	if year > 0 && year <= lastYear {
		return true, year
	}
	return false, 0
}

// reservoirYears indexes the 10m reservoirs by bound, to date the 50m ones (which carry no
// year): a 50m reservoir takes the year of the 10m reservoir whose bound contains its centre.
type reservoirYears []struct {
	bound orb.Bound
	year  int
}

func newReservoirYears(lakes10 *geojson.FeatureCollection) reservoirYears {
	var ry reservoirYears
	for _, f := range lakes10.Features {
		if propString(f.Properties, "featurecla") != "Reservoir" || f.Geometry == nil {
			continue
		}
		y, _ := propNumber(f.Properties, "year")
		ry = append(ry, struct {
			bound orb.Bound
			year  int
		}{f.Geometry.Bound(), int(y)})
	}
	return ry
}

func (ry reservoirYears) yearAt(p orb.Point) int {
	for _, r := range ry {
		if r.bound.Contains(p) {
			return r.year
		}
	}
	return 0
}

// buildLakes derives the lakes layer of one level: Natural Earth lakes (at 10m also the
// European supplement) without post-war reservoirs, with the modern Aral Sea replaced by
// Natural Earth's historic (late 1950s) outline. Properties: "name" when known, "year" for
// reservoirs (first year shown).
func buildLakes(src string, lv levelSpec) ([]outFeature, error) {
	lakes10, err := readCollection(src, "naturalearth/ne_10m_lakes.json")
	if err != nil {
		return nil, err
	}
	hist, err := readCollection(src, "naturalearth/ne_10m_lakes_historic.json")
	if err != nil {
		return nil, err
	}
	var sources []*geojson.FeatureCollection
	var ry reservoirYears
	if lv.name == "50m" {
		fc, err := readCollection(src, "naturalearth/ne_50m_lakes.json")
		if err != nil {
			return nil, err
		}
		sources = []*geojson.FeatureCollection{fc}
		ry = newReservoirYears(lakes10)
	} else {
		eu, err := readCollection(src, "naturalearth/ne_10m_lakes_europe.json")
		if err != nil {
			return nil, err
		}
		sources = []*geojson.FeatureCollection{lakes10, eu}
	}
	var out []outFeature
	for _, fc := range sources {
		for _, f := range fc.Features {
			name := propString(f.Properties, "name")
			if name == "Aral Sea" || f.Geometry == nil {
				continue // replaced by the historic outline below
			}
			class := propString(f.Properties, "featurecla")
			y, _ := propNumber(f.Properties, "year")
			year := int(y)
			if ry != nil && class == "Reservoir" {
				year = ry.yearAt(f.Geometry.Bound().Center())
			}
			keep, built := lakeDecision(name, class, year)
			if !keep {
				continue
			}
			out = appendArea(out, f.Geometry, lv, lakeProps(name, built))
		}
	}
	for _, f := range hist.Features {
		if propString(f.Properties, "name") == "Historic Aral Sea" {
			out = appendArea(out, f.Geometry, lv, lakeProps("Aral Sea", 0))
		}
	}
	return out, nil
}

func lakeProps(name string, built int) geojson.Properties {
	p := geojson.Properties{}
	if name != "" {
		p["name"] = name
	}
	if built > 0 {
		p["year"] = built
	}
	return p
}

// appendArea prepares g for the level and appends it as one feature if anything is left.
func appendArea(out []outFeature, g orb.Geometry, lv levelSpec, props geojson.Properties) []outFeature {
	mp := prepPolygons(asMultiPolygon(g), lv)
	if len(mp) == 0 {
		return out
	}
	return append(out, outFeature{geom: mp, props: props})
}

// appendLines is appendArea for lines.
func appendLines(out []outFeature, g orb.Geometry, lv levelSpec, props geojson.Properties) []outFeature {
	mls := prepLines(asMultiLineString(g), lv)
	if len(mls) == 0 {
		return out
	}
	return append(out, outFeature{geom: mls, props: props})
}
