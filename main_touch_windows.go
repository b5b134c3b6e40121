//go:build windows

package main

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/go-gl/glfw/v3.3/glfw"

	"frontline-atlas/app"
	"frontline-atlas/internal/touch"
)

type touchSink = func(touch.Event)

var (
	touchOnce   sync.Once
	touchTarget atomic.Pointer[touchSink] // the newest UI's delivery (kiosk mode rebuilds the UI)
)

// startTouch puts the WM_POINTER window procedure in front of GLFW's, once for the window; it
// delivers points in client-area pixels, which become window units with the canvas's scale.
// Each UI makes itself the target and stops being it when it closes.
func startTouch(win *glfw.Window, ui *app.UI, deliver func(touch.Event, func(float64, float64, float32) (float32, float32)), report func(string)) {
	toWindow := func(x, y float64, scale float32) (float32, float32) { return touch.ToWindow(x, y, 0, 0, scale) }
	sink := touchSink(func(e touch.Event) { deliver(e, toWindow) })
	touchTarget.Store(&sink)
	ui.AtClose(func() { touchTarget.CompareAndSwap(&sink, nil) })
	touchOnce.Do(func() {
		hwnd := uintptr(unsafe.Pointer(win.GetWin32Window()))
		_, err := touch.SubclassWindow(hwnd, func(e touch.Event) {
			if s := touchTarget.Load(); s != nil {
				(*s)(e)
			}
		})
		if err != nil {
			report(err.Error())
			return
		}
		report("touch: WM_POINTER touch messages are read")
	})
}
