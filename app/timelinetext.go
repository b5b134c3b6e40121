package app

import "fyne.io/fyne/v2"

// shortStep is the granularity of the room given to a shortened label: a label cut at the
// edge of the band changes only every shortStep pixels of scrolling, so the GL painter
// rasterizes a new text that often rather than at every step.
const shortStep = 8

type shortKey struct {
	s    string
	w    int
	size float32
}

// shorten is shortenText remembered, with the room rounded down to shortStep pixels.
func (r *timelineRenderer) shorten(s string, w float32, size float32) string {
	k := shortKey{s, int(w/shortStep) * shortStep, size}
	if out, ok := r.short[k]; ok {
		return out
	}
	if len(r.short) > 4096 {
		clear(r.short)
	}
	out := shortenText(s, float32(k.w), size)
	r.short[k] = out
	return out
}

// shortenText cuts s to fit w pixels at the text size, ending it with "…".
func shortenText(s string, w float32, size float32) string {
	rs := []rune(s)
	for n := len(rs); n > 1; n-- {
		c := string(rs[:n-1]) + "…"
		if fyne.MeasureText(c, size, fyne.TextStyle{}).Width <= w {
			return c
		}
	}
	return "…"
}
