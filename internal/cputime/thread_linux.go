package cputime

import (
	"syscall"
	"time"
)

// Thread returns the CPU time, user and system, the calling OS thread has used.
func Thread() (time.Duration, bool) {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
