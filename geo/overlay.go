package geo

import (
	"image"
	"image/color"
	"image/draw"
	"time"

	"github.com/paulmach/orb"
)

// RenderOverlay draws what changes with the date, as seen through v, into a new transparent
// v.W×v.H image: the held areas (Axis, Western Allies, not covered) washed over land only (not
// over the sea they border), then the front lines. The data is not modified.
func (m *MapData) RenderOverlay(v *View, s *Style, t time.Time, detail string) *image.RGBA {
	clear := *s
	clear.Background = color.NRGBA{}
	layers := m.OverlayLayers(t)
	var held, fronts []Layer
	for _, l := range layers {
		if l.Role == RoleAxisHeld || l.Role == RoleAlliedHeld || l.Role == RoleUncovered {
			held = append(held, l)
		} else {
			fronts = append(fronts, l)
		}
	}
	out := image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	if len(held) > 0 {
		wash := RenderFrame(v, &clear, held)
		mask := &clear
		maskStyle := *mask
		maskStyle.Land = Paint{Fill: color.NRGBA{A: 0xff}}
		land := RenderFrame(v, &maskStyle, []Layer{{Name: "land-mask", Kind: LayerFill, Role: RoleLand, Geoms: m.landGeoms(detail)}})
		maskWash(wash, land)
		out = wash
	}
	if len(fronts) > 0 {
		lines := RenderFrame(v, &clear, fronts)
		draw.Draw(out, out.Bounds(), lines, image.Point{}, draw.Over)
	}
	return out
}

// maskWash scales every pixel of wash (premultiplied) by the alpha of the same pixel of land.
func maskWash(wash, land *image.RGBA) {
	for i := 3; i < len(wash.Pix); i += 4 {
		if wash.Pix[i] == 0 {
			continue
		}
		a := uint32(land.Pix[i])
		if a == 0xff {
			continue
		}
		for j := i - 3; j <= i; j++ {
			wash.Pix[j] = uint8(uint32(wash.Pix[j]) * a / 0xff)
		}
	}
}

// landGeoms returns the land polygons of a detail level (the coarse level while the fine one
// loads).
func (m *MapData) landGeoms(detail string) []orb.Geometry {
	bm := m.BaseMap()
	lv := bm.Levels[detail]
	if lv == nil {
		lv = bm.Levels[Detail50m]
	}
	if lv == nil {
		return nil
	}
	gs := make([]orb.Geometry, 0, len(lv.Land))
	for i := range lv.Land {
		gs = append(gs, lv.Land[i].Shape)
	}
	return gs
}
