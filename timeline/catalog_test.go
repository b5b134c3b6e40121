package timeline

import (
	"reflect"
	"testing"
)

func refIDs(refs []Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = string(r.Kind) + ":" + r.ID
	}
	return out
}

func eventIDs(events []*Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	return out
}

func TestCatalogEventsSorted(t *testing.T) {
	c := loadTestPack(t)
	got := eventIDs(c.Events())
	want := []string{"lenin-death", "stalingrad", "uranus", "konigsberg-assault"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Events(): got %v, want %v", got, want)
	}
	evs := c.Events()
	for i := 1; i < len(evs); i++ {
		if evs[i-1].Start.First() > evs[i].Start.First() {
			t.Errorf("Events() not sorted at %d: %s after %s", i, evs[i].ID, evs[i-1].ID)
		}
	}
}

func TestCatalogBetween(t *testing.T) {
	c := loadTestPack(t)
	tests := []struct {
		name     string
		from, to Day
		want     []string
	}{
		{"before everything", DayOf(1920, 1, 1), DayOf(1923, 12, 31), nil},
		{"Lenin's death day", DayOf(1924, 1, 21), DayOf(1924, 1, 21), []string{"lenin-death"}},
		{"Uranus day", DayOf(1942, 11, 20), DayOf(1942, 11, 20), []string{"stalingrad", "uranus"}},
		{"day after Uranus", DayOf(1942, 11, 24), DayOf(1942, 11, 24), []string{"stalingrad"}},
		{"last day of Stalingrad", DayOf(1943, 2, 2), DayOf(1943, 2, 2), []string{"stalingrad"}},
		{"day after Stalingrad", DayOf(1943, 2, 3), DayOf(1943, 2, 3), nil},
		{"month event, last day", DayOf(1945, 4, 30), DayOf(1945, 4, 30), []string{"konigsberg-assault"}},
		{"month event, next day", DayOf(1945, 5, 1), DayOf(1945, 5, 1), nil},
		{"the whole period", PeriodStart, PeriodEnd, []string{"stalingrad", "uranus", "konigsberg-assault"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eventIDs(c.Between(tt.from, tt.to))
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Between: got %v, want %v", got, tt.want)
			}
			if tt.from == tt.to {
				if act := eventIDs(c.ActiveAt(tt.from)); !reflect.DeepEqual(act, got) {
					t.Errorf("ActiveAt: got %v, want %v", act, got)
				}
			}
		})
	}
}

// TestCatalogBetweenProperty checks Between against the definition for every event and a
// spread of windows: an event is returned exactly when its days overlap the window.
func TestCatalogBetweenProperty(t *testing.T) {
	c := loadTestPack(t)
	for from := DayOf(1942, 1, 1); from < DayOf(1946, 1, 1); from += 17 {
		for _, length := range []Day{0, 1, 30, 400} {
			to := from + length
			in := map[string]bool{}
			for _, e := range c.Between(from, to) {
				in[e.ID] = true
			}
			for _, e := range c.Events() {
				first, last := e.Days()
				if want := first <= to && last >= from; in[e.ID] != want {
					t.Fatalf("Between(%d, %d) has %s: got %v, want %v", from, to, e.ID, in[e.ID], want)
				}
			}
		}
	}
}

func TestCatalogLookups(t *testing.T) {
	c := loadTestPack(t)
	if c.Event("stalingrad") == nil || c.Person("zhukov") == nil || c.Medal("hero-soviet-union") == nil ||
		c.Place("kiev") == nil || c.Organization("red-army") == nil || c.Veteran("korovkina") == nil ||
		c.Source("src-britannica-stalingrad") == nil {
		t.Fatal("a lookup of an existing id returned nil")
	}
	if c.Event("zhukov") != nil || c.Person("stalingrad") != nil || c.Place("nowhere") != nil {
		t.Error("a lookup of an id of another kind or of no item returned an item")
	}
	tests := []struct {
		r      Ref
		name   string
		exists bool
	}{
		{Ref{KindEvent, "stalingrad"}, "Battle of Stalingrad", true},
		{Ref{KindPlace, "konigsberg"}, "Königsberg", true},
		{Ref{KindSource, "src-britannica-stalingrad"}, `Encyclopaedia Britannica, "Battle of Stalingrad"`, true},
		{Ref{KindPerson, "stalingrad"}, "", false},
	}
	for _, tt := range tests {
		if got := c.Name(tt.r); got != tt.name {
			t.Errorf("Name(%v): got %q, want %q", tt.r, got, tt.name)
		}
		if got := c.Exists(tt.r); got != tt.exists {
			t.Errorf("Exists(%v): got %v, want %v", tt.r, got, tt.exists)
		}
	}
}

func TestCatalogLinks(t *testing.T) {
	c := loadTestPack(t)
	tests := []struct {
		name string
		got  []Ref
		want []string
	}{
		{"from stalingrad", c.LinksFrom(Ref{KindEvent, "stalingrad"}), []string{
			"person:zhukov", "person:chuikov", "medal:medal-defence-stalingrad", "place:stalingrad",
			"organization:red-army", "source:src-britannica-stalingrad"}},
		{"to zhukov", c.LinksTo(Ref{KindPerson, "zhukov"}), []string{
			"event:stalingrad", "event:uranus", "organization:red-army", "tour:stalingrad-tour"}},
		{"to place stalingrad", c.LinksTo(Ref{KindPlace, "stalingrad"}), []string{"event:stalingrad", "event:uranus"}},
		{"from red army", c.LinksFrom(Ref{KindOrganization, "red-army"}), []string{
			"person:zhukov", "organization:soviet-army", "source:src-britannica-stalingrad"}},
		{"to the medal", c.LinksTo(Ref{KindMedal, "medal-defence-stalingrad"}), []string{
			"event:stalingrad", "veteran:korovkina"}},
		{"unknown", c.LinksFrom(Ref{KindEvent, "nothing"}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := refIDs(tt.got)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCatalogLinksInverse checks that LinksTo is the inverse of LinksFrom over the whole pack.
func TestCatalogLinksInverse(t *testing.T) {
	c := loadTestPack(t)
	for r := range c.byRef {
		for _, to := range c.LinksFrom(r) {
			if !containsRef(c.LinksTo(to), r) {
				t.Errorf("%v links to %v, but LinksTo(%v) lacks it", r, to, to)
			}
		}
		for _, from := range c.LinksTo(r) {
			if !containsRef(c.LinksFrom(from), r) {
				t.Errorf("LinksTo(%v) has %v, but LinksFrom(%v) lacks it", r, from, from)
			}
		}
	}
}

func containsRef(refs []Ref, r Ref) bool {
	for _, x := range refs {
		if x == r {
			return true
		}
	}
	return false
}

func TestCatalogRelated(t *testing.T) {
	c := loadTestPack(t)
	tests := []struct {
		name string
		r    Ref
		k    Kind
		want []string
	}{
		{"events of zhukov", Ref{KindPerson, "zhukov"}, KindEvent, []string{"event:stalingrad", "event:uranus"}},
		{"medal and event both ways", Ref{KindEvent, "stalingrad"}, KindMedal, []string{"medal:medal-defence-stalingrad"}},
		{"events of the medal", Ref{KindMedal, "medal-defence-stalingrad"}, KindEvent, []string{"event:stalingrad"}},
		{"organizations of the red army", Ref{KindOrganization, "red-army"}, KindOrganization, []string{"organization:soviet-army"}},
		{"people of the red army", Ref{KindOrganization, "red-army"}, KindPerson, []string{"person:zhukov"}},
		{"events of the source by date", Ref{KindSource, "src-britannica-stalingrad"}, KindEvent,
			[]string{"event:lenin-death", "event:stalingrad", "event:uranus", "event:konigsberg-assault"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := refIDs(c.Related(tt.r, tt.k)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Related(%v, %s): got %v, want %v", tt.r, tt.k, got, tt.want)
			}
		})
	}
}

func TestCatalogReturnsCopies(t *testing.T) {
	c := loadTestPack(t)
	evs := c.Events()
	evs[0] = nil
	if c.Events()[0] == nil {
		t.Error("Events() shares its slice with the catalog")
	}
	links := c.LinksFrom(Ref{KindEvent, "stalingrad"})
	links[0] = Ref{}
	if c.LinksFrom(Ref{KindEvent, "stalingrad"})[0] == (Ref{}) {
		t.Error("LinksFrom shares its slice with the catalog")
	}
}
