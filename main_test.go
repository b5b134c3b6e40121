package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"frontline-atlas/buildinfo"
)

// --version prints the Version of FyneApp.toml, the file fyne package reads, with no second
// copy of the number anywhere.
func TestVersionComesFromFyneAppTOML(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version = "([0-9]+\.[0-9]+\.[0-9]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("FyneApp.toml has no Version = \"x.y.z\" line")
	}
	if buildinfo.Version() != string(m[1]) {
		t.Fatalf("buildinfo.Version() = %q, FyneApp.toml says %q", buildinfo.Version(), m[1])
	}
	var out bytes.Buffer
	printVersion(&out)
	if want := "Frontline Atlas " + string(m[1]); !strings.HasPrefix(out.String(), want) || !strings.HasSuffix(out.String(), "\n") {
		t.Fatalf("--version printed %q, want a line starting %q", out.String(), want)
	}
	for args, want := range map[string]bool{"--version": true, "-version": true, "--version --date 1942": false, "version": false, "": false} {
		if got := versionRequested(strings.Fields(args)); got != want {
			t.Errorf("versionRequested(%q) = %v, want %v", args, got, want)
		}
	}
}
