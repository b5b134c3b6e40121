package geo

import (
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/golang/geo/s2"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"frontline-atlas/timeline"
)

var (
	frontsTestOnce sync.Once
	frontsTestSet  *Fronts
	frontsTestErr  error
)

// packFrontTheatres returns the front theatres the shipped content pack declares in its
// pack.json, as the app passes them to LoadFronts.
func packFrontTheatres(tb testing.TB) []string {
	tb.Helper()
	ids := timeline.PeekFrontTheatreIDs(os.DirFS("../assets/content"))
	if len(ids) == 0 {
		tb.Fatal("../assets/content/pack.json declares no front_theatres (or cannot be read)")
	}
	return ids
}

// loadTestFronts loads the shipped content pack's fronts once per test binary.
func loadTestFronts(t *testing.T) *Fronts {
	t.Helper()
	frontsTestOnce.Do(func() {
		frontsTestSet, frontsTestErr = LoadFronts(os.DirFS("../assets/content"), "fronts", packFrontTheatres(t))
	})
	if frontsTestErr != nil {
		t.Fatalf("LoadFronts: %v", frontsTestErr)
	}
	return frontsTestSet
}

func frontDay(s string) int {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return int(d.Unix() / 86400)
}

func TestLoadFrontsErrors(t *testing.T) {
	const rearOK = `{"type":"Feature","properties":{"theatre":"khasan","role":"rear","source":"s"},"geometry":{"type":"LineString","coordinates":[[131,42],[130,42]]}}`
	tests := []struct {
		name    string
		feature string
		want    []string
	}{
		{"bad date", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-13-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{"khasan.geojson: feature 0: date:"}},
		{"undeclared theatre", `{"type":"Feature","properties":{"theatre":"mars","date":"1938-08-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{`khasan.geojson: feature 0: theatre: "mars" is not a front theatre of the pack (pack.json "front_theatres": khasan)`}},
		{"missing theatre", `{"type":"Feature","properties":{"date":"1938-08-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{`khasan.geojson: feature 0: theatre: missing: want "khasan"`}},
		{"missing source", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{"feature 0: source: missing"}},
		{"geometry type", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s"},"geometry":{"type":"Point","coordinates":[130,43]}}`,
			[]string{"feature 0: geometry: Point"}},
		{"pocket as line", `{"type":"Feature","properties":{"theatre":"khasan","role":"pocket","date":"1938-08-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{"feature 0: geometry: LineString, want Polygon"}},
		{"unknown property", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s","colour":"red"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{"feature 0: colour: unknown property"}},
		{"too many sea vertices", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s","sea_head":1},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{"feature 0: geometry: 2 vertices with sea_head 1"}},
		{"latitude out of range", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,95]]}}`,
			[]string{"feature 0: geometry: vertex 1"}},
		{"unknown held_by", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s","held_by":"martians"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{`feature 0: held_by: "martians", want one of axis, opponent, soviet, allied`}},
		{"uncovered front", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s","held_by":"uncovered"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{`feature 0: held_by: "uncovered"`}},
		{"extent without until", `{"type":"Feature","properties":{"theatre":"khasan","role":"extent","date":"1938-08-01","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[130,43],[131,43],[131,42],[130,43]]]}}`,
			[]string{"feature 0: until: \"\", want YYYY-MM-DD"}},
		{"extent ending before it starts", `{"type":"Feature","properties":{"theatre":"khasan","role":"extent","date":"1938-08-01","until":"1938-07-01","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[130,43],[131,43],[131,42],[130,43]]]}}`,
			[]string{"feature 0: until: 1938-07-01 is before date 1938-08-01"}},
		{"extent as a line", `{"type":"Feature","properties":{"theatre":"khasan","role":"extent","date":"1938-08-01","until":"1938-09-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{"feature 0: geometry: LineString, want Polygon or MultiPolygon for an extent"}},
		{"until on a front", `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","until":"1938-09-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{"feature 0: until: only an extent has an end date"}},
		{"scope with a date", `{"type":"Feature","properties":{"theatre":"khasan","role":"scope","date":"1938-08-01","held_by":"soviet","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[130,43],[131,43],[131,42],[130,43]]]}}`,
			[]string{"feature 0: date: a scope has no date"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"fronts/khasan.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[` + tc.feature + `,` + rearOK + `]}`)}}
			_, err := LoadFronts(fsys, "fronts", []string{"khasan"})
			if err == nil {
				t.Fatalf("got no error, want %q", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

// frontFileOf returns a valid fronts file of one theatre: two keyframes and a rear chain.
func frontFileOf(theatre string) []byte {
	line := func(date string) string {
		return `{"type":"Feature","properties":{"theatre":"` + theatre + `","date":"` + date + `","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`
	}
	rear := `{"type":"Feature","properties":{"theatre":"` + theatre + `","role":"rear","source":"s"},"geometry":{"type":"LineString","coordinates":[[131,42],[130,42]]}}`
	return []byte(`{"type":"FeatureCollection","features":[` + line("1938-07-29") + `,` + line("1938-08-11") + `,` + rear + `]}`)
}

// TestLoadFrontsTheatresFromThePack: the theatres a fronts folder may hold are those the pack
// declares, so a pack adds a theatre by declaring it; a file of an undeclared theatre is left
// out with one error naming the file, the feature and the field, and the others load.
func TestLoadFrontsTheatresFromThePack(t *testing.T) {
	tests := []struct {
		name     string
		files    []string // theatres with a file
		declared []string
		loaded   []string // theatres drawn
		want     string   // error substring; "" for none
	}{
		{"declared theatres with files", []string{"khasan", "manchuria"}, []string{"khasan", "manchuria"}, []string{"khasan", "manchuria"}, ""},
		{"a declared theatre without a file is fine", []string{"khasan"}, []string{"eastern", "khasan", "manchuria"}, []string{"khasan"}, ""},
		{"a pack adds a theatre without a rebuild", []string{"lake-ladoga"}, []string{"lake-ladoga"}, []string{"lake-ladoga"}, ""},
		{"a file of an undeclared theatre", []string{"khasan", "lake-ladoga"}, []string{"khasan"}, []string{"khasan"},
			`lake-ladoga.geojson: feature 0: theatre: "lake-ladoga" is not a front theatre of the pack (pack.json "front_theatres": khasan); 2 more features name it`},
		{"a pack that declares none", []string{"khasan"}, nil, nil,
			`khasan.geojson: feature 0: theatre: "khasan" is not a front theatre of the pack (pack.json "front_theatres": none)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, th := range tc.files {
				fsys["fronts/"+th+".geojson"] = &fstest.MapFile{Data: frontFileOf(th)}
			}
			f, err := LoadFronts(fsys, "fronts", tc.declared)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("got error %v, want one containing %q", err, tc.want)
			case tc.want != "" && strings.Count(err.Error(), "is not a front theatre") != 1:
				t.Errorf("the undeclared theatre is reported more than once:\n%v", err)
			}
			var loaded []string
			if f != nil {
				for _, th := range []string{"eastern", "khasan", "lake-ladoga", "manchuria"} {
					if _, _, ok := f.TheatreRange(th); ok {
						loaded = append(loaded, th)
					}
				}
			}
			if strings.Join(loaded, ",") != strings.Join(tc.loaded, ",") {
				t.Errorf("theatres loaded %v, want %v", loaded, tc.loaded)
			}
		})
	}
}

func TestLoadFrontsScopeWithoutPart(t *testing.T) {
	const rear = `{"type":"Feature","properties":{"theatre":"khasan","role":"rear","source":"s"},"geometry":{"type":"LineString","coordinates":[[131,42],[130,42]]}}`
	const line = `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`
	const scope = `{"type":"Feature","properties":{"theatre":"khasan","part":"north","role":"scope","held_by":"soviet","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[130,43],[131,43],[131,42],[130,43]]]}}`
	fsys := fstest.MapFS{"fronts/khasan.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[` + line + `,` + rear + `,` + scope + `]}`)}}
	_, err := LoadFronts(fsys, "fronts", []string{"khasan"})
	if err == nil || !strings.Contains(err.Error(), `scope "khasan/north": no front part with that id`) {
		t.Errorf("got error %v, want one naming the scope without a part", err)
	}
}

// TestExtentsAndScopes checks the rule of precedence on a small made-up theatre: an extent
// held by the Axis, a front of the Western Allies cutting into it, a scope giving the ground
// beyond a Soviet front to the Red Army, an uncovered extent and an Axis pocket.
func TestExtentsAndScopes(t *testing.T) {
	feats := []string{
		// Axis extent: the square 0..10 x 40..50, from 1940-01-01 to 1940-12-31, with a neutral hole.
		`{"type":"Feature","properties":{"theatre":"khasan","part":"reich","role":"extent","date":"1940-01-01","until":"1940-12-31","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[0,40],[10,40],[10,50],[0,50],[0,40]],[[1,41],[2,41],[2,42],[1,42],[1,41]]]}}`,
		// Uncovered extent: 20..30 x 40..50 all year.
		`{"type":"Feature","properties":{"theatre":"khasan","part":"far","role":"extent","held_by":"uncovered","date":"1940-01-01","until":"1940-12-31","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[20,40],[30,40],[30,50],[20,50],[20,40]]]}}`,
		// Allied front: west of x = 2 in June, west of x = 4 in July; rear chain far west.
		`{"type":"Feature","properties":{"theatre":"khasan","part":"west","held_by":"allied","date":"1940-06-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[2,51],[2,39]]}}`,
		`{"type":"Feature","properties":{"theatre":"khasan","part":"west","held_by":"allied","date":"1940-07-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[4,51],[4,39]]}}`,
		`{"type":"Feature","properties":{"theatre":"khasan","part":"west","role":"rear","source":"s"},"geometry":{"type":"LineString","coordinates":[[-5,39],[-5,51]]}}`,
		// Axis front in the east: Axis west of x = 8, its rear chain at x = 5; the scope x 5..15.
		`{"type":"Feature","properties":{"theatre":"khasan","part":"east","date":"1940-06-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[8,51],[8,39]]}}`,
		`{"type":"Feature","properties":{"theatre":"khasan","part":"east","date":"1940-07-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[6,51],[6,39]]}}`,
		`{"type":"Feature","properties":{"theatre":"khasan","part":"east","role":"rear","source":"s"},"geometry":{"type":"LineString","coordinates":[[5,39],[5,51]]}}`,
		`{"type":"Feature","properties":{"theatre":"khasan","part":"east","role":"scope","held_by":"soviet","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[5,39],[15,39],[15,51],[5,51],[5,39]]]}}`,
		// An Axis pocket inside the Allied ground.
		`{"type":"Feature","properties":{"theatre":"khasan","part":"lorient","role":"pocket","date":"1940-06-01","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[0.5,45],[1,45],[1,45.5],[0.5,45]]]}}`,
		`{"type":"Feature","properties":{"theatre":"khasan","part":"lorient","role":"pocket","date":"1940-07-01","source":"s"},"geometry":{"type":"Polygon","coordinates":[[[0.5,45],[1,45],[1,45.5],[0.5,45]]]}}`,
	}
	fsys := fstest.MapFS{"fronts/khasan.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[` + strings.Join(feats, ",") + `]}`)}}
	f, err := LoadFronts(fsys, "fronts", []string{"khasan"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		p    orb.Point
		date string
		want string
	}{
		{orb.Point{3, 45}, "1940-03-01", HeldByAxis},       // extent only
		{orb.Point{1.5, 41.5}, "1940-03-01", HeldByNone},   // the extent's hole
		{orb.Point{9, 45}, "1940-03-01", HeldByAxis},       // the eastern front is not active yet
		{orb.Point{1.5, 45}, "1940-06-01", HeldByAllied},   // behind the Allied line
		{orb.Point{3, 45}, "1940-06-01", HeldByAxis},       // extent, east of the Allied line
		{orb.Point{3, 45}, "1940-07-01", HeldByAllied},     // the Allied line moved east
		{orb.Point{0.8, 45.1}, "1940-06-15", HeldByAxis},   // the pocket over the Allied front
		{orb.Point{7, 45}, "1940-06-01", HeldByAxis},       // the eastern front's Axis area
		{orb.Point{7, 45}, "1940-07-01", HeldBySoviet},     // its scope, beyond the line
		{orb.Point{12, 45}, "1940-06-15", HeldBySoviet},    // the scope beyond the extent
		{orb.Point{25, 45}, "1940-06-15", HeldByUncovered}, // uncovered extent
		{orb.Point{3, 45}, "1941-01-01", HeldByNone},       // after every extent and front
		{orb.Point{3, 45}, "1940-12-31", HeldByAxis},       // the extent's last day counts
	}
	for _, tc := range tests {
		if got := f.HeldByAt(tc.p, float64(frontDay(tc.date))+0.5); got != tc.want {
			t.Errorf("%v on %s: got %q, want %q", tc.p, tc.date, got, tc.want)
		}
	}
	// The drawn areas agree: on 1940-06-15, Axis ground between the Allied line (x = 3) and the
	// eastern line (x = 7), Allied ground west of x = 3 outside the pocket.
	day := float64(frontDay("1940-06-15"))
	areas := map[string]orb.MultiPolygon{}
	for _, a := range f.HeldAreasAtDay(day) {
		areas[a.HeldBy] = a.Area
	}
	for _, c := range []struct {
		p    orb.Point
		side string
		in   bool
	}{{orb.Point{5, 45}, HeldByAxis, true}, {orb.Point{2.5, 45}, HeldByAxis, false}, {orb.Point{2.5, 45}, HeldByAllied, true},
		{orb.Point{0.8, 45.1}, HeldByAllied, false}, {orb.Point{0.8, 45.1}, HeldByAxis, true}, {orb.Point{1.5, 41.5}, HeldByAxis, false},
		{orb.Point{1.5, 41.5}, HeldByAllied, true}, {orb.Point{9, 45}, HeldByAxis, false}, {orb.Point{25, 45}, HeldByUncovered, true}} {
		if got := planar.MultiPolygonContains(areas[c.side], c.p); got != c.in {
			t.Errorf("drawn %s area contains %v: got %v, want %v", c.side, c.p, got, c.in)
		}
	}
}

func TestLoadFrontsMissingRearAndDuplicateDate(t *testing.T) {
	line := `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`
	fsys := fstest.MapFS{"fronts/khasan.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[` + line + `,` + line + `]}`)}}
	_, err := LoadFronts(fsys, "fronts", []string{"khasan"})
	if err == nil {
		t.Fatal("got no error, want errors for the missing rear chain and the repeated date")
	}
	for _, w := range []string{"feature 1: date: part \"main\" already has a keyframe on 1938-08-01", "front without a rear chain"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("got error %q, want it to contain %q", err, w)
		}
	}
}

// TestFrontsAtKeyframes checks that at every keyframe date the drawn line equals the keyframe.
func TestFrontsAtKeyframes(t *testing.T) {
	f := loadTestFronts(t)
	for _, k := range f.Keyframes() {
		var got *FrontState
		states := f.FrontsAtDay(float64(k.Day))
		for i := range states {
			if states[i].Theatre == k.Theatre && states[i].Part == k.Part {
				got = &states[i]
			}
		}
		if got == nil {
			t.Errorf("%s %s %s: part not active at its own keyframe", k.Theatre, k.Part, k.Date)
			continue
		}
		want := k.Line
		if k.Role == FrontRoleLine {
			want = k.Line[k.SeaHead : len(k.Line)-k.SeaTail]
		}
		if len(got.Line) != len(want) {
			t.Errorf("%s %s %s: got %d vertices, want %d", k.Theatre, k.Part, k.Date, len(got.Line), len(want))
			continue
		}
		for i := range want {
			if d := math.Hypot(got.Line[i][0]-want[i][0], got.Line[i][1]-want[i][1]); d > 1e-9 {
				t.Errorf("%s %s %s: vertex %d: got %v, want %v", k.Theatre, k.Part, k.Date, i, got.Line[i], want[i])
				break
			}
		}
	}
}

// TestFrontsResampledKeepShape checks that the resampled chains of every pair still pass
// through every original vertex (so at fraction 0 and 1 the line has the keyframe's shape).
func TestFrontsResampledKeepShape(t *testing.T) {
	f := loadTestFronts(t)
	for _, th := range f.theatres {
		for _, p := range th.parts {
			for i, pair := range p.pairs {
				for side, k := range []*FrontKeyframe{p.keys[i], p.keys[i+1]} {
					orig := frontChains(k)
					res := pair.a
					if side == 1 {
						res = pair.b
					}
					for c := range orig {
						if len(res[c]) < len(orig[c]) {
							t.Fatalf("%s %s %s chain %d: %d resampled < %d original", th.id, p.id, k.Date, c, len(res[c]), len(orig[c]))
						}
						j := 0
						for _, v := range orig[c] {
							for j < len(res[c]) && res[c][j].Distance(v) > 1e-12 {
								j++
							}
							if j == len(res[c]) {
								t.Fatalf("%s %s %s chain %d: vertex %v missing from the resampled chain", th.id, p.id, k.Date, c, PointOfS2(v))
							}
						}
					}
				}
			}
		}
	}
}

// TestFrontsInterpolationOnGreatCircle is a property test: every interpolated vertex lies on
// the great-circle arc between its two matched source vertices, at the fraction of time.
func TestFrontsInterpolationOnGreatCircle(t *testing.T) {
	f := loadTestFronts(t)
	for _, th := range f.theatres {
		for _, p := range th.parts {
			for i, pair := range p.pairs {
				a, b := p.keys[i], p.keys[i+1]
				for _, frac := range []float64{0.25, 0.5, 0.9} {
					day := float64(a.Day) + frac*float64(b.Day-a.Day)
					s, ok := p.at(day)
					if !ok {
						t.Fatalf("%s %s: not active at day %v between %s and %s", th.id, p.id, day, a.Date, b.Date)
					}
					body := pair.a[0]
					bodyB := pair.b[0]
					if p.role == FrontRoleLine {
						body, bodyB = pair.a[1], pair.b[1]
					}
					if len(s.Line) != len(body) {
						t.Fatalf("%s %s: got %d vertices, want %d", th.id, p.id, len(s.Line), len(body))
					}
					for j, v := range s.Line {
						x := S2Of(v)
						va, vb := body[j], bodyB[j]
						total := va.Distance(vb)
						da, db := va.Distance(x), x.Distance(vb)
						if math.Abs(float64(da+db-total)) > 1e-9 {
							t.Fatalf("%s %s %s+%.2f vertex %d: off the arc by %g rad", th.id, p.id, a.Date, frac, j, float64(da+db-total))
						}
						if total > 1e-12 && math.Abs(float64(da/total)-frac) > 1e-6 {
							t.Fatalf("%s %s vertex %d: at fraction %v of the arc, want %v", th.id, p.id, j, float64(da/total), frac)
						}
					}
				}
			}
		}
	}
}

func TestFrontsActiveRange(t *testing.T) {
	f := loadTestFronts(t)
	tests := []struct {
		name    string
		theatre string
		date    string
		want    bool
	}{
		{"eastern before invasion", "eastern", "1941-06-21", false},
		{"eastern first day", "eastern", "1941-06-22", true},
		{"eastern mid-war", "eastern", "1943-03-01", true},
		{"eastern last day", "eastern", "1945-05-09", true},
		{"eastern after victory", "eastern", "1945-05-10", false},
		{"winter war", "finland", "1940-01-15", true},
		{"between Finnish wars", "finland", "1940-12-01", false},
		{"continuation war", "finland", "1942-06-01", true},
		{"khasan", "khasan", "1938-08-05", true},
		{"khasan after", "khasan", "1938-09-01", false},
		{"khalkhin gol", "khalkhin-gol", "1939-08-25", true},
		{"manchuria", "manchuria", "1945-08-15", true},
		{"manchuria before", "manchuria", "1945-08-08", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := false
			for _, s := range f.FrontsAtDay(float64(frontDay(tc.date))) {
				if s.Theatre == tc.theatre {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("theatre %s active on %s: got %v, want %v", tc.theatre, tc.date, got, tc.want)
			}
		})
	}
}

// TestResampleFrontPairUnionOfParameters resamples a three-vertex front against a four-vertex
// one on the next parallel. Both come out with five vertices, at the union {0, ¼, ½, ¾, 1} of
// their arc-length parameters: each keeps its own vertices exactly, and each new vertex lies
// at the middle of the great-circle arc it splits (lat = atan(tan φ / cos(Δλ/2)) for two points
// of parallel φ, Δλ apart), so no front changes shape. "Middle" holds to 1e-5° (a metre): arc
// lengths along a parallel are not exactly proportional to Δλ, so ¼ is not exactly ¼.
func TestResampleFrontPairUnionOfParameters(t *testing.T) {
	a := []orb.Point{{30, 50}, {31, 50}, {32, 50}}
	b := []orb.Point{{30, 51}, {30.5, 51}, {31.5, 51}, {32, 51}}
	mid := func(lat, dLon float64) float64 {
		rad := math.Pi / 180
		return math.Atan(math.Tan(lat*rad)/math.Cos(dLon/2*rad)) / rad
	}
	tests := []struct {
		name  string
		got   []s2.Point
		want  []orb.Point
		exact []bool // an original vertex, kept bit for bit
	}{
		{"a", nil, []orb.Point{a[0], {30.5, mid(50, 1)}, a[1], {31.5, mid(50, 1)}, a[2]},
			[]bool{true, false, true, false, true}},
		{"b", nil, []orb.Point{b[0], b[1], {31, mid(51, 1)}, b[2], b[3]},
			[]bool{true, true, false, true, true}},
	}
	tests[0].got, tests[1].got = resampleFrontPair(s2Chain(a), s2Chain(b))
	for _, tc := range tests {
		if len(tc.got) != len(tc.want) {
			t.Errorf("front %s: got %d vertices, want %d", tc.name, len(tc.got), len(tc.want))
			continue
		}
		for i, v := range tc.got {
			if tc.exact[i] {
				if d := v.Distance(S2Of(tc.want[i])); d > 1e-15 {
					t.Errorf("front %s vertex %d: got %v, want its own vertex %v (%.2g rad away)", tc.name, i, PointOfS2(v), tc.want[i], float64(d))
				}
				continue
			}
			got := PointOfS2(v)
			if math.Abs(got[0]-tc.want[i][0]) > 1e-5 || math.Abs(got[1]-tc.want[i][1]) > 1e-5 {
				t.Errorf("front %s vertex %d: got %.7f, want %.7f", tc.name, i, got, tc.want[i])
			}
		}
	}
}

func BenchmarkFrontsAtDay(b *testing.B) {
	f, err := LoadFronts(os.DirFS("../assets/content"), "fronts", packFrontTheatres(b))
	if err != nil {
		b.Fatal(err)
	}
	day := float64(frontDay("1942-10-01"))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.FrontsAtDay(day + float64(i%30))
	}
}

func BenchmarkLoadFronts(b *testing.B) {
	fsys := os.DirFS("../assets/content")
	theatres := packFrontTheatres(b)
	for i := 0; i < b.N; i++ {
		if _, err := LoadFronts(fsys, "fronts", theatres); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHeldPeriods(b *testing.B) {
	f, err := LoadFronts(os.DirFS("../assets/content"), "fronts", packFrontTheatres(b))
	if err != nil {
		b.Fatal(err)
	}
	f.HeldPeriods(30.52, 50.45) // build the daily areas once
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.HeldPeriods(30+float64(i)*1e-7, 50) // a new point each time: no cache hit
	}
}

// TestFocusBound checks that the area to show follows the war: Europe and Africa, the Far East
// in August 1945, the Soviet-Japanese border battles of 1938-39, nothing between wars.
func TestFocusBound(t *testing.T) {
	f := loadTestFronts(t)
	tests := []struct {
		date      string
		contains  []orb.Point
		excludes  []orb.Point
		maxWidth  float64
		wantFocus bool
	}{
		{"1938-08-01", []orb.Point{{130.58, 42.45}}, []orb.Point{{37.6, 55.75}, {126.6, 45.75}}, 12, true},               // Lake Khasan, not Moscow or Harbin
		{"1939-07-15", []orb.Point{{118.5, 47.65}}, []orb.Point{{37.6, 55.75}, {13.4, 52.5}}, 12, true},                  // Khalkhin Gol
		{"1939-09-10", []orb.Point{{13.4, 52.5}, {21.0, 52.2}}, []orb.Point{{118.5, 47.65}}, 80, true},                   // Poland, not Mongolia
		{"1942-08-15", []orb.Point{{44.5, 48.7}, {28.95, 30.83}, {2.35, 48.86}}, []orb.Point{{126.6, 45.75}}, 80, true},  // Stalingrad, El Alamein, Paris
		{"1944-08-25", []orb.Point{{2.35, 48.86}, {27.6, 53.9}, {12.5, 41.9}}, []orb.Point{{130.0, 43.0}}, 80, true},     // Paris, Minsk, Rome
		{"1945-08-15", []orb.Point{{126.6, 45.75}, {125.75, 39.02}}, []orb.Point{{37.6, 55.75}, {13.4, 52.5}}, 60, true}, // Harbin, Pyongyang
		{"1945-06-15", nil, nil, 0, false},
		{"1937-01-01", nil, nil, 0, false},
	}
	for _, tc := range tests {
		b, ok := f.FocusBound(float64(frontDay(tc.date)))
		if ok != tc.wantFocus {
			t.Errorf("%s: focus %v, want %v", tc.date, ok, tc.wantFocus)
			continue
		}
		for _, p := range tc.contains {
			if !b.Contains(p) {
				t.Errorf("%s: bound %v leaves out %v", tc.date, b, p)
			}
		}
		for _, p := range tc.excludes {
			if b.Contains(p) {
				t.Errorf("%s: bound %v includes %v", tc.date, b, p)
			}
		}
		if ok && b.Max[0]-b.Min[0] > tc.maxWidth {
			t.Errorf("%s: bound %v is %.0f° wide, want at most %.0f°", tc.date, b, b.Max[0]-b.Min[0], tc.maxWidth)
		}
	}
}
