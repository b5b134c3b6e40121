package main

import (
	"fmt"
	"image"
	"log"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-gl/glfw/v3.3/glfw"

	"frontline-atlas/app"
	"frontline-atlas/cli"
	"frontline-atlas/internal/touch"
)

// touchDebugEnv, set to 1, prints what the touch layer finds and every touch it delivers on
// standard error: the curator's check on a real screen (docs/limits.md, "Pinch to zoom").
const touchDebugEnv = "FRONTLINE_ATLAS_TOUCH_DEBUG"

// touchLayer starts the system's touch layer for each UI (package internal/touch: XInput 2.2
// on X11, WM_POINTER on Windows; none on macOS), which hands the fingers to UI.Touch so that
// two of them pinch the map. Like mouseHistoryButtons it needs the GLFW window, so it starts
// from an invisible raster the first time it is drawn; the layer stops when the UI closes.
// --no-touch-layer turns it off. Nothing that fails here stops the app: the layer then does
// nothing, and taps and drags arrive as the system's pointer as before.
func touchLayer(cmd cli.Command) func(*app.UI) fyne.CanvasObject {
	debug := os.Getenv(touchDebugEnv) == "1"
	var mu sync.Mutex
	last := ""
	report := func(s string) {
		mu.Lock()
		again := s == last
		last = s
		mu.Unlock()
		switch {
		case debug:
			fmt.Fprintf(os.Stderr, "frontline-atlas: %s\n", s)
		case cmd.Kiosk && !again:
			// The kiosk's log: what the exhibit's screen was found to be, once (kiosk mode
			// builds a new UI, with a new layer, whenever a visitor switches the language).
			log.Print(s)
		}
	}
	return func(ui *app.UI) fyne.CanvasObject {
		var once sync.Once
		var r *canvas.Raster
		r = canvas.NewRaster(func(w, h int) image.Image {
			once.Do(func() {
				defer func() {
					if p := recover(); p != nil {
						report(fmt.Sprintf("touch: the touch layer failed to start: %v", p))
					}
				}()
				if cmd.NoTouchLayer {
					report("touch: the touch layer is off (--no-touch-layer)")
					return
				}
				if win := glfw.GetCurrentContext(); win != nil {
					uiThread := touch.ThreadID() // the raster is drawn on the UI thread
					onUIThread := func() bool { return touch.ThreadID() == uiThread }
					startTouch(win, ui, touchDeliver(ui, r, debug, onUIThread), report)
				}
			})
			return image.NewNRGBA(image.Rect(0, 0, 1, 1))
		})
		r.Resize(fyne.NewSize(1, 1))
		return r
	}
}

// touchDeliver returns what hands a touch event to the UI on the UI goroutine: its point,
// in the pixels the layer gives, converted to window units with pixelsToWindow (which runs
// there too, where GLFW may be called). Events queued when the UI has closed are dropped, and
// so are those delivered after the app has quit (kiosk mode quits before it closes its UI),
// when fyne.Do runs the function at once on the layer's goroutine: onUIThread tells.
func touchDeliver(ui *app.UI, obj fyne.CanvasObject, debug bool, onUIThread func() bool) func(e touch.Event, pixelsToWindow func(x, y float64, scale float32) (float32, float32)) {
	closed := false
	ui.AtClose(func() { closed = true }) // both run on the UI goroutine
	return func(e touch.Event, pixelsToWindow func(x, y float64, scale float32) (float32, float32)) {
		fyne.Do(func() {
			if !onUIThread() || closed {
				return
			}
			scale := float32(1)
			if c := fyne.CurrentApp().Driver().CanvasForObject(obj); c != nil {
				scale = c.Scale()
			}
			x, y := pixelsToWindow(e.X, e.Y, scale)
			if debug {
				fmt.Fprintf(os.Stderr, "frontline-atlas: touch: %v; in the window at %.1f, %.1f\n", e, x, y)
			}
			ui.Touch(touchPhase(e.Phase), e.ID, fyne.NewPos(x, y))
		})
	}
}

func touchPhase(p touch.Phase) app.TouchPhase {
	switch p {
	case touch.Begin:
		return app.TouchBegin
	case touch.Update:
		return app.TouchUpdate
	}
	return app.TouchEnd
}
