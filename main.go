// Command frontline-atlas explores the Soviet side of the Second World War, 1936–1953, on a map
// and a timeline. Run it with no arguments to open the window on the embedded content; see
// `frontline-atlas -h` for the subcommands validate, snapshot, export and front.
package main

import (
	"errors"
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"frontline-atlas/app"
)

func main() {
	cmd, err := app.ParseArgs(os.Args[1:], os.Stdout)
	if errors.Is(err, app.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "frontline-atlas: %v\n\n%s", err, app.Usage)
		os.Exit(2)
	}
	if cmd.Name != "run" {
		os.Exit(app.RunCommand(cmd, os.Stdout, os.Stderr))
	}
	a := fyneapp.NewWithID(app.AppID)
	os.Exit(app.RunWindow(a, cmd, os.Stderr))
}
