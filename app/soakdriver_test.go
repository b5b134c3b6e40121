package app

import (
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// soakAction is one row of the soak's action table: a small function over the whole UI, drawn
// at random in proportion to its weight.
//
// Adding rows (the extension point): a feature adds its own actions in an init function of its
// own test file, so that the soak exercises it from then on, e.g. in app/kiosk_soak_test.go:
//
//	func init() {
//		addSoakActions(
//			soakAction{Name: "kiosk: idle timeout", Weight: 2, Do: func(s *soak) { … }},
//		)
//	}
//
// An action acts as a user would (taps, drags, scrolls, keys, typing through the helpers of
// soak: tapAt, tapWidget, drag, scroll, key, shortcut, typeText), or calls the UI's own API
// where a user's gesture has no test-driver equivalent (a file dropped on the window). It must
// not block, must not assert (the soak asserts no panic and flat memory; behaviour is asserted
// by the feature's own tests), and draws its randomness from s.rng only, so that a seed
// replays a run. Weights are relative: the core table's total is about 200.
type soakAction struct {
	Name   string
	Weight int
	Do     func(s *soak)
}

// soakRegistered are the rows added by addSoakActions (features' own test files).
var soakRegistered []soakAction

// addSoakActions adds rows to the soak's action table (call it from an init function).
func addSoakActions(rows ...soakAction) { soakRegistered = append(soakRegistered, rows...) }

// soak is the state of one soak run: the UI, the generator and what was done.
type soak struct {
	t    *testing.T
	u    *UI
	w    fyne.Window
	c    fyne.Canvas
	rng  *rand.Rand
	rows []soakAction
	// total is the sum of the rows' weights.
	total int
	// afterEach run after every action (the injected leaks of -soak.leak).
	afterEach []func(*soak)

	count   int            // actions done
	done    map[string]int // actions done by name
	recent  []string       // the last actions, for a failure's message
	seen    map[fyne.Widget]bool
	queries []string // names of items, for typing into search
}

func newSoak(t *testing.T, u *UI, w fyne.Window, seed uint64) *soak {
	s := &soak{t: t, u: u, w: w, c: w.Canvas(), rng: newSoakRand(seed), done: map[string]int{}, seen: map[fyne.Widget]bool{}}
	s.rows = append(coreSoakActions(), soakRegistered...)
	for _, r := range s.rows {
		if r.Weight <= 0 || r.Do == nil || r.Name == "" {
			t.Fatalf("soak action %q: a row needs a name, a weight above 0 and a function", r.Name)
		}
		s.total += r.Weight
	}
	s.queries = soakQueries(u)
	return s
}

// step draws one action, performs it, runs what background work posted to the UI goroutine,
// and notes the widgets now in the window. A panic fails the test with the action and the
// ones before it.
func (s *soak) step() {
	k := s.rng.IntN(s.total)
	var a soakAction
	for _, r := range s.rows {
		if k < r.Weight {
			a = r
			break
		}
		k -= r.Weight
	}
	s.count++
	s.recent = append(s.recent, fmt.Sprintf("%d %s", s.count, a.Name))
	if len(s.recent) > 20 {
		s.recent = s.recent[1:]
	}
	defer func() {
		if p := recover(); p != nil {
			s.t.Fatalf("action %d (%s, seed %d) panicked: %v\n%s\nthe last actions: %s", s.count, a.Name, *soakSeed, p, debug.Stack(), s.lastActions())
		}
	}()
	a.Do(s)
	s.done[a.Name]++
	uiLoop.run()
	for _, f := range s.afterEach {
		f(s)
	}
	s.walk(func(o fyne.CanvasObject, _ fyne.Position) {
		if w, ok := o.(fyne.Widget); ok {
			s.seen[w] = true
		}
	})
}

func (s *soak) lastActions() string { return strings.Join(s.recent, ", ") }

// forgetDropped has Fyne's cache drop the renderers of the widgets that left the window since
// the last call, when t ends, as the desktop driver does a minute after it last painted them
// (the test driver never does).
func (s *soak) forgetDropped(t *testing.T) {
	live := map[fyne.Widget]bool{}
	s.walk(func(o fyne.CanvasObject, _ fyne.Position) {
		if w, ok := o.(fyne.Widget); ok {
			live[w] = true
		}
	})
	for w := range s.seen {
		if !live[w] {
			test.TempWidgetRenderer(t, w)
		}
	}
	s.seen = live
}

// walk calls f with every visible object of the window (the content, then the overlays, top
// last) and its position on the canvas.
func (s *soak) walk(f func(o fyne.CanvasObject, at fyne.Position)) {
	var visit func(o fyne.CanvasObject, parent fyne.Position)
	visit = func(o fyne.CanvasObject, parent fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		at := parent.Add(o.Position())
		f(o, at)
		switch x := o.(type) {
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				visit(c, at)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				visit(c, at)
			}
		}
	}
	visit(s.c.Content(), fyne.Position{})
	for _, o := range s.c.Overlays().List() {
		visit(o, fyne.Position{})
	}
}

// region returns where o is on the canvas and its size.
func (s *soak) region(o fyne.CanvasObject) (fyne.Position, fyne.Size) {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o), o.Size()
}

// pointIn returns a random point of o on the canvas.
func (s *soak) pointIn(o fyne.CanvasObject) fyne.Position {
	at, size := s.region(o)
	return at.Add(fyne.NewPos(s.rng.Float32()*size.Width, s.rng.Float32()*size.Height))
}

// anywhere returns a random point of the window.
func (s *soak) anywhere() fyne.Position {
	size := s.c.Size()
	return fyne.NewPos(s.rng.Float32()*size.Width, s.rng.Float32()*size.Height)
}

// tapAt taps the canvas at pos, as a click or a touch there: the top-most tappable object under
// it gets the tap (and the keyboard, if it takes it).
func (s *soak) tapAt(pos fyne.Position) { test.TapCanvas(s.c, pos) }

// tapWidget taps the middle of a random visible tappable widget whose middle is inside the
// window (buttons, links, check boxes, menu entries, search results, a dialog's buttons), and
// returns it (nil when there is none).
func (s *soak) tapWidget(match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	type spot struct {
		o  fyne.CanvasObject
		at fyne.Position
	}
	var spots []spot
	size := s.c.Size()
	s.walk(func(o fyne.CanvasObject, at fyne.Position) {
		if _, ok := o.(fyne.Tappable); !ok || (match != nil && !match(o)) {
			return
		}
		mid := at.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
		if mid.X >= 0 && mid.Y >= 0 && mid.X < size.Width && mid.Y < size.Height {
			spots = append(spots, spot{o, mid})
		}
	})
	if len(spots) == 0 {
		return nil
	}
	p := spots[s.rng.IntN(len(spots))]
	s.tapAt(p.at)
	return p.o
}

// drag drags from pos by (dx, dy) in steps, as a pointer or a finger does: the draggable
// object under pos gets every step and then the end of the drag.
func (s *soak) drag(pos fyne.Position, dx, dy float32, steps int) {
	o, local := s.objectAt(pos, func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Draggable); return ok })
	if o == nil {
		return
	}
	d := o.(fyne.Draggable)
	steps = max(steps, 1)
	for i := range steps {
		step := fyne.NewDelta(dx/float32(steps), dy/float32(steps))
		local = local.Add(step)
		d.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: local, AbsolutePosition: pos.Add(fyne.NewDelta(dx*float32(i+1)/float32(steps), dy*float32(i+1)/float32(steps)))}, Dragged: step})
	}
	d.DragEnd()
}

// objectAt returns the top-most visible object under pos that matches, and pos in its own
// coordinates. An open overlay (a pop-up, a dialog) takes all input.
func (s *soak) objectAt(pos fyne.Position, match func(fyne.CanvasObject) bool) (fyne.CanvasObject, fyne.Position) {
	var found fyne.CanvasObject
	var local fyne.Position
	top := s.c.Overlays().Top()
	s.walk(func(o fyne.CanvasObject, at fyne.Position) {
		sz := o.Size()
		if !match(o) || pos.X < at.X || pos.Y < at.Y || pos.X >= at.X+sz.Width || pos.Y >= at.Y+sz.Height {
			return
		}
		if top != nil && !s.under(top, o) {
			return
		}
		found, local = o, pos.Subtract(at)
	})
	return found, local
}

// under reports whether o is root or inside it.
func (s *soak) under(root, o fyne.CanvasObject) bool {
	in := false
	var visit func(x fyne.CanvasObject)
	visit = func(x fyne.CanvasObject) {
		if in || x == nil {
			return
		}
		if x == o {
			in = true
			return
		}
		switch y := x.(type) {
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(y).Objects() {
				visit(c)
			}
		case *fyne.Container:
			for _, c := range y.Objects {
				visit(c)
			}
		}
	}
	visit(root)
	return in
}

// scroll turns the wheel (or a trackpad) over pos.
func (s *soak) scroll(pos fyne.Position, dx, dy float32) { test.Scroll(s.c, pos, dx, dy) }

// key presses a key: the focused widget gets it, else the window. Tab and Shift+Tab move the
// keyboard focus, as the desktop driver does.
func (s *soak) key(k fyne.KeyName) {
	if k == fyne.KeyTab {
		test.FocusNext(s.c)
		return
	}
	ev := &fyne.KeyEvent{Name: k}
	if f := s.c.Focused(); f != nil {
		f.TypedKey(ev)
		if k == fyne.KeySpace {
			f.TypedRune(' ')
		}
		return
	}
	if h := s.c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// shortcut presses a key with modifiers: the focused widget gets it when it takes shortcuts,
// else the window (as the desktop driver delivers them).
func (s *soak) shortcut(k fyne.KeyName, mod fyne.KeyModifier) {
	sc := &desktop.CustomShortcut{KeyName: k, Modifier: mod}
	if f, ok := s.c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	s.c.(fyne.Shortcutable).TypedShortcut(sc)
}

// typeText types text into the focused widget, or to the window when none has the keyboard.
func (s *soak) typeText(text string) {
	if f := s.c.Focused(); f != nil {
		test.Type(f, text)
		return
	}
	if s.c.OnTypedRune() != nil {
		test.TypeOnCanvas(s.c, text)
	}
}

// pick returns a random element of xs.
func pick[T any](s *soak, xs []T) T { return xs[s.rng.IntN(len(xs))] }
