package geo

import "math"

// WGS84 ellipsoid constants: semi-major axis in metres and flattening.
const (
	wgs84A = 6378137.0
	wgs84F = 1 / 298.257223563
)

// Theatre is the projection of the whole map, from Spain to Korea and Chukotka: a Lambert
// Conformal Conic on WGS84 with standard parallels 35°N and 65°N, origin latitude 50°N and
// central meridian 50°E (PROJ: +proj=lcc +lat_1=35 +lat_2=65 +lat_0=50 +lon_0=50 +datum=WGS84).
//
// Why these numbers: the land shown runs from about 36°N (Crete, Gibraltar, Korea) to 81°N
// (Franz Josef Land); by Kavraisky's one-sixth rule the standard parallels for 25–82°N would be
// about 35° and 72°, and 65° is chosen instead so that scale error is smallest over the European
// USSR and the Baltic (where most of the content is) while the Arctic coast stays within ~10%.
// The origin latitude 50°N puts y = 0 near Kharkov–Stalingrad, the middle of the Eastern Front.
// The central meridian 50°E (the lower Volga) keeps the European front nearly upright (Moscow
// is rotated about 10°, Berlin about 28°) while the Far East (Korea ~60°) still fits the fan;
// a meridian at the geometric centre (~90°E) would tilt Europe by 40° for the sake of Siberia.
var Theatre = NewLambertConformalConic(35, 65, 50, 50)

// LambertConformalConic is the Lambert Conformal Conic projection with two standard parallels
// on the WGS84 ellipsoid (Snyder, "Map Projections — A Working Manual", USGS PP 1395, 1987,
// eqs. 15-1 to 15-11 and 7-9). It is conformal: at every point the scale is the same in all
// directions. The zero value is not usable; build one with NewLambertConformalConic. Its
// methods are safe for concurrent use (it holds no mutable state).
type LambertConformalConic struct {
	lon0   float64 // central meridian, radians
	e      float64 // eccentricity
	n      float64 // cone constant
	aF     float64 // a·F, metres
	rho0   float64 // radius of the origin parallel, metres
	params [4]float64
}

var _ Projection = (*LambertConformalConic)(nil)

// NewLambertConformalConic returns an LCC projection on WGS84 with standard parallels lat1 and
// lat2, origin latitude lat0 and central meridian lon0, all in degrees. lat1 and lat2 must lie
// on the same side of the equator and not at a pole; if lat1 == lat2 the projection has one
// standard parallel. False easting and northing are zero: Forward(lon0, lat0) is (0, 0).
func NewLambertConformalConic(lat1, lat2, lat0, lon0 float64) *LambertConformalConic {
	e2 := wgs84F * (2 - wgs84F)
	p := &LambertConformalConic{
		lon0:   lon0 * math.Pi / 180,
		e:      math.Sqrt(e2),
		params: [4]float64{lat1, lat2, lat0, lon0},
	}
	phi1, phi2 := lat1*math.Pi/180, lat2*math.Pi/180
	m1, m2 := lccM(phi1, p.e), lccM(phi2, p.e)
	t1, t2 := lccT(phi1, p.e), lccT(phi2, p.e)
	if math.Abs(phi1-phi2) < 1e-12 {
		p.n = math.Sin(phi1)
	} else {
		p.n = (math.Log(m1) - math.Log(m2)) / (math.Log(t1) - math.Log(t2))
	}
	p.aF = wgs84A * m1 / (p.n * math.Pow(t1, p.n))
	p.rho0 = p.aF * math.Pow(lccT(lat0*math.Pi/180, p.e), p.n)
	return p
}

// Params returns the parameters given to NewLambertConformalConic, in degrees:
// lat1, lat2, lat0, lon0.
func (p *LambertConformalConic) Params() (lat1, lat2, lat0, lon0 float64) {
	return p.params[0], p.params[1], p.params[2], p.params[3]
}

// lccM is Snyder's m = cos φ / sqrt(1 − e² sin² φ).
func lccM(phi, e float64) float64 {
	s := e * math.Sin(phi)
	return math.Cos(phi) / math.Sqrt(1-s*s)
}

// lccT is Snyder's t = tan(π/4 − φ/2) / ((1 − e sin φ)/(1 + e sin φ))^(e/2).
func lccT(phi, e float64) float64 {
	s := e * math.Sin(phi)
	return math.Tan(math.Pi/4-phi/2) / math.Pow((1-s)/(1+s), e/2)
}

// Forward maps lon, lat (degrees) to x, y (metres, x east, y north, origin at (lon0, lat0)).
// The longitude difference from the central meridian is wrapped into [-180°, 180°], as PROJ
// does, so lon = 190 and lon = -170 give the same point. Latitude 90° (same sign as the cone)
// maps to the apex; the opposite pole has no image and gives ±Inf or NaN.
func (p *LambertConformalConic) Forward(lon, lat float64) (x, y float64) {
	dl := lon*math.Pi/180 - p.lon0
	dl = math.Remainder(dl, 2*math.Pi)
	phi := lat * math.Pi / 180
	var rho float64
	if math.Abs(math.Abs(phi)-math.Pi/2) > 1e-15 {
		rho = p.aF * math.Pow(lccT(phi, p.e), p.n)
	}
	theta := p.n * dl
	return rho * math.Sin(theta), p.rho0 - rho*math.Cos(theta)
}

// Inverse maps x, y (metres) back to lon, lat (degrees). Longitudes come back within 180° of
// the central meridian (for Theatre, -130..230), so points east of 180° stay continuous with
// the map layers (Chukotka at 190, not -170). Latitude is found by the fixed-point iteration of
// Snyder eq. 7-9, converged to 1e-15 rad (about 6 nm) in at most 20 steps.
func (p *LambertConformalConic) Inverse(x, y float64) (lon, lat float64) {
	dy := p.rho0 - y
	rho := math.Hypot(x, dy)
	if p.n < 0 {
		rho, x, dy = -rho, -x, -dy
	}
	if rho == 0 {
		return p.lon0 * 180 / math.Pi, math.Copysign(90, p.n)
	}
	theta := math.Atan2(x, dy)
	t := math.Pow(rho/p.aF, 1/p.n)
	phi := math.Pi/2 - 2*math.Atan(t)
	for i := 0; i < 20; i++ {
		s := p.e * math.Sin(phi)
		next := math.Pi/2 - 2*math.Atan(t*math.Pow((1-s)/(1+s), p.e/2))
		if math.Abs(next-phi) < 1e-15 {
			phi = next
			break
		}
		phi = next
	}
	return (theta/p.n + p.lon0) * 180 / math.Pi, phi * 180 / math.Pi
}

// ScaleFactor returns the point scale factor k at latitude lat (degrees): the ratio of a short
// distance on the plane to the same distance on the ellipsoid. Being conformal, the projection
// has the same k along the meridian and the parallel; k = 1 on the standard parallels.
func (p *LambertConformalConic) ScaleFactor(lat float64) float64 {
	phi := lat * math.Pi / 180
	rho := p.aF * math.Pow(lccT(phi, p.e), p.n)
	return rho * p.n / (wgs84A * lccM(phi, p.e))
}
