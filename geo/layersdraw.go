package geo

import (
	"math"
	"time"

	"github.com/paulmach/orb"
)

// BordersAt returns the countries of the border snapshot for day (see BordersFor), or nil if
// that snapshot did not load. The result is shared: do not modify it.
func (m *BaseMap) BordersAt(day time.Time) []BaseMapArea { return m.Borders[BordersFor(day)] }

// BorderLines returns the outlines of areas as lines, without the edges that are not borders:
// those along the theatre's edge (where the layers were clipped) and along 180° (where the
// sources split a country). Stroke these instead of the polygons' rings. Degrees lon-first;
// the areas are not modified.
func BorderLines(areas []BaseMapArea) orb.MultiLineString {
	var out orb.MultiLineString
	for _, a := range areas {
		for _, p := range a.Shape {
			for _, r := range p {
				var cur orb.LineString
				for i := 1; i < len(r); i++ {
					if IsSeamEdge(r[i-1], r[i]) {
						if len(cur) >= 2 {
							out = append(out, cur)
						}
						cur = nil
						continue
					}
					if len(cur) == 0 {
						cur = orb.LineString{r[i-1]}
					}
					cur = append(cur, r[i])
				}
				if len(cur) >= 2 {
					out = append(out, cur)
				}
			}
		}
	}
	return out
}

// IsSeamEdge reports whether the segment a–b (degrees) is an artificial edge of a clipped
// area: both ends on the same side of TheatreBound, or both on the 180° meridian.
func IsSeamEdge(a, b orb.Point) bool {
	const eps = 1e-6
	on := func(u, v, w float64) bool { return math.Abs(u-w) < eps && math.Abs(v-w) < eps }
	return on(a[0], b[0], TheatreBound.Min[0]) || on(a[0], b[0], TheatreBound.Max[0]) ||
		on(a[1], b[1], TheatreBound.Min[1]) || on(a[1], b[1], TheatreBound.Max[1]) ||
		on(a[0], b[0], 180)
}

// DrawLayers returns the base map of one level as renderer layers for day, in drawing order:
// land (filled with style s's land colour and no outline: land is cut at the theatre's edge
// and at 180°, and the coast layer draws the shore), the lakes that exist that year, the
// borders of the snapshot for day (BorderLines, without cut edges), the coast, and the rivers
// of rank ≤ maxRiverRank (1–5). Missing layers are left out. The geometries are shared with m.
func (m *BaseMap) DrawLayers(level string, day time.Time, s *Style, maxRiverRank int) []Layer {
	var out []Layer
	lv := m.Levels[level]
	if lv == nil {
		lv = &BaseMapLevel{}
	}
	areaGeoms := func(as []BaseMapArea, keep func(*BaseMapArea) bool) []orb.Geometry {
		var gs []orb.Geometry
		for i := range as {
			if keep == nil || keep(&as[i]) {
				gs = append(gs, as[i].Shape)
			}
		}
		return gs
	}
	lineGeoms := func(ls []BaseMapLine, maxRank int) []orb.Geometry {
		var gs []orb.Geometry
		for _, l := range ls {
			if maxRank == 0 || l.Rank <= maxRank {
				gs = append(gs, l.Path)
			}
		}
		return gs
	}
	if len(lv.Land) > 0 {
		out = append(out, Layer{Name: "land-" + level, Kind: LayerFill, Role: RoleLand,
			Override: &Paint{Fill: s.Land.Fill}, Geoms: areaGeoms(lv.Land, nil)})
	}
	if len(lv.Lakes) > 0 {
		year := day.Year()
		out = append(out, Layer{Name: "lakes-" + level, Kind: LayerFill, Role: RoleLake,
			Geoms: areaGeoms(lv.Lakes, func(a *BaseMapArea) bool { return a.ShownIn(year) })})
	}
	if b := m.borderLines[BordersFor(day)]; len(b) > 0 {
		out = append(out, Layer{Name: "borders-" + BordersFor(day), Kind: LayerLine, Role: RoleBorder,
			Geoms: []orb.Geometry{b}})
	}
	if len(lv.Coast) > 0 {
		out = append(out, Layer{Name: "coast-" + level, Kind: LayerLine, Role: RoleCoast, Geoms: lineGeoms(lv.Coast, 0)})
	}
	if len(lv.Rivers) > 0 {
		out = append(out, Layer{Name: "rivers-" + level, Kind: LayerLine, Role: RoleRiver,
			Geoms: lineGeoms(lv.Rivers, max(maxRiverRank, 1))})
	}
	return out
}
