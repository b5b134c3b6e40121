package geo

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func TestPlaceLabelsNeverOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	opt := LabelOptions{DotRadius: 4, Gap: 2, W: 800, H: 600}
	for round := range 100 {
		items := make([]LabelItem, 1+r.IntN(250))
		for i := range items {
			items[i] = LabelItem{ID: fmt.Sprint(i), X: r.Float64() * 800, Y: r.Float64() * 600,
				W: 20 + r.Float64()*80, H: 12, Priority: r.IntN(5)}
		}
		got := PlaceLabels(items, opt)
		placed := 0
		for i, a := range got {
			if a.ID != items[i].ID {
				t.Fatalf("round %d: result %d has id %q, want %q (input order)", round, i, a.ID, items[i].ID)
			}
			if a.Pos == LabelHidden {
				continue
			}
			placed++
			if a.Rect.X0 < 0 || a.Rect.Y0 < 0 || a.Rect.X1 > opt.W || a.Rect.Y1 > opt.H {
				t.Fatalf("round %d: label %s at %v is off screen", round, a.ID, a.Rect)
			}
			for j, b := range got {
				if j != i && b.Pos != LabelHidden && a.Rect.Overlaps(b.Rect) {
					t.Fatalf("round %d: labels %s %v and %s %v overlap", round, a.ID, a.Rect, b.ID, b.Rect)
				}
			}
			for _, m := range items {
				dot := LabelRect{m.X - opt.DotRadius, m.Y - opt.DotRadius, m.X + opt.DotRadius, m.Y + opt.DotRadius}
				if a.Rect.Overlaps(dot) {
					t.Fatalf("round %d: label %s %v covers the dot of %s", round, a.ID, a.Rect, m.ID)
				}
			}
		}
		if placed == 0 {
			t.Fatalf("round %d: no label placed out of %d", round, len(items))
		}
	}
}

func TestPlaceLabelsPriority(t *testing.T) {
	tests := []struct {
		name  string
		items []LabelItem
		want  []LabelPos
	}{
		{"alone goes right", []LabelItem{{ID: "a", X: 100, Y: 100, W: 40, H: 10}}, []LabelPos{LabelRight}},
		{"at the right edge goes left", []LabelItem{{ID: "a", X: 190, Y: 100, W: 40, H: 10}}, []LabelPos{LabelLeft}},
		{"neighbour on the right pushes it left", []LabelItem{
			{ID: "a", X: 100, Y: 100, W: 40, H: 10},
			{ID: "b", X: 130, Y: 100, W: 40, H: 10, Priority: 1},
		}, []LabelPos{LabelLeft, LabelRight}},
		{"same spot: higher priority takes the first choice", []LabelItem{
			{ID: "low", X: 100, Y: 100, W: 60, H: 10},
			{ID: "high", X: 100, Y: 100, W: 60, H: 10, Priority: 3},
		}, []LabelPos{LabelLeft, LabelRight}},
		{"crowded: lowest priority hidden", []LabelItem{
			{ID: "low", X: 100, Y: 100, W: 90, H: 90},
			{ID: "mid", X: 100, Y: 100, W: 90, H: 90, Priority: 1},
			{ID: "high", X: 100, Y: 100, W: 90, H: 90, Priority: 2},
		}, []LabelPos{LabelHidden, LabelLeft, LabelRight}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := PlaceLabels(tc.items, LabelOptions{DotRadius: 4, Gap: 2, W: 200, H: 200})
			for i := range got {
				if got[i].Pos != tc.want[i] {
					t.Errorf("%s: got position %d, want %d", got[i].ID, got[i].Pos, tc.want[i])
				}
			}
		})
	}
}
