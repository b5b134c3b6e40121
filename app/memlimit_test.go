package app

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The window's memory limit is memoryFloor while the live heap is small and grows with it, so
// a large live heap never makes the collector run without end.
func TestMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, memoryFloor},
		{60 << 20, memoryFloor},
		{memoryFloor * 100 / memoryHeadroom, memoryFloor},
		{200 << 20, 240 << 20},
		{1 << 30, (1 << 30) / 100 * memoryHeadroom},
	} {
		if got := memoryLimitFor(c.live); got != c.want {
			t.Errorf("live heap %d MiB: limit %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// After a collection with a live heap above the floor the limit is raised over it.
func TestMemoryLimitIsRaisedAfterACollection(t *testing.T) {
	old := debug.SetMemoryLimit(memoryFloor)
	memoryFollowing.Store(true)
	t.Cleanup(func() {
		memoryFollowing.Store(false) // the other tests run without it
		runtime.GC()
		debug.SetMemoryLimit(old)
	})
	followLiveHeap()
	big := make([][]byte, 0, 160)
	for range 160 {
		big = append(big, make([]byte, 1<<20)) // 160 MiB live
	}
	got := int64(0)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		runtime.GC() // the finalizer runs after the collection that frees the sentinel
		time.Sleep(10 * time.Millisecond)
		if got = debug.SetMemoryLimit(-1); got >= 160<<20 {
			break
		}
	}
	if live := liveHeap(); got < int64(live) {
		t.Errorf("with %d MiB live the limit is %d MiB: the collector would run without end", live>>20, got>>20)
	}
	if got < 160<<20 {
		t.Errorf("with 160 MiB held the limit is %d MiB", got>>20)
	}
	runtime.KeepAlive(big)
}
