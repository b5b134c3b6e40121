package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// atlasTheme is Fyne's default theme with a forced light or dark variant and the atlas accent
// colour (the red of the front line) as primary.
type atlasTheme struct {
	variant fyne.ThemeVariant
	forced  bool
}

// NewTheme returns the app theme: "light" or "dark" force a variant, anything else follows the
// system setting.
func NewTheme(name string) fyne.Theme {
	switch name {
	case "light":
		return &atlasTheme{variant: theme.VariantLight, forced: true}
	case "dark":
		return &atlasTheme{variant: theme.VariantDark, forced: true}
	}
	return &atlasTheme{}
}

// ApplyTheme sets the app theme by name (light, dark or system).
func ApplyTheme(a fyne.App, name string) { a.Settings().SetTheme(NewTheme(name)) }

// Accent is the colour of the selected event on map and timeline alike.
var Accent = color.NRGBA{R: 0xb0, G: 0x30, B: 0x20, A: 0xff}

func (t *atlasTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	if n == theme.ColorNamePrimary {
		if v == theme.VariantDark {
			return color.NRGBA{R: 0xe0, G: 0x5a, B: 0x48, A: 0xff}
		}
		return Accent
	}
	if n == theme.ColorNameHyperlink {
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x8c, G: 0xb8, B: 0xf0, A: 0xff}
		}
		return color.NRGBA{R: 0x1d, G: 0x4f, B: 0x91, A: 0xff}
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

func (t *atlasTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (t *atlasTheme) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }
