package app

import (
	"image"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/cli"
	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

var (
	testContentOnce sync.Once
	testContent     *cli.Content
	testContentErr  error
)

// loadTestContent loads app/testdata/pack (a small pack) with the embedded base map, once.
func loadTestContent(t *testing.T) *cli.Content {
	t.Helper()
	testContentOnce.Do(func() { testContent, testContentErr = cli.LoadContent("testdata/pack") })
	if testContentErr != nil {
		t.Fatalf("loading the test pack: %v", testContentErr)
	}
	return testContent
}

// newTestUI builds the whole window at w×h on a test app with the real theme.
func newTestUI(t *testing.T, w, h float32, opts Options) (*UI, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme("light"))
	c := loadTestContent(t)
	opts.Headless = true
	u := New(c.Catalog, c.Map, opts)
	win := test.NewTempWindow(t, nil)
	u.Attach(win)
	win.Resize(fyne.NewSize(w, h))
	return u, win
}

func TestStartsOnDateAndEvent(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{Event: "battle-of-kursk"})
	if got, want := u.State.Date(), timeline.DayOf(1943, 7, 5); got != want {
		t.Errorf("date shown: got %s, want %s", got.Date(), want.Date())
	}
	if got := u.Details.Title.Text; got != "Battle of Kursk" {
		t.Errorf("details title: got %q, want %q", got, "Battle of Kursk")
	}
	if got := u.DateText.Text; got != "5 Jul 1943" {
		t.Errorf("top bar date: got %q, want %q", got, "5 Jul 1943")
	}
}

// placedCentre finds where the timeline draws an event, in timeline coordinates.
func placedCentre(t *testing.T, tv *TimelineView, id string) fyne.Position {
	t.Helper()
	for _, p := range tv.placed {
		if p.Item >= 0 && tv.items[p.Item].ID == id {
			return fyne.NewPos(tv.gutter+float32(p.BoxX0+p.BoxX1)/2, tv.rowY(p.Lane, p.Row)+tv.rowH/2)
		}
	}
	t.Fatalf("event %q is not drawn on the timeline", id)
	return fyne.Position{}
}

// Every control a museum visitor touches is at least 48 px on each side.
func TestTouchTargetsAreLargeEnough(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	c := u.Timeline.Controls
	controls := map[string]fyne.CanvasObject{"back": u.BackB, "forward": u.ForwardB, "menu": u.Menu.Button,
		"map +": u.Map.ZoomInB, "map −": u.Map.ZoomOutB, "map fit": u.Map.FitB,
		"play": c.PlayB, "timeline +": c.ZoomInB, "timeline −": c.ZoomOutB, "filters": c.FiltersB}
	for k, b := range c.Steps {
		controls["step "+k] = b
	}
	for name, o := range controls {
		if s := o.Size(); s.Width < touchMin || s.Height < touchMin {
			t.Errorf("%s is %v, want at least %d×%d", name, s, touchMin, touchMin)
		}
	}
}

func TestTimelineTapSelectsEventEverywhere(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	test.TapAt(u.Timeline, placedCentre(t, u.Timeline, "operation-uranus"))
	if got := u.State.Selection(); got != (timeline.Ref{Kind: timeline.KindEvent, ID: "operation-uranus"}) {
		t.Fatalf("selection after tap: got %v, want operation-uranus", got)
	}
	if got := u.Details.Title.Text; got != "Operation Uranus" {
		t.Errorf("details title: got %q", got)
	}
	if got, want := u.State.Date(), timeline.DayOf(1942, 11, 19); got != want {
		t.Errorf("date: got %s, want %s", got.Date(), want.Date())
	}
	if mk := mapMarker(u.Map, "stalingrad"); mk == nil || !mk.Selected {
		t.Errorf("the map does not highlight Stalingrad, the event's place: %+v", mk)
	}
}

// A fingertip need not land exactly on a thin bar: a tap a few pixels off still selects it.
func TestTimelineTapWithinAFingersReach(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	c := placedCentre(t, u.Timeline, "battle-of-berlin")
	test.TapAt(u.Timeline, c.AddXY(0, u.Timeline.rowH/2+8))
	if got := u.State.Selection().ID; got != "battle-of-berlin" {
		t.Fatalf("a tap 8 px below the Battle of Berlin selected %q", got)
	}
}

func TestDetailsWalkLinksBothWaysAndBack(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{Event: "operation-uranus"})
	step := func(key, wantTitle string) {
		t.Helper()
		h, ok := u.Details.Links[key]
		if !ok {
			t.Fatalf("page %q has no link %q; links: %v", u.Details.Title.Text, key, keys(u.Details.Links))
		}
		tapLink(h)
		if got := u.Details.Title.Text; got != wantTitle {
			t.Fatalf("after tapping %s: title %q, want %q", key, got, wantTitle)
		}
	}
	step("person:zhukov", "Georgy Zhukov")
	step("event:battle-of-berlin", "Battle of Berlin") // a back-link: Berlin links to Zhukov
	if got, want := u.State.Date(), timeline.DayOf(1945, 4, 16); got != want {
		t.Errorf("opening an event from a person moves the date: got %s, want %s", got.Date(), want.Date())
	}
	step("medal:medal-capture-berlin", "Medal \"For the Capture of Berlin\"")
	step("event:battle-of-berlin", "Battle of Berlin") // medal → its events (a back-link)
	test.Tap(u.BackB)
	if got := u.Details.Title.Text; got != "Medal \"For the Capture of Berlin\"" {
		t.Fatalf("after Back: %q", got)
	}
	test.Tap(u.BackB)
	test.Tap(u.BackB)
	if got := u.Details.Title.Text; got != "Georgy Zhukov" {
		t.Fatalf("after three Backs: %q, want Georgy Zhukov", got)
	}
	test.Tap(u.ForwardB)
	if got := u.Details.Title.Text; got != "Battle of Berlin" {
		t.Fatalf("after Forward: %q, want Battle of Berlin", got)
	}
}

// tapLink taps a hyperlink on its text, as a finger would (a tap beside the text does nothing).
func tapLink(h *Link) {
	test.TapAt(h, fyne.NewPos(theme.InnerPadding()+4, h.Size().Height/2))
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestMapButtonsDragAndTap(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	m := u.Map
	before := m.View()
	test.Tap(m.ZoomInB)
	if got := m.View().Scale; got >= before.Scale*0.6 {
		t.Fatalf("zoom in: scale %.0f m/px, want about half of %.0f", got, before.Scale)
	}
	test.Tap(m.ZoomOutB)
	if got := m.View().Scale; got < before.Scale*0.9 || got > before.Scale*1.1 {
		t.Fatalf("zoom out after zoom in: scale %.0f m/px, want about %.0f", got, before.Scale)
	}
	// Drag the map 100 px to the right: the point under the pointer follows it.
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(m).Add(fyne.NewPos(300, 200))
	v0 := m.View()
	lon0, lat0 := v0.FromScreen(300, 200)
	test.Drag(win.Canvas(), pos, 100, 0)
	v1 := m.View()
	x, y := v1.ToScreen(lon0, lat0)
	if x < 399 || x > 401 || y < 199 || y > 201 {
		t.Fatalf("after dragging by (100, 0) the point under the pointer is at (%.1f, %.1f), want (400, 200)", x, y)
	}
	// Tap Berlin's marker (within reach of a finger, not exactly on it).
	v := m.View()
	bx, by := v.ToScreen(13.4, 52.52)
	test.TapAt(m, fyne.NewPos(float32(bx)+10, float32(by)-8))
	if got := u.State.Selection(); got != (timeline.Ref{Kind: timeline.KindPlace, ID: "berlin"}) {
		t.Fatalf("tap near Berlin selected %v", got)
	}
	if got := u.Details.Title.Text; got != "Berlin" {
		t.Errorf("details title %q, want Berlin", got)
	}
}

func TestDoubleTapZoomsInWithoutDelayingTheFirstTap(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	m := u.Map
	s0 := m.View().Scale
	pos := fyne.NewPos(5, 5) // no place there
	test.TapAt(m, pos)
	if got := m.View().Scale; got != s0 {
		t.Fatalf("a single tap changed the map's scale from %.0f to %.0f", s0, got)
	}
	test.TapAt(m, pos.AddXY(3, 2))
	if got := m.View().Scale; got > s0*0.51 || got < s0*0.49 {
		t.Fatalf("double tap: scale %.0f m/px, want half of %.0f", got, s0)
	}
	tv := u.Timeline
	p0 := tv.Scale().PxPerDay()
	at := fyne.NewPos(tv.gutter+300, tlAxisH+tv.laneH*4+4) // an empty part of the last lane
	test.TapAt(tv, at)
	test.TapAt(tv, at)
	if got := tv.Scale().PxPerDay(); got < p0*1.9 {
		t.Fatalf("double tap on the timeline: %.4f px/day, want about twice %.4f", got, p0)
	}
}

func TestTimelineScrollZoomsAndDragScrolls(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	tv := u.Timeline
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(tv)
	s0 := tv.Scale()
	at := fyne.NewPos(tv.gutter+400, tlAxisH+40)
	dayUnder := s0.Day(400)
	tv.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(0, 50)})
	s1 := tv.Scale()
	if s1.PxPerDay() <= s0.PxPerDay() {
		t.Fatalf("scrolling up did not zoom in: %.4f → %.4f px/day", s0.PxPerDay(), s1.PxPerDay())
	}
	if got := s1.Day(400); got < dayUnder-0.5 || got > dayUnder+0.5 {
		t.Errorf("zoom moved the day under the pointer from %.1f to %.1f", dayUnder, got)
	}
	test.Drag(win.Canvas(), origin.Add(at), 200, 0)
	s2 := tv.Scale()
	if want := s1.Start() - 200/s1.PxPerDay(); s2.Start() < want-0.5 || s2.Start() > want+0.5 {
		t.Errorf("dragging right by 200 px: start %.1f, want %.1f", s2.Start(), want)
	}
	// Dragging along the axis moves the date shown (as the desktop driver reports a drag: the
	// pointer's current position and the step since the last event).
	date0 := u.State.Date()
	for i := 1; i <= 4; i++ {
		tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(tv.gutter+600+float32(30*i), 10)}, Dragged: fyne.NewDelta(30, 0)})
	}
	tv.DragEnd()
	if u.State.Date() == date0 {
		t.Errorf("dragging along the axis did not move the date from %s", date0.Date())
	}
	if got, want := u.State.Date(), tv.DayAt(tv.gutter+720); got != want {
		t.Errorf("date after dragging the cursor to x=720: got %s, want %s", got.Date(), want.Date())
	}
}

func TestKeysStepDatesAndEvents(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{Date: timeline.DayOf(1942, 1, 1)})
	key := func(k fyne.KeyName) { win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyPageDown)
	if got := u.State.Selection().ID; got != "operation-uranus" {
		t.Fatalf("PageDown from 1 Jan 1942 selected %q, want operation-uranus", got)
	}
	key(fyne.KeyPageDown)
	if got := u.State.Selection().ID; got != "battle-of-kursk" {
		t.Fatalf("second PageDown selected %q, want battle-of-kursk", got)
	}
	key(fyne.KeyPageUp)
	if got := u.State.Selection().ID; got != "operation-uranus" {
		t.Fatalf("PageUp selected %q, want operation-uranus", got)
	}
	key(fyne.KeyEnd)
	if got := u.State.Date(); got != timeline.PeriodEnd {
		t.Errorf("End: date %s, want 31 Dec 1953", got.Date())
	}
	key(fyne.KeyHome)
	if got := u.State.Date(); got != timeline.PeriodStart {
		t.Errorf("Home: date %s, want 1 Jan 1936", got.Date())
	}
}

func TestArrowKeysGoToWhatWasTouchedLast(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{Date: timeline.DayOf(1942, 11, 19)})
	key := func(k fyne.KeyName) { win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	d0, v0 := u.State.Date(), u.Map.View()
	key(fyne.KeyRight)
	if u.State.Date() <= d0 || u.Map.View() != v0 {
		t.Fatalf("at start → should move the date (%s → %s) and not the map", d0.Date(), u.State.Date().Date())
	}
	test.TapAt(u.Map, fyne.NewPos(5, 5)) // touch the map (no place there)
	d1 := u.State.Date()
	key(fyne.KeyRight)
	if u.State.Date() != d1 {
		t.Errorf("after touching the map → moved the date")
	}
	if v := u.Map.View(); v.CX <= v0.CX {
		t.Errorf("after touching the map → did not pan it east: centre x %.0f → %.0f", v0.CX, v.CX)
	}
	s0 := u.Map.View().Scale
	key(fyne.KeyPlus)
	if got := u.Map.View().Scale; got >= s0 {
		t.Errorf("+ on the map: scale %.0f → %.0f, want smaller", s0, got)
	}
}

func TestPlaybackWithFakeClock(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{Date: timeline.DayOf(1941, 6, 22)})
	c := u.Timeline.Controls
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.Now = func() time.Time { return now }
	c.Speed.SetSelectedIndex(2) // 1 month (30 days) per second
	c.TogglePlay()
	defer c.pause()
	if !c.Playing() {
		t.Fatal("not playing after Play")
	}
	now = now.Add(2 * time.Second)
	c.Advance()
	if got, want := u.State.Date(), timeline.DayOf(1941, 6, 22)+60; got != want {
		t.Fatalf("after 2 s at 30 days/s: %s, want %s", got.Date(), want.Date())
	}
	c.TogglePlay()
	now = now.Add(5 * time.Second)
	c.Advance()
	if got, want := u.State.Date(), timeline.DayOf(1941, 6, 22)+60; got != want {
		t.Fatalf("paused playback moved the date to %s", got.Date())
	}
	test.Tap(c.Steps["+month"])
	if got, want := u.State.Date(), timeline.DayOf(1941, 9, 21); got != want {
		t.Fatalf("+month from 21 Aug 1941: %s, want %s", got.Date(), want.Date())
	}
}

func TestTheatreFilterHidesEventsAndPlaces(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	v := u.Map.View()
	x, y := v.ToScreen(34.1667, 44.5)
	u.Map.ZoomAbout(4, fyne.NewPos(float32(x), float32(y))) // close enough to mark towns
	if mapMarker(u.Map, "yalta") == nil {
		t.Fatal("Yalta is not marked before any filter")
	}
	_, theatres, _ := u.Timeline.Controls.FilterChecks()
	test.Tap(theatres["world"]) // uncheck "Diplomacy abroad": Yalta goes
	for _, p := range u.Timeline.placed {
		if p.Item >= 0 && u.Timeline.items[p.Item].ID == "yalta" {
			t.Fatal("the Yalta Conference is still on the timeline")
		}
	}
	if mk := mapMarker(u.Map, "yalta"); mk != nil {
		t.Fatalf("Yalta, whose only event is filtered out, is still marked on the map: %+v", mk)
	}
	if id, ok := u.Map.PlaceAt(fyne.NewPos(float32(x), float32(y))); ok && id == "yalta" {
		t.Fatal("Yalta, whose only event is filtered out, can still be tapped on the map")
	}
	if u.Timeline.Controls.FiltersB.Importance != widget.HighImportance {
		t.Error("the Filters button does not show that a filter is on")
	}
	// A link to a filtered-out event still opens it.
	u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: "yalta"})
	if got := u.Details.Title.Text; got != "Yalta Conference" {
		t.Fatalf("opening a filtered-out event shows %q", got)
	}
	u.State.ClearSelection()
	test.Tap(theatres["world"])
	placedCentre(t, u.Timeline, "yalta")
	if mapMarker(u.Map, "yalta") == nil {
		t.Error("Yalta is not marked again when the filter is lifted")
	}
}

// mapMarker returns the marker of a place in the map's current frame, nil if it is not marked.
func mapMarker(m *MapView, id string) *geo.MapMarker {
	for i := range m.frame.Markers {
		if m.frame.Markers[i].ID == id {
			return &m.frame.Markers[i]
		}
	}
	return nil
}

func TestLaneFilterHidesEvents(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	tv := u.Timeline
	tv.SetLaneVisible("operations", false)
	tv.Refresh()
	for _, p := range tv.placed {
		if p.Item >= 0 && tv.events[p.Item].Category == "operations" {
			t.Fatalf("hidden lane still draws %q", tv.events[p.Item].ID)
		}
	}
	if got := len(tv.Lanes()); got != 4 {
		t.Fatalf("lanes shown: %d, want 4", got)
	}
	tv.SetLaneVisible("operations", true)
	placedCentre(t, tv, "battle-of-kursk")
}

func TestRenderUINotBlank(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme("light"))
	c := loadTestContent(t)
	for _, size := range []image.Point{{1024, 640}, {1920, 1080}} {
		u := New(c.Catalog, c.Map, Options{Event: "operation-uranus", Headless: true})
		img := RenderUI(u, size.X, size.Y)
		if got := img.Bounds().Size(); got != size {
			t.Fatalf("picture size %v, want %v", got, size)
		}
		colours := map[[4]uint32]bool{}
		for y := 0; y < size.Y; y += 7 {
			for x := 0; x < size.X; x += 7 {
				r, g, b, al := img.At(x, y).RGBA()
				colours[[4]uint32{r >> 8, g >> 8, b >> 8, al >> 8}] = true
			}
		}
		if len(colours) < 50 {
			t.Errorf("%v picture has only %d colours: blank?", size, len(colours))
		}
		// The map is drawn: land colour at the selected place's surroundings.
		v := u.Map.View()
		x, y := v.ToScreen(44.5167, 48.7)
		mapPos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Map)
		r, g, b, _ := img.At(int(mapPos.X)+int(x)+40, int(mapPos.Y)+int(y)+40).RGBA()
		if r>>8 < 0xd0 || g>>8 < 0xc8 || b>>8 > 0xe0 {
			t.Errorf("%v: the map near Stalingrad is not land-coloured: %02x%02x%02x", size, r>>8, g>>8, b>>8)
		}
	}
}
