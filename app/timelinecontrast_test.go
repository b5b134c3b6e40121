package app

import (
	"testing"

	"fyne.io/fyne/v2/theme"
)

// The timeline's own text reads at 4.5:1 or more in every theme: labels inside bars and the
// count badges (on the lane colours of the embedded pack, drawn opaque), labels beside bars
// (on the shaded lanes), and the note shown when every category is hidden.
func TestTimelineTextContrast(t *testing.T) {
	u, _ := newWholeUI(t, 1280, 720, Options{})
	tv := u.Timeline
	for _, tc := range themeCases {
		th := tc.appearance.Theme()
		v := theme.VariantLight
		if tc.appearance.Variant == "dark" {
			v = theme.VariantDark
		}
		bg := th.Color(theme.ColorNameBackground, v)
		fg := th.Color(theme.ColorNameForeground, v)
		dark := tc.appearance.Variant == "dark"
		for i, l := range tv.Lanes() {
			col := tv.laneColor(i)
			if dark {
				col = lighten(col)
			}
			ink := laneInk(col, bg)
			if r := contrastOver(ink, col, bg); r < 4.5 {
				t.Errorf("%s: text on the %s lane's bars and badges (%v on %v) is %.2f:1, want 4.5", tc.name, l.ID, ink, col, r)
			}
		}
		shade := over(withAlpha(fg, 10), bg)
		if r := contrastOver(fg, shade, bg); r < 4.5 {
			t.Errorf("%s: labels on the shaded lanes are %.2f:1", tc.name, r)
		}
		if r := contrastOver(th.Color(ColorNameMutedText, v), bg, bg); r < 4.5 {
			t.Errorf("%s: the note for hidden categories is %.2f:1", tc.name, r)
		}
	}
}
