package app

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/timeline"
)

// newWindowUI builds the UI as the window does (background workers, animations), on a test
// window.
func newWindowUI(t *testing.T, w, h float32) (*UI, fyne.Window) {
	t.Helper()
	test.NewTempApp(t).Settings().SetTheme(NewTheme("light"))
	c := loadTestContent(t)
	u := New(c.Catalog, c.Map, Options{})
	win := test.NewTempWindow(t, nil)
	u.Attach(win)
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(u.Close)
	return u, win
}

// Moving between stops animates: the map flies (zooming out on the way from Stalingrad to
// Berlin and in again), the timeline glides, the caption fades in, and a range plays to its
// end once the map has arrived. (The test driver runs an animation to its end when it starts;
// the test replays the flight's middle by hand.)
func TestStopsAnimate(t *testing.T) {
	u, w := newWindowUI(t, 1024, 640)
	press(t, w, fyne.KeyF5)
	u.Map.session.ZoomCentre(8) // the presenter zoomed in on Stalingrad
	from := u.Map.View()
	// The timeline shows the autumn of 1942 only: Berlin's date is out of view.
	u.Timeline.scale.ShowRange(float64(timeline.DayOf(1942, 10, 1)), float64(timeline.DayOf(1943, 1, 1)))
	fromTL := u.Timeline.Scale()
	press(t, w, fyne.KeyEnd) // from Stalingrad to Berlin, zoom 8
	p := u.Tour
	if len(p.motion) < 3 {
		t.Fatalf("%d animations started, want the flight, the glide and the fade", len(p.motion))
	}
	to := u.Map.View()
	if want := u.stopView(p.Shown()); to.CX != want.CX || to.CY != want.CY || to.Scale != want.Scale {
		t.Errorf("the flight ended at %v, want %v", to, want)
	}
	flight := p.motion[0]
	flight.Tick(0.5)
	mid := u.Map.View()
	if !(mid.Scale > math.Max(from.Scale, to.Scale)) {
		t.Errorf("halfway the map is at %g m/px, between %g and %g: it did not zoom out to travel", mid.Scale, from.Scale, to.Scale)
	}
	if !(mid.CX > math.Min(from.CX, to.CX) && mid.CX < math.Max(from.CX, to.CX)) {
		t.Errorf("halfway the centre is at x %g, not between %g and %g", mid.CX, from.CX, to.CX)
	}
	flight.Tick(1)
	if v := u.Map.View(); v.CX != to.CX || v.Scale != to.Scale {
		t.Error("the end of the flight is not the stop's view")
	}
	// The timeline glides through the windows between.
	glide := p.motion[1]
	toTL := u.Timeline.Scale()
	glide.Tick(0.5)
	if s := u.Timeline.Scale(); !(s.Start() > math.Min(fromTL.Start(), toTL.Start())-1 && s.Start() < math.Max(fromTL.Start(), toTL.Start())+1) {
		t.Errorf("halfway the timeline starts on day %g, outside %g–%g", s.Start(), fromTL.Start(), toTL.Start())
	}
	glide.Tick(1)
	fade := p.motion[2]
	fade.Tick(0.25)
	if a := p.Card.Caption.Alpha; math.Abs(float64(a)-0.25) > 1e-6 {
		t.Errorf("a quarter into the fade the caption's opacity is %g", a)
	}
	fade.Tick(1)
	// A range (Kursk: 5 July – 23 August 1943) plays to its end once the map has arrived.
	press(t, w, fyne.KeyLeft)
	if got, want := u.State.Date(), timeline.DayOf(1943, 8, 23); got != want {
		t.Errorf("after playing the range the date is %s, want %s", got.Date(), want.Date())
	}
	// A new stop stops what was moving and starts from where it was.
	press(t, w, fyne.KeyRight)
	if p.Card.Caption.Alpha != 1 {
		t.Errorf("caption opacity %g at rest", p.Card.Caption.Alpha)
	}
}

// The presenter's window and its clock stop with the window (no goroutine left behind).
func TestPresenterScreenClosesWithTheWindow(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(NewTheme("light"))
	g0, _ := settledCounts()
	for range 3 {
		func() {
			c := loadTestContent(t)
			u := New(c.Catalog, c.Map, Options{Headless: true})
			w := test.NewWindow(nil)
			u.Attach(w)
			w.Resize(fyne.NewSize(1024, 640))
			press(t, w, fyne.KeyF5, fyne.KeyN, fyne.KeyRight)
			if u.Tour.PresenterScreen() == nil {
				t.Fatal("no presenter's window")
			}
			w.Close()
			if u.Tour.PresenterScreen() != nil {
				t.Error("the presenter's window outlived the main window")
			}
		}()
	}
	uiLoop.run()
	if g1, _ := settledCounts(); g1 > g0 {
		t.Errorf("%d goroutines after closing three presenting windows, %d before", g1, g0)
	}
}
