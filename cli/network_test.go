package cli

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The program opens no network connection. It reads packs from disk (internal/packfs), and
// the one thing it will do with a web address — a source's link — is hand it to the system's
// browser (fyne.App.OpenURL runs xdg-open, open or ShellExecute), which needs net/url to parse
// the address and nothing that connects. These tests keep it so, at three levels:
//
//  1. our own packages import no network package, only net/url, and only in timeline and app;
//  2. the other packages of the program that import one are a known list, each for a known
//     reason (below), on Linux, Windows and macOS: a new dependency that brings networking
//     fails the test until it is reviewed and listed;
//  3. in the linked program, the functions that open connections (net.Dial…, the HTTP client,
//     TLS) are reached only from the known places, none of which the program calls.

// networkPackage reports whether an import path is a package that can open connections.
func networkPackage(p string) bool {
	switch {
	case p == "net", p == "crypto/tls", p == "net/smtp", p == "net/mail", p == "net/textproto":
		return true
	case strings.HasPrefix(p, "net/http"), strings.HasPrefix(p, "net/rpc"):
		return true
	case strings.HasPrefix(p, "golang.org/x/net/"):
		// All but the parsers (HTML and its character sets, international domain names).
		return !strings.HasPrefix(p, "golang.org/x/net/html") && p != "golang.org/x/net/idna"
	}
	return false
}

// ourNetImports are the network-related packages our own packages may import: net/url only,
// which parses addresses and connects nowhere — in timeline, to check that a source's "url"
// is an http or https address, and in app, to hand it to the system browser.
var ourNetImports = map[string][]string{
	"frontline-atlas/timeline": {"net/url"},
	"frontline-atlas/app":      {"net/url"},
}

// knownNetworkImporters are the packages outside the standard library, in the program's
// dependencies, that import a network package, and why that opens no connection.
var knownNetworkImporters = map[string]string{
	// Fyne's root package has LoadResourceFromURLString (net/http), which the app never calls.
	"fyne.io/fyne/v2": "LoadResourceFromURLString, never called",
	// Fyne registers a reader for http:// and https:// URIs; the app never opens such a URI.
	"fyne.io/fyne/v2/internal/repository": "HTTP URI reader, never given an http URI",
	// D-Bus (desktop settings, notifications on Linux) talks to the session bus over a local
	// Unix socket; its TCP transport is used only if the session's bus address says so.
	"github.com/godbus/dbus/v5": "session bus, a local socket",
	// testify comes with fyne.io/fyne/v2/test, whose software canvas the snapshot command uses;
	// it imports net/http for HTTP assertions that are never run.
	"github.com/stretchr/testify/assert":  "via fyne/test, HTTP assertions never run",
	"github.com/stretchr/testify/require": "via fyne/test, HTTP assertions never run",
	// On Windows, the system-call package names socket types.
	"golang.org/x/sys/windows": "socket types of the Windows API",
}

// goList runs `go list` in the module root with GOOS set and returns its output lines.
func goList(t *testing.T, goos string, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %v (GOOS=%s): %v\n%s", args, goos, err, stderr.String())
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

func TestOurPackagesImportNoNetwork(t *testing.T) {
	lines := goList(t, "linux", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...")
	if len(lines) < 5 {
		t.Fatalf("go list found %d packages", len(lines))
	}
	for _, line := range lines {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		for _, imp := range imports {
			if (networkPackage(imp) || imp == "net/url") && !slices.Contains(ourNetImports[pkg], imp) {
				t.Errorf("%s imports %s: the program opens no network connection (see cli/network_test.go)", pkg, imp)
			}
		}
	}
}

func TestNetworkImportersAreKnown(t *testing.T) {
	for _, goos := range []string{"linux", "windows", "darwin"} {
		lines := goList(t, goos, "-deps", "-f", "{{if not .Standard}}{{.ImportPath}} {{join .Imports \" \"}}{{end}}", ".")
		for _, line := range lines {
			fields := strings.Fields(line)
			if len(fields) == 0 || strings.HasPrefix(fields[0], "frontline-atlas") {
				continue
			}
			for _, imp := range fields[1:] {
				if networkPackage(imp) {
					if _, ok := knownNetworkImporters[fields[0]]; !ok {
						t.Errorf("GOOS=%s: %s imports %s: a new dependency that can open connections; review it and list it in knownNetworkImporters with the reason it opens none", goos, fields[0], imp)
					}
				}
			}
		}
	}
}

// connecting matches the functions that open a connection or listen.
var connecting = regexp.MustCompile(`^(net\.(Dial[A-Za-z]*|Listen[A-Za-z]*|\(\*Dialer\)\.Dial[A-Za-z]*|\(\*ListenConfig\)\.Listen[A-Za-z]*)|net/http\.(Get|Post|PostForm|Head|ListenAndServe[A-Za-z]*|Serve[A-Za-z]*|\(\*Client\)\.[A-Z][A-Za-z]*|\(\*Server\)\.[A-Z][A-Za-z]*)|crypto/tls\.(Dial[A-Za-z]*|Listen|\(\*Dialer\)\.Dial[A-Za-z]*))$`)

// knownConnectors are the functions outside the standard library's own network stack that
// the linked program keeps and that reach a connecting function (see knownNetworkImporters).
var knownConnectors = []string{
	"fyne.io/fyne/v2/internal/repository.(*HTTPRepository).Exists",
	"fyne.io/fyne/v2/internal/repository.(*HTTPRepository).Reader",
	"github.com/godbus/dbus/v5.newNonceTcpTransport",
}

// TestProgramReachesNoConnection links the program and reads the linker's graph of what
// calls what (-ldflags=-dumpdep): every call into a connecting function from outside the
// standard library's network stack must come from a known place.
func TestProgramReachesNoConnection(t *testing.T) {
	if testing.Short() {
		t.Skip("links the whole program (some seconds)")
	}
	bin := filepath.Join(t.TempDir(), "frontline-atlas")
	cmd := exec.Command("go", "build", "-ldflags=-dumpdep", "-o", bin, ".")
	cmd.Dir = ".."
	var graph, out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &graph
	if err := cmd.Run(); err != nil {
		// No C toolchain or GL headers here: the program cannot be linked, say so.
		t.Skipf("cannot link the program here: %v\n%s", err, clip(graph.String(), 2000))
	}
	std := regexp.MustCompile(`^(type:)?(net|net/[a-z/]+|crypto/tls|vendor/[^ ]+)[.(]`)
	found := map[string]bool{}
	sc := bufio.NewScanner(&graph)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	edges := 0
	for sc.Scan() {
		from, to, ok := strings.Cut(sc.Text(), " -> ")
		if !ok {
			continue
		}
		edges++
		if !connecting.MatchString(to) || std.MatchString(from) {
			continue
		}
		found[from] = true
	}
	if edges < 10_000 {
		t.Fatalf("the linker's graph has %d edges: was -dumpdep understood?", edges)
	}
	var unknown []string
	for from := range found {
		if !slices.Contains(knownConnectors, from) {
			unknown = append(unknown, from)
		}
	}
	sort.Strings(unknown)
	for _, from := range unknown {
		t.Errorf("%s can open a connection: review it (cli/network_test.go)", from)
	}
}
