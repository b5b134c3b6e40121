package main

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// riverNames maps Natural Earth river names (native, transliterated or modern) to the English
// names used in the period's English-language sources.
var riverNames = map[string]string{
	"Dnepre":          "Dnieper",
	"Dnipro":          "Dnieper",
	"Dnepr":           "Dnieper",
	"Zakhidnyy Buh":   "Western Bug",
	"Byarezina":       "Berezina",
	"Prypyat":         "Pripyat",
	"Donau":           "Danube",
	"Soroksari Duna":  "Danube",
	"Heilong Jiang":   "Amur",
	"Svir’":           "Svir",
	"Severnaya Dvina": "Northern Dvina",
	"Seversky Donets": "Donets",
	"Songhua":         "Sungari",
	"Wusuli":          "Ussuri",
	"Wisla":           "Vistula",
	"Odra":            "Oder",
	"Nemunas":         "Neman",
	"Dnestr":          "Dniester",
	"Nistru":          "Dniester",
}

// westernBugArea is where "Bug"/"Buh" means the Western Bug (elsewhere "Buh" is a river in
// China and the Southern Bug is named in full).
var westernBugArea = orb.Bound{Min: orb.Point{18, 48}, Max: orb.Point{27, 54}}

// majorRivers are the rivers the app must show and label at every level, with their label
// rank (1 first). Other named rivers get ranks 3–5 from Natural Earth's scalerank.
var majorRivers = map[string]int{
	"Volga": 1, "Don": 1, "Dnieper": 1, "Danube": 1, "Vistula": 1, "Oder": 1, "Amur": 1,
	"Neva": 2, "Western Bug": 2, "Berezina": 2, "Pripyat": 2, "Elbe": 2, "Neman": 2,
	"Daugava": 2, "Dniester": 2, "Volkhov": 2, "Svir": 2,
}

// riverName normalises a Natural Earth river name; b is the feature's bound.
func riverName(name string, b orb.Bound) string {
	if n, ok := riverNames[name]; ok {
		return n
	}
	if (name == "Bug" || name == "Buh") && westernBugArea.Contains(b.Center()) {
		return "Western Bug"
	}
	return name
}

// riverRank is the labelling rank of a river: 1–2 for majorRivers, 3 for scalerank ≤ 5, 4 for
// scalerank ≤ 8, 5 otherwise and for unnamed rivers.
func riverRank(name string, scalerank float64, hasRank bool) int {
	if r, ok := majorRivers[name]; ok {
		return r
	}
	switch {
	case name == "" || !hasRank:
		return 5
	case scalerank <= 5:
		return 3
	case scalerank <= 8:
		return 4
	}
	return 5
}

// riverFeature is a river from a source file with its normalised name.
type riverFeature struct {
	name string
	rank int
	geom orb.Geometry
}

func readRivers(src, file string) ([]riverFeature, error) {
	fc, err := readCollection(src, file)
	if err != nil {
		return nil, err
	}
	var out []riverFeature
	for _, f := range fc.Features {
		if f.Geometry == nil {
			continue
		}
		name := riverName(propString(f.Properties, "name"), f.Geometry.Bound())
		sr, ok := propNumber(f.Properties, "scalerank")
		out = append(out, riverFeature{name, riverRank(name, sr, ok), f.Geometry})
	}
	return out, nil
}

// buildRivers derives the rivers layer of one level with properties "name" (normalised,
// possibly empty) and "rank". At 50m it is Natural Earth's 50m rivers plus, from the 10m
// files, every major river the 50m file lacks (Western Bug, Berezina, Pripyat, Neman,
// Volkhov). At 10m it is the 10m rivers and lake centrelines plus the European supplement.
// A river may be split into several features; labellers should group by name.
func buildRivers(src string, lv levelSpec) ([]outFeature, error) {
	centre10, err := readRivers(src, "naturalearth/ne_10m_rivers_lake_centerlines.json")
	if err != nil {
		return nil, err
	}
	europe10, err := readRivers(src, "naturalearth/ne_10m_rivers_europe.json")
	if err != nil {
		return nil, err
	}
	var rivers []riverFeature
	if lv.name == "50m" {
		base, err := readRivers(src, "naturalearth/ne_50m_rivers_lake_centerlines.json")
		if err != nil {
			return nil, err
		}
		have := map[string]bool{}
		for _, r := range base {
			have[r.name] = true
		}
		rivers = base
		for _, r := range append(centre10, europe10...) {
			if _, major := majorRivers[r.name]; major && !have[r.name] {
				rivers = append(rivers, r)
			}
		}
	} else {
		rivers = append(centre10, europe10...)
	}
	var out []outFeature
	for _, r := range rivers {
		props := geojson.Properties{"rank": r.rank}
		if r.name != "" {
			props["name"] = r.name
		}
		out = appendLines(out, r.geom, lv, props)
	}
	return out, nil
}
