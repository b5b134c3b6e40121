package cli

import (
	"strings"
	"testing"

	"frontline-atlas/assets"
	"frontline-atlas/internal/packfs"
	"frontline-atlas/timeline"
)

func TestParsePresentFlags(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		want    Presenting
		wantErr string
	}{
		{name: "present alone", args: []string{"--present"}, want: Presenting{Present: true}},
		{name: "present a tour", args: []string{"--present", "year-1941"}, want: Presenting{Present: true, Tour: "year-1941"}},
		{name: "present=tour", args: []string{"--present=year-1941"}, want: Presenting{Present: true, Tour: "year-1941"}},
		{name: "present then another flag", args: []string{"--present", "--fullscreen"}, want: Presenting{Present: true}},
		{name: "present a tour at a stop", args: []string{"--present", "year-1941", "--stop", "5"}, want: Presenting{Present: true, Tour: "year-1941", Stop: 5}},
		{name: "single-dash present", args: []string{"-present", "year-1941", "-stop=2"}, want: Presenting{Present: true, Tour: "year-1941", Stop: 2}},
		{name: "present with --tour", args: []string{"--present", "--tour", "year-1941"}, want: Presenting{Present: true, Tour: "year-1941"}},
		{name: "browse a tour", args: []string{"--tour", "year-1941", "--stop", "3"}, want: Presenting{Tour: "year-1941", Stop: 3}},
		{name: "snapshot of a stop", args: []string{"snapshot", "--tour", "year-1941", "--stop", "3", "-o", "a.png"}, want: Presenting{Tour: "year-1941", Stop: 3}},
		{name: "stop zero", args: []string{"--present", "--stop", "0"}, wantErr: `--stop: "0" is not a stop number`},
		{name: "stop not a number", args: []string{"--present", "x", "--stop", "three"}, wantErr: `--stop: "three" is not a stop number`},
		{name: "stop without a tour", args: []string{"--stop", "2"}, wantErr: "--stop needs --present [TOUR] or --tour TOUR"},
		{name: "two tours", args: []string{"--present", "year-1941", "--tour", "liberation-1944-1945"}, wantErr: "name two tours"},
		{name: "tour id with capitals", args: []string{"--present", "Year-1941"}, wantErr: `--present: "Year-1941" is not a tour id`},
		{name: "tour id with a space", args: []string{"--tour", "year 1941"}, wantErr: `--tour: "year 1941" is not a tour id`},
		{name: "present in a snapshot", args: []string{"snapshot", "--present", "-o", "a.png"}, wantErr: "--present applies only when opening the app"},
		{name: "tour with a date", args: []string{"--present", "--date", "1942"}, wantErr: "--date and --event do not go with --present"},
		{name: "tour with an event", args: []string{"--tour", "year-1941", "--event", "operation-uranus"}, wantErr: "--date and --event do not go with"},
		{name: "tour to export", args: []string{"export", "-o", "x", "--tour", "year-1941"}, wantErr: "--tour applies only"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := parseArgsCase(t, c.args, c.wantErr)
			if !ok {
				return
			}
			if got.Presenting != c.want {
				t.Fatalf("got %+v, want %+v", got.Presenting, c.want)
			}
		})
	}
}

func TestResolveTour(t *testing.T) {
	cat, err := timeline.LoadFS(packfs.Wrap(assets.Content()), "embedded")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		p        Presenting
		wantID   string
		wantStop int
		wantOK   bool
		wantErr  []string
	}{
		{name: "no tour asked", p: Presenting{}},
		{name: "bare --present is the first tour", p: Presenting{Present: true}, wantID: "road-to-war-1936-1941", wantStop: 1, wantOK: true},
		{name: "a tour at a stop", p: Presenting{Present: true, Tour: "year-1941", Stop: 13}, wantID: "year-1941", wantStop: 13, wantOK: true},
		{name: "--tour alone", p: Presenting{Tour: "liberation-1944-1945"}, wantID: "liberation-1944-1945", wantStop: 1, wantOK: true},
		{name: "unknown tour lists the tours", p: Presenting{Present: true, Tour: "year-1942"}, wantOK: true,
			wantErr: []string{`no tour "year-1942"`, "road-to-war-1936-1941", "15 stops", "war-against-japan-1938-1945", "12 stops", "Liberation, 1944–1945"}},
		{name: "stop out of range", p: Presenting{Tour: "year-1941", Stop: 14}, wantOK: true, wantErr: []string{`--stop 14: tour "year-1941" has stops 1 to 13`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, stop, ok, err := ResolveTour(cat, c.p)
			if ok != c.wantOK {
				t.Errorf("ok %v, want %v", ok, c.wantOK)
			}
			if len(c.wantErr) > 0 {
				if err == nil {
					t.Fatalf("no error, want one containing %q", c.wantErr)
				}
				for _, s := range c.wantErr {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q lacks %q", err, s)
					}
				}
				return
			}
			if err != nil || id != c.wantID || stop != c.wantStop {
				t.Errorf("got %q, %d, %v; want %q, %d", id, stop, err, c.wantID, c.wantStop)
			}
		})
	}
}
