package app

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Appearance is what the app theme is made of: the variant chosen (system, light or dark), the
// high-contrast palette, and the text size. The settings panel and the command line choose it;
// Theme turns it into a fyne.Theme.
type Appearance struct {
	Variant      string // "light" or "dark" force a variant; anything else follows the system
	HighContrast bool   // the high-contrast palette (black on white, or white on black)
	TextPercent  int    // text and control size in per cent of Fyne's; 0 means 100
}

// Theme returns the theme of the appearance.
func (a Appearance) Theme() fyne.Theme {
	t := &atlasTheme{contrast: a.HighContrast, scale: 1}
	switch a.Variant {
	case "light":
		t.variant, t.forced = theme.VariantLight, true
	case "dark":
		t.variant, t.forced = theme.VariantDark, true
	}
	if a.TextPercent > 0 {
		t.scale = float32(clampTextPercent(a.TextPercent)) / 100
	}
	return t
}

// atlasTheme is Fyne's default theme with a forced light or dark variant, the atlas accent
// colour (the red of the front line) as primary, colours checked for contrast
// (themecolors.go), an optional high-contrast palette, and every size scaled by the text size
// setting.
type atlasTheme struct {
	variant  fyne.ThemeVariant
	forced   bool
	contrast bool
	scale    float32 // 1 at 100 %
}

// NewTheme returns the app theme at the standard text size: "light" or "dark" force a variant,
// "high-contrast-light" and "high-contrast-dark" the high-contrast palettes, anything else
// follows the system setting.
func NewTheme(name string) fyne.Theme {
	if v, ok := strings.CutPrefix(name, "high-contrast-"); ok {
		return Appearance{Variant: v, HighContrast: true}.Theme()
	}
	return Appearance{Variant: name}.Theme()
}

// ApplyTheme sets the app theme by name (light, dark or system), at the standard contrast and
// text size.
func ApplyTheme(a fyne.App, name string) { a.Settings().SetTheme(NewTheme(name)) }

// Accent is the colour of the selected event on map and timeline alike (the light theme's
// primary colour).
var Accent = color.NRGBA{R: 0xb0, G: 0x30, B: 0x20, A: 0xff}

// Colour names the app adds to Fyne's. A theme that does not know them (Fyne's own) returns
// transparent, so code reading them goes through the app theme.
const (
	// ColorNameMutedText is secondary text that must still be read: the kind above a title,
	// "Also:" and its aliases. It is as faint as a contrast of 4.5:1 (7:1 in high contrast)
	// with the background allows.
	ColorNameMutedText fyne.ThemeColorName = "atlasMutedText"
)

// Size names the app adds to Fyne's.
const (
	// SizeNameTextScale is the text size setting as a factor: 1 at 100 %, 1.5 at 150 %. Views
	// that draw their own text read it through TextScale.
	SizeNameTextScale fyne.ThemeSizeName = "atlasTextScale"
)

func (t *atlasTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	p := paletteOf(t.contrast, v == theme.VariantDark)
	if c, ok := p[n]; ok {
		return c
	}
	if t.contrast {
		return color.Transparent // the high-contrast palettes name every colour Fyne asks for
	}
	return theme.DefaultTheme().Color(n, v)
}

// Variant reports the variant in force, for views that draw their own colours (map, timeline).
func Variant() fyne.ThemeVariant {
	app := fyne.CurrentApp()
	if app == nil {
		return theme.VariantLight
	}
	if t, ok := app.Settings().Theme().(*atlasTheme); ok && t.forced {
		return t.variant
	}
	return app.Settings().ThemeVariant()
}

// HighContrast reports whether the app theme is the high-contrast one.
func HighContrast() bool {
	if app := fyne.CurrentApp(); app != nil {
		if t, ok := app.Settings().Theme().(*atlasTheme); ok {
			return t.contrast
		}
	}
	return false
}

func (t *atlasTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size returns Fyne's size scaled by the text size setting: text, padding, icons, scroll bars
// and radii grow and shrink together, so a control keeps its proportions. Hairlines do not
// scale; high contrast draws input borders and separators 2 px wide.
func (t *atlasTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case SizeNameTextScale:
		return t.scale
	case theme.SizeNameSeparatorThickness, theme.SizeNameInputBorder:
		if t.contrast {
			return 2
		}
		return theme.DefaultTheme().Size(n)
	case theme.SizeNameWindowButtonHeight, theme.SizeNameWindowButtonIcon, theme.SizeNameWindowButtonRadius,
		theme.SizeNameWindowTitleBarHeight:
		return theme.DefaultTheme().Size(n)
	}
	return quarterPixel(theme.DefaultTheme().Size(n) * t.scale)
}

// quarterPixel rounds a scaled size to a whole quarter of a pixel. Fyne adds and subtracts
// sizes and font metrics (whole 64ths of a pixel) in float32; a padding of 8.8 px at 110 % is
// not exact there, and a file dialog's label given the height of its least size (the text's
// height and two inner paddings) came out 2e-6 px short of its own text and panicked (found by
// the soak; TestFileDialogListViewAtEveryTextSize). Quarter pixels add and subtract exactly.
func quarterPixel(v float32) float32 { return float32(math.Round(float64(v)*4) / 4) }
