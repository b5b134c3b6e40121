package cli

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"frontline-atlas/timeline"
)

// The flags of pictures and clips (docs/pictures.md): the map view and the language, which the
// window, snapshot and clip share, and clip's own.

// UILanguages are the languages of the interface and the content that --lang accepts (the
// app's translations; a test in app checks that the two lists agree).
var UILanguages = []string{"en", "ru"}

// ViewArg is --view LON,LAT,ZOOM: the centre of the map in degrees and a web-map zoom level
// that frames 1280 × 720 pixels, as a tour stop's view (timeline.FrameScale).
type ViewArg struct {
	Set            bool
	Lon, Lat, Zoom float64
}

// ClipFormat is the kind of file clip writes, chosen by the name given to -o.
type ClipFormat int

// The formats of a clip.
const (
	ClipGIF         ClipFormat = iota + 1 // NAME.gif: an animated GIF
	ClipAPNG                              // NAME.png or NAME.apng: an animated PNG
	ClipPNGSequence                       // a folder, or DIR/NAME-%04d.png: numbered PNG files
)

// String names the format as messages and the clip dialog do.
func (f ClipFormat) String() string {
	switch f {
	case ClipGIF:
		return "GIF"
	case ClipAPNG:
		return "APNG"
	case ClipPNGSequence:
		return "PNG sequence"
	}
	return "?"
}

// ClipArgs are what clip renders: the days from From to To (inclusive bounds), one frame every
// DaysPerFrame days, shown at FPS frames a second, with an optional caption.
type ClipArgs struct {
	From, To     timeline.Day
	FPS          int
	DaysPerFrame int
	Caption      string
	Format       ClipFormat
	// Dir and Name are where a PNG sequence goes: Dir/Name-0001.png, ….
	Dir, Name string
}

// Limits of clip's flags.
const (
	MaxFPS        = 50  // a GIF's shortest delay is 0.02 s
	MaxCaptionLen = 200 // characters: two or three lines over the map
	// DefaultClipWidth and DefaultClipHeight are clip's --size when none is given: 720p, which
	// a projector shows full screen and which keeps a GIF to a few megabytes.
	DefaultClipWidth  = 1280
	DefaultClipHeight = 720
)

// Frames returns how many frames the clip has: floor((To − From) / DaysPerFrame) + 1. The first
// frame shows From; the last shows the last day of the step that does not pass To.
func (c ClipArgs) Frames() int {
	if c.DaysPerFrame < 1 || c.To < c.From {
		return 0
	}
	return int(c.To-c.From)/c.DaysPerFrame + 1
}

// Day returns the day frame i (from 0) shows.
func (c ClipArgs) Day(i int) timeline.Day { return c.From + timeline.Day(i*c.DaysPerFrame) }

// pictureFlags holds the raw text of the flags until they are checked.
type pictureFlags struct {
	view, lang, from, to, caption string
	fps, days                     int
}

// addPictureFlags declares the flags of this file on fs.
func addPictureFlags(fs *flag.FlagSet, p *pictureFlags) {
	fs.StringVar(&p.view, "view", "", "")
	fs.StringVar(&p.lang, "lang", "", "")
	fs.StringVar(&p.from, "from", "", "")
	fs.StringVar(&p.to, "to", "", "")
	fs.StringVar(&p.caption, "caption", "", "")
	fs.IntVar(&p.fps, "fps", 0, "")
	fs.IntVar(&p.days, "days-per-frame", 0, "")
}

// checkPictureFlags checks the flags of this file against the command and fills cmd. given
// says which flags were on the command line.
func checkPictureFlags(cmd *Command, p pictureFlags, given map[string]bool) error {
	if given["view"] {
		v, err := ParseView(p.view)
		if err != nil {
			return &UsageError{"--view: " + err.Error()}
		}
		cmd.View = v
	}
	if given["lang"] {
		if !slices.Contains(UILanguages, p.lang) {
			return &UsageError{fmt.Sprintf("--lang: %q is not one of %s", p.lang, strings.Join(UILanguages, ", "))}
		}
		cmd.Lang = p.lang
	}
	if cmd.Name != "clip" {
		for _, f := range []string{"from", "to", "fps", "days-per-frame", "caption"} {
			if given[f] {
				return &UsageError{fmt.Sprintf("--%s applies only to clip", f)}
			}
		}
		if cmd.Name != "run" && cmd.Name != "snapshot" && (given["view"] || given["lang"]) {
			return &UsageError{"--view and --lang apply only to the app, snapshot and clip"}
		}
		return nil
	}
	if !given["from"] || !given["to"] {
		return &UsageError{"clip: --from DATE and --to DATE are required"}
	}
	if cmd.DateGiven {
		return &UsageError{"--date does not apply to clip: give --from and --to"}
	}
	fields := ClipFields{From: p.from, To: p.to, Caption: p.caption}
	if given["days-per-frame"] {
		fields.DaysPerFrame = strconv.Itoa(p.days)
	}
	if given["fps"] {
		fields.FPS = strconv.Itoa(p.fps)
	}
	args, problems := fields.Check()
	msgs := make([]string, 0, len(problems)+1)
	for _, e := range problems {
		msgs = append(msgs, "--"+e.Error())
	}
	var f ClipFormat
	var dir, name string
	var err error
	if cmd.Output == "" {
		msgs = append(msgs, "clip: -o FILE.gif (or .png, .apng, a folder, or NAME-%04d.png) is required")
	} else if f, dir, name, err = ClipOutput(cmd.Output); err != nil {
		msgs = append(msgs, "-o: "+err.Error())
	}
	if len(msgs) > 0 {
		return &UsageError{strings.Join(msgs, "\n")}
	}
	cmd.Clip = args
	cmd.Clip.Format, cmd.Clip.Dir, cmd.Clip.Name = f, dir, name
	return nil
}

// ClipFields are a clip's settings as typed, on the command line or in the window's clip
// dialog. An empty DaysPerFrame or FPS is the default: 1 day, 10 frames a second.
type ClipFields struct {
	From, To          string
	DaysPerFrame, FPS string
	Caption           string
}

// FieldError is a problem with one of ClipFields; Field is its flag's name: "from", "to",
// "days-per-frame", "fps" or "caption".
type FieldError struct{ Field, Msg string }

// Error returns "field: message".
func (e FieldError) Error() string { return e.Field + ": " + e.Msg }

// Check reads the fields into ClipArgs (without the output) and returns every problem, in the
// order of the fields. --to's month or year ends with its last day.
func (f ClipFields) Check() (ClipArgs, []FieldError) {
	c := ClipArgs{FPS: 10, DaysPerFrame: 1}
	var problems []FieldError
	bad := func(field, format string, a ...any) {
		problems = append(problems, FieldError{field, fmt.Sprintf(format, a...)})
	}
	from, err := timeline.ParseUserDate(f.From)
	if err != nil {
		bad("from", "%v", err)
	}
	c.From = from
	to, err := timeline.ParseDate(strings.TrimSpace(f.To))
	switch {
	case err != nil:
		bad("to", "%v", err)
	case to.Approximate:
		bad("to", "date %q: want YYYY, YYYY-MM or YYYY-MM-DD", f.To)
	case to.Last() < timeline.PeriodStart || to.Last() > timeline.PeriodEnd:
		bad("to", "date %q is outside the period 1936–1953", f.To)
	default:
		c.To = to.Last()
		if from != 0 && c.To <= from {
			bad("to", "%s is not after the first day, %s", strings.TrimSpace(f.To), strings.TrimSpace(f.From))
		}
	}
	if s := strings.TrimSpace(f.DaysPerFrame); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > int(timeline.PeriodEnd-timeline.PeriodStart) {
			bad("days-per-frame", "%s: want a whole number of days, 1 or more", s)
		} else {
			c.DaysPerFrame = n
		}
	}
	if s := strings.TrimSpace(f.FPS); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxFPS {
			bad("fps", "%s: want 1 to %d frames a second", s, MaxFPS)
		} else {
			c.FPS = n
		}
	}
	if err := CheckCaption(f.Caption); err != nil {
		bad("caption", "%v", err)
	}
	c.Caption = strings.TrimSpace(f.Caption)
	return c, problems
}

// CheckCaption checks a clip's caption: at most MaxCaptionLen characters of printable text on
// one line.
func CheckCaption(s string) error {
	if n := utf8.RuneCountInString(s); n > MaxCaptionLen {
		return fmt.Errorf("%d characters: at most %d", n, MaxCaptionLen)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("not valid UTF-8 text")
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f {
			return fmt.Errorf("%q: a control character (a line break?) in the text", s)
		}
	}
	return nil
}

// ParseView reads LON,LAT,ZOOM: longitude −180…180 and latitude −90…90 in degrees, and a zoom
// level from timeline.MinZoom to timeline.MaxZoom (fractions allowed).
func ParseView(s string) (ViewArg, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return ViewArg{}, fmt.Errorf("%q: want LON,LAT,ZOOM, e.g. 37.6,55.75,7 (Moscow)", s)
	}
	var vals [3]float64
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return ViewArg{}, fmt.Errorf("%q: %q is not a number (want LON,LAT,ZOOM, e.g. 37.6,55.75,7)", s, p)
		}
		vals[i] = v
	}
	lon, lat, zoom := vals[0], vals[1], vals[2]
	var problems []string
	if lon < -180 || lon > 180 {
		problems = append(problems, fmt.Sprintf("longitude %g is outside -180…180", lon))
	}
	if lat < -90 || lat > 90 {
		problems = append(problems, fmt.Sprintf("latitude %g is outside -90…90", lat))
	}
	if zoom < timeline.MinZoom || zoom > timeline.MaxZoom {
		problems = append(problems, fmt.Sprintf("zoom %g is outside %d…%d", zoom, timeline.MinZoom, timeline.MaxZoom))
	}
	if len(problems) > 0 {
		return ViewArg{}, fmt.Errorf("%q: %s", s, strings.Join(problems, "; "))
	}
	return ViewArg{Set: true, Lon: lon, Lat: lat, Zoom: zoom}, nil
}

// ClipOutput says what -o asks clip to write: NAME.gif a GIF; NAME.png or NAME.apng an animated
// PNG; DIR/NAME-%04d.png a sequence NAME-0001.png, … in DIR; an existing folder, or a path
// ending in a slash, a sequence frame-0001.png, … in it. dir and name are the sequence's.
func ClipOutput(path string) (f ClipFormat, dir, name string, err error) {
	if path == "" {
		return 0, "", "", fmt.Errorf("no file named")
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return ClipPNGSequence, filepath.Clean(path), "frame", nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return ClipPNGSequence, filepath.Clean(path), "frame", nil
	}
	base := filepath.Base(path)
	if strings.Contains(base, "%") {
		name, ok := strings.CutSuffix(base, "-%04d.png")
		if !ok || name == "" || strings.Contains(name, "%") {
			return 0, "", "", fmt.Errorf("%q: a numbered sequence is written as NAME-%%04d.png (NAME-0001.png, NAME-0002.png, …)", path)
		}
		return ClipPNGSequence, filepath.Dir(path), name, nil
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".gif":
		return ClipGIF, "", "", nil
	case ".png", ".apng":
		return ClipAPNG, "", "", nil
	}
	return 0, "", "", fmt.Errorf("%q: want NAME.gif, NAME.png or NAME.apng (animated), a folder or NAME-%%04d.png (numbered PNG files)", path)
}
