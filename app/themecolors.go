package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The four palettes of the app theme: standard light and dark (Fyne's, with the colours that
// failed a contrast check replaced), and high-contrast light and dark (every colour named).
// TestThemeContrast checks every pair of them used for text (docs/accessibility.md has the
// table).
//
// What was changed in Fyne's standard palettes, and why:
//   - Foreground of the light theme, #565656 → #262626: the focus fill (below) needs a dark text
//     on it, and text read from two metres away gains from it.
//   - Placeholder of the light theme, #888888 → #6b6b6b: 3.2:1 on the field, now 4.9:1.
//   - Focus, a blue at 16 % opacity in both → an opaque blue: a focused button was hardly
//     tinted (1.2:1 against an unfocused one). It now fills a focused button (its text keeps
//     4.5:1 on it) and rings a focused link (3:1 against the background).
//   - Input border: #e3e3e3 and #39393a were 1.3:1 and 1.6:1 against the background; the
//     search field's outline is now 3:1 or more.
//   - Primary of the dark theme, a light red the text on buttons could not read (white on it:
//     3.6:1); it is lighter now, with dark text on it.
//   - Disabled, #e3e3e3 and #39393a → #c8c8c8 and #4a4a4c: a disabled Back button was all but
//     invisible (1.3:1); inactive controls are exempt from the text minimum (WCAG 1.4.3), but
//     should still be seen and told apart from enabled ones.
//   - ColorNameMutedText, new: Fyne draws low-importance labels in its Disabled colour (1.3:1
//     in the light theme), so the details panel's kind labels and aliases use this instead.

// Opaque colour from 0xRRGGBB.
func rgb(v uint32) color.NRGBA {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// Colour from 0xRRGGBB and an opacity.
func rgba(v uint32, a uint8) color.NRGBA {
	c := rgb(v)
	c.A = a
	return c
}

type palette map[fyne.ThemeColorName]color.Color

var (
	paletteLight = palette{
		theme.ColorNameBackground:          rgb(0xffffff),
		theme.ColorNameOverlayBackground:   rgb(0xffffff),
		theme.ColorNameMenuBackground:      rgb(0xf5f5f5),
		theme.ColorNameInputBackground:     rgb(0xf3f3f3),
		theme.ColorNameButton:              rgb(0xf5f5f5),
		theme.ColorNameHeaderBackground:    rgb(0xf9f9f9),
		theme.ColorNameForeground:          rgb(0x262626),
		theme.ColorNamePlaceHolder:         rgb(0x6b6b6b),
		theme.ColorNameDisabled:            rgb(0xc8c8c8),
		theme.ColorNameDisabledButton:      rgb(0xf5f5f5),
		theme.ColorNamePrimary:             Accent,
		theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
		theme.ColorNameHyperlink:           rgb(0x1d4f91),
		theme.ColorNameFocus:               rgb(0x5b8fd9),
		theme.ColorNameSelection:           rgba(0x296ff6, 0x40),
		theme.ColorNameHover:               rgba(0x000000, 0x0f),
		theme.ColorNameInputBorder:         rgb(0x8a8a8a),
	}
	paletteDark = palette{
		theme.ColorNameBackground:          rgb(0x171718),
		theme.ColorNameOverlayBackground:   rgb(0x181d25),
		theme.ColorNameMenuBackground:      rgb(0x28292e),
		theme.ColorNameInputBackground:     rgb(0x202023),
		theme.ColorNameButton:              rgb(0x28292e),
		theme.ColorNameHeaderBackground:    rgb(0x1b1b1b),
		theme.ColorNameForeground:          rgb(0xf3f3f3),
		theme.ColorNamePlaceHolder:         rgb(0xb2b2b2),
		theme.ColorNameDisabled:            rgb(0x4a4a4c),
		theme.ColorNameDisabledButton:      rgb(0x28292e),
		theme.ColorNamePrimary:             rgb(0xef7462),
		theme.ColorNameForegroundOnPrimary: rgb(0x171718),
		theme.ColorNameHyperlink:           rgb(0x8cb8f0),
		theme.ColorNameFocus:               rgb(0x3d6fb0),
		theme.ColorNameSelection:           rgba(0x296ff6, 0x66),
		theme.ColorNameHover:               rgba(0xffffff, 0x0f),
		theme.ColorNameInputBorder:         rgb(0x75757a),
	}
	paletteContrastLight = palette{
		theme.ColorNameBackground:          rgb(0xffffff),
		theme.ColorNameOverlayBackground:   rgb(0xffffff),
		theme.ColorNameMenuBackground:      rgb(0xffffff),
		theme.ColorNameInputBackground:     rgb(0xffffff),
		theme.ColorNameButton:              rgb(0xe0e0e0),
		theme.ColorNameHeaderBackground:    rgb(0xe8e8e8),
		theme.ColorNameForeground:          rgb(0x000000),
		theme.ColorNamePlaceHolder:         rgb(0x4a4a4a),
		theme.ColorNameDisabled:            rgb(0x707070),
		theme.ColorNameDisabledButton:      rgb(0xf2f2f2),
		theme.ColorNamePrimary:             rgb(0x9b1c0c),
		theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
		theme.ColorNameHyperlink:           rgb(0x0039a6),
		theme.ColorNameFocus:               rgb(0x3c78d8),
		theme.ColorNameSelection:           rgb(0xa8c8ff),
		theme.ColorNameHover:               rgba(0x000000, 0x1f),
		theme.ColorNamePressed:             rgba(0x000000, 0x33),
		theme.ColorNameInputBorder:         rgb(0x000000),
		theme.ColorNameSeparator:           rgb(0x000000),
		theme.ColorNameScrollBar:           rgba(0x000000, 0xcc),
		theme.ColorNameScrollBarBackground: rgb(0xd0d0d0),
		theme.ColorNameShadow:              rgba(0x000000, 0x66),
		theme.ColorNameError:               rgb(0xb00020),
		theme.ColorNameSuccess:             rgb(0x00661d),
		theme.ColorNameWarning:             rgb(0x8a4b00),
		theme.ColorNameForegroundOnError:   rgb(0xffffff),
		theme.ColorNameForegroundOnSuccess: rgb(0xffffff),
		theme.ColorNameForegroundOnWarning: rgb(0xffffff),
	}
	paletteContrastDark = palette{
		theme.ColorNameBackground:          rgb(0x000000),
		theme.ColorNameOverlayBackground:   rgb(0x000000),
		theme.ColorNameMenuBackground:      rgb(0x000000),
		theme.ColorNameInputBackground:     rgb(0x000000),
		theme.ColorNameButton:              rgb(0x303030),
		theme.ColorNameHeaderBackground:    rgb(0x1c1c1c),
		theme.ColorNameForeground:          rgb(0xffffff),
		theme.ColorNamePlaceHolder:         rgb(0xc8c8c8),
		theme.ColorNameDisabled:            rgb(0x9a9a9a),
		theme.ColorNameDisabledButton:      rgb(0x141414),
		theme.ColorNamePrimary:             rgb(0xff8c78),
		theme.ColorNameForegroundOnPrimary: rgb(0x000000),
		theme.ColorNameHyperlink:           rgb(0x9cc8ff),
		theme.ColorNameFocus:               rgb(0x2f64c0),
		theme.ColorNameSelection:           rgb(0x1f4a8f),
		theme.ColorNameHover:               rgba(0xffffff, 0x26),
		theme.ColorNamePressed:             rgba(0xffffff, 0x40),
		theme.ColorNameInputBorder:         rgb(0xffffff),
		theme.ColorNameSeparator:           rgb(0xffffff),
		theme.ColorNameScrollBar:           rgba(0xffffff, 0xcc),
		theme.ColorNameScrollBarBackground: rgb(0x333333),
		theme.ColorNameShadow:              rgba(0x000000, 0x99),
		theme.ColorNameError:               rgb(0xff6b6b),
		theme.ColorNameSuccess:             rgb(0x5fe07a),
		theme.ColorNameWarning:             rgb(0xffb347),
		theme.ColorNameForegroundOnError:   rgb(0x000000),
		theme.ColorNameForegroundOnSuccess: rgb(0x000000),
		theme.ColorNameForegroundOnWarning: rgb(0x000000),
	}
)

// MinTextContrast is the least contrast of text with what is behind it: WCAG 2 level AA for
// body text. MinTextContrastHigh is what the high-contrast palettes give (level AAA).
// MinUIContrast is the least contrast of a focus ring or a field's outline with the
// background (WCAG 2 non-text contrast).
const (
	MinTextContrast     = 4.5
	MinTextContrastHigh = 7
	MinUIContrast       = 3
)

func init() {
	for _, p := range []struct {
		pal palette
		min float64
	}{{paletteLight, MinTextContrast}, {paletteDark, MinTextContrast},
		{paletteContrastLight, MinTextContrastHigh}, {paletteContrastDark, MinTextContrastHigh}} {
		p.pal[ColorNameMutedText] = faintestReadable(p.pal[theme.ColorNameForeground], p.pal[theme.ColorNameBackground], p.min, 0.5)
	}
}

// paletteOf returns the palette of a contrast and variant.
func paletteOf(contrast, dark bool) palette {
	switch {
	case contrast && dark:
		return paletteContrastDark
	case contrast:
		return paletteContrastLight
	case dark:
		return paletteDark
	}
	return paletteLight
}
