package app

import "testing"

// The map's names follow the text size setting: at 150 % every place label and every name of
// a country, sea or river is half as large again as at 100 %.
func TestMapTextFollowsTextScale(t *testing.T) {
	u, _ := newTestUI(t, 1280, 720, Options{})
	sizes := func() (marker float64, names map[string]float64) {
		u.Map.Refresh()
		names = map[string]float64{}
		for _, mk := range u.Map.frame.Markers {
			if mk.Label != "" {
				marker = mk.LabelSize
			}
		}
		for _, n := range u.Map.frame.Names {
			names[n.Text] = n.Size
		}
		return marker, names
	}
	m100, n100 := sizes()
	u.Settings.SetTextPercent(150)
	m150, n150 := sizes()
	if m100 == 0 || m150 != m100*1.5 {
		t.Errorf("place labels: %.1f px at 100 %%, %.1f px at 150 %%", m100, m150)
	}
	same := 0
	for text, s := range n150 {
		if s0, ok := n100[text]; ok {
			same++
			if s != s0*1.5 {
				t.Errorf("%s: %.1f px at 100 %%, %.1f px at 150 %%", text, s0, s)
			}
		}
	}
	if same == 0 {
		t.Error("no country, sea or river name is shown at both sizes")
	}
}
