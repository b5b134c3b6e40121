package app

import (
	"image/color"
	"testing"

	"frontline-atlas/geo"
)

// The map's own text reads at 4.5:1 or more over every ground it may lie on, in both map
// palettes: place names (selected ones too, drawn in the same colour), country names and the
// names of seas and rivers, over water, land, and land under the Axis-held, Allied-held and
// "not covered" washes (the washes are drawn only over land: the overlay's land mask, geo/overlay.go).
func TestMapTextContrast(t *testing.T) {
	for _, st := range []*geo.Style{&geo.StyleLight, &geo.StyleDark} {
		land := over(st.Land.Fill, st.Background)
		grounds := map[string]color.Color{
			"water":       st.Background,
			"land":        land,
			"Axis wash":   over(st.AxisHeld.Fill, land),
			"Allied wash": over(st.AlliedHeld.Fill, land),
			"uncovered":   over(st.Uncovered.Fill, land),
		}
		texts := map[string]color.Color{"place name": st.MarkerText, "country name": st.CountryText, "sea and river name": st.WaterText}
		for what, fg := range texts {
			worst, where := 99.0, ""
			for g, bg := range grounds {
				if r := contrastRatio(fg, bg); r < worst {
					worst, where = r, g
				}
			}
			t.Logf("%s map: %s %v: worst %.2f:1 over %s", st.Name, what, fg, worst, where)
			if worst < 4.5 {
				t.Errorf("%s map: %s %v reads %.2f:1 over %s, want 4.5", st.Name, what, fg, worst, where)
			}
		}
	}
}
