package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"frontline-atlas/cli"
	"frontline-atlas/internal/rotlog"
	"frontline-atlas/kiosk"
)

// KioskExitStatus is the exit status after an operator leaves kiosk mode (the exit chord or
// the PIN): the systemd unit of docs/kiosk.md does not restart the app for it
// (RestartPreventExitStatus=3), and the Windows loop stops.
const KioskExitStatus = 3

// The kiosk's log file: 1 MiB, and 5 older files.
const (
	kioskLogBytes = 1 << 20
	kioskLogKeep  = 5
)

// runKiosk runs the window in kiosk mode until an operator leaves it, and returns
// KioskExitStatus then. Problems (the settings file, the pack, the tours) go to the log and
// standard error, never to a dialog a visitor would see; the kiosk runs on the defaults of
// the fields in error and on the embedded pack if the --content pack failed.
func runKiosk(a fyne.App, cmd cli.Command, content *cli.Content, problems []error, stderr io.Writer, extras []func(*UI) fyne.CanvasObject) int {
	path := cmd.KioskConfig
	if path == "" {
		path = kiosk.DefaultPath()
	}
	cfg, cfgErr := kiosk.Load(path)
	switch {
	case cfgErr == nil:
	case cmd.KioskConfig == "" && errors.Is(cfgErr, fs.ErrNotExist):
		cfgErr = nil // no settings file where the app looks by default: the defaults
	}
	logDir := cfg.LogDir
	if logDir == "" {
		logDir = kiosk.DefaultLogDir()
	}
	if w, err := rotlog.Open(logDir, kioskLogBytes, kioskLogKeep); err != nil {
		fmt.Fprintf(stderr, "frontline-atlas: kiosk log: %v; logging to standard error only\n", err)
	} else {
		defer w.Close()
		log.SetOutput(io.MultiWriter(stderr, w))
		fmt.Fprintf(stderr, "frontline-atlas: kiosk mode logs to %s\n", w.Path())
	}
	if cfgErr != nil {
		logf("%v (the defaults stand in for the fields in error)", cfgErr)
	} else if cfg.Path != "" {
		logf("kiosk: settings from %s", cfg.Path)
	} else {
		logf("kiosk: no settings file at %s: the defaults", path)
	}
	for _, p := range problems {
		logf("kiosk: %v", p)
	}
	var ids []string
	for _, t := range content.Catalog.Tours() {
		ids = append(ids, t.ID)
	}
	tours, err := cfg.CheckTours(ids)
	if err != nil {
		logf("%v", err)
	}
	w := a.NewWindow(lang.L("Frontline Atlas"))
	status := 0
	k := NewKiosk(w, content.Catalog, KioskOptions{
		Config: cfg, Tours: tours, Home: cmd.Date, Tick: true,
		Build: func(o Options) *UI {
			o.Theme = cmd.Theme // Prefs stay nil: nothing a visitor changes is kept
			u := New(content.Catalog, content.Map, o)
			for _, x := range extras {
				u.AddOverlay(x(u))
			}
			return u
		},
		Quit: func() {
			status = KioskExitStatus
			a.Quit()
		},
	})
	w.Resize(fyne.NewSize(1280, 720))
	w.ShowAndRun()
	k.Close()
	return status
}

// Poke tells kiosk mode that someone used the window (main calls it on every mouse button,
// which on a touch screen is every touch); outside kiosk mode it does nothing.
func (u *UI) Poke() {
	if u != nil && u.kiosk != nil {
		u.kiosk.Touch()
	}
}
