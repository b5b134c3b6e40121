package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"debug/elf"
	"fmt"
	"image"
	_ "image/png" // the icon
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// tarFile is one regular file of an archive.
type tarFile struct {
	mode int64
	data []byte
}

// readTarXz reads a .tar.xz with the xz command (Go's standard library has no xz).
func readTarXz(p string) (map[string]tarFile, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cmd := exec.Command("xz", "-dc")
	cmd.Stdin = f
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: xz -dc: %v %s", p, err, strings.TrimSpace(errb.String()))
	}
	files := map[string]tarFile{}
	tr := tar.NewReader(&out)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", p, h.Name, err)
		}
		files[path.Clean(strings.TrimPrefix(h.Name, "./"))] = tarFile{mode: h.Mode, data: b}
	}
}

// linuxLibs are the shared libraries a Linux desktop has (C library, OpenGL, X11): the only
// ones the binary may need.
var linuxLibs = map[string]bool{
	"libc.so.6": true, "libm.so.6": true, "libpthread.so.0": true, "libdl.so.2": true,
	"libGL.so.1": true, "libX11.so.6": true, "libXcursor.so.1": true, "libXrandr.so.2": true,
	"libXinerama.so.1": true, "libXi.so.6": true, "libXxf86vm.so.1": true, "libXext.so.6": true,
}

// checkLinuxArchive checks the archive fyne package made: the binary (an x86-64 ELF needing only
// libraries every Linux desktop has), the .desktop file (name, command, icon, window class,
// categories), the icon (the app's, square, at least 256 px) and the Makefile's install rules,
// run into a temporary folder.
//
// With run, the binary is also started with --version (on linux/amd64 only), which must print
// the app's name and the release's version.
func checkLinuxArchive(p string, meta appMeta, run bool) []string {
	files, err := readTarXz(p)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	find := func(suffix string) (string, bool) {
		for name := range files {
			if name == suffix || strings.HasSuffix(name, "/"+suffix) {
				return name, true
			}
		}
		bad("no %s in the archive", suffix)
		return "", false
	}

	if bin, ok := find("bin/" + meta.Exe); ok {
		problems = append(problems, checkELF(bin, files[bin])...)
		if run && runtime.GOOS == "linux" && runtime.GOARCH == "amd64" {
			problems = append(problems, checkRunsVersion(bin, files[bin], meta)...)
		}
	}
	desktopName, hasDesktop := find("share/applications/" + meta.ID + ".desktop")
	iconName, hasIcon := find("share/pixmaps/" + meta.ID + ".png")
	if hasDesktop {
		problems = append(problems, checkDesktop(desktopName, files[desktopName].data, meta)...)
	}
	if hasIcon {
		problems = append(problems, checkIcon(iconName, files[iconName].data, meta)...)
	}
	if mk, ok := find("Makefile"); ok && len(problems) == 0 {
		problems = append(problems, checkInstall(files, path.Dir(mk), meta)...)
	}
	return problems
}

// checkRunsVersion runs the binary with --version: it must start (every library found) and
// print "Name x.y.z" of this release.
func checkRunsVersion(name string, f tarFile, meta appMeta) []string {
	dir, err := os.MkdirTemp("", "atlas-bin-*")
	if err != nil {
		return []string{err.Error()}
	}
	defer os.RemoveAll(dir)
	exe := filepath.Join(dir, meta.Exe)
	if err := os.WriteFile(exe, f.data, 0o755); err != nil {
		return []string{err.Error()}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, exe, "--version").CombinedOutput()
	if err != nil {
		return []string{fmt.Sprintf("%s --version: %v: %s", name, err, strings.TrimSpace(string(out)))}
	}
	return versionLineProblems(name, string(out), meta)
}

// versionLineProblems checks what --version printed: a line starting "Name x.y.z".
func versionLineProblems(name, out string, meta appMeta) []string {
	for _, line := range strings.Split(out, "\n") {
		if line == meta.Name+" "+meta.Version || strings.HasPrefix(line, meta.Name+" "+meta.Version+" ") {
			return nil
		}
	}
	return []string{fmt.Sprintf("%s --version printed %q, want a line starting %q", name, strings.TrimSpace(out), meta.Name+" "+meta.Version)}
}

func checkELF(name string, f tarFile) []string {
	var problems []string
	if f.mode&0o111 == 0 {
		problems = append(problems, fmt.Sprintf("%s is not executable (mode %o)", name, f.mode))
	}
	ef, err := elf.NewFile(bytes.NewReader(f.data))
	if err != nil {
		return append(problems, fmt.Sprintf("%s: not an ELF binary: %v", name, err))
	}
	defer ef.Close()
	if ef.Machine != elf.EM_X86_64 || ef.Class != elf.ELFCLASS64 {
		problems = append(problems, fmt.Sprintf("%s: %v %v, want a 64-bit x86-64 binary", name, ef.Class, ef.Machine))
	}
	libs, err := ef.ImportedLibraries()
	if err != nil {
		return append(problems, fmt.Sprintf("%s: reading its libraries: %v", name, err))
	}
	for _, l := range libs {
		if !linuxLibs[l] {
			problems = append(problems, fmt.Sprintf("%s needs %s, which a Linux desktop may lack", name, l))
		}
	}
	return problems
}

// checkDesktop checks a .desktop file (freedesktop.org Desktop Entry): it must launch the
// binary, show the app's name and icon, and name the window class the app's window has, so
// that the dock groups the window under the launcher.
func checkDesktop(name string, data []byte, meta appMeta) []string {
	keys := map[string]string{}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = line
		case section == "[Desktop Entry]":
			if k, v, ok := strings.Cut(line, "="); ok {
				keys[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	var problems []string
	want := func(key, value string) {
		if keys[key] != value {
			problems = append(problems, fmt.Sprintf("%s: %s=%q, want %q", name, key, keys[key], value))
		}
	}
	want("Type", "Application")
	want("Name", meta.Name)
	want("Icon", meta.ID)
	want("StartupWMClass", meta.Name)
	if meta.Comment != "" {
		want("Comment", meta.Comment)
	}
	if exe, _, _ := strings.Cut(keys["Exec"], " "); exe != meta.Exe {
		problems = append(problems, fmt.Sprintf("%s: Exec=%q does not start the binary %s", name, keys["Exec"], meta.Exe))
	}
	cats := ";" + keys["Categories"] + ";"
	for _, c := range meta.Category {
		if !strings.Contains(cats, ";"+c+";") {
			problems = append(problems, fmt.Sprintf("%s: Categories=%q lacks %s", name, keys["Categories"], c))
		}
	}
	return problems
}

func checkIcon(name string, data []byte, meta appMeta) []string {
	var problems []string
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return []string{fmt.Sprintf("%s: not a PNG: %v", name, err)}
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 256 {
		problems = append(problems, fmt.Sprintf("%s is %dx%d, want a square of at least 256 px", name, b.Dx(), b.Dy()))
	}
	if orig, err := os.ReadFile(meta.Icon); err != nil {
		problems = append(problems, fmt.Sprintf("the app's icon: %v", err))
	} else if !bytes.Equal(orig, data) {
		problems = append(problems, fmt.Sprintf("%s is not %s", name, meta.Icon))
	}
	return problems
}

// checkInstall unpacks the archive into a temporary folder and runs its Makefile as the README
// tells users to: `make install` (into DESTDIR), `make user-install` (into a HOME), then the
// uninstall rules; it checks that each installs the binary, the .desktop file and the icon, and
// removes them again.
func checkInstall(files map[string]tarFile, top string, meta appMeta) []string {
	if _, err := exec.LookPath("make"); err != nil {
		return []string{"make is not installed: the install rules were not run"}
	}
	tmp, err := os.MkdirTemp("", "atlas-install-*")
	if err != nil {
		return []string{err.Error()}
	}
	defer os.RemoveAll(tmp)
	pkg := filepath.Join(tmp, "pkg")
	for name, f := range files {
		rel := strings.TrimPrefix(strings.TrimPrefix(name, top), "/")
		dst := filepath.Join(pkg, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return []string{err.Error()}
		}
		if err := os.WriteFile(dst, f.data, os.FileMode(f.mode)&0o777); err != nil {
			return []string{err.Error()}
		}
	}
	var problems []string
	mk := func(target string, env ...string) bool {
		cmd := exec.Command("make", "-s", target)
		cmd.Dir = pkg
		cmd.Env = append(os.Environ(), env...)
		if b, err := cmd.CombinedOutput(); err != nil {
			problems = append(problems, fmt.Sprintf("make %s: %v: %s", target, err, strings.TrimSpace(string(b))))
			return false
		}
		return true
	}
	root, home := filepath.Join(tmp, "root"), filepath.Join(tmp, "home")
	system := []string{"usr/bin/" + meta.Exe, "usr/share/applications/" + meta.ID + ".desktop", "usr/share/pixmaps/" + meta.ID + ".png"}
	user := []string{".local/bin/" + meta.Exe, ".local/share/applications/" + meta.ID + ".desktop", ".local/share/icons/" + meta.ID + ".png"}
	exists := func(base string, rel []string, want bool, after string) {
		for i, r := range rel {
			st, err := os.Stat(filepath.Join(base, r))
			switch {
			case want && err != nil:
				problems = append(problems, fmt.Sprintf("%s did not install %s", after, r))
			case want && i == 0 && st.Mode()&0o111 == 0:
				problems = append(problems, fmt.Sprintf("%s installed %s without execute permission", after, r))
			case !want && err == nil:
				problems = append(problems, fmt.Sprintf("%s left %s", after, r))
			}
		}
	}
	if mk("install", "DESTDIR="+root, "PREFIX=/usr") {
		exists(root, system, true, "make install")
		if mk("uninstall", "DESTDIR="+root, "PREFIX=/usr") {
			exists(root, system, false, "make uninstall")
		}
	}
	if mk("user-install", "HOME="+home) {
		exists(home, user, true, "make user-install")
		if d, err := os.ReadFile(filepath.Join(home, user[1])); err == nil {
			if want := "Exec=" + filepath.Join(home, user[0]); !strings.Contains(string(d), want) {
				problems = append(problems, fmt.Sprintf("make user-install: the .desktop file lacks %q", want))
			}
		}
		if mk("user-uninstall", "HOME="+home) {
			exists(home, user, false, "make user-uninstall")
		}
	}
	return problems
}
