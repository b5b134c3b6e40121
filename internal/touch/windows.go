//go:build windows && !no_touch

package touch

import (
	"fmt"
	"syscall"
	"unsafe"
)

var (
	user32                = syscall.NewLazyDLL("user32.dll")
	procSetWindowLongPtrW = user32.NewProc("SetWindowLongPtrW") // 64-bit Windows
	procSetWindowLongW    = user32.NewProc("SetWindowLongW")    // 32-bit Windows
	procCallWindowProcW   = user32.NewProc("CallWindowProcW")
	procGetPointerType    = user32.NewProc("GetPointerType") // Windows 8 and later
	procScreenToClient    = user32.NewProc("ScreenToClient")
)

// gwlpWndProc is GWLP_WNDPROC (-4) as the unsigned word the call takes.
const gwlpWndProc = ^uintptr(3)

// Windows is the Windows platform layer: a window procedure put in front of GLFW's that
// reads the WM_POINTER messages of touch pointers and hands every message, those included,
// on to GLFW's procedure, so the system's mouse emulation of touch goes on as before.
type Windows struct {
	prev uintptr
	sink func(Event)
}

// SubclassWindow puts the layer's window procedure in front of the window's (hwnd, from
// GLFW's Window.GetWin32Window). sink receives each touch event, on the window's thread, in
// pixels of the window's client area. It returns an error wrapping ErrNoTouch, and changes
// nothing, before Windows 8 (no WM_POINTER) or when the procedure cannot be set. The
// procedure stays for the window's life.
func SubclassWindow(hwnd uintptr, sink func(Event)) (*Windows, error) {
	for _, p := range []*syscall.LazyProc{procCallWindowProcW, procGetPointerType, procScreenToClient} {
		if err := p.Find(); err != nil {
			return nil, fmt.Errorf("%w: %s is missing (WM_POINTER needs Windows 8 or later): %v", ErrNoTouch, p.Name, err)
		}
	}
	set := procSetWindowLongPtrW
	if set.Find() != nil {
		set = procSetWindowLongW
	}
	w := &Windows{sink: sink}
	cb := syscall.NewCallback(w.proc)
	prev, _, err := set.Call(hwnd, gwlpWndProc, cb)
	if prev == 0 {
		return nil, fmt.Errorf("%w: %s: %v", ErrNoTouch, set.Name, err)
	}
	w.prev = prev
	return w, nil
}

type winPoint struct{ X, Y int32 }

func (w *Windows) proc(hwnd, msg, wParam, lParam uintptr) uintptr {
	if ph, id, x, y, hasPos, ok := PointerMessage(uint32(msg), wParam, lParam); ok {
		var typ uint32
		r, _, _ := procGetPointerType.Call(uintptr(id), uintptr(unsafe.Pointer(&typ)))
		switch {
		case !hasPos: // capture lost: end it whatever it was (an unknown id is ignored)
			w.sink(Event{Phase: End, ID: id})
		case r != 0 && typ == ptTouch:
			p := winPoint{int32(x), int32(y)}
			procScreenToClient.Call(hwnd, uintptr(unsafe.Pointer(&p)))
			w.sink(Event{Phase: ph, ID: id, X: float64(p.X), Y: float64(p.Y)})
		}
	}
	r, _, _ := procCallWindowProcW.Call(w.prev, hwnd, msg, wParam, lParam)
	return r
}
