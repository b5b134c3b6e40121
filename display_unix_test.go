//go:build (linux || freebsd || netbsd || openbsd || dragonfly) && !android

package main

import (
	"strings"
	"testing"
)

// TestOpenDisplayWithoutOne checks that without a display the program says so, and what works
// without one, instead of panicking inside Fyne's driver.
func TestOpenDisplayWithoutOne(t *testing.T) {
	tests := []struct {
		name, display, wayland, want string
	}{
		{"nothing set", "", "", "neither DISPLAY nor WAYLAND_DISPLAY is set"},
		{"no X server there", ":987", "", ":987"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("DISPLAY", tc.display)
			t.Setenv("WAYLAND_DISPLAY", tc.wayland)
			err := openDisplay()
			if err == nil {
				t.Fatal("openDisplay() = nil, want an error")
			}
			msg := err.Error()
			for _, w := range []string{"needs a display", tc.want, "snapshot, clip, validate, export and front work without one"} {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
		})
	}
}
