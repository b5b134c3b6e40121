//go:build race

package app

// raceDetector reports whether the tests run under the race detector (several times slower),
// so a long soak can run fewer cycles there.
const raceDetector = true

// raceEnabled: the tests run under the race detector (the soak's name for raceDetector).
const raceEnabled = raceDetector
