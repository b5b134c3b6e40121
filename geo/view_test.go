package geo

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// viewTestPlate is an equirectangular projection for tests: 111,320 m per degree both ways.
type viewTestPlate struct{}

const viewTestM = 111320.0

func (viewTestPlate) Forward(lon, lat float64) (x, y float64) {
	return lon * viewTestM, lat * viewTestM
}
func (viewTestPlate) Inverse(x, y float64) (lon, lat float64) { return x / viewTestM, y / viewTestM }

// viewTestRandom returns a random view over Eurasia of one of the test projections.
func viewTestRandom(r *rand.Rand) *View {
	projs := []Projection{viewTestPlate{}, WebMercator{}}
	p := projs[r.IntN(len(projs))]
	return NewView(p, 100+r.IntN(1900), 100+r.IntN(1000), -10+r.Float64()*150, 30+r.Float64()*40,
		math.Exp(math.Log(ViewMinScale)+r.Float64()*math.Log(ViewMaxScale/ViewMinScale)))
}

func TestViewScreenRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		v := viewTestRandom(r)
		px, py := r.Float64()*float64(v.W), r.Float64()*float64(v.H)
		lon, lat := v.FromScreen(px, py)
		gx, gy := v.ToScreen(lon, lat)
		if math.Abs(gx-px) > 1e-6 || math.Abs(gy-py) > 1e-6 {
			t.Fatalf("case %d %T scale %g: screen (%g, %g) → (%g, %g) → screen (%g, %g), want the start",
				i, v.Proj, v.Scale, px, py, lon, lat, gx, gy)
		}
	}
}

func TestViewZoomAboutKeepsPointer(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		v := viewTestRandom(r)
		px, py := r.Float64()*float64(v.W), r.Float64()*float64(v.H)
		lon, lat := v.FromScreen(px, py)
		factor := math.Exp(r.NormFloat64() * 2) // includes factors that hit the zoom limits
		v.ZoomAbout(factor, px, py)
		gx, gy := v.ToScreen(lon, lat)
		if math.Abs(gx-px) > 1e-6 || math.Abs(gy-py) > 1e-6 {
			t.Fatalf("case %d: zoom ×%g about (%g, %g): point now at (%g, %g), want it fixed", i, factor, px, py, gx, gy)
		}
		if v.Scale < v.MinScale || v.Scale > v.MaxScale {
			t.Fatalf("case %d: scale %g outside %g..%g", i, v.Scale, v.MinScale, v.MaxScale)
		}
	}
}

func TestViewZoomClamp(t *testing.T) {
	tests := []struct {
		name   string
		factor float64
		want   float64
	}{
		{"far in", 1e9, ViewMinScale},
		{"far out", 1e-9, ViewMaxScale},
		{"double", 2, 500},
		{"ignored zero", 0, 1000},
		{"ignored NaN", math.NaN(), 1000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := NewView(viewTestPlate{}, 800, 600, 40, 52, 1000)
			v.ZoomAbout(tc.factor, 10, 20)
			if got := v.Scale; math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("got scale %g, want %g", got, tc.want)
			}
		})
	}
}

func TestViewPan(t *testing.T) {
	v := NewView(WebMercator{}, 800, 600, 40, 52, 3000)
	lon, lat := v.FromScreen(100, 100)
	v.Pan(8, -5)
	gx, gy := v.ToScreen(lon, lat)
	if math.Abs(gx-108) > 1e-6 || math.Abs(gy-95) > 1e-6 {
		t.Errorf("after Pan(8, -5) the point at (100, 100) is at (%g, %g), want (108, 95)", gx, gy)
	}
}

func TestViewFit(t *testing.T) {
	tests := []struct {
		name string
		proj Projection
		b    orb.Bound
	}{
		{"plate europe", viewTestPlate{}, orb.Bound{Min: orb.Point{-10, 35}, Max: orb.Point{60, 70}}},
		{"mercator ussr", WebMercator{}, orb.Bound{Min: orb.Point{20, 40}, Max: orb.Point{180, 78}}},
		{"mercator city", WebMercator{}, orb.Bound{Min: orb.Point{44.3, 48.5}, Max: orb.Point{44.7, 48.9}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			const pad = 20
			v := NewView(tc.proj, 1000, 700, 0, 0, 1000)
			v.Fit(tc.b, pad)
			touches := false
			for _, p := range []orb.Point{tc.b.Min, tc.b.Max, {tc.b.Min[0], tc.b.Max[1]}, {tc.b.Max[0], tc.b.Min[1]}} {
				x, y := v.ToScreen(p[0], p[1])
				if x < pad-1e-6 || x > 1000-pad+1e-6 || y < pad-1e-6 || y > 700-pad+1e-6 {
					t.Errorf("corner %v at (%g, %g), want inside the padded window", p, x, y)
				}
				if math.Abs(x-pad) < 1e-6 || math.Abs(y-pad) < 1e-6 {
					touches = true
				}
			}
			if !touches {
				t.Errorf("no corner touches the padding: the fit is not tight (scale %g)", v.Scale)
			}
		})
	}
}

func TestWebMercator(t *testing.T) {
	x, y := WebMercator{}.Forward(180, 0)
	if math.Abs(x-20037508.342789244) > 1e-6 || math.Abs(y) > 1e-9 {
		t.Errorf("Forward(180, 0) = (%f, %f), want (20037508.342789, 0)", x, y)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 1000 {
		lon, lat := r.Float64()*360-180, r.Float64()*170-85
		glon, glat := WebMercator{}.Inverse(WebMercator{}.Forward(lon, lat))
		if math.Abs(glon-lon) > 1e-9 || math.Abs(glat-lat) > 1e-9 {
			t.Fatalf("(%g, %g) → (%g, %g), want the start", lon, lat, glon, glat)
		}
	}
}

func TestViewGeoBoundContainsWindow(t *testing.T) {
	v := NewView(WebMercator{}, 1920, 1080, 40, 52, WebMercatorScale(3.5))
	b := v.GeoBound(0)
	// The peers' view shows about 79W–159E, 6S–78N.
	if b.Min[0] > -78 || b.Max[0] < 158 || b.Min[1] > -5 || b.Max[1] < 77 {
		t.Errorf("got bound %v, want about 79W–159E, 6S–78N", b)
	}
}
