package timeline

import (
	"math"
	"time"
)

// PlaybackSpeed is a rate of playback: how many days of history pass per second.
type PlaybackSpeed struct {
	Name       string  // as the speed control shows it: "1 day/s"
	DaysPerSec float64 // days of history per second of playback
}

// PlaybackSpeeds lists the speeds a Playback offers, slowest first.
var PlaybackSpeeds = []PlaybackSpeed{
	{"1 day/s", 1},
	{"1 week/s", 7},
	{"1 month/s", 30},
	{"3 months/s", 90},
	{"1 year/s", 365},
}

// StepUnit is a calendar unit for Playback.Step.
type StepUnit uint8

// The step units.
const (
	StepDay StepUnit = iota
	StepWeek
	StepMonth
)

// Playback is the clock that moves the date shown through the period. Its position is a
// fractional day (days since 1970-01-01, as for Scale) between PeriodStart and PeriodEnd.
//
// It does not read the wall clock by itself: Advance moves it by a given elapsed time, and Tick
// measures the elapsed time with Now, which tests replace. Not safe for concurrent use.
type Playback struct {
	// Now returns the current time for Tick; nil means time.Now.
	Now func() time.Time

	pos     float64
	playing bool
	speed   int // index into PlaybackSpeeds
	last    time.Time
}

// NewPlayback returns a paused Playback at day d (clamped to the period), at the slowest speed.
func NewPlayback(d Day) *Playback {
	p := &Playback{}
	p.Seek(float64(d))
	return p
}

// Position returns the current position in fractional days.
func (p *Playback) Position() float64 { return p.pos }

// Date returns the day the position falls in.
func (p *Playback) Date() Day { return Day(math.Floor(p.pos)) }

// Playing reports whether the clock runs.
func (p *Playback) Playing() bool { return p.playing }

// Speed returns the current speed.
func (p *Playback) Speed() PlaybackSpeed { return PlaybackSpeeds[p.speed] }

// SpeedIndex returns the index of the current speed in PlaybackSpeeds.
func (p *Playback) SpeedIndex() int { return p.speed }

// SetSpeed selects PlaybackSpeeds[i], clamping i to the list. It changes p.
func (p *Playback) SetSpeed(i int) { p.speed = min(max(i, 0), len(PlaybackSpeeds)-1) }

// Faster and Slower move one step along PlaybackSpeeds, stopping at its ends. They change p.
func (p *Playback) Faster() { p.SetSpeed(p.speed + 1) }

// Slower: see Faster.
func (p *Playback) Slower() { p.SetSpeed(p.speed - 1) }

// Play starts the clock. At the end of the period it starts again from PeriodStart. Tick
// measures elapsed time from this moment. It changes p.
func (p *Playback) Play() {
	if p.pos >= float64(PeriodEnd) {
		p.pos = float64(PeriodStart)
	}
	p.playing = true
	p.last = p.now()
}

// Pause stops the clock, keeping the position. It changes p.
func (p *Playback) Pause() { p.playing = false }

// Toggle plays when paused and pauses when playing. It changes p.
func (p *Playback) Toggle() {
	if p.playing {
		p.Pause()
	} else {
		p.Play()
	}
}

// Advance moves the position by elapsed wall time at the current speed, when playing, and
// returns the new position in fractional days. Reaching PeriodEnd stops there and pauses.
// A negative elapsed time does nothing. It changes p.
func (p *Playback) Advance(elapsed time.Duration) float64 {
	if !p.playing || elapsed <= 0 {
		return p.pos
	}
	p.pos += elapsed.Seconds() * PlaybackSpeeds[p.speed].DaysPerSec
	if p.pos >= float64(PeriodEnd) {
		p.pos = float64(PeriodEnd)
		p.playing = false
	}
	return p.pos
}

// Tick advances by the time Now says has passed since the last Tick or Play, for a UI that
// calls it every frame, and returns the new position in fractional days. It changes p.
func (p *Playback) Tick() float64 {
	now := p.now()
	elapsed := now.Sub(p.last)
	p.last = now
	return p.Advance(elapsed)
}

// Seek moves the position to the fractional day d, clamped to [PeriodStart, PeriodEnd]; NaN is
// ignored. It changes p and keeps playing or paused as it was.
func (p *Playback) Seek(d float64) {
	if math.IsNaN(d) {
		return
	}
	p.pos = math.Min(math.Max(d, float64(PeriodStart)), float64(PeriodEnd))
}

// Step moves the position by n days, weeks or calendar months (negative n goes back) from the
// start of the current day, clamped to the period. A month step keeps the day of the month,
// or takes the month's last day when it has fewer days (31 Jan + 1 month = 29 Feb 1940). It
// changes p.
func (p *Playback) Step(unit StepUnit, n int) {
	d := p.Date()
	switch unit {
	case StepDay:
		d += Day(n)
	case StepWeek:
		d += Day(7 * n)
	case StepMonth:
		t := d.Time()
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		day := min(t.Day(), daysIn(first.Year(), int(first.Month())))
		d = DayOf(first.Year(), int(first.Month()), day)
	}
	p.Seek(float64(d))
}

func (p *Playback) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}
