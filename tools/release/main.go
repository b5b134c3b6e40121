// Command release builds the parts of a Frontline Atlas release that are not compilation, and
// checks what `fyne package` made before it is published. `make release VERSION=x.y.z` runs it;
// see README.md ("Download and install") and docs/release.md.
//
//	release changelog -version V [-file CHANGELOG.md]   add V's entry (commits since the last tag)
//	release check-linux -version V ARCHIVE              check the Linux .tar.xz
//	release check-windows -version V EXE                check the Windows .exe (PE)
//	release sums DIR                                    write DIR/SHA256SUMS and check it
//	release wine -exe EXE [-linux BIN]                  run the .exe's verbs under Wine
//
// Every check lists all its problems, then exits 1 if there were any.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage:
  release changelog -version V [-file CHANGELOG.md]
  release check-linux -version V [-toml FyneApp.toml] ARCHIVE.tar.xz
  release check-windows -version V [-toml FyneApp.toml] EXE
  release sums DIR
  release wine -exe EXE [-linux BIN] [-prefix DIR]
`

// run runs one subcommand and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	fs := flag.NewFlagSet("release "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	version := fs.String("version", "", "the version released, x.y.z")
	toml := fs.String("toml", "FyneApp.toml", "the app's metadata")
	file := fs.String("file", "CHANGELOG.md", "the changelog")
	exe := fs.String("exe", "", "the Windows .exe")
	linux := fs.String("linux", "", "a Linux build of the same source, to compare output with")
	prefix := fs.String("prefix", ".cache/wine", "the Wine prefix to use (created when missing)")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	needVersion := func() bool {
		if !validVersion(*version) {
			fmt.Fprintf(stderr, "release %s: -version %q: want x.y.z\n", args[0], *version)
			return false
		}
		return true
	}
	var problems []string
	var err error
	switch args[0] {
	case "changelog":
		if !needVersion() {
			return 2
		}
		err = writeChangelog(*file, *version, stdout)
	case "check-linux", "check-windows":
		if !needVersion() || fs.NArg() != 1 {
			fmt.Fprint(stderr, usage)
			return 2
		}
		var meta appMeta
		if meta, err = readAppMeta(*toml); err != nil {
			break
		}
		if meta.Version != *version {
			problems = append(problems, fmt.Sprintf("%s has Version %q, the release is %q", *toml, meta.Version, *version))
		}
		if args[0] == "check-linux" {
			problems = append(problems, checkLinuxArchive(fs.Arg(0), meta, true)...)
		} else {
			problems = append(problems, checkWindowsExe(fs.Arg(0), meta)...)
		}
	case "sums":
		if fs.NArg() != 1 {
			fmt.Fprint(stderr, usage)
			return 2
		}
		err = writeSums(fs.Arg(0), stdout)
	case "wine":
		if *exe == "" {
			fmt.Fprint(stderr, usage)
			return 2
		}
		problems, err = wineCheck(wineConfig{exe: *exe, linux: *linux, prefix: *prefix, log: stdout})
	default:
		fmt.Fprintf(stderr, "release: unknown command %q\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "release %s: %v\n", args[0], err)
		return 1
	}
	what := strings.Join(fs.Args(), " ")
	if *exe != "" {
		what = *exe
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "release %s: %s: %d problem(s):\n  %s\n", args[0], what, len(problems), strings.Join(problems, "\n  "))
		return 1
	}
	if strings.HasPrefix(args[0], "check") || args[0] == "wine" {
		fmt.Fprintf(stdout, "release %s: %s: all checks passed\n", args[0], what)
	}
	return 0
}

// validVersion reports whether v is x.y.z with decimal numbers and no leading zeros.
func validVersion(v string) bool {
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 1 && p[0] == '0' {
			return false
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}
