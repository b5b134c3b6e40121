package app

import (
	"image/color"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/assets"
	"frontline-atlas/timeline"
)

var (
	embeddedOnce sync.Once
	embeddedCat  *timeline.Catalog
	embeddedErr  error
)

// newEmbeddedSearchUI builds the window on the embedded pack (the test pack is too small for
// search: a few items of each kind) with the test content's map, at w×h in the theme named.
func newEmbeddedSearchUI(t *testing.T, w, h float32, themeName string) (*UI, fyne.Window) {
	t.Helper()
	embeddedOnce.Do(func() { embeddedCat, embeddedErr = timeline.LoadFS(assets.Content(), "embedded pack") })
	if embeddedErr != nil {
		t.Fatalf("embedded pack: %v", embeddedErr)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(themeName))
	c := loadTestContent(t)
	u := New(embeddedCat, c.Map, Options{Headless: true})
	win := test.NewTempWindow(t, nil)
	u.Attach(win)
	win.Resize(fyne.NewSize(w, h))
	return u, win
}

// typeQuery focuses the field and types q, a key at a time.
func typeQuery(win fyne.Window, s *Search, q string) {
	win.Canvas().Focus(s)
	test.Type(s, q)
}

func TestSearchFindsAliasAndOpensWithEnter(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	typeQuery(win, u.Search, "konigsberg")
	res := u.Search.Results()
	if len(res) == 0 || res[0].Ref.ID != "konigsberg" {
		t.Fatalf("search for konigsberg: got %v, want Königsberg first", res)
	}
	if !u.Search.Open() {
		t.Error("the results list is not shown")
	}
	u.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := u.Details.Title.Text; got != "Königsberg" {
		t.Fatalf("Enter opened %q, want Königsberg", got)
	}
	if u.Search.Open() || u.Search.Text != "" {
		t.Errorf("after Enter the list is open=%v and the field holds %q", u.Search.Open(), u.Search.Text)
	}
	if win.Canvas().Focused() != nil {
		t.Errorf("the search field keeps the keyboard after Enter: PageDown would not reach the timeline")
	}
}

// TestSearchResultsGroupedByKind: the best match comes first under its own heading, then the
// other hits grouped by kind, each kind once, the group of the best remaining hit first.
func TestSearchResultsGroupedByKind(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	typeQuery(win, u.Search, "berlin") // a place, events, a medal
	res := u.Search.Results()
	if len(res) < 3 {
		t.Fatalf("results for berlin: %v, want a place, events and a medal", res)
	}
	if res[0].Ref != (timeline.Ref{Kind: timeline.KindEvent, ID: "battle-of-berlin"}) || res[1].Ref != (timeline.Ref{Kind: timeline.KindPlace, ID: "berlin"}) {
		t.Errorf("want the Battle of Berlin, then the city: got %v", res)
	}
	seen := map[timeline.Kind]bool{}
	var last timeline.Kind
	for _, h := range res[1:] {
		if h.Ref.Kind != last && seen[h.Ref.Kind] {
			t.Fatalf("results of kind %s are split into two groups: %v", h.Ref.Kind, res)
		}
		seen[h.Ref.Kind], last = true, h.Ref.Kind
	}
	for _, k := range []timeline.Kind{timeline.KindPlace, timeline.KindMedal} {
		if !seen[k] {
			t.Errorf("no %s among the results for berlin: %v", k, res)
		}
	}
	var headings []string
	for i, r := range u.Search.rows {
		if r.header != "" {
			headings = append(headings, u.Search.views[i].nameText())
		}
	}
	if len(headings) < 3 || headings[0] != "Best match" || headings[1] != "Places" {
		t.Errorf("headings %q, want Best match, then Places (the city), then the other kinds", headings)
	}
	if h, _ := u.Search.Highlighted(); h.Ref != res[0].Ref {
		t.Errorf("Enter would open %v, want the best match %v", h.Ref, res[0].Ref)
	}
}

func TestSearchArrowKeysAndEscape(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	typeQuery(win, u.Search, "b") // Battle of Kursk, Battle of Berlin, Berlin, …
	first, ok := u.Search.Highlighted()
	if !ok {
		t.Fatal("nothing highlighted after typing")
	}
	u.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	second, _ := u.Search.Highlighted()
	if second.Ref == first.Ref {
		t.Fatalf("Down did not move the highlight from %v", first.Ref)
	}
	u.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Search.Open() || u.Search.Text != "" {
		t.Errorf("Escape left the list open=%v, text %q", u.Search.Open(), u.Search.Text)
	}
	if u.State.Selection() != (timeline.Ref{}) {
		t.Errorf("Escape selected %v", u.State.Selection())
	}
}

// TestSearchWhatPeopleTypeInTheWindow types the queries of the issue into the search field of
// the window on the embedded pack and checks what a visitor sees: the rows, the "did you
// mean", the "no results" line, and what Enter opens.
func TestSearchWhatPeopleTypeInTheWindow(t *testing.T) {
	tests := []struct {
		query    string
		rows     []string // the first rows shown, headings included
		notice   string   // the line above the results
		entersOn string   // the title of what Enter opens; "" for nothing
	}{
		{"Kyiv", []string{"Best match", "Kiev  Kyiv", "Awards", "Medal \"For the Defence of Kiev\"  Medal For the Defence of Kyiv",
			"Events", "Battle of Kiev (1941)  Kyiv", "Liberation of Kiev  Kyiv"}, "", "Kiev"},
		{"Kaliningrad", []string{"Best match", "Königsberg  Kaliningrad", "Events", "Storming of Königsberg  Kaliningrad"}, "", "Königsberg"},
		{"Volgograd", []string{"Best match", "Stalingrad  Volgograd", "Events", "Battle of Stalingrad  Volgograd"}, "", "Stalingrad"},
		{"Stalingrd", []string{"Best match", "Battle of Stalingrad", "Places", "Stalingrad"}, "Did you mean Stalingrad?", "Battle of Stalingrad"},
		{"Zukov", []string{"Best match", "Georgy Zhukov"}, "Did you mean Zhukov?", "Georgy Zhukov"},
		{"Rokosovsky", []string{"People", "Konstantin Rokossovsky"}, "Did you mean Rokossovsky?", "Konstantin Rokossovsky"},
		{"Kursk", []string{"Best match", "Battle of Kursk", "Places", "Kursk"}, "", "Battle of Kursk"},
		{"xyzzy", nil, "No results for “xyzzy” Check the spelling, or try a surname or today's place name.", ""},
	}
	u, win := newEmbeddedSearchUI(t, 1280, 720, "light")
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			u.Search.SetText("")
			u.State.Select(timeline.Ref{})
			typeQuery(win, u.Search, tt.query)
			if !u.Search.Open() {
				t.Fatalf("%q: the results card is not shown", tt.query)
			}
			var rows []string
			for i := range u.Search.rows {
				v := u.Search.views[i]
				text := v.nameText()
				if note := v.noteText(); note != "" {
					text += "  " + note
				}
				rows = append(rows, text)
			}
			if len(rows) < len(tt.rows) || strings.Join(rows[:len(tt.rows)], "\n") != strings.Join(tt.rows, "\n") {
				t.Errorf("%q: rows\n  %s\nwant them to begin\n  %s", tt.query, strings.Join(rows, "\n  "), strings.Join(tt.rows, "\n  "))
			}
			if tt.rows == nil && len(rows) != 0 {
				t.Errorf("%q: rows %q, want none", tt.query, rows)
			}
			if got := u.Search.notice.Text(); got != tt.notice || u.Search.notice.Visible() != (tt.notice != "") {
				t.Errorf("%q: notice %q (visible %v), want %q", tt.query, got, u.Search.notice.Visible(), tt.notice)
			}
			u.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if tt.entersOn == "" {
				if u.State.Selection() != (timeline.Ref{}) || !u.Search.Open() {
					t.Errorf("%q: Enter with no results selected %v, card open %v", tt.query, u.State.Selection(), u.Search.Open())
				}
				return
			}
			if got := u.Details.Title.Text; got != tt.entersOn {
				t.Errorf("%q: Enter opened %q, want %q", tt.query, got, tt.entersOn)
			}
		})
	}
}

// TestSearchNeverDisappearsWhileTyping types names a letter at a time, with a typo or into
// nothing: after every key the card is there, with results or saying there are none.
func TestSearchNeverDisappearsWhileTyping(t *testing.T) {
	u, win := newEmbeddedSearchUI(t, 1280, 720, "light")
	for _, q := range []string{"Rokosovsky", "Stalingrd", "Zukov", "Kyiv", "qzx"} {
		u.Search.SetText("")
		win.Canvas().Focus(u.Search)
		for i, r := range q {
			test.Type(u.Search, string(r))
			typed := q[:i+len(string(r))]
			if !u.Search.Open() {
				t.Fatalf("after typing %q the results card is gone", typed)
			}
			if len(u.Search.Results()) == 0 && !strings.HasPrefix(u.Search.notice.Text(), "No results for") {
				t.Fatalf("after typing %q: no results and no line saying so (%q)", typed, u.Search.notice.Text())
			}
		}
	}
	// Deleting the text closes the card.
	u.Search.SetText("")
	if u.Search.Open() {
		t.Error("the card stays open over an empty field")
	}
}

func TestSearchDidYouMeanTap(t *testing.T) {
	u, win := newEmbeddedSearchUI(t, 1280, 720, "light")
	typeQuery(win, u.Search, "Stalingrd")
	if got := u.Search.DidYouMean(); got != "Stalingrad" {
		t.Fatalf("did you mean: %q, want Stalingrad", got)
	}
	// The card fits its few rows below the suggestion: nothing to scroll.
	if rows, room := u.Search.box.MinSize().Height, u.Search.scroll.Size().Height; rows > room+0.5 {
		t.Errorf("the rows need %.0f px but get %.0f under the suggestion", rows, room)
	}
	test.Tap(u.Search.notice)
	if u.Search.Text != "Stalingrad" {
		t.Fatalf("after tapping the suggestion the field holds %q", u.Search.Text)
	}
	if u.Search.DidYouMean() != "" || u.Search.notice.Visible() {
		t.Errorf("the suggestion is still offered after it was taken: %q", u.Search.notice.Text())
	}
	if res := u.Search.Results(); len(res) == 0 || res[0].Typo || res[0].Ref.ID != "battle-of-stalingrad" {
		t.Errorf("results for Stalingrad: %v", res)
	}
	if win.Canvas().Focused() != u.Search || !u.Search.Open() {
		t.Error("after the suggestion the field lost the keyboard or the card closed")
	}
}

// TestSearchVisibleRowsAt720p: in a 1280×720 window, in both themes, the card shows at least
// 8 results at once (besides their headings) and ends inside the window.
func TestSearchVisibleRowsAt720p(t *testing.T) {
	for _, th := range []string{"light", "dark"} {
		u, win := newEmbeddedSearchUI(t, 1280, 720, th)
		typeQuery(win, u.Search, "Moscow") // ten events, the city, the medal
		s := u.Search
		visible := func() (hits, headers int) {
			off, h := s.scroll.Offset.Y, s.scroll.Size().Height
			for i := range s.rows {
				v := s.views[i]
				if top := v.Position().Y - off; top >= 0 && top+v.Size().Height <= h+0.5 {
					if s.rows[i].header != "" {
						headers++
					} else {
						hits++
					}
				}
			}
			return hits, headers
		}
		hits, headers := visible()
		t.Logf("%s: %d results, %d headings visible; card %v, scroll %v of %v", th, hits, headers, s.card.Size(), s.scroll.Size(), s.box.MinSize())
		if hits < 8 || headers < 1 {
			t.Errorf("%s: %d results and %d headings visible at 1280×720, want at least 8 and 1", th, hits, headers)
		}
		cardBottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.card).Y + s.card.Size().Height
		if cardBottom > 720 {
			t.Errorf("%s: the card ends at y=%.0f, below the window", th, cardBottom)
		}
		for i, r := range s.rows {
			if r.header == "" && s.views[i].Size().Height < touchMin {
				t.Errorf("%s: result row %q is %.0f px high, want at least %d for a finger", th, r.hit.Name, s.views[i].Size().Height, touchMin)
			}
		}
	}
}

// TestSearchTextReadable checks the colours of the card's text in the four themes: headings,
// names, the names matched and the notices have a contrast of at least 4.5:1 (WCAG AA) on what
// is behind them; headings are bold, of the body text size, on a band that sets them apart.
func TestSearchTextReadable(t *testing.T) {
	for _, th := range []string{"light", "dark", "high-contrast-light", "high-contrast-dark"} {
		u, win := newEmbeddedSearchUI(t, 1280, 720, th)
		typeQuery(win, u.Search, "Kyiv") // headings, hits with matched names, the highlight
		s := u.Search
		card := theme.Color(theme.ColorNameOverlayBackground)
		check := func(what string, fg, bg color.Color) {
			t.Helper()
			if r := contrastRatio(over(fg, card), bg); r < searchMinContrast {
				t.Errorf("%s: %s has a contrast of %.2f, want at least %.1f", th, what, r, searchMinContrast)
			}
		}
		for i, r := range s.rows {
			v := s.views[i]
			under := over(v.bg.FillColor, card)
			check("row "+v.nameText(), v.name.Color, under)
			if r.header != "" {
				if !v.name.TextStyle.Bold || v.name.TextSize < theme.TextSize() {
					t.Errorf("%s: heading %q is bold=%v size %.0f, want bold at least %.0f", th, r.header, v.name.TextStyle.Bold, v.name.TextSize, theme.TextSize())
				}
				if c := contrastRatio(under, card); c < 1.05 {
					t.Errorf("%s: heading band is not set apart from the card (contrast %.3f)", th, c)
				}
				continue
			}
			if v.noteText() != "" {
				check("matched name beside "+v.nameText(), v.note.Color, under)
			}
			if v.current {
				check("Enter hint", v.enter.Color, under)
			}
		}
		typeQuery(win, s, "xyzzy")
		check("no results", s.notice.before.Color, card)
		check("no results hint", s.notice.hint.Color, card)
		s.SetText("")
		typeQuery(win, s, "Stalingrd")
		check("did you mean", s.notice.before.Color, card)
		check("the suggestion", s.notice.word.Color, card)
	}
}

func TestSearchTapRowOpens(t *testing.T) {
	u, win := newEmbeddedSearchUI(t, 1280, 720, "light")
	typeQuery(win, u.Search, "Kursk")
	for i, r := range u.Search.rows {
		if r.hit.Ref == (timeline.Ref{Kind: timeline.KindPlace, ID: "kursk"}) {
			test.Tap(u.Search.views[i])
			break
		}
	}
	if got := u.Details.Title.Text; got != "Kursk" {
		t.Fatalf("tapping the city's row opened %q", got)
	}
	if u.Search.Open() || u.Search.Text != "" {
		t.Errorf("after the tap the card is open=%v, the field holds %q", u.Search.Open(), u.Search.Text)
	}
}

// TestSearchClosesOnTapElsewhere: the card closes when the field loses the keyboard to a tap
// outside it, but not when a press on the card itself takes the keyboard (the press comes
// before the tap that opens a result).
func TestSearchClosesOnTapElsewhere(t *testing.T) {
	u, win := newEmbeddedSearchUI(t, 1280, 720, "light")
	typeQuery(win, u.Search, "Kursk")
	win.Canvas().Unfocus()
	if u.Search.Open() {
		t.Fatal("the card stays open after the field lost the keyboard")
	}
	win.Canvas().Focus(u.Search)
	if !u.Search.Open() {
		t.Fatal("the card does not come back when the field gets the keyboard again")
	}
	row := u.Search.views[1]
	row.MouseDown(nil)
	win.Canvas().Unfocus() // what the desktop driver does on a press on something unfocusable
	if !u.Search.Open() {
		t.Fatal("a press on a result closed the card before its tap")
	}
	test.Tap(row)
	row.MouseUp(nil)
	if got := u.Details.Title.Text; got != "Battle of Kursk" {
		t.Errorf("the tap after the press opened %q", got)
	}
	// A press and tap on a heading opens nothing: the field gets the keyboard back and the card
	// stays.
	typeQuery(win, u.Search, "Kursk")
	heading := u.Search.views[0]
	heading.MouseDown(nil)
	win.Canvas().Unfocus()
	test.Tap(heading)
	heading.MouseUp(nil)
	if !u.Search.Open() || win.Canvas().Focused() != u.Search {
		t.Errorf("after a tap on a heading the card is open=%v, the field focused=%v", u.Search.Open(), win.Canvas().Focused() == u.Search)
	}
	win.Canvas().Unfocus() // a tap elsewhere after that still closes it
	if u.Search.Open() {
		t.Error("the card stays open after a tap on a heading and one elsewhere")
	}
}

// TestSearchDragScrollsResults: a finger drags the results (a Scroll ignores drags on
// desktop); a drag does not open the row it started on, a wobble of a few pixels does.
func TestSearchDragScrollsResults(t *testing.T) {
	u, win := newEmbeddedSearchUI(t, 1280, 480, "light")
	typeQuery(win, u.Search, "Moscow")
	s := u.Search
	if s.box.MinSize().Height <= s.scroll.Size().Height {
		t.Fatalf("the results fit (%.0f in %.0f): nothing to scroll", s.box.MinSize().Height, s.scroll.Size().Height)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.views[3]).AddXY(100, 10)
	test.Drag(win.Canvas(), pos, 0, -120)
	if got := s.scroll.Offset.Y; got < 100 {
		t.Errorf("after dragging the results up by 120 px they scrolled by %.0f", got)
	}
	if u.State.Selection() != (timeline.Ref{}) {
		t.Errorf("the drag opened %v", u.State.Selection())
	}
	test.Drag(win.Canvas(), pos, 0, 3)
	if u.State.Selection() == (timeline.Ref{}) {
		t.Error("a 3 px wobble was not taken for a tap")
	}
}

// TestSearchRowsInContentLanguage: with content shown in Russian, the rows give the names in
// Russian where the pack has them, and beside them the name that matched.
func TestSearchRowsInContentLanguage(t *testing.T) {
	u, win := newEmbeddedSearchUI(t, 1280, 720, "light")
	u.Search.lang = "ru"
	typeQuery(win, u.Search, "Volgograd")
	for i, r := range u.Search.rows {
		if r.hit.Ref == (timeline.Ref{Kind: timeline.KindPlace, ID: "stalingrad"}) {
			if v := u.Search.views[i]; v.nameText() != "Сталинград" || v.noteText() != "Volgograd" {
				t.Errorf("the city's row: %q beside %q, want Сталинград beside Volgograd", v.nameText(), v.noteText())
			}
			return
		}
	}
	t.Errorf("Volgograd: no row for the city in %v", u.Search.Results())
}
