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

	"frontline-atlas/timeline"
)

// pictureOf finds what the details page shows as the item's picture: "image" for a portrait,
// "monogram" for the initials, "" for neither.
func pictureOf(d *Details) string {
	for _, o := range d.box.Objects {
		if f, ok := o.(*fixedSize); ok {
			for _, c := range f.objs {
				switch c.(type) {
				case *canvas.Image:
					return "image"
				case *canvas.Circle:
					return "monogram"
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
