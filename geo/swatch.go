package geo

import (
	"image"
	"image/color"

	"github.com/paulmach/orb"
)

// SwatchItem is one thing a legend swatch shows, drawn as the map draws it: an area (a square
// with the paint's fill and outline), a line (a zigzag stroked with the paint) or a marker (a
// disc of the paint's radius).
type SwatchItem struct {
	Kind  LayerKind // LayerFill for an area, LayerLine, LayerMarker
	Paint Paint
}

// Swatch draws a w×h legend swatch at scale pixels per unit (2 for a sharp swatch on a 2×
// screen): the background bg (the land colour, so a wash looks as it does over land), then the
// items in order, each with the rasterizer, paints and sizes of the map. Line widths and marker
// radii are multiplied by scale.
func Swatch(w, h int, scale float64, bg color.NRGBA, items ...SwatchItem) *image.RGBA {
	pw, ph := int(float64(w)*scale+0.5), int(float64(h)*scale+0.5)
	fw, fh := float64(pw), float64(ph)
	m := 2 * scale // margin
	var layers []Layer
	for _, it := range items {
		p := it.Paint
		p.Width *= scale
		p.Radius *= scale
		l := Layer{Kind: it.Kind, Override: &p}
		switch it.Kind {
		case LayerFill:
			l.Geoms = []orb.Geometry{orb.Polygon{orb.Ring{{m, m}, {fw - m, m}, {fw - m, fh - m}, {m, fh - m}, {m, m}}}}
		case LayerLine:
			y0, y1 := fh*0.7, fh*0.3
			l.Geoms = []orb.Geometry{orb.LineString{{m, y0}, {fw * 0.35, y1}, {fw * 0.65, y0}, {fw - m, y1}}}
		case LayerMarker:
			l.Geoms = []orb.Geometry{orb.Point{fw / 2, fh / 2}}
		}
		layers = append(layers, l)
	}
	s := &Style{Background: bg}
	src := newRasterSource(swatchPlane{}, s, layers, nil)
	prep := src.prepare(func(x, y float64) (float64, float64) { return x, -y })
	img := image.NewRGBA(image.Rect(0, 0, pw, ph))
	var c rasterCtx
	c.draw(img, prep, 0, 0)
	return img
}

// swatchPlane is the projection of a swatch: pixels as given, y up on the plane.
type swatchPlane struct{}

func (swatchPlane) Forward(x, y float64) (float64, float64) { return x, -y }
func (swatchPlane) Inverse(x, y float64) (float64, float64) { return x, -y }

// SwatchItems returns the items that show a user layer of colour c in style s: a square if
// it has areas, a line if it has lines, a marker if it has points (its default look: features
// with their own simplestyle look differ).
func (l *UserLayer) SwatchItems(c color.NRGBA, s *Style) []SwatchItem {
	area, line, marker := UserPaints(FeatureStyle{}, c, s)
	var items []SwatchItem
	if l.Areas > 0 {
		items = append(items, SwatchItem{Kind: LayerFill, Paint: area})
	}
	if l.Lines > 0 {
		items = append(items, SwatchItem{Kind: LayerLine, Paint: line})
	}
	if l.Points > 0 {
		marker.Radius = min(marker.Radius, 4.5)
		items = append(items, SwatchItem{Kind: LayerMarker, Paint: marker})
	}
	return items
}
