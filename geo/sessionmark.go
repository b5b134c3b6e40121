package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Place returns where the view looks: its centre in projected metres, its scale in metres per
// pixel, and whether the user has moved it since it was last fitted. SetPlace restores it
// (history entries keep it).
func (s *MapSession) Place() (cx, cy, scale float64, moved bool) {
	return s.view.CX, s.view.CY, s.view.Scale, s.moved
}

// SetPlace moves the view to a centre and scale (clamped to the zoom limits) that Place or
// FitTarget returned; moved says whether a resize should keep it (true) or fit the selection
// or the home bound again (false).
func (s *MapSession) SetPlace(cx, cy, scale float64, moved bool) {
	if scale <= 0 || math.IsNaN(scale) || math.IsNaN(cx) || math.IsNaN(cy) {
		return
	}
	s.view.CX, s.view.CY = cx, cy
	s.view.Scale = s.view.clampScale(scale)
	s.moved = moved
}

// FitTarget returns the centre and scale FitSelection would move to (the selected places with
// their surroundings, or the home bound), without moving: the UI animates towards it.
func (s *MapSession) FitTarget() (cx, cy, scale float64) {
	saved := s.view
	s.fit()
	cx, cy, scale = s.view.CX, s.view.CY, s.view.Scale
	s.view = saved
	return cx, cy, scale
}

// BoundTarget returns the centre and scale that show the bound b (degrees) with padding
// pixels around it, without moving.
func (s *MapSession) BoundTarget(b orb.Bound, padding float64) (cx, cy, scale float64) {
	v := s.view
	v.Fit(b, padding)
	return v.CX, v.CY, v.Scale
}

// Shows reports whether the point lon, lat (degrees) lies in the view, at least margin pixels
// inside its edges.
func (s *MapSession) Shows(lon, lat, margin float64) bool {
	x, y := s.view.ToScreen(lon, lat)
	return x >= margin && y >= margin && x <= float64(s.view.W)-margin && y <= float64(s.view.H)-margin
}

// SetTextScale sets the UI's text size setting as a factor (1 at 100 %, 2 at 200 %): the
// names of places, countries, seas and rivers are drawn that much larger, and placed for it.
func (s *MapSession) SetTextScale(f float64) {
	if f > 0 && !math.IsNaN(f) && !math.IsInf(f, 0) {
		s.textScale = f
	}
}

// textSize is a text size of the frame at the text size setting.
func (s *MapSession) textSize(base float64) float64 {
	if s.textScale > 0 {
		return base * s.textScale
	}
	return base
}
