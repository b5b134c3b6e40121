package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Each supplement font comes first in Fyne's chain, so Fyne measures lines (and monospace tab
// stops) with it whenever it resolves the space to it: its units per em, vertical metrics and
// space advance must be those of the Fyne font that follows it, or every label would move.
func TestSupplementFontsKeepFyneMetrics(t *testing.T) {
	th := NewTheme("light")
	for _, st := range []struct {
		name  string
		style fyne.TextStyle
		fyne  fyne.Resource
	}{
		{"regular", fyne.TextStyle{}, theme.DefaultTextFont()},
		{"bold", fyne.TextStyle{Bold: true}, theme.DefaultTextBoldFont()},
		{"italic", fyne.TextStyle{Italic: true}, theme.DefaultTextItalicFont()},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, theme.DefaultTextBoldFont()},
		{"monospace", fyne.TextStyle{Monospace: true}, theme.DefaultTextMonospaceFont()},
	} {
		sup := th.Font(st.style)
		if sup == st.fyne {
			continue
		}
		a, b := parseFont(t, sup), parseFont(t, st.fyne)
		var buf sfnt.Buffer
		if a.UnitsPerEm() != b.UnitsPerEm() {
			t.Errorf("%s: %s has %d units per em, %s %d", st.name, sup.Name(), a.UnitsPerEm(), st.fyne.Name(), b.UnitsPerEm())
		}
		for _, ppem := range []fixed.Int26_6{fixed.I(11), fixed.I(14), fixed.I(28)} {
			ma, err1 := a.Metrics(&buf, ppem, font.HintingNone)
			mb, err2 := b.Metrics(&buf, ppem, font.HintingNone)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if ma.Height != mb.Height || ma.Ascent != mb.Ascent || ma.Descent != mb.Descent {
				t.Errorf("%s at %v px: %s has height/ascent/descent %v/%v/%v, %s %v/%v/%v", st.name, ppem,
					sup.Name(), ma.Height, ma.Ascent, ma.Descent, st.fyne.Name(), mb.Height, mb.Ascent, mb.Descent)
			}
			if sa, sb := spaceAdvance(t, a, ppem), spaceAdvance(t, b, ppem); sa != sb {
				t.Errorf("%s at %v px: the space of %s advances %v, of %s %v", st.name, ppem, sup.Name(), sa, st.fyne.Name(), sb)
			}
		}
	}
}

func parseFont(t *testing.T, r fyne.Resource) *sfnt.Font {
	t.Helper()
	f, err := sfnt.Parse(r.Content())
	if err != nil {
		t.Fatalf("%s: %v", r.Name(), err)
	}
	return f
}

func spaceAdvance(t *testing.T, f *sfnt.Font, ppem fixed.Int26_6) fixed.Int26_6 {
	t.Helper()
	var buf sfnt.Buffer
	g, err := f.GlyphIndex(&buf, ' ')
	if err != nil || g == 0 {
		t.Fatalf("no space glyph: %v", err)
	}
	adv, err := f.GlyphAdvance(&buf, g, ppem, font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	return adv
}

// Names in Georgian, Chinese, Japanese and Korean, the minus of "−month" and Cyrillic, in the
// four text styles the UI uses, drawn with the app's theme and compared with a golden image:
// every glyph comes from the embedded fonts, so the picture is the same on any machine, and a
// rune (or a space after one) that no embedded font has shows as "�" and fails the test.
func TestMixedScriptsRenderWithEmbeddedFonts(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme("light"))
	s := "毛泽东 · 関東軍 · 김일성 · ლავრენტი ბერია · −month · Жуков"
	box := container.NewVBox()
	for _, st := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}} {
		box.Add(widget.NewLabelWithStyle(s, fyne.TextAlignLeading, st))
	}
	w := test.NewTempWindow(t, box)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(560, 170))
	test.AssertImageMatches(t, "fonts-mixed-scripts.png", w.Canvas().Capture())
}
