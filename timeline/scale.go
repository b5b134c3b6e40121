package timeline

import "math"

// ScaleMaxPxPerDay is the deepest zoom of a Scale: 200 pixels for one day.
const ScaleMaxPxPerDay = 200.0

// Scale maps time to the x axis of a timeline view. Time is counted in fractional days since
// 1970-01-01 UTC (the unit of Day; 0.5 is noon), x in pixels from the left edge of the view.
//
// The view never leaves the period: it shows [Start, End()) with PeriodStart ≤ Start and
// End() ≤ PeriodEnd+1 (the end of the last day). Fully zoomed out the whole period fills the
// width exactly; fully zoomed in one day takes ScaleMaxPxPerDay pixels.
//
// The zero Scale is not usable; make one with NewScale. Methods with a pointer receiver change
// the scale in place and keep it clamped.
type Scale struct {
	width    float64 // view width, px (> 0)
	start    float64 // day at x = 0
	pxPerDay float64 // px per day
}

// scalePeriodFirst and scalePeriodEnd bound the period as fractional days: from the start of
// PeriodStart to the end of PeriodEnd.
func scalePeriodFirst() float64 { return float64(PeriodStart) }
func scalePeriodEnd() float64   { return float64(PeriodEnd) + 1 }

// NewScale returns a fully zoomed-out Scale for a view width pixels wide (the whole period
// fills the width). A width below 1 px is taken as 1 px.
func NewScale(width float64) Scale {
	s := Scale{width: math.Max(width, 1)}
	s.pxPerDay = s.MinPxPerDay()
	s.start = scalePeriodFirst()
	return s
}

// Width returns the view width in pixels.
func (s Scale) Width() float64 { return s.width }

// Start returns the fractional day shown at x = 0.
func (s Scale) Start() float64 { return s.start }

// End returns the fractional day shown at x = Width() (exclusive end of the view).
func (s Scale) End() float64 { return s.start + s.width/s.pxPerDay }

// PxPerDay returns the zoom: pixels per day.
func (s Scale) PxPerDay() float64 { return s.pxPerDay }

// MinPxPerDay returns the pixels per day at which the whole period fills the width.
func (s Scale) MinPxPerDay() float64 { return s.width / (scalePeriodEnd() - scalePeriodFirst()) }

// MaxPxPerDay returns the deepest zoom in pixels per day (ScaleMaxPxPerDay, or the whole-period
// zoom for a view so wide that the whole period already gives more).
func (s Scale) MaxPxPerDay() float64 { return math.Max(ScaleMaxPxPerDay, s.MinPxPerDay()) }

// X returns the x position in pixels of the fractional day d (may lie outside [0, Width()]).
func (s Scale) X(d float64) float64 { return (d - s.start) * s.pxPerDay }

// Day returns the fractional day at x pixels; Day(X(d)) == d up to rounding.
func (s Scale) Day(x float64) float64 { return s.start + x/s.pxPerDay }

// ZoomAbout multiplies the pixels per day by factor (> 1 zooms in), keeping the time under x
// pixels where it is, unless the zoom limits or the period edges force the view to move.
// It changes s. A factor that is not a positive finite number does nothing.
func (s *Scale) ZoomAbout(factor, x float64) {
	if !(factor > 0) || math.IsInf(factor, 0) {
		return
	}
	d := s.Day(x)
	s.pxPerDay = s.clampZoom(s.pxPerDay * factor)
	s.start = d - x/s.pxPerDay
	s.clampStart()
}

// Pan moves the content by dx pixels as a drag does: a positive dx moves the content to the
// right and so shows earlier times. The view stops at the period edges. It changes s.
func (s *Scale) Pan(dx float64) {
	if math.IsNaN(dx) || math.IsInf(dx, 0) {
		return
	}
	s.start -= dx / s.pxPerDay
	s.clampStart()
}

// SetWidth changes the view width to width pixels (minimum 1), keeping the start and the zoom
// where the limits allow. It changes s.
func (s *Scale) SetWidth(width float64) {
	s.width = math.Max(width, 1)
	s.pxPerDay = s.clampZoom(s.pxPerDay)
	s.clampStart()
}

// ShowRange zooms and pans so that the fractional days [from, to) fill the view, as far as the
// zoom limits and period edges allow (a short range is centred at the deepest zoom). It changes s.
func (s *Scale) ShowRange(from, to float64) {
	if to < from {
		from, to = to, from
	}
	span := to - from
	ppd := s.MaxPxPerDay()
	if span > 0 {
		ppd = s.width / span
	}
	s.pxPerDay = s.clampZoom(ppd)
	s.start = (from+to)/2 - s.width/s.pxPerDay/2
	s.clampStart()
}

// CenterOn pans so that the fractional day d is in the middle of the view, as far as the period
// edges allow. It changes s.
func (s *Scale) CenterOn(d float64) {
	s.start = d - s.width/s.pxPerDay/2
	s.clampStart()
}

func (s Scale) clampZoom(ppd float64) float64 {
	lo, hi := s.MinPxPerDay(), s.MaxPxPerDay()
	if !(ppd >= lo) { // also catches NaN
		return lo
	}
	return math.Min(ppd, hi)
}

func (s *Scale) clampStart() {
	first, end := scalePeriodFirst(), scalePeriodEnd()
	latest := end - s.width/s.pxPerDay
	if !(s.start <= latest) {
		s.start = latest
	}
	if s.start < first || latest < first {
		s.start = first
	}
}
