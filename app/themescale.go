package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TextScale returns the text size setting as a factor (1 at 100 %, 2 at 200 %) in the theme of
// w (nil for the app theme). Widgets drawn from theme sizes scale by themselves; views that
// draw their own text at fixed sizes (the map's labels, the timeline's lanes, ticks and event
// labels) multiply those sizes by it, and read it again when the theme changes (Fyne refreshes
// every widget then).
func TextScale(w fyne.Widget) float32 {
	var s float32
	if w != nil {
		s = theme.SizeForWidget(SizeNameTextScale, w)
	} else if a := fyne.CurrentApp(); a != nil {
		s = a.Settings().Theme().Size(SizeNameTextScale)
	}
	if s <= 0 {
		return 1 // a theme that does not know the name (Fyne's own)
	}
	return s
}

// TouchSize returns the least side of a control a finger must hit: 48 px at 100 % and at
// smaller text (a finger does not shrink), growing with larger text, so a control stays as
// large as its text needs. Views that lay out their own tap areas (timeline dots and badges,
// map markers) use it where they used 48.
func TouchSize(w fyne.Widget) float32 {
	return touchMin * max(1, TextScale(w))
}

// scaledTouch grows a touch target's least size with the text size (minSizeLayout).
func scaledTouch(min fyne.Size) fyne.Size {
	f := max(1, TextScale(nil))
	return fyne.NewSize(min.Width*f, min.Height*f)
}
