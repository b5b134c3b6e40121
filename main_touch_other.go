//go:build !windows && !((linux || freebsd || netbsd || openbsd || dragonfly) && !android)

package main

import (
	"github.com/go-gl/glfw/v3.3/glfw"

	"frontline-atlas/app"
	"frontline-atlas/internal/touch"
)

// startTouch does nothing on macOS: GLFW gives no touch points there (a Mac has no touch
// screen; a trackpad's pinch reaches the map as scrolling).
func startTouch(win *glfw.Window, ui *app.UI, deliver func(touch.Event, func(float64, float64, float32) (float32, float32)), report func(string)) {
}
