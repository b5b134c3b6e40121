package geo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func indexTestBrute(pts []IndexPoint, x, y, maxDist float64) (IndexPoint, bool) {
	best, bestD := -1, maxDist*maxDist
	for i, p := range pts {
		d := (p.X-x)*(p.X-x) + (p.Y-y)*(p.Y-y)
		if d < bestD || (d == bestD && best < 0) {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return IndexPoint{}, false
	}
	return pts[best], true
}

func TestPointIndexMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for round := range 50 {
		n := r.IntN(400)
		pts := make([]IndexPoint, n)
		for i := range pts {
			// Whole-pixel positions make ties and duplicates likely.
			pts[i] = IndexPoint{ID: fmt.Sprint(i), X: float64(r.IntN(1920) - 100), Y: float64(r.IntN(1080))}
		}
		ix := NewPointIndex(pts, []float64{0, 8, 24, 100}[round%4])
		for range 200 {
			x, y := r.Float64()*2000-140, r.Float64()*1100-10
			maxDist := []float64{HitRadius, 0, 5, 300, 5000}[r.IntN(5)]
			got, gok := ix.Nearest(x, y, maxDist)
			want, wok := indexTestBrute(pts, x, y, maxDist)
			if got != want || gok != wok {
				t.Fatalf("round %d: Nearest(%g, %g, %g) = %v, %v; want %v, %v", round, x, y, maxDist, got, gok, want, wok)
			}
		}
	}
}

func TestPointIndexCases(t *testing.T) {
	pts := []IndexPoint{{"moscow", 100, 100}, {"tula", 120, 130}, {"nan", math.NaN(), 5}, {"twin", 100, 100}}
	ix := NewPointIndex(pts, HitRadius)
	tests := []struct {
		name   string
		x, y   float64
		want   string
		wantOK bool
	}{
		{"on a marker, first of equals wins", 100, 100, "moscow", true},
		{"near tula", 118, 125, "tula", true},
		{"exactly at the radius", 100, 76, "moscow", true},
		{"just outside", 100, 76 - 1e-9, "", false},
		{"far away", 1000, 1000, "", false},
		{"NaN query", math.NaN(), 0, "", false},
	}
	for _, tc := range tests {
		got, ok := ix.Nearest(tc.x, tc.y, HitRadius)
		if got.ID != tc.want || ok != tc.wantOK {
			t.Errorf("%s: got %q, %v; want %q, %v", tc.name, got.ID, ok, tc.want, tc.wantOK)
		}
	}
}
