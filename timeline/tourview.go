package timeline

import (
	"math"

	"github.com/paulmach/orb"
)

// ZoomScale0 is the scale of zoom 0 in metres per pixel: the equator's 40,075,016.686 m on 256
// pixels (2π × 6,378,137 m / 256), as web maps number their zoom levels. Each zoom level up
// halves it.
const ZoomScale0 = 156543.03392804097

// The zoom levels a stop's view may give. They lie within the map's own limits (40,000 to 2
// metres per pixel, zoom 1.97 to 16.3): zoom 2 shows the whole theatre of war and more, zoom
// 16 a few streets.
const (
	MinZoom = 2
	MaxZoom = 16
)

// The reference frame of a view, in pixels: zoom z shows ViewFrameWidth × ViewFrameHeight
// pixels at ZoomScale(z). A map of another size shows the same frame (FrameScale), so that a
// stop frames the same ground on a laptop, a 1080p projector and a 4K touchscreen.
const (
	ViewFrameWidth  = 1280
	ViewFrameHeight = 720
)

// ZoomScale returns the scale of zoom z in metres per pixel on the map's plane:
// ZoomScale0 / 2^z (zoom 5: 4,892 m per pixel, a frame 6,262 km wide; zoom 9: 306 m per
// pixel, a frame 391 km wide). The map's projection (a Lambert conformal conic with standard
// parallels 35° and 65° N) keeps the plane within 3.5 % of the ground between 31° and 69° N,
// so this is very nearly metres on the ground there.
func ZoomScale(z float64) float64 { return ZoomScale0 / math.Exp2(z) }

// FrameScale returns the metres per pixel at which a map of w × h pixels shows the reference
// frame of zoom z whole, as large as it fits: ZoomScale(z) × max(ViewFrameWidth/w,
// ViewFrameHeight/h). A smaller map zooms out, a larger one zooms in; the frame's centre stays
// the map's centre. A size that is not positive gives ZoomScale(z).
func FrameScale(z, w, h float64) float64 {
	s := ZoomScale(z)
	if !(w > 0 && h > 0) {
		return s
	}
	return s * math.Max(ViewFrameWidth/w, ViewFrameHeight/h)
}

// FrameZoom is the inverse of FrameScale: the zoom whose reference frame a map of w × h pixels
// at scale metres per pixel shows. An authoring tool uses it to write the view on screen as a
// stop's zoom.
func FrameZoom(scale, w, h float64) float64 {
	f := 1.0
	if w > 0 && h > 0 {
		f = math.Max(ViewFrameWidth/w, ViewFrameHeight/h)
	}
	return math.Log2(ZoomScale0 * f / scale)
}

// How "fit": "selection" frames the selection's places: their bounding box widened on every
// side by FitPadFraction of its larger side, and by at least FitPadDegrees, so that one place
// is seen where it lies on the front rather than at street level. The map's fit-to-selection
// button uses the same rule.
const (
	FitPadDegrees  = 3.0
	FitPadFraction = 0.15
)

// FitBound returns b widened as "fit": "selection" frames it (see FitPadDegrees).
func FitBound(b orb.Bound) orb.Bound {
	pad := math.Max(FitPadDegrees, FitPadFraction*math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]))
	return b.Pad(pad)
}

// ViewState is the map view a stop asks for, resolved against the catalog.
type ViewState struct {
	// Fit is true for "fit": "selection": the map fits FitBound(Places).
	Fit bool
	// Places is the bounding box (degrees, lon first) of the selection's places; for a centre
	// view, the centre as a point.
	Places orb.Bound
	// Lon, Lat (degrees) and Zoom are a centre view's; for a fit view, Lon and Lat are the
	// centre of Places and Zoom is 0.
	Lon, Lat, Zoom float64
}

// MetresPerPixel returns the scale at which a map of w × h pixels shows the view's frame (see
// FrameScale); 0 for a fit view, whose scale the map finds by fitting FitBound(Places).
func (v ViewState) MetresPerPixel(w, h float64) float64 {
	if v.Fit {
		return 0
	}
	return FrameScale(v.Zoom, w, h)
}

// viewState resolves a stop's view: the places of a fit view come from the catalog.
func (c *Catalog) viewState(s *Stop) ViewState {
	if lon, lat, zoom, ok := s.View.Center(); ok {
		pt := orb.Point{lon, lat}
		return ViewState{Places: pt.Bound(), Lon: lon, Lat: lat, Zoom: zoom}
	}
	v := ViewState{Fit: true}
	r, _ := s.Selection()
	for i, p := range c.SelectionPlaces(r) {
		pt := orb.Point{p.Lon, p.Lat}
		if i == 0 {
			v.Places = pt.Bound()
		} else {
			v.Places = v.Places.Extend(pt)
		}
	}
	centre := v.Places.Center()
	v.Lon, v.Lat = centre[0], centre[1]
	return v
}
