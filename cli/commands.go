package cli

import (
	"errors"
	"fmt"
	"io"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// Run runs a command that needs no window (validate, export or front), writing its output to
// stdout and its problems to stderr, and returns the exit status: 0 when it worked, 1 when the
// pack or the output failed, 2 for a command it does not run ("run" and "snapshot" belong to
// the app package).
func Run(cmd Command, stdout, stderr io.Writer) int {
	switch cmd.Name {
	case "validate":
		return runValidate(cmd, stdout, stderr)
	case "export":
		return runExport(cmd, stdout, stderr)
	case "front":
		content := loadForCommand(cmd.Content, loadFronts, stderr)
		if content == nil {
			return 1
		}
		b, err := geo.FrontsGeoJSON(content.Map, cmd.Date.Time())
		if err != nil {
			fmt.Fprintf(stderr, "frontline-atlas front: %v\n", err)
			return 1
		}
		stdout.Write(append(b, '\n'))
		return 0
	}
	fmt.Fprintf(stderr, "frontline-atlas: unknown command %q\n", cmd.Name)
	return 2
}

// loadForCommand loads the pack in dir (the embedded one for ""), printing its problems to
// stderr. A map-layer problem is printed but not fatal; it returns nil when the pack itself
// did not load.
func loadForCommand(dir string, mode loadMode, stderr io.Writer) *Content {
	c, err := loadContent(dir, mode)
	if err != nil {
		fmt.Fprintf(stderr, "frontline-atlas: %v\n", err)
	}
	return c
}

func runValidate(cmd Command, stdout, stderr io.Writer) int {
	dir := cmd.Dir
	if dir == "" {
		dir = cmd.Content
	}
	c, err := LoadContent(dir)
	if c != nil {
		fmt.Fprintf(stdout, "%s:\n", c.Label)
		counts := c.Catalog.Counts()
		for _, k := range timeline.Kinds {
			fmt.Fprintf(stdout, "  %-15s %5d", k.Plural(), counts[k])
			if k == timeline.KindTour && counts[k] > 0 {
				stops := 0
				for _, t := range c.Catalog.Tours() {
					stops += len(t.Stops)
				}
				fmt.Fprintf(stdout, " (%d stops)", stops)
			}
			fmt.Fprintln(stdout)
		}
		if c.Map != nil {
			fmt.Fprintf(stdout, "  %-15s %5d\n", "front keyframes", c.Map.KeyframeCount())
			fmt.Fprintf(stdout, "  %-15s %5d\n", "map layers", c.Map.LayerCount())
		}
		ws := c.Catalog.Warnings()
		if c.Map != nil {
			for _, w := range c.Map.Warnings() {
				if c.MapFiles == "" {
					w = "embedded base map: " + w
				}
				ws = append(ws, c.MapFiles+w)
			}
		}
		if len(ws) > 0 {
			fmt.Fprintf(stdout, "%d warning(s), for the authors to review (the pack loads):\n", len(ws))
			for _, w := range ws {
				fmt.Fprintf(stdout, "  %s\n", w)
			}
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		fmt.Fprintf(stderr, "%d problem(s) found\n", countErrors(err))
		return 1
	}
	fmt.Fprintln(stdout, "no problems found")
	return 0
}

// countErrors counts the leaves of a tree of joined errors; an error that knows its count
// (a *timeline.PackError lists only its first problems) gives it.
func countErrors(err error) int {
	if err == nil {
		return 0
	}
	if c, ok := err.(interface{ Count() int }); ok {
		return c.Count()
	}
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		n := 0
		for _, e := range j.Unwrap() {
			n += countErrors(e)
		}
		return n
	}
	if u := errors.Unwrap(err); u != nil {
		return countErrors(u)
	}
	return 1
}
