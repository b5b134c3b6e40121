package app

import (
	"bytes"
	"log"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// pictureOf finds what the details page shows as the item's picture: "image" for a portrait,
// "monogram" for the initials, "" for neither.
func pictureOf(d *Details) string {
	for _, o := range d.box.Objects {
		switch f := o.(type) {
		case *monogram:
			return "monogram"
		case *fixedSize:
			for _, c := range f.objs {
				if _, ok := c.(*canvas.Image); ok {
					return "image"
				}
			}
		}
	}
	return ""
}

func TestPortraitOrMonogram(t *testing.T) {
	var logs bytes.Buffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)
	u, _ := newTestUI(t, 1280, 800, Options{})
	person := func(id string) timeline.Ref { return timeline.Ref{Kind: timeline.KindPerson, ID: id} }
	cases := []struct{ id, want string }{
		{"zhukov", "image"},        // images/zhukov.png
		{"konev", "monogram"},      // images/konev.png is not an image
		{"vasilevsky", "monogram"}, // images/vasilevsky.png is missing
		{"konev", "monogram"},      // again: no second message
	}
	for _, c := range cases {
		u.Open(person(c.id))
		if got := pictureOf(u.Details); got != c.want {
			t.Errorf("%s: picture is %q, want %q", c.id, got, c.want)
		}
	}
	if n := strings.Count(logs.String(), `person "konev"`); n != 1 {
		t.Errorf("the bad image of konev was reported %d times, want once:\n%s", n, logs.String())
	}
	if n := strings.Count(logs.String(), `person "vasilevsky"`); n != 1 {
		t.Errorf("the missing image of vasilevsky was reported %d times, want once:\n%s", n, logs.String())
	}
	if got := u.Catalog.Warnings(); len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), "vasilevsky") {
		t.Errorf("the missing image is not among the pack's warnings: %v", got)
	}
}

func TestMedalPageDrawsEveryRibbonClass(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	u.Open(timeline.Ref{Kind: timeline.KindMedal, ID: "medal-capture-berlin"})
	n := 0
	for _, o := range u.Details.box.Objects {
		if r, ok := o.(*Ribbon); ok {
			n++
			if got := len(test.WidgetRenderer(r).Objects()); got != len(r.Spec.Stripes)+1 {
				t.Errorf("ribbon draws %d objects, want %d stripes and a border", got, len(r.Spec.Stripes)+1)
			}
		}
	}
	if n != 1 {
		t.Fatalf("medal page shows %d ribbons, want 1", n)
	}
	// The medal's page links to the event it was awarded for (a back-link).
	if _, ok := u.Details.Links["event:battle-of-berlin"]; !ok {
		t.Errorf("the medal page does not link back to the Battle of Berlin: %v", keys(u.Details.Links))
	}
}

func TestPlacePageListsNamesAndEvents(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	u.Open(timeline.Ref{Kind: timeline.KindPlace, ID: "stalingrad"})
	text := markupText(u.Details)
	for _, want := range []string{"Tsaritsyn", "Volgograd", "Operation Uranus"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Stalingrad page lacks %q:\n%s", want, text)
		}
	}
}

// markupText returns the text of every label, rich text and link on the details page.
func markupText(d *Details) string {
	var b strings.Builder
	for _, o := range d.box.Objects {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *Link:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	}
	return b.String()
}

// TestEveryKindOpensItsPage opens one item of every kind through the same Details.Show: the
// caption names the kind, the title is the item's name, the groups of links are those of the
// kind's page, and the sources it cites are listed.
func TestEveryKindOpensItsPage(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	for _, k := range timeline.Kinds {
		t.Run(string(k), func(t *testing.T) {
			items := u.Catalog.Items(k)
			if len(items) == 0 {
				t.Fatalf("the test pack has no %s", k)
			}
			it := items[0]
			u.Details.Show(it.Ref())
			text := markupText(u.Details)
			if caption := strings.ToUpper(k.Label()); !strings.HasPrefix(text, caption+"\n") {
				t.Errorf("the page does not start with the caption %q:\n%s", caption, text)
			}
			if got, want := u.Details.Title.Text, it.NameIn(timeline.DefaultLang); got != want {
				t.Errorf("title %q, want %q", got, want)
			}
			for _, g := range pages[k].groups {
				if len(u.Catalog.Related(it.Ref(), g.kind)) > 0 && !strings.Contains(text, g.heading()+"\n") {
					t.Errorf("the page lacks the heading %q over its related %s items:\n%s", g.heading(), g.kind, text)
				}
			}
			if src := it.Citations().Sources; len(src) > 0 && !strings.Contains(text, u.Catalog.Source(src[0]).Citation) {
				t.Errorf("the page does not list the source %q:\n%s", src[0], text)
			}
		})
	}
}

// TestPlaceHeldPeriods: a place's page lists when the USSR's adversaries held it, says when a
// period begins where the atlas's fronts begin to cover the place (Harbin was Japanese long
// before August 1945) or ends where they stop, and says that the fronts do not reach a place
// rather than "never". (geo's TestHeldHistoryEdges checks the histories of real places.)
func TestPlaceHeldPeriods(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	const (
		heading = "Held by the USSR's adversaries"
		already = "Already held when the front lines of this atlas reach it, on 9 Aug 1945."
		still   = "Still held when the front lines of this atlas end here"
		never   = "Never, by the front lines of this atlas."
		reach   = "The front lines of this atlas do not reach this place."
	)
	day := func(y, m, d int) int { return int(timeline.DayOf(y, m, d)) }
	tests := []struct {
		name    string
		h       geo.HeldHistory
		want    []string
		notWant []string
	}{
		{"a plain period", geo.HeldHistory{Covered: true, Periods: []geo.HeldPeriod{{DayRange: geo.DayRange{From: day(1942, 9, 13), To: day(1943, 2, 2)}}}},
			[]string{heading, "1942", "1943"}, []string{already, still, never, reach}},
		{"held before the fronts begin", geo.HeldHistory{Covered: true, Periods: []geo.HeldPeriod{{DayRange: geo.DayRange{From: day(1945, 8, 9), To: day(1945, 8, 19)}, OpenStart: true}}},
			[]string{heading, already}, []string{still, never, reach}},
		{"still held when they end", geo.HeldHistory{Covered: true, Periods: []geo.HeldPeriod{{DayRange: geo.DayRange{From: day(1941, 9, 19), To: day(1945, 9, 2)}, OpenEnd: true}}},
			[]string{still}, []string{already, never, reach}},
		{"never held", geo.HeldHistory{Covered: true}, []string{heading, never}, []string{reach}},
		{"not covered", geo.HeldHistory{}, []string{heading, reach}, []string{never}},
	}
	for _, tc := range tests {
		u.Details.Held = func(lon, lat float64) geo.HeldHistory { return tc.h }
		u.Open(timeline.Ref{Kind: timeline.KindPlace, ID: "kursk"}) // the page is rebuilt when the item changes
		u.Open(timeline.Ref{Kind: timeline.KindPlace, ID: "stalingrad"})
		text := markupText(u.Details)
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the page lacks %q:\n%s", tc.name, w, text)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(text, w) {
				t.Errorf("%s: the page says %q:\n%s", tc.name, w, text)
			}
		}
	}
}
