package app

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// The window's Go memory is held near what it uses. With GOGC at 25 (RunWindow) the heap may
// grow to 1.25 times what is live before a collection, and pages freed return to the system
// only slowly; at the peak of the scripted session (a zoom through five tile levels,
// new tiles rendered while the old ones are still shown) that put the resident size above
// 250 MB. A soft memory limit of memoryFloor makes the runtime collect
// and return pages sooner while the live heap is small. So that a large pack or big user
// layers never make the collector run without end, the limit follows the live heap after
// every collection: never below memoryFloor, never under 1.2 times what is live
// (docs/performance.md, "Memory"). The floor was 100 MiB while the zoom's peak held 83–88 MB
// live; since scenes keep the base map's coordinates once and a prepared level only what it
// draws, that peak holds about 71 MB, and 90 MiB gives the same room over it: 240–242 MB
// resident at the peak instead of 248–252, for about 50 collections during the 20 s zoom
// (as many as before the change; 30 with the old floor), 1 % of the run's CPU.
const memoryFloor = 90 << 20

// memoryHeadroom is the limit over the live heap, in parts of 100.
const memoryHeadroom = 120

var (
	memoryLimitOnce sync.Once
	memoryFollowing atomic.Bool // the limit follows the live heap (tests stop it)
)

// limitMemory sets the window's soft memory limit and keeps it following the live heap. Only
// the first call does anything; the limit lasts as long as the process.
func limitMemory() {
	memoryLimitOnce.Do(func() {
		debug.SetMemoryLimit(memoryFloor)
		memoryFollowing.Store(true)
		followLiveHeap()
	})
}

// gcSentinel is an object made only to be collected: its finalizer runs once after each
// collection (it must be larger than the runtime's tiny allocations, which are batched).
type gcSentinel struct{ _ [64]byte }

// followLiveHeap sets the limit from the live heap after the next collection, and again after
// each one after it.
func followLiveHeap() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		if !memoryFollowing.Load() {
			return
		}
		debug.SetMemoryLimit(memoryLimitFor(liveHeap()))
		followLiveHeap()
	})
}

// memoryLimitFor is the limit for a live heap of live bytes.
func memoryLimitFor(live uint64) int64 {
	return max(memoryFloor, int64(live/100*memoryHeadroom))
}

// liveHeap returns the bytes of heap the last collection found live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
