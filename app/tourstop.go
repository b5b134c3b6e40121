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
// a range shows its first day (snapshots, `--stop`). Presenter mode and browsing a tour go
// through here (a caller with its own TourCursor passes its State; TourPlayer.CloseTour takes
// the card away again); the kiosk's attract loop, which has its own caption, goes through
// ShowStopQuietly, which frames the view in the same way (stopViewIn). Whatever was still moving from the previous stop
// stops where it is and the new motion starts from there.
func (u *UI) ApplyStop(st timeline.StopState, animate bool) {
	p := u.Tour
	p.stopMotion()
	fromView := u.Map.View()
	fromScale := u.Timeline.Scale()
	u.State.showStop(st.Selection, st.First, st.Filter, true)
	u.Map.stopMotion() // the selection's own flight (MapView.StateChanged) gives way to the stop's

	// The card first: the view is framed in the part of the map above it.
	p.shown = st
	if !p.Card.Visible() { // a stop applied by another walker than the player's
		p.Card.Show()
		p.layer.Refresh()
	}
	p.refreshCard()
	// The map: showing the selection may have moved it; the flight starts where it was.
	target := u.stopView(st)
	p.applied, p.appliedCover = target, p.cover()
	s := u.Map.session
	f := geo.NewFlight(fromView.CX, fromView.CY, fromView.Scale, target.CX, target.CY, target.Scale, float64(max(target.W, target.H)))
	d := f.Duration()
	if !animate || d == 0 {
		u.Map.jumpTo(target)
		if animate {
			p.startPlay(st)
		}
	} else {
		s.SetCentreScale(fromView.CX, fromView.CY, fromView.Scale)
		p.flying = true
		a := fyne.NewAnimation(d, func(t float32) {
			if u.Map.closed {
				return
			}
			x, y, sc := f.At(float64(t))
			s.SetCentreScale(x, y, sc)
			u.Map.Refresh()
			if t >= 1 {
				p.flying = false
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
	p.fadeCaption(animate)
}

// ShowStopQuietly shows stop st at once, as the kiosk's attract loop does: its filter, its
// selection and first day, without adding to the history of Back and Forward, and its map
// view framed above a caption that hides cover pixels at the bottom of the map. The
// presenter's card is left alone: the caller shows its own caption.
func (u *UI) ShowStopQuietly(st timeline.StopState, cover float32) {
	u.State.showStop(st.Selection, st.First, st.Filter, false)
	u.Map.jumpTo(stopViewIn(u.Map.session, st, float64(cover)))
}

// jumpTo shows view v's centre and scale at once (the map's limits of scale apply). A flight
// under way (the one a newly selected event starts, StateChanged) stops: it would otherwise
// carry the map on to the selection's own view over the next half second.
func (m *MapView) jumpTo(v geo.View) {
	m.stopMotion()
	m.session.SetCentreScale(v.CX, v.CY, v.Scale)
	m.Refresh()
}

// stopView is the map view a stop asks for at the map's present size, framed in the part of
// the map the caption card leaves free (above it): the view is found for a map that tall, and
// its centre is then moved down by half the card so that the frame sits above the card.
func (u *UI) stopView(st timeline.StopState) geo.View {
	return stopViewIn(u.Map.session, st, float64(u.Tour.cover()))
}

// stopViewIn is stopView for a session whose map has cover pixels hidden at its bottom.
func stopViewIn(s *geo.MapSession, st timeline.StopState, cover float64) geo.View {
	v := s.View()
	if cover < 0 || cover > float64(v.H)*0.7 {
		cover = 0
	}
	var t geo.View
	if st.View.Fit {
		t = s.ViewFittingIn(timeline.FitBound(st.View.Places), v.W, v.H-int(cover))
	} else {
		t = s.ViewCentred(st.View.Lon, st.View.Lat, st.View.MetresPerPixel(float64(v.W), float64(v.H)-cover))
	}
	t.CY -= cover / 2 * t.Scale
	return t
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

// fadeCaption fades the caption in when animate, or shows it at once.
func (p *TourPlayer) fadeCaption(animate bool) {
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
	p.flying = false
	if p.play != nil {
		p.play.Stop()
		p.play = nil
	}
	if p.Card != nil && p.Card.Caption.Alpha < 1 {
		p.Card.Caption.Alpha = 1
		p.Card.Caption.Refresh()
	}
}

// moving reports whether the map is flying to a stop (its view is not yet the stop's).
func (p *TourPlayer) moving() bool { return p.flying }
