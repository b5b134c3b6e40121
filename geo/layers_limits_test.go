package geo

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/paulmach/orb"
)

// layerFS makes a base map of the given layer files (name → GeoJSON features), listed in a
// manifest in the order given.
func layerFS(layers ...[2]string) fstest.MapFS {
	m := fstest.MapFS{}
	var list []string
	for _, l := range layers {
		file := l[0]
		name, level, _ := strings.Cut(strings.TrimSuffix(file, ".geojson"), "-")
		list = append(list, `{"name": "`+name+`", "level": "`+level+`", "file": "`+file+`"}`)
		m[file] = &fstest.MapFile{Data: []byte(`{"type": "FeatureCollection", "features": [` + l[1] + `]}`)}
	}
	m["manifest.json"] = &fstest.MapFile{Data: []byte(`{"layers": [` + strings.Join(list, ",") + `]}`)}
	return m
}

func polygonFeature(coords string) string {
	return `{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": ` + coords + `}}`
}

// A ring across the antimeridian loads the same whether written 170 → 190 (continuing past
// 180°) or 170 → -170 (RFC 7946 longitudes), and so does a piece cut at 180° and written
// west of it.
func TestAntimeridianFormsLoadAlike(t *testing.T) {
	want := orb.Ring{{170, 65}, {190, 65}, {190, 70}, {170, 70}, {170, 65}}
	for _, tc := range []struct{ name, coords string }{
		{"continued past 180", `[[[170, 65], [190, 65], [190, 70], [170, 70], [170, 65]]]`},
		{"wrapped to -170", `[[[170, 65], [-170, 65], [-170, 70], [170, 70], [170, 65]]]`},
		{"starting west of 180", `[[[-170, 65], [-170, 70], [170, 70], [170, 65], [-170, 65]]]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := LoadBaseMap(layerFS([2]string{"land-50m.geojson", polygonFeature(tc.coords)}))
			if err != nil {
				t.Fatal(err)
			}
			land := m.Levels[BaseMapLevel50m].Land
			if len(land) != 1 {
				t.Fatalf("got %d land areas, want 1", len(land))
			}
			got := land[0].Shape[0][0]
			if b, w := got.Bound(), want.Bound(); b != w {
				t.Errorf("ring spans %v, want %v", b, w)
			}
		})
	}
	// A piece wholly west of 180° (Chukotka's tip in a file cut at the antimeridian) moves east.
	m, err := LoadBaseMap(layerFS([2]string{"land-50m.geojson", polygonFeature(`[[[-180, 65], [-170, 65], [-170, 68], [-180, 68], [-180, 65]]]`)}))
	if err != nil {
		t.Fatal(err)
	}
	if b := m.Levels[BaseMapLevel50m].Land[0].Shape.Bound(); b.Min[0] != 180 || b.Max[0] != 190 {
		t.Errorf("the cut piece spans %v, want 180 to 190", b)
	}
	// A ring that goes round the pole, and one outside the map, are refused with the point.
	_, err = LoadBaseMap(layerFS([2]string{"land-50m.geojson",
		polygonFeature(`[[[0, 85], [120, 85], [-120, 85], [0, 85]]]`) + "," +
			polygonFeature(`[[[-100, 40], [-90, 40], [-90, 45], [-100, 40]]]`)}))
	for _, want := range []string{
		"land-50m.geojson: feature 0: geometry: polygon 0 ring 0: the ring goes round a pole",
		"land-50m.geojson: feature 1: geometry: polygon 0 ring 0: point 0: [-100 40] outside the map's longitudes (-13 to 192)",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
}

// An empty polygon and a ring that crosses itself load with a warning naming the file, the
// feature and the ring; the empty one is left out, the crossing one drawn.
func TestLayerWarnings(t *testing.T) {
	bowtie := `[[[30, 50], [35, 55], [35, 50], [30, 55], [30, 50]]]`
	square := `[[[40, 50], [45, 50], [45, 55], [40, 55], [40, 50]]]`
	m, err := LoadBaseMap(layerFS([2]string{"land-50m.geojson", strings.Join([]string{
		polygonFeature(`[]`),
		polygonFeature(bowtie),
		`{"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": []}}`,
		`{"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [` + square + `, []]}}`,
		polygonFeature(square),
	}, ",")}))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(m.Warnings, "\n")
	for _, want := range []string{
		"land-50m.geojson: feature 0: geometry: empty Polygon: nothing to draw, left out",
		"land-50m.geojson: feature 1: geometry: polygon 0 ring 0 crosses itself near 32.5000, 52.5000: it may be filled wrongly",
		"land-50m.geojson: feature 2: geometry: empty MultiPolygon: nothing to draw, left out",
		"land-50m.geojson: feature 3: geometry: polygon 1 empty, left out",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if len(m.Warnings) != 4 {
		t.Errorf("%d warnings, want 4 (none for the sound square):\n%s", len(m.Warnings), got)
	}
	if n := len(m.Levels[BaseMapLevel50m].Land); n != 3 {
		t.Errorf("%d land areas, want 3: the bow-tie, the square of feature 3 and feature 4", n)
	}
}

// Rings that only touch themselves at a vertex, or run along themselves, are not crossings.
func TestRingCrossingIgnoresTouches(t *testing.T) {
	ld := &bmLoader{rings: bmCrossingBudget}
	for _, tc := range []struct {
		name  string
		ring  orb.Ring
		cross bool
	}{
		{"square", orb.Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, false},
		{"bow-tie", orb.Ring{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}, true},
		{"figure eight touching at a vertex", orb.Ring{{0, 0}, {1, 1}, {2, 0}, {2, 2}, {1, 1}, {0, 2}, {0, 0}}, false},
		{"spike back along an edge", orb.Ring{{0, 0}, {2, 0}, {1, 0}, {1, 1}, {0, 0}}, false},
	} {
		if _, got := ld.ringCrossing(tc.ring); got != tc.cross {
			t.Errorf("%s: crossing %v, want %v", tc.name, got, tc.cross)
		}
	}
	// A star of long spokes defeats the grid: every pair is compared, within the budget.
	var star orb.Ring
	for i := range 200 {
		r := 1.0
		if i%2 == 1 {
			r = 0.1
		}
		a := float64(i) / 200 * 2 * 3.141592653589793
		star = append(star, orb.Point{r * cos(a), r * sin(a)})
	}
	star = append(star, star[0])
	if _, got := ld.ringCrossing(star); got {
		t.Error("a simple star crosses itself")
	}
	star[3], star[5] = star[5], star[3]
	if _, got := ld.ringCrossing(star); !got {
		t.Error("a star with two points swapped does not cross itself")
	}
}

// Every problem of both levels is reported at once: LoadMapData waits for the 1:10m level.
func TestLoadMapDataReportsBothLevels(t *testing.T) {
	base := layerFS(
		[2]string{"land-50m.geojson", polygonFeature(`[[[30, 50], [35, 50], [30, 50]]]`)},
		[2]string{"land-10m.geojson", polygonFeature(`[[[30, 50], [35, 50], [30, 50]]]`)},
	)
	md, err := LoadMapData(base, nil, nil)
	for _, want := range []string{"land-50m.geojson: feature 0: geometry", "land-10m.geojson: feature 0: geometry"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
	if md == nil || md.BaseMap() == nil {
		t.Fatal("no map data returned with the errors")
	}
	// The manifest's own problem is reported once, not once per level.
	delete(base, "manifest.json")
	_, err = LoadMapData(base, nil, nil)
	n := 0
	for _, line := range strings.Split(err.Error(), "\n") {
		if strings.Contains(line, "manifest.json") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the missing manifest is reported %d times:\n%v", n, err)
	}
}

// A manifest listing too many layers is cut at the limit, with a message.
func TestManifestLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"layers": [`)
	for i := range MaxLayers + 1 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"name": "land", "level": "50m", "file": "land-50m.geojson"}`)
	}
	b.WriteString("]}")
	layers, err := ReadManifest(fstest.MapFS{"manifest.json": {Data: []byte(b.String())}})
	if len(layers) != MaxLayers || err == nil || !strings.Contains(err.Error(), "101 layers, more than the limit of 100") {
		t.Errorf("got %d layers and %v", len(layers), err)
	}
}

func cos(a float64) float64 { return math.Cos(a) }
func sin(a float64) float64 { return math.Sin(a) }
