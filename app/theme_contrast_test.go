package app

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// themeCase is one of the four palettes, as the app sets it.
type themeCase struct {
	name       string
	appearance Appearance
}

var themeCases = []themeCase{
	{"light", Appearance{Variant: "light"}},
	{"dark", Appearance{Variant: "dark"}},
	{"high-contrast light", Appearance{Variant: "light", HighContrast: true}},
	{"high-contrast dark", Appearance{Variant: "dark", HighContrast: true}},
}

// contrastPair is a colour drawn on another: text on its background, or a ring or outline
// beside the background it must stand out from.
type contrastPair struct {
	what   string
	fg, bg fyne.ThemeColorName
	// under is what bg is drawn over when it is translucent (hover, selection); "" for none.
	under fyne.ThemeColorName
	text  bool // text (4.5:1, 7:1 in high contrast); else a ring or outline (3:1)
	// aa is text held to 4.5:1 in high contrast too: the focus colour both rings a link on the
	// background (3:1) and fills a focused button under its text, and no colour gives 7:1 to
	// the text while keeping 3:1 for the ring.
	aa bool
}

// themeTextPairs lists every pair of theme colours the app draws text with, and the rings and
// outlines that show focus and fields.
var themeTextPairs = []contrastPair{
	{"text on the window", theme.ColorNameForeground, theme.ColorNameBackground, "", true, false},
	{"text on dialogs, menus and the search card", theme.ColorNameForeground, theme.ColorNameOverlayBackground, "", true, false},
	{"text of pop-up menus", theme.ColorNameForeground, theme.ColorNameMenuBackground, "", true, false},
	{"text typed in a field", theme.ColorNameForeground, theme.ColorNameInputBackground, "", true, false},
	{"text on a button", theme.ColorNameForeground, theme.ColorNameButton, "", true, false},
	{"text on a hovered button", theme.ColorNameForeground, theme.ColorNameHover, theme.ColorNameButton, true, false},
	{"text on a focused button", theme.ColorNameForeground, theme.ColorNameFocus, theme.ColorNameButton, true, true},
	{"text on the highlighted search result", theme.ColorNameForeground, theme.ColorNameSelection, theme.ColorNameOverlayBackground, true, false},
	{"selected text in a field", theme.ColorNameForeground, theme.ColorNameSelection, theme.ColorNameInputBackground, true, false},
	{"placeholder in a field", theme.ColorNamePlaceHolder, theme.ColorNameInputBackground, "", true, false},
	{"links on the window", theme.ColorNameHyperlink, theme.ColorNameBackground, "", true, false},
	{"links on dialogs and the search card", theme.ColorNameHyperlink, theme.ColorNameOverlayBackground, "", true, false},
	{"accent text (a selected label)", theme.ColorNamePrimary, theme.ColorNameBackground, "", true, false},
	{"text on an accent button (the setting chosen)", theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, "", true, false},
	{"kind labels and aliases (muted text)", ColorNameMutedText, theme.ColorNameBackground, "", true, false},
	{"focus ring on the window", theme.ColorNameFocus, theme.ColorNameBackground, "", false, false},
	{"focus ring on dialogs", theme.ColorNameFocus, theme.ColorNameOverlayBackground, "", false, false},
	{"outline of a field", theme.ColorNameInputBorder, theme.ColorNameBackground, "", false, false},
	{"outline of the field with the keyboard", theme.ColorNamePrimary, theme.ColorNameInputBackground, "", false, false},
}

// themeColor returns colour n of a theme, in the variant it forces.
func themeColor(th fyne.Theme, n fyne.ThemeColorName) color.Color {
	return th.Color(n, theme.VariantLight) // every case forces its variant
}

// TestThemeContrast checks every text colour of the four palettes against what it is drawn
// on: WCAG AA (4.5:1) in the standard themes, AAA (7:1) in high contrast; focus rings and
// field outlines at least 3:1. Run with -v for the table (docs/accessibility.md).
func TestThemeContrast(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range themeCases {
		th := tc.appearance.Theme()
		for _, p := range themeTextPairs {
			min := float64(MinUIContrast)
			if p.text {
				min = MinTextContrast
				if tc.appearance.HighContrast && !p.aa {
					min = MinTextContrastHigh
				}
			}
			under := themeColor(th, theme.ColorNameBackground)
			if p.under != "" {
				under = over(themeColor(th, p.under), under)
			}
			r := contrastOver(themeColor(th, p.fg), themeColor(th, p.bg), under)
			t.Logf("%-20s %-48s %5.2f (min %.1f)", tc.name, p.what, r, min)
			if r < min {
				t.Errorf("%s: %s: contrast %.2f, want at least %.1f", tc.name, p.what, r, min)
			}
		}
	}
}

// In high contrast a disabled control (Back with nothing to go back to) is still read, at AA;
// in the standard themes it is exempt (WCAG 1.4.3: inactive components) and only needs to look
// different from an enabled one.
func TestDisabledControls(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range themeCases {
		th := tc.appearance.Theme()
		fg, dis, bg := themeColor(th, theme.ColorNameForeground), themeColor(th, theme.ColorNameDisabled), themeColor(th, theme.ColorNameBackground)
		if tc.appearance.HighContrast {
			if r := contrastRatio(over(dis, bg), bg); r < MinTextContrast {
				t.Errorf("%s: disabled text on the window: %.2f, want at least %.1f", tc.name, r, MinTextContrast)
			}
		}
		if r := contrastRatio(over(dis, bg), over(fg, bg)); r < 1.5 {
			t.Errorf("%s: disabled and enabled text differ by %.2f, want them told apart (1.5)", tc.name, r)
		}
	}
}

// The muted text is fainter than the body text, not the same colour, in every palette.
func TestMutedTextIsMuted(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range themeCases {
		th := tc.appearance.Theme()
		fg, muted := over(themeColor(th, theme.ColorNameForeground), color.White), over(themeColor(th, ColorNameMutedText), color.White)
		if fg == muted {
			t.Errorf("%s: muted text is the body text colour %v", tc.name, fmt.Sprint(fg))
		}
	}
}

// TextOn picks the ink that reads on a fill: dark on the pale and the yellow, white on the dark
// and the saturated, and says how well.
func TestTextOn(t *testing.T) {
	for _, tc := range []struct {
		fill    color.Color
		want    color.NRGBA
		atLeast float64
	}{
		{rgb(0xb08a2e), inkDark, 4.5},  // the post-war lane: white gave 2.9:1
		{rgb(0xb3362c), inkLight, 4.5}, // the operations lane
		{rgb(0xf0e8d8), inkDark, 7},
		{rgb(0x1f2d3d), inkLight, 7},
		{rgba(0x000000, 0), inkDark, 7}, // nothing drawn: the white under it
	} {
		got, r := TextOn(tc.fill, color.White)
		if got != tc.want || r < tc.atLeast {
			t.Errorf("TextOn(%v) = %v at %.2f, want %v at least %.1f", tc.fill, got, r, tc.want, tc.atLeast)
		}
	}
}
