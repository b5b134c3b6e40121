//go:build (linux || freebsd || netbsd || openbsd || dragonfly) && !android

package main

import (
	"bytes"
	"log"
	"os"
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// openDisplay checks that a window can be opened before Fyne tries: without a display GLFW
// fails to initialise and Fyne's driver then panics on its first call ("The GLFW library is
// not initialized"). It returns the reason when no window can be opened. It must run on the
// main thread (main's goroutine, which Fyne's driver locks to it).
func openDisplay() error {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errNoDisplay("neither DISPLAY nor WAYLAND_DISPLAY is set")
	}
	// go-gl's Init logs a platform error ("X11: Failed to open display :1") instead of
	// returning it, and the library is then left uninitialised: catch the log line for the
	// message and ask whether GLFW is usable.
	var logged bytes.Buffer
	out, flags := log.Writer(), log.Flags()
	log.SetOutput(&logged)
	log.SetFlags(0)
	err := glfw.Init() // Fyne's own glfw.Init later finds it done
	log.SetOutput(out)
	log.SetFlags(flags)
	if err == nil && glfwReady() {
		return nil
	}
	why := strings.TrimSpace(logged.String())
	if err != nil {
		why = err.Error()
	}
	if why == "" {
		why = "cannot open display " + os.Getenv("DISPLAY")
	}
	return errNoDisplay(why)
}

// glfwReady reports whether GLFW initialised, by asking it for the monitors (a call that
// panics when it did not).
func glfwReady() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	glfw.GetMonitors()
	return true
}
