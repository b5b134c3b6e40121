package app

import (
	"testing"

	"fyne.io/fyne/v2/theme"
)

// The zoom buttons of the map and the timeline are told apart at a glance: + and −, not two
// magnifiers that differ by a stroke.
func TestZoomButtonsShowPlusAndMinus(t *testing.T) {
	u, _ := newTestUI(t, 1280, 720, Options{})
	c := u.Timeline.Controls
	for name, b := range map[string]*Button{"map +": u.Map.ZoomInB, "timeline +": c.ZoomInB} {
		if b.Icon == nil || b.Icon.Name() != theme.ContentAddIcon().Name() {
			t.Errorf("%s shows %v, want the + glyph", name, b.Icon)
		}
	}
	for name, b := range map[string]*Button{"map −": u.Map.ZoomOutB, "timeline −": c.ZoomOutB} {
		if b.Icon == nil || b.Icon.Name() != theme.ContentRemoveIcon().Name() {
			t.Errorf("%s shows %v, want the − glyph", name, b.Icon)
		}
	}
}
