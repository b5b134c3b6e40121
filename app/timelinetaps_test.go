package app

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/timeline"
)

// Tapping any count badge zooms in to the events it stands for: the span shown shrinks and
// still holds some of them. (A "+7" counting long bars used to zoom out to 1936–1953.)
func TestCountBadgeAlwaysZoomsIn(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 720}, {Width: 1920, Height: 1080}} {
		u, _ := newWholeUI(t, size.Width, size.Height, Options{})
		tv := u.Timeline
		var badges []timeline.Placed
		for _, p := range tv.placed {
			if p.Kind == timeline.PlacedCluster {
				badges = append(badges, p)
			}
		}
		if len(badges) < 5 {
			t.Fatalf("%v: only %d count badges at the opening span", size, len(badges))
		}
		for _, p := range badges {
			tv.home()
			var members []timeline.LayoutItem
			for _, i := range tv.lay.Members(p) {
				members = append(members, tv.items[i])
			}
			s0, s1 := tv.Scale().Start(), tv.Scale().End()
			at := fyne.NewPos(tv.gutter+float32(p.BoxX0+p.BoxX1)/2, tv.rowY(p.Lane, p.Row)+tv.rowH/2)
			tv.lastTap = tv.lastTap.Add(-doubleTapTime * 4) // not a double tap with the previous badge
			test.TapAt(tv, at)
			n0, n1 := tv.Scale().Start(), tv.Scale().End()
			name := fmt.Sprintf("%v: badge %d in lane %d row %d (%s–%s)", size, p.Count, p.Lane, p.Row, p.Start.Date(), p.End.Date())
			if n1-n0 >= s1-s0 {
				t.Errorf("%s zoomed out: %.0f days shown, %.0f before", name, n1-n0, s1-s0)
				continue
			}
			in := 0
			for _, it := range members {
				if float64(it.End)+1 > n0 && float64(it.Start) < n1 {
					in++
				}
			}
			if in == 0 {
				t.Errorf("%s: none of its %d events lies in the span it zoomed to", name, len(members))
			}
		}
	}
}

// A double tap on an event zooms in and does not also select it (or move the date and map).
func TestDoubleTapOnEventOnlyZooms(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	tv := u.Timeline
	stopClock(tv)
	date, view, p0 := u.State.Date(), u.Map.mark(), tv.Scale().PxPerDay()
	at := placedCentre(t, tv, "operation-uranus")
	test.TapAt(tv, at)
	if u.State.Selection().ID != "operation-uranus" {
		t.Fatal("the first tap did not select the event at once")
	}
	test.TapAt(tv, at.AddXY(2, 1))
	if got := tv.Scale().PxPerDay(); got < p0*1.9 {
		t.Errorf("the double tap did not zoom in (%.4f px/day, before %.4f)", got, p0)
	}
	if sel := u.State.Selection(); sel != (timeline.Ref{}) {
		t.Errorf("after the double tap %v is selected", sel)
	}
	if u.State.Date() != date || !sameMark(u.Map.mark(), view) {
		t.Errorf("the double tap moved the date to %s or the map", u.State.Date().Date())
	}
	if !u.BackB.Disabled() || !u.ForwardB.Disabled() {
		t.Error("the retracted tap left a history entry")
	}
}

// Every dot, bar and badge can be hit anywhere within a 48 px square about its middle; where
// things lie closer than that (a row above), the nearest wins.
func TestTimelineTapTargetsAreFingerSized(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	tv := u.Timeline
	half := TouchSize(tv)/2 - 1
	for _, p := range tv.placed {
		if p.Item < 0 {
			continue
		}
		id := tv.items[p.Item].ID
		c := placedCentre(t, tv, id)
		for _, off := range []fyne.Position{{X: 0, Y: -half}, {X: 0, Y: half}, {X: -half, Y: 0}, {X: half, Y: 0}} {
			got, ok := tv.PlacedAt(c.Add(off))
			switch {
			case !ok:
				t.Errorf("a tap %v from the middle of %s hits nothing", off, id)
			case got.Item >= 0 && tv.items[got.Item].ID == id:
			case off.Y != 0 && (got.Lane != p.Lane || got.Row != p.Row):
				// another row is nearer to the finger than this thing's row
			default:
				t.Errorf("a tap %v from the middle of %s hits %+v", off, id, got)
			}
		}
	}
}

// A double tap on an event while another is selected zooms and leaves the first one selected,
// with its date and the map where they were.
func TestDoubleTapKeepsThePreviousSelection(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{Event: "battle-of-berlin"})
	tv := u.Timeline
	stopClock(tv)
	date, view := u.State.Date(), u.Map.mark()
	at := placedCentre(t, tv, "operation-uranus")
	test.TapAt(tv, at)
	test.TapAt(tv, at.AddXY(1, 1))
	if sel := u.State.Selection(); sel.ID != "battle-of-berlin" {
		t.Errorf("after a double tap on Operation Uranus %v is selected, want the battle of Berlin still", sel)
	}
	if u.State.Date() != date || !sameMark(u.Map.mark(), view) {
		t.Errorf("the double tap left the date at %s (want %s) or moved the map", u.State.Date().Date(), date.Date())
	}
	if !u.ForwardB.Disabled() {
		t.Error("the retracted tap left a forward entry")
	}
}

// stopClock makes the band's taps happen 50 ms apart whatever the machine's speed (under the
// race detector on a loaded machine a tap can take longer than a double tap's 350 ms).
func stopClock(tv *TimelineView) {
	t0 := time.Now()
	n := 0
	tv.now = func() time.Time { n++; return t0.Add(time.Duration(n) * 50 * time.Millisecond) }
}
