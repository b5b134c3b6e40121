package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// captionFadeTime is how long a new caption takes to fade in.
const captionFadeTime = 450 * time.Millisecond

// ApplyStop puts the window in the state a tour stop asks for: its day (a range opens on its
// first day and then plays through to the last), its selection, its filter, its map view
// (centre and zoom, or the selection fitted) and its caption. With animate, the map flies to
// the view (geo.Flight, under a second), the timeline glides to the date, the caption fades
// in, and a range plays once the map has arrived; without, everything is in place at once and
// a range shows its first day (snapshots, `--stop`). Presenter mode, browsing a tour and the
// kiosk's attract loop all go through here. Whatever was still moving from the previous stop
// stops where it is and the new motion starts from there.
func (u *UI) ApplyStop(st timeline.StopState, animate bool) {
	p := u.Tour
	p.stopMotion()
	fromView := u.Map.View()
	fromScale := u.Timeline.Scale()
	u.State.ShowStop(st.Selection, st.First, st.Filter)

	// The map: showing the selection may have moved it; the flight starts where it was.
	target := u.stopView(st)
	p.applied, p.shown = target, st
	s := u.Map.session
	f := geo.NewFlight(fromView.CX, fromView.CY, fromView.Scale, target.CX, target.CY, target.Scale, float64(max(target.W, target.H)))
	d := f.Duration()
	if !animate || d == 0 {
		s.SetCentreScale(target.CX, target.CY, target.Scale)
		u.Map.Refresh()
		if animate {
			p.startPlay(st)
		}
	} else {
		s.SetCentreScale(fromView.CX, fromView.CY, fromView.Scale)
		a := fyne.NewAnimation(d, func(t float32) {
			if u.Map.closed {
				return
			}
			x, y, sc := f.At(float64(t))
			s.SetCentreScale(x, y, sc)
			u.Map.Refresh()
			if t >= 1 {
				p.startPlay(st)
			}
		})
		a.Curve = fyne.AnimationLinear // the flight eases itself
		p.motion = append(p.motion, a)
		a.Start()
	}

	if a := u.Timeline.glideTo(fromScale, st.First, st.Last, animate); a != nil {
		p.motion = append(p.motion, a)
	}
	p.showCaption(st, animate)
}

// stopView is the map view a stop asks for at the map's present size.
func (u *UI) stopView(st timeline.StopState) geo.View {
	s := u.Map.session
	if st.View.Fit {
		return s.ViewFitting(timeline.FitBound(st.View.Places))
	}
	v := s.View()
	return s.ViewCentred(st.View.Lon, st.View.Lat, st.View.MetresPerPixel(float64(v.W), float64(v.H)))
}

// startPlay plays a range stop from its first day to its last over its play time.
func (p *TourPlayer) startPlay(st timeline.StopState) {
	if !st.IsRange() || p.closed {
		return
	}
	if p.play != nil {
		p.play.Stop()
	}
	u := p.u
	p.play = fyne.NewAnimation(st.Play, func(t float32) {
		if p.closed {
			return
		}
		day := timeline.Day(math.Floor(st.DayAt(time.Duration(float64(t) * float64(st.Play)))))
		day = min(max(day, st.First), st.Last)
		if day != u.State.Date() {
			u.State.SetDate(day)
		}
	})
	p.play.Curve = fyne.AnimationLinear
	p.play.Start()
}

// showCaption shows the stop's caption, fading it in when animate.
func (p *TourPlayer) showCaption(st timeline.StopState, animate bool) {
	p.refreshCard()
	c := p.Card.Caption
	if !animate {
		c.Alpha = 1
		c.Refresh()
		return
	}
	c.Alpha = 0
	c.Refresh()
	a := fyne.NewAnimation(captionFadeTime, func(t float32) {
		c.Alpha = t
		c.Refresh()
	})
	p.motion = append(p.motion, a)
	a.Start()
}

// stopMotion stops the flight, the glide, the fade and the playing of a range.
func (p *TourPlayer) stopMotion() {
	for _, a := range p.motion {
		a.Stop()
	}
	p.motion = p.motion[:0]
	if p.play != nil {
		p.play.Stop()
		p.play = nil
	}
	if p.Card != nil && p.Card.Caption.Alpha < 1 {
		p.Card.Caption.Alpha = 1
		p.Card.Caption.Refresh()
	}
}
