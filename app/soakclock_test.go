package app

import (
	"sync/atomic"
	"testing"
	"time"
	_ "unsafe" // go:linkname
)

// Fyne keeps what it made for a widget (its renderer, its canvas objects, text measures,
// images) for a minute after it was last painted, then drops it on a paint (internal/cache,
// ValidDuration). What a widget that left the window held stays that long: a picture's map
// of 1920 × 1080 (8 MiB), the window captured for Save picture of the window (9 MiB at
// 2000 × 1150), every details page replaced. Over a soak whose 3,000 actions take one or two
// minutes, that minute is half the run, and the heap's samples swing with what the walk did in
// the minute before each (a picture saved, a dialog cancelled): tens of MiB that are not a
// leak.
//
// The soak therefore lets a minute pass for Fyne's caches at every sample: their clock (the
// variable Fyne keeps "for testing purpose only") runs ahead by soakCacheStep at each one, so
// that the paint of the sample keeps what the window shows and drops the rest, as the desktop
// driver does when the window has been left alone for a minute. Between samples the clock runs
// as the wall's. It also has Fyne make again, at every sample, the renderers of whatever
// the window shows but does not paint (hidden pages, closed pop-ups), which a widget that kept
// a pointer to its renderer would not survive.

//go:linkname fyneCacheNow fyne.io/fyne/v2/internal/cache.timeNow
var fyneCacheNow func() time.Time

// soakCacheStep is how far Fyne's cache clock jumps at each sample: past its one-minute
// lifetime and its ten-second and thirty-second cleaning intervals.
const soakCacheStep = 2 * time.Minute

// soakCacheClock is the lead of Fyne's cache clock over the wall clock while a soak runs.
var soakCacheClock atomic.Int64

// useSoakCacheClock puts Fyne's cache on the soak's clock until t ends.
func useSoakCacheClock(t *testing.T) {
	orig := fyneCacheNow
	soakCacheClock.Store(0)
	fyneCacheNow = func() time.Time { return time.Now().Add(time.Duration(soakCacheClock.Load())) }
	t.Cleanup(func() { fyneCacheNow = orig })
}

// advanceSoakCacheClock lets a minute and more pass for Fyne's caches.
func advanceSoakCacheClock() { soakCacheClock.Add(int64(soakCacheStep)) }
