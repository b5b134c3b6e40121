package app

import (
	"embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The supplement fonts hold the glyphs the app's strings need that Fyne's bundled fonts (Noto
// Sans, DejaVu Sans Mono) lack: the minus sign of "−month", the Georgian, Chinese, Japanese
// and Korean names in the content. Fyne draws each rune with the first font of a chain that
// has it: the theme's font for the style, then Fyne's own, then its emoji font, then the
// system's fonts. Without system fonts (Wine, a bare kiosk image) a rune missing from the
// first three is drawn as U+FFFD, so the theme puts a supplement first. The supplements have
// no space glyph, and Fyne takes line metrics from the font of the space: everything Fyne's
// fonts already drew is drawn exactly as before. tools/fonts/build.py makes them from
// Debian's Noto fonts (`make fonts`, docs/fonts.md); TestEmbeddedFontsCoverEveryString checks
// that every string is covered.
//
//go:embed fonts/*.ttf
var supplementFiles embed.FS

var (
	supplementRegular = supplement("supplement-regular.ttf")
	supplementBold    = supplement("supplement-bold.ttf")
	supplementItalic  = supplement("supplement-italic.ttf")
	supplementMono    = supplement("supplement-mono.ttf")
)

func supplement(name string) fyne.Resource {
	b, err := supplementFiles.ReadFile("fonts/" + name)
	if err != nil {
		panic("app: " + err.Error()) // cannot happen: the files are embedded above
	}
	return fyne.NewStaticResource(name, b)
}

// Font returns the supplement font for the style; Fyne's own font for the style follows it.
func (t *atlasTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Monospace:
		return supplementMono
	case s.Bold:
		return supplementBold
	case s.Italic:
		return supplementItalic
	}
	return supplementRegular
}
