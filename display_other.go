//go:build !((linux || freebsd || netbsd || openbsd || dragonfly) && !android)

package main

// openDisplay has nothing to check where the system always has a desktop (Windows, macOS).
func openDisplay() error { return nil }
