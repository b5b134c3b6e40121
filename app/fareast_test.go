package app

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/cli"
	"frontline-atlas/timeline"
)

var (
	wholeOnce    sync.Once
	wholeContent *cli.Content
	wholeErr     error
)

// newWholeUI is newTestUI on the embedded pack, with its fronts.
func newWholeUI(t *testing.T, w, h float32, opts Options) (*UI, fyne.Window) {
	t.Helper()
	wholeOnce.Do(func() { wholeContent, wholeErr = cli.LoadContentLazy("") })
	if wholeErr != nil {
		t.Fatalf("loading the embedded pack: %v", wholeErr)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme("light"))
	opts.Headless = true
	u := New(wholeContent.Catalog, wholeContent.Map, opts)
	win := test.NewTempWindow(t, nil)
	u.Attach(win)
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(u.Close)
	return u, win
}

// On a date whose only fighting is in the Far East, jumping to it shows the Far East; jumping
// back to a European date shows Europe again. Dragging the timeline's cursor over those dates
// does not move the map.
func TestFarEastDatesShowTheFarEast(t *testing.T) {
	u, win := newWholeUI(t, 1280, 720, Options{})
	if u.Map.data == nil || u.Map.data.Fronts == nil {
		t.Fatal("the test content has no fronts")
	}
	shows := func(lon, lat float64) bool { return u.Map.session.Shows(lon, lat, 20) }
	moscow := [2]float64{37.6, 55.75}
	cases := []struct {
		date     timeline.Day
		place    [2]float64
		what     string
		notPlace [2]float64
	}{
		{timeline.DayOf(1938, 8, 1), [2]float64{130.58, 42.45}, "Lake Khasan", moscow},
		{timeline.DayOf(1942, 11, 19), moscow, "Moscow", [2]float64{130.58, 42.45}},
		{timeline.DayOf(1939, 7, 15), [2]float64{118.5, 47.65}, "Khalkhin Gol", moscow},
		{timeline.DayOf(1945, 8, 15), [2]float64{126.6, 45.75}, "Harbin", moscow},
	}
	for _, c := range cases {
		u.State.SetDate(c.date) // a jump: the date control, a step button, a tap on the axis
		if !shows(c.place[0], c.place[1]) {
			t.Errorf("%s: the map does not show %s (view %+v)", c.date.Date(), c.what, u.Map.mark())
		}
		if shows(c.notPlace[0], c.notPlace[1]) {
			t.Errorf("%s: the map still shows %v", c.date.Date(), c.notPlace)
		}
	}
	// Back in Europe, drag the cursor to Khalkhin Gol: the map stays where it is.
	u.State.SetDate(timeline.DayOf(1939, 12, 1))
	before := u.Map.mark()
	tl := u.Timeline
	from := fyne.CurrentApp().Driver().AbsolutePositionForObject(tl).Add(fyne.NewPos(tl.X(float64(u.State.Date())+0.5), tl.Size().Height/2))
	to := tl.X(float64(timeline.DayOf(1939, 7, 15)) + 0.5)
	// Fyne's test.Drag reports the drag's start as where it is now; the band takes the start
	// as Position less Dragged, so the event is given at the end of the movement.
	dx := to - tl.X(float64(u.State.Date())+0.5)
	test.Drag(win.Canvas(), from.Add(fyne.NewPos(dx, 0)), dx, 0)
	if d := u.State.Date(); d < timeline.DayOf(1939, 5, 11) || d > timeline.DayOf(1939, 9, 16) {
		t.Fatalf("dragging the cursor reached %s, not the days of Khalkhin Gol", d.Date())
	}
	if !sameMark(u.Map.mark(), before) {
		t.Error("dragging the timeline's cursor onto Khalkhin Gol moved the map")
	}
}
