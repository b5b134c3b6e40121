package geo

import (
	"math/rand/v2"
	"testing"
)

// No label lies over a selected place's ring (wider than a dot), whichever place it belongs
// to, and a selected place's own label starts outside its ring: selected places close
// together do not pile their names over each other's rings.
func TestLabelsKeepOffSelectedRings(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 200; trial++ {
		var items []LabelItem
		for i := 0; i < 12; i++ {
			it := LabelItem{ID: string(rune('a' + i)), X: 100 + rng.Float64()*200, Y: 100 + rng.Float64()*120, W: 40 + rng.Float64()*40, H: 16, Priority: rng.IntN(5)}
			if i%3 == 0 {
				it.R, it.Priority = SelectedRingRadius+1, it.Priority+100
			}
			items = append(items, it)
		}
		placed := PlaceLabels(items, LabelOptions{DotRadius: 5, Gap: 3, W: 400, H: 320})
		for i, pl := range placed {
			if pl.Pos == LabelHidden {
				continue
			}
			for j, it := range items {
				r := it.radius(LabelOptions{DotRadius: 5})
				sq := LabelRect{it.X - r, it.Y - r, it.X + r, it.Y + r}
				if pl.Rect.Overlaps(sq) {
					t.Fatalf("trial %d: the label of %s %v covers the marker of %s %v (radius %.0f)", trial, items[i].ID, pl.Rect, items[j].ID, sq, r)
				}
			}
		}
	}
}
