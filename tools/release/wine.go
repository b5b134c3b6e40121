package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// wineConfig says what the Wine check runs.
type wineConfig struct {
	exe    string    // the Windows .exe
	linux  string    // a Linux build of the same source, or "": its output is the reference
	prefix string    // the Wine prefix (WINEPREFIX), created when missing
	log    io.Writer // progress
}

// wineCase is one run of the .exe.
type wineCase struct {
	name     string
	args     []string // Windows paths may use the placeholder OUT for the output folder
	code     int      // the exit status wanted
	contains []string // in stdout+stderr; "VERSION" stands for "Name x.y.z" of FyneApp.toml
	same     bool     // stdout must equal the Linux build's, byte for byte
	console  bool     // also run it through consolerun (no standard handles, a parent console)
}

// wineCases are the command-line verbs, each as a user types them.
var wineCases = []wineCase{
	{name: "version", args: []string{"--version"}, code: 0, contains: []string{"VERSION"}, console: true},
	{name: "help", args: []string{"--help"}, code: 0, contains: []string{"Usage:", "validate"}, same: true, console: true},
	{name: "bad flag", args: []string{"--bogus"}, code: 2, contains: []string{"flag provided but not defined: -bogus", "Usage:"}, console: true},
	{name: "validate", args: []string{"validate"}, code: 0, contains: []string{"no problems found"}, same: true, console: true},
	{name: "validate a broken pack", args: []string{"validate", `OUT\broken`}, code: 1, contains: []string{"events.json", "problem(s) found"}, console: true},
	{name: "front", args: []string{"front", "--date", "1942-11-19"}, code: 0, contains: []string{`"FeatureCollection"`}, same: true},
	{name: "export", args: []string{"export", "-o", `OUT\export`}, code: 0, contains: []string{"wrote the chronicle"}},
	{name: "snapshot", args: []string{"snapshot", "--date", "1942-11-19", "--event", "operation-uranus", "--size", "1280x720", "-o", `OUT\uranus.png`}, code: 0, contains: []string{"wrote"}},
}

// wineCheck runs the .exe's command-line verbs under Wine, both with its output piped (as a
// script runs it) and through consolerun under a terminal (as cmd.exe or PowerShell starts a
// windowed program: no standard handles, a parent console), and compares what it prints and
// writes with the Linux build's. It returns the problems found.
func wineCheck(c wineConfig) ([]string, error) {
	wine, err := findWine()
	if err != nil {
		return nil, err
	}
	prefix, err := filepath.Abs(c.prefix)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=")
	if err := prepareWinePrefix(wine, prefix, env, c.log); err != nil {
		return nil, err
	}
	out := filepath.Join(prefix, "drive_c", "atlas-check")
	os.RemoveAll(out)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	if err := copyDir("app/testdata/broken", filepath.Join(out, "broken")); err != nil {
		return nil, fmt.Errorf("the broken pack for validate: %w", err)
	}
	exe := filepath.Join(out, "atlas.exe")
	if err := copyFile(c.exe, exe); err != nil {
		return nil, err
	}
	consolerun := filepath.Join(prefix, "drive_c", "consolerun.exe")
	build := exec.Command("go", "build", "-o", consolerun, "./tools/release/consolerun")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building consolerun.exe: %v\n%s", err, b)
	}
	linuxOut := ""
	if c.linux != "" {
		linuxOut, err = os.MkdirTemp("", "atlas-linux-*")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(linuxOut)
		if err := copyDir("app/testdata/broken", filepath.Join(linuxOut, "broken")); err != nil {
			return nil, err
		}
	}
	_, hasScript := exec.LookPath("script")
	meta, err := readAppMeta("FyneApp.toml")
	if err != nil {
		return nil, err
	}

	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for _, tc := range wineCases {
		tc.contains = append([]string(nil), tc.contains...)
		for i, s := range tc.contains {
			if s == "VERSION" { // the name and version of FyneApp.toml
				tc.contains[i] = meta.Name + " " + meta.Version
			}
		}
		winArgs := make([]string, len(tc.args))
		for i, a := range tc.args {
			winArgs[i] = strings.ReplaceAll(a, "OUT", `C:\atlas-check`)
		}
		start := time.Now()
		stdout, stderr, code, err := runCmd(env, 5*time.Minute, wine, append([]string{exe}, winArgs...)...)
		fmt.Fprintf(c.log, "wine: %-24s exit %d in %.1f s\n", tc.name, code, time.Since(start).Seconds())
		if err != nil {
			bad("%s: %v", tc.name, err)
			continue
		}
		if code != tc.code {
			bad("%s: exit status %d, want %d; stderr: %s", tc.name, code, tc.code, clip(stderr))
		}
		for _, s := range tc.contains {
			if !strings.Contains(stdout+stderr, s) {
				bad("%s: the output lacks %q: %s", tc.name, s, clip(stdout+stderr))
			}
		}
		if c.linux != "" {
			linArgs := make([]string, len(tc.args))
			for i, a := range tc.args {
				linArgs[i] = strings.ReplaceAll(strings.ReplaceAll(a, "OUT", linuxOut), `\`, "/")
			}
			lout, _, lcode, err := runCmd(os.Environ(), 5*time.Minute, c.linux, linArgs...)
			switch {
			case err != nil:
				bad("%s: the Linux build: %v", tc.name, err)
			case lcode != code:
				bad("%s: exit status %d on Windows, %d on Linux", tc.name, code, lcode)
			case tc.same && lout != stdout:
				bad("%s: the output differs from Linux's (%d bytes, Linux %d)", tc.name, len(stdout), len(lout))
			}
		}
		if tc.console && hasScript == nil {
			problems = append(problems, consoleRun(wine, env, consolerun, exe, tc, winArgs, c.log)...)
		}
	}
	problems = append(problems, checkWineFiles(out, linuxOut)...)
	if hasScript != nil {
		fmt.Fprintln(c.log, "wine: no `script` command (util-linux): the console runs were skipped")
	}
	return problems, nil
}

// consoleRun runs a case through consolerun.exe in a pseudo-terminal (script(1)), where the
// program has no standard handles and must attach to its parent's console to print anything.
func consoleRun(wine string, env []string, consolerun, exe string, tc wineCase, winArgs []string, log io.Writer) []string {
	line := shellQuote(wine) + " " + shellQuote(consolerun) + " " + shellQuote(exe)
	for _, a := range winArgs {
		line += " " + shellQuote(a)
	}
	out, _, code, err := runCmd(env, 5*time.Minute, "script", "-qec", "stty cols 250 2>/dev/null; "+line, "/dev/null")
	fmt.Fprintf(log, "wine: %-24s exit %d (console)\n", tc.name, code)
	if err != nil {
		return []string{fmt.Sprintf("%s (console): %v", tc.name, err)}
	}
	text := ansi.ReplaceAllString(strings.ReplaceAll(out, "\r", ""), "")
	var problems []string
	if code != tc.code {
		problems = append(problems, fmt.Sprintf("%s (console): exit status %d, want %d", tc.name, code, tc.code))
	}
	for _, s := range tc.contains {
		if !strings.Contains(text, s) {
			problems = append(problems, fmt.Sprintf("%s (console): the console shows no %q: the program did not attach to its parent's console; it showed: %s", tc.name, s, clip(text)))
		}
	}
	return problems
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// checkWineFiles checks what export and snapshot wrote: a 1280×720 PNG, and with a Linux
// build, the snapshot and every exported file byte-identical to the Linux build's. (Every
// glyph comes from the fonts the app embeds, so a picture does not depend on the system's
// fonts; under Wine, which has none, a missing glyph would show as "�" and differ.)
func checkWineFiles(out, linuxOut string) []string {
	var problems []string
	png, err := os.ReadFile(filepath.Join(out, "uranus.png"))
	if err != nil {
		problems = append(problems, fmt.Sprintf("snapshot: %v", err))
	} else {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(png))
		if err != nil || cfg.Width != 1280 || cfg.Height != 720 {
			problems = append(problems, fmt.Sprintf("snapshot: %dx%d, err %v; want a 1280x720 PNG", cfg.Width, cfg.Height, err))
		}
		if linuxOut != "" {
			if lin, err := os.ReadFile(filepath.Join(linuxOut, "uranus.png")); err != nil || !bytes.Equal(lin, png) {
				problems = append(problems, fmt.Sprintf("snapshot: the picture differs from the Linux build's (%v)", err))
			}
		}
	}
	entries, err := os.ReadDir(filepath.Join(out, "export"))
	if err != nil || len(entries) < 5 {
		return append(problems, fmt.Sprintf("export: %d files, err %v", len(entries), err))
	}
	if linuxOut == "" {
		return problems
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		a, err1 := os.ReadFile(filepath.Join(out, "export", e.Name()))
		b, err2 := os.ReadFile(filepath.Join(linuxOut, "export", e.Name()))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			problems = append(problems, fmt.Sprintf("export: %s differs from the Linux build's (%v %v)", e.Name(), err1, err2))
		}
	}
	return problems
}

// findWine returns the wine launcher: wine, wine64, or Debian's /usr/lib/wine/wine64.
func findWine() (string, error) {
	for _, n := range []string{"wine", "wine64", "/usr/lib/wine/wine64"} {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", errors.New("Wine is not installed (Debian: apt-get install wine64); this check is optional")
}

// prepareWinePrefix creates the prefix on first use and, where Wine lacks it (Wine 8, Debian
// 12), installs the stand-in bcryptprimitives.dll that provides ProcessPrng, without which
// programs built with Go 1.24 or later stop at start.
func prepareWinePrefix(wine, prefix string, env []string, log io.Writer) error {
	if _, err := os.Stat(filepath.Join(prefix, "system.reg")); err != nil {
		fmt.Fprintf(log, "wine: creating the prefix %s\n", prefix)
		if _, stderr, code, err := runCmd(env, 10*time.Minute, wine, "wineboot", "-i"); err != nil || code != 0 {
			return fmt.Errorf("wineboot -i: exit %d, %v: %s", code, err, clip(stderr))
		}
	}
	dll := filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	if _, err := os.Stat(dll); err == nil {
		return nil // Wine 9 and later have it
	}
	fmt.Fprintln(log, "wine: this Wine has no bcryptprimitives.dll (ProcessPrng): installing the stand-in from tools/release/wine")
	cc := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-o", dll, "tools/release/wine/bcryptprimitives.c", "-lbcrypt")
	if b, err := cc.CombinedOutput(); err != nil {
		return fmt.Errorf("building bcryptprimitives.dll (needs gcc-mingw-w64-x86-64): %v\n%s", err, b)
	}
	return nil
}

// runCmd runs a command with a timeout and returns its output and exit status.
func runCmd(env []string, timeout time.Duration, name string, args ...string) (string, string, int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ctx.Err() == nil {
		return out.String(), errb.String(), ee.ExitCode(), nil
	}
	if ctx.Err() != nil {
		return out.String(), errb.String(), -1, fmt.Errorf("%s: no answer in %v", name, timeout)
	}
	return out.String(), errb.String(), 0, err
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o755)
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}
