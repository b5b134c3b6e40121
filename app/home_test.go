package app

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/timeline"
)

func sameMark(a, b MapMark) bool {
	return math.Abs(a.CX-b.CX) < 1 && math.Abs(a.CY-b.CY) < 1 && math.Abs(a.Scale/b.Scale-1) < 1e-6
}

// Home (the button, or a tap on the title) returns to the start view: the date the window
// opened on, the map's home view, nothing selected, no filter; Back returns to where it was.
func TestHomeReturnsToStartView(t *testing.T) {
	for _, via := range []string{"button", "title"} {
		t.Run(via, func(t *testing.T) {
			start := timeline.DayOf(1941, 6, 22)
			u, win := newTestUI(t, 1280, 720, Options{Date: start})
			home := u.Map.mark()
			u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: "battle-of-kursk"})
			u.State.SetLaneShown(u.Timeline.Lanes()[0].ID, false)
			test.Drag(win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Map).Add(fyne.NewPos(300, 300)), 120, 40)
			away, awayDate := u.Map.mark(), u.State.Date()
			if sameMark(away, home) {
				t.Fatal("the map did not move away from its home view")
			}
			if via == "button" {
				test.Tap(u.HomeB)
			} else {
				test.Tap(u.Title)
			}
			if sel := u.State.Selection(); sel != (timeline.Ref{}) {
				t.Errorf("after Home %v is selected", sel)
			}
			if got := u.State.Date(); got != start {
				t.Errorf("after Home the date is %s, want %s", got.Date(), start.Date())
			}
			if u.State.Filter().Active() {
				t.Error("after Home a filter is still on")
			}
			if got := u.Map.mark(); !sameMark(got, home) {
				t.Errorf("after Home the map looks at %+v, want its home view %+v", got, home)
			}
			if got := u.Details.Title.Text; got != "Frontline Atlas" {
				t.Errorf("after Home the details panel shows %q", got)
			}
			// History is kept: Back returns to the event, its date and where the map was.
			if !u.BackB.Disabled() {
				test.Tap(u.BackB)
			} else {
				t.Fatal("Back is disabled after Home")
			}
			if sel := u.State.Selection(); sel.ID != "battle-of-kursk" {
				t.Errorf("Back after Home selected %v, want the battle of Kursk", sel)
			}
			if got := u.State.Date(); got != awayDate {
				t.Errorf("Back after Home shows %s, want %s", got.Date(), awayDate.Date())
			}
			if got := u.Map.mark(); !sameMark(got, away) {
				t.Errorf("Back after Home: the map looks at %+v, want %+v", got, away)
			}
		})
	}
}

// The start view is a history entry: Back from the first item opened goes home, with the
// start date and the map's home view.
func TestBackFromFirstItemGoesHome(t *testing.T) {
	start := timeline.DayOf(1941, 6, 22)
	u, _ := newTestUI(t, 1280, 720, Options{Date: start})
	home := u.Map.mark()
	if !u.BackB.Disabled() {
		t.Fatal("Back is enabled before anything was opened")
	}
	u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: "operation-uranus"})
	if sameMark(u.Map.mark(), home) {
		t.Fatal("selecting Operation Uranus did not move the map")
	}
	test.Tap(u.BackB)
	if sel := u.State.Selection(); sel != (timeline.Ref{}) {
		t.Errorf("Back from the first item selected %v, want nothing", sel)
	}
	if got := u.State.Date(); got != start {
		t.Errorf("Back from the first item shows %s, want %s", got.Date(), start.Date())
	}
	if got := u.Map.mark(); !sameMark(got, home) {
		t.Errorf("Back from the first item: the map looks at %+v, want its home view %+v", got, home)
	}
	if !u.BackB.Disabled() || u.ForwardB.Disabled() {
		t.Error("at the start of history Back should be disabled and Forward enabled")
	}
	test.Tap(u.ForwardB)
	if sel := u.State.Selection(); sel.ID != "operation-uranus" || u.State.Date() != timeline.DayOf(1942, 11, 19) {
		t.Errorf("Forward returned to %v on %s, want Operation Uranus on 19 Nov 1942", sel, u.State.Date().Date())
	}
}

// Back restores the whole entry: the date shown when it was left (not the item's start) and
// the map's view then, not only the page.
func TestBackRestoresDateAndView(t *testing.T) {
	u, win := newTestUI(t, 1280, 720, Options{})
	u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: "battle-of-kursk"})
	// The user moves on from the battle's first day and pans the map.
	later := timeline.DayOf(1943, 8, 23)
	u.State.SetDate(later)
	test.Drag(win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Map).Add(fyne.NewPos(400, 300)), -150, 60)
	left := u.Map.mark()
	u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: "battle-of-berlin"})
	if u.State.Date() == later || sameMark(u.Map.mark(), left) {
		t.Fatal("opening the battle of Berlin changed neither the date nor the map")
	}
	test.Tap(u.BackB)
	if sel := u.State.Selection(); sel.ID != "battle-of-kursk" {
		t.Fatalf("Back selected %v, want the battle of Kursk", sel)
	}
	if got := u.State.Date(); got != later {
		t.Errorf("Back shows %s, want %s, the date when the page was left", got.Date(), later.Date())
	}
	if got := u.Map.mark(); !sameMark(got, left) {
		t.Errorf("Back: the map looks at %+v, want %+v, where it was left", got, left)
	}
	test.Tap(u.ForwardB)
	if got := u.State.Date(); got != timeline.DayOf(1945, 4, 16) {
		t.Errorf("Forward shows %s, want 16 Apr 1945", got.Date())
	}
}

// Selecting an event moves the map to its places, with a margin, even when they were already
// somewhere in view.
func TestSelectingEventFitsItsPlaces(t *testing.T) {
	u, _ := newTestUI(t, 1280, 720, Options{})
	for _, tc := range []struct{ event, place string }{{"battle-of-berlin", "berlin"}, {"operation-uranus", "stalingrad"}, {"yalta", "yalta"}} {
		// Zoom out first: the place is in view, but small and off-centre.
		u.Map.ZoomAbout(0.25, fyne.NewPos(10, 10))
		before := u.Map.View().Scale
		u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: tc.event})
		p := u.Catalog.Place(tc.place)
		v := u.Map.View()
		x, y := v.ToScreen(p.Lon, p.Lat)
		if x < 40 || y < 40 || x > float64(v.W)-40 || y > float64(v.H)-40 {
			t.Errorf("%s: %s at (%.0f, %.0f) is not within the %d×%d map with a margin", tc.event, tc.place, x, y, v.W, v.H)
		}
		if v.Scale >= before {
			t.Errorf("%s: the map did not zoom in to its place (scale %.0f, before %.0f m/px)", tc.event, v.Scale, before)
		}
	}
}
