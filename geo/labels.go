package geo

import (
	"math"
	"sort"
)

// LabelPos is where a label sits relative to its marker.
type LabelPos int

// Label positions, in the order they are tried.
const (
	LabelHidden LabelPos = iota
	LabelRight
	LabelLeft
	LabelAbove
	LabelBelow
)

// LabelItem is a marker with a label to place: the marker's centre and the label's size, in
// screen pixels, and a priority (higher is placed first and wins).
type LabelItem struct {
	ID       string
	X, Y     float64
	W, H     float64
	Priority int
}

// LabelRect is an axis-aligned rectangle in screen pixels, [X0, X1) × [Y0, Y1).
type LabelRect struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether r and o share any area (touching edges do not count).
func (r LabelRect) Overlaps(o LabelRect) bool {
	return r.X0 < o.X1 && o.X0 < r.X1 && r.Y0 < o.Y1 && o.Y0 < r.Y1
}

// LabelPlacement is the result for one LabelItem: its position, and the label's rectangle
// (zero when hidden).
type LabelPlacement struct {
	ID   string
	Pos  LabelPos
	Rect LabelRect
}

// LabelOptions tunes PlaceLabels. Sizes are pixels.
type LabelOptions struct {
	DotRadius float64 // half the side of the square each marker's dot occupies
	Gap       float64 // space between a dot and its label
	// W, H, when positive, is the screen: labels must lie inside [0, W) × [0, H).
	W, H float64
	// Avoid are rectangles no label may overlap (a scale bar, a legend).
	Avoid []LabelRect
}

// labelCell is the side of the grid cells used to find nearby rectangles, in pixels.
const labelCell = 64.0

type labelGrid map[[2]int][]LabelRect

func (g labelGrid) cells(r LabelRect, f func(k [2]int) bool) bool {
	for y := int(math.Floor(r.Y0 / labelCell)); y <= int(math.Floor(r.Y1/labelCell)); y++ {
		for x := int(math.Floor(r.X0 / labelCell)); x <= int(math.Floor(r.X1/labelCell)); x++ {
			if !f([2]int{x, y}) {
				return false
			}
		}
	}
	return true
}

func (g labelGrid) add(r LabelRect) {
	g.cells(r, func(k [2]int) bool { g[k] = append(g[k], r); return true })
}

func (g labelGrid) free(r LabelRect) bool {
	return g.cells(r, func(k [2]int) bool {
		for _, o := range g[k] {
			if r.Overlaps(o) {
				return false
			}
		}
		return true
	})
}

// PlaceLabels chooses for each item a position (right, left, above, below, tried in that
// order) or hides its label, so that no two labels overlap, no label covers any marker's dot
// and (when o.W, o.H are set) every label is on screen. Items are placed greedily by priority,
// highest first, ties in input order. The result is in input order; items is not modified.
func PlaceLabels(items []LabelItem, o LabelOptions) []LabelPlacement {
	out := make([]LabelPlacement, len(items))
	order := make([]int, len(items))
	dots, labels := labelGrid{}, labelGrid{}
	r := o.DotRadius
	for i, it := range items {
		order[i] = i
		out[i].ID = it.ID
		if !labelFinite(it) {
			continue
		}
		dots.add(LabelRect{it.X - r, it.Y - r, it.X + r, it.Y + r})
	}
	for _, a := range o.Avoid {
		labels.add(a)
	}
	sort.SliceStable(order, func(a, b int) bool { return items[order[a]].Priority > items[order[b]].Priority })
	d := r + o.Gap
	for _, i := range order {
		it := items[i]
		if !labelFinite(it) {
			continue
		}
		cands := [...]LabelRect{
			{it.X + d, it.Y - it.H/2, it.X + d + it.W, it.Y + it.H/2},
			{it.X - d - it.W, it.Y - it.H/2, it.X - d, it.Y + it.H/2},
			{it.X - it.W/2, it.Y - d - it.H, it.X + it.W/2, it.Y - d},
			{it.X - it.W/2, it.Y + d, it.X + it.W/2, it.Y + d + it.H},
		}
		for c, rect := range cands {
			if o.W > 0 && o.H > 0 && (rect.X0 < 0 || rect.Y0 < 0 || rect.X1 > o.W || rect.Y1 > o.H) {
				continue
			}
			if !labels.free(rect) || !dots.free(rect) {
				continue
			}
			labels.add(rect)
			out[i].Pos, out[i].Rect = LabelPos(c+1), rect
			break
		}
	}
	return out
}

// labelFinite reports whether an item's numbers are finite and its marker is within ±1e6 px.
func labelFinite(it LabelItem) bool {
	for _, v := range [...]float64{it.X, it.Y, it.W, it.H} {
		if math.IsNaN(v) || math.Abs(v) > 1e6 {
			return false
		}
	}
	return it.W >= 0 && it.H >= 0
}
