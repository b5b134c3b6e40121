package geo

import (
	"sort"
	"time"
)

// The border snapshots name states as they stood on one day: the 1938 snapshot is drawn from
// 1936 to 8 May 1945 and the 1945 one from 9 May 1945 to 1953. Their names are right on that
// day only: "Korea (USSR)" and "Japan (USA)" are the occupation zones of September 1945, "Israel"
// and "Pakistan" date from 1947-48, the Baltic states were annexed in 1940. countryLabelRules
// label each state by the date shown instead; countryLabelExtras add states that have no polygon
// of their own in a snapshot (Slovakia, Croatia, Germany before the zones).

// countryLabelRule gives the label of a state of a border snapshot from From (inclusive) to To
// (exclusive), dates YYYY-MM-DD, "" for open. An empty Text hides the label. At, when set,
// moves the label there (degrees, lon first).
type countryLabelRule struct {
	Snapshot, Name string
	From, To       string
	Text           string
	At             *[2]float64
}

// countryLabelExtra is a label for a state without a polygon of its own in a snapshot.
type countryLabelExtra struct {
	Snapshot, Text string
	From, To       string
	Lon, Lat       float64
	Rank           int
}

// countryLabelRules: the dates are those of Encyclopaedia Britannica's articles on each state.
var countryLabelRules = []countryLabelRule{
	// The 1945 snapshot, drawn from 9 May 1945.
	{Snapshot: Borders1945, Name: "Korea (USSR)", To: "1945-08-15", Text: ""}, // Japanese rule until the surrender: one label, on the south
	{Snapshot: Borders1945, Name: "Korea (USSR)", From: "1948-09-09", Text: "North Korea"},
	{Snapshot: Borders1945, Name: "Korea (USA)", To: "1945-09-08", Text: "Korea (Japan)"}, // the US landed at Incheon on 8 September
	{Snapshot: Borders1945, Name: "Korea (USA)", From: "1948-08-15", Text: "South Korea"},
	{Snapshot: Borders1945, Name: "Japan (USA)", To: "1945-09-02", Text: "Japan"}, // occupied from the surrender of 2 September
	{Snapshot: Borders1945, Name: "Japan (USA)", From: "1952-04-28", Text: "Japan"},
	{Snapshot: Borders1945, Name: "Manchuria", To: "1945-08-20", Text: "Manchukuo (Japan)"},
	{Snapshot: Borders1945, Name: "Manchuria", From: "1945-08-20", To: "1946-05-03", Text: "Manchuria (USSR)"},
	{Snapshot: Borders1945, Name: "Manchuria", From: "1946-05-03", Text: "Manchuria (China)"},
	{Snapshot: Borders1945, Name: "Taiwan", To: "1945-10-25", Text: "Taiwan (Japan)"},
	{Snapshot: Borders1945, Name: "Taiwan", From: "1945-10-25", To: "1949-12-07", Text: "Taiwan (China)"},
	{Snapshot: Borders1945, Name: "Germany (Soviet)", To: "1945-06-05", Text: ""}, // the zones from the Berlin Declaration
	{Snapshot: Borders1945, Name: "Germany (USA)", To: "1945-06-05", Text: ""},
	{Snapshot: Borders1945, Name: "Germany (UK)", To: "1945-06-05", Text: ""},
	{Snapshot: Borders1945, Name: "Germany (France)", To: "1945-06-05", Text: ""},
	{Snapshot: Borders1945, Name: "Germany (Soviet)", From: "1945-06-05", To: "1949-10-07", Text: "Germany (USSR)"},
	{Snapshot: Borders1945, Name: "Germany (Soviet)", From: "1949-10-07", Text: "East Germany"},
	{Snapshot: Borders1945, Name: "Germany (USA)", From: "1949-05-23", Text: "West Germany"},
	{Snapshot: Borders1945, Name: "Germany (UK)", From: "1949-05-23", Text: ""},
	{Snapshot: Borders1945, Name: "Germany (France)", From: "1949-05-23", Text: ""},
	{Snapshot: Borders1945, Name: "Saar Protectorate", To: "1947-12-15", Text: "Saar (France)"},
	{Snapshot: Borders1945, Name: "Austria", To: "1955-07-27", Text: "Austria (Allied occupation)"},
	{Snapshot: Borders1945, Name: "Israel", To: "1948-05-14", Text: "Palestine (UK)"},
	{Snapshot: Borders1945, Name: "Jordan", To: "1946-05-25", Text: "Transjordan (UK)"},
	{Snapshot: Borders1945, Name: "Jordan", From: "1946-05-25", To: "1949-04-26", Text: "Transjordan"},
	{Snapshot: Borders1945, Name: "India", To: "1947-08-15", Text: "India (UK)"},
	{Snapshot: Borders1945, Name: "Pakistan", To: "1947-08-14", Text: ""},
	{Snapshot: Borders1945, Name: "Bangladesh", To: "1947-08-14", Text: ""},
	{Snapshot: Borders1945, Name: "Bangladesh", From: "1947-08-14", Text: "East Pakistan"},
	{Snapshot: Borders1945, Name: "Burma", To: "1948-01-04", Text: "Burma (UK)"},
	{Snapshot: Borders1945, Name: "Cyraneica (UK Lybia)", To: "1951-12-24", Text: "Cyrenaica (UK)"},
	{Snapshot: Borders1945, Name: "Cyraneica (UK Lybia)", From: "1951-12-24", Text: ""},
	{Snapshot: Borders1945, Name: "Tripolitana (UK Lybia)", To: "1951-12-24", Text: "Tripolitania (UK)"},
	{Snapshot: Borders1945, Name: "Tripolitana (UK Lybia)", From: "1951-12-24", Text: "Libya"},
	{Snapshot: Borders1945, Name: "Fezzan (Frech Lybia)", To: "1951-12-24", Text: "Fezzan (France)"},
	{Snapshot: Borders1945, Name: "Fezzan (Frech Lybia)", From: "1951-12-24", Text: ""},
	{Snapshot: Borders1945, Name: "Western Sahara", Text: "Spanish Sahara (Spain)"},
	{Snapshot: Borders1945, Name: "United Arab Emirates", Text: "Trucial States (UK)"},
	{Snapshot: Borders1945, Name: "Oman", Text: "Muscat and Oman"},
	{Snapshot: Borders1945, Name: "Kuwait", Text: "Kuwait (UK)"},
	{Snapshot: Borders1945, Name: "Qatar", Text: "Qatar (UK)"},
	// The 1938 snapshot, drawn until 8 May 1945.
	{Snapshot: Borders1938, Name: "Czechoslovakia", From: "1939-03-15", Text: "Bohemia-Moravia (Germany)", At: &[2]float64{15.3, 49.8}},
	{Snapshot: Borders1938, Name: "Estonia", From: "1940-08-06", Text: "Estonia (USSR)"},
	{Snapshot: Borders1938, Name: "Latvia", From: "1940-08-05", Text: "Latvia (USSR)"},
	{Snapshot: Borders1938, Name: "Lithuania", From: "1940-08-03", Text: "Lithuania (USSR)"},
	{Snapshot: Borders1938, Name: "Albania", From: "1939-04-07", To: "1943-09-08", Text: "Albania (Italy)"},
	{Snapshot: Borders1938, Name: "Libya", To: "1943-01-23", Text: "Libya (Italy)"},
	{Snapshot: Borders1938, Name: "Libya", From: "1943-01-23", Text: "Libya (UK)"},
	{Snapshot: Borders1938, Name: "Chinese warlords", Text: "China"},
	{Snapshot: Borders1938, Name: "Mesopotamia (GB)", Text: "Iraq"}, // independent since 1932
	{Snapshot: Borders1938, Name: "Mandatory Palestine (GB)", Text: "Palestine (UK)"},
	{Snapshot: Borders1938, Name: "Hejaz", Text: ""}, // part of Saudi Arabia since 1932
	{Snapshot: Borders1938, Name: "Hail", Text: ""},
	{Snapshot: Borders1938, Name: "Emirate of Bin Shal'an", Text: ""},
}

// countryLabelExtras: states the snapshots draw inside another's polygon.
var countryLabelExtras = []countryLabelExtra{
	{Snapshot: Borders1938, Text: "Slovakia", From: "1939-03-14", To: "1945-04-04", Lon: 19.6, Lat: 48.7, Rank: 3},
	{Snapshot: Borders1938, Text: "Croatia", From: "1941-04-10", To: "1945-05-08", Lon: 16.3, Lat: 45.4, Rank: 3},
	{Snapshot: Borders1945, Text: "Germany", From: "1945-05-09", To: "1945-06-05", Lon: 10.3, Lat: 51.0, Rank: 1},
}

// countryLabelEpoch returns a key that changes exactly when a rule or an extra of the snapshot
// starts or ends, so that labels can be cached per interval between those dates.
func countryLabelEpoch(snap string, day time.Time) int {
	d := day.Format("2006-01-02")
	n := 0
	for _, b := range countryLabelDates(snap) {
		if b <= d {
			n++
		}
	}
	return n
}

func countryLabelDates(snap string) []string {
	var ds []string
	for _, r := range countryLabelRules {
		if r.Snapshot == snap {
			ds = append(ds, r.From, r.To)
		}
	}
	for _, e := range countryLabelExtras {
		if e.Snapshot == snap {
			ds = append(ds, e.From, e.To)
		}
	}
	sort.Strings(ds)
	out := ds[:0]
	for _, d := range ds {
		if d != "" && (len(out) == 0 || out[len(out)-1] != d) {
			out = append(out, d)
		}
	}
	return out
}

// datedCountryLabels applies the rules of the snapshot at day to labels made from its polygons
// (whose Text is the snapshot's name) and adds the extras of the day.
func datedCountryLabels(snap string, base []MapLabel, day time.Time) []MapLabel {
	d := day.Format("2006-01-02")
	in := func(from, to string) bool { return (from == "" || d >= from) && (to == "" || d < to) }
	out := make([]MapLabel, 0, len(base)+len(countryLabelExtras))
	for _, l := range base {
		keep := true
		for _, r := range countryLabelRules {
			if r.Snapshot == snap && r.Name == l.Text && in(r.From, r.To) {
				l.Text = r.Text
				if r.At != nil {
					l.Lon, l.Lat = r.At[0], r.At[1]
				}
				keep = r.Text != ""
				break
			}
		}
		if keep {
			out = append(out, l)
		}
	}
	for _, e := range countryLabelExtras {
		if e.Snapshot == snap && in(e.From, e.To) {
			out = append(out, MapLabel{Text: e.Text, Kind: MapLabelCountry, Lon: e.Lon, Lat: e.Lat, Rank: e.Rank})
		}
	}
	return out
}
