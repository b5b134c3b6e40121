package app

import (
	"image/color"
	"math"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
)

// fitText returns s, or as much of it as fits width with an ellipsis.
func fitText(s string, size float32, style fyne.TextStyle, width float32) string {
	if s == "" || fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits is runes[:lo]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(strings.TrimRight(string(runes[:mid]), " ")+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// searchHeaderBand is the band behind a kind heading: the text colour at 9 % over the card.
func searchHeaderBand(fg, bg color.Color) color.Color {
	return blend(fg, bg, 0.09)
}

// mutedText returns a colour between fg and bg for secondary text (the name a hit matched):
// as far towards bg as it can go, up to 40 %, while keeping a contrast of 4.5:1 on bg (WCAG AA).
func mutedText(fg, bg color.Color) color.Color {
	key := [2]color.NRGBA{over(fg, color.White), over(bg, color.White)}
	mutedMu.Lock()
	defer mutedMu.Unlock()
	if c, ok := mutedCache[key]; ok {
		return c
	}
	c := computeMuted(fg, bg)
	if len(mutedCache) > 64 { // themes come and go; a few pairs are in use at a time
		clear(mutedCache)
	}
	mutedCache[key] = c
	return c
}

var (
	mutedMu    sync.Mutex
	mutedCache = map[[2]color.NRGBA]color.Color{}
)

func computeMuted(fg, bg color.Color) color.Color {
	best := color.Color(over(fg, bg))
	for t := 0.05; t <= 0.4001; t += 0.05 {
		c := blend(fg, bg, 1-t)
		if contrastRatio(c, bg) < searchMinContrast {
			break
		}
		best = c
	}
	return best
}

// blend mixes a of fg into bg (both taken as opaque over each other).
func blend(fg, bg color.Color, a float64) color.NRGBA {
	f, b := over(fg, color.White), over(bg, color.White)
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

// over composites c over the opaque colour under.
func over(c, under color.Color) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(n.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(n.R, u.R), G: mix(n.G, u.G), B: mix(n.B, u.B), A: 0xff}
}

// contrastRatio is the WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the WCAG 2 relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}
