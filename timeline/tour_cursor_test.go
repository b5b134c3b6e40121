package timeline

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// TestTourCursorMoves drives a cursor over the test pack's three-stop tour as a presenter's
// keys would, checking after each move where it stands and whether it reported moving.
func TestTourCursorMoves(t *testing.T) {
	c := loadTestPack(t)
	type step struct {
		do       string // next, prev, first, last, jump N
		moved    bool   // what the move returned (for jump: no error)
		wantStop int    // the number shown afterwards, from 1
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"forward to the end and one more", []step{{"next", true, 2}, {"next", true, 3}, {"next", false, 3}}},
		{"back at the start", []step{{"prev", false, 1}, {"next", true, 2}, {"prev", true, 1}, {"prev", false, 1}}},
		{"last and first", []step{{"last", true, 3}, {"last", false, 3}, {"first", true, 1}, {"first", false, 1}}},
		{"jump by number", []step{{"jump 3", true, 3}, {"jump 1", true, 1}, {"jump 2", true, 2}, {"jump 2", true, 2}}},
		{"jump out of range stays", []step{{"jump 2", true, 2}, {"jump 0", false, 2}, {"jump 4", false, 2}, {"jump -1", false, 2}}},
		{"jump then step", []step{{"jump 3", true, 3}, {"prev", true, 2}, {"next", true, 3}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cur, err := NewTourCursor(c, "stalingrad-tour")
			if err != nil {
				t.Fatal(err)
			}
			if cur.Number() != 1 || !cur.AtFirst() || cur.AtLast() || cur.Len() != 3 {
				t.Fatalf("a new cursor: number %d, at first %v, at last %v, len %d; want 1, true, false, 3",
					cur.Number(), cur.AtFirst(), cur.AtLast(), cur.Len())
			}
			for _, s := range tc.steps {
				var moved bool
				switch {
				case s.do == "next":
					moved = cur.Next()
				case s.do == "prev":
					moved = cur.Prev()
				case s.do == "first":
					moved = cur.First()
				case s.do == "last":
					moved = cur.Last()
				case strings.HasPrefix(s.do, "jump "):
					n, err := strconv.Atoi(strings.TrimPrefix(s.do, "jump "))
					if err != nil {
						t.Fatal(err)
					}
					moved = cur.Jump(n) == nil
				}
				if moved != s.moved || cur.Number() != s.wantStop {
					t.Fatalf("%s: moved %v, at stop %d; want %v, stop %d", s.do, moved, cur.Number(), s.moved, s.wantStop)
				}
				if cur.Index() != cur.Number()-1 || cur.Stop() != &cur.Tour().Stops[cur.Index()] {
					t.Fatalf("%s: Index %d and Stop disagree with Number %d", s.do, cur.Index(), cur.Number())
				}
				if cur.AtFirst() != (cur.Number() == 1) || cur.AtLast() != (cur.Number() == 3) {
					t.Fatalf("%s: AtFirst %v, AtLast %v at stop %d", s.do, cur.AtFirst(), cur.AtLast(), cur.Number())
				}
			}
		})
	}
}

func TestTourCursorErrors(t *testing.T) {
	c := loadTestPack(t)
	_, err := NewTourCursor(c, "stalingrad-tuor")
	if err == nil || !strings.Contains(err.Error(), `tour "stalingrad-tuor" not found (did you mean "stalingrad-tour"?); the pack's tours are stalingrad-tour`) {
		t.Errorf("unknown tour: got %v", err)
	}
	cur, _ := NewTourCursor(c, "stalingrad-tour")
	if err := cur.Jump(7); err == nil || err.Error() != `tour "stalingrad-tour" has stops 1 to 3, not 7` {
		t.Errorf("Jump(7): got %v", err)
	}
	empty := newCatalog(PackInfo{})
	empty.finish()
	if _, err := NewTourCursor(empty, "any"); err == nil || !strings.Contains(err.Error(), "has no tours") {
		t.Errorf("a pack without tours: got %v", err)
	}
}

// TestTourStopStates checks what each stop of the test tour asks of the window.
func TestTourStopStates(t *testing.T) {
	c := loadTestPack(t)
	cur, err := NewTourCursor(c, "stalingrad-tour")
	if err != nil {
		t.Fatal(err)
	}
	stalingrad := c.Place("stalingrad")
	kharkov := c.Place("kharkov")
	tests := []struct {
		name        string
		first, last Day
		play        time.Duration
		date        string // HumanRange(Start, End)
		sel         Ref
		view        ViewState
		scale1080   float64 // metres per pixel on a 1920×1080 map; 0 for a fit
		hiddenLanes []string
		hiddenTh    []string
		caption     string // Russian, falling back to English
	}{
		{"a date and a centre", DayOf(1942, 7, 17), DayOf(1942, 7, 17), 0, "17 Jul 1942",
			Ref{KindEvent, "stalingrad"}, ViewState{Places: orb.Point{44.5, 48.7}.Bound(), Lon: 44.5, Lat: 48.7, Zoom: 7},
			ZoomScale(7) * 2 / 3, nil, nil, "17 июля 1942 года: начинается битва за Сталинград."},
		{"a range, a fit and a filter", DayOf(1942, 11, 19), DayOf(1942, 11, 23), 8 * time.Second, "19–23 Nov 1942",
			Ref{KindEvent, "uranus"}, ViewState{Fit: true,
				Places: orb.Bound{Min: orb.Point{kharkov.Lon, stalingrad.Lat}, Max: orb.Point{stalingrad.Lon, kharkov.Lat}},
				Lon:    (kharkov.Lon + stalingrad.Lon) / 2, Lat: (kharkov.Lat + stalingrad.Lat) / 2},
			0, []string{"politics"}, []string{"world"}, "19–23 November: two fronts close the ring at Kalach."},
		{"a year and a person", DayOf(1943, 1, 1), DayOf(1943, 12, 31), 0, "1943",
			Ref{KindPerson, "zhukov"}, ViewState{Places: orb.Point{37.6, 55.75}.Bound(), Lon: 37.6, Lat: 55.75, Zoom: 5.5},
			ZoomScale(5.5) * 2 / 3, nil, nil, "Zhukov"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := cur.StateAt(i)
			if s.Tour != "stalingrad-tour" || s.Index != i || s.Number() != i+1 || s.Count != 3 {
				t.Errorf("tour %q index %d number %d count %d", s.Tour, s.Index, s.Number(), s.Count)
			}
			if s.First != tc.first || s.Last != tc.last || s.Play != tc.play || s.IsRange() != (tc.play > 0) {
				t.Errorf("days %s–%s play %v; want %s–%s play %v", s.First.Date(), s.Last.Date(), s.Play, tc.first.Date(), tc.last.Date(), tc.play)
			}
			if got := HumanRange(s.Start, s.End); got != tc.date {
				t.Errorf("date %q, want %q", got, tc.date)
			}
			if s.Selection != tc.sel {
				t.Errorf("selection %v, want %v", s.Selection, tc.sel)
			}
			if s.View != tc.view {
				t.Errorf("view %+v, want %+v", s.View, tc.view)
			}
			if got := s.View.MetresPerPixel(1920, 1080); math.Abs(got-tc.scale1080) > 1e-9*tc.scale1080 {
				t.Errorf("metres per pixel at 1920×1080: %g, want %g", got, tc.scale1080)
			}
			for _, id := range []string{"politics", "operations"} {
				if s.Filter.HiddenLanes[id] != containsString(tc.hiddenLanes, id) {
					t.Errorf("lane %s hidden: %v", id, s.Filter.HiddenLanes[id])
				}
			}
			for _, id := range []string{"eastern", "world"} {
				if s.Filter.HiddenTheatres[id] != containsString(tc.hiddenTh, id) {
					t.Errorf("theatre %s hidden: %v", id, s.Filter.HiddenTheatres[id])
				}
			}
			if got := s.Caption.In("ru"); got != tc.caption {
				t.Errorf("caption in Russian %q, want %q", got, tc.caption)
			}
			if len(s.Sources) != 1 {
				t.Errorf("sources %q", s.Sources)
			}
		})
	}
	cur.Jump(2)
	if got := cur.State(); got.Index != 1 {
		t.Errorf("State() after Jump(2) is stop index %d", got.Index)
	}
	if got := cur.StateAt(99).Index; got != 2 {
		t.Errorf("StateAt(99) gives index %d, want the last, 2", got)
	}
}

// TestStopStateDayAt checks how a range plays: evenly from the start of the first day to the
// end of the last, then it stays; a date stays on its day.
func TestStopStateDayAt(t *testing.T) {
	r := StopState{First: DayOf(1942, 11, 19), Last: DayOf(1942, 11, 23), Play: 10 * time.Second}
	d := StopState{First: DayOf(1942, 7, 17), Last: DayOf(1942, 7, 17)}
	tests := []struct {
		s       StopState
		elapsed time.Duration
		want    float64
	}{
		{r, 0, float64(DayOf(1942, 11, 19))},
		{r, -time.Second, float64(DayOf(1942, 11, 19))},
		{r, 5 * time.Second, float64(DayOf(1942, 11, 19)) + 2.5},
		{r, 10 * time.Second, float64(DayOf(1942, 11, 24))},
		{r, time.Hour, float64(DayOf(1942, 11, 24))},
		{d, 5 * time.Second, float64(DayOf(1942, 7, 17))},
	}
	for _, tc := range tests {
		if got := tc.s.DayAt(tc.elapsed); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("DayAt(%v) over %s–%s in %v = %g, want %g", tc.elapsed, tc.s.First.Date(), tc.s.Last.Date(), tc.s.Play, got, tc.want)
		}
	}
}

// TestStopStateChanges checks what moving from one stop to the next animates.
func TestStopStateChanges(t *testing.T) {
	c := loadTestPack(t)
	cur, _ := NewTourCursor(c, "stalingrad-tour")
	s0, s1, s2 := cur.StateAt(0), cur.StateAt(1), cur.StateAt(2)
	if ch := s0.Changes(s0); ch.Any() {
		t.Errorf("a stop compared with itself changes %+v", ch)
	}
	if ch := s0.Changes(cur.StateAt(0)); ch.Any() {
		t.Errorf("two states of one stop differ: %+v", ch)
	}
	want := StopChange{Date: true, Selection: true, View: true, Filter: true, Caption: true}
	if ch := s1.Changes(s0); ch != want {
		t.Errorf("stop 1 to 2 changes %+v, want %+v", ch, want)
	}
	if ch := s2.Changes(s1); !ch.Filter || !ch.View {
		t.Errorf("stop 2 to 3 changes %+v, want the filter cleared and the view", ch)
	}
	same := s0
	same.Caption = Text{"en": s0.Caption["en"], "ru": s0.Caption["ru"]}
	same.Filter = Filter{HiddenLanes: map[string]bool{"x": false}}
	if ch := same.Changes(s0); ch.Any() {
		t.Errorf("equal captions and an empty filter with a false entry count as changes: %+v", ch)
	}
}

// TestZoomScale checks the zoom levels' definition and the frame a map of any size shows.
func TestZoomScale(t *testing.T) {
	tests := []struct {
		z, w, h float64
		want    float64
	}{
		{0, 0, 0, 156543.03392804097},
		{1, 0, 0, 78271.51696402048},
		{5, ViewFrameWidth, ViewFrameHeight, 4891.96981025128},
		{5, 1920, 1080, 4891.96981025128 * 2 / 3},      // a larger map zooms in: the same frame
		{5, 640, 720, 4891.96981025128 * 2},            // a narrow map zooms out to keep the width
		{5, 1280, 360, 4891.96981025128 * 2},           // a low one to keep the height
		{9, 2560, 1080, 305.748113140705 * 720 / 1080}, // a wide screen: the height decides
	}
	for _, tc := range tests {
		got := FrameScale(tc.z, tc.w, tc.h)
		if math.Abs(got-tc.want) > 1e-9*tc.want {
			t.Errorf("FrameScale(%g, %g, %g) = %.9g, want %.9g", tc.z, tc.w, tc.h, got, tc.want)
		}
		if tc.w > 0 {
			if back := FrameZoom(got, tc.w, tc.h); math.Abs(back-tc.z) > 1e-9 {
				t.Errorf("FrameZoom(FrameScale(%g)) = %g", tc.z, back)
			}
		}
	}
	if got := ZoomScale(5) * ViewFrameWidth / 1000; math.Abs(got-6261.72) > 0.01 {
		t.Errorf("the frame of zoom 5 is %.2f km wide, want 6261.72", got)
	}
}

func TestFitBound(t *testing.T) {
	tests := []struct {
		in, want orb.Bound
	}{
		// One place: 3° on every side.
		{orb.Point{44.5, 48.7}.Bound(), orb.Bound{Min: orb.Point{41.5, 45.7}, Max: orb.Point{47.5, 51.7}}},
		// 30° wide: 15 % of it, 4.5°.
		{orb.Bound{Min: orb.Point{10, 50}, Max: orb.Point{40, 55}}, orb.Bound{Min: orb.Point{5.5, 45.5}, Max: orb.Point{44.5, 59.5}}},
	}
	for _, tc := range tests {
		got := FitBound(tc.in)
		for i := 0; i < 2; i++ {
			if math.Abs(got.Min[i]-tc.want.Min[i]) > 1e-9 || math.Abs(got.Max[i]-tc.want.Max[i]) > 1e-9 {
				t.Errorf("FitBound(%v) = %v, want %v", tc.in, got, tc.want)
			}
		}
	}
}

// TestStopsSelecting checks the back-links from items to the stops that show them.
func TestStopsSelecting(t *testing.T) {
	c := loadTestPack(t)
	tests := []struct {
		r    Ref
		want []int
	}{
		{Ref{KindEvent, "stalingrad"}, []int{0}},
		{Ref{KindEvent, "uranus"}, []int{1}},
		{Ref{KindPerson, "zhukov"}, []int{2}},
		{Ref{KindPlace, "stalingrad"}, nil},
		{Ref{KindEvent, "no-such-event"}, nil},
	}
	for _, tc := range tests {
		var got []int
		for _, ts := range c.StopsSelecting(tc.r) {
			if ts.Tour.ID != "stalingrad-tour" || ts.Stop() != &ts.Tour.Stops[ts.Index] {
				t.Errorf("%v: stop %+v", tc.r, ts)
			}
			got = append(got, ts.Index)
		}
		if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] {
			t.Errorf("StopsSelecting(%v) = %v, want %v", tc.r, got, tc.want)
		}
	}
	if got := c.Related(Ref{KindEvent, "uranus"}, KindTour); len(got) != 1 || got[0] != (Ref{KindTour, "stalingrad-tour"}) {
		t.Errorf("Related(uranus, tours) = %v", got)
	}
	if got := c.TourAfter("stalingrad-tour"); got == nil || got.ID != "stalingrad-tour" {
		t.Errorf("TourAfter the only tour = %v, want itself", got)
	}
	if got := c.SelectionPlaces(Ref{KindEvent, "uranus"}); len(got) != 2 {
		t.Errorf("SelectionPlaces(uranus) = %d places, want 2", len(got))
	}
	if got := c.SelectionPlaces(Ref{KindPlace, "kiev"}); len(got) != 1 || got[0].ID != "kiev" {
		t.Errorf("SelectionPlaces(place kiev) = %v", got)
	}
}
