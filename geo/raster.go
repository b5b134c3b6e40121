package geo

import (
	"image"
	"image/color"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"golang.org/x/image/vector"
)

// rasterTolerance is the Douglas–Peucker tolerance, in pixels, used when preparing geometry
// for a scale; rasterMinRing is the size in pixels below which a ring is dropped.
const (
	rasterTolerance = 0.5
	rasterMinRing   = 0.35
)

// rasterSrcLayer is a layer of a rasterSource: shapes in projected metres (longitudes made
// continuous first), or shapes in degrees that prepare unwraps and projects straight into
// level pixels. A layer holds one kind or the other.
type rasterSrcLayer struct {
	kind   LayerKind
	paint  Paint
	polys  [][]orb.Ring     // projected metres; first ring outer, then holes
	lines  []orb.LineString // projected metres
	points []orb.Point      // projected metres (LayerMarker)
	// degPolys and degLines are the caller's shapes in degrees, shared, not copied: a scene of
	// the base map holds no coordinates of its own (see newRasterSource).
	degPolys []orb.Polygon
	degLines []orb.LineString
}

// rasterSource is a set of layers ready to be prepared per scale: projected to metres once, or
// (proj non-nil) kept in degrees and projected by prepare.
type rasterSource struct {
	bg     color.NRGBA
	layers []rasterSrcLayer
	proj   Projection // projects degPolys and degLines
}

// rasterPoly and rasterLine are prepared shapes in pixels, with their bounds in pixels.
type rasterPoly struct {
	b     orb.Bound
	rings []orb.Ring
}

type rasterLine struct {
	b  orb.Bound
	ls orb.LineString
}

type rasterPrepLayer struct {
	kind  LayerKind
	paint Paint
	polys []rasterPoly
	lines []rasterLine
}

// rasterPrepared is geometry prepared for one scale: in pixels, simplified, holes oriented
// against their outer ring. It is read-only once built and shared between goroutines.
type rasterPrepared struct {
	bg     color.NRGBA
	layers []rasterPrepLayer
}

// rasterUnwrap returns a copy of pts with longitudes made continuous: a step of more than 180°
// is taken as a wrap across the antimeridian and the following points are shifted by ±360°,
// so rings crossing 180° never paint a band across the map.
func rasterUnwrap(pts []orb.Point) []orb.Point {
	out := make([]orb.Point, len(pts))
	var u lonUnwrap
	for i, p := range pts {
		out[i] = orb.Point{u.next(p[0]), p[1]}
	}
	return out
}

// lonUnwrap makes the longitudes of a run of points continuous, one at a time, as
// rasterUnwrap does: a step of more than 180° from the previous point is taken as a wrap.
type lonUnwrap struct {
	off, prev float64
	started   bool
}

// next returns lon shifted by the wraps seen so far.
func (u *lonUnwrap) next(lon float64) float64 {
	if u.started {
		if d := lon + u.off - u.prev; d > 180 {
			u.off -= 360
		} else if d < -180 {
			u.off += 360
		}
	}
	u.started, u.prev = true, lon+u.off
	return u.prev
}

// newRasterSource makes the source of layers in style s through p. Without clipTo the
// shapes are kept as they are, in degrees, shared with the layers (which the caller must not
// modify afterwards): prepare unwraps and projects them into pixels, so that a scene of the base
// map holds no second copy of its coordinates. With clipTo (degrees) they are unwrapped, clipped
// and projected now (the one-off path of RenderFrame), and the layers are not retained.
func newRasterSource(p Projection, s *Style, layers []Layer, clipTo *orb.Bound) *rasterSource {
	src := &rasterSource{bg: s.Background, layers: make([]rasterSrcLayer, len(layers))}
	if clipTo == nil {
		src.proj = p
	}
	proj := func(pts []orb.Point) []orb.Point {
		for i, q := range pts {
			x, y := p.Forward(q[0], q[1])
			pts[i] = orb.Point{x, y}
		}
		return pts
	}
	for i := range layers {
		l := &layers[i]
		sl := &src.layers[i]
		sl.kind, sl.paint = l.Kind, l.paint(s)
		addPoly := func(pg orb.Polygon) {
			if clipTo == nil {
				if len(pg) > 0 {
					sl.degPolys = append(sl.degPolys, pg)
				}
				return
			}
			var rings []orb.Ring
			for _, r := range pg {
				rings = append(rings, orb.Ring(rasterUnwrap(r)))
			}
			rings = clip.Polygon(*clipTo, orb.Polygon(rings))
			for j := range rings {
				rings[j] = proj(rings[j])
			}
			if len(rings) > 0 {
				sl.polys = append(sl.polys, rings)
			}
		}
		addLine := func(ls orb.LineString) {
			if clipTo == nil {
				if len(ls) >= 2 {
					sl.degLines = append(sl.degLines, ls)
				}
				return
			}
			parts := clip.MultiLineString(*clipTo, orb.MultiLineString{orb.LineString(rasterUnwrap(ls))})
			for _, part := range parts {
				if len(part) >= 2 {
					sl.lines = append(sl.lines, proj(part))
				}
			}
		}
		var add func(g orb.Geometry)
		add = func(g orb.Geometry) {
			switch g := g.(type) {
			case orb.Polygon:
				addPoly(g)
			case orb.MultiPolygon:
				for _, pg := range g {
					addPoly(pg)
				}
			case orb.Ring:
				addPoly(orb.Polygon{g})
			case orb.Bound:
				addPoly(g.ToPolygon())
			case orb.LineString:
				addLine(g)
			case orb.MultiLineString:
				for _, ls := range g {
					addLine(ls)
				}
			case orb.Collection:
				for _, c := range g {
					add(c)
				}
			case orb.Point, orb.MultiPoint:
				if l.Kind == LayerMarker {
					sl.points = addMarkers(sl.points, g, p, clipTo)
				}
			}
		}
		for _, g := range l.Geoms {
			add(g)
		}
	}
	return src
}

// rasterCtx holds the scratch state of one drawing goroutine.
type rasterCtx struct {
	z       vector.Rasterizer
	scratch orb.Ring
}

// draw paints p into dst, whose pixel (0, 0) is the prepared pixel (ox, oy): first the
// background, then each layer in order. Polygons are filled only inside the sub-image of their
// bounding box; geometry crossing dst's edge is clipped to it (plus a margin) first. dst is
// overwritten; p is not modified. dst.Bounds().Min must be (0, 0).
func (c *rasterCtx) draw(dst *image.RGBA, p *rasterPrepared, ox, oy float64) {
	fillRGBA(dst, color.RGBAModel.Convert(p.bg).(color.RGBA))
	c.drawLayers(dst, p, ox, oy)
}

// drawLayers paints the layers of p over what dst holds, as draw does after the background.
func (c *rasterCtx) drawLayers(dst *image.RGBA, p *rasterPrepared, ox, oy float64) {
	w, h := float64(dst.Bounds().Dx()), float64(dst.Bounds().Dy())
	view := orb.Bound{Min: orb.Point{ox, oy}, Max: orb.Point{ox + w, oy + h}}
	for li := range p.layers {
		l := &p.layers[li]
		if l.kind == LayerFill && l.paint.Fill.A > 0 {
			src := image.NewUniform(l.paint.Fill)
			for i := range l.polys {
				if l.polys[i].b.Intersects(view) {
					c.fillPoly(dst, &l.polys[i], ox, oy, src)
				}
			}
		}
		if l.paint.Width > 0 && l.paint.Stroke.A > 0 {
			c.strokeLayer(dst, l, ox, oy)
		}
	}
}

// fillRGBA sets every pixel of dst to col.
func fillRGBA(dst *image.RGBA, col color.RGBA) {
	b := dst.Bounds()
	if b.Empty() {
		return
	}
	row := dst.Pix[dst.PixOffset(b.Min.X, b.Min.Y):][:4*b.Dx()]
	for i := 0; i < len(row); i += 4 {
		row[i], row[i+1], row[i+2], row[i+3] = col.R, col.G, col.B, col.A
	}
	for y := b.Min.Y + 1; y < b.Max.Y; y++ {
		copy(dst.Pix[dst.PixOffset(b.Min.X, y):][:len(row)], row)
	}
}

// pixelRect returns the integer rectangle covering b shifted by -ox, -oy, grown by grow
// pixels and intersected with lim.
func pixelRect(b orb.Bound, ox, oy, grow float64, lim image.Rectangle) image.Rectangle {
	r := image.Rect(
		int(math.Floor(b.Min[0]-ox-grow)), int(math.Floor(b.Min[1]-oy-grow)),
		int(math.Ceil(b.Max[0]-ox+grow)), int(math.Ceil(b.Max[1]-oy+grow)))
	return r.Intersect(lim)
}

// clipBound returns dst's area in prepared pixels grown by m pixels.
func clipBound(dst *image.RGBA, ox, oy, m float64) orb.Bound {
	return orb.Bound{Min: orb.Point{ox - m, oy - m},
		Max: orb.Point{ox + float64(dst.Bounds().Dx()) + m, oy + float64(dst.Bounds().Dy()) + m}}
}

func boundWithin(inner, outer orb.Bound) bool {
	return inner.Min[0] >= outer.Min[0] && inner.Min[1] >= outer.Min[1] &&
		inner.Max[0] <= outer.Max[0] && inner.Max[1] <= outer.Max[1]
}

// fillPoly fills one polygon into the sub-image of its bounding box.
func (c *rasterCtx) fillPoly(dst *image.RGBA, pp *rasterPoly, ox, oy float64, src *image.Uniform) {
	r := pixelRect(pp.b, ox, oy, 0, dst.Bounds())
	if r.Empty() {
		return
	}
	cb := clipBound(dst, ox, oy, 2)
	needClip := !boundWithin(pp.b, cb)
	c.z.Reset(r.Dx(), r.Dy())
	dx, dy := ox+float64(r.Min.X), oy+float64(r.Min.Y)
	drawn := false
	for _, ring := range pp.rings {
		if needClip {
			c.scratch = append(c.scratch[:0], ring...)
			ring = clip.Ring(cb, c.scratch)
		}
		if len(ring) < 3 {
			continue
		}
		c.z.MoveTo(float32(ring[0][0]-dx), float32(ring[0][1]-dy))
		for _, q := range ring[1:] {
			c.z.LineTo(float32(q[0]-dx), float32(q[1]-dy))
		}
		c.z.ClosePath()
		drawn = true
	}
	if drawn {
		c.z.Draw(dst, r, src, image.Point{})
	}
}

// strokeLayer strokes all lines of l, and the rings of its polygons, in one rasterizer pass
// over the union of their bounding boxes, so that shared borders are not darkened twice.
func (c *rasterCtx) strokeLayer(dst *image.RGBA, l *rasterPrepLayer, ox, oy float64) {
	hw := l.paint.Width / 2
	grow := hw + 1
	view := clipBound(dst, ox, oy, grow)
	var union image.Rectangle
	var paths []rasterLine
	add := func(b orb.Bound, ls orb.LineString) {
		if !b.Intersects(view) {
			return
		}
		union = union.Union(pixelRect(b, ox, oy, grow, dst.Bounds()))
		paths = append(paths, rasterLine{b: b, ls: ls})
	}
	for i := range l.polys {
		for _, r := range l.polys[i].rings {
			add(l.polys[i].b, orb.LineString(r))
		}
	}
	for i := range l.lines {
		add(l.lines[i].b, l.lines[i].ls)
	}
	if union.Empty() {
		return
	}
	c.z.Reset(union.Dx(), union.Dy())
	dx, dy := ox+float64(union.Min.X), oy+float64(union.Min.Y)
	joins := l.paint.Width >= 1.5
	for _, p := range paths {
		parts := orb.MultiLineString{p.ls}
		if !boundWithin(p.b, view) {
			parts = clip.LineString(view, p.ls)
		}
		for _, part := range parts {
			c.strokePath(part, dx, dy, hw, joins)
		}
	}
	c.z.Draw(dst, union, image.NewUniform(l.paint.Stroke), image.Point{})
}

// strokePath adds a polyline of half-width hw (pixels) to the rasterizer as one quad per
// segment, all wound the same way, plus an octagon at each vertex when joins is true.
func (c *rasterCtx) strokePath(ls orb.LineString, dx, dy, hw float64, joins bool) {
	for i := 1; i < len(ls); i++ {
		ax, ay := ls[i-1][0]-dx, ls[i-1][1]-dy
		bx, by := ls[i][0]-dx, ls[i][1]-dy
		ex, ey := bx-ax, by-ay
		n := math.Hypot(ex, ey)
		if n == 0 {
			continue
		}
		nx, ny := -ey/n*hw, ex/n*hw
		c.z.MoveTo(float32(ax+nx), float32(ay+ny))
		c.z.LineTo(float32(bx+nx), float32(by+ny))
		c.z.LineTo(float32(bx-nx), float32(by-ny))
		c.z.LineTo(float32(ax-nx), float32(ay-ny))
		c.z.ClosePath()
		if joins {
			c.octagon(bx, by, hw)
			if i == 1 {
				c.octagon(ax, ay, hw)
			}
		}
	}
}

// rasterOct holds the unit octagon, wound like the stroke quads.
var rasterOct = func() (o [8][2]float64) {
	for k := range o {
		a := -float64(k) * math.Pi / 4
		o[k] = [2]float64{math.Cos(a), math.Sin(a)}
	}
	return o
}()

func (c *rasterCtx) octagon(x, y, r float64) {
	c.z.MoveTo(float32(x+r*rasterOct[0][0]), float32(y+r*rasterOct[0][1]))
	for _, p := range rasterOct[1:] {
		c.z.LineTo(float32(x+r*p[0]), float32(y+r*p[1]))
	}
	c.z.ClosePath()
}

// RenderFrame draws layers in style s, as seen through v, into a new v.W×v.H image. The layers
// are clipped (in degrees) to a generous bound around the view before projecting, then
// simplified to half a pixel. It is the one-off path (snapshots, tests); an interactive map
// should use a TileCache, which prepares each zoom level once. The layers are not modified.
func RenderFrame(v *View, s *Style, layers []Layer) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	renderInto(img, v, s, layers, true, nil)
	return img
}

// renderInto draws layers as RenderFrame does into dst (v.W×v.H, origin at (0, 0)), filling it
// with the style's background first when fill is set, else drawing over what it holds. c, if
// not nil, is a rasterizer kept by a caller that draws often (the overlay worker), whose
// buffers are reused rather than made again for every polygon's first draw.
func renderInto(dst *image.RGBA, v *View, s *Style, layers []Layer, fill bool, c *rasterCtx) {
	gb := v.GeoBound(float64(max(v.W, v.H)) / 2)
	src := newRasterSource(v.Proj, s, layers, &gb)
	prep := src.prepare(v.ProjToScreen)
	if c == nil {
		c = &rasterCtx{}
	}
	if fill {
		c.draw(dst, prep, 0, 0)
	} else {
		c.drawLayers(dst, prep, 0, 0)
	}
}
