package geo

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	labelsMDOnce sync.Once
	labelsMD     *MapData
	labelsMDErr  error
)

func labelsMapData(t *testing.T) *MapData {
	t.Helper()
	labelsMDOnce.Do(func() {
		labelsMD, labelsMDErr = LoadMapDataLazy(os.DirFS("../assets/map"), nil, nil, nil)
	})
	if labelsMDErr != nil {
		t.Fatal(labelsMDErr)
	}
	return labelsMD
}

// TestCountryLabelsByDate checks that states are named as on the date shown, not as on the
// day of the border snapshot.
func TestCountryLabelsByDate(t *testing.T) {
	m := labelsMapData(t)
	tests := []struct {
		date     string
		want     []string
		unwanted []string
	}{
		{"1945-05-20", []string{"Korea (Japan)", "Japan", "Manchukuo (Japan)", "Germany", "Taiwan (Japan)", "Palestine (UK)", "India (UK)"},
			[]string{"Korea (USSR)", "Korea (USA)", "Japan (USA)", "Germany (Soviet)", "Germany (USSR)", "Israel", "Pakistan", "Bangladesh", "Manchuria"}},
		{"1945-08-10", []string{"Korea (Japan)", "Japan", "Manchukuo (Japan)", "Germany (USSR)", "Germany (USA)"},
			[]string{"Korea (USSR)", "Japan (USA)", "Germany"}},
		{"1945-08-20", []string{"Korea (USSR)", "Korea (Japan)", "Japan", "Manchuria (USSR)"}, []string{"Korea (USA)", "Japan (USA)"}},
		{"1945-09-15", []string{"Korea (USSR)", "Korea (USA)", "Japan (USA)"}, []string{"Korea (Japan)", "Japan"}},
		{"1950-06-25", []string{"North Korea", "South Korea", "Japan (USA)", "East Germany", "West Germany", "Israel", "Pakistan", "East Pakistan"},
			[]string{"Korea (USSR)", "Korea (USA)", "Germany (UK)", "Bangladesh"}},
		{"1938-06-01", []string{"Czechoslovakia", "Estonia", "China", "Iraq"}, []string{"Slovakia", "Estonia (USSR)", "Chinese warlords", "Korea (USSR)"}},
		{"1942-06-01", []string{"Bohemia-Moravia (Germany)", "Slovakia", "Croatia", "Estonia (USSR)", "Albania (Italy)", "Libya (Italy)"},
			[]string{"Czechoslovakia", "Estonia"}},
	}
	for _, tc := range tests {
		day, _ := time.Parse("2006-01-02", tc.date)
		got := map[string]int{}
		for _, l := range m.CountryLabels(day) {
			got[l.Text]++
		}
		for _, w := range tc.want {
			if got[w] == 0 {
				t.Errorf("%s: no label %q", tc.date, w)
			}
		}
		for _, u := range tc.unwanted {
			if got[u] > 0 {
				t.Errorf("%s: label %q, anachronistic", tc.date, u)
			}
		}
		for text, n := range got {
			if n > 1 {
				t.Errorf("%s: label %q %d times", tc.date, text, n)
			}
		}
	}
}

// TestCountryLabelRulesNameStates checks that every rule names a state of its snapshot (a
// rule for a name the data does not have would silently do nothing) and that its dates parse.
func TestCountryLabelRulesNameStates(t *testing.T) {
	m := labelsMapData(t)
	names := map[string]map[string]bool{}
	for snap, areas := range m.BaseMap().Borders {
		names[snap] = map[string]bool{}
		for _, a := range areas {
			names[snap][a.Name] = true
		}
	}
	for _, r := range countryLabelRules {
		if !names[r.Snapshot][r.Name] {
			t.Errorf("rule for %q: no such state in the %s borders", r.Name, r.Snapshot)
		}
		for _, d := range []string{r.From, r.To} {
			if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
				t.Errorf("rule for %q: date %q", r.Name, d)
			}
		}
	}
	for _, e := range countryLabelExtras {
		if strings.TrimSpace(e.Text) == "" || e.From == "" || e.To == "" {
			t.Errorf("extra %+v: want a text and both dates", e)
		}
	}
}
