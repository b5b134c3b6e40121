package geo

import "math"

// HitRadius is the default pick radius in pixels: a tap within it selects a marker.
const HitRadius = 24.0

// IndexPoint is one marker in an index: an id and a position (screen pixels, or any planar
// unit as long as queries use the same).
type IndexPoint struct {
	ID   string
	X, Y float64
}

// PointIndex is a uniform grid over points for nearest-neighbour queries within a radius. A
// query looks only at the cells the radius touches, not at every point. It is read-only after
// NewPointIndex and safe for concurrent queries.
type PointIndex struct {
	cell  float64
	cells map[[2]int][]int32
	pts   []IndexPoint
}

// NewPointIndex indexes pts (copied) in cells of side cell (in the points' unit; HitRadius suits
// screen pixels). Points with NaN coordinates are left out. A cell ≤ 0 means HitRadius.
func NewPointIndex(pts []IndexPoint, cell float64) *PointIndex {
	if cell <= 0 || math.IsNaN(cell) {
		cell = HitRadius
	}
	ix := &PointIndex{cell: cell, cells: make(map[[2]int][]int32, len(pts)), pts: append([]IndexPoint(nil), pts...)}
	for i, p := range ix.pts {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) {
			continue
		}
		c := ix.cellOf(p.X, p.Y)
		ix.cells[c] = append(ix.cells[c], int32(i))
	}
	return ix
}

func (ix *PointIndex) cellOf(x, y float64) [2]int {
	return [2]int{int(math.Floor(x / ix.cell)), int(math.Floor(y / ix.cell))}
}

// Len returns the number of points indexed.
func (ix *PointIndex) Len() int { return len(ix.pts) }

// Nearest returns the point nearest to x, y within maxDist (inclusive), and false if there is
// none. Among points at the same distance the one given first to NewPointIndex wins.
func (ix *PointIndex) Nearest(x, y, maxDist float64) (IndexPoint, bool) {
	if maxDist < 0 || math.IsNaN(x) || math.IsNaN(y) {
		return IndexPoint{}, false
	}
	lo := ix.cellOf(x-maxDist, y-maxDist)
	hi := ix.cellOf(x+maxDist, y+maxDist)
	best, bestD := int32(-1), maxDist*maxDist
	if float64(hi[0]-lo[0]+1)*float64(hi[1]-lo[1]+1) > float64(len(ix.cells)) {
		// The radius covers more cells than are occupied: visit the occupied ones instead.
		for c, idx := range ix.cells {
			if c[0] >= lo[0] && c[0] <= hi[0] && c[1] >= lo[1] && c[1] <= hi[1] {
				for _, i := range idx {
					best, bestD = ix.closer(i, best, bestD, x, y)
				}
			}
		}
		return ix.result(best)
	}
	for cy := lo[1]; cy <= hi[1]; cy++ {
		for cx := lo[0]; cx <= hi[0]; cx++ {
			for _, i := range ix.cells[[2]int{cx, cy}] {
				best, bestD = ix.closer(i, best, bestD, x, y)
			}
		}
	}
	return ix.result(best)
}

// closer returns point i and its squared distance to x, y if it beats best at bestD.
func (ix *PointIndex) closer(i, best int32, bestD, x, y float64) (int32, float64) {
	p := ix.pts[i]
	d := (p.X-x)*(p.X-x) + (p.Y-y)*(p.Y-y)
	if d < bestD || (d == bestD && (best < 0 || i < best)) {
		return i, d
	}
	return best, bestD
}

func (ix *PointIndex) result(best int32) (IndexPoint, bool) {
	if best < 0 {
		return IndexPoint{}, false
	}
	return ix.pts[best], true
}
