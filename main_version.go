package main

import (
	_ "embed"
	"fmt"
	"io"

	"frontline-atlas/buildinfo"
)

// fyneAppTOML is FyneApp.toml, the one source of the app's name and version (fyne package
// reads the same file).
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func init() {
	if err := buildinfo.Set(fyneAppTOML); err != nil {
		panic(err) // cannot happen: TestVersionComesFromFyneAppTOML checks the file
	}
}

// versionRequested reports whether the command line is --version (or -version) alone.
func versionRequested(args []string) bool {
	return len(args) == 1 && (args[0] == "--version" || args[0] == "-version")
}

// printVersion writes the --version line: name, version, commit and Go version.
func printVersion(w io.Writer) { fmt.Fprintln(w, buildinfo.Long()) }
