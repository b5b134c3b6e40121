package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Default zoom limits of a View, in metres per pixel: from about the whole northern hemisphere
// on one screen down to a town.
const (
	ViewMaxScale = 40000.0 // metres per pixel, most zoomed out
	ViewMinScale = 2.0     // metres per pixel, most zoomed in
)

// View is what the map window shows: a projection, the projected point at the centre of the
// window, a scale and a size. It maps degrees (lon first) to screen pixels (x right, y down,
// origin at the top-left corner of the window) and back. Its methods that change it say so;
// a View is a small value and is not safe for concurrent mutation.
type View struct {
	Proj     Projection
	CX, CY   float64 // centre of the window in projected metres (x east, y north)
	Scale    float64 // metres per pixel
	W, H     int     // size in pixels
	MinScale float64 // smallest allowed Scale (most zoomed in), metres per pixel
	MaxScale float64 // largest allowed Scale (most zoomed out), metres per pixel
}

// NewView returns a View of w×h pixels centred on lon, lat (degrees) at scale metres per pixel,
// with the default zoom limits (ViewMinScale..ViewMaxScale). The scale is clamped to them.
func NewView(p Projection, w, h int, lon, lat, scale float64) *View {
	v := &View{Proj: p, W: w, H: h, Scale: scale, MinScale: ViewMinScale, MaxScale: ViewMaxScale}
	v.CX, v.CY = p.Forward(lon, lat)
	v.Scale = v.clampScale(scale)
	return v
}

func (v *View) clampScale(s float64) float64 {
	if v.MinScale > 0 && s < v.MinScale {
		s = v.MinScale
	}
	if v.MaxScale > 0 && s > v.MaxScale {
		s = v.MaxScale
	}
	return s
}

// ProjToScreen maps projected metres to screen pixels.
func (v *View) ProjToScreen(x, y float64) (px, py float64) {
	return (x-v.CX)/v.Scale + float64(v.W)/2, (v.CY-y)/v.Scale + float64(v.H)/2
}

// ScreenToProj maps screen pixels to projected metres.
func (v *View) ScreenToProj(px, py float64) (x, y float64) {
	return v.CX + (px-float64(v.W)/2)*v.Scale, v.CY - (py-float64(v.H)/2)*v.Scale
}

// ToScreen maps lon, lat (degrees) to screen pixels (x right, y down).
func (v *View) ToScreen(lon, lat float64) (px, py float64) {
	return v.ProjToScreen(v.Proj.Forward(lon, lat))
}

// FromScreen maps screen pixels to lon, lat (degrees). It is the inverse of ToScreen.
func (v *View) FromScreen(px, py float64) (lon, lat float64) {
	return v.Proj.Inverse(v.ScreenToProj(px, py))
}

// Pan moves the map content by dx, dy pixels, as a drag of the pointer by that much does: the
// point that was under the pointer stays under it. It mutates v.
func (v *View) Pan(dx, dy float64) {
	v.CX -= dx * v.Scale
	v.CY += dy * v.Scale
}

// ZoomAbout zooms by factor (>1 zooms in, <1 zooms out) keeping the geographic point under the
// screen pixel px, py fixed. The resulting scale is clamped to MinScale..MaxScale (then the
// point under the pointer still stays fixed). It mutates v. A factor ≤ 0 is ignored.
func (v *View) ZoomAbout(factor, px, py float64) {
	if factor <= 0 || math.IsNaN(factor) || math.IsInf(factor, 0) {
		return
	}
	x, y := v.ScreenToProj(px, py)
	s := v.clampScale(v.Scale / factor)
	v.Scale = s
	v.CX = x - (px-float64(v.W)/2)*s
	v.CY = y + (py-float64(v.H)/2)*s
}

// Fit centres and scales v so that the geographic bound b (degrees) fills the window minus
// padding pixels on each side, clamped to the zoom limits. The bound's edges are sampled so
// that a curved projection of them fits too. It mutates v.
func (v *View) Fit(b orb.Bound, padding float64) {
	const n = 16
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	add := func(lon, lat float64) {
		x, y := v.Proj.Forward(lon, lat)
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	for i := 0; i <= n; i++ {
		t := float64(i) / n
		lon := b.Min[0] + t*(b.Max[0]-b.Min[0])
		lat := b.Min[1] + t*(b.Max[1]-b.Min[1])
		add(lon, b.Min[1])
		add(lon, b.Max[1])
		add(b.Min[0], lat)
		add(b.Max[0], lat)
	}
	w := math.Max(float64(v.W)-2*padding, 1)
	h := math.Max(float64(v.H)-2*padding, 1)
	s := math.Max((maxX-minX)/w, (maxY-minY)/h)
	if s <= 0 || math.IsNaN(s) {
		s = v.Scale
	}
	v.Scale = v.clampScale(s)
	v.CX, v.CY = (minX+maxX)/2, (minY+maxY)/2
}

// ProjBound returns the projected rectangle (metres) the window covers.
func (v *View) ProjBound() orb.Bound {
	x0, y0 := v.ScreenToProj(0, float64(v.H))
	x1, y1 := v.ScreenToProj(float64(v.W), 0)
	return orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x1, y1}}
}

// GeoBound returns a lon/lat bound (degrees) that contains everything the window shows, found by
// inverse-projecting points along the window's edges and widened by margin pixels. For a conic
// projection it is larger than the window; it is meant for clipping before projecting.
func (v *View) GeoBound(margin float64) orb.Bound {
	const n = 24
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	x0, y0 := -margin, -margin
	x1, y1 := float64(v.W)+margin, float64(v.H)+margin
	for i := 0; i <= n; i++ {
		t := float64(i) / n
		for _, p := range [][2]float64{
			{x0 + t*(x1-x0), y0}, {x0 + t*(x1-x0), y1}, {x0, y0 + t*(y1-y0)}, {x1, y0 + t*(y1-y0)},
		} {
			lon, lat := v.FromScreen(p[0], p[1])
			if math.IsNaN(lon) || math.IsNaN(lat) {
				continue
			}
			b = b.Extend(orb.Point{lon, lat})
		}
	}
	// A pole inside the window: every longitude is shown, including shifted ones (> 180°).
	for _, lat := range []float64{89.999, -89.999} {
		x, y := v.Proj.Forward(0, lat)
		sx, sy := v.ProjToScreen(x, y)
		if sx >= x0 && sx <= x1 && sy >= y0 && sy <= y1 {
			b = b.Extend(orb.Point{-540, lat}).Extend(orb.Point{540, lat})
		}
	}
	return b
}

// webMercatorRadius is the sphere radius of EPSG:3857 in metres.
const webMercatorRadius = 6378137.0

// WebMercatorMaxLat is the latitude (degrees) at which web maps cut EPSG:3857 off (the
// square world). Forward clamps only to ±webMercatorPoleLat, so that it stays the inverse of
// Inverse beyond the square and poles do not map to infinity.
const (
	WebMercatorMaxLat  = 85.05112878
	webMercatorPoleLat = 89.9
)

// WebMercator is the EPSG:3857 projection used by web maps (x, y in metres). It is here so the
// map can be compared like for like with web map libraries; the atlas itself uses Theatre.
type WebMercator struct{}

var _ Projection = WebMercator{}

// Forward maps lon, lat (degrees) to metres; latitudes are clamped to ±89.9°.
func (WebMercator) Forward(lon, lat float64) (x, y float64) {
	lat = math.Max(-webMercatorPoleLat, math.Min(webMercatorPoleLat, lat))
	x = webMercatorRadius * lon * math.Pi / 180
	y = webMercatorRadius * math.Log(math.Tan(math.Pi/4+lat*math.Pi/360))
	return x, y
}

// Inverse maps metres back to lon, lat (degrees).
func (WebMercator) Inverse(x, y float64) (lon, lat float64) {
	lon = x / webMercatorRadius * 180 / math.Pi
	lat = (2*math.Atan(math.Exp(y/webMercatorRadius)) - math.Pi/2) * 180 / math.Pi
	return lon, lat
}

// WebMercatorScale returns the metres per pixel of a web map's zoom level z (256-px tiles),
// measured on the projection plane.
func WebMercatorScale(z float64) float64 {
	return 2 * math.Pi * webMercatorRadius / (256 * math.Exp2(z))
}
