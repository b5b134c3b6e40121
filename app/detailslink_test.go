package app

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/timeline"
)

// pageLinks returns the links of the details page in the order shown.
func pageLinks(d *Details) []fyne.Focusable {
	var out []fyne.Focusable
	for _, o := range d.box.Objects {
		if l, ok := o.(*Link); ok {
			out = append(out, l)
		}
	}
	return out
}

// tabOrder presses Tab (or Shift+Tab) from nothing focused until the keyboard comes back to the
// first control, and returns the controls in the order reached.
func tabOrder(c fyne.Canvas, back bool) []fyne.Focusable {
	c.Unfocus()
	var out []fyne.Focusable
	for range 200 {
		if back {
			c.FocusPrevious()
		} else {
			c.FocusNext()
		}
		f := c.Focused()
		if f == nil || (len(out) > 0 && f == out[0]) {
			break
		}
		out = append(out, f)
	}
	return out
}

func indexOf(order []fyne.Focusable, f fyne.Focusable) int { return slices.Index(order, f) }

// Tab goes through the top bar (the search field, the date, Back, Forward, ☰), then the map's buttons,
// then every link of the details panel in the order shown, then the timeline's controls;
// Shift+Tab goes the same way back. A disabled button is passed over.
func TestTabOrder(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{Event: "battle-of-kursk"})
	u.Open(timeline.Ref{Kind: timeline.KindPerson, ID: "zhukov"}) // Back is enabled, Forward not
	c := win.Canvas()
	order := tabOrder(c, false)
	if len(order) < 10 {
		t.Fatalf("Tab reaches only %d controls", len(order))
	}
	if want := []fyne.Focusable{u.Search, u.Date, u.BackB, u.Menu.Button}; !slices.Equal(order[:4], want) {
		t.Fatalf("Tab begins with %T, %T, %T, %T; want the search field, the date, Back and ☰ (Forward is disabled)", order[0], order[1], order[2], order[3])
	}
	links := pageLinks(u.Details)
	if len(links) < 4 {
		t.Fatalf("the page of Zhukov has %d links", len(links))
	}
	first := indexOf(order, links[0])
	if first < 0 || !slices.Equal(order[first:first+len(links)], links) {
		t.Fatalf("Tab does not go through the details links one after the other in page order (first at %d)", first)
	}
	for _, b := range []fyne.Focusable{u.Map.ZoomInB, u.Map.ZoomOutB} {
		if i := indexOf(order, b); i < 4 || i > first {
			t.Errorf("the map button %p is reached at %d, want between the top bar and the details links (%d)", b, i, first)
		}
	}
	if i := indexOf(order, u.Timeline.Controls.PlayB); i < first+len(links) {
		t.Errorf("the timeline's Play is reached at %d, want after the details links (%d…%d)", i, first, first+len(links)-1)
	}
	backOrder := tabOrder(c, true)
	slices.Reverse(backOrder)
	if !slices.Equal(backOrder, order) {
		t.Errorf("Shift+Tab does not go through the same controls in reverse (%d against %d)", len(backOrder), len(order))
	}
}

// A link the keyboard is on shows a ring in the theme's focus colour, and Enter, Return or
// Space open it.
func TestEnterOpensFocusedLink(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace} {
		u, win := newTestUI(t, 1280, 800, Options{Event: "battle-of-kursk"})
		l := u.Details.Links["person:zhukov"]
		win.Canvas().Focus(l)
		ring := focusRing(l)
		if ring == nil {
			t.Fatalf("the focused link shows no ring")
		}
		if want := theme.Color(theme.ColorNameFocus); !sameColor(ring.StrokeColor, want) || ring.StrokeWidth < 2 {
			t.Errorf("the ring is %v, %.0f px; want the focus colour %v, 2 px", ring.StrokeColor, ring.StrokeWidth, want)
		}
		win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
		if got := u.Details.Title.Text; got != "Georgy Zhukov" {
			t.Errorf("%s on the focused link opened %q, want Georgy Zhukov", key, got)
		}
	}
}

// focusRing returns the visible focus rectangle a hyperlink draws, or nil.
func focusRing(l *Link) *canvas.Rectangle {
	for _, o := range test.WidgetRenderer(l).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && r.StrokeWidth > 0 {
			return r
		}
	}
	return nil
}

// Escape on a link gives the keyboard back to the window, so the arrows move the date again.
func TestEscapeLeavesLink(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{Event: "battle-of-kursk"})
	win.Canvas().Focus(u.Details.Links["person:zhukov"])
	win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f := win.Canvas().Focused(); f != nil {
		t.Fatalf("after Escape the keyboard is on %T", f)
	}
	before := u.State.Date()
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if u.State.Date() == before {
		t.Error("→ with nothing focused does not move the date")
	}
}

// A link the keyboard moves to below the fold is scrolled into view.
func TestFocusedLinkScrollsIntoView(t *testing.T) {
	u, win := newTestUI(t, 1280, 420, Options{})
	u.Open(timeline.Ref{Kind: timeline.KindPerson, ID: "zhukov"})
	links := pageLinks(u.Details)
	last := links[len(links)-1].(*Link)
	view := u.Details.view
	if last.Position().Y+last.Size().Height <= view.Size().Height {
		t.Skipf("the page fits the panel (%.0f px): nothing to scroll", view.Size().Height)
	}
	win.Canvas().Focus(last)
	top, bottom := last.Position().Y-view.Offset.Y, last.Position().Y+last.Size().Height-view.Offset.Y
	if top < 0 || bottom > view.Size().Height {
		t.Errorf("the focused link is at %.0f…%.0f of a panel %.0f px high", top, bottom, view.Size().Height)
	}
	win.Canvas().Focus(links[0].(*Link))
	if links[0].(*Link).Position().Y < view.Offset.Y {
		t.Errorf("going back to the first link leaves it above the view")
	}
}

// A source's web address is a link: a tap or Enter opens it with the system's browser, and
// only then. No other link of any page opens an address.
func TestSourceLinkOpensBrowser(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{Event: "battle-of-kursk"})
	var opened []string
	u.Details.OpenURL = func(a *url.URL) error { opened = append(opened, a.String()); return nil }
	if len(opened) != 0 {
		t.Fatal("showing a page opened an address")
	}
	// Every item link of every page opens an item, never an address.
	for _, k := range timeline.Kinds {
		for _, it := range u.Catalog.Items(k) {
			u.Details.Show(it.Ref())
			for key, l := range u.Details.Links {
				l.OnTapped()
				if len(opened) != 0 {
					t.Fatalf("the link %s on the page of %s opened %v", key, it.Ref(), opened)
				}
				u.Details.Show(it.Ref())
			}
		}
	}
	u.Details.Show(timeline.Ref{Kind: timeline.KindEvent, ID: "battle-of-kursk"})
	l := u.Details.SourceLinks["s1"]
	if l == nil || l.Text != "https://example.org/test" {
		t.Fatalf("the source s1 has no link to its address: %v", l)
	}
	tapLink(l)
	win.Canvas().Focus(l)
	win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := []string{"https://example.org/test", "https://example.org/test"}; !slices.Equal(opened, want) {
		t.Errorf("tap and Enter on the source link opened %v, want %v", opened, want)
	}
}

// The app hands an address to the system in one place only: openInBrowser, the default of
// Details.OpenURL, which only a source link calls. No hyperlink is given an address of its own
// (Fyne would open it on a tap).
func TestOneWayToTheNetwork(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	files = append(files, "../main.go")
	openURL := regexp.MustCompile(`\.OpenURL\(`)
	urlField := regexp.MustCompile(`NewHyperlink(WithStyle)?\([^)]*,\s*[^n)][^)]*\)|\.SetURL|\.URL\s*=[^=]`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if openURL.MatchString(line) {
				if f == "details.go" && strings.Contains(line, "d.OpenURL(u)") {
					continue // the source link, through the field tests replace
				}
				n++
				if f != "details.go" || !strings.Contains(line, "func openInBrowser") {
					t.Errorf("%s: %q opens an address outside openInBrowser", f, strings.TrimSpace(line))
				}
			}
			if urlField.MatchString(line) {
				t.Errorf("%s: %q gives a hyperlink an address", f, strings.TrimSpace(line))
			}
		}
	}
	if n != 1 {
		t.Errorf("found %d calls of OpenURL, want the one in openInBrowser", n)
	}
}

// The date of the top bar, reached with Tab, moves the date with the arrows (a day, a month),
// Home and End, and shows a ring while it has the keyboard.
func TestDateControlKeys(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{Date: timeline.DayOf(1943, 1, 31)})
	c := win.Canvas()
	c.Focus(u.Date)
	ring := test.WidgetRenderer(u.Date).Objects()[1].(*canvas.Rectangle)
	if !ring.Visible() || !sameColor(ring.StrokeColor, theme.Color(theme.ColorNameFocus)) {
		t.Errorf("the focused date shows no ring in the focus colour")
	}
	for _, step := range []struct {
		key  fyne.KeyName
		want timeline.Day
	}{
		{fyne.KeyRight, timeline.DayOf(1943, 2, 1)},
		{fyne.KeyLeft, timeline.DayOf(1943, 1, 31)},
		{fyne.KeyUp, timeline.DayOf(1943, 2, 28)},
		{fyne.KeyDown, timeline.DayOf(1943, 1, 28)},
		{fyne.KeyEnd, timeline.PeriodEnd},
		{fyne.KeyHome, timeline.PeriodStart},
		{fyne.KeyLeft, timeline.PeriodStart},
	} {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: step.key})
		if got := u.State.Date(); got != step.want {
			t.Errorf("%s: %s, want %s", step.key, got.Date(), step.want.Date())
		}
	}
	if u.DateText.Text != timeline.PeriodStart.Date().Human() {
		t.Errorf("the top bar shows %q", u.DateText.Text)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Focused() != nil || ring.Visible() {
		t.Errorf("Escape leaves the keyboard on %T, ring shown %v", c.Focused(), ring.Visible())
	}
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		from timeline.Day
		n    int
		want timeline.Day
	}{
		{timeline.DayOf(1943, 1, 31), 1, timeline.DayOf(1943, 2, 28)},
		{timeline.DayOf(1944, 1, 31), 1, timeline.DayOf(1944, 2, 29)},
		{timeline.DayOf(1943, 12, 15), 1, timeline.DayOf(1944, 1, 15)},
		{timeline.DayOf(1943, 1, 15), -1, timeline.DayOf(1942, 12, 15)},
		{timeline.DayOf(1943, 3, 31), -13, timeline.DayOf(1942, 2, 28)},
		{timeline.DayOf(1943, 5, 9), 24, timeline.DayOf(1945, 5, 9)},
	} {
		if got := addMonths(tc.from, tc.n); got != tc.want {
			t.Errorf("%s %+d months: %s, want %s", tc.from.Date(), tc.n, got.Date(), tc.want.Date())
		}
	}
}
