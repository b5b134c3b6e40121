package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"frontline-atlas/timeline"
)

func TestPictureFlags(t *testing.T) {
	moscow := ViewArg{Set: true, Lon: 37.6, Lat: 55.75, Zoom: 7}
	clip := func(mod func(*ClipArgs)) ClipArgs {
		c := ClipArgs{From: timeline.DayOf(1941, 6, 22), To: timeline.DayOf(1941, 12, 5), FPS: 10, DaysPerFrame: 3, Format: ClipGIF}
		if mod != nil {
			mod(&c)
		}
		return c
	}
	base := []string{"clip", "--from", "1941-06-22", "--to", "1941-12-05", "--days-per-frame", "3"}
	with := func(extra ...string) []string { return append(append([]string{}, base...), extra...) }
	cases := []struct {
		name    string
		args    []string
		want    Command
		wantErr string
	}{
		{name: "snapshot with view and language", args: []string{"snapshot", "--view", "37.6,55.75,7", "--lang", "ru", "-o", "a.png"},
			want: Command{Name: "snapshot", Width: 1920, Height: 1080, Theme: "system", Output: "a.png", View: moscow, Lang: "ru"}},
		{name: "the app takes view and language", args: []string{"--view", "37.6, 55.75, 7", "--lang", "en"},
			want: Command{Name: "run", Width: 1920, Height: 1080, Theme: "system", View: moscow, Lang: "en"}},
		{name: "the lecture's clip", args: with("-o", "moscow.gif"),
			want: Command{Name: "clip", Width: 1280, Height: 720, Theme: "system", Output: "moscow.gif", Clip: clip(nil)}},
		{name: "clip defaults", args: []string{"clip", "--from", "1942", "--to", "1942-02", "-o", "a.gif"},
			want: Command{Name: "clip", Width: 1280, Height: 720, Theme: "system", Output: "a.gif", Clip: ClipArgs{
				From: timeline.DayOf(1942, 1, 1), To: timeline.DayOf(1942, 2, 28), FPS: 10, DaysPerFrame: 1, Format: ClipGIF}}},
		{name: "clip to APNG with everything", args: with("-o", "m.apng", "--fps", "25", "--caption", " The Battle of Moscow ", "--size", "1920x1080",
			"--view", "37.6,55.75,7", "--lang", "ru", "--theme", "dark", "--event", "battle-of-moscow"),
			want: Command{Name: "clip", Width: 1920, Height: 1080, Theme: "dark", Output: "m.apng", View: moscow, Lang: "ru", Event: "battle-of-moscow",
				Clip: clip(func(c *ClipArgs) { c.FPS, c.Caption, c.Format = 25, "The Battle of Moscow", ClipAPNG })}},
		{name: "clip to numbered PNGs", args: with("-o", "frames/moscow-%04d.png"),
			want: Command{Name: "clip", Width: 1280, Height: 720, Theme: "system", Output: "frames/moscow-%04d.png",
				Clip: clip(func(c *ClipArgs) { c.Format, c.Dir, c.Name = ClipPNGSequence, "frames", "moscow" })}},
		{name: "clip to a folder", args: with("-o", "frames/"),
			want: Command{Name: "clip", Width: 1280, Height: 720, Theme: "system", Output: "frames/",
				Clip: clip(func(c *ClipArgs) { c.Format, c.Dir, c.Name = ClipPNGSequence, "frames", "frame" })}},

		{name: "view with two numbers", args: []string{"--view", "37.6,55.75"}, wantErr: `--view: "37.6,55.75": want LON,LAT,ZOOM`},
		{name: "view not a number", args: []string{"--view", "east,55,7"}, wantErr: `--view: "east,55,7": "east" is not a number`},
		{name: "view NaN", args: []string{"--view", "NaN,55,7"}, wantErr: `"NaN" is not a number`},
		{name: "view out of range, every problem", args: []string{"snapshot", "-o", "a.png", "--view", "200,-95,20"},
			wantErr: `--view: "200,-95,20": longitude 200 is outside -180…180; latitude -95 is outside -90…90; zoom 20 is outside 2…16`},
		{name: "view zoom too far out", args: []string{"--view", "37,55,1.5"}, wantErr: "zoom 1.5 is outside 2…16"},
		{name: "unknown language", args: []string{"--lang", "de"}, wantErr: `--lang: "de" is not one of en, ru`},
		{name: "language for export", args: []string{"export", "-o", "x", "--lang", "ru"}, wantErr: "--view and --lang apply only to"},
		{name: "from for snapshot", args: []string{"snapshot", "-o", "a.png", "--from", "1941"}, wantErr: "--from applies only to clip"},
		{name: "caption for the app", args: []string{"--caption", "x"}, wantErr: "--caption applies only to clip"},
		{name: "clip needs from and to", args: []string{"clip", "--from", "1941", "-o", "a.gif"}, wantErr: "--from DATE and --to DATE are required"},
		{name: "clip bad from", args: []string{"clip", "--from", "22 June 1941", "--to", "1942", "-o", "a.gif"}, wantErr: "--from: "},
		{name: "clip to outside the period", args: []string{"clip", "--from", "1941", "--to", "1954-01-01", "-o", "a.gif"}, wantErr: `--to: date "1954-01-01" is outside the period`},
		{name: "clip to impossible day", args: []string{"clip", "--from", "1941", "--to", "1941-02-30", "-o", "a.gif"}, wantErr: "--to: "},
		{name: "clip backwards", args: []string{"clip", "--from", "1942", "--to", "1941-06-22", "-o", "a.gif"}, wantErr: "--to: 1941-06-22 is not after the first day, 1942"},
		{name: "clip of one day", args: []string{"clip", "--from", "1942-01-01", "--to", "1942-01-01", "-o", "a.gif"}, wantErr: "is not after"},
		{name: "clip with a date", args: with("-o", "a.gif", "--date", "1941-07-01"), wantErr: "--date does not apply to clip"},
		{name: "fps zero", args: with("-o", "a.gif", "--fps", "0"), wantErr: "--fps: 0: want 1 to 50"},
		{name: "fps too high", args: with("-o", "a.gif", "--fps", "60"), wantErr: "--fps: 60"},
		{name: "fps not a number", args: with("-o", "a.gif", "--fps", "ten"), wantErr: "-fps"},
		{name: "days per frame zero", args: []string{"clip", "--from", "1941", "--to", "1942", "--days-per-frame", "0", "-o", "a.gif"}, wantErr: "--days-per-frame: 0"},
		{name: "days per frame negative", args: []string{"clip", "--from", "1941", "--to", "1942", "--days-per-frame", "-2", "-o", "a.gif"}, wantErr: "--days-per-frame: -2"},
		{name: "caption too long", args: with("-o", "a.gif", "--caption", strings.Repeat("я", 201)), wantErr: "--caption: 201 characters: at most 200"},
		{name: "caption with a line break", args: with("-o", "a.gif", "--caption", "a\nb"), wantErr: "--caption: "},
		{name: "every problem at once", args: []string{"clip", "--from", "1941-13", "--to", "1960", "--fps", "0", "--days-per-frame", "0", "-o", "a.mp4"},
			wantErr: "--from: date \"1941-13\": month 13 is not 01–12\n--to: date \"1960\" is outside the period 1936–1953\n--days-per-frame: 0: want a whole number of days, 1 or more\n--fps: 0: want 1 to 50 frames a second\n-o: \"a.mp4\": want NAME.gif"},
		{name: "clip needs -o", args: base, wantErr: "clip: -o FILE.gif"},
		{name: "clip to mp4", args: with("-o", "a.mp4"), wantErr: `-o: "a.mp4": want NAME.gif`},
		{name: "clip to a bad pattern", args: with("-o", "f/%d.png"), wantErr: "NAME-%04d.png"},
		{name: "clip size checked", args: with("-o", "a.gif", "--size", "100x100"), wantErr: "--size"},
		{name: "size for export", args: []string{"export", "-o", "d", "--size", "800x600"}, wantErr: "--size applies only to snapshot and clip"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := parseArgsCase(t, c.args, c.wantErr)
			if !ok {
				return
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestClipFrames(t *testing.T) {
	cases := []struct {
		from, to timeline.Day
		days     int
		want     int
		last     timeline.Day
	}{
		{timeline.DayOf(1941, 6, 22), timeline.DayOf(1941, 12, 5), 3, 56, timeline.DayOf(1941, 12, 4)}, // 166 days: 55 steps of 3
		{timeline.DayOf(1941, 6, 22), timeline.DayOf(1941, 6, 23), 1, 2, timeline.DayOf(1941, 6, 23)},
		{timeline.DayOf(1941, 6, 22), timeline.DayOf(1941, 6, 23), 7, 1, timeline.DayOf(1941, 6, 22)},
		{timeline.DayOf(1942, 1, 1), timeline.DayOf(1942, 1, 20), 1, 20, timeline.DayOf(1942, 1, 20)},
		{timeline.PeriodStart, timeline.PeriodEnd, 1, 6575, timeline.PeriodEnd},
	}
	for _, c := range cases {
		a := ClipArgs{From: c.from, To: c.to, DaysPerFrame: c.days}
		if got := a.Frames(); got != c.want {
			t.Errorf("%s to %s every %d days: %d frames, want %d", c.from.Date().Human(), c.to.Date().Human(), c.days, got, c.want)
		}
		if got := a.Day(a.Frames() - 1); got != c.last {
			t.Errorf("%s to %s every %d days: last frame shows %s, want %s", c.from.Date().Human(), c.to.Date().Human(), c.days, got.Date().Human(), c.last.Date().Human())
		}
	}
}

func TestClipOutputExistingFolder(t *testing.T) {
	dir := t.TempDir()
	f, d, name, err := ClipOutput(dir)
	if err != nil || f != ClipPNGSequence || d != dir || name != "frame" {
		t.Fatalf("ClipOutput(%q) = %v %q %q %v, want a sequence frame-0001.png… in it", dir, f, d, name, err)
	}
	file := filepath.Join(dir, "x.gif")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if f, _, _, err := ClipOutput(file); err != nil || f != ClipGIF {
		t.Fatalf("ClipOutput(%q) = %v %v, want a GIF", file, f, err)
	}
}
