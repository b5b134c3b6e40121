//go:build !windows || no_touch

package touch

// Windows is the Windows platform layer; there is none on this system (or in a build with
// the no_touch tag).
type Windows struct{}

// SubclassWindow returns ErrNoTouch: this build has no Windows touch layer.
func SubclassWindow(hwnd uintptr, sink func(Event)) (*Windows, error) { return nil, ErrNoTouch }
