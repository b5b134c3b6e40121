package app

import (
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
// taps. It must run on the UI goroutine.
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
}
