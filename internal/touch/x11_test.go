//go:build (linux || freebsd || netbsd || openbsd || dragonfly) && !android && cgo && !no_touch

package touch

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
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
