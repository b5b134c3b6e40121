package cli

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"frontline-atlas/timeline"
)

func TestParseArgs(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		want    Command
		wantErr string // substring; "" for success
	}{
		{name: "no args runs the app", args: nil, want: Command{Name: "run", Width: 1920, Height: 1080, Theme: "system"}},
		{name: "date and event", args: []string{"--date", "1942-11-19", "--event", "operation-uranus"},
			want: Command{Name: "run", Date: timeline.DayOf(1942, 11, 19), DateGiven: true, Event: "operation-uranus", Width: 1920, Height: 1080, Theme: "system"}},
		{name: "year-only date starts the year", args: []string{"--date=1944"},
			want: Command{Name: "run", Date: timeline.DayOf(1944, 1, 1), DateGiven: true, Width: 1920, Height: 1080, Theme: "system"}},
		{name: "fullscreen and content", args: []string{"--fullscreen", "--content", "/tmp/pack"},
			want: Command{Name: "run", Fullscreen: true, Content: "/tmp/pack", Width: 1920, Height: 1080, Theme: "system"}},
		{name: "snapshot", args: []string{"snapshot", "--size", "1024x640", "-o", "out.png", "--theme", "dark"},
			want: Command{Name: "snapshot", Width: 1024, Height: 640, Output: "out.png", Theme: "dark"}},
		{name: "validate a folder", args: []string{"validate", "mypack"},
			want: Command{Name: "validate", Dir: "mypack", Width: 1920, Height: 1080, Theme: "system"}},
		{name: "front", args: []string{"front", "--date", "1943-07-04"},
			want: Command{Name: "front", Date: timeline.DayOf(1943, 7, 4), DateGiven: true, Width: 1920, Height: 1080, Theme: "system"}},
		{name: "unknown flag", args: []string{"--zoom", "3"}, wantErr: "-zoom"},
		{name: "unknown command", args: []string{"launch"}, wantErr: `unknown command "launch"`},
		{name: "date outside the period", args: []string{"--date", "1960-01-01"}, wantErr: "outside the period 1936–1953"},
		{name: "date malformed", args: []string{"--date", "19 Nov 1942"}, wantErr: "--date"},
		{name: "impossible day", args: []string{"--date", "1942-02-30"}, wantErr: "day 30 does not exist"},
		{name: "bad size", args: []string{"snapshot", "--size", "big", "-o", "a.png"}, wantErr: "--size"},
		{name: "tiny size", args: []string{"snapshot", "--size", "10x10", "-o", "a.png"}, wantErr: "width must be"},
		{name: "snapshot needs -o", args: []string{"snapshot"}, wantErr: "-o FILE.png is required"},
		{name: "snapshot wants png", args: []string{"snapshot", "-o", "a.jpg"}, wantErr: "must end in .png"},
		{name: "export needs -o", args: []string{"export"}, wantErr: "-o DIR is required"},
		{name: "front needs a day", args: []string{"front", "--date", "1943"}, wantErr: "--date YYYY-MM-DD is required"},
		{name: "bad theme", args: []string{"--theme", "sepia"}, wantErr: "--theme"},
		{name: "bad event id", args: []string{"--event", "Operation Uranus"}, wantErr: "--event"},
		{name: "event id with an underscore", args: []string{"--event=operation_uranus"}, wantErr: `--event: "operation_uranus" is not an id`},
		{name: "event id with a leading hyphen", args: []string{"--event", "-uranus"}, wantErr: `--event: "-uranus" is not an id`},
		{name: "stray argument", args: []string{"run", "extra"}, wantErr: `unexpected argument "extra"`},
		{name: "touch layer off", args: []string{"--kiosk", "--no-touch-layer"},
			want: Command{Name: "run", Kiosk: true, NoTouchLayer: true, Width: 1920, Height: 1080, Theme: "system"}},
		{name: "touch layer only for run", args: []string{"snapshot", "--no-touch-layer", "-o", "a.png"}, wantErr: "--no-touch-layer applies only when opening the app"},
		{name: "fullscreen only for run", args: []string{"snapshot", "--fullscreen", "-o", "a.png"}, wantErr: "--fullscreen"},
		{name: "layers in order", args: []string{"--layer", "a.geojson", "--layer=b c.json"},
			want: Command{Name: "run", Layers: []string{"a.geojson", "b c.json"}, Width: 1920, Height: 1080, Theme: "system"}},
		{name: "a layer in a snapshot", args: []string{"snapshot", "-o", "a.png", "--layer", "x.geojson"},
			want: Command{Name: "snapshot", Layers: []string{"x.geojson"}, Output: "a.png", Width: 1920, Height: 1080, Theme: "system"}},
		{name: "an empty layer", args: []string{"--layer", ""}, wantErr: "-layer: want a GeoJSON file"},
		{name: "layers only for run and snapshot", args: []string{"validate", "--layer", "x.geojson"}, wantErr: "--layer applies only when opening the app and to snapshot"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := parseArgsCase(t, c.args, c.wantErr)
			if !ok {
				return
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestParseArgsHelp(t *testing.T) {
	var b strings.Builder
	_, err := ParseArgs([]string{"-h"}, &b)
	if !errors.Is(err, ErrHelp) || !strings.Contains(b.String(), "frontline-atlas validate") {
		t.Fatalf("got %v and %q, want ErrHelp and the usage", err, b.String())
	}
}

// parseArgsCase parses args as a table case does: with wantErr, it checks that the error is a
// usage error containing wantErr and returns false (nothing more to check); without, it
// fails on any error and returns the command and true.
func parseArgsCase(t *testing.T, args []string, wantErr string) (Command, bool) {
	t.Helper()
	got, err := ParseArgs(args, io.Discard)
	if wantErr != "" {
		var ue *UsageError
		if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("got error %v, want a usage error containing %q", err, wantErr)
		}
		return Command{}, false
	}
	if err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	return got, true
}
