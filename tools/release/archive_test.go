package main

import (
	"archive/tar"
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureFiles is a Linux package as fyne package lays it out (testdata/fyne-package.mk is the
// Makefile fyne 1.7.4 writes), with /bin/true as the binary.
func fixtureFiles(t *testing.T, meta appMeta) map[string]tarFile {
	t.Helper()
	bin, err := os.ReadFile("/bin/true")
	if err != nil {
		t.Skip("no /bin/true to stand for the binary")
	}
	if err := checkELF("/bin/true", tarFile{mode: 0o755, data: bin}); len(err) != 0 {
		t.Skipf("/bin/true is not an x86-64 binary needing only libc: %v", err)
	}
	mk, err := os.ReadFile("testdata/fyne-package.mk")
	if err != nil {
		t.Fatal(err)
	}
	icon, err := os.ReadFile(meta.Icon)
	if err != nil {
		t.Fatal(err)
	}
	desktop := "[Desktop Entry]\nType=Application\nName=Frontline Atlas\nExec=frontline-atlas\nIcon=org.frontlineatlas.app\n" +
		"Comment=" + meta.Comment + "\nCategories=Education;Science;\nStartupWMClass=Frontline Atlas\n"
	return map[string]tarFile{
		"frontline-atlas/Makefile":                                                    {0o644, mk},
		"frontline-atlas/usr/local/bin/frontline-atlas":                               {0o755, bin},
		"frontline-atlas/usr/local/share/applications/org.frontlineatlas.app.desktop": {0o644, []byte(desktop)},
		"frontline-atlas/usr/local/share/pixmaps/org.frontlineatlas.app.png":          {0o644, icon},
	}
}

func writeTarXz(t *testing.T, files map[string]tarFile) string {
	t.Helper()
	if _, err := exec.LookPath("xz"); err != nil {
		t.Skip("no xz command")
	}
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for name, f := range files {
		tw.WriteHeader(&tar.Header{Name: name, Mode: f.mode, Size: int64(len(f.data)), Typeflag: tar.TypeReg})
		tw.Write(f.data)
	}
	tw.Close()
	p := filepath.Join(t.TempDir(), "Frontline Atlas.tar.xz")
	cmd := exec.Command("xz", "-c")
	cmd.Stdin = &b
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, out, 0o644)
	return p
}

func TestCheckLinuxArchive(t *testing.T) {
	meta, err := readAppMeta("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if p := checkLinuxArchive(writeTarXz(t, fixtureFiles(t, meta)), meta, false); len(p) != 0 {
		t.Fatalf("a good package: %v", p)
	}
	var small bytes.Buffer
	png.Encode(&small, image.NewGray(image.Rect(0, 0, 64, 48)))
	noUserInstall, _ := os.ReadFile("testdata/fyne-package.mk")
	noUserInstall = bytes.Replace(noUserInstall, []byte("\nuser-install:"), []byte("\nuser-install-disabled:"), 1)
	for _, tc := range []struct {
		name   string
		change func(map[string]tarFile)
		want   []string
	}{
		{"the .desktop file starts another program", func(f map[string]tarFile) {
			d := f["frontline-atlas/usr/local/share/applications/org.frontlineatlas.app.desktop"]
			d.data = bytes.Replace(d.data, []byte("Exec=frontline-atlas"), []byte("Exec=atlas"), 1)
			d.data = bytes.Replace(d.data, []byte("StartupWMClass=Frontline Atlas\n"), nil, 1)
			f["frontline-atlas/usr/local/share/applications/org.frontlineatlas.app.desktop"] = d
		}, []string{`Exec="atlas" does not start the binary frontline-atlas`, `StartupWMClass=""`}},
		{"no icon", func(f map[string]tarFile) {
			delete(f, "frontline-atlas/usr/local/share/pixmaps/org.frontlineatlas.app.png")
		}, []string{"no share/pixmaps/org.frontlineatlas.app.png"}},
		{"a small, wrong icon", func(f map[string]tarFile) {
			f["frontline-atlas/usr/local/share/pixmaps/org.frontlineatlas.app.png"] = tarFile{0o644, small.Bytes()}
		}, []string{"64x48, want a square of at least 256 px", "is not"}},
		{"a binary without execute permission", func(f map[string]tarFile) {
			b := f["frontline-atlas/usr/local/bin/frontline-atlas"]
			b.mode = 0o644
			f["frontline-atlas/usr/local/bin/frontline-atlas"] = b
		}, []string{"is not executable"}},
		{"a Makefile without user-install", func(f map[string]tarFile) {
			f["frontline-atlas/Makefile"] = tarFile{0o644, noUserInstall}
		}, []string{"make user-install"}},
		{"no binary", func(f map[string]tarFile) {
			delete(f, "frontline-atlas/usr/local/bin/frontline-atlas")
		}, []string{"no bin/frontline-atlas"}},
	} {
		files := fixtureFiles(t, meta)
		tc.change(files)
		p := strings.Join(checkLinuxArchive(writeTarXz(t, files), meta, false), "\n")
		for _, w := range tc.want {
			if !strings.Contains(p, w) {
				t.Errorf("%s: the problems lack %q:\n%s", tc.name, w, p)
			}
		}
	}
}

func TestVersionLine(t *testing.T) {
	meta := appMeta{Name: "Frontline Atlas", Version: "0.2.0"}
	for out, ok := range map[string]bool{
		"Frontline Atlas 0.2.0\n":                            true,
		"Frontline Atlas 0.2.0 (commit ca77b3d, go1.26.8)\n": true,
		"Frontline Atlas 0.1.0 (go1.26.8)\n":                 false,
		"Frontline Atlas 0.2.00\n":                           false,
		"":                                                   false,
	} {
		if got := len(versionLineProblems("bin", out, meta)) == 0; got != ok {
			t.Errorf("--version printing %q: accepted %v, want %v", out, got, ok)
		}
	}
}
