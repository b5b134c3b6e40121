package app

import (
	"time"

	"fyne.io/fyne/v2"

	"frontline-atlas/timeline"
)

// timelineGlideTime is how long the timeline takes to glide to a tour stop's date.
const timelineGlideTime = 700 * time.Millisecond

// stopWindow returns the time window the band shows for a stop covering first–last, starting
// from the scale it shows now: a range is shown whole (with a margin) unless it already is; a
// date is centred when it is not comfortably in view; otherwise the window stays.
func (t *TimelineView) stopWindow(now timeline.Scale, first, last timeline.Day) timeline.Scale {
	target := now
	f, l := float64(first), float64(last+1)
	s0, s1 := now.Start(), now.End()
	margin := (s1 - s0) * 0.05
	if last > first {
		span := l - f
		if f < s0+margin || l > s1-margin || span < (s1-s0)*0.1 {
			target.ShowRange(f-span*0.15, l+span*0.15)
		}
		return target
	}
	if d := f + 0.5; d < s0+margin || d > s1-margin {
		target.CenterOn(d)
	}
	return target
}

// glideTo moves the band from the window from to the one a stop covering first–last needs,
// over timelineGlideTime when animate (the returned animation, nil when there is nothing to
// animate), at once otherwise. It does not count as the user's scroll.
func (t *TimelineView) glideTo(from timeline.Scale, first, last timeline.Day, animate bool) *fyne.Animation {
	from.SetWidth(t.scale.Width())
	target := t.stopWindow(from, first, last)
	if !animate || (target.Start() == from.Start() && target.End() == from.End()) {
		t.scale = target
		t.Refresh()
		return nil
	}
	a0, a1, b0, b1 := from.Start(), from.End(), target.Start(), target.End()
	t.scale = from
	a := fyne.NewAnimation(timelineGlideTime, func(p float32) {
		if p >= 1 {
			t.scale = target
		} else {
			s, e := timeline.GlideSpan(a0, a1, b0, b1, float64(p))
			t.scale.ShowRange(s, e)
		}
		t.Refresh()
	})
	a.Curve = fyne.AnimationLinear // GlideSpan eases
	a.Start()
	return a
}
