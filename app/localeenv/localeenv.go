// Package localeenv makes a C or POSIX locale read as English before Fyne's lang package looks
// at the environment.
//
// Servers and containers commonly run with LANG=C.UTF-8 (or LC_ALL=POSIX.UTF-8). Fyne asks the
// go-locale package for the user's language when its lang package initialises, and go-locale
// passes "C" on to a BCP 47 parser, which refuses it; Fyne then logs "Error parsing user locale
// C" at every start. A C locale means "no localisation", so the right answer is English, quietly.
//
// The fix must run before fyne.io/fyne/v2/lang's init. Go initialises packages in import-path
// order, each as soon as its own imports are done (the Go 1.21 rule); this package imports only
// os and strings, which lang needs too, and "frontline-atlas/…" sorts before "fyne.io/…", so
// importing it anywhere in the program (app does) runs Init first.
//
// Only LANGUAGE is set, and only when the effective locale is C or POSIX with an encoding or
// modifier: gettext ignores LANGUAGE under a C locale, so child processes (the browser a source
// link opens) see no difference.
package localeenv

import (
	"os"
	"strings"
)

func init() { Init(os.Getenv, os.Setenv) }

// Init applies the rule with the given environment accessors (tests pass their own). It sets
// LANGUAGE to "en" when the first of LC_ALL, LC_MESSAGES and LANG that is set names the C or
// POSIX locale with a suffix ("C.UTF-8", "POSIX.utf8", "C@euro"), and LANGUAGE is unset.
// It reports whether it changed anything.
func Init(getenv func(string) string, setenv func(string, string) error) bool {
	var loc string
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(k); loc != "" {
			break
		}
	}
	if !isCLocale(loc) || loc == "C" || loc == "POSIX" || getenv("LANGUAGE") != "" {
		return false // plain C and POSIX are understood already; LANGUAGE chosen by the user wins
	}
	return setenv("LANGUAGE", "en") == nil
}

// isCLocale reports whether loc names the C or POSIX locale, with or without an encoding
// (".UTF-8") or modifier ("@euro").
func isCLocale(loc string) bool {
	name, _, _ := strings.Cut(loc, ".")
	name, _, _ = strings.Cut(name, "@")
	return name == "C" || name == "POSIX"
}
