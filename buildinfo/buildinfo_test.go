package buildinfo

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The version comes from the repository's FyneApp.toml, the file fyne package reads.
func TestParseFyneAppTOML(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	n, v, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(b)
	if n != "Frontline Atlas" || want == nil || v != string(want[1]) {
		t.Fatalf("Parse(FyneApp.toml) = %q, %q; want Frontline Atlas, %q", n, v, want)
	}
}

func TestParseRejects(t *testing.T) {
	for _, tc := range []struct{ toml, want string }{
		{"[Details]\nName = \"Frontline Atlas\"\nVersion = \"1.2\"\n", `Version "1.2": want x.y.z`},
		{"[Details]\nName = \"Frontline Atlas\"\nVersion = \"01.2.3\"\n", `Version "01.2.3"`},
		{"[Details]\nName = \"Frontline Atlas\"\n", `Version "": want x.y.z`},
		{"[Details]\nVersion = \"1.2.3\"\n", "Name is missing"},
		{"[Details\nName = 1\n", "FyneApp.toml: toml:"},
	} {
		if _, _, err := Parse([]byte(tc.toml)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q): got %v, want an error containing %q", tc.toml, err, tc.want)
		}
	}
}

func TestSetAndString(t *testing.T) {
	defer func(n, v string) { name, version = n, v }(name, version)
	if err := Set([]byte("[Details]\nName = \"Frontline Atlas\"\nVersion = \"2.3.4\"\nBuild = 9\n")); err != nil {
		t.Fatal(err)
	}
	if String() != "Frontline Atlas 2.3.4" || Version() != "2.3.4" || Name() != "Frontline Atlas" {
		t.Fatalf("after Set: %q, %q, %q", String(), Name(), Version())
	}
	if l := Long(); !strings.HasPrefix(l, "Frontline Atlas 2.3.4") || !strings.Contains(l, "go1.") {
		t.Errorf("Long() = %q, want the version and the Go version", l)
	}
	if err := Set([]byte("[Details]\nName = \"X\"\nVersion = \"bad\"\n")); err == nil || String() != "Frontline Atlas 2.3.4" {
		t.Errorf("a bad file changed the version: %v, %q", err, String())
	}
}
