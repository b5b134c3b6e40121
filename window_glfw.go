package main

import (
	"image"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-gl/glfw/v3.3/glfw"

	"frontline-atlas/app"
)

// placeWindow fits the window to the screen it opens on and keeps its place for the next
// start (app.PlaceWindow says where; Fyne has no call for a window's position or the screen's
// size, so this asks GLFW, the same way as mouseHistoryButtons: from an invisible raster drawn
// on the UI thread with the window's GL context current). A window opened full screen is left
// as it is, and its place is kept only while it is not full screen.
func placeWindow(fullScreen bool) func(*app.UI) fyne.CanvasObject {
	return func(ui *app.UI) fyne.CanvasObject {
		var once sync.Once
		r := canvas.NewRaster(func(w, h int) image.Image {
			once.Do(func() {
				if win := glfw.GetCurrentContext(); win != nil {
					trackWindow(win, ui, fullScreen)
				}
			})
			return image.NewNRGBA(image.Rect(0, 0, 1, 1))
		})
		r.Resize(fyne.NewSize(1, 1))
		return r
	}
}

// trackWindow places the window and records every move and resize that is not full screen;
// the last is saved when the window closes.
func trackWindow(win *glfw.Window, ui *app.UI, fullScreen bool) {
	var last app.WindowRect
	last.X, last.Y = win.GetPos()
	last.W, last.H = win.GetSize()
	if !fullScreen && win.GetMonitor() == nil {
		saved, _ := ui.SavedWindow()
		r := app.PlaceWindow(saved, workArea(win, saved))
		if r != last {
			win.SetPos(r.X, r.Y)
			win.SetSize(r.W, r.H)
			last = r
		}
	}
	var prevPos glfw.PosCallback
	prevPos = win.SetPosCallback(func(w *glfw.Window, x, y int) {
		if w.GetMonitor() == nil {
			last.X, last.Y = x, y
		}
		if prevPos != nil {
			prevPos(w, x, y)
		}
	})
	var prevSize glfw.SizeCallback
	prevSize = win.SetSizeCallback(func(w *glfw.Window, width, height int) {
		if w.GetMonitor() == nil && width > 0 && height > 0 {
			last.W, last.H = width, height
		}
		if prevSize != nil {
			prevSize(w, width, height)
		}
	})
	ui.AtClose(func() { ui.SaveWindow(last) })
}

// workArea returns the work area of the screen the window is to open on: the one holding the
// middle of its saved place, else of where it is now, else the primary screen.
func workArea(win *glfw.Window, saved app.WindowRect) app.WindowRect {
	x, y := win.GetPos()
	w, h := win.GetSize()
	points := [][2]int{{x + w/2, y + h/2}}
	if saved.W > 0 {
		points = append([][2]int{{saved.X + saved.W/2, saved.Y + saved.H/2}}, points...)
	}
	monitors := glfw.GetMonitors()
	for _, p := range points {
		for _, m := range monitors {
			mx, my, mw, mh := m.GetWorkarea()
			if p[0] >= mx && p[0] < mx+mw && p[1] >= my && p[1] < my+mh {
				return app.WindowRect{X: mx, Y: my, W: mw, H: mh}
			}
		}
	}
	if m := glfw.GetPrimaryMonitor(); m != nil {
		mx, my, mw, mh := m.GetWorkarea()
		return app.WindowRect{X: mx, Y: my, W: mw, H: mh}
	}
	return app.WindowRect{}
}
