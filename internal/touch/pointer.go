package touch

// The WM_POINTER messages (Windows 8 and later) and the pointer type of a finger.
const (
	wmPointerUpdate         = 0x0245
	wmPointerDown           = 0x0246
	wmPointerUp             = 0x0247
	wmPointerCaptureChanged = 0x024C
	ptTouch                 = 2 // POINTER_INPUT_TYPE PT_TOUCH
)

// PointerMessage decodes a window message: for WM_POINTERDOWN, WM_POINTERUPDATE and
// WM_POINTERUP it returns the phase, the pointer id (GET_POINTERID_WPARAM: the low word of
// wParam) and the point in screen pixels (GET_X_LPARAM, GET_Y_LPARAM: the signed low and high
// words of lParam, negative left of or above the primary monitor). WM_POINTERCAPTURECHANGED
// (the window lost the pointer) ends it, with no position (hasPos false). ok is false for
// every other message. Whether the pointer is a finger is asked separately (GetPointerType).
func PointerMessage(msg uint32, wParam, lParam uintptr) (ph Phase, id int64, x, y int, hasPos, ok bool) {
	switch msg {
	case wmPointerDown:
		ph = Begin
	case wmPointerUpdate:
		ph = Update
	case wmPointerUp:
		ph = End
	case wmPointerCaptureChanged:
		return End, int64(wParam & 0xFFFF), 0, 0, false, true
	default:
		return 0, 0, 0, 0, false, false
	}
	return ph, int64(wParam & 0xFFFF), int(int16(lParam & 0xFFFF)), int(int16((lParam >> 16) & 0xFFFF)), true, true
}
