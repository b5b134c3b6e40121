package geo

import (
	"bufio"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
)

type lccFixturePoint struct {
	name                   string
	lon, lat, wantX, wantY float64
}

// readLCCFixture reads geo/testdata/proj/lcc_theatre.txt (made by tools/geodata/projfixtures.sh
// with PROJ's cs2cs).
func readLCCFixture(t *testing.T) []lccFixturePoint {
	t.Helper()
	f, err := os.Open("testdata/proj/lcc_theatre.txt")
	if err != nil {
		t.Fatalf("open fixture: %v", err)
	}
	defer f.Close()
	var pts []lccFixturePoint
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fields := strings.Fields(s)
		if len(fields) != 5 {
			t.Fatalf("fixture line %d: got %d fields, want 5", line, len(fields))
		}
		var v [4]float64
		for i := range v {
			if v[i], err = strconv.ParseFloat(fields[i+1], 64); err != nil {
				t.Fatalf("fixture line %d: %v", line, err)
			}
		}
		pts = append(pts, lccFixturePoint{fields[0], v[0], v[1], v[2], v[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(pts) < 40 {
		t.Fatalf("fixture has %d points, want at least 40", len(pts))
	}
	return pts
}

// lonDiff returns a−b wrapped into [-180, 180] degrees.
func lonDiff(a, b float64) float64 { return math.Remainder(a-b, 360) }

func TestTheatreParams(t *testing.T) {
	lat1, lat2, lat0, lon0 := Theatre.Params()
	if got, want := [4]float64{lat1, lat2, lat0, lon0}, [4]float64{35, 65, 50, 50}; got != want {
		t.Errorf("Theatre.Params() = %v, want %v (the fixture was made with these)", got, want)
	}
}

func TestTheatreForwardMatchesPROJ(t *testing.T) {
	for _, p := range readLCCFixture(t) {
		t.Run(p.name, func(t *testing.T) {
			x, y := Theatre.Forward(p.lon, p.lat)
			if math.Abs(x-p.wantX) > 1e-3 || math.Abs(y-p.wantY) > 1e-3 {
				t.Errorf("Forward(%v, %v) = (%.6f, %.6f), want (%.6f, %.6f) within 1 mm",
					p.lon, p.lat, x, y, p.wantX, p.wantY)
			}
		})
	}
}

func TestTheatreInverseMatchesPROJ(t *testing.T) {
	for _, p := range readLCCFixture(t) {
		t.Run(p.name, func(t *testing.T) {
			lon, lat := Theatre.Inverse(p.wantX, p.wantY)
			if math.Abs(lat-p.lat) > 1e-9 {
				t.Errorf("Inverse(%.6f, %.6f) lat = %.12f, want %.12f within 1e-9°", p.wantX, p.wantY, lat, p.lat)
			}
			if p.lat == 90 {
				return // longitude is undefined at the pole
			}
			if d := lonDiff(lon, p.lon); math.Abs(d) > 1e-9 {
				t.Errorf("Inverse(%.6f, %.6f) lon = %.12f, want %.12f (mod 360) within 1e-9°", p.wantX, p.wantY, lon, p.lon)
			}
		})
	}
}

func TestTheatreInverseKeepsChukotkaContinuous(t *testing.T) {
	// Map layers carry longitudes east of 180° as 180..191; Inverse must give them back so.
	x, y := Theatre.Forward(-169.65, 66.08)
	lon, _ := Theatre.Inverse(x, y)
	if math.Abs(lon-190.35) > 1e-9 {
		t.Errorf("Inverse(Forward(-169.65, 66.08)) lon = %v, want 190.35", lon)
	}
}

func TestTheatreRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1942))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := 0; i < n; i++ {
		lon := -12 + rng.Float64()*(191+12)
		lat := 25 + rng.Float64()*(82-25)
		x, y := Theatre.Forward(lon, lat)
		gotLon, gotLat := Theatre.Inverse(x, y)
		if math.Abs(gotLon-lon) > 1e-9 || math.Abs(gotLat-lat) > 1e-9 {
			t.Fatalf("Inverse(Forward(%v, %v)) = (%v, %v), want the input within 1e-9°", lon, lat, gotLon, gotLat)
		}
		// And the other way: plane → geographic → plane.
		x2, y2 := Theatre.Forward(gotLon, gotLat)
		if math.Hypot(x2-x, y2-y) > 1e-4 {
			t.Fatalf("Forward(Inverse(%v, %v)) = (%v, %v), want the input within 0.1 mm", x, y, x2, y2)
		}
	}
}

// TestTheatreIsConformal checks numerically that the scale along the meridian (h) equals the
// scale along the parallel (k), and that both equal ScaleFactor, including 1 on the standard
// parallels.
func TestTheatreIsConformal(t *testing.T) {
	const e2 = wgs84F * (2 - wgs84F)
	const d = 1e-5 // degrees
	rad := math.Pi / 180
	for _, tc := range []struct {
		name     string
		lon, lat float64
	}{
		{"Moscow", 37.6, 55.75}, {"Madrid", -3.7, 40.4}, {"Pyongyang", 125.8, 39.0},
		{"Murmansk", 33.1, 68.97}, {"Chukotka", 185, 66}, {"south edge", -12, 25},
		{"north edge", 60, 82}, {"lat1", 50, 35}, {"lat2", 120, 65}, {"origin", 50, 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			phi := tc.lat * rad
			w := math.Sqrt(1 - e2*math.Sin(phi)*math.Sin(phi))
			meridianRadius := wgs84A * (1 - e2) / (w * w * w) // M
			normalRadius := wgs84A / w                        // N
			xa, ya := Theatre.Forward(tc.lon, tc.lat-d)
			xb, yb := Theatre.Forward(tc.lon, tc.lat+d)
			h := math.Hypot(xb-xa, yb-ya) / (meridianRadius * 2 * d * rad)
			xa, ya = Theatre.Forward(tc.lon-d, tc.lat)
			xb, yb = Theatre.Forward(tc.lon+d, tc.lat)
			k := math.Hypot(xb-xa, yb-ya) / (normalRadius * math.Cos(phi) * 2 * d * rad)
			if math.Abs(h-k) > 1e-6 {
				t.Errorf("scale along meridian h = %.9f, along parallel k = %.9f, want equal within 1e-6", h, k)
			}
			if want := Theatre.ScaleFactor(tc.lat); math.Abs(k-want) > 1e-6 {
				t.Errorf("numerical k = %.9f, ScaleFactor(%v) = %.9f, want equal within 1e-6", k, tc.lat, want)
			}
			if tc.lat == 35 || tc.lat == 65 {
				if math.Abs(k-1) > 1e-6 {
					t.Errorf("k on a standard parallel = %.9f, want 1", k)
				}
			}
		})
	}
}

func TestSingleStandardParallel(t *testing.T) {
	p := NewLambertConformalConic(50, 50, 50, 30)
	if got := p.ScaleFactor(50); math.Abs(got-1) > 1e-12 {
		t.Errorf("ScaleFactor on the single standard parallel = %v, want 1", got)
	}
	x, y := p.Forward(30, 50)
	if math.Abs(x) > 1e-6 || math.Abs(y) > 1e-6 {
		t.Errorf("Forward(origin) = (%v, %v), want (0, 0)", x, y)
	}
	lon, lat := p.Inverse(p.Forward(40, 60))
	if math.Abs(lon-40) > 1e-9 || math.Abs(lat-60) > 1e-9 {
		t.Errorf("round trip of (40, 60) = (%v, %v)", lon, lat)
	}
}
