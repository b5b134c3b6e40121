package geo

import (
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// MapLabelKind says what a map label names; the UI styles each kind differently.
type MapLabelKind int

// Kinds of map label.
const (
	MapLabelCountry MapLabelKind = iota // a state of the border snapshot shown: upper case, grey
	MapLabelSea                         // a sea or gulf: italic, blue
	MapLabelRiver                       // a river: italic, blue, smaller
	MapLabelUser                        // a feature of one of the user's GeoJSON layers
)

// MapLabel is a name written on the map itself rather than beside a marker, centred on a point.
type MapLabel struct {
	Text     string
	Kind     MapLabelKind
	Lon, Lat float64 // degrees, where the label is centred
	// Rank from 1 (always worth showing) to 5; the map shows higher ranks only zoomed in.
	Rank int
}

// SeaLabels names the seas, gulfs and great lakes of the theatre, with a point inside each.
var SeaLabels = []MapLabel{
	{"Baltic Sea", MapLabelSea, 19.0, 56.5, 1},
	{"Black Sea", MapLabelSea, 34.0, 43.3, 1},
	{"Caspian Sea", MapLabelSea, 50.8, 41.8, 1},
	{"Barents Sea", MapLabelSea, 40.0, 72.5, 1},
	{"North Sea", MapLabelSea, 3.5, 56.0, 1},
	{"Mediterranean Sea", MapLabelSea, 18.0, 35.0, 1},
	{"Sea of Japan", MapLabelSea, 134.5, 40.5, 1},
	{"Sea of Okhotsk", MapLabelSea, 148.0, 54.0, 1},
	{"Norwegian Sea", MapLabelSea, 4.0, 67.0, 2},
	{"Kara Sea", MapLabelSea, 70.0, 75.0, 2},
	{"White Sea", MapLabelSea, 38.5, 65.6, 2},
	{"Sea of Azov", MapLabelSea, 36.6, 46.0, 2},
	{"Aral Sea", MapLabelSea, 59.8, 45.2, 2},
	{"Gulf of Finland", MapLabelSea, 26.5, 59.8, 3},
	{"Gulf of Bothnia", MapLabelSea, 20.5, 62.5, 2},
	{"Gulf of Riga", MapLabelSea, 23.4, 57.6, 3},
	{"Adriatic Sea", MapLabelSea, 15.5, 42.8, 2},
	{"Aegean Sea", MapLabelSea, 25.0, 38.8, 2},
	{"Yellow Sea", MapLabelSea, 123.5, 36.0, 2},
	{"Bering Sea", MapLabelSea, 180.0, 58.0, 2},
	{"Laptev Sea", MapLabelSea, 125.0, 76.0, 2},
	{"East Siberian Sea", MapLabelSea, 160.0, 73.5, 2},
	{"Lake Ladoga", MapLabelSea, 31.5, 60.9, 3},
	{"Lake Onega", MapLabelSea, 35.4, 61.7, 3},
	{"Lake Baikal", MapLabelSea, 108.0, 53.5, 2},
}

// countryLabelCache keeps the labels of each border snapshot, computed once.
type countryLabelCache struct {
	once   sync.Map // snapshot → *sync.Once
	labels sync.Map // snapshot → []MapLabel
}

// CountryLabels returns a label for each state of the border snapshot shown at t, centred on
// its largest polygon and ranked by area (large states first), named as on that date (see
// countryLabelRules: "Korea (Japan)" until August 1945, not the snapshot's "Korea (USSR)").
// The result is shared.
func (m *MapData) CountryLabels(t time.Time) []MapLabel {
	snap := BordersFor(t)
	o, _ := m.countries.once.LoadOrStore(snap, &sync.Once{})
	o.(*sync.Once).Do(func() {
		m.countries.labels.Store(snap, countryLabels(m.BaseMap().Borders[snap]))
	})
	key := fmt.Sprintf("dated/%s/%d", snap, countryLabelEpoch(snap, t))
	if v, ok := m.countries.labels.Load(key); ok {
		return v.([]MapLabel)
	}
	v, _ := m.countries.labels.Load(snap)
	base, _ := v.([]MapLabel)
	ls := datedCountryLabels(snap, base, t)
	m.countries.labels.Store(key, ls)
	return ls
}

func countryLabels(areas []BaseMapArea) []MapLabel {
	type best struct {
		poly orb.Polygon
		area float64
	}
	byName := map[string]*best{}
	var names []string
	for _, a := range areas {
		if a.Name == "" {
			continue
		}
		for _, p := range a.Shape {
			ar := math.Abs(planar.Area(p))
			b := byName[a.Name]
			if b == nil {
				b = &best{}
				byName[a.Name] = b
				names = append(names, a.Name)
			}
			if ar > b.area {
				b.poly, b.area = p, ar
			}
		}
	}
	sort.Strings(names)
	var out []MapLabel
	for _, n := range names {
		b := byName[n]
		c, _ := planar.CentroidArea(b.poly)
		if !planar.PolygonContains(b.poly, c) && len(b.poly) > 0 && len(b.poly[0]) > 0 {
			c = b.poly.Bound().Center() // a crescent: fall back to the middle of its box
		}
		rank := 3
		switch {
		case b.area > 150:
			rank = 1
		case b.area > 12:
			rank = 2
		case b.area < 1:
			rank = 4
		}
		out = append(out, MapLabel{Text: n, Kind: MapLabelCountry, Lon: c[0], Lat: c[1], Rank: rank})
	}
	return out
}

// RiverLabels returns one label per named river of a detail level, at the middle of its longest
// stretch, ranked as the river (1–5). The result is shared.
func (m *MapData) RiverLabels(detail string) []MapLabel {
	bm := m.BaseMap()
	if detail == Detail10m && bm.Levels[Detail10m] == nil {
		detail = Detail50m
	}
	key := "rivers/" + detail
	if v, ok := m.countries.labels.Load(key); ok {
		return v.([]MapLabel)
	}
	lv := bm.Levels[detail]
	if lv == nil {
		return nil
	}
	type best struct {
		line orb.LineString
		n    int
		rank int
	}
	byName := map[string]*best{}
	var names []string
	for _, r := range lv.Rivers {
		if r.Name == "" {
			continue
		}
		for _, ls := range r.Path {
			b := byName[r.Name]
			if b == nil {
				b = &best{rank: r.Rank}
				byName[r.Name] = b
				names = append(names, r.Name)
			}
			if len(ls) > b.n {
				b.line, b.n = ls, len(ls)
			}
			b.rank = min(b.rank, r.Rank)
		}
	}
	sort.Strings(names)
	var out []MapLabel
	for _, n := range names {
		b := byName[n]
		if len(b.line) == 0 {
			continue
		}
		p := b.line[len(b.line)/2]
		out = append(out, MapLabel{Text: n, Kind: MapLabelRiver, Lon: p[0], Lat: p[1], Rank: b.rank})
	}
	m.countries.labels.Store(key, out)
	return out
}
