package timeline

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// The tours of these tests are built from fields, one per line, so that a problem's line can be
// found from a marker: /*@1*/ placed in a value marks the line the first expected problem must
// name (the marker is removed before the file is loaded).

// defaultStop are the fields of a valid stop of the test pack, in order.
var defaultStop = [][2]string{
	{"title", `"The battle begins"`},
	{"date", `"1942-07-17"`},
	{"select", `"event:stalingrad"`},
	{"view", `{"lon": 44.5, "lat": 48.7, "zoom": 7}`},
	{"caption", `{"en": "17 July 1942: the battle for Stalingrad begins.", "ru": "17 июля 1942 года: начинается битва за Сталинград."}`},
	{"sources", `["src-britannica-stalingrad"]`},
}

// stop writes a stop: the default fields with the given key, value pairs laid over them (a
// value "-" drops the field, a key not among the defaults is added at the end, and the key "{"
// puts its value, a marker, after the opening brace).
func stop(kv ...string) string {
	return object("        ", defaultStop, kv)
}

// tour writes a tour with id "t" and one default stop, with key, value pairs laid over it.
func tour(kv ...string) string {
	base := [][2]string{
		{"id", `"t"`},
		{"title", `{"en": "Stalingrad", "ru": "Сталинград"}`},
		{"summary", `"From the defence of the city to the encirclement."`},
		{"stops", "[\n" + stop() + "\n      ]"},
		{"sources", `["src-britannica-stalingrad"]`},
	}
	return object("      ", base, kv)
}

// stops writes a list of stops as the value of "stops".
func stops(s ...string) string { return "[\n" + strings.Join(s, ",\n") + "\n      ]" }

func object(indent string, base [][2]string, kv []string) string {
	fields := append([][2]string(nil), base...)
	for i := 0; i+1 < len(kv); i += 2 {
		found := false
		for j := range fields {
			if fields[j][0] == kv[i] {
				fields[j][1], found = kv[i+1], true
			}
		}
		if !found {
			fields = append(fields, [2]string{kv[i], kv[i+1]})
		}
	}
	var lines []string
	open := "{"
	for _, f := range fields {
		switch {
		case f[0] == "{":
			open += f[1] // a marker on the line of the opening brace
		case f[1] != "-":
			lines = append(lines, fmt.Sprintf("%s  %q: %s", indent, f[0], f[1]))
		}
	}
	return indent + open + "\n" + strings.Join(lines, ",\n") + "\n" + indent + "}"
}

// toursFile writes a tours.json holding the tours.
func toursFile(tours ...string) string {
	return "{\n  \"tours\": [\n" + strings.Join(tours, ",\n") + "\n  ]\n}\n"
}

var markerRE = regexp.MustCompile(`/\*@(\d+)\*/`)

// loadTours loads the valid test pack with its tours.json replaced by file, after taking the
// markers out; it returns the problems and the line of each marker.
func loadTours(t *testing.T, file string) (*Catalog, []string, map[string]int) {
	t.Helper()
	lines := map[string]int{}
	for i, line := range strings.Split(file, "\n") {
		for _, m := range markerRE.FindAllStringSubmatch(line, -1) {
			lines[m[1]] = i + 1
		}
	}
	m := overlayPack(t, "")
	m["tours.json"] = &fstest.MapFile{Data: []byte(markerRE.ReplaceAllString(file, ""))}
	c, err := LoadFS(m, "test")
	if err == nil {
		return c, nil, lines
	}
	var pe *PackError
	if !errors.As(err, &pe) {
		t.Fatalf("LoadFS: got %T %v, want a *PackError", err, err)
	}
	var msgs []string
	for _, p := range pe.Problems {
		msgs = append(msgs, p.Error())
	}
	return nil, msgs, lines
}

// TestTourProblems loads broken tours: each must give a problem that names the file and the
// line, the tour, the stop (by field path and by the number the presenter sees) and the field,
// with a message saying what is wrong; every problem of a file is reported at once.
func TestTourProblems(t *testing.T) {
	const st1 = `stop 1 "The battle begins": `
	tests := []struct {
		name string
		file string
		want [][]string // each: substrings of one problem; "@N" is the file and line of marker N
	}{
		{"missing title", toursFile(tour("title", `{"ru": "Сталинград"}/*@1*/`)),
			[][]string{{"@1", `tour "t": field "title": has no English ("en") text`}}},
		{"no title at all", toursFile(tour("title", "-", "summary", `"S"/*@1*/`)),
			[][]string{{`tour "t": field "title": missing`}}},
		{"stop without title", toursFile(tour("stops", stops(stop(), stop("{", "/*@1*/", "title", "-", "date", `"1942-11-19"`)))),
			[][]string{{"@1", `field "stops[1].title": stop 2: missing`}}},
		{"bad date", toursFile(tour("stops", stops(stop("date", `"1942-02-30"/*@1*/`), stop("view", `{"lon": 44.5, "lat": 95/*@2*/, "zoom": 7}`)))),
			[][]string{
				{"@1", `tour "t": field "stops[0].date": ` + st1, `date "1942-02-30": day 30 does not exist in 1942-02`},
				{"@2", `field "stops[1].view.lat": stop 2 "The battle begins": 95: want degrees north from -90 to 90`}}},
		{"date not a string", toursFile(tour("stops", stops(stop("date", `19420717/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].date": ` + st1 + `want a date string such as "1942-11-19"`}}},
		{"from after to", toursFile(tour("stops", stops(stop("date", "-", "from", `"1942-12-05"`, "to", `"1942-06-01"/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].to": ` + st1 + `1942-06-01 is before from 1942-12-05`}}},
		{"from without to", toursFile(tour("stops", stops(stop("{", "/*@1*/", "date", "-", "from", `"1942-12-05"`)))),
			[][]string{{"@1", `field "stops[0].to": ` + st1 + `missing: a range needs from and to`}}},
		{"both date and range", toursFile(tour("stops", stops(stop("date", `"1942-07-17"/*@1*/`, "from", `"1942-07-17"`, "to", `"1942-08-01"`)))),
			[][]string{{"@1", `field "stops[0].date": ` + st1 + `give either a date or a range (from, to), not both`}}},
		{"no date", toursFile(tour("stops", stops(stop("date", "-", "select", `"event:stalingrad"/*@1*/`)))),
			[][]string{{`field "stops[0].date": ` + st1 + `missing: want a date such as "1941-06-22", or a range`}}},
		{"one-day range", toursFile(tour("stops", stops(stop("date", "-", "from", `"1942-07-17"`, "to", `"1942-07-17"/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].to": ` + st1 + `the range from 1942-07-17 to 1942-07-17 is one day: give "date" instead`}}},
		{"outside the period", toursFile(tour("stops", stops(stop("date", `"1935-12"/*@1*/`, "select", "-")))),
			[][]string{{"@1", `field "stops[0].date": ` + st1 + `Dec 1935 is outside 1936–1953`}}},
		{"play_seconds with a date", toursFile(tour("stops", stops(stop("play_seconds", `10/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].play_seconds": ` + st1 + `only a range is played`}}},
		{"play_seconds too long", toursFile(tour("stops", stops(stop("date", "-", "from", `"1942-07-17"`, "to", `"1943-02-02"`, "play_seconds", `1000/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].play_seconds": ` + st1 + `1000: want 2 to 300 seconds`}}},
		{"select a missing item", toursFile(tour("stops", stops(stop("select", `"event:stalingrd"/*@1*/`)))),
			[][]string{{"@1", `tour "t": field "stops[0].select": ` + st1 + `event "stalingrd" not found (did you mean "stalingrad"?)`}}},
		{"select an item of another kind", toursFile(tour("stops", stops(stop("select", `"person:stalingrad"/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].select": ` + st1 + `person "stalingrad" not found (there is a event and a place with that id)`}}},
		{"select an award by its label", toursFile(tour("stops", stops(stop("select", `"award:hero-soviet-union"/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].select": ` + st1 + `"award:hero-soviet-union": kind "award": want one of event, person, medal, place, organization, veteran (an award's kind is "medal")`}}},
		{"select without kind", toursFile(tour("stops", stops(stop("select", `"stalingrad"/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].select": ` + st1 + `"stalingrad": want kind:id, such as "event:battle-of-kursk"`}}},
		{"unknown field in a stop", toursFile(tour("stops", stops(stop(), stop("captoin", `"x"/*@1*/`)))),
			[][]string{{"@1", `tour "t": field "stops[1].captoin": stop 2 "The battle begins": unknown field (see docs/content-format.md for the fields of a tour)`}}},
		{"unknown field in a view", toursFile(tour("stops", stops(stop("view", `{"lon": 44.5, "lat": 48.7, "zooom": 7}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.zooom": ` + st1 + `unknown field`}}},
		{"unknown field in a tour", toursFile(tour("titel", `"x"/*@1*/`)),
			[][]string{{"@1", `tour "t": field "titel": unknown field`}}},
		{"field given twice in a stop", toursFile(tour("stops", stops(stop("select", `"event:stalingrad",`+"\n"+`"select": "event:uranus"/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].select": ` + st1 + `given more than once in the item`}}},
		{"view lat out of range", toursFile(tour("stops", stops(stop("view", `{"lon": 44.5, "lat": -91, "zoom": 7}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.lat": ` + st1 + `-91: want degrees north from -90 to 90`}}},
		{"view lon out of range", toursFile(tour("stops", stops(stop("view", `{"lon": 200, "lat": 48.7, "zoom": 7}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.lon": ` + st1 + `200: want degrees east from -180 to 180`}}},
		{"zoom out of range", toursFile(tour("stops", stops(stop("view", `{"lon": 44.5, "lat": 48.7, "zoom": 30}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.zoom": ` + st1 + `30: want 2 (a continent) to 16 (a town)`}}},
		{"zoom not a number", toursFile(tour("stops", stops(stop("view", `{"lon": 44.5, "lat": 48.7, "zoom": "six"}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.zoom": ` + st1 + `want a number, got string`}}},
		{"view without zoom", toursFile(tour("stops", stops(stop("view", `{"lon": 44.5, "lat": 48.7}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.zoom": ` + st1 + `missing`}}},
		{"no view", toursFile(tour("stops", stops(stop("view", "-", "select", `"event:stalingrad"/*@1*/`)))),
			[][]string{{`field "stops[0].view": ` + st1 + `missing: want lon, lat and zoom, or "fit": "selection"`}}},
		{"fit with a zoom", toursFile(tour("stops", stops(stop("view", `{"fit": "selection", "zoom": 5}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.zoom": ` + st1 + `not with "fit"`}}},
		{"fit something else", toursFile(tour("stops", stops(stop("view", `{"fit": "front"}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.fit": ` + st1 + `"front": want "selection"`}}},
		{"fit without a selection", toursFile(tour("stops", stops(stop("select", "-", "view", `{"fit": "selection"}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.fit": ` + st1 + `the stop selects nothing to fit`}}},
		{"fit a selection without places", toursFile(tour("stops", stops(stop("select", `"person:zhukov"`, "view", `{"fit": "selection"}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].view.fit": ` + st1 + `person "zhukov" has no places to fit`}}},
		{"filter an unknown lane", toursFile(tour("stops", stops(stop("filter", `{"hide_lanes": ["politics", "partisans"]}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].filter.hide_lanes[1]": ` + st1 + `"partisans" is not a lane of the pack (politics, operations)`}}},
		{"filter an unknown theatre", toursFile(tour("stops", stops(stop("filter", `{"hide_theatres": ["pacific"]}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].filter.hide_theatres[0]": ` + st1 + `"pacific" is not a theatre of the pack (eastern, world)`}}},
		{"filter hides the selection", toursFile(tour("stops", stops(stop("filter", `{"hide_theatres": ["eastern"]}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].filter": ` + st1 + `hides the selected event "stalingrad" (lane "operations", theatre "eastern")`}}},
		{"filter hides every lane", toursFile(tour("stops", stops(stop("select", "-", "filter", `{"hide_lanes": ["politics", "operations"]}/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].filter.hide_lanes": ` + st1 + `hides every lane`}}},
		{"caption too long", toursFile(tour("stops", stops(stop("caption", `"`+strings.Repeat("Stalingrad ", 15)+`"/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].caption": ` + st1 + `the "en" text is 165 characters long: at most 160 fit on screen`}}},
		{"caption missing", toursFile(tour("stops", stops(stop("caption", "-", "sources", `["src-britannica-stalingrad"]/*@1*/`)))),
			[][]string{{`field "stops[0].caption": ` + st1 + `missing`}}},
		{"stop without sources", toursFile(tour("stops", stops(stop("sources", `[]/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].sources": ` + st1 + `missing: every stop cites at least one source id`}}},
		{"stop citing a missing source", toursFile(tour("stops", stops(stop("sources", `["src-britannica-stalingrat"]/*@1*/`)))),
			[][]string{{"@1", `field "stops[0].sources": ` + st1 + `source "src-britannica-stalingrat" not found (did you mean "src-britannica-stalingrad"?)`}}},
		{"tour without sources", toursFile(tour("sources", `[]/*@1*/`)),
			[][]string{{"@1", `tour "t": field "sources": missing`}}},
		{"empty stops", toursFile(tour("stops", `[]/*@1*/`)),
			[][]string{{"@1", `tour "t": field "stops": missing: a tour needs at least one stop`}}},
		{"stop not an object", toursFile(tour("stops", stops(`        "stalingrad"/*@1*/`))),
			[][]string{{"@1", `field "stops[0]": stop 1: want an object, got string`}}},
		{"duplicate tour id", toursFile(tour(), tour("id", `"t"/*@1*/`)),
			[][]string{{"@1", `tour "t": field "id": duplicate id: tour "t" is first defined at tours.json:4`}}},
		{"tours not a list", `{"tours": {"id": "t"}}`,
			[][]string{{`tours.json:1`, `key "tours": want an array of tour items`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, msgs, lines := loadTours(t, tc.file)
			if c != nil {
				t.Fatalf("the pack loaded; want problems. tours.json:\n%s", tc.file)
			}
			for _, want := range tc.want {
				parts := make([]string, len(want))
				for i, p := range want {
					if n, ok := strings.CutPrefix(p, "@"); ok {
						if lines[n] == 0 {
							t.Fatalf("marker %s not found", n)
						}
						p = fmt.Sprintf("tours.json:%d:", lines[n])
					}
					parts[i] = p
				}
				if !anyContainsAll(msgs, parts) {
					t.Errorf("no problem contains all of %q; got:\n%s", parts, strings.Join(msgs, "\n"))
				}
			}
		})
	}
}

// TestTourProblemsAllAtOnce checks that one load reports the problems of every stop and every
// tour, each once, rather than stopping at the first.
func TestTourProblemsAllAtOnce(t *testing.T) {
	file := toursFile(
		tour("stops", stops(
			stop("date", `"1942-13-01"`),
			stop("view", `{"lon": 44.5, "lat": 95, "zoom": 7}`),
			stop("select", `"event:nowhere"`),
			stop("captoin", `"x"`),
			stop("zoom", `5`),
		)),
		tour("id", `"u"`, "title", "-", "stops", `[]`),
	)
	_, msgs, _ := loadTours(t, file)
	for _, want := range []string{
		`field "stops[0].date": stop 1`,
		`field "stops[1].view.lat": stop 2`,
		`field "stops[2].select": stop 3`,
		`field "stops[3].captoin": stop 4`,
		`field "stops[4].zoom": stop 5`,
		`tour "u": field "title": missing`,
		`tour "u": field "stops": missing`,
	} {
		n := 0
		for _, m := range msgs {
			if strings.Contains(m, want) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d problems contain %q, want 1; got:\n%s", n, want, strings.Join(msgs, "\n"))
		}
	}
	if len(msgs) != 7 {
		t.Errorf("got %d problems, want 7:\n%s", len(msgs), strings.Join(msgs, "\n"))
	}
}

// TestTourWarnings checks what loads with a warning: a stop whose date lies outside the dates
// of the event it selects.
func TestTourWarnings(t *testing.T) {
	c, msgs, lines := loadTours(t, toursFile(tour("stops", stops(stop("date", `"1941-06-22"/*@1*/`)))))
	if c == nil {
		t.Fatalf("the pack did not load:\n%s", strings.Join(msgs, "\n"))
	}
	want := fmt.Sprintf(`tours.json:%d: tour "t": field "stops[0].date": stop 1 "The battle begins": 22 Jun 1941 is outside the dates of the selected event "stalingrad" (17 Jul 1942 – 2 Feb 1943)`, lines["1"])
	var ws []string
	for _, w := range c.Warnings() {
		if strings.HasPrefix(w, "tours.json") {
			ws = append(ws, w)
		}
	}
	if len(ws) != 1 || ws[0] != want {
		t.Errorf("the warnings about tours.json are %q, want [%q]", ws, want)
	}
}
