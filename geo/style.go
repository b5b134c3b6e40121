package geo

import (
	"image/color"

	"github.com/paulmach/orb"
)

// LayerKind says how a Layer is drawn.
type LayerKind int

const (
	// LayerFill fills polygons (and strokes their rings when the paint has a stroke width).
	LayerFill LayerKind = iota
	// LayerLine strokes lines (and the rings of polygons).
	LayerLine
	// LayerMarker draws each point as a disc of the paint's Radius, filled and outlined.
	LayerMarker
)

// LayerRole names what a layer shows; a Style gives each role its Paint.
type LayerRole int

// Layer roles, in the usual drawing order.
const (
	RoleLand       LayerRole = iota // land polygons
	RoleLake                        // lakes and inland seas
	RoleAxisHeld                    // the Axis-held area, a translucent wash
	RoleAlliedHeld                  // the area held by the Western Allies, a translucent wash
	RoleUncovered                   // ground the fronts do not cover on the date, a faint wash
	RoleCoast                       // coastlines
	RoleBorder                      // state borders
	RoleRiver                       // rivers
	RoleFront                       // front lines
)

// Paint is how one layer is drawn. A colour with zero alpha is not drawn.
type Paint struct {
	Fill   color.NRGBA // polygon fill
	Stroke color.NRGBA // line or outline colour
	Width  float64     // stroke width in pixels; 0 means no stroke
	Radius float64     // LayerMarker: the disc's radius in pixels
}

// Style is a palette: the water (background) colour and a Paint per layer role.
type Style struct {
	Name       string
	Background color.NRGBA // water and everything outside the land
	Land       Paint
	Lake       Paint
	AxisHeld   Paint
	AlliedHeld Paint
	Uncovered  Paint
	Coast      Paint
	Border     Paint
	River      Paint
	Front      Paint
	// User are the colours the user's GeoJSON layers take, one each, in order (see
	// UserLayer.DrawLayers): distinct from each other and from the map's own colours.
	User []color.NRGBA
	// Colours of what the UI writes and marks on the map: a place's dot (Fill, with a Stroke
	// ring) and label, and the names of waters and of countries.
	Marker      Paint
	MarkerText  color.NRGBA
	WaterText   color.NRGBA
	CountryText color.NRGBA
}

// Paint returns the Paint of role r (the zero Paint for an unknown role).
func (s *Style) Paint(r LayerRole) Paint {
	switch r {
	case RoleLand:
		return s.Land
	case RoleLake:
		return s.Lake
	case RoleAxisHeld:
		return s.AxisHeld
	case RoleAlliedHeld:
		return s.AlliedHeld
	case RoleUncovered:
		return s.Uncovered
	case RoleCoast:
		return s.Coast
	case RoleBorder:
		return s.Border
	case RoleRiver:
		return s.River
	case RoleFront:
		return s.Front
	}
	return Paint{}
}

// HeldRole returns the layer role that draws the ground held by heldBy (a HeldBy value), and
// false for sides that are not drawn (Soviet ground, ground held by nobody).
func HeldRole(heldBy string) (LayerRole, bool) {
	switch heldBy {
	case HeldByAxis, HeldByOpponent:
		return RoleAxisHeld, true
	case HeldByAllied:
		return RoleAlliedHeld, true
	case HeldByUncovered:
		return RoleUncovered, true
	}
	return 0, false
}

// HeldPaint returns the Paint of the ground held by heldBy (the zero Paint for sides that are
// not drawn), for the map and its legend.
func (s *Style) HeldPaint(heldBy string) Paint {
	if r, ok := HeldRole(heldBy); ok {
		return s.Paint(r)
	}
	return Paint{}
}

func styleRGB(hex uint32, a uint8) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: a}
}

// StyleLight is the atlas palette: paper-coloured land, pale blue water, grey borders, blue
// rivers, a strong red front, a grey-brown wash over the Axis-held area, a blue one over the
// area held by the Western Allies and a faint grey one over ground the fronts do not cover. Its land and
// borders match the peer workload's style (fill #efe6d2, stroke #7a7a7a 0.6 px, front #c0392b
// 2 px, water #cfe3f3).
var StyleLight = Style{
	Name:       "light",
	Background: styleRGB(0xcfe3f3, 0xff),
	Land:       Paint{Fill: styleRGB(0xefe6d2, 0xff), Stroke: styleRGB(0x7a7a7a, 0xff), Width: 0.6},
	Lake:       Paint{Fill: styleRGB(0xcfe3f3, 0xff), Stroke: styleRGB(0x8fb4d3, 0xff), Width: 0.5},
	AxisHeld:   Paint{Fill: styleRGB(0x5a4a3a, 0x40)},
	AlliedHeld: Paint{Fill: styleRGB(0x1f5fd0, 0x4a)},
	Uncovered:  Paint{Fill: styleRGB(0x8c9299, 0x1c)},
	Coast:      Paint{Stroke: styleRGB(0x6d8aa3, 0xff), Width: 0.7},
	Border:     Paint{Stroke: styleRGB(0x7a7a7a, 0xff), Width: 0.6},
	River:      Paint{Stroke: styleRGB(0x5b8fc7, 0xff), Width: 0.8},
	Front:      Paint{Stroke: styleRGB(0xc0392b, 0xff), Width: 2},
	User: []color.NRGBA{styleRGB(0x7b1fa2, 0xff), styleRGB(0x00796b, 0xff), styleRGB(0xe65100, 0xff),
		styleRGB(0xd81b60, 0xff), styleRGB(0x558b2f, 0xff), styleRGB(0x0097a7, 0xff),
		styleRGB(0x9e9d24, 0xff), styleRGB(0x303f9f, 0xff)},

	Marker:      Paint{Fill: styleRGB(0x1f2d3d, 0xff), Stroke: styleRGB(0xffffff, 0xff), Width: 1},
	MarkerText:  styleRGB(0x1f2d3d, 0xff),
	WaterText:   styleRGB(0x264f79, 0xff), // 4.5:1 or more over every wash (TestMapTextContrast)
	CountryText: styleRGB(0x524c44, 0xff),
}

// StyleDark is the projector palette: dark slate land on near-black water, light grey borders,
// cyan-blue rivers, a bright red front, a pale wash over the Axis-held area, a light blue one
// over the area held by the Western Allies and a faint one over ground the fronts do not cover.
var StyleDark = Style{
	Name:       "dark",
	Background: styleRGB(0x0e1620, 0xff),
	Land:       Paint{Fill: styleRGB(0x2a2f36, 0xff), Stroke: styleRGB(0x8a9099, 0xff), Width: 0.6},
	Lake:       Paint{Fill: styleRGB(0x0e1620, 0xff), Stroke: styleRGB(0x3c5a78, 0xff), Width: 0.5},
	AxisHeld:   Paint{Fill: styleRGB(0xd8c8a8, 0x38)},
	AlliedHeld: Paint{Fill: styleRGB(0x6fa8ff, 0x44)},
	Uncovered:  Paint{Fill: styleRGB(0x9aa4ae, 0x14)},
	Coast:      Paint{Stroke: styleRGB(0x4f6f8f, 0xff), Width: 0.7},
	Border:     Paint{Stroke: styleRGB(0x8a9099, 0xff), Width: 0.6},
	River:      Paint{Stroke: styleRGB(0x4aa3df, 0xff), Width: 0.8},
	Front:      Paint{Stroke: styleRGB(0xff4d3d, 0xff), Width: 2.2},
	User: []color.NRGBA{styleRGB(0xce93d8, 0xff), styleRGB(0x26a69a, 0xff), styleRGB(0xffb74d, 0xff),
		styleRGB(0xf06292, 0xff), styleRGB(0xaed581, 0xff), styleRGB(0xfff176, 0xff),
		styleRGB(0xe0e0e0, 0xff), styleRGB(0x69f0ae, 0xff)},

	Marker:      Paint{Fill: styleRGB(0xf0e8d8, 0xff), Stroke: styleRGB(0x101010, 0xff), Width: 1},
	MarkerText:  styleRGB(0xf0e8d8, 0xff),
	WaterText:   styleRGB(0xa0c8e8, 0xff), // 4.5:1 or more over every wash (TestMapTextContrast)
	CountryText: styleRGB(0xc8c2b7, 0xff),
}

// Layer is one drawable layer: a kind, a role (its Paint comes from the Style) and geometries in
// degrees, lon first. Polygon, MultiPolygon, Ring, LineString, MultiLineString, Bound and
// Collection are drawn; points only in a LayerMarker layer (the places of the chronicle are
// marked by the UI on top). Override, when
// non-nil, replaces the Style's paint for this layer. The renderer never modifies Geoms.
type Layer struct {
	Name     string
	Kind     LayerKind
	Role     LayerRole
	Override *Paint
	Geoms    []orb.Geometry
}

// paint returns the Paint the layer is drawn with in style s.
func (l *Layer) paint(s *Style) Paint {
	if l.Override != nil {
		return *l.Override
	}
	return s.Paint(l.Role)
}
