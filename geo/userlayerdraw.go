package geo

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// The look of a user layer where its file gives no simplestyle property: areas washed in the
// layer's colour and outlined in it, lines and markers in it. A colour the file gives without
// an opacity takes simplestyle's defaults (stroke 1, fill 0.6).
const (
	userFillOpacity     = 0.25
	userStrokeWidth     = 1.5 // outlines of areas
	userLineWidth       = 2   // lines
	userMarkerRadius    = 5.5 // simplestyle's "medium"
	userMarkerOutline   = 1.5
	simpleFillOpacity   = 0.6
	simpleStrokeOpacity = 1.0
)

// UserColor returns the colour of the user layer that takes colour slot i in style s (slots
// wrap around the style's palette).
func (s *Style) UserColor(i int) color.NRGBA {
	if len(s.User) == 0 {
		return s.Front.Stroke
	}
	return s.User[((i%len(s.User))+len(s.User))%len(s.User)]
}

// withOpacity returns c with alpha set from an opacity in [0, 1].
func withOpacity(c color.NRGBA, o float64) color.NRGBA {
	c.A = uint8(min(max(o, 0), 1)*255 + 0.5)
	return c
}

// markerOutline is the ring around a marker: white on a light map, near-black on a dark one.
func markerOutline(s *Style) color.NRGBA {
	l := s.Land.Fill
	if 299*int(l.R)+587*int(l.G)+114*int(l.B) > 128*1000 {
		return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	return color.NRGBA{R: 0x10, G: 0x10, B: 0x10, A: 0xff}
}

// UserPaints returns how a feature with style fs is drawn in a layer of colour c on style s:
// as an area (fill and outline), as a line, and as a marker. The legend draws its swatches
// with the same function, so they match the map.
func UserPaints(fs FeatureStyle, c color.NRGBA, s *Style) (area, line, marker Paint) {
	stroke, strokeOp := c, 1.0
	if fs.Has&HasStroke != 0 {
		stroke, strokeOp = fs.Stroke, simpleStrokeOpacity
	}
	if fs.Has&HasStrokeOpacity != 0 {
		strokeOp = fs.StrokeOpacity
	}
	fill, fillOp := c, userFillOpacity
	if fs.Has&HasFill != 0 {
		fill, fillOp = fs.Fill, simpleFillOpacity
	}
	if fs.Has&HasFillOpacity != 0 {
		fillOp = fs.FillOpacity
	}
	areaW, lineW := userStrokeWidth, float64(userLineWidth)
	if fs.Has&HasStrokeWidth != 0 {
		areaW, lineW = fs.StrokeWidth, fs.StrokeWidth
	}
	area = Paint{Fill: withOpacity(fill, fillOp), Stroke: withOpacity(stroke, strokeOp), Width: areaW}
	line = Paint{Stroke: withOpacity(stroke, strokeOp), Width: lineW}
	mc, r := c, userMarkerRadius
	if fs.Has&HasMarker != 0 {
		mc = fs.Marker
	}
	if fs.Has&HasMarkerSize != 0 {
		r = fs.MarkerSize
	}
	marker = Paint{Fill: mc, Stroke: markerOutline(s), Width: userMarkerOutline, Radius: r}
	return area, line, marker
}

// ShownOn reports whether the feature is drawn on day (days since 1970-01-01).
func (f *UserFeature) ShownOn(day int) bool {
	return !f.Dated || (f.Days.From <= day && day <= f.Days.To)
}

// Dated reports whether some features of the layer are shown only on some dates.
func (l *UserLayer) Dated() bool { return len(l.dayBounds) > 0 }

// Epoch numbers the set of features shown on day: two days with the same epoch show the same
// features, so what was drawn for one serves the other. Undated layers have one epoch, 0.
func (l *UserLayer) Epoch(day int) int { return sort.SearchInts(l.dayBounds, day+1) }

// DrawLayers returns the features of l shown on day as layers for the renderer, in colour c
// (Style.UserColor) where the file gives no style: the areas, then the lines, then the
// markers, each kind grouped by paint in the order the paints first appear. The geometries are
// shared with l.
func (l *UserLayer) DrawLayers(day int, c color.NRGBA, s *Style) []Layer {
	type group struct {
		kind  LayerKind
		paint Paint
	}
	idx := map[group]int{}
	var areas, outlines, lines, markers []Layer
	put := func(list *[]Layer, kind LayerKind, p Paint, g orb.Geometry) {
		k := group{kind, p}
		i, ok := idx[k]
		if !ok {
			i = len(*list)
			idx[k] = i
			paint := p
			*list = append(*list, Layer{Name: fmt.Sprintf("user-%s-%d-%d", l.Name, kind, i), Kind: kind, Override: &paint})
		}
		(*list)[i].Geoms = append((*list)[i].Geoms, g)
	}
	for i := range l.Features {
		f := &l.Features[i]
		if !f.ShownOn(day) {
			continue
		}
		area, line, marker := UserPaints(f.Style, c, s)
		var visit func(g orb.Geometry)
		visit = func(g orb.Geometry) {
			switch g := g.(type) {
			case orb.Polygon, orb.MultiPolygon:
				put(&areas, LayerFill, Paint{Fill: area.Fill}, g)
				if area.Width > 0 && area.Stroke.A > 0 {
					if o := userOutline(g); len(o) > 0 {
						put(&outlines, LayerLine, Paint{Stroke: area.Stroke, Width: area.Width}, o)
					}
				}
			case orb.LineString, orb.MultiLineString:
				put(&lines, LayerLine, line, g)
			case orb.Point, orb.MultiPoint:
				put(&markers, LayerMarker, marker, g)
			case orb.Collection:
				for _, m := range g {
					visit(m)
				}
			}
		}
		visit(f.Geom)
	}
	return append(append(append(areas, outlines...), lines...), markers...)
}

// userOutline returns the rings of an area as lines, without the edges that are not the
// shape's own: those along 180° (where a file split a shape crossing it, RFC 7946 §3.1.9) and
// along the edge of the map's longitudes or 60°S (where the loader clipped it).
func userOutline(g orb.Geometry) orb.MultiLineString {
	var out orb.MultiLineString
	ring := func(r orb.Ring) {
		start := 0
		for i := 1; i < len(r); i++ {
			if userSeamEdge(r[i-1], r[i]) {
				if i-1-start >= 1 {
					out = append(out, orb.LineString(r[start:i]))
				}
				start = i
			}
		}
		if len(r)-1-start >= 1 {
			out = append(out, orb.LineString(r[start:]))
		}
	}
	switch g := g.(type) {
	case orb.Polygon:
		for _, r := range g {
			ring(r)
		}
	case orb.MultiPolygon:
		for _, pg := range g {
			for _, r := range pg {
				ring(r)
			}
		}
	}
	return out
}

// userSeamEdge reports whether a–b runs along 180° or along the edge of userClip.
func userSeamEdge(a, b orb.Point) bool {
	// Natural Earth's 1:50m layers stop at 179.99922°: a tolerance of a thousandth of a degree
	// (about 50 m there) takes their split edges for what they are.
	near := func(u, v, w, eps float64) bool { return math.Abs(u-w) < eps && math.Abs(v-w) < eps }
	on := func(u, v, w float64) bool { return near(u, v, w, 1e-9) }
	return near(a[0], b[0], 180, 1e-3) || on(a[0], b[0], userClip.Min[0]) || on(a[0], b[0], userClip.Max[0]) ||
		on(a[1], b[1], userClip.Min[1])
}
