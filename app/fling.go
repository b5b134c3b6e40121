package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
)

// Inertia after a drag: the last flingWindow of movement sets the speed, capped at flingMax.
const (
	flingWindow = 100 * time.Millisecond
	flingMax    = 2500.0 // px/s
	flingMin    = 150.0  // px/s: slower drags stop where they are
	flingTime   = 0.6    // seconds the glide lasts
)

// fling measures the speed of a drag from its recent steps, robust to steps that arrive in
// bursts (several in one millisecond) or after a pause.
type fling struct {
	samples [16]flingSample
	n, next int
	now     func() time.Time
}

type flingSample struct {
	t      time.Time
	dx, dy float32
}

func (f *fling) clock() time.Time {
	if f.now != nil {
		return f.now()
	}
	return time.Now()
}

// reset forgets the steps of the previous drag.
func (f *fling) reset() { f.n, f.next = 0, 0 }

// add records one step of a drag.
func (f *fling) add(d fyne.Delta) {
	f.samples[f.next] = flingSample{f.clock(), d.DX, d.DY}
	f.next = (f.next + 1) % len(f.samples)
	if f.n < len(f.samples) {
		f.n++
	}
}

// velocity returns the speed of the last flingWindow of the drag in px/s, capped at flingMax;
// zero when the pointer rested longer than that before release or moved in fewer than three steps.
func (f *fling) velocity() (vx, vy float64) {
	now := f.clock()
	var sx, sy float64
	oldest := now
	used := 0
	for i := 0; i < f.n; i++ {
		s := f.samples[(f.next-1-i+len(f.samples))%len(f.samples)]
		if now.Sub(s.t) > flingWindow {
			break
		}
		sx += float64(s.dx)
		sy += float64(s.dy)
		oldest = s.t
		used++
	}
	if used < 3 {
		return 0, 0 // a jump, not a movement: nothing to carry on
	}
	span := math.Max(now.Sub(oldest).Seconds(), 1.0/60)
	vx, vy = sx/span, sy/span
	if sp := math.Hypot(vx, vy); sp > flingMax {
		vx, vy = vx*flingMax/sp, vy*flingMax/sp
	} else if sp < flingMin {
		return 0, 0
	}
	return vx, vy
}

// glide runs an animation that moves by the fling's velocity, slowing linearly to a stop, and
// calls move with each step's displacement in pixels. It returns nil when there is nothing to do.
func (f *fling) glide(move func(dx, dy float64)) *fyne.Animation {
	vx, vy := f.velocity()
	f.reset()
	if vx == 0 && vy == 0 {
		return nil
	}
	prev := 0.0
	a := fyne.NewAnimation(time.Duration(flingTime*float64(time.Second)), func(p float32) {
		// distance covered by a speed falling linearly to zero: v·T·(p − p²/2)
		s := float64(p) - float64(p)*float64(p)/2
		step := s - prev
		prev = s
		move(vx*flingTime*step, vy*flingTime*step)
	})
	a.Curve = fyne.AnimationLinear
	a.Start()
	return a
}
