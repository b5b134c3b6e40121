package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Tab reaches the band and every button of the map and the timeline; Enter presses those
// buttons; on the band the arrows move the date (by the unit the axis shows), its ring shows while it has the keyboard,
// and Escape gives the keyboard back.
func TestTimelineAndMapButtonsByKeyboard(t *testing.T) {
	u, win := newTestUI(t, 1280, 720, Options{})
	c := win.Canvas()
	order := tabOrder(c, false)
	tc := u.Timeline.Controls
	for name, f := range map[string]fyne.Focusable{"the band": u.Timeline, "map +": u.Map.ZoomInB, "map −": u.Map.ZoomOutB,
		"map fit": u.Map.FitB, "play": tc.PlayB, "timeline +": tc.ZoomInB, "timeline −": tc.ZoomOutB, "filters": tc.FiltersB, "+day": tc.Steps["+day"]} {
		if indexOf(order, f) < 0 {
			t.Errorf("Tab does not reach %s", name)
		}
	}
	s0 := u.Map.View().Scale
	c.Focus(u.Map.ZoomInB)
	u.Map.ZoomInB.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := u.Map.View().Scale; got > s0*0.51 {
		t.Errorf("Enter on the map's + left the scale at %.0f (was %.0f)", got, s0)
	}
	d0 := u.State.Date()
	c.Focus(tc.Steps["+day"])
	tc.Steps["+day"].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if got := u.State.Date(); got != d0+1 {
		t.Errorf("Enter on +day shows %s, want %s", got.Date(), (d0 + 1).Date())
	}
	c.Focus(u.Timeline)
	if !u.Timeline.focusRing.Visible() {
		t.Error("the band shows no focus ring with the keyboard on it")
	}
	test.FocusNext(c)
	test.FocusPrevious(c)
	if c.Focused() != u.Timeline {
		t.Fatalf("Tab and Shift+Tab do not come back to the band (focused %T)", c.Focused())
	}
	d1 := u.State.Date()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if got := u.State.Date(); got <= d1 {
		t.Errorf("→ on the band shows %s, want a date after %s", got.Date(), d1.Date())
	}
	u.Timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Focused() != nil || u.Timeline.focusRing.Visible() {
		t.Error("Escape did not give the keyboard back and hide the ring")
	}
}
