// Command frontline-atlas explores the Soviet side of the Second World War, 1936–1953, on a map
// and a timeline. Run it with no arguments to open the window on the embedded content; see
// `frontline-atlas -h` for the subcommands validate, snapshot, export and front.
//
// main reads the command line with package cli and hands over: the window and snapshot to
// package app, the commands that need no window to cli.Run. With window_glfw.go it is the one
// code outside app/ that imports Fyne and GLFW: Fyne to make the desktop application, which
// only a program's entry point should choose (tests and snapshots use Fyne's test driver
// instead), and GLFW to reach the mouse's back and forward buttons, the window's position and
// the screen's work area, which Fyne does not report. See docs/architecture.md.
package main

import (
	"errors"
	"fmt"
	"image"
	"os"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-gl/glfw/v3.3/glfw"

	"frontline-atlas/app"
	"frontline-atlas/cli"
)

// errNoDisplay says that the window needs a display, and what works without one.
type errNoDisplay string

func (e errNoDisplay) Error() string {
	return "the window needs a display (" + string(e) + "); the commands snapshot, clip, validate, export and front work without one (see frontline-atlas -h)"
}

func main() {
	if versionRequested(os.Args[1:]) {
		printVersion(os.Stdout)
		return
	}
	cmd, err := cli.ParseArgs(os.Args[1:], os.Stdout)
	if errors.Is(err, cli.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "frontline-atlas: %v\n\n%s", err, cli.Usage)
		os.Exit(2)
	}
	switch cmd.Name {
	case "run":
		if err := openDisplay(); err != nil {
			fmt.Fprintf(os.Stderr, "frontline-atlas: %v\n", err)
			os.Exit(1)
		}
		a := fyneapp.NewWithID(app.AppID)
		app.ScreenCount = screenCount
		code := app.RunWindow(a, cmd, os.Stderr, mouseHistoryButtons, placeWindow(cmd.Fullscreen), touchLayer(cmd))
		stopProfiles() // main_profile.go: opt-in profiles of the window
		os.Exit(code)
	case "snapshot":
		os.Exit(app.RunSnapshot(cmd, os.Stdout, os.Stderr))
	case "clip":
		os.Exit(app.RunClip(cmd, os.Stdout, os.Stderr))
	default:
		os.Exit(cli.Run(cmd, os.Stdout, os.Stderr))
	}
}

var (
	historyUI   atomic.Pointer[app.UI]
	historyOnce sync.Once
)

// mouseHistoryButtons makes the mouse's back and forward buttons go back and forward through
// what was opened. Fyne's desktop driver reports only three buttons, so this asks GLFW directly:
// an invisible 1×1 raster is drawn on the UI thread with the window's GL context current, and
// the first time it is drawn it wraps the window's mouse-button callback.
//
// Kiosk mode builds a new UI when a visitor switches the language: the callback, wrapped once,
// acts on the newest UI (historyUI), and tells kiosk mode of every press (UI.Poke).
func mouseHistoryButtons(ui *app.UI) fyne.CanvasObject {
	historyUI.Store(ui)
	r := canvas.NewRaster(func(w, h int) image.Image {
		historyOnce.Do(func() {
			win := glfw.GetCurrentContext()
			if win == nil {
				return
			}
			var prev glfw.MouseButtonCallback
			prev = win.SetMouseButtonCallback(func(gw *glfw.Window, b glfw.MouseButton, act glfw.Action, mods glfw.ModifierKey) {
				ui := historyUI.Load()
				if act == glfw.Press {
					ui.Poke()
				}
				switch {
				case b == glfw.MouseButton4 && act == glfw.Press:
					ui.State.Back()
				case b == glfw.MouseButton5 && act == glfw.Press:
					ui.State.Forward()
				case b == glfw.MouseButton4 || b == glfw.MouseButton5:
				case prev != nil:
					prev(gw, b, act, mods)
				}
			})
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	r.Resize(fyne.NewSize(1, 1))
	return r
}

// screenCount returns the number of screens attached, as GLFW sees them: presenter mode opens
// the presenter's window by itself when there are two. It runs on the main thread (Fyne calls
// back there); 0 when GLFW cannot tell.
func screenCount() (n int) {
	defer func() {
		if recover() != nil {
			n = 0
		}
	}()
	return len(glfw.GetMonitors())
}
