package app

import (
	"fyne.io/fyne/v2"
)

// The window's own keys (F11 and Escape for full screen) and where the window opens. The
// placement logic is here, in plain Go; main applies it through GLFW, which Fyne does not
// expose (window position, the screen's work area).

// KeyHook is a handler for keys that reach the window with no widget focused; it reports
// whether it used the key. Hooks run before the window's own keys, the last added first, so
// a mode (presenting, a kiosk) can take keys over and give them back.
type KeyHook func(*fyne.KeyEvent) bool

// AddKeyHook adds a hook for the window's keys.
func (u *UI) AddKeyHook(h KeyHook) { u.keyHooks = append(u.keyHooks, h) }

// runKeyHooks offers a key to the hooks, the last added first.
func (u *UI) runKeyHooks(ev *fyne.KeyEvent) bool {
	for i := len(u.keyHooks) - 1; i >= 0; i-- {
		if u.keyHooks[i](ev) {
			return true
		}
	}
	return false
}

// fullScreenKey handles F11, which toggles full screen, and Escape, which leaves it (after
// the menu and the settings panel, which Escape closes first).
func (u *UI) fullScreenKey(ev *fyne.KeyEvent) bool {
	if u.window == nil {
		return false
	}
	switch {
	case ev.Name == fyne.KeyF11:
		u.window.SetFullScreen(!u.window.FullScreen())
		return true
	case ev.Name == fyne.KeyEscape && u.window.FullScreen():
		u.window.SetFullScreen(false)
		return true
	}
	return false
}

// AtClose registers f to run when the UI closes (main saves the window's place with it).
func (u *UI) AtClose(f func()) { u.closers = append(u.closers, f) }

func (u *UI) runClosers() {
	fs := u.closers
	u.closers = nil
	for _, f := range fs {
		f()
	}
}

// WindowRect is a window's position and size on the desktop, in screen pixels.
type WindowRect struct{ X, Y, W, H int }

func (r WindowRect) empty() bool { return r.W <= 0 || r.H <= 0 }

// Where a new window opens: DefaultWindowW × DefaultWindowH when it fits the screen, never
// smaller than MinWindowW × MinWindowH unless the screen is.
const (
	DefaultWindowW = 1280
	DefaultWindowH = 720
	MinWindowW     = 640
	MinWindowH     = 400
)

// Preference keys of the window's last place (desktop pixels).
const (
	prefWindowX = "window_x"
	prefWindowY = "window_y"
	prefWindowW = "window_w"
	prefWindowH = "window_h"
)

// PlaceWindow returns where the first window opens on a screen whose work area (the screen
// less panels and docks) is work: the size and position saved at the last close when they
// still fit (clamped into the work area, as a screen may have become smaller or been
// unplugged), else 1280×720 centred, or the whole work area when that is smaller. The
// window is never larger than the work area.
func PlaceWindow(saved WindowRect, work WindowRect) WindowRect {
	if work.empty() {
		return saved
	}
	r := saved
	if r.empty() {
		r = WindowRect{W: DefaultWindowW, H: DefaultWindowH}
		r.W, r.H = min(r.W, work.W), min(r.H, work.H)
		r.X = work.X + (work.W-r.W)/2
		r.Y = work.Y + (work.H-r.H)/2
		return r
	}
	r.W = min(max(r.W, min(MinWindowW, work.W)), work.W)
	r.H = min(max(r.H, min(MinWindowH, work.H)), work.H)
	r.X = min(max(r.X, work.X), work.X+work.W-r.W)
	r.Y = min(max(r.Y, work.Y), work.Y+work.H-r.H)
	return r
}

// SavedWindow returns the window's place kept in the preferences, and false when none is.
func (u *UI) SavedWindow() (WindowRect, bool) {
	p := u.Settings.prefs
	r := WindowRect{p.Int(prefWindowX), p.Int(prefWindowY), p.Int(prefWindowW), p.Int(prefWindowH)}
	return r, !r.empty()
}

// SaveWindow keeps the window's place in the preferences for the next start.
func (u *UI) SaveWindow(r WindowRect) {
	if r.empty() {
		return
	}
	p := u.Settings.prefs
	p.SetInt(prefWindowX, r.X)
	p.SetInt(prefWindowY, r.Y)
	p.SetInt(prefWindowW, r.W)
	p.SetInt(prefWindowH, r.H)
}
