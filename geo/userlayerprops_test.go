package geo

import (
	"context"
	"image/color"
	"strings"
	"testing"
	"time"
)

// TestUserLayerDates checks the date properties: the pack's precisions, open ends, a date
// and time, a year as a number, and what a bad date does (the feature is drawn on every date,
// with a problem naming the property).
func TestUserLayerDates(t *testing.T) {
	open := DayRange{openStart, openEnd}
	for _, tc := range []struct {
		name, props string
		dated       bool
		days        DayRange
		problem     string
	}{
		{"no date", `{"name": "x"}`, false, DayRange{}, ""},
		{"a day", `{"date": "1942-11-19"}`, true, DayRange{dayOf(1942, 11, 19), dayOf(1942, 11, 19)}, ""},
		{"a month", `{"date": "1942-11"}`, true, DayRange{dayOf(1942, 11, 1), dayOf(1942, 11, 30)}, ""},
		{"a year", `{"date": "1943"}`, true, DayRange{dayOf(1943, 1, 1), dayOf(1943, 12, 31)}, ""},
		{"approximate", `{"date": "~1944-06"}`, true, DayRange{dayOf(1944, 6, 1), dayOf(1944, 6, 30)}, ""},
		{"a leap day", `{"date": "1940-02-29"}`, true, DayRange{dayOf(1940, 2, 29), dayOf(1940, 2, 29)}, ""},
		{"start and end", `{"start": "1942-07-17", "end": "1943-02-02"}`, true, DayRange{dayOf(1942, 7, 17), dayOf(1943, 2, 2)}, ""},
		{"start and end of months", `{"start": "1941-09", "end": "1944-01"}`, true, DayRange{dayOf(1941, 9, 1), dayOf(1944, 1, 31)}, ""},
		{"start only", `{"start": "1944-06-06"}`, true, DayRange{dayOf(1944, 6, 6), open.To}, ""},
		{"end only", `{"end": "1941"}`, true, DayRange{open.From, dayOf(1941, 12, 31)}, ""},
		{"null dates", `{"start": null, "end": null, "date": null}`, false, DayRange{}, ""},
		{"a date and time", `{"date": "1945-05-08T23:01:00+01:00"}`, true, DayRange{dayOf(1945, 5, 8), dayOf(1945, 5, 8)}, ""},
		{"a date and time with a space", `{"start": "1945-05-09 00:43"}`, true, DayRange{dayOf(1945, 5, 9), open.To}, ""},
		{"a year as a number", `{"date": 1939}`, true, DayRange{dayOf(1939, 1, 1), dayOf(1939, 12, 31)}, ""},
		{"free text", `{"date": "late 1950s"}`, false, DayRange{}, `properties "date": "late 1950s" is not a date (want YYYY-MM-DD, YYYY-MM or YYYY, optionally with a leading ~); drawn on every date`},
		{"no such day", `{"date": "1942-02-30"}`, false, DayRange{}, `properties "date": "1942-02-30" is not a date`},
		{"a fraction", `{"date": 1942.5}`, false, DayRange{}, `properties "date": got a number, want a date such as "1942-11-19"`},
		{"a boolean", `{"start": true}`, false, DayRange{}, `properties "start": got a boolean, want a date`},
		{"bad end", `{"start": "1942", "end": "soon"}`, false, DayRange{}, `properties "end": "soon" is not a date`},
		{"end before start", `{"start": "1943-02-02", "end": "1942-07-17"}`, false, DayRange{}, `properties "end": is before "start"; drawn on every date`},
		{"date with start", `{"date": "1942", "start": "1943"}`, true, DayRange{dayOf(1943, 1, 1), open.To}, `properties "date": given with "start" or "end", which are used instead`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := mustLayer(t, fc(feat(gPoint, tc.props)))
			f := l.Features[0]
			if f.Dated != tc.dated || (tc.dated && f.Days != tc.days) {
				t.Errorf("dated %v %v, want %v %v", f.Dated, f.Days, tc.dated, tc.days)
			}
			got := l.ProblemsText(0)
			if (tc.problem == "") != (got == "") || !strings.Contains(got, tc.problem) {
				t.Errorf("problems:\n  %s\nwant\n  %s", got, tc.problem)
			}
		})
	}
}

// TestUserLayerDatesWithoutParser checks that without a date parser dated features are drawn
// on every date, with one note for the file.
func TestUserLayerDatesWithoutParser(t *testing.T) {
	l, err := ParseUserLayer(context.Background(), "x.geojson", []byte(fc(feat(gPoint, `{"date": "1942"}`), feat(gPoint, `{"start": "1943"}`), feat(gPoint, `{}`))), UserLayerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Dated() || l.ProblemCount != 1 || !strings.Contains(l.ProblemsText(0), "x.geojson: 2 features have dates, but dates are not read here") {
		t.Errorf("dated %v; problems:\n%s", l.Dated(), l.ProblemsText(0))
	}
}

// TestUserLayerShownOnDates checks which features follow the date shown, and that the epoch
// changes exactly when the set shown does.
func TestUserLayerShownOnDates(t *testing.T) {
	l := mustLayer(t, fc(
		feat(gPoint, `{"name": "always"}`),
		feat(gPoint, `{"name": "Stalingrad", "start": "1942-07-17", "end": "1943-02-02"}`),
		feat(gPoint, `{"name": "Kursk", "date": "1943-07"}`),
		feat(gPoint, `{"name": "after D-Day", "start": "1944-06-06"}`),
	))
	shown := func(day int) string {
		var names []string
		for _, f := range l.Features {
			if f.ShownOn(day) {
				names = append(names, f.Name)
			}
		}
		return strings.Join(names, ",")
	}
	for _, tc := range []struct {
		day  int
		want string
	}{
		{dayOf(1941, 6, 22), "always"},
		{dayOf(1942, 7, 16), "always"},
		{dayOf(1942, 7, 17), "always,Stalingrad"},
		{dayOf(1943, 2, 2), "always,Stalingrad"},
		{dayOf(1943, 2, 3), "always"},
		{dayOf(1943, 7, 1), "always,Kursk"},
		{dayOf(1943, 7, 31), "always,Kursk"},
		{dayOf(1944, 6, 5), "always"},
		{dayOf(1944, 6, 6), "always,after D-Day"},
		{dayOf(1953, 12, 31), "always,after D-Day"},
	} {
		if got := shown(tc.day); got != tc.want {
			t.Errorf("%s: shown %q, want %q", dayText(tc.day), got, tc.want)
		}
	}
	if !l.Dated() {
		t.Fatal("Dated() = false")
	}
	// The epoch changes between two consecutive days exactly when what is shown changes.
	for day := dayOf(1936, 1, 1); day < dayOf(1953, 12, 31); day++ {
		changed := shown(day) != shown(day+1)
		if epochChanged := l.Epoch(day) != l.Epoch(day+1); epochChanged != changed {
			t.Fatalf("%s → next day: shown changed %v, epoch changed %v", dayText(day), changed, epochChanged)
		}
	}
	if u := mustLayer(t, fc(feat(gPoint, `{}`))); u.Dated() || u.Epoch(0) != u.Epoch(dayOf(1945, 1, 1)) {
		t.Errorf("an undated layer has more than one epoch")
	}
}

func dayText(day int) string { return time.Unix(int64(day)*86400, 0).UTC().Format("2006-01-02") }

// TestUserLayerSimplestyle checks the style properties, good and bad, through the paints the
// map and the legend draw with.
func TestUserLayerSimplestyle(t *testing.T) {
	layer := color.NRGBA{R: 0x7b, G: 0x1f, B: 0xa2, A: 0xff}
	rgb := func(r, g, b, a uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: a} }
	def := func(a uint8) color.NRGBA { c := layer; c.A = a; return c }
	for _, tc := range []struct {
		name, props    string
		area, line     Paint
		marker         color.NRGBA
		radius         float64
		problem        string
		problemsWanted int
	}{
		{"defaults", `{}`, Paint{Fill: def(64), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5, "", 0},
		{"every property", `{"stroke": "#ff0000", "stroke-width": 3, "stroke-opacity": 0.5, "fill": "#00f", "fill-opacity": 0.2, "marker-color": "#123456", "marker-size": "large"}`,
			Paint{Fill: rgb(0, 0, 0xff, 51), Stroke: rgb(0xff, 0, 0, 128), Width: 3}, Paint{Stroke: rgb(0xff, 0, 0, 128), Width: 3}, rgb(0x12, 0x34, 0x56, 0xff), 7.5, "", 0},
		{"a colour takes simplestyle's opacity", `{"stroke": "red", "fill": "DarkGreen"}`,
			Paint{Fill: rgb(0, 0x64, 0, 153), Stroke: rgb(0xff, 0, 0, 255), Width: 1.5}, Paint{Stroke: rgb(0xff, 0, 0, 255), Width: 2}, layer, 5.5, "", 0},
		{"an opacity alone applies to the layer's colour", `{"fill-opacity": 0.5, "stroke-opacity": 0}`,
			Paint{Fill: def(128), Stroke: def(0), Width: 1.5}, Paint{Stroke: def(0), Width: 2}, layer, 5.5, "", 0},
		{"hex without #, numbers as strings", `{"stroke": "00ff00", "stroke-width": "4", "marker-size": "SMALL"}`,
			Paint{Fill: def(64), Stroke: rgb(0, 0xff, 0, 255), Width: 4}, Paint{Stroke: rgb(0, 0xff, 0, 255), Width: 4}, layer, 4, "", 0},
		{"no stroke", `{"stroke-width": 0}`, Paint{Fill: def(64), Stroke: def(255), Width: 0}, Paint{Stroke: def(255), Width: 0}, layer, 5.5, "", 0},
		{"not a colour", `{"stroke": "bluish"}`, Paint{Fill: def(64), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5,
			`feature 0 (line 1): properties "stroke": "bluish" is not a colour (want #rrggbb, #rgb or a CSS colour name); the layer's colour is used`, 1},
		{"a number for a colour", `{"fill": 255}`, Paint{Fill: def(64), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5,
			`properties "fill": a number is not a colour`, 1},
		{"five hex digits", `{"marker-color": "#12345"}`, Paint{Fill: def(64), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5,
			`properties "marker-color": "#12345" is not a colour`, 1},
		{"width not a number", `{"stroke-width": "thick"}`, Paint{Fill: def(64), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5,
			`properties "stroke-width": "thick" is not a number; the layer's default is used`, 1},
		{"negative width", `{"stroke-width": -2}`, Paint{Fill: def(64), Stroke: def(255), Width: 0}, Paint{Stroke: def(255), Width: 0}, layer, 5.5,
			`properties "stroke-width": -2 is not within 0 to 20 pixels; 0 is used`, 1},
		{"huge width", `{"stroke-width": 500}`, Paint{Fill: def(64), Stroke: def(255), Width: 20}, Paint{Stroke: def(255), Width: 20}, layer, 5.5,
			`properties "stroke-width": 500 is not within 0 to 20 pixels; 20 is used`, 1},
		{"opacity over 1", `{"fill-opacity": 1.5}`, Paint{Fill: def(255), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5,
			`properties "fill-opacity": 1.5 is not within 0 to 1; 1 is used`, 1},
		{"an array for an opacity", `{"stroke-opacity": [1]}`, Paint{Fill: def(64), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5,
			`properties "stroke-opacity": [1] is not a number`, 1},
		{"unknown marker size", `{"marker-size": "huge"}`, Paint{Fill: def(64), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5,
			`properties "marker-size": "huge" is not small, medium or large; medium is used`, 1},
		{"every bad value at once", `{"stroke": 1, "fill": "x", "stroke-width": "y", "fill-opacity": -1}`,
			Paint{Fill: def(0), Stroke: def(255), Width: 1.5}, Paint{Stroke: def(255), Width: 2}, layer, 5.5, `properties "fill-opacity": -1 is not within 0 to 1; 0 is used`, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := mustLayer(t, fc(feat(gPoint, tc.props)))
			area, line, marker := UserPaints(l.Features[0].Style, layer, &StyleLight)
			if area != tc.area || line != tc.line {
				t.Errorf("area %+v line %+v\nwant %+v      %+v", area, line, tc.area, tc.line)
			}
			if marker.Fill != tc.marker || marker.Radius != tc.radius || marker.Stroke != (color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}) {
				t.Errorf("marker %+v, want fill %v radius %v with a white ring", marker, tc.marker, tc.radius)
			}
			got := l.ProblemsText(0)
			if l.ProblemCount != tc.problemsWanted || !strings.Contains(got, tc.problem) {
				t.Errorf("%d problems:\n  %s\nwant %d with\n  %s", l.ProblemCount, got, tc.problemsWanted, tc.problem)
			}
		})
	}
	_, _, dark := UserPaints(FeatureStyle{}, layer, &StyleDark)
	if dark.Stroke == (color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}) {
		t.Errorf("a marker on the dark map has a white ring")
	}
}

// TestUserColorsDistinct checks that the palettes of user layers differ from each other and
// from the map's own strong colours by a visible margin, in both styles.
func TestUserColorsDistinct(t *testing.T) {
	dist := func(a, b color.NRGBA) int {
		d := func(x, y uint8) int { return (int(x) - int(y)) * (int(x) - int(y)) }
		return d(a.R, b.R) + d(a.G, b.G) + d(a.B, b.B)
	}
	for _, s := range []*Style{&StyleLight, &StyleDark} {
		if len(s.User) < 8 {
			t.Errorf("%s: %d user colours, want 8", s.Name, len(s.User))
		}
		own := []color.NRGBA{s.Front.Stroke, s.River.Stroke, s.Land.Fill, s.Background}
		for i, a := range s.User {
			for _, b := range s.User[i+1:] {
				if dist(a, b) < 60*60 {
					t.Errorf("%s: user colours %v and %v are too alike", s.Name, a, b)
				}
			}
			for _, b := range own {
				if dist(a, b) < 60*60 {
					t.Errorf("%s: user colour %v is too like the map's %v", s.Name, a, b)
				}
			}
		}
		if s.UserColor(len(s.User)) != s.User[0] || s.UserColor(-1) != s.User[len(s.User)-1] {
			t.Errorf("%s: UserColor does not wrap around", s.Name)
		}
	}
}
