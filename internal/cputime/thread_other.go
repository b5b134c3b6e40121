//go:build !linux

package cputime

import "time"

// Thread is known on Linux only.
func Thread() (time.Duration, bool) { return 0, false }
