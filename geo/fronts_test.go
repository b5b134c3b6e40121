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
)

var (
	frontsTestOnce sync.Once
	frontsTestSet  *Fronts
	frontsTestErr  error
)

// loadTestFronts loads the shipped content pack's fronts once per test binary.
func loadTestFronts(t *testing.T) *Fronts {
	t.Helper()
	frontsTestOnce.Do(func() {
		frontsTestSet, frontsTestErr = LoadFronts(os.DirFS("../assets/content"), "fronts")
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
		{"unknown theatre", `{"type":"Feature","properties":{"theatre":"mars","date":"1938-08-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`,
			[]string{"feature 0: theatre: unknown theatre \"mars\""}},
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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"fronts/khasan.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[` + tc.feature + `,` + rearOK + `]}`)}}
			_, err := LoadFronts(fsys, "fronts")
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

func TestLoadFrontsMissingRearAndDuplicateDate(t *testing.T) {
	line := `{"type":"Feature","properties":{"theatre":"khasan","date":"1938-08-01","source":"s"},"geometry":{"type":"LineString","coordinates":[[130,43],[130.5,42.5]]}}`
	fsys := fstest.MapFS{"fronts/khasan.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[` + line + `,` + line + `]}`)}}
	_, err := LoadFronts(fsys, "fronts")
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

func TestResampleFrontPairUnionOfParameters(t *testing.T) {
	a := s2Chain([]orb.Point{{30, 50}, {31, 50}, {32, 50}})
	b := s2Chain([]orb.Point{{30, 51}, {30.5, 51}, {31.5, 51}, {32, 51}})
	ra, rb := resampleFrontPair(a, b)
	if len(ra) != len(rb) {
		t.Fatalf("got lengths %d and %d, want equal", len(ra), len(rb))
	}
	if got, want := len(ra), 5; got != want { // params {0, .25, .5, .75, 1}
		t.Errorf("got %d vertices, want %d", got, want)
	}
	for _, v := range a {
		found := false
		for _, r := range ra {
			if r.Distance(v) < 1e-12 {
				found = true
			}
		}
		if !found {
			t.Errorf("vertex %v of a missing after resampling", PointOfS2(v))
		}
	}
	_ = s2.Point{}
}

func BenchmarkFrontsAtDay(b *testing.B) {
	f, err := LoadFronts(os.DirFS("../assets/content"), "fronts")
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
	for i := 0; i < b.N; i++ {
		if _, err := LoadFronts(fsys, "fronts"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHeldPeriods(b *testing.B) {
	f, err := LoadFronts(os.DirFS("../assets/content"), "fronts")
	if err != nil {
		b.Fatal(err)
	}
	f.HeldPeriods(30.52, 50.45) // build the daily areas once
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.HeldPeriods(30+float64(i)*1e-7, 50) // a new point each time: no cache hit
	}
}
