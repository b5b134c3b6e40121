package geo

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// Places used by the held-area tests (degrees, lon first).
var heldTestPlaces = map[string]orb.Point{
	"moscow": {37.62, 55.75}, "leningrad": {30.32, 59.94}, "kiev": {30.52, 50.45}, "minsk": {27.56, 53.90},
	"smolensk": {32.05, 54.78}, "kharkov": {36.23, 49.99}, "rostov": {39.70, 47.23}, "sevastopol": {33.52, 44.60},
	"odessa": {30.73, 46.48}, "stalingrad-west": {44.45, 48.72}, "voronezh-centre": {39.20, 51.67},
	"voronezh-left-bank": {39.30, 51.66}, "astrakhan": {48.03, 46.35}, "grozny": {45.69, 43.32}, "tuapse": {39.07, 44.10},
	"krasnodar": {38.98, 45.04}, "maykop": {40.10, 44.61}, "elista": {44.27, 46.31}, "orel": {36.06, 52.97},
	"kursk": {36.19, 51.73}, "rzhev": {34.33, 56.26}, "novgorod": {31.27, 58.52}, "tula": {37.62, 54.19},
	"kalinin": {35.91, 56.86}, "klin": {36.73, 56.33}, "istra": {36.86, 55.92}, "tikhvin": {33.60, 59.64},
	"taganrog": {38.90, 47.22}, "simferopol": {34.10, 44.95}, "vitebsk": {30.20, 55.19}, "orsha": {30.42, 54.51},
	"mogilev": {30.34, 53.90}, "bobruisk": {29.22, 53.14}, "pskov": {28.33, 57.82}, "kovel": {24.72, 51.21},
	"lvov": {24.03, 49.84}, "ternopil": {25.60, 49.55}, "brody": {25.15, 50.08}, "rovno": {26.25, 50.62},
	"riga": {24.11, 56.95}, "tartu": {26.72, 58.38}, "siauliai": {23.32, 55.93}, "warsaw": {20.98, 52.23},
	"lublin": {22.57, 51.25}, "krakow": {19.94, 50.06}, "budapest": {19.04, 47.50}, "vienna": {16.37, 48.21},
	"prague": {14.42, 50.08}, "berlin": {13.40, 52.52}, "konigsberg": {20.51, 54.71}, "liepaja": {21.01, 56.51},
	"bucharest": {26.10, 44.43}, "iasi": {27.59, 47.16}, "kishinev": {28.86, 47.01}, "belgrade": {20.46, 44.82},
	"zhitomir": {28.66, 50.25}, "cherkassy": {32.06, 49.44}, "kirovograd": {32.26, 48.51}, "kherson": {32.62, 46.64},
	"gomel": {31.00, 52.44}, "nevel": {29.92, 56.02}, "velikiye-luki": {30.53, 56.34}, "staraya-russa": {31.36, 58.00},
	"bryansk": {34.37, 53.24}, "stalino": {37.80, 48.00}, "mozdok": {44.65, 43.74}, "nalchik": {43.60, 43.49},
	"ordzhonikidze": {44.68, 43.03}, "novorossiysk": {37.77, 44.72}, "memel": {21.13, 55.71}, "suwalki": {22.93, 54.10},
	"kaunas": {23.90, 54.90}, "grodno": {23.83, 53.68}, "brest": {23.70, 52.10}, "chernivtsi": {25.94, 48.29},
	"vyazma": {34.30, 55.21}, "demyansk": {32.47, 57.64}, "kholm": {31.13, 57.15}, "lyuban": {31.25, 59.35},
	"kerch": {36.47, 45.36}, "yukhnov": {35.24, 54.74}, "barvenkovo": {37.02, 48.90}, "serafimovich": {42.73, 49.58},
	"kletskaya": {43.07, 49.32}, "toropets": {31.63, 56.50}, "bolkhov": {36.00, 53.44}, "belgorod": {36.59, 50.60},
	"rylsk": {34.68, 51.57}, "maloarkhangelsk": {36.50, 52.40}, "voroshilovgrad": {39.31, 48.57},
	"nikopol": {34.40, 47.57}, "zaporozhye": {35.14, 47.84}, "dnepropetrovsk": {35.05, 48.46}, "melitopol": {35.37, 46.84},
	"tallinn": {24.75, 59.44}, "cluj": {23.59, 46.77}, "tukums": {23.16, 56.97}, "vilnius": {25.28, 54.69},
	"jelgava": {23.72, 56.65}, "gumbinnen": {22.20, 54.59}, "kosice": {21.26, 48.72}, "sandomierz": {21.75, 50.68},
	"debrecen": {21.63, 47.53},
	"vyborg":   {28.73, 60.71}, "sortavala": {30.70, 61.70}, "stettin": {14.55, 53.43}, "pillau": {19.90, 54.64},
	"malaya-zemlya": {37.79, 44.655}, "kerch-yenikale": {36.58, 45.43}, "eltigen": {36.465, 45.205},
	"rome": {12.50, 41.90}, "naples": {14.25, 40.85}, "palermo": {13.36, 38.12}, "florence": {11.25, 43.77},
	"bologna": {11.34, 44.49}, "milan": {9.19, 45.46}, "genoa": {8.93, 44.41}, "venice": {12.33, 45.44},
	"paris": {2.35, 48.86}, "brussels": {4.35, 50.85}, "antwerp": {4.40, 51.22}, "aachen": {6.08, 50.78},
	"cologne": {6.96, 50.94}, "strasbourg": {7.75, 48.58}, "amsterdam": {4.90, 52.37}, "copenhagen": {12.57, 55.68},
	"oslo": {10.75, 59.91}, "lyon": {4.84, 45.76}, "marseille": {5.37, 43.30}, "tunis": {10.18, 36.80},
	"tripoli": {13.19, 32.89}, "benghazi": {20.07, 32.12}, "tobruk": {23.96, 32.08}, "mersa-matruh": {27.23, 31.35},
	"athens": {23.73, 37.98}, "madrid": {-3.70, 40.42}, "bern": {7.45, 46.95}, "stockholm": {18.07, 59.33},
	"istanbul": {28.98, 41.01}, "london": {-0.13, 51.51}, "lisbon": {-9.14, 38.72}, "cairo": {31.24, 30.04},
	"alexandria": {29.92, 31.20}, "vinnitsa": {28.47, 49.23},
	"voronezh": {39.20, 51.67}, "stavropol": {41.97, 45.04}, "poltava": {34.55, 49.59}, "uman": {30.22, 48.75}, "nikolaev": {31.99, 46.97}, "sofia": {23.32, 42.70}, "narva": {28.19, 59.38}, "luga": {29.85, 58.74}, "mariupol": {37.55, 47.10}, "pyatigorsk": {43.06, 44.04}, "petrozavodsk": {34.36, 61.79}, "oranienbaum": {29.77, 59.91}, "kronstadt": {29.77, 59.99}, "danzig": {18.65, 54.35}, "breslau": {17.04, 51.11}, "hel": {18.80, 54.61},
}

// TestHeldAtReferenceKeyframes checks, for each keyframe of the reference table, places that
// the Axis held and places the Red Army held on that date.
func TestHeldAtReferenceKeyframes(t *testing.T) {
	f := loadTestFronts(t)
	tests := []struct {
		date         string
		axis, soviet []string
	}{
		{"1941-06-22", []string{"memel", "suwalki", "warsaw", "krakow", "bucharest", "iasi"},
			[]string{"kaunas", "grodno", "brest", "lvov", "chernivtsi", "kishinev", "minsk", "riga", "kiev"}},
		{"1941-12-05", []string{"kalinin", "klin", "istra", "kursk", "kharkov", "taganrog", "orel", "smolensk", "novgorod", "tikhvin", "staraya-russa", "simferopol", "kiev", "odessa"},
			[]string{"moscow", "leningrad", "tula", "rostov", "sevastopol", "voronezh-centre"}},
		{"1942-05-07", []string{"orel", "kursk", "kharkov", "rzhev", "vyazma", "demyansk", "kholm", "lyuban", "taganrog"},
			[]string{"kerch", "sevastopol", "yukhnov", "barvenkovo", "rostov", "voronezh-centre", "moscow", "leningrad"}},
		{"1942-11-18", []string{"kharkov", "kursk", "orel", "rzhev", "smolensk", "novgorod", "krasnodar", "maykop", "elista", "stalingrad-west", "voronezh-centre", "mozdok", "nalchik", "novorossiysk", "velikiye-luki", "rostov", "sevastopol", "kerch"},
			[]string{"moscow", "leningrad", "oranienbaum", "kronstadt", "voronezh-left-bank", "astrakhan", "grozny", "tuapse", "ordzhonikidze", "serafimovich", "kletskaya", "toropets"}},
		{"1943-07-04", []string{"orel", "bolkhov", "belgorod", "kharkov", "bryansk", "smolensk", "taganrog", "stalino", "novorossiysk", "rylsk", "staraya-russa", "kiev"},
			[]string{"kursk", "maloarkhangelsk", "velikiye-luki", "voroshilovgrad", "rostov", "krasnodar", "rzhev", "leningrad"}},
		{"1943-12-24", []string{"vitebsk", "orsha", "mogilev", "zhitomir", "kirovograd", "kherson", "nikopol", "sevastopol", "novgorod"},
			[]string{"kiev", "gomel", "cherkassy", "nevel", "smolensk", "zaporozhye", "dnepropetrovsk", "melitopol"}},
		{"1944-06-22", []string{"vitebsk", "orsha", "mogilev", "bobruisk", "minsk", "pskov", "kovel", "brody", "lvov", "iasi", "kishinev"},
			[]string{"ternopil", "rovno", "odessa", "chernivtsi", "kiev", "smolensk", "leningrad", "sevastopol", "novgorod"}},
		{"1944-08-29", []string{"riga", "tukums", "warsaw", "krakow", "budapest", "cluj", "tallinn", "konigsberg", "liepaja"},
			[]string{"tartu", "siauliai", "kaunas", "lublin", "lvov", "bucharest", "iasi", "kishinev", "minsk", "vilnius", "jelgava"}},
		{"1945-01-12", []string{"liepaja", "memel", "konigsberg", "warsaw", "krakow", "kosice", "budapest", "gumbinnen"},
			[]string{"riga", "vilnius", "lublin", "lvov", "sandomierz", "debrecen", "belgrade"}},
		{"1945-05-08", []string{"prague", "liepaja", "hel"},
			[]string{"berlin", "vienna", "konigsberg", "breslau", "danzig", "budapest", "warsaw"}},
	}
	for _, tc := range tests {
		t.Run(tc.date, func(t *testing.T) {
			day := float64(frontDay(tc.date))
			for want, names := range map[bool][]string{true: tc.axis, false: tc.soviet} {
				for _, n := range names {
					p, ok := heldTestPlaces[n]
					if !ok {
						t.Fatalf("no test place %q", n)
					}
					if got := f.AxisHeldAt(p, day); got != want {
						t.Errorf("%s held by the Axis on %s: got %v, want %v", n, tc.date, got, want)
					}
				}
			}
			if t.Failed() {
				writeHeldFailure(t, f, day, tc.date)
			}
		})
	}
}

// writeHeldFailure writes testdata/fronts/failure_<date>.geojson (fronts, held area and the
// test places) to open on a map.
func writeHeldFailure(t *testing.T, f *Fronts, day float64, date string) {
	fc := f.FeatureCollectionAt(day)
	for n, p := range heldTestPlaces {
		ft := geojson.NewFeature(p)
		ft.Properties = geojson.Properties{"name": n}
		fc.Append(ft)
	}
	data, err := json.Marshal(fc)
	if err != nil {
		t.Logf("marshal failure file: %v", err)
		return
	}
	name := filepath.Join("testdata", "fronts", "failure_"+date+".geojson")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Logf("write %s: %v", name, err)
		return
	}
	t.Logf("wrote %s", name)
}

// TestHeldPeriods checks the occupation periods of cities against history, within
// heldToleranceDays of each date. A period's start of "-" is not checked (the city was taken
// in a campaign the fronts do not follow day by day). Dates are those of Encyclopaedia
// Britannica and the official histories cited in the fronts files: for the west L. F. Ellis,
// "Victory in the West" and the US Army's "Green Books"; for Italy and Africa I. S. O. Playfair
// and C. J. C. Molony, "The Mediterranean and Middle East"; for Finland E. F. Ziemke, "The
// German Northern Theater of Operations".
func TestHeldPeriods(t *testing.T) {
	const heldToleranceDays = 7
	f := loadTestFronts(t)
	type period struct{ from, liberated string }
	tests := []struct {
		place string
		want  []period
	}{
		{"kiev", []period{{"1941-09-19", "1943-11-06"}}},
		{"minsk", []period{{"1941-06-28", "1944-07-03"}}},
		{"smolensk", []period{{"1941-07-16", "1943-09-25"}}},
		{"kharkov", []period{{"1941-10-24", "1943-02-16"}, {"1943-03-16", "1943-08-23"}}},
		{"rostov", []period{{"1941-11-21", "1941-11-29"}, {"1942-07-24", "1943-02-14"}}},
		{"sevastopol", []period{{"1942-07-04", "1944-05-09"}}},
		{"odessa", []period{{"1941-10-16", "1944-04-10"}}},
		{"stalingrad-west", []period{{"1942-09-13", "1943-02-02"}}},
		{"lvov", []period{{"1941-06-30", "1944-07-27"}}},
		{"vilnius", []period{{"1941-06-24", "1944-07-13"}}},
		{"riga", []period{{"1941-07-01", "1944-10-13"}}},
		{"tallinn", []period{{"1941-08-28", "1944-09-22"}}},
		{"pskov", []period{{"1941-07-09", "1944-07-23"}}},
		{"novgorod", []period{{"1941-08-19", "1944-01-20"}}},
		{"vitebsk", []period{{"1941-07-11", "1944-06-26"}}},
		{"orel", []period{{"1941-10-03", "1943-08-05"}}},
		{"kursk", []period{{"1941-11-02", "1943-02-08"}}},
		{"voronezh", []period{{"1942-07-07", "1943-01-25"}}},
		{"krasnodar", []period{{"1942-08-09", "1943-02-12"}}},
		{"stavropol", []period{{"1942-08-03", "1943-01-21"}}},
		{"novorossiysk", []period{{"1942-09-10", "1943-09-16"}}},
		{"kalinin", []period{{"1941-10-14", "1941-12-16"}}},
		{"rzhev", []period{{"1941-10-14", "1943-03-03"}}},
		{"vyazma", []period{{"1941-10-07", "1943-03-12"}}},
		{"bryansk", []period{{"1941-10-06", "1943-09-17"}}},
		{"poltava", []period{{"1941-09-18", "1943-09-23"}}},
		{"dnepropetrovsk", []period{{"1941-08-25", "1943-10-25"}}},
		{"zaporozhye", []period{{"1941-10-03", "1943-10-14"}}},
		{"simferopol", []period{{"1941-11-01", "1944-04-13"}}},
		{"kerch", []period{{"1941-11-16", "1941-12-30"}, {"1942-05-19", "1944-04-11"}}},
		{"kishinev", []period{{"1941-07-16", "1944-08-24"}}},
		{"uman", []period{{"1941-08-01", "1944-03-10"}}},
		{"nikolaev", []period{{"1941-08-16", "1944-03-28"}}},
		{"kherson", []period{{"1941-08-19", "1944-03-13"}}},
		{"gomel", []period{{"1941-08-19", "1943-11-26"}}},
		{"mogilev", []period{{"1941-07-26", "1944-06-28"}}},
		{"brest", []period{{"1941-06-22", "1944-07-28"}}},
		{"grodno", []period{{"1941-06-23", "1944-07-16"}}},
		{"kaunas", []period{{"1941-06-24", "1944-08-01"}}},
		{"warsaw", []period{{"1939-09-28", "1945-01-17"}}},
		{"krakow", []period{{"1939-09-06", "1945-01-19"}}},
		{"budapest", []period{{"1940-11-20", "1945-02-13"}}},
		{"belgrade", []period{{"1941-04-13", "1944-10-20"}}},
		{"bucharest", []period{{"1940-11-23", "1944-08-23"}}},
		{"sofia", []period{{"1941-03-01", "1944-09-09"}}},
		{"vienna", []period{{"1939-09-01", "1945-04-13"}}},
		{"prague", []period{{"1939-09-01", "1945-05-09"}}},
		{"berlin", []period{{"1939-09-01", "1945-05-02"}}},
		{"konigsberg", []period{{"1939-09-01", "1945-04-09"}}},
		{"breslau", []period{{"1939-09-01", "1945-05-06"}}},
		{"tartu", []period{{"1941-07-25", "1944-08-25"}}},
		{"narva", []period{{"1941-08-17", "1944-07-26"}}},
		{"luga", []period{{"1941-08-24", "1944-02-12"}}},
		{"tikhvin", []period{{"1941-11-08", "1941-12-09"}}},
		{"stalino", []period{{"1941-10-21", "1943-09-08"}}},
		{"taganrog", []period{{"1941-10-17", "1943-08-30"}}},
		{"mariupol", []period{{"1941-10-08", "1943-09-10"}}},
		{"maykop", []period{{"1942-08-09", "1943-01-29"}}},
		{"pyatigorsk", []period{{"1942-08-09", "1943-01-11"}}},
		{"velikiye-luki", []period{{"1941-08-26", "1943-01-17"}}},
		{"demyansk", []period{{"1941-09-08", "1943-03-01"}}},
		{"petrozavodsk", []period{{"1941-10-01", "1944-06-28"}}},
		{"leningrad", nil},
		{"moscow", nil},
		// The deviations of more than 7 days left in the first edition.
		{"vinnitsa", []period{{"1941-07-21", "1944-03-20"}}},
		{"nalchik", []period{{"1942-10-28", "1943-01-04"}}},
		{"elista", []period{{"1942-08-12", "1942-12-31"}}},
		{"staraya-russa", []period{{"-", "1944-02-18"}}},
		{"kholm", []period{{"-", "1944-02-21"}}},
		// The errata of the second edition.
		{"vyborg", []period{{"1939-11-30", "1940-03-14"}, {"1941-08-29", "1944-06-20"}}},         // Finnish in the Winter War; Finnish again 29 Aug 1941 - 20 Jun 1944
		{"sortavala", []period{{"1939-11-30", "1940-03-14"}, {"1941-08-16", "1944-09-20"}}},      // taken 16 Aug 1941; Finnish until the armistice of 19 Sep 1944
		{"stettin", []period{{"1939-09-01", "1945-04-26"}}},                                      // Stettin fell on 26 Apr 1945
		{"pillau", []period{{"1939-09-01", "1945-04-25"}}},                                       // Pillau fell on 25 Apr 1945
		{"malaya-zemlya", []period{{"-", "1943-02-04"}}},                                         // the Malaya Zemlya landing, night of 3-4 Feb 1943
		{"kerch-yenikale", []period{{"1941-11-16", "1941-12-30"}, {"1942-05-19", "1943-11-03"}}}, // the Kerch bridgehead from 3 Nov 1943
		{"eltigen", []period{{"1941-11-16", "1941-12-30"}, {"1942-05-19", "1943-11-01"}, {"1943-12-07", "1944-04-11"}}},
		// Italy (Garland & Smyth; Blumenson; Fisher; Molony).
		{"palermo", []period{{"1939-09-01", "1943-07-22"}}},
		{"naples", []period{{"1939-09-01", "1943-10-01"}}},
		{"rome", []period{{"1939-09-01", "1944-06-04"}}},
		{"florence", []period{{"1939-09-01", "1944-08-11"}}}, // south bank 4 Aug, the whole city 11 Aug
		{"bologna", []period{{"1939-09-01", "1945-04-21"}}},
		{"genoa", []period{{"1939-09-01", "1945-04-26"}}}, // the garrison surrendered to the partisans; the Allies arrived 27 Apr
		{"milan", []period{{"1939-09-01", "1945-04-25"}}}, // the partisan rising; Allied troops arrived 29 Apr
		{"venice", []period{{"1939-09-01", "1945-04-29"}}},
		// The west (Ellis; Harrison; Blumenson; MacDonald).
		{"paris", []period{{"1940-06-14", "1944-08-25"}}},
		{"brussels", []period{{"1940-05-17", "1944-09-03"}}},
		{"antwerp", []period{{"1940-05-18", "1944-09-04"}}},
		{"aachen", []period{{"1939-09-01", "1944-10-21"}}},
		{"cologne", []period{{"1939-09-01", "1945-03-06"}}},
		{"strasbourg", []period{{"1940-06-19", "1944-11-23"}}},
		{"amsterdam", []period{{"1940-05-15", "1945-05-05"}}},
		{"copenhagen", []period{{"1940-04-09", "1945-05-05"}}},
		{"oslo", []period{{"1940-04-09", "1945-05-08"}}},
		{"lyon", []period{{"1942-11-11", "1944-09-03"}}}, // Lyon's German occupation of 19 Jun - 7 Jul 1940 is not drawn
		{"marseille", []period{{"1942-11-12", "1944-08-28"}}},
		// Africa (Playfair; Howe).
		{"tripoli", []period{{"1939-09-01", "1943-01-23"}}},
		{"benghazi", []period{{"1939-09-01", "1941-02-06"}, {"1941-04-03", "1941-12-24"}, {"1942-01-29", "1942-11-20"}}},
		{"tobruk", []period{{"1939-09-01", "1941-01-22"}, {"1942-06-21", "1942-11-13"}}},
		{"mersa-matruh", []period{{"1942-06-29", "1942-11-08"}}},
		{"tunis", []period{{"1942-11-09", "1943-05-07"}}},
		// The Balkans (Woodhouse; Buckley).
		{"athens", []period{{"1941-04-27", "1944-10-12"}}},
		// Never held by the Axis.
		{"madrid", nil}, {"bern", nil}, {"stockholm", nil}, {"istanbul", nil}, {"london", nil}, {"lisbon", nil},
		{"cairo", nil}, {"alexandria", nil},
	}
	for _, tc := range tests {
		t.Run(tc.place, func(t *testing.T) {
			p := heldTestPlaces[tc.place]
			got := f.HeldPeriods(p[0], p[1])
			if len(got) != len(tc.want) {
				t.Fatalf("got %d periods %s, want %d", len(got), heldRangesString(got), len(tc.want))
			}
			for i, w := range tc.want {
				to := frontDay(w.liberated) - 1
				if d := got[i].From - frontDayOr(w.from, got[i].From); d < -heldToleranceDays || d > heldToleranceDays {
					t.Errorf("period %d starts %s, want %s (±%d days)", i, frontDayString(got[i].From), w.from, heldToleranceDays)
				}
				if d := got[i].To - to; d < -heldToleranceDays || d > heldToleranceDays {
					t.Errorf("period %d ends %s, want %s (±%d days)", i, frontDayString(got[i].To), frontDayString(to), heldToleranceDays)
				}
			}
		})
	}
}

// frontDayOr is frontDay, or def for "-".
func frontDayOr(s string, def int) int {
	if s == "-" {
		return def
	}
	return frontDay(s)
}

func heldRangesString(rs []DayRange) string {
	s := ""
	for _, r := range rs {
		s += "[" + frontDayString(r.From) + " " + frontDayString(r.To) + "]"
	}
	return s
}

func TestHeldPeriodsCached(t *testing.T) {
	f := loadTestFronts(t)
	p := heldTestPlaces["kiev"]
	a := f.HeldPeriods(p[0], p[1])
	if len(a) == 0 {
		t.Fatal("got no periods for Kiev")
	}
	a[0].From = 0 // the caller owns the returned slice
	b := f.HeldPeriods(p[0], p[1])
	if b[0].From == 0 {
		t.Errorf("got %v after modifying a returned slice, want the cache untouched", b[0])
	}
}

func TestFeatureCollections(t *testing.T) {
	f := loadTestFronts(t)
	fc := f.FeatureCollectionAt(DayOfTime(time.Date(1942, 11, 18, 0, 0, 0, 0, time.UTC)))
	var fronts, held int
	for _, ft := range fc.Features {
		switch ft.Properties["layer"] {
		case "front":
			fronts++
		case "held":
			held++
			if mp, ok := ft.Geometry.(orb.MultiPolygon); !ok || len(mp) == 0 {
				t.Errorf("held feature: got %T with %v polygons, want a non-empty MultiPolygon", ft.Geometry, ft.Geometry)
			}
		}
	}
	if fronts == 0 || held < 1 || fc.Features[fronts].Properties["held_by"] != HeldByAxis {
		t.Errorf("got %d front and %d held features, want some, the Axis first", fronts, held)
	}
	all := f.KeyframesFeatureCollection()
	if got, want := len(all.Features), len(f.Keyframes())+len(f.rears)+len(f.scopes)+len(f.extents); got != want {
		t.Errorf("export: got %d features, want %d", got, want)
	}
	for i, ft := range all.Features {
		if ft.Properties["theatre"] == "" || ft.Properties["source"] == "" {
			t.Errorf("export feature %d: got theatre %v source %v, want both", i, ft.Properties["theatre"], ft.Properties["source"])
		}
	}
}

func TestHeldOtherTheatres(t *testing.T) {
	f := loadTestFronts(t)
	tests := []struct {
		name string
		p    orb.Point
		date string
		want bool
	}{
		{"vyborg winter war", orb.Point{28.73, 60.71}, "1940-01-15", true},
		{"vyborg soviet 1940", orb.Point{28.73, 60.71}, "1940-06-01", false},
		{"vyborg finnish 1942", orb.Point{28.73, 60.71}, "1942-06-01", true},
		{"vyborg retaken", orb.Point{28.73, 60.71}, "1944-06-25", false},
		{"petrozavodsk before", orb.Point{34.36, 61.79}, "1941-07-01", false},
		{"petrozavodsk occupied", orb.Point{34.36, 61.79}, "1942-06-01", true},
		{"petrozavodsk liberated", orb.Point{34.36, 61.79}, "1944-07-01", false},
		{"zaozernaya taken", orb.Point{130.583, 42.447}, "1938-08-01", true},
		{"zaozernaya after ceasefire", orb.Point{130.583, 42.447}, "1938-08-12", false},
		{"nomonhan july", orb.Point{118.5, 47.65}, "1939-07-10", true},
		{"nomonhan september", orb.Point{118.5, 47.65}, "1939-09-01", false},
		{"harbin", orb.Point{126.63, 45.75}, "1945-08-10", true},
		{"harbin occupied", orb.Point{126.63, 45.75}, "1945-08-25", false},
		{"mukden", orb.Point{123.43, 41.80}, "1945-08-10", true},
		{"mukden occupied", orb.Point{123.43, 41.80}, "1945-08-25", false},
		{"port arthur occupied", orb.Point{121.26, 38.81}, "1945-08-25", false},
		{"pyongyang occupied", orb.Point{125.75, 39.02}, "1945-08-25", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := f.AxisHeldAt(tc.p, float64(frontDay(tc.date))); got != tc.want {
				t.Errorf("held against the USSR on %s: got %v, want %v", tc.date, got, tc.want)
			}
		})
	}
}

// TestHeldAreaCutsOranienbaum checks that the drawn Axis area leaves out the Oranienbaum
// bridgehead, a Soviet pocket whose ring starts on the water of the Gulf of Finland, on dates
// across its life (Sep 1941 – Jan 1944).
func TestHeldAreaCutsOranienbaum(t *testing.T) {
	f := loadTestFronts(t)
	for _, date := range []string{"1941-09-20", "1941-12-05", "1942-11-18", "1943-07-04", "1944-01-10"} {
		for _, p := range []orb.Point{{29.77, 59.91}, {29.55, 59.85}, {29.3, 59.85}} {
			if planar.MultiPolygonContains(f.HeldAtDay(float64(frontDay(date))), p) {
				t.Errorf("%s: Oranienbaum bridgehead point %v drawn as Axis-held", date, p)
			}
		}
	}
}

// TestHeldAreasMatchPointQuery is a property test: on a grid of points over the map, at dates
// across the war and between keyframes, the drawn area of each side contains a point exactly
// when HeldByAt names that side.
func TestHeldAreasMatchPointQuery(t *testing.T) {
	f := loadTestFronts(t)
	dates := []string{"1939-09-20", "1940-06-01", "1941-06-22", "1941-10-03", "1942-08-15", "1942-11-18", "1943-07-15",
		"1943-11-20", "1944-01-22", "1944-08-25", "1944-12-20", "1945-03-25", "1945-04-22", "1945-05-08", "1945-08-15"}
	for _, date := range dates {
		day := float64(frontDay(date)) + 0.37
		areas := f.HeldAreasAtDay(day)
		bounds := make([][]orb.Bound, len(areas))
		for i, a := range areas {
			for _, pg := range a.Area {
				bounds[i] = append(bounds[i], pg.Bound())
			}
		}
		rings := f.ringsAt(day) // what HeldByAt uses, built once per date
		bad := 0
		for lon := -11.5; lon < 150; lon += 1.37 {
			for lat := 25.3; lat < 72; lat += 0.97 {
				p := orb.Point{lon, lat}
				want := rings.holderAt(p)
				drawn := HeldByNone
				for i, a := range areas {
					for j, pg := range a.Area {
						if !bounds[i][j].Contains(p) || !planar.PolygonContains(pg, p) {
							continue
						}
						if drawn != HeldByNone {
							t.Errorf("%s %v: drawn for both %s and %s", date, p, drawn, a.HeldBy)
						}
						drawn = a.HeldBy
					}
				}
				if want == HeldBySoviet {
					want = HeldByNone // not drawn
				}
				if drawn != want && bad < 5 {
					bad++
					t.Errorf("%s %v: drawn as %q, point query says %q", date, p, drawn, want)
				}
			}
		}
	}
}

func TestHeldSidesHavePaintsAndNames(t *testing.T) {
	for _, side := range HeldSides {
		if HeldByName(side) == "" {
			t.Errorf("%s: no legend name", side)
		}
		for _, s := range []*Style{&StyleLight, &StyleDark} {
			if s.HeldPaint(side).Fill.A == 0 {
				t.Errorf("%s: no %s paint", side, s.Name)
			}
		}
	}
	if StyleLight.HeldPaint(HeldByAllied) == StyleLight.HeldPaint(HeldByAxis) {
		t.Error("the Western Allies' wash has the Axis colour")
	}
	if _, ok := HeldRole(HeldBySoviet); ok {
		t.Error("Soviet ground has a wash, want none")
	}
}

// TestHeldErrata checks the places of the second edition's errata on the dates the audit found
// wrong, and who held ground of the other fronts (the Western Allies, nobody, not covered).
func TestHeldErrata(t *testing.T) {
	f := loadTestFronts(t)
	tests := []struct {
		name string
		date string
		want string
	}{
		{"vyborg", "1941-07-10", HeldBySoviet}, // fell 29 Aug 1941
		{"sortavala", "1941-07-10", HeldBySoviet},
		{"sortavala", "1941-08-10", HeldBySoviet}, // fell 16 Aug 1941
		{"vyborg", "1941-09-05", HeldByAxis},
		{"vyazma", "1941-09-30", HeldBySoviet},  // fell 7 Oct 1941
		{"bryansk", "1941-09-30", HeldBySoviet}, // fell 6 Oct 1941
		{"vyazma", "1941-10-12", HeldByAxis},
		{"suwalki", "1944-08-20", HeldByAxis}, // taken 23 Oct 1944
		{"suwalki", "1944-10-15", HeldByAxis},
		{"suwalki", "1944-11-10", HeldBySoviet},
		{"stettin", "1945-04-16", HeldByAxis}, // fell 26 Apr 1945
		{"pillau", "1945-04-12", HeldByAxis},  // fell 25 Apr 1945
		{"pillau", "1945-04-20", HeldByAxis},
		{"pillau", "1945-04-27", HeldBySoviet},
		{"malaya-zemlya", "1943-05-01", HeldBySoviet},  // Feb - Sep 1943
		{"kerch-yenikale", "1944-01-15", HeldBySoviet}, // Nov 1943 - Apr 1944
		{"kerch", "1944-01-15", HeldByAxis},
		{"oranienbaum", "1943-03-01", HeldBySoviet},
		{"paris", "1944-09-01", HeldByAllied},
		{"rome", "1944-07-01", HeldByAllied},
		{"rome", "1944-05-01", HeldByAxis},
		{"cairo", "1942-08-01", HeldByAllied},
		{"mersa-matruh", "1942-08-01", HeldByAxis},
		{"tunis", "1943-03-01", HeldByAxis},
		{"athens", "1944-12-01", HeldByAllied},
		{"madrid", "1943-01-01", HeldByNone},
		{"bern", "1944-01-01", HeldByNone},
		{"london", "1944-07-01", HeldByNone},
		{"lyon", "1941-06-01", HeldByNone}, // the Vichy zone
		{"warsaw", "1939-09-15", HeldByNone},
		{"warsaw", "1939-10-15", HeldByAxis},
		{"berlin", "1939-08-01", HeldByNone}, // before the war
	}
	for _, tc := range tests {
		p, ok := heldTestPlaces[tc.name]
		if !ok {
			t.Fatalf("no test place %q", tc.name)
		}
		if got := f.HeldByAt(p, float64(frontDay(tc.date))+0.5); got != tc.want {
			t.Errorf("%s on %s: held by %q, want %q", tc.name, tc.date, got, tc.want)
		}
	}
	// The Samland pocket is drawn (it vanished after 9 April in the first edition).
	if !planar.MultiPolygonContains(f.HeldAtDay(float64(frontDay("1945-04-15"))), orb.Point{19.99, 54.72}) {
		t.Error("Fischhausen (Samland, fell 17 April) not drawn as Axis-held on 1945-04-15")
	}
	// Japan and Korea are not covered before the Soviet attack, nor drawn as Axis-held.
	for _, p := range []orb.Point{{139.69, 35.69}, {126.98, 37.57}} {
		if got := f.HeldByAt(p, float64(frontDay("1944-06-01"))); got != HeldByUncovered {
			t.Errorf("%v on 1944-06-01: held by %q, want uncovered", p, got)
		}
	}
}

// TestHeldManchuria checks the war against Japan: Soviet ground behind the Manchurian front,
// Japanese ground ahead of it, Japan itself not covered.
func TestHeldManchuria(t *testing.T) {
	f := loadTestFronts(t)
	for _, tc := range []struct {
		name string
		p    orb.Point
		date string
		want string
	}{
		{"Harbin", orb.Point{126.63, 45.75}, "1945-08-10", HeldByAxis},
		{"Harbin", orb.Point{126.63, 45.75}, "1945-08-25", HeldBySoviet},
		{"Hailar", orb.Point{119.7, 49.2}, "1945-08-16", HeldBySoviet},
		{"Tokyo", orb.Point{139.69, 35.69}, "1945-08-15", HeldByUncovered},
		{"Harbin after the surrender", orb.Point{126.63, 45.75}, "1945-09-10", HeldByNone},
	} {
		if got := f.HeldByAt(tc.p, float64(frontDay(tc.date))+0.5); got != tc.want {
			t.Errorf("%s on %s: held by %q, want %q", tc.name, tc.date, got, tc.want)
		}
	}
}

// TestHeldHistoryEdges: a period that begins where the fronts begin to cover a place says so
// (Rome was Axis before the western fronts start in September 1939, Harbin Japanese before the
// August 1945 offensive), one that begins at a front crossing does not, and a place no front
// reaches is not covered (which is not "never held").
func TestHeldHistoryEdges(t *testing.T) {
	f := loadTestFronts(t)
	tests := []struct {
		name              string
		lon, lat          float64
		covered           bool
		periods           int
		openStart, openTo bool // of the first period
	}{
		{"Rome", 12.50, 41.90, true, 1, true, false},
		{"Harbin", 126.63, 45.75, true, 1, true, false},
		{"Kiev", 30.52, 50.45, true, 1, false, false},
		{"Moscow", 37.62, 55.75, true, 0, false, false},
		{"Yuzhno-Sakhalinsk", 142.73, 46.96, false, 0, false, false},
		{"Reykjavik", -21.9, 64.1, false, 0, false, false},
	}
	for _, tc := range tests {
		h := f.HeldHistory(tc.lon, tc.lat)
		if h.Covered != tc.covered || len(h.Periods) != tc.periods {
			t.Errorf("%s: covered %v with %d periods, want %v with %d", tc.name, h.Covered, len(h.Periods), tc.covered, tc.periods)
			continue
		}
		if tc.periods > 0 && (h.Periods[0].OpenStart != tc.openStart || h.Periods[0].OpenEnd != tc.openTo) {
			t.Errorf("%s: first period %+v, want open start %v, open end %v", tc.name, h.Periods[0], tc.openStart, tc.openTo)
		}
	}
}
