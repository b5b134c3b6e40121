package app

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/geo"
)

// TestTouchPinchZoomsAboutTheFingers: two fingers on the map moving apart zoom it in by the
// ratio of their distances, and the places under the fingers stay under them; a finger that
// goes down outside the map, or a third finger, does nothing.
func TestTouchPinchZoomsAboutTheFingers(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Map)
	at := func(x, y float32) fyne.Position { return origin.Add(fyne.NewPos(x, y)) }
	v0 := u.Map.View()
	lonA, latA := v0.FromScreen(300, 250)
	lonB, latB := v0.FromScreen(400, 250)
	u.Touch(TouchBegin, 1, at(300, 250))
	u.Touch(TouchBegin, 2, at(400, 250))
	u.Touch(TouchBegin, 3, fyne.NewPos(5, 5)) // on the top bar: not the map
	u.Touch(TouchUpdate, 3, fyne.NewPos(50, 50))
	if v := u.Map.View(); v.Scale != v0.Scale || v.CX != v0.CX {
		t.Fatal("a finger outside the map moved it")
	}
	// Apart, in three steps, and along: 100 px → 160 px, the middle 40 px to the right.
	for i := 1; i <= 3; i++ {
		d := float32(i) * 10
		u.Touch(TouchUpdate, 1, at(300-d+float32(i)*40/3, 250))
		u.Touch(TouchUpdate, 2, at(400+d+float32(i)*40/3, 250))
	}
	v := u.Map.View()
	if f := v0.Scale / v.Scale; math.Abs(f-1.6) > 0.01 {
		t.Errorf("zoomed by %.3f, want 1.6", f)
	}
	for _, c := range []struct {
		lon, lat float64
		x, y     float64
	}{{lonA, latA, 300 - 30 + 40, 250}, {lonB, latB, 400 + 30 + 40, 250}} {
		x, y := v.ToScreen(c.lon, c.lat)
		if math.Abs(x-c.x) > 1 || math.Abs(y-c.y) > 1 {
			t.Errorf("the place under a finger is at %.1f, %.1f, the finger at %.0f, %.0f", x, y, c.x, c.y)
		}
	}
	u.Touch(TouchEnd, 1, at(0, 0))
	before := u.Map.View()
	u.Touch(TouchUpdate, 2, at(600, 300))
	if after := u.Map.View(); after.Scale != before.Scale || after.CX != before.CX {
		t.Error("one finger left after a pinch moved the map (the pointer's drag does that)")
	}
}

// TestTouchPinchHoldsThePointer: the system emulates the pointer from a pinch's first finger,
// so Fyne drags the map with it as well; while two fingers are down those drags do nothing,
// no fling follows the pinch, and the click emulated as the finger lifts neither opens a place
// nor counts as half a double tap. Once the fingers are up the pointer drags again.
func TestTouchPinchHoldsThePointer(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	m := u.Map
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(m)
	at := func(x, y float32) fyne.Position { return origin.Add(fyne.NewPos(x, y)) }
	same := func(a, b geo.View) bool { return a.Scale == b.Scale && a.CX == b.CX && a.CY == b.CY }

	u.Touch(TouchBegin, 1, at(300, 250))
	test.Drag(win.Canvas(), at(300, 250), 40, 0) // one finger: the pointer pans
	panned := m.View()
	u.Touch(TouchBegin, 2, at(500, 250))
	test.Drag(win.Canvas(), at(340, 250), 80, 30) // the first finger's pointer during the pinch
	if !same(m.View(), panned) {
		t.Fatal("the pointer dragged the map while two fingers pinched it")
	}
	u.Touch(TouchUpdate, 2, at(600, 250)) // the pinch itself zooms
	zoomed := m.View()
	if zoomed.Scale == panned.Scale {
		t.Fatal("the pinch did not zoom")
	}
	// A drag with speed during the pinch, ended: no glide.
	for i := 0; i < 5; i++ {
		m.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(340, 250)}, Dragged: fyne.NewDelta(60, 0)})
	}
	m.DragEnd()
	if m.inertia != nil || !same(m.View(), zoomed) {
		t.Error("a fling followed the pointer's drag during a pinch")
	}
	u.Touch(TouchEnd, 1, at(0, 0))
	u.Touch(TouchEnd, 2, at(0, 0))
	m.DragEnd() // the pointer's release after the pinch: its drags were forgotten, no glide
	if m.inertia != nil {
		t.Error("a fling followed the pinch")
	}
	// The emulated click of the lifting finger, twice at one spot: no double-tap zoom.
	test.Tap(m)
	test.Tap(m)
	if !same(m.View(), zoomed) {
		t.Error("the taps emulated as the pinch's fingers lifted zoomed the map")
	}
	// The pinch is over: the pointer drags again.
	test.Drag(win.Canvas(), at(300, 250), 40, 0)
	if same(m.View(), zoomed) {
		t.Error("the pointer no longer drags the map after the pinch")
	}
}
