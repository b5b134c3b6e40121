package app

import (
	"image/color"
)

// faintestReadable returns the colour between fg and bg (a blend of the two) nearest to bg, up
// to maxFade of the way, that keeps a contrast of at least min with bg. When fg itself has less,
// it returns fg. It generalises mutedText (searchcolor.go) to any minimum and fade.
func faintestReadable(fg, bg color.Color, min, maxFade float64) color.NRGBA {
	f, b := over(fg, color.White), over(bg, color.White)
	if contrastRatio(f, b) < min {
		return f
	}
	lo, hi := 0.0, maxFade // the contrast falls as the fade grows: the largest fade that keeps min
	for range 20 {
		mid := (lo + hi) / 2
		if contrastRatio(blend(f, b, 1-mid), b) >= min {
			lo = mid
		} else {
			hi = mid
		}
	}
	c := blend(f, b, 1-lo)
	for contrastRatio(c, b) < min && lo > 0 { // blend rounds to whole levels: step back if it fell short
		lo -= 0.01
		c = blend(f, b, 1-lo)
	}
	return c
}

// contrastOver returns the contrast of fg drawn over bg, each composited over the opaque
// under (a translucent fill over the panel behind it): what the eye sees.
func contrastOver(fg, bg, under color.Color) float64 {
	b := over(bg, under)
	return contrastRatio(over(fg, b), b)
}

// Ink colours for text on a coloured fill (a timeline bar, a count badge): white, or a near
// black, whichever reads better on the fill.
var (
	inkLight = rgb(0xffffff)
	inkDark  = rgb(0x10141a)
)

// TextOn returns the colour to write on fill (drawn over the opaque under): white or a near
// black, whichever has the higher contrast, and that contrast. A fill that gives neither 4.5:1
// (a mid-tone such as #5b6ea8, 4.25:1 with white and 3.7:1 with black) must be made lighter or
// darker where the text sits; the caller checks the ratio.
func TextOn(fill, under color.Color) (color.NRGBA, float64) {
	f := over(fill, under)
	l, d := contrastRatio(inkLight, f), contrastRatio(inkDark, f)
	if l >= d {
		return inkLight, l
	}
	return inkDark, d
}
