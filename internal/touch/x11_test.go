//go:build (linux || freebsd || netbsd || openbsd || dragonfly) && !android && cgo && !no_touch

package touch

import (
	"errors"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// xvfb starts a virtual X server (Xvfb, which has XInput 2.4 and no touch device) for the
// test and returns its display name; the test is skipped where Xvfb is not installed.
func xvfb(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("Xvfb is not installed")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	// -displayfd: Xvfb picks a free display and writes its number when it accepts clients;
	// -noreset: it would reset, refusing connections for a moment, when the last one closes.
	cmd := exec.Command(bin, "-displayfd", "3", "-noreset", "-screen", "0", "1280x720x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	w.Close()
	// The read end stays open while the server runs: Xvfb writes the number and the newline
	// apart, and exits if the second write fails.
	t.Cleanup(func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait(); r.Close() })
	got := make(chan string, 1)
	go func() {
		b := make([]byte, 16)
		n, _ := r.Read(b)
		got <- strings.TrimSpace(string(b[:n]))
	}()
	select {
	case n := <-got:
		if n == "" {
			t.Fatal("Xvfb did not start")
		}
		name := ":" + n
		// Xvfb writes the number as it starts listening; the first connection may still be
		// refused for a moment.
		for i := 0; i < 50; i++ {
			x, err := StartX11(name, nil, nil)
			if err == nil {
				x.Close()
				if i > 0 {
					t.Logf("Xvfb %s accepted a connection after %d tries", name, i+1)
				}
				return name
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("Xvfb %s accepts no connection", name)
	case <-time.After(10 * time.Second):
		t.Fatal("Xvfb did not start in 10 s")
	}
	return ""
}

// The layer starts on a server without a touch device, selects its events without an X
// error, says it is listening, and stops without leaving a goroutine; ten times, as kiosk mode
// starts one for each UI it builds.
func TestX11StartsAndStopsOnXvfb(t *testing.T) {
	name := xvfb(t)
	before := runtime.NumGoroutine()
	errs := Errors()
	for i := 0; i < 10; i++ {
		var lines []string
		x, err := StartX11(name, func(e Event) { t.Errorf("an event without a touch device: %v", e) }, func(s string) { lines = append(lines, s) })
		if err != nil {
			t.Fatalf("StartX11(%s): %v", name, err)
		}
		if len(lines) != 1 || !strings.Contains(lines[0], "XInput 2.2; no touch screen yet") {
			t.Errorf("status %q", lines)
		}
		stopped := make(chan struct{})
		go func() { x.Close(); x.Close(); close(stopped) }()
		select {
		case <-stopped:
		case <-time.After(5 * time.Second):
			t.Fatal("Close did not return in 5 s")
		}
	}
	if n := Errors() - errs; n != 0 {
		t.Errorf("%d X errors", n)
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after ten starts and stops, %d before", n, before)
	}
}

// A display that does not exist: an error that says so, nothing started.
func TestX11NoDisplay(t *testing.T) {
	_, err := StartX11(":4097", nil, nil)
	if !errors.Is(err, ErrNoTouch) || !strings.Contains(err.Error(), "cannot open display") {
		t.Errorf("StartX11 on a display that does not exist: %v", err)
	}
}

// A device change (here the XTest devices of a new master pointer, added and removed with
// xinput) makes the layer query the devices again, and it keeps running.
func queries(x *X11) int64 { return x.queries.Load() }

func TestX11FollowsDeviceChanges(t *testing.T) {
	xinput, err := exec.LookPath("xinput")
	if err != nil {
		t.Skip("xinput is not installed")
	}
	name := xvfb(t)
	lines := make(chan string, 10)
	x, err := StartX11(name, nil, func(s string) { lines <- s })
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	<-lines
	run := func(args ...string) {
		cmd := exec.Command(xinput, args...)
		cmd.Env = append(os.Environ(), "DISPLAY="+name)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("xinput %v: %v %s", args, err, out)
		}
	}
	// A new master pointer comes with a new XTest pointer device, which has no touch class:
	// the devices are queried again (the status counts them) but the status says the same, so
	// it is not repeated.
	before := queries(x)
	run("create-master", "pinchtest")
	deadline := time.Now().Add(5 * time.Second)
	for queries(x) == before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if queries(x) == before {
		t.Fatal("no new query after a hierarchy change")
	}
	select {
	case s := <-lines:
		t.Errorf("the same status said again: %q", s)
	default:
	}
}

// An X error on the layer's connection is counted and dropped: Xlib's default handler would
// print it and end the process (this test would not return).
func TestX11ErrorsDoNotEndTheProcess(t *testing.T) {
	name := xvfb(t)
	n, err := provokeXError(name)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d errors counted for one bad request, want 1", n)
	}
}

// The C side's copy of a raw event: ids, phase, the mask, and the untransformed values in the
// order of the mask's bits (never the transformed ones, to which the server has applied the
// matrix the tracker applies itself).
func TestX11DecodesRawEvents(t *testing.T) {
	for _, c := range []struct {
		name        string
		evtype      int
		mask        []byte
		values, raw []float64
		want        Raw
	}{
		{"begin with x and y", xiRawTouchBegin, []byte{0b11}, []float64{2, 4}, []float64{1, 2},
			Raw{Phase: Begin, Device: 11, Source: 11, Touch: 7, Mask: []byte{0b11}, Values: []float64{1, 2}}},
		{"update with y and pressure", xiRawTouchUpdate, []byte{0b110}, []float64{8, 9}, []float64{4, 5},
			Raw{Phase: Update, Device: 11, Source: 11, Touch: 7, Mask: []byte{0b110}, Values: []float64{4, 5}}},
		{"end without valuators", xiRawTouchEnd, nil, nil, nil,
			Raw{Phase: End, Device: 11, Source: 11, Touch: 7, Mask: []byte{}, Values: []float64{}}},
		{"a valuator beyond the 8th", xiRawTouchUpdate, []byte{0b1, 0b10}, []float64{0, 0}, []float64{3, 6},
			Raw{Phase: Update, Device: 11, Source: 11, Touch: 7, Mask: []byte{0b1, 0b10}, Values: []float64{3, 6}}},
	} {
		got := decodeRaw(c.evtype, 11, 11, 7, c.mask, c.values, c.raw)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
	r := decodeRaw(xiRawTouchUpdate, 2, 11, 1<<31+5, []byte{0b11}, []float64{0, 0}, []float64{10, 20})
	if r.Device != 2 || r.Source != 11 || r.Touch != 1<<31+5 {
		t.Errorf("a master's copy with a large touch id: %+v", r)
	}
}

// The C side's reading of a device: the x and y ranges from valuators 0 and 1 wherever they
// stand among the classes, the touch mode, masters kept, devices without touch dropped.
func TestX11DecodesDevices(t *testing.T) {
	d, keep := decodeDevice(11, xiSlavePointer, xiDirectTouch, 0, 4095, 10, 2000)
	want := Device{ID: 11, Name: "Test touch", Direct: true, MinX: 0, MaxX: 4095, MinY: 10, MaxY: 2000}
	if !keep || d != want {
		t.Errorf("touch screen: %+v (keep %v), want %+v", d, keep, want)
	}
	if d, keep := decodeDevice(12, xiFloatingSlave, xiDependentTouch, 0, 100, 0, 100); !keep || d.Direct {
		t.Errorf("floating touchpad: %+v (keep %v): want it kept, not direct", d, keep)
	}
	if d, keep := decodeDevice(2, xiMasterPointer, 0, 0, 1919, 0, 1079); !keep || !d.Master {
		t.Errorf("master pointer: %+v (keep %v): want it kept as a master", d, keep)
	}
	if _, keep := decodeDevice(9, xiSlavePointer, 0, 0, 1, 0, 1); keep {
		t.Error("a mouse (no touch class) kept")
	}
}

// The transformation matrix as the server holds it, read from Xvfb's XTest pointer: the
// identity, then the right half of a double-width desktop after xinput sets it.
func TestX11ReadsTheMatrix(t *testing.T) {
	xinput, err := exec.LookPath("xinput")
	if err != nil {
		t.Skip("xinput is not installed")
	}
	name := xvfb(t)
	run := func(args ...string) string {
		cmd := exec.Command(xinput, args...)
		cmd.Env = append(os.Environ(), "DISPLAY="+name)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("xinput %v: %v %s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	id, err := strconv.Atoi(run("list", "--id-only", "Virtual core XTEST pointer"))
	if err != nil {
		t.Fatal(err)
	}
	m, ok, err := matrixOn(name, id)
	if err != nil || !ok || m != [9]float64{1, 0, 0, 0, 1, 0, 0, 0, 1} {
		t.Fatalf("matrix %v (found %v, %v), want the identity", m, ok, err)
	}
	run("set-prop", strconv.Itoa(id), "Coordinate Transformation Matrix", "0.5", "0", "0.5", "0", "1", "0", "0", "0", "1")
	m, ok, err = matrixOn(name, id)
	if err != nil || !ok || m != [9]float64{0.5, 0, 0.5, 0, 1, 0, 0, 0, 1} {
		t.Errorf("matrix %v (found %v, %v), want the right half", m, ok, err)
	}
}

// ThreadID tells two OS threads apart and is the same on one.
func TestThreadID(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	here := ThreadID()
	if ThreadID() != here {
		t.Fatal("ThreadID changed on a locked thread")
	}
	other := make(chan uintptr)
	go func() {
		runtime.LockOSThread() // a new goroutine locked to a thread is never on this one
		defer runtime.UnlockOSThread()
		other <- ThreadID()
	}()
	if <-other == here {
		t.Error("two locked goroutines got the same ThreadID")
	}
}
