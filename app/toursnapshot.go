package app

import (
	"fmt"
	"image"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"frontline-atlas/cli"
)

// tourRenderer returns what `snapshot --tour T --stop N` draws: the window as presenter mode
// shows that stop (the large caption and the counter, nothing moving), at the picture's size.
// An unknown tour or stop is an error naming the pack's tours or the tour's stops.
func tourRenderer(content *cli.Content, cmd cli.Command) (func(*UI, int, int) image.Image, error) {
	id, stop, _, err := cli.ResolveTour(content.Catalog, cmd.Presenting)
	if err != nil {
		return nil, fmt.Errorf("--tour: %w", err)
	}
	return func(ui *UI, w, h int) image.Image {
		c := software.NewCanvas()
		c.SetPadded(false)
		ui.AttachCanvas(c)
		c.Resize(fyne.NewSize(float32(w), float32(h)))
		ui.presentStop(id, stop)
		ui.Map.WaitReady()
		return c.Capture()
	}, nil
}

// presentStop puts the window in presenter mode at a stop with nothing moving: what
// `--present T --stop N` shows once it has arrived, and what snapshot --tour draws.
func (u *UI) presentStop(id string, stop int) error {
	if err := u.Tour.open(id, stop, false); err != nil {
		return err
	}
	u.Tour.StartPresenting()
	return nil
}

// startTour opens the tour the command line asks for (--present [TOUR], --tour TOUR, --stop N)
// as the window opens; a tour or stop the pack does not have is reported on stderr and
// returned, and the window opens as without it.
func (u *UI) startTour(cmd cli.Command, stderr io.Writer) error {
	id, stop, ok, err := cli.ResolveTour(u.Catalog, cmd.Presenting)
	switch {
	case !ok:
		return nil
	case err != nil:
		flagName := "--tour"
		if cmd.Present {
			flagName = "--present"
		}
		err = fmt.Errorf("%s: %w", flagName, err)
		fmt.Fprintf(stderr, "frontline-atlas: %v\n", err)
		return err
	case cmd.Present:
		return u.presentStop(id, stop)
	default:
		return u.Tour.open(id, stop, false)
	}
}
