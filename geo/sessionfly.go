package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// FitPadding is the margin in pixels that FitSelection, and a view fitted with ViewFitting,
// keep around what they fit.
const FitPadding = 40

// ViewCentred returns the view the session would show centred on lon, lat (degrees) at scale
// metres per pixel, at its present size; the scale is clamped to the view's limits. The session
// does not change (SetCentreScale moves it there).
func (s *MapSession) ViewCentred(lon, lat, scale float64) View {
	v := s.view
	v.CX, v.CY = v.Proj.Forward(lon, lat)
	if scale > 0 && !math.IsInf(scale, 0) {
		v.Scale = v.clampScale(scale)
	}
	return v
}

// ViewFitting returns the view that fits the lon/lat bound b with FitPadding pixels around it,
// at the session's present size, as FitSelection fits the selection. The session does not
// change.
func (s *MapSession) ViewFitting(b orb.Bound) View {
	v := s.view
	v.Fit(b, FitPadding)
	return v
}

// ViewFittingIn is ViewFitting for a map w × h pixels (the part of the map left free by
// something laid over it): the view keeps the session's size, with the scale and centre that
// fit b in w × h.
func (s *MapSession) ViewFittingIn(b orb.Bound, w, h int) View {
	v := s.view
	v.W, v.H = max(w, 1), max(h, 1)
	v.Fit(b, FitPadding)
	v.W, v.H = s.view.W, s.view.H
	return v
}

// SetCentreScale moves the view to the projected centre x, y (metres) at scale metres per pixel
// (clamped to the view's limits), as one step of a flight does. It counts as the map moved:
// resizing keeps the view rather than fitting the selection again.
func (s *MapSession) SetCentreScale(x, y, scale float64) {
	if math.IsNaN(x) || math.IsNaN(y) || !(scale > 0) {
		return
	}
	s.view.CX, s.view.CY = x, y
	s.view.Scale = s.view.clampScale(scale)
	s.moved = true
}
