// Package cli is what the command line does without a window: it reads the arguments
// (ParseArgs), chooses the content pack and the base map (LoadContent), and runs the
// commands validate, export and front (Run). It imports no Fyne, so it builds and tests
// without cgo or a display; the app package opens the window and makes snapshots, and main
// wires the two together.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"frontline-atlas/timeline"
)

// Command is what the command line asks for.
type Command struct {
	Name string // "run", "validate", "snapshot", "clip", "export" or "front"

	Content    string       // --content DIR: a content pack folder instead of the embedded one
	Fullscreen bool         // --fullscreen
	Date       timeline.Day // --date; 0 when not given
	DateGiven  bool
	Event      string // --event ID
	Theme      string // --theme light|dark|system
	Width      int    // snapshot --size WxH
	Height     int
	Output     string // snapshot -o FILE, export -o DIR
	Dir        string // validate [DIR]
	// Layers are GeoJSON files to open onto the map (--layer FILE, repeatable; run and
	// snapshot), in the order given.
	Layers     []string
	Presenting // --present [TOUR], --tour TOUR, --stop N (present.go)

	// Pictures and clips (pictureargs.go).
	View ViewArg  // --view LON,LAT,ZOOM (run, snapshot, clip; pictureargs.go)
	Lang string   // --lang en|ru (run, snapshot, clip); "" when not given
	Clip ClipArgs // clip's --from, --to, --fps, --days-per-frame, --caption and -o

	Kiosk       bool   // --kiosk: the exhibit's locked, full-screen mode (docs/kiosk.md)
	KioskConfig string // --kiosk-config FILE; "" for kiosk.DefaultPath()

	// NoTouchLayer (--no-touch-layer) turns off the platform layer that reads a touch
	// screen's fingers for the map's pinch (docs/limits.md), for a screen whose driver
	// misbehaves; taps and drags still arrive as the system's pointer.
	NoTouchLayer bool
}

// ErrHelp is returned when the user asked for help; the usage has been written.
var ErrHelp = flag.ErrHelp

// UsageError is a command-line mistake: the message names the flag or argument. The caller
// prints it with the usage and exits with status 2.
type UsageError struct{ Msg string }

// Error returns the message, which names the flag or argument at fault.
func (e *UsageError) Error() string { return e.Msg }

// Usage is the summary printed with -h and after a usage error.
const Usage = `Usage:
  frontline-atlas [flags]                       open the app
  frontline-atlas validate [DIR]                check a content pack (the embedded one by default)
  frontline-atlas snapshot [flags] -o out.png   render the window to a PNG without a display
  frontline-atlas clip --from DATE --to DATE [flags] -o out.gif
                                                render the map over days to a GIF, APNG or PNG files
  frontline-atlas export -o DIR [--content DIR] write the chronicle as GeoJSON and JSON
  frontline-atlas front --date YYYY-MM-DD       print the fronts at a date as GeoJSON
  frontline-atlas --version                     print the version

Flags:
  --content DIR      load a content pack folder instead of the embedded one
  --date DATE        the date shown: YYYY, YYYY-MM or YYYY-MM-DD, within 1936–1953
  --event ID         select this event (and show its date) at start
  --theme NAME       light, dark or system (default system)
  --view LON,LAT,Z   centre the map on LON,LAT (degrees) at web-map zoom Z (2–16, framing 1280x720)
  --lang LANG        en or ru: the language of the interface and the content (default: settings)
  --fullscreen       open full screen (run only)
  --layer FILE       open a GeoJSON file onto the map (run and snapshot; repeat for more)
  --present [TOUR]   open in presenter mode on TOUR (default: the pack's first tour)
  --tour TOUR        open TOUR for browsing (run) or picture one of its stops (snapshot)
  --stop N           the stop to start at or to picture, from 1 (with --present or --tour)
  --kiosk            exhibit mode: full screen, no way out but the exit chord or PIN (docs/kiosk.md)
  --kiosk-config F   the kiosk's settings file (default: kiosk.json in the user's config folder)
  --no-touch-layer   do not read touch screens' fingers for the map's pinch (run only)
  --size WxH         picture size for snapshot (default 1920x1080) and clip (default 1280x720)
  -o PATH            output file (snapshot, clip) or folder (export)

Clip flags (docs/pictures.md):
  --from DATE        the first day shown (required)
  --to DATE          the last day (required; 1941-12 means 31 December 1941)
  --days-per-frame N days from one frame to the next (default 1); frames = (to-from)/N + 1
  --fps N            frames a second, 1–50 (default 10)
  --caption TEXT     a line of text under the date, at most 200 characters
  -o FILE            NAME.gif, NAME.png or NAME.apng (animated), a folder or NAME-%04d.png
`

// ParseArgs reads the command line (without the program name). Errors are *UsageError and name
// the flag or argument at fault; -h gives ErrHelp after writing the usage to out.
func ParseArgs(args []string, out io.Writer) (Command, error) {
	cmd := Command{Name: "run", Width: 1920, Height: 1080, Theme: "system"}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "run", "validate", "snapshot", "clip", "export", "front":
			cmd.Name = args[0]
			args = args[1:]
		default:
			return cmd, &UsageError{fmt.Sprintf("unknown command %q (want run, validate, snapshot, clip, export or front)", args[0])}
		}
	}
	fs := flag.NewFlagSet("frontline-atlas "+cmd.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var date, size string
	fs.StringVar(&cmd.Content, "content", "", "")
	fs.StringVar(&date, "date", "", "")
	fs.StringVar(&cmd.Event, "event", "", "")
	fs.StringVar(&cmd.Theme, "theme", "system", "")
	fs.BoolVar(&cmd.Fullscreen, "fullscreen", false, "")
	fs.StringVar(&size, "size", "", "")
	fs.BoolVar(&cmd.Kiosk, "kiosk", false, "")
	fs.StringVar(&cmd.KioskConfig, "kiosk-config", "", "")
	fs.BoolVar(&cmd.NoTouchLayer, "no-touch-layer", false, "")
	fs.StringVar(&cmd.Output, "o", "", "")
	fs.StringVar(&cmd.Output, "output", "", "")
	fs.Func("layer", "", func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New("want a GeoJSON file")
		}
		cmd.Layers = append(cmd.Layers, v)
		return nil
	})
	var tour, stop string
	addPresentFlags(fs, &cmd.Presenting, &tour, &stop)
	var pf pictureFlags
	addPictureFlags(fs, &pf)
	if err := fs.Parse(joinPresent(args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(out, Usage)
			return cmd, ErrHelp
		}
		return cmd, &UsageError{err.Error()}
	}
	rest := fs.Args()
	switch {
	case cmd.Name == "validate" && len(rest) == 1:
		cmd.Dir = rest[0]
	case len(rest) > 0:
		return cmd, &UsageError{fmt.Sprintf("unexpected argument %q", rest[0])}
	}
	if date != "" {
		d, err := timeline.ParseUserDate(date)
		if err != nil {
			return cmd, &UsageError{"--date: " + err.Error()}
		}
		cmd.Date, cmd.DateGiven = d, true
	}
	if size != "" {
		w, h, err := parseSize(size)
		if err != nil {
			return cmd, &UsageError{"--size: " + err.Error()}
		}
		cmd.Width, cmd.Height = w, h
	}
	switch cmd.Theme {
	case "light", "dark", "system":
	default:
		return cmd, &UsageError{fmt.Sprintf("--theme: %q is not light, dark or system", cmd.Theme)}
	}
	if cmd.Event != "" && !timeline.ValidID(cmd.Event) {
		return cmd, &UsageError{fmt.Sprintf("--event: %q is not an id (%s)", cmd.Event, timeline.IDRule)}
	}
	if err := checkPresent(&cmd, tour, stop); err != nil {
		return cmd, err
	}
	switch cmd.Name {
	case "snapshot":
		if cmd.Output == "" {
			return cmd, &UsageError{"snapshot: -o FILE.png is required"}
		}
		if !strings.HasSuffix(strings.ToLower(cmd.Output), ".png") {
			return cmd, &UsageError{fmt.Sprintf("-o: %q must end in .png", cmd.Output)}
		}
	case "export":
		if cmd.Output == "" {
			return cmd, &UsageError{"export: -o DIR is required"}
		}
	case "clip":
		given := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
		if size == "" {
			cmd.Width, cmd.Height = DefaultClipWidth, DefaultClipHeight
		}
		if err := checkPictureFlags(&cmd, pf, given); err != nil {
			return cmd, err
		}
	case "front":
		if !cmd.DateGiven || date == "" || strings.Count(date, "-") != 2 {
			return cmd, &UsageError{"front: --date YYYY-MM-DD is required"}
		}
	}
	if cmd.Name != "run" && cmd.Fullscreen {
		return cmd, &UsageError{"--fullscreen applies only when opening the app"}
	}
	if cmd.Name != "run" && cmd.Name != "snapshot" && len(cmd.Layers) > 0 {
		return cmd, &UsageError{"--layer applies only when opening the app and to snapshot"}
	}
	if cmd.Name != "run" && (cmd.Kiosk || cmd.KioskConfig != "") {
		return cmd, &UsageError{"--kiosk and --kiosk-config apply only when opening the app"}
	}
	if cmd.Name != "run" && cmd.NoTouchLayer {
		return cmd, &UsageError{"--no-touch-layer applies only when opening the app"}
	}
	if cmd.KioskConfig != "" && !cmd.Kiosk {
		return cmd, &UsageError{"--kiosk-config applies only with --kiosk"}
	}
	if cmd.Name != "snapshot" && cmd.Name != "clip" && size != "" {
		return cmd, &UsageError{"--size applies only to snapshot and clip"}
	}
	if cmd.Name == "run" && cmd.Output != "" {
		return cmd, &UsageError{"-o applies only to snapshot, clip and export"}
	}
	if cmd.Name != "clip" {
		given := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
		if err := checkPictureFlags(&cmd, pf, given); err != nil {
			return cmd, err
		}
	}
	return cmd, nil
}

func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	if !ok {
		return 0, 0, fmt.Errorf("%q: want WIDTHxHEIGHT, e.g. 1920x1080", s)
	}
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("%q: want WIDTHxHEIGHT, e.g. 1920x1080", s)
	}
	if w < 320 || h < 240 || w > 7680 || h > 4320 {
		return 0, 0, fmt.Errorf("%q: width must be 320–7680 and height 240–4320 pixels", s)
	}
	return w, h, nil
}
