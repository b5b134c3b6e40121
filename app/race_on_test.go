//go:build race

package app

// raceEnabled: the tests run under the race detector (make test runs app so), which makes
// every action some ten times slower.
const raceEnabled = true
