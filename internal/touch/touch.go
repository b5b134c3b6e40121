// Package touch reads a touch screen's fingers from the system, beside the pointer that the
// system emulates from the first finger (which is all Fyne's desktop driver sees), so that the
// app can pinch its map with two fingers. It imports no Fyne: main feeds what it delivers to
// app.UI.Touch.
//
// Two platform layers exist (docs/limits.md, "Pinch to zoom"):
//   - X11 (x11.go, cgo): a connection of its own to the X server that selects XInput 2.2 raw
//     touch events on the root window. Raw events go to every client that selects them and
//     take the touch from nobody, so the server's pointer emulation, and with it every tap
//     and drag Fyne sees, is left as it was.
//   - Windows (windows.go): WM_POINTER messages of touch pointers, read by a window procedure
//     that subclasses GLFW's and always hands the message on to it.
//
// This file is the plain Go both layers share, tested without a display: the tracking of
// touch points and the mapping of a device's coordinates to the screen and of the screen's
// pixels to the window's (Tracker, ToWindow), and the decoding of WM_POINTER's parameters
// (PointerMessage).
package touch

import "fmt"

// Phase is what happened to one touch point.
type Phase int

// The phases of a touch point.
const (
	Begin Phase = iota
	Update
	End
)

func (p Phase) String() string {
	switch p {
	case Begin:
		return "begin"
	case Update:
		return "update"
	case End:
		return "end"
	}
	return fmt.Sprintf("Phase(%d)", int(p))
}

// Event is one touch point's change: its id (unique among the points down at the same time,
// across devices), what happened and where, in pixels of the screen (X11) or of the window's
// client area (Windows).
type Event struct {
	Phase Phase
	ID    int64
	X, Y  float64
}

func (e Event) String() string {
	return fmt.Sprintf("%s %d at %.1f,%.1f", e.Phase, e.ID, e.X, e.Y)
}

// ToWindow converts a point in screen pixels to the window's coordinates in Fyne units: the
// window's content area has its top-left corner at winX, winY (screen pixels, as GLFW's
// Window.GetPos reports it) and the canvas draws scale pixels to a Fyne unit (Canvas.Scale,
// which Fyne's GLFW driver divides the pointer's pixels by too). A scale that is not positive
// counts as 1. Points outside the window are converted all the same (negative or beyond its
// size): the receiver decides what to do with a finger off the window.
func ToWindow(sx, sy float64, winX, winY int, scale float32) (x, y float32) {
	s := float64(scale)
	if !(s > 0) {
		s = 1
	}
	return float32((sx - float64(winX)) / s), float32((sy - float64(winY)) / s)
}

// Device is a touch device as the X server describes it (XIQueryDevice and the device's
// "Coordinate Transformation Matrix" property).
type Device struct {
	ID   int
	Name string
	// Master is true for a master pointer or keyboard (which takes on the classes of the
	// device it last moved for): its copies of the devices' events are ignored.
	Master bool
	// Direct is true for a touch screen (XIDirectTouch), false for a touchpad
	// (XIDependentTouch), whose fingers are not places on the screen: its events are ignored.
	Direct bool
	// The ranges of valuators 0 (x) and 1 (y), in the device's own units.
	MinX, MaxX, MinY, MaxY float64
	// Matrix is the coordinate transformation matrix (row-major 3×3) that the server applies
	// to the device's position normalised to 0–1, giving the position normalised to the whole
	// screen (the root window): it maps a touch screen to one monitor of several, or turns it.
	// All zero means the identity.
	Matrix [9]float64
}

// usable reports why the device cannot be used, or "" when it can.
func (d Device) usable() string {
	switch {
	case !d.Direct:
		return "not a touch screen (a touchpad)"
	case !(d.MaxX > d.MinX) || !(d.MaxY > d.MinY):
		return fmt.Sprintf("no x/y range (x %g–%g, y %g–%g)", d.MinX, d.MaxX, d.MinY, d.MaxY)
	}
	return ""
}

// ToScreen maps a device position (valuators 0 and 1) to screen pixels on a screen w×h.
func (d Device) ToScreen(vx, vy float64, w, h float64) (sx, sy float64) {
	nx := (vx - d.MinX) / (d.MaxX - d.MinX)
	ny := (vy - d.MinY) / (d.MaxY - d.MinY)
	m := d.Matrix
	if m == ([9]float64{}) {
		return nx * w, ny * h
	}
	x := m[0]*nx + m[1]*ny + m[2]
	y := m[3]*nx + m[4]*ny + m[5]
	z := m[6]*nx + m[7]*ny + m[8]
	if z != 0 && z != 1 {
		x, y = x/z, y/z
	}
	return x * w, y * h
}

// Raw is one XInput 2.2 raw touch event as the server sends it (XIRawEvent): Device is the
// device it is delivered for (a master pointer's copy or the source's own), Source the device
// that made it, Touch the touch id, and the valuators present in Mask with their values in
// Values, in the order of the bits set (XI2 sends only the valuators that changed).
type Raw struct {
	Phase          Phase
	Device, Source int
	Touch          uint32
	Mask           []byte
	Values         []float64
}

// Axes returns valuators 0 and 1 of the event and whether each was present.
func (r Raw) Axes() (x float64, hasX bool, y float64, hasY bool) {
	n := 0
	for bit := 0; bit < len(r.Mask)*8; bit++ {
		if r.Mask[bit/8]&(1<<(bit%8)) == 0 {
			continue
		}
		if n >= len(r.Values) {
			break
		}
		switch bit {
		case 0:
			x, hasX = r.Values[n], true
		case 1:
			y, hasY = r.Values[n], true
		}
		n++
		if bit >= 1 {
			break
		}
	}
	return
}

// point is what the tracker knows of one touch: its device and last position on it.
type point struct {
	dev        int
	vx, vy     float64
	hasX, hasY bool
	sx, sy     float64 // the last position delivered, in screen pixels
	begun      bool    // a Begin has been delivered
}

// Tracker turns raw touch events into Events in screen pixels: it keeps the touch devices
// and the screen's size, each touch's last position (raw events carry only the valuators that
// changed), and delivers every touch of a touch screen as begin, updates, end. It is not safe
// for concurrent use.
type Tracker struct {
	devices map[int]Device
	w, h    float64
	masters map[int]bool
	points  map[int64]*point
	asked   map[int]bool // unknown sources already reported for a query
}

// NewTracker returns a tracker for a screen of w×h pixels and no devices yet.
func NewTracker(w, h float64) *Tracker {
	return &Tracker{devices: map[int]Device{}, masters: map[int]bool{}, w: w, h: h, points: map[int64]*point{}, asked: map[int]bool{}}
}

// SetScreen records the screen's size in pixels (the root window's, which RandR may change).
func (t *Tracker) SetScreen(w, h float64) { t.w, t.h = w, h }

// SetDevices replaces what is known of the devices (after a query of them all): it returns
// the touch screens it will use and the reasons the other touch devices are not used, and it
// ends every touch of a device that is gone or no longer usable (the events returned), so a
// finger that was down when its screen was unplugged does not stay down for ever.
func (t *Tracker) SetDevices(devs []Device) (ended []Event, used []Device, skipped []string) {
	t.devices, t.masters = map[int]Device{}, map[int]bool{}
	for _, d := range devs {
		if d.Master {
			t.masters[d.ID] = true
			continue
		}
		if why := d.usable(); why != "" {
			skipped = append(skipped, fmt.Sprintf("%s (%d): %s", d.Name, d.ID, why))
			continue
		}
		t.devices[d.ID] = d
		used = append(used, d)
	}
	for id, p := range t.points {
		if _, ok := t.devices[p.dev]; ok {
			continue
		}
		if p.begun {
			ended = append(ended, t.event(End, id, p))
		}
		delete(t.points, id)
	}
	sortEvents(ended)
	return ended, used, skipped
}

// Handle takes one raw event and returns what it makes: nothing (a master device's copy of
// the event, a touchpad, a touch whose position is not yet known, an end of a touch that
// began before the tracker listened), one event, or an end and
// a begin when a touch id comes back without having ended. query is true the first time (ever) an
// event comes from a source device the tracker does not know: the caller should query the
// devices again (a touch screen plugged in after the start) and call SetDevices.
func (t *Tracker) Handle(r Raw) (events []Event, query bool) {
	src := r.Source
	if src == 0 {
		src = r.Device // libXi left sourceid 0 in raw events before 1.6 (freedesktop bug 34240)
	}
	if r.Device != src || t.masters[r.Device] {
		return nil, false // the master pointer's copy of a slave's event: the slave's counts
	}
	d, ok := t.devices[src]
	if !ok {
		if !t.asked[src] {
			t.asked[src] = true
			return nil, true
		}
		return nil, false
	}
	id := int64(src)<<32 | int64(r.Touch)
	x, hasX, y, hasY := r.Axes()
	p := t.points[id]
	if r.Phase == Begin && p != nil && p.begun {
		events = append(events, t.event(End, id, p)) // the id came back without an end
		p = nil
	}
	if p == nil {
		if r.Phase == End {
			return events, false // a touch that began before we listened
		}
		p = &point{dev: d.ID}
		t.points[id] = p
	}
	if hasX {
		p.vx, p.hasX = x, true
	}
	if hasY {
		p.vy, p.hasY = y, true
	}
	switch {
	case r.Phase == End:
		delete(t.points, id)
		if p.begun {
			events = append(events, t.event(End, id, p))
		}
	case !p.hasX || !p.hasY:
	case !p.begun:
		p.begun = true
		events = append(events, t.event(Begin, id, p))
	default:
		events = append(events, t.event(Update, id, p))
	}
	return events, false
}

// Down returns the number of touches begun and not ended.
func (t *Tracker) Down() int {
	n := 0
	for _, p := range t.points {
		if p.begun {
			n++
		}
	}
	return n
}

func (t *Tracker) event(ph Phase, id int64, p *point) Event {
	if d, ok := t.devices[p.dev]; ok { // else an end for a device that is gone: where it was
		p.sx, p.sy = d.ToScreen(p.vx, p.vy, t.w, t.h)
	}
	return Event{Phase: ph, ID: id, X: p.sx, Y: p.sy}
}

func sortEvents(es []Event) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].ID < es[j-1].ID; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}
