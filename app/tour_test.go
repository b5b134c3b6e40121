package app

import (
	"image/color"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/timeline"
)

// press sends keys to the window as the keyboard does (the canvas's key handler).
func press(t *testing.T, w fyne.Window, keys ...fyne.KeyName) {
	t.Helper()
	for _, k := range keys {
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
	}
}

// at checks the stop on screen: the counter, the selection and the date the test pack's stop
// n asks for.
func at(t *testing.T, u *UI, n int) {
	t.Helper()
	stops := []struct {
		sel  string
		date timeline.Day
	}{
		{"operation-uranus", timeline.DayOf(1942, 11, 19)},
		{"battle-of-kursk", timeline.DayOf(1943, 7, 5)},
		{"battle-of-berlin", timeline.DayOf(1945, 5, 2)},
	}
	want := stops[n-1]
	if got := u.Tour.Cursor().Number(); got != n {
		t.Fatalf("at stop %d, want %d", got, n)
	}
	if got := u.State.Selection(); got.ID != want.sel {
		t.Errorf("stop %d selects %v, want %s", n, got, want.sel)
	}
	if got := u.State.Date(); got != want.date {
		t.Errorf("stop %d shows %s, want %s", n, got.Date(), want.date.Date())
	}
	if got, want := u.Tour.Card.Counter.Text, strings.Replace("N / 3", "N", string(rune('0'+n)), 1); got != want {
		t.Errorf("counter %q, want %q", got, want)
	}
}

// TestPresenterKeys walks the test pack's tour (three stops) with every key a lecturer or a
// clicker uses.
func TestPresenterKeys(t *testing.T) {
	u, w := newTestUI(t, 1024, 640, Options{})
	if u.Tour.Presenting() || u.Tour.Card.Visible() {
		t.Fatal("presenting, or the card shown, before F5")
	}
	press(t, w, fyne.KeyF5)
	if !u.Tour.Presenting() || !w.FullScreen() {
		t.Fatalf("F5: presenting %v, full screen %v; want both", u.Tour.Presenting(), w.FullScreen())
	}
	at(t, u, 1)
	if got := u.Tour.Card.Caption.Text; got != "19 November 1942: the ring closes round Stalingrad." {
		t.Errorf("caption %q", got)
	}
	steps := []struct {
		keys []fyne.KeyName
		want int
	}{
		{[]fyne.KeyName{fyne.KeyRight}, 2},
		{[]fyne.KeyName{fyne.KeyPageDown}, 3},
		{[]fyne.KeyName{fyne.KeySpace}, 3}, // the last stop stays
		{[]fyne.KeyName{fyne.KeyLeft}, 2},
		{[]fyne.KeyName{fyne.KeyPageUp}, 1},
		{[]fyne.KeyName{fyne.KeyBackspace}, 1}, // the first stays
		{[]fyne.KeyName{fyne.KeyEnd}, 3},
		{[]fyne.KeyName{fyne.KeyHome}, 1},
		{[]fyne.KeyName{fyne.Key3, fyne.KeyReturn}, 3},
		{[]fyne.KeyName{fyne.Key2, fyne.KeyEnter}, 2},
		{[]fyne.KeyName{fyne.Key1, fyne.Key3, fyne.KeyBackspace, fyne.KeyEnter}, 1}, // 13, corrected to 1
		{[]fyne.KeyName{fyne.Key3, fyne.KeyEscape, fyne.KeyRight}, 2},               // a number abandoned
	}
	for _, s := range steps {
		press(t, w, s.keys...)
		at(t, u, s.want)
	}

	// A stop that does not exist: nothing moves and the counter says which stops there are.
	press(t, w, fyne.Key9, fyne.KeyReturn)
	if got := u.Tour.Cursor().Number(); got != 2 {
		t.Errorf("9 Enter moved to stop %d", got)
	}
	if got := u.Tour.Card.Counter.Text; got != "9? 1–3" {
		t.Errorf("counter after 9 Enter: %q", got)
	}
	press(t, w, fyne.KeyPageDown)
	at(t, u, 3)
	if !u.Tour.Presenting() {
		t.Fatal("moving through the stops left presenter mode")
	}
}

func TestPresenterBlankScreen(t *testing.T) {
	u, w := newTestUI(t, 1024, 640, Options{})
	press(t, w, fyne.KeyF5, fyne.KeyRight)
	cases := []struct {
		key  fyne.KeyName
		want color.Color
		stop int
	}{
		{fyne.KeyB, color.Black, 2},
		{fyne.KeyB, nil, 2},
		{fyne.KeyPeriod, color.Black, 2},
		{fyne.KeyW, color.White, 2}, // W over black turns white
		{fyne.KeyPageDown, nil, 2},  // a clicker's press brings the screen back without moving on
		{fyne.KeyW, color.White, 2},
		{fyne.KeyW, nil, 2},
		{fyne.KeyPeriod, color.Black, 2},
		{fyne.KeyEscape, nil, 2}, // Escape brings the screen back first…
		{fyne.KeyRight, nil, 3},
	}
	for i, c := range cases {
		press(t, w, c.key)
		if got := u.Tour.Blanked(); got != c.want {
			t.Errorf("step %d (%s): blank %v, want %v", i, c.key, got, c.want)
		}
		if got := u.Tour.Cursor().Number(); got != c.stop {
			t.Errorf("step %d (%s): stop %d, want %d", i, c.key, got, c.stop)
		}
	}
	if !u.Tour.Presenting() {
		t.Fatal("Escape over a blank screen left presenter mode")
	}
	// The blank covers the whole window.
	press(t, w, fyne.KeyB)
	if got, want := u.Tour.blank.Size(), w.Canvas().Size(); got.Width < want.Width-1 || got.Height < want.Height-1 {
		t.Errorf("the blank screen is %v in a window of %v", got, want)
	}
	// A tap on it brings the window back.
	test.Tap(u.Tour.blank)
	if u.Tour.Blanked() != nil {
		t.Error("a tap did not bring the window back")
	}
}

// Escape leaves presenter mode, not the app: the window stays open, leaves full screen, and the
// tour stays open for browsing at the same stop; the card's ✕ then closes the tour and gives
// back the visitor's filter.
func TestEscapeLeavesPresenterMode(t *testing.T) {
	u, w := newTestUI(t, 1024, 640, Options{})
	u.State.SetLaneShown("postwar", false)
	press(t, w, fyne.KeyF5, fyne.KeyEnd)
	if u.State.Filter().HiddenLanes["postwar"] {
		t.Error("the stop (no filter) still hides the visitor's hidden lane")
	}
	press(t, w, fyne.KeyEscape)
	if u.Tour.Presenting() {
		t.Fatal("Escape did not leave presenter mode")
	}
	if w.FullScreen() {
		t.Error("the window stayed full screen after presenting")
	}
	if !u.Tour.Active() || !u.Tour.Card.Visible() || u.Tour.Cursor().Number() != 3 {
		t.Error("the tour did not stay open at its stop for browsing")
	}
	// Keys are the window's again: → moves the date, not the stop.
	d := u.State.Date()
	press(t, w, fyne.KeyRight)
	if u.Tour.Cursor().Number() != 3 || u.State.Date() == d {
		t.Errorf("→ after Escape: stop %d, date %s → %s", u.Tour.Cursor().Number(), d.Date(), u.State.Date().Date())
	}
	test.Tap(u.Tour.Card.CloseB)
	if u.Tour.Active() || u.Tour.Card.Visible() {
		t.Error("✕ did not close the tour")
	}
	if !u.State.Filter().HiddenLanes["postwar"] {
		t.Error("closing the tour did not give back the visitor's filter")
	}
}

// A full-screen window before presenting stays full screen after it.
func TestPresentingKeepsFullScreen(t *testing.T) {
	u, w := newTestUI(t, 1024, 640, Options{})
	w.SetFullScreen(true)
	press(t, w, fyne.KeyF5, fyne.KeyF11)
	if w.FullScreen() {
		t.Error("F11 in presenter mode did not leave full screen")
	}
	press(t, w, fyne.KeyF11, fyne.KeyEscape)
	if !w.FullScreen() || u.Tour.Presenting() {
		t.Errorf("after Escape: full screen %v, presenting %v; want true, false", w.FullScreen(), u.Tour.Presenting())
	}
}

// The arrows pan the map only once it has been touched; the clicker's keys still move on, and
// moving on gives the arrows back to the tour. + and − zoom the map.
func TestPresenterMapKeys(t *testing.T) {
	u, w := newTestUI(t, 1024, 640, Options{})
	press(t, w, fyne.KeyF5)
	v0 := u.Map.View()
	press(t, w, fyne.KeyPlus)
	if v := u.Map.View(); math.Abs(v.Scale/v0.Scale-0.5) > 1e-9 {
		t.Errorf("+ zoomed the map by %g, want ×2", v0.Scale/v.Scale)
	}
	u.Map.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, 200)}, Dragged: fyne.NewDelta(40, 0)})
	u.Map.DragEnd()
	v1 := u.Map.View()
	press(t, w, fyne.KeyRight)
	if got := u.Tour.Cursor().Number(); got != 1 {
		t.Errorf("→ after touching the map moved to stop %d", got)
	}
	if v := u.Map.View(); v.CX == v1.CX {
		t.Error("→ after touching the map did not pan it")
	}
	press(t, w, fyne.KeyPageDown, fyne.KeyRight)
	at(t, u, 3)
}

// Each stop puts the map where it asks: a centre and zoom framed for the map's size, or the
// selection fitted.
func TestStopMapView(t *testing.T) {
	u, w := newTestUI(t, 1024, 640, Options{})
	press(t, w, fyne.KeyF5, fyne.KeyEnd) // Berlin: 13.4°E 52.5°N, zoom 8
	// The stop is framed in the part of the map above the caption card.
	check := func(when string) {
		t.Helper()
		v := u.Map.View()
		free := float64(v.H) - float64(u.Tour.cover())
		if cover := u.Tour.cover(); cover < 60 || float64(cover) > 0.6*float64(v.H) {
			t.Fatalf("%s: the card covers %g px of a map %d px high", when, cover, v.H)
		}
		lon, lat := v.FromScreen(float64(v.W)/2, free/2)
		if math.Abs(lon-13.4) > 1e-6 || math.Abs(lat-52.5) > 1e-6 {
			t.Errorf("%s: the free part of the map is centred on %.4f, %.4f; want 13.4, 52.5", when, lon, lat)
		}
		if want := timeline.FrameScale(8, float64(v.W), free); math.Abs(v.Scale/want-1) > 1e-9 {
			t.Errorf("%s: scale %g m/px, want %g for %d×%g px", when, v.Scale, want, v.W, free)
		}
	}
	check("at the stop")
	press(t, w, fyne.KeyHome) // Uranus: fit the selection (Stalingrad)
	v := u.Map.View()
	x, y := v.ToScreen(44.5167, 48.7)
	if free := float64(v.H) - float64(u.Tour.cover()); x < 40 || y < 40 || x > float64(v.W)-40 || y > free-40 {
		t.Errorf("Stalingrad is at %.0f, %.0f in a map of %d×%d whose lowest %g px the card covers", x, y, v.W, v.H, u.Tour.cover())
	}
	// Resizing the window keeps the stop's frame (F11 on a projector).
	press(t, w, fyne.KeyEnd)
	w.Resize(fyne.NewSize(1280, 720))
	check("after a resize")
}

// The caption is large in presenter mode, grows with the text size, and sits inside the map.
func TestPresenterCaptionSize(t *testing.T) {
	u, w := newTestUI(t, 1920, 1080, Options{})
	press(t, w, fyne.KeyF5)
	big := u.Tour.Card.Caption.TextSize
	if big < 30 {
		t.Errorf("caption %g px in presenter mode at 1080p, want at least 30", big)
	}
	press(t, w, fyne.KeyEscape)
	if small := u.Tour.Card.Caption.TextSize; small >= big {
		t.Errorf("caption %g px browsing, %g presenting", small, big)
	}
	press(t, w, fyne.KeyF5)
	u.Settings.SetTextPercent(150)
	u.Tour.relayout()
	if got := u.Tour.Card.Caption.TextSize; got < big*1.4 {
		t.Errorf("caption %g px at 150 %% text, %g at 100 %%", got, big)
	}
	c, m := u.Tour.Card, u.Map
	d := fyne.CurrentApp().Driver()
	cp, mp := d.AbsolutePositionForObject(c), d.AbsolutePositionForObject(m)
	if cp.X < mp.X || cp.Y < mp.Y || cp.X+c.Size().Width > mp.X+m.Size().Width+1 || cp.Y+c.Size().Height > mp.Y+m.Size().Height+1 {
		t.Errorf("the card %v+%v is not inside the map %v+%v", cp, c.Size(), mp, m.Size())
	}
	for _, l := range c.Caption.Lines() {
		if wd := fyne.MeasureText(l, c.Caption.TextSize, captionStyle).Width; wd > c.Caption.Size().Width {
			t.Errorf("line %q is %g px wide in a caption of %g", l, wd, c.Caption.Size().Width)
		}
	}
}

// A student browses a tour from the menu: the list of tours, Open, the card's buttons.
func TestBrowseToursFromTheMenu(t *testing.T) {
	u, _ := newTestUI(t, 1024, 640, Options{})
	labels := strings.Join(u.Menu.Labels(), "|")
	if !strings.Contains(labels, "Tours…") || !strings.Contains(labels, "Present a tour (F5)") {
		t.Fatalf("menu %q lacks the tour entries", labels)
	}
	u.Menu.Open(false)
	test.Tap(u.Menu.Entry("Tours…"))
	l := u.Tour.TourList()
	if l == nil || l.Open["turning-points"] == nil {
		t.Fatal("the list of tours did not open with the test pack's tour")
	}
	test.Tap(l.Open["turning-points"])
	if !u.Tour.Active() || u.Tour.Presenting() {
		t.Fatalf("Open: active %v, presenting %v", u.Tour.Active(), u.Tour.Presenting())
	}
	at(t, u, 1)
	if !u.Tour.Card.PrevB.Disabled() {
		t.Error("Previous is enabled at the first stop")
	}
	test.Tap(u.Tour.Card.NextB)
	at(t, u, 2)
	test.Tap(u.Tour.Card.PrevB)
	at(t, u, 1)
	test.Tap(u.Tour.Card.PresentB)
	if !u.Tour.Presenting() {
		t.Error("the card's Present did not start presenting")
	}
}

func TestPresenterScreen(t *testing.T) {
	u, w := newTestUI(t, 1024, 640, Options{})
	press(t, w, fyne.KeyN)
	if u.Tour.PresenterScreen() != nil {
		t.Fatal("N opened the presenter's window outside presenter mode")
	}
	press(t, w, fyne.KeyF5, fyne.KeyN)
	s := u.Tour.PresenterScreen()
	if s == nil {
		t.Fatal("N did not open the presenter's window")
	}
	if !strings.HasPrefix(s.Stop.Text, "1 / 3  Uranus") || !strings.HasPrefix(s.NextT.Text, "2  Kursk") {
		t.Errorf("presenter's window: %q, next %q", s.Stop.Text, s.NextT.Text)
	}
	// Its keys drive the talk too.
	s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	at(t, u, 2)
	press(t, w, fyne.KeyEnd)
	if s.NextT.Text != "This is the last stop." {
		t.Errorf("next at the last stop: %q", s.NextT.Text)
	}
	press(t, w, fyne.KeyN)
	if u.Tour.PresenterScreen() != nil {
		t.Error("N did not close the presenter's window")
	}
	press(t, w, fyne.KeyN, fyne.KeyEscape)
	if u.Tour.PresenterScreen() != nil {
		t.Error("leaving presenter mode left the presenter's window open")
	}
}

func TestElapsedText(t *testing.T) {
	cases := map[float64]string{0: "0:00", 59.9: "0:59", 61: "1:01", 3599: "59:59", 3600: "1:00:00", 4929: "1:22:09", -5: "0:00"}
	for sec, want := range cases {
		if got := elapsedText(secs(sec)); got != want {
			t.Errorf("%gs: %q, want %q", sec, got, want)
		}
	}
}

func TestWrapLines(t *testing.T) {
	text := "19–23 November 1942: two fronts break through and meet at Kalach, closing the ring round the 6th Army."
	for _, w := range []float32{120, 300, 700, 2000} {
		lines := wrapLines(text, 24, w)
		if got := strings.Join(lines, " "); got != text {
			t.Errorf("width %g: the lines join to %q", w, got)
		}
		for _, l := range lines {
			if lw := fyne.MeasureText(l, 24, captionStyle).Width; lw > w && strings.Contains(l, " ") {
				t.Errorf("width %g: line %q is %g px", w, l, lw)
			}
		}
		if w == 2000 && len(lines) != 1 {
			t.Errorf("a wide caption took %d lines", len(lines))
		}
	}
}

func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// A tour found by search opens at its first stop, for reading.
func TestSearchOpensATour(t *testing.T) {
	u, _ := newTestUI(t, 1024, 640, Options{})
	hits := u.Catalog.Search("Turning points", 0)
	if len(hits) == 0 || hits[0].Ref != (timeline.Ref{Kind: timeline.KindTour, ID: "turning-points"}) {
		t.Fatalf("Search(Turning points) = %v, want the tour first", hits)
	}
	u.Open(hits[0].Ref)
	if !u.Tour.Active() || u.Tour.Presenting() {
		t.Fatalf("active %v, presenting %v; want the tour open for reading", u.Tour.Active(), u.Tour.Presenting())
	}
	at(t, u, 1)
}

// ApplyStop serves any walker of a tour (the kiosk's attract loop has its own cursor): the
// card shows the stop, without buttons to move, and CloseTour takes it away.
func TestApplyStopWithoutThePlayer(t *testing.T) {
	u, _ := newTestUI(t, 1024, 640, Options{})
	c, err := timeline.NewTourCursor(u.Catalog, "turning-points")
	if err != nil {
		t.Fatal(err)
	}
	c.Next()
	u.ApplyStop(c.State(), false)
	card := u.Tour.Card
	if !card.Visible() || card.Caption.Text != "July 1943: the last German offensive in the east fails at Kursk." || card.Counter.Text != "2 / 3" {
		t.Errorf("card visible %v, caption %q, counter %q", card.Visible(), card.Caption.Text, card.Counter.Text)
	}
	if u.State.Selection().ID != "battle-of-kursk" || !card.PrevB.Disabled() || !card.NextB.Disabled() {
		t.Errorf("selection %v, previous disabled %v, next disabled %v", u.State.Selection(), card.PrevB.Disabled(), card.NextB.Disabled())
	}
	u.Tour.CloseTour()
	if card.Visible() {
		t.Error("CloseTour left the card")
	}
}

// With two screens attached (as GLFW counts them; main.go hands the count in), F5 opens the
// presenter's window by itself; with one it stays closed until N.
func TestPresenterScreenOpensOnASecondScreen(t *testing.T) {
	defer func(f func() int) { ScreenCount = f }(ScreenCount)
	for _, screens := range []int{1, 2} {
		ScreenCount = func() int { return screens }
		u, w := newTestUI(t, 1024, 640, Options{})
		press(t, w, fyne.KeyF5)
		if open := u.Tour.PresenterScreen() != nil; open != (screens > 1) {
			t.Errorf("%d screens: presenter's window open %v after F5", screens, open)
		}
		press(t, w, fyne.KeyEscape)
		if u.Tour.PresenterScreen() != nil {
			t.Errorf("%d screens: the presenter's window stayed after Escape", screens)
		}
	}
}

// A stop shown at once (the kiosk's attract loop) is where the map stays: a flight under way,
// such as the one that selecting the stop's event starts in a real window
// (MapView.StateChanged), is stopped, or it would carry the map on over the next half second.
func TestShowStopQuietlyStopsAFlight(t *testing.T) {
	u, _ := newTestUI(t, 1024, 640, Options{})
	c, err := timeline.NewTourCursor(u.Catalog, "turning-points")
	if err != nil {
		t.Fatal(err)
	}
	m := u.Map
	m.headless = false // a window's map flies to a selected event (a headless one moves in one step)
	u.ShowStopQuietly(c.State(), 100)
	m.headless = true
	if m.fly != nil {
		t.Error("a flight was left running after the stop was shown")
	}
	if want := stopViewIn(m.session, c.State(), 100); math.Abs(m.View().CX-want.CX) > m.View().Scale || math.Abs(m.View().Scale/want.Scale-1) > 1e-6 {
		t.Errorf("the map shows %.0f at %.0f m/px, the stop %.0f at %.0f m/px", m.View().CX, m.View().Scale, want.CX, want.Scale)
	}
}
