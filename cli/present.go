package cli

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"frontline-atlas/timeline"
)

// Presenting is what the command line asks of tours: presenter mode (--present [TOUR]), a tour
// opened for browsing or pictured (--tour TOUR), and the stop to start at (--stop N).
type Presenting struct {
	Present bool   // --present: presenter mode (run only)
	Tour    string // the tour's id; "" with --present for the pack's first tour
	Stop    int    // --stop N, from 1; 0 when not given (the first stop)
}

// presentFlag is --present: a flag that may stand alone or take a tour (--present=TOUR, or
// --present TOUR, which joinPresent turns into the first form).
type presentFlag struct{ p *Presenting }

func (f presentFlag) String() string   { return "" }
func (f presentFlag) IsBoolFlag() bool { return true }
func (f presentFlag) Set(v string) error {
	f.p.Present = true
	switch v {
	case "true", "":
	case "false":
		f.p.Present = false
	default:
		f.p.Tour = v
	}
	return nil
}

// addPresentFlags registers --present, --tour and --stop.
func addPresentFlags(fs *flag.FlagSet, p *Presenting, tour, stop *string) {
	fs.Var(presentFlag{p}, "present", "")
	fs.StringVar(tour, "tour", "", "")
	fs.StringVar(stop, "stop", "", "")
}

// joinPresent rewrites "--present TOUR" as "--present=TOUR", so that the flag takes the tour
// that follows it while "--present" alone, or followed by another flag, still works.
func joinPresent(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if (a == "--present" || a == "-present") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			out = append(out, a+"="+args[i+1])
			i++
			continue
		}
		if a == "--" {
			return append(out, args[i:]...)
		}
		out = append(out, a)
	}
	return out
}

// checkPresent checks the tour flags once the command line is read.
func checkPresent(cmd *Command, tour, stop string) error {
	p := &cmd.Presenting
	if p.Present && cmd.Name != "run" {
		return &UsageError{"--present applies only when opening the app (snapshot takes --tour TOUR --stop N)"}
	}
	if tour != "" {
		if p.Tour != "" && p.Tour != tour {
			return &UsageError{fmt.Sprintf("--present %s and --tour %s name two tours: give one", p.Tour, tour)}
		}
		p.Tour = tour
	}
	if p.Tour != "" && !timeline.ValidID(p.Tour) {
		flagName := "--tour"
		if p.Present && tour == "" {
			flagName = "--present"
		}
		return &UsageError{fmt.Sprintf("%s: %q is not a tour id (%s)", flagName, p.Tour, timeline.IDRule)}
	}
	if stop != "" {
		n, err := strconv.Atoi(stop)
		if err != nil || n < 1 {
			return &UsageError{fmt.Sprintf("--stop: %q is not a stop number (1, 2, 3, …)", stop)}
		}
		if !p.Present && p.Tour == "" {
			return &UsageError{"--stop needs --present [TOUR] or --tour TOUR"}
		}
		p.Stop = n
	}
	if (p.Present || p.Tour != "") && (cmd.Event != "" || cmd.DateGiven) {
		return &UsageError{"--date and --event do not go with --present or --tour: the tour's stop sets the date and the selection"}
	}
	if p.Tour != "" && cmd.Name != "run" && cmd.Name != "snapshot" {
		return &UsageError{"--tour applies only when opening the app or to snapshot"}
	}
	return nil
}

// ResolveTour finds the tour and the stop the command line asks for in the loaded pack: the
// tour's id (the pack's first tour for a bare --present) and the stop's number from 1. An
// unknown tour names the tours the pack has, with their numbers of stops; a stop out of range
// names the tour's stops. ok is false when the command asks for no tour.
func ResolveTour(cat *timeline.Catalog, p Presenting) (id string, stop int, ok bool, err error) {
	if !p.Present && p.Tour == "" {
		return "", 0, false, nil
	}
	tours := cat.Tours()
	if len(tours) == 0 {
		return "", 0, true, fmt.Errorf("the content pack has no tours")
	}
	id, stop = p.Tour, max(p.Stop, 1)
	if id == "" {
		id = tours[0].ID
	}
	t := cat.Tour(id)
	if t == nil {
		var list []string
		w := 0
		for _, x := range tours {
			w = max(w, len(x.ID))
		}
		for _, x := range tours {
			list = append(list, fmt.Sprintf("  %-*s %3d stops  %s", w, x.ID, len(x.Stops), x.Title.String()))
		}
		return "", 0, true, fmt.Errorf("no tour %q; the pack's tours are:\n%s", id, strings.Join(list, "\n"))
	}
	if stop > len(t.Stops) {
		return "", 0, true, fmt.Errorf("--stop %d: tour %q has stops 1 to %d", stop, id, len(t.Stops))
	}
	return id, stop, true, nil
}
