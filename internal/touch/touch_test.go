package touch

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// screen is a touch screen of 0–4095 on both axes, like many USB panels.
var screen = Device{ID: 11, Name: "eGalax Touch", Direct: true, MaxX: 4095, MaxY: 4095}

func raw(ph Phase, dev, src int, touch uint32, xy ...float64) Raw {
	r := Raw{Phase: ph, Device: dev, Source: src, Touch: touch}
	switch len(xy) {
	case 2:
		r.Mask, r.Values = []byte{0b11}, xy
	case 1: // x only
		r.Mask, r.Values = []byte{0b01}, xy
	}
	return r
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestDeviceToScreen(t *testing.T) {
	half := [9]float64{0.5, 0, 0.5, 0, 1, 0, 0, 0, 1} // the right half of two side-by-side monitors
	cw := [9]float64{0, -1, 1, 1, 0, 0, 0, 0, 1}      // turned 90° clockwise (xinput's matrix)
	for _, c := range []struct {
		name       string
		dev        Device
		vx, vy     float64
		w, h       float64
		wantX, wan float64
	}{
		{"origin", screen, 0, 0, 1920, 1080, 0, 0},
		{"far corner", screen, 4095, 4095, 1920, 1080, 1920, 1080},
		{"middle", screen, 2047.5, 2047.5, 1920, 1080, 960, 540},
		{"offset range", Device{Direct: true, MinX: 100, MaxX: 1100, MinY: -50, MaxY: 50}, 600, 0, 1000, 800, 500, 400},
		{"identity matrix given", Device{Direct: true, MaxX: 10, MaxY: 10, Matrix: [9]float64{1, 0, 0, 0, 1, 0, 0, 0, 1}}, 5, 5, 200, 100, 100, 50},
		{"right monitor of two", Device{Direct: true, MaxX: 100, MaxY: 100, Matrix: half}, 0, 0, 3840, 1080, 1920, 0},
		{"right monitor, far corner", Device{Direct: true, MaxX: 100, MaxY: 100, Matrix: half}, 100, 100, 3840, 1080, 3840, 1080},
		{"turned clockwise", Device{Direct: true, MaxX: 100, MaxY: 100, Matrix: cw}, 0, 0, 1000, 1000, 1000, 0},
		{"projective", Device{Direct: true, MaxX: 1, MaxY: 1, Matrix: [9]float64{1, 0, 0, 0, 1, 0, 0, 0, 2}}, 1, 1, 100, 100, 50, 50},
	} {
		x, y := c.dev.ToScreen(c.vx, c.vy, c.w, c.h)
		if !near(x, c.wantX) || !near(y, c.wan) {
			t.Errorf("%s: ToScreen(%g, %g) = %g, %g; want %g, %g", c.name, c.vx, c.vy, x, y, c.wantX, c.wan)
		}
	}
}

func TestToWindow(t *testing.T) {
	for _, c := range []struct {
		name       string
		sx, sy     float64
		wx, wy     int
		scale      float32
		wantX, wan float32
	}{
		{"window at origin, scale 1", 100, 50, 0, 0, 1, 100, 50},
		{"window moved", 1100, 650, 1000, 600, 1, 100, 50},
		{"HiDPI scale 2", 1200, 700, 1000, 600, 2, 100, 50},
		{"fractional scale", 150, 150, 0, 0, 1.5, 100, 100},
		{"left of the window", 900, 650, 1000, 600, 1, -100, 50},
		{"window on a monitor left of the primary", -500, 10, -1920, 0, 1, 1420, 10},
		{"zero scale counts as 1", 10, 10, 0, 0, 0, 10, 10},
		{"NaN scale counts as 1", 10, 10, 0, 0, float32(math.NaN()), 10, 10},
	} {
		x, y := ToWindow(c.sx, c.sy, c.wx, c.wy, c.scale)
		if math.Abs(float64(x-c.wantX)) > 1e-3 || math.Abs(float64(y-c.wan)) > 1e-3 {
			t.Errorf("%s: ToWindow = %g, %g; want %g, %g", c.name, x, y, c.wantX, c.wan)
		}
	}
}

func TestRawAxes(t *testing.T) {
	for _, c := range []struct {
		name       string
		r          Raw
		x          float64
		hasX       bool
		y          float64
		hasY, only bool
	}{
		{"both", Raw{Mask: []byte{0b11}, Values: []float64{10, 20}}, 10, true, 20, true, false},
		{"x only", Raw{Mask: []byte{0b01}, Values: []float64{10}}, 10, true, 0, false, false},
		{"y only: its value is the first", Raw{Mask: []byte{0b10}, Values: []float64{20}}, 0, false, 20, true, false},
		{"pressure after x, y", Raw{Mask: []byte{0b111}, Values: []float64{10, 20, 99}}, 10, true, 20, true, false},
		{"y and pressure", Raw{Mask: []byte{0b110}, Values: []float64{20, 99}}, 0, false, 20, true, false},
		{"none", Raw{}, 0, false, 0, false, false},
		{"mask longer than values", Raw{Mask: []byte{0b11}, Values: []float64{10}}, 10, true, 0, false, false},
		{"only valuator 9", Raw{Mask: []byte{0, 0b10}, Values: []float64{5}}, 0, false, 0, false, false},
	} {
		x, hx, y, hy := c.r.Axes()
		if x != c.x || hx != c.hasX || y != c.y || hy != c.hasY {
			t.Errorf("%s: Axes = %g %v %g %v; want %g %v %g %v", c.name, x, hx, y, hy, c.x, c.hasX, c.y, c.hasY)
		}
	}
}

// Two fingers on a touch screen of a 1920×1080 screen: the events in screen pixels, each
// touch with its own id, the master pointer's copies dropped.
func TestTrackerTwoFingers(t *testing.T) {
	tr := NewTracker(1920, 1080)
	master := Device{ID: 2, Name: "Virtual core pointer", Master: true, Direct: true, MaxX: 4095, MaxY: 4095}
	if ended, used, skipped := tr.SetDevices([]Device{master, screen}); len(ended) != 0 || len(used) != 1 || len(skipped) != 0 {
		t.Fatalf("SetDevices: ended %v used %v skipped %v", ended, used, skipped)
	}
	id := func(touch uint32) int64 { return 11<<32 | int64(touch) }
	steps := []struct {
		r    Raw
		want []Event
	}{
		{raw(Begin, 11, 11, 7, 0, 0), []Event{{Begin, id(7), 0, 0}}},
		{raw(Begin, 2, 11, 7, 0, 0), nil}, // the master pointer's copy
		{raw(Begin, 2, 0, 7, 0, 0), nil},  // the same from a libXi that leaves sourceid 0
		{raw(Begin, 11, 11, 8, 4095, 4095), []Event{{Begin, id(8), 1920, 1080}}},
		{raw(Update, 11, 11, 7, 2047.5), []Event{{Update, id(7), 960, 0}}}, // x only: y kept
		{raw(Update, 11, 11, 8), []Event{{Update, id(8), 1920, 1080}}},     // no valuators
		{raw(End, 11, 11, 7), []Event{{End, id(7), 960, 0}}},
		{raw(End, 11, 11, 7), nil},                                    // a second end
		{raw(Update, 11, 0, 8, 0, 0), []Event{{Update, id(8), 0, 0}}}, // sourceid 0: the device's own
		{raw(Update, 11, 11, 7, 10, 10), []Event{{Begin, id(7), 10 * 1920 / 4095.0, 10 * 1080 / 4095.0}}},
	}
	for i, s := range steps {
		got, query := tr.Handle(s.r)
		if query {
			t.Errorf("step %d: asked for a query of a known device", i)
		}
		if !sameEvents(got, s.want) {
			t.Errorf("step %d (%v): got %v, want %v", i, s.r.Phase, got, s.want)
		}
	}
	if tr.Down() != 2 {
		t.Errorf("Down = %d, want 2", tr.Down())
	}
}

func sameEvents(a, b []Event) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Phase != b[i].Phase || a[i].ID != b[i].ID || !near(a[i].X, b[i].X) || !near(a[i].Y, b[i].Y) {
			return false
		}
	}
	return true
}

func TestTrackerUnknownDevice(t *testing.T) {
	tr := NewTracker(1920, 1080)
	if _, q := tr.Handle(raw(Begin, 11, 11, 1, 0, 0)); !q {
		t.Fatal("the first event of an unknown device asked for no query")
	}
	if ev, q := tr.Handle(raw(Update, 11, 11, 1, 5, 5)); q || ev != nil {
		t.Fatalf("the second event of an unknown device: %v, query %v; want nothing", ev, q)
	}
	tr.SetDevices([]Device{screen}) // the query found it
	// The finger that began before the query: its next update begins it.
	ev, q := tr.Handle(raw(Update, 11, 11, 1, 4095, 0))
	if q || !sameEvents(ev, []Event{{Begin, 11<<32 | 1, 1920, 0}}) {
		t.Fatalf("after the query: %v, query %v", ev, q)
	}
	// Another unknown device after a new SetDevices asks again, once.
	if _, q := tr.Handle(raw(Begin, 12, 12, 1, 0, 0)); !q {
		t.Error("a second unknown device asked for no query")
	}
}

func TestTrackerIgnoresTouchpadsAndBadRanges(t *testing.T) {
	tr := NewTracker(1920, 1080)
	pad := Device{ID: 12, Name: "SynPS/2 Synaptics TouchPad", Direct: false, MaxX: 100, MaxY: 100}
	flat := Device{ID: 13, Name: "Broken", Direct: true, MinX: 5, MaxX: 5, MaxY: 100}
	_, used, skipped := tr.SetDevices([]Device{pad, flat, screen})
	if len(used) != 1 || used[0].ID != 11 {
		t.Errorf("used %v, want the touch screen alone", used)
	}
	if len(skipped) != 2 || !strings.Contains(skipped[0], "touchpad") || !strings.Contains(skipped[1], "Broken (13): no x/y range") {
		t.Errorf("skipped %q", skipped)
	}
	for _, dev := range []int{12, 13} {
		if ev, q := tr.Handle(raw(Begin, dev, dev, 1, 1, 1)); ev != nil {
			t.Errorf("device %d gave %v (query %v)", dev, ev, q)
		}
	}
}

// twoScreens returns a tracker of a w×h screen with two touch screens, 11 and the other, 14.
func twoScreens(w, h float64) (*Tracker, Device) {
	other := screen
	other.ID = 14
	tr := NewTracker(w, h)
	tr.SetDevices([]Device{screen, other})
	return tr, other
}

// A touch id that comes back without an end (an end lost) ends the old touch first; the same
// touch number on two devices makes two touches.
func TestTrackerReusedIDs(t *testing.T) {
	tr, _ := twoScreens(1000, 1000)
	tr.Handle(raw(Begin, 11, 11, 3, 0, 0))
	ev, _ := tr.Handle(raw(Begin, 14, 14, 3, 0, 0))
	if len(ev) != 1 || ev[0].ID == 11<<32|3 {
		t.Fatalf("touch 3 of a second device: %v", ev)
	}
	ev, _ = tr.Handle(raw(Begin, 11, 11, 3, 4095, 4095))
	want := []Event{{End, 11<<32 | 3, 0, 0}, {Begin, 11<<32 | 3, 1000, 1000}}
	if !sameEvents(ev, want) {
		t.Fatalf("a touch id back without an end: %v, want %v", ev, want)
	}
	if tr.Down() != 2 {
		t.Errorf("Down = %d, want 2", tr.Down())
	}
}

// A screen unplugged with fingers on it: its touches end where they were, the other
// screen's stay.
func TestTrackerDeviceRemoved(t *testing.T) {
	tr, other := twoScreens(4095, 4095)
	tr.Handle(raw(Begin, 11, 11, 1, 10, 20))
	tr.Handle(raw(Begin, 11, 11, 2, 30, 40))
	tr.Handle(raw(Begin, 14, 14, 1, 50, 60))
	tr.Handle(raw(Begin, 11, 11, 3)) // no position yet: never begun, nothing to end
	ended, _, _ := tr.SetDevices([]Device{other})
	want := []Event{{End, 11<<32 | 1, 10, 20}, {End, 11<<32 | 2, 30, 40}}
	if !sameEvents(ended, want) {
		t.Errorf("ended %v, want %v", ended, want)
	}
	if tr.Down() != 1 {
		t.Errorf("Down = %d, want 1", tr.Down())
	}
	if ev, _ := tr.Handle(raw(Update, 14, 14, 1, 0, 0)); len(ev) != 1 || ev[0].Phase != Update {
		t.Errorf("the other screen's touch after the removal: %v", ev)
	}
}

// The screen resized (RandR): later events use the new size.
func TestTrackerScreenResized(t *testing.T) {
	tr := NewTracker(1920, 1080)
	tr.SetDevices([]Device{screen})
	tr.Handle(raw(Begin, 11, 11, 1, 4095, 4095))
	tr.SetScreen(1280, 720)
	ev, _ := tr.Handle(raw(Update, 11, 11, 1))
	if !sameEvents(ev, []Event{{Update, 11<<32 | 1, 1280, 720}}) {
		t.Errorf("after a resize: %v", ev)
	}
}

func TestPointerMessage(t *testing.T) {
	lp := func(x, y int16) uintptr { return uintptr(uint16(x)) | uintptr(uint16(y))<<16 }
	type out struct {
		ph         Phase
		id         int64
		x, y       int
		hasPos, ok bool
	}
	for _, c := range []struct {
		name   string
		msg    uint32
		wp, lp uintptr
		want   out
	}{
		{"down", 0x0246, 0x0001_0005, lp(300, 200), out{Begin, 5, 300, 200, true, true}},
		{"update", 0x0245, 5, lp(301, 202), out{Update, 5, 301, 202, true, true}},
		{"up", 0x0247, 5, lp(301, 202), out{End, 5, 301, 202, true, true}},
		{"left of the primary monitor", 0x0246, 9, lp(-1500, -20), out{Begin, 9, -1500, -20, true, true}},
		{"flags in the high word are not the id", 0x0246, 0xC000_0007, lp(1, 1), out{Begin, 7, 1, 1, true, true}},
		{"capture lost", 0x024C, 5, 0, out{End, 5, 0, 0, false, true}},
		{"mouse move", 0x0200, 0, lp(1, 1), out{}},
		{"WM_TOUCH", 0x0240, 2, 0, out{}},
	} {
		ph, id, x, y, hasPos, ok := PointerMessage(c.msg, c.wp, c.lp)
		if got := (out{ph, id, x, y, hasPos, ok}); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
