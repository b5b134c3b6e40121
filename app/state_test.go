package app

import (
	"testing"

	"frontline-atlas/timeline"
)

func ev(id string) timeline.Ref { return timeline.Ref{Kind: timeline.KindEvent, ID: id} }

func TestStateHistoryWalk(t *testing.T) {
	s := NewState(timeline.DayOf(1941, 6, 22))
	var changes int
	s.OnChange(func(Change) { changes++ })
	s.Select(ev("barbarossa"))
	s.Select(timeline.Ref{Kind: timeline.KindPerson, ID: "zhukov"})
	s.Select(ev("battle-of-moscow"))
	if !s.Back() || s.Selection().ID != "zhukov" {
		t.Fatalf("after one Back got %v, want zhukov", s.Selection())
	}
	if !s.Back() || s.Selection().ID != "barbarossa" {
		t.Fatalf("after two Backs got %v, want barbarossa", s.Selection())
	}
	// The start view (nothing selected) is the first entry: Back from the first item goes home.
	if !s.Back() || s.Selection() != (timeline.Ref{}) {
		t.Fatalf("after three Backs got %v, want nothing selected", s.Selection())
	}
	if s.Back() {
		t.Fatalf("Back at the start of history changed the selection to %v", s.Selection())
	}
	if !s.Forward() || s.Selection().ID != "barbarossa" {
		t.Fatalf("Forward got %v, want barbarossa", s.Selection())
	}
	if !s.Forward() || s.Selection().ID != "zhukov" {
		t.Fatalf("Forward got %v, want zhukov", s.Selection())
	}
	// Opening something new drops the forward history, as in a browser.
	s.Select(timeline.Ref{Kind: timeline.KindMedal, ID: "order-lenin"})
	if s.CanGoForward() {
		t.Fatal("forward history kept after a new selection")
	}
	if changes != 9 {
		t.Fatalf("got %d change notifications, want 9", changes)
	}
}

func TestStateSelectSameIsNoChange(t *testing.T) {
	s := NewState(timeline.DayOf(1941, 6, 22))
	s.Select(ev("a"))
	n := 0
	s.OnChange(func(Change) { n++ })
	s.Select(ev("a"))
	if n != 0 {
		t.Fatalf("re-selecting the same item notified %d times", n)
	}
	s.Back()
	if s.CanGoBack() {
		t.Fatal("re-selecting the same item added a history entry")
	}
}

func TestStateDateClampedToPeriod(t *testing.T) {
	cases := []struct {
		name string
		in   timeline.Day
		want timeline.Day
	}{
		{"before", timeline.DayOf(1900, 1, 1), timeline.PeriodStart},
		{"after", timeline.DayOf(2000, 1, 1), timeline.PeriodEnd},
		{"inside", timeline.DayOf(1942, 11, 19), timeline.DayOf(1942, 11, 19)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := NewState(timeline.PeriodStart)
			s.SetDate(c.in)
			if got := s.Date(); got != c.want {
				t.Fatalf("got %v, want %v", got.Date(), c.want.Date())
			}
		})
	}
}

func TestStateHistoryBounded(t *testing.T) {
	s := NewState(timeline.PeriodStart)
	for i := 0; i < historyLimit*3; i++ {
		s.Select(ev(string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))))
	}
	n := 0
	for s.Back() {
		n++
	}
	if n != historyLimit {
		t.Fatalf("could go back %d times, want the limit %d", n, historyLimit)
	}
}
