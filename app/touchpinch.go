package app

import (
	"time"

	"fyne.io/fyne/v2"

	"frontline-atlas/kiosk"
)

// TouchPhase is what happened to one touch point.
type TouchPhase int

// The phases of a touch point.
const (
	TouchBegin TouchPhase = iota
	TouchUpdate
	TouchEnd
)

// Touch takes one touch point from a platform layer that reads the system's touch events
// (XInput 2.2 on X11, WM_POINTER on Windows; see docs/limits.md for what exists): its id, what
// happened to it and where, in window coordinates (Fyne units). Two fingers that go down on
// the map pinch it: it zooms about the fingers' centre and pans with them (kiosk.Pinch). One
// finger is left to the system's pointer emulation, which Fyne already turns into drags and
// taps; while two fingers pinch, the map ignores the pointer (it is the first finger, which
// would pan the map a second time), and no fling or tap follows the pinch. It must run on the
// UI goroutine.
func (u *UI) Touch(phase TouchPhase, id int64, pos fyne.Position) {
	m := u.Map
	var origin fyne.Position
	if a := fyne.CurrentApp(); a != nil {
		origin = a.Driver().AbsolutePositionForObject(m)
	}
	local := pos.Subtract(origin)
	p := kiosk.Point{X: float64(local.X), Y: float64(local.Y)}
	switch phase {
	case TouchBegin:
		if sz := m.Size(); local.X >= 0 && local.Y >= 0 && local.X < sz.Width && local.Y < sz.Height {
			u.pinch.Down(id, p)
		}
	case TouchUpdate:
		st, ok := u.pinch.Move(id, p)
		if !ok {
			return
		}
		m.session.Pan(st.Pan.X, st.Pan.Y)
		m.session.ZoomAbout(st.Factor, st.Centre.X, st.Centre.Y)
		m.Refresh()
		m.interact()
	case TouchEnd:
		u.pinch.Up(id)
	}
	m.setPinching(u.pinch.Active())
}

// pinchTapGrace is how long after a pinch a tap on the map is taken for the pinch's finger
// lifting (the system emulates a click for it when it did not move enough to drag).
const pinchTapGrace = 400 * time.Millisecond

// touchGuard keeps the system's pointer emulation of a pinch's first finger from also acting
// on the map: while two fingers pinch, the pointer's drags would pan the map a second time.
type touchGuard struct {
	pinching bool
	ended    time.Time // when the last pinch ended
}

// setPinching records whether two fingers pinch the map. Either way the drag's speed is
// forgotten, so no fling follows a pinch; when a pinch starts, a glide or flight stops.
func (m *MapView) setPinching(on bool) {
	if on == m.touch.pinching {
		return
	}
	m.touch.pinching = on
	m.fling.reset()
	if on {
		m.stopMotion()
	} else {
		m.touch.ended = time.Now()
	}
}

// pinchHoldsPointer reports whether the pointer's drags are to be ignored: two fingers pinch.
func (m *MapView) pinchHoldsPointer() bool { return m.touch.pinching }

// tapEndsPinch reports whether a tap is to be ignored: during a pinch or just after it.
func (m *MapView) tapEndsPinch() bool {
	return m.touch.pinching || (!m.touch.ended.IsZero() && time.Since(m.touch.ended) < pinchTapGrace)
}
