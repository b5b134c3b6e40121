package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// coreSoakActions is the soak's table for the window as it is: map, timeline, details, top
// bar, search, history, playback, filters, settings, menu and the window's size. Features add
// theirs with addSoakActions (soakdriver_test.go).
func coreSoakActions() []soakAction {
	return []soakAction{
		// Taps at random points: whatever is there gets the tap, as a visitor's finger.
		{"tap map", 14, func(s *soak) { s.tapAt(s.pointIn(s.u.Map)) }},
		{"double-tap map", 3, func(s *soak) { p := s.pointIn(s.u.Map); s.tapAt(p); s.tapAt(p) }},
		{"tap timeline", 14, func(s *soak) { s.tapAt(s.pointIn(s.u.Timeline)) }},
		{"tap details", 8, func(s *soak) { s.tapAt(s.pointIn(s.u.Details.Object())) }},
		{"tap top bar", 4, func(s *soak) {
			p := s.anywhere()
			p.Y = s.rng.Float32() * fyne.Max(s.u.Search.Position().Y+s.u.Search.Size().Height+8, 1)
			s.tapAt(p)
		}},
		{"tap anywhere", 6, func(s *soak) { s.tapAt(s.anywhere()) }},
		{"tap a control", 16, func(s *soak) { s.tapWidget(nil) }},
		{"tap a details link", 8, func(s *soak) {
			s.tapWidget(func(o fyne.CanvasObject) bool { _, ok := o.(*Link); return ok })
		}},

		// Drags: pan the map (with inertia), scroll the timeline or move its date, the split bars.
		{"drag map", 12, func(s *soak) {
			s.drag(s.pointIn(s.u.Map), s.rng.Float32()*800-400, s.rng.Float32()*600-300, 1+s.rng.IntN(12))
		}},
		{"drag timeline", 10, func(s *soak) {
			s.drag(s.pointIn(s.u.Timeline), s.rng.Float32()*1200-600, s.rng.Float32()*40-20, 1+s.rng.IntN(12))
		}},
		{"drag the date cursor", 3, func(s *soak) {
			tv := s.u.Timeline
			at, _ := s.region(tv)
			p := at.Add(fyne.NewPos(tv.X(float64(tv.state.Date())+0.5), tv.Size().Height/2))
			s.drag(p, s.rng.Float32()*600-300, 0, 1+s.rng.IntN(8))
		}},
		{"drag anywhere", 4, func(s *soak) {
			s.drag(s.anywhere(), s.rng.Float32()*400-200, s.rng.Float32()*400-200, 1+s.rng.IntN(4))
		}},

		// Wheel and trackpad.
		{"scroll map", 8, func(s *soak) { s.scroll(s.pointIn(s.u.Map), s.rng.Float32()*20-10, s.rng.Float32()*200-100) }},
		{"scroll timeline", 8, func(s *soak) {
			s.scroll(s.pointIn(s.u.Timeline), s.rng.Float32()*20-10, s.rng.Float32()*200-100)
		}},
		{"scroll details", 3, func(s *soak) { s.scroll(s.pointIn(s.u.Details.Object()), 0, s.rng.Float32()*400-200) }},
		{"scroll anywhere", 2, func(s *soak) { s.scroll(s.anywhere(), s.rng.Float32()*40-20, s.rng.Float32()*200-100) }},

		// Keys: focus traversal, Enter and Space on what has the keyboard, the window's keys.
		{"key", 16, func(s *soak) {
			s.key(pick(s, []fyne.KeyName{fyne.KeyTab, fyne.KeyTab, fyne.KeyTab, fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace, fyne.KeyEscape,
				fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyHome, fyne.KeyEnd,
				fyne.KeyPlus, fyne.KeyMinus, fyne.KeyEqual, fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyF1}))
		}},
		{"shift+tab", 2, func(s *soak) { s.c.FocusPrevious() }},
		{"shortcut", 4, func(s *soak) {
			ctrl := fyne.KeyModifierShortcutDefault
			k := pick(s, []struct {
				k fyne.KeyName
				m fyne.KeyModifier
			}{{fyne.KeyEqual, ctrl}, {fyne.KeyPlus, ctrl}, {fyne.KeyEqual, ctrl | fyne.KeyModifierShift}, {fyne.KeyMinus, ctrl},
				{fyne.Key0, ctrl}, {fyne.KeyLeft, fyne.KeyModifierAlt}, {fyne.KeyRight, fyne.KeyModifierAlt}})
			s.shortcut(k.k, k.m)
		}},

		// Search: type a name (whole, cut short, misspelt, in another script, or noise), then
		// open a result with Enter, the arrows or a tap, take the "did you mean", or leave.
		{"search", 10, soakSearch},
		{"type", 2, func(s *soak) { s.typeText(soakNoise(s)) }},

		// History, selection of every kind of item, the date.
		{"back", 4, func(s *soak) { s.tapAt(s.middle(s.u.BackB)) }},
		{"forward", 3, func(s *soak) { s.tapAt(s.middle(s.u.ForwardB)) }},
		{"select an item", 8, func(s *soak) {
			k := pick(s, timeline.Kinds)
			if items := s.u.Catalog.Items(k); len(items) > 0 {
				s.u.Open(pick(s, items).Ref())
			}
		}},
		{"select nothing", 1, func(s *soak) { s.u.State.ClearSelection() }},
		{"step the date", 4, func(s *soak) {
			b := s.u.Timeline.Controls.Steps[pick(s, []string{"-month", "-week", "-day", "+day", "+week", "+month"})]
			s.tapAt(s.middle(b))
		}},

		// Playback and its speed.
		{"play or pause", 5, func(s *soak) { s.tapAt(s.middle(s.u.Timeline.Controls.PlayB)) }},
		{"playback speed", 2, func(s *soak) {
			sel := s.u.Timeline.Controls.Speed
			sel.SetSelectedIndex(s.rng.IntN(len(sel.Options)))
		}},
		{"speed menu", 1, func(s *soak) { s.tapAt(s.middle(s.u.Timeline.Controls.Speed)) }},
		{"let time pass", 3, func(s *soak) {
			uiLoop.runUntil(soakPause(s), func() bool { return false })
		}},

		// Filters: the pop-up's check boxes.
		{"filters", 3, func(s *soak) {
			s.tapAt(s.middle(s.u.Timeline.Controls.FiltersB))
			for range s.rng.IntN(4) {
				s.tapWidget(func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Check); return ok })
			}
			if s.rng.IntN(2) == 0 {
				s.tapAt(fyne.NewPos(2, 2)) // outside the pop-up: it closes
			}
		}},

		// Settings and the menu.
		{"menu", 3, func(s *soak) {
			s.tapAt(s.middle(s.u.Menu.Button))
			if s.rng.IntN(3) > 0 {
				s.tapWidget(func(o fyne.CanvasObject) bool { _, ok := o.(*MenuItem); return ok })
			}
		}},
		{"settings panel", 2, func(s *soak) {
			s.u.SettingsPanel.Open(s.rng.IntN(2) == 0)
			for range 1 + s.rng.IntN(3) {
				s.tapWidget(func(o fyne.CanvasObject) bool { _, ok := o.(*Button); return ok })
			}
		}},
		{"theme", 1, func(s *soak) { s.u.Settings.SetTheme(pick(s, []string{"light", "dark", "system"})) }},
		{"contrast", 1, func(s *soak) { s.u.Settings.SetHighContrast(s.rng.IntN(2) == 0) }},
		{"text size", 1, func(s *soak) { s.u.Settings.SetTextPercent(80 + 10*s.rng.IntN(13)) }},

		// The window's size, from a small laptop to full HD (and smaller than the app likes).
		{"resize", 2, func(s *soak) {
			sz := pick(s, []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}, {Width: 1024, Height: 768},
				{Width: 800, Height: 600}, {Width: 640, Height: 480}, {Width: 1366, Height: 768}, {Width: 320, Height: 240}})
			if s.rng.IntN(3) == 0 {
				sz = fyne.NewSize(200+s.rng.Float32()*1800, 150+s.rng.Float32()*1000)
			}
			s.w.Resize(sz)
		}},
	}
}

// soakSearch types into the search field and does something with the results.
func soakSearch(s *soak) {
	s.tapAt(s.middle(s.u.Search))
	if s.c.Focused() != s.u.Search {
		return // a pop-up was over the field
	}
	q := pick(s, s.queries)
	switch s.rng.IntN(6) {
	case 0: // cut short, as while typing
		r := []rune(q)
		q = string(r[:1+s.rng.IntN(len(r))])
	case 1: // a typo: a letter dropped or doubled
		r := []rune(q)
		i := s.rng.IntN(len(r))
		if s.rng.IntN(2) == 0 {
			r = append(r[:i], r[i+1:]...)
		} else {
			r = append(r[:i+1], r[i:]...)
		}
		q = string(r)
	case 2:
		q = soakNoise(s)
	}
	s.u.Search.SetText("")
	s.typeText(q)
	switch s.rng.IntN(6) {
	case 0:
		s.key(fyne.KeyReturn)
	case 1:
		for range 1 + s.rng.IntN(5) {
			s.key(pick(s, []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp}))
		}
		s.key(fyne.KeyReturn)
	case 2:
		s.tapWidget(func(o fyne.CanvasObject) bool { _, ok := o.(*searchRowView); return ok })
	case 3:
		s.tapWidget(func(o fyne.CanvasObject) bool { _, ok := o.(*searchNotice); return ok })
	case 4:
		s.key(fyne.KeyEscape)
	default:
		for range s.rng.IntN(4) {
			s.key(fyne.KeyBackspace)
		}
	}
}

// soakQueries are the names of every item (the words a user would search for).
func soakQueries(u *UI) []string {
	var qs []string
	for _, k := range timeline.Kinds {
		for _, it := range u.Catalog.Items(k) {
			if n := strings.TrimSpace(u.Catalog.NameIn(it.Ref(), "en")); n != "" {
				qs = append(qs, n)
			}
			if n := strings.TrimSpace(u.Catalog.NameIn(it.Ref(), "ru")); n != "" {
				qs = append(qs, n)
			}
		}
	}
	return qs
}

// soakNoise is text no one means: other scripts, marks, emoji, control characters, long runs.
func soakNoise(s *soak) string {
	parts := []string{"Сталинград", "Königsberg", "Kyïv", "東京", "🙂", "e\u0301", "\u200b", "\t", "  ", "\x00", "'", "\"", "\\", "%s", "<b>",
		"1942", "-", "…", "ß", "İ", "ǅ", "\u202e", "a", "z", "operation", "of", "the"}
	var b strings.Builder
	for range 1 + s.rng.IntN(6) {
		b.WriteString(pick(s, parts))
	}
	if s.rng.IntN(50) == 0 {
		b.WriteString(strings.Repeat("x", 300))
	}
	return b.String()
}

// soakPause is a short wait (up to a tenth of a second) that lets playback tick and the map's
// background work post its results.
func soakPause(s *soak) time.Duration { return time.Duration(s.rng.IntN(100)) * time.Millisecond }

// middle returns the middle of o on the canvas.
func (s *soak) middle(o fyne.CanvasObject) fyne.Position {
	at, size := s.region(o)
	return at.Add(fyne.NewPos(size.Width/2, size.Height/2))
}
