package geo

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"frontline-atlas/assets"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func TestBordersFor(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	for _, tc := range []struct {
		name string
		day  time.Time
		want string
	}{
		{"1936, before the first snapshot", time.Date(1936, 1, 1, 0, 0, 0, 0, time.UTC), Borders1938},
		{"invasion of Poland", time.Date(1939, 9, 1, 0, 0, 0, 0, time.UTC), Borders1938},
		{"Berlin surrender in Moscow's zone, late on 8 May", time.Date(1945, 5, 8, 23, 30, 0, 0, msk), Borders1938},
		{"Victory Day", time.Date(1945, 5, 9, 0, 0, 0, 0, time.UTC), Borders1945},
		{"Victory Day, early in Moscow", time.Date(1945, 5, 9, 0, 30, 0, 0, msk), Borders1945},
		{"Stalin's death", time.Date(1953, 3, 5, 0, 0, 0, 0, time.UTC), Borders1945},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := BordersFor(tc.day); got != tc.want {
				t.Errorf("BordersFor(%v) = %q, want %q", tc.day, got, tc.want)
			}
		})
	}
}

var (
	embeddedBaseMapOnce sync.Once
	embeddedBaseMap     *BaseMap
	embeddedBaseMapErr  error
)

// loadEmbeddedBaseMap loads assets.Map() once for all tests (it takes about a second).
func loadEmbeddedBaseMap(t *testing.T) *BaseMap {
	t.Helper()
	embeddedBaseMapOnce.Do(func() { embeddedBaseMap, embeddedBaseMapErr = LoadBaseMap(assets.Map()) })
	if embeddedBaseMapErr != nil {
		t.Fatalf("LoadBaseMap(assets.Map()) errors:\n%v", embeddedBaseMapErr)
	}
	return embeddedBaseMap
}

func TestEmbeddedBaseMapLoads(t *testing.T) {
	m := loadEmbeddedBaseMap(t)
	for _, level := range []string{BaseMapLevel50m, BaseMapLevel10m} {
		lv := m.Levels[level]
		if lv == nil {
			t.Fatalf("level %s missing", level)
		}
		for name, n := range map[string]int{"land": len(lv.Land), "coast": len(lv.Coast), "lakes": len(lv.Lakes), "rivers": len(lv.Rivers)} {
			if n == 0 {
				t.Errorf("%s-%s: no features", name, level)
			}
		}
	}
	for _, y := range []string{Borders1938, Borders1945} {
		if len(m.Borders[y]) == 0 {
			t.Errorf("borders-%s: no features", y)
		}
	}
	if got, want := len(m.Layers), len(defaultBaseMapLayers); got != want {
		t.Errorf("manifest lists %d layers, want %d", got, want)
	}
}

// TestEmbeddedRivers checks that the rivers the app names are present at both levels, with
// the period's English names.
func TestEmbeddedRivers(t *testing.T) {
	m := loadEmbeddedBaseMap(t)
	want := []string{"Volga", "Don", "Dnieper", "Vistula", "Oder", "Neva", "Western Bug", "Berezina",
		"Pripyat", "Danube", "Elbe", "Neman", "Daugava", "Dniester", "Volkhov", "Svir", "Amur"}
	for _, level := range []string{BaseMapLevel50m, BaseMapLevel10m} {
		have := map[string]int{}
		for _, r := range m.Levels[level].Rivers {
			if r.Rank < 1 || r.Rank > 5 {
				t.Errorf("rivers-%s: %q rank %d, want 1 to 5", level, r.Name, r.Rank)
			}
			if have[r.Name] == 0 || r.Rank < have[r.Name] {
				have[r.Name] = r.Rank
			}
		}
		for _, name := range want {
			if r := have[name]; r == 0 || r > 2 {
				t.Errorf("rivers-%s: %q has rank %d, want present with rank 1 or 2", level, name, r)
			}
		}
		for _, old := range []string{"Dnepre", "Dnipro", "Zakhidnyy Buh", "Byarezina", "Heilong Jiang"} {
			if have[old] != 0 {
				t.Errorf("rivers-%s: un-normalised name %q present", level, old)
			}
		}
	}
}

// TestEmbeddedLakes checks that post-war reservoirs are gone and that reservoirs of the
// period are dated.
func TestEmbeddedLakes(t *testing.T) {
	m := loadEmbeddedBaseMap(t)
	lakes := map[string]BaseMapArea{}
	for _, a := range m.Levels[BaseMapLevel10m].Lakes {
		lakes[a.Name] = a
	}
	for _, gone := range []string{"Kakhovka Reservoir", "Kremenchuk Reservoir", "Samara Reservoir", "Kiev Reservoir", "Volgograd Reservoir", "Gorky Reservoir"} {
		if _, ok := lakes[gone]; ok {
			t.Errorf("lakes-10m: post-war %q present", gone)
		}
	}
	for name, year := range map[string]int{"Tsimlyansk Reservoir": 1952, "Rybinsk Reservoir": 1941, "Lake Ladoga": 0, "Lake Onega": 0, "Aral Sea": 0} {
		a, ok := lakes[name]
		if !ok {
			t.Errorf("lakes-10m: %q missing", name)
			continue
		}
		if a.Year != year {
			t.Errorf("lakes-10m: %q year %d, want %d", name, a.Year, year)
		}
	}
	if tsim := lakes["Tsimlyansk Reservoir"]; tsim.ShownIn(1943) || !tsim.ShownIn(1953) {
		t.Errorf("Tsimlyansk ShownIn(1943), ShownIn(1953) = %v, %v; want false, true", tsim.ShownIn(1943), tsim.ShownIn(1953))
	}
}

// TestEmbeddedBorders checks points the PROVENANCE notes verified against the source.
func TestEmbeddedBorders(t *testing.T) {
	m := loadEmbeddedBaseMap(t)
	countryAt := func(snapshot string, p orb.Point) string {
		for _, a := range m.Borders[snapshot] {
			if planar.MultiPolygonContains(a.Shape, p) {
				return a.Name
			}
		}
		return ""
	}
	for _, tc := range []struct {
		snapshot, place string
		at              orb.Point
		want            string
	}{
		{Borders1938, "Lviv", orb.Point{24.03, 49.84}, "Poland"},
		{Borders1938, "Vilnius", orb.Point{25.28, 54.69}, "Poland"},
		{Borders1938, "Vyborg", orb.Point{28.75, 60.71}, "Finland"},
		{Borders1938, "Vienna", orb.Point{16.37, 48.21}, "Germany"},
		{Borders1938, "Moscow", orb.Point{37.62, 55.76}, "USSR"},
		{Borders1938, "Chukotka east of 180", orb.Point{187, 66}, "USSR"},
		{Borders1938, "Jerusalem (no State of Israel before 1948)", orb.Point{35.22, 31.77}, "Mandatory Palestine (GB)"},
		{Borders1945, "Konigsberg", orb.Point{20.51, 54.71}, "USSR"},
		{Borders1945, "Lviv", orb.Point{24.03, 49.84}, "USSR"},
		{Borders1945, "Vyborg", orb.Point{28.75, 60.71}, "USSR"},
		{Borders1945, "Chukotka east of 180", orb.Point{187, 66}, "USSR"},
	} {
		t.Run(tc.snapshot+" "+tc.place, func(t *testing.T) {
			if got := countryAt(tc.snapshot, tc.at); got != tc.want {
				t.Errorf("country at %v in %s = %q, want %q", tc.at, tc.snapshot, got, tc.want)
			}
		})
	}
}

func TestLoadBaseMapBrokenLayers(t *testing.T) {
	m, err := LoadBaseMap(os.DirFS("testdata/layers/broken"))
	if err == nil {
		t.Fatal("LoadBaseMap(broken) error = nil, want errors")
	}
	msg := err.Error()
	for _, want := range []string{
		"coast-50m.geojson: no such file or directory",                   // missing file
		"lakes-50m.geojson: ",                                            // malformed JSON
		`rivers-50m.geojson: feature 1: property "rank": got first`,      // wrong type
		"rivers-50m.geojson: feature 2: geometry: got Polygon",           // wrong geometry
		"rivers-50m.geojson: feature 3: geometry: line 0: got 1 points",  // too short
		`rivers-50m.geojson: feature 4: property "colour": unknown`,      // unknown field
		`rivers-50m.geojson: feature 5: property "rank": got 9`,          // out of range
		`manifest.json: layer 5 (borders-1941.geojson): level "1941"`,    // bad level
		`manifest.json: layer 6 (glaciers-10m.geojson): name "glaciers"`, // bad layer
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors do not contain %q; got:\n%s", want, msg)
		}
	}
	if n := len(unwrapJoined(err)); n != 9 {
		t.Errorf("got %d errors, want 9 (one per problem):\n%s", n, msg)
	}
	lv := m.Levels[BaseMapLevel50m]
	if lv == nil || len(lv.Land) != 2 {
		t.Fatalf("land-50m not loaded alongside the broken layers")
	}
	if len(lv.Rivers) != 1 || lv.Rivers[0].Name != "Volga" || lv.Rivers[0].Rank != 1 {
		t.Errorf("rivers-50m: got %+v, want only the valid Volga feature", lv.Rivers)
	}
	if got := m.Borders[Borders1938]; len(got) != 2 || got[1].SubjectOf != "Poland" {
		t.Errorf("borders-1938: got %d areas, want 2 with subject_of read", len(got))
	}
}

// unwrapJoined flattens nested errors.Join results.
func unwrapJoined(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, unwrapJoined(e)...)
	}
	return out
}

func TestLoadBaseMapWithoutManifest(t *testing.T) {
	land, err := fs.ReadFile(os.DirFS("testdata/layers/broken"), "land-50m.geojson")
	if err != nil {
		t.Fatal(err)
	}
	m, err := LoadBaseMap(fstest.MapFS{"land-50m.geojson": {Data: land}})
	if err == nil || !strings.Contains(err.Error(), "manifest.json: file does not exist") {
		t.Fatalf("error = %v, want one naming manifest.json", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error does not wrap fs.ErrNotExist")
	}
	if !strings.Contains(err.Error(), "rivers-10m.geojson") {
		t.Errorf("error does not name the missing default layer rivers-10m.geojson:\n%v", err)
	}
	if lv := m.Levels[BaseMapLevel50m]; lv == nil || len(lv.Land) != 2 {
		t.Errorf("land-50m not loaded from the default file list")
	}
}

func TestBorderLinesDropSeams(t *testing.T) {
	b := TheatreBound
	areas := []BaseMapArea{{Name: "cut", Shape: orb.MultiPolygon{{{
		{170, 60}, {180, 60}, {180, 70}, {170, 70}, {170, 60}, // east edge on 180°
	}}}}, {Name: "south", Shape: orb.MultiPolygon{{{
		{10, b.Min[1]}, {20, b.Min[1]}, {20, 30}, {10, 30}, {10, b.Min[1]}, // south edge on the bound
	}}}}}
	lines := BorderLines(areas)
	for _, ls := range lines {
		for i := 1; i < len(ls); i++ {
			if IsSeamEdge(ls[i-1], ls[i]) {
				t.Errorf("BorderLines kept seam edge %v–%v", ls[i-1], ls[i])
			}
		}
	}
	// Each square keeps its three real sides: 3 segments.
	segs := 0
	for _, ls := range lines {
		segs += len(ls) - 1
	}
	if segs != 6 {
		t.Errorf("BorderLines kept %d segments, want 6: %v", segs, lines)
	}
}

func TestDrawLayersFollowDate(t *testing.T) {
	m := loadEmbeddedBaseMap(t)
	names := func(day time.Time) (string, int) {
		var ns []string
		lakes := 0
		for _, l := range m.DrawLayers(BaseMapLevel10m, day, &StyleLight, 2) {
			ns = append(ns, l.Name)
			if strings.HasPrefix(l.Name, "lakes") {
				lakes = len(l.Geoms)
			}
		}
		return strings.Join(ns, ","), lakes
	}
	got1943, lakes1943 := names(time.Date(1943, 2, 2, 0, 0, 0, 0, time.UTC))
	if want := "land-10m,lakes-10m,borders-1938,coast-10m,rivers-10m"; got1943 != want {
		t.Errorf("DrawLayers(1943) = %s, want %s", got1943, want)
	}
	got1950, lakes1950 := names(time.Date(1953, 1, 1, 0, 0, 0, 0, time.UTC))
	if !strings.Contains(got1950, "borders-1945") {
		t.Errorf("DrawLayers(1953) = %s, want the 1945 borders", got1950)
	}
	if lakes1950 <= lakes1943 {
		t.Errorf("lakes drawn in 1953 = %d, in 1943 = %d; want more in 1953 (Tsimlyansk)", lakes1950, lakes1943)
	}
}

func BenchmarkLoadBaseMap(b *testing.B) {
	fsys := assets.Map()
	for b.Loop() {
		if _, err := LoadBaseMap(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
