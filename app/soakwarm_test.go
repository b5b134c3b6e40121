package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"frontline-atlas/timeline"
)

// soakLargest is the largest window the soak's "resize" row gives (200 + 1800 by 150 + 1000).
var soakLargest = fyne.NewSize(2000, 1150)

// warmUp draws, before the first action, the largest overlay of the date the random walk can
// reach: the window at soakLargest, the text at its smallest and both split bars at their
// ends, so that the map has all the window but the details panel's and the timeline's least
// sizes, on a date (1 September 1942) and a view (Ukraine, zoom 8) where the Axis-held wash
// covers the whole map. The overlay's worker keeps its buffers at the size of the largest view
// it drew (its image, the land mask and the rasterizer's accumulators: about 13 bytes a pixel
// of the map, some 20 MiB here); drawn now, they are at their high-water mark before the first
// sample, rather than at whichever action first makes the map that large, which a 3,000-action
// run may reach in its last fifth and read as growth. Then the window, the text, the split,
// the date and the view come back as they were.
func (s *soak) warmUp() {
	size := s.c.Size()
	var splits []*container.Split
	var offsets []float64
	s.walk(func(o fyne.CanvasObject, _ fyne.Position) {
		if sp, ok := o.(*container.Split); ok {
			splits, offsets = append(splits, sp), append(offsets, sp.Offset)
		}
	})
	if len(splits) == 0 {
		s.t.Fatal("soak warm-up: the window has no split bar (the map's and the timeline's)")
	}
	text := s.u.Settings.TextPercent()
	s.u.Settings.SetTextPercent(80) // the smallest text the walk sets: the panels' least sizes are least
	s.w.Resize(soakLargest)
	for _, sp := range splits {
		sp.SetOffset(1)
	}
	day := s.u.State.Date()
	sess := s.u.Map.Session()
	cx, cy, scale, moved := sess.Place()
	s.u.State.SetDate(timeline.DayOf(1942, 9, 1))
	v := sess.View()
	sess.SetCentre(31, 49, timeline.FrameScale(8, float64(v.W), float64(v.H)))
	s.u.Map.Refresh()
	s.settle()
	s.t.Logf("warm-up: map %v in a window of %v", s.u.Map.Size(), s.c.Size())
	sess.SetPlace(cx, cy, scale, moved)
	s.u.State.SetDate(day)
	s.u.Map.Refresh()
	for i, sp := range splits {
		sp.SetOffset(offsets[i])
	}
	s.u.Settings.SetTextPercent(text)
	s.w.Resize(size)
	s.settle()
}
