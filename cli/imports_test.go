package cli

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// guiImport reports whether path is Fyne or GLFW, which only app/ and main.go may import.
func guiImport(path string) bool {
	return strings.HasPrefix(path, "fyne.io/") || strings.HasPrefix(path, "github.com/go-gl/")
}

// TestOnlyAppAndMainImportFyne checks the package shape docs/architecture.md describes: no
// package of the module but app and main imports Fyne or GLFW, directly or through another
// package of the module, so cli, timeline, geo and the tools build and test without cgo or a
// display.
func TestOnlyAppAndMainImportFyne(t *testing.T) {
	const module = "frontline-atlas"
	var dirs []string
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != ".." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			dirs = append(dirs, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	imports := map[string][]string{} // module package → its imports
	for _, dir := range dirs {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			continue // no Go files
		}
		rel, _ := filepath.Rel("..", dir)
		path := module
		if rel != "." {
			path += "/" + filepath.ToSlash(rel)
		}
		imports[path] = pkg.Imports
	}
	if len(imports) < 5 || imports[module+"/cli"] == nil {
		t.Fatalf("found only %d packages: is the walk broken?", len(imports))
	}
	// reaches reports the first GUI import reachable from pkg through packages of the module.
	var reaches func(pkg string, seen map[string]bool) string
	reaches = func(pkg string, seen map[string]bool) string {
		if seen[pkg] {
			return ""
		}
		seen[pkg] = true
		for _, imp := range imports[pkg] {
			if guiImport(imp) {
				return imp
			}
			if strings.HasPrefix(imp, module+"/") {
				if via := reaches(imp, seen); via != "" {
					return imp + " → " + via
				}
			}
		}
		return ""
	}
	for pkg := range imports {
		if pkg == module || pkg == module+"/app" {
			continue
		}
		if via := reaches(pkg, map[string]bool{}); via != "" {
			t.Errorf("%s imports %s: only app/ and main.go may import Fyne or GLFW", pkg, via)
		}
	}
}
