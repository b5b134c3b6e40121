// Package cputime reads the CPU time of the calling OS thread, for benchmarks on a machine
// shared with other work: wall time includes waiting for a core, CPU time does not.
package cputime

import (
	"runtime"
	"testing"
)

// Report locks the calling goroutine to its thread and returns a func, to defer, that unlocks
// it and reports the thread's CPU time per op as "cpu-ns/op". Code that runs on other
// goroutines (the garbage collector's background workers) is not counted. Where Thread is not
// known, nothing is reported.
func Report(b *testing.B) func() {
	runtime.LockOSThread()
	start, ok := Thread()
	return func() {
		end, _ := Thread()
		runtime.UnlockOSThread()
		if ok && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}
