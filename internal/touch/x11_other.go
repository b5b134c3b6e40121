//go:build !((linux || freebsd || netbsd || openbsd || dragonfly) && !android && cgo && !no_touch)

package touch

import "errors"

// X11 is the X11 platform layer; on this system (or in a build with the no_touch tag) there
// is none.
type X11 struct{}

// ErrNoTouch says why the layer cannot run.
var ErrNoTouch = errors.New("no touch layer")

// StartX11 returns ErrNoTouch: this build has no X11 touch layer.
func StartX11(name string, sink func(Event), status func(string)) (*X11, error) {
	return nil, ErrNoTouch
}

// Close does nothing.
func (x *X11) Close() {}

// Errors returns 0: there is no X connection.
func Errors() int { return 0 }

// ThreadID returns 0: this build has no X11 layer, whose deliveries need it.
func ThreadID() uintptr { return 0 }
