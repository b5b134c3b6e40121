//go:build (linux || freebsd || netbsd || openbsd || dragonfly) && !android

package main

import (
	"os"

	"github.com/go-gl/glfw/v3.3/glfw"

	"frontline-atlas/app"
	"frontline-atlas/internal/touch"
)

// startTouch starts the X11 layer on a connection of its own to the window's display: it
// delivers points in screen pixels, which become window units with the window's position
// (GLFW's, of its content area) and the canvas's scale.
func startTouch(win *glfw.Window, ui *app.UI, deliver func(touch.Event, func(float64, float64, float32) (float32, float32)), report func(string)) {
	toWindow := func(x, y float64, scale float32) (float32, float32) {
		wx, wy := win.GetPos()
		return touch.ToWindow(x, y, wx, wy, scale)
	}
	l, err := touch.StartX11(os.Getenv("DISPLAY"), func(e touch.Event) { deliver(e, toWindow) }, report)
	if err != nil {
		report(err.Error())
		return
	}
	ui.AtClose(l.Close)
}
