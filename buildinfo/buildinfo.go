// Package buildinfo names the running program and its version, as in "Frontline Atlas 0.1.0".
// The version has one source, the Version of FyneApp.toml, which `fyne package` reads too:
// package main embeds that file and calls Set before anything else runs, so that --version,
// the About box, the PNG metadata of snapshots and the pack.json of an export all name the same
// version. Until Set is called (in tests of other packages) the version is "dev".
package buildinfo

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/BurntSushi/toml"
)

var (
	name    = "Frontline Atlas"
	version = "dev"
)

// Name is the program's name, Details.Name of FyneApp.toml.
func Name() string { return name }

// Version is the program's version, x.y.z, Details.Version of FyneApp.toml.
func Version() string { return version }

// String is the name and the version: "Frontline Atlas 0.1.0".
func String() string { return name + " " + version }

// Long adds what the Go toolchain recorded about the build to String: the commit it was built
// from (marked "modified" when the checkout had uncommitted changes) and the Go version, as in
// "Frontline Atlas 0.1.0 (commit 1310d40, go1.26.8)".
func Long() string {
	var parts []string
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if len(rev) > 7 {
			rev = rev[:7]
		}
		if rev != "" {
			if modified {
				rev += ", modified"
			}
			parts = append(parts, "commit "+rev)
		}
		parts = append(parts, bi.GoVersion)
	}
	if len(parts) == 0 {
		return String()
	}
	return String() + " (" + strings.Join(parts, ", ") + ")"
}

// Set reads the name and version from the text of FyneApp.toml ([Details] Name and Version).
// The version must be x.y.z.
func Set(fyneAppTOML []byte) error {
	n, v, err := Parse(fyneAppTOML)
	if err != nil {
		return err
	}
	name, version = n, v
	return nil
}

// Parse returns [Details] Name and Version of a FyneApp.toml, checking that the version is
// x.y.z (numbers without leading zeros), as fyne package and the Windows version resource want.
func Parse(fyneAppTOML []byte) (name, version string, err error) {
	var doc struct {
		Details struct{ Name, Version string }
	}
	if _, err := toml.Decode(string(fyneAppTOML), &doc); err != nil {
		return "", "", fmt.Errorf("FyneApp.toml: %w", err)
	}
	if doc.Details.Name == "" {
		return "", "", fmt.Errorf("FyneApp.toml: [Details] Name is missing")
	}
	if !validVersion(doc.Details.Version) {
		return "", "", fmt.Errorf("FyneApp.toml: [Details] Version %q: want x.y.z", doc.Details.Version)
	}
	return doc.Details.Name, doc.Details.Version, nil
}

func validVersion(v string) bool {
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 1 && p[0] == '0' || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}
