package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFuzzTargetsHaveSeedsAndFigures keeps the fuzzing layout docs/reliability.md describes:
// every func Fuzz… of the module has a small committed seed corpus (files in its package's
// testdata/fuzz/<name>/, or f.Add calls in its source) and a row in the document's table of
// targets, so that a new target (the user-GeoJSON loader, the tour parser) is not forgotten
// there.
func TestFuzzTargetsHaveSeedsAndFigures(t *testing.T) {
	doc, err := os.ReadFile("../docs/reliability.md")
	if err != nil {
		t.Fatal(err)
	}
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(f \*testing\.F\)`)
	targets := 0
	err = filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != ".." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(src), -1) {
			targets++
			name := m[1]
			seeds := filepath.Join(filepath.Dir(p), "testdata", "fuzz", name)
			ents, _ := os.ReadDir(seeds)
			if len(ents) == 0 && !strings.Contains(string(src), "f.Add(") {
				t.Errorf("%s (%s) has no seed corpus: neither files in %s nor f.Add calls", name, p, seeds)
			}
			var size int64
			for _, e := range ents {
				if info, err := e.Info(); err == nil {
					size += info.Size()
				}
			}
			if size > 256<<10 {
				t.Errorf("%s: the seed corpus is %d KB; keep it small (the fuzzer would spend its time on the seeds)", name, size>>10)
			}
			if !strings.Contains(string(doc), "`"+name+"`") {
				t.Errorf("%s (%s) is not in docs/reliability.md's table of fuzz targets", name, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if targets < 4 {
		t.Errorf("found %d fuzz targets, want at least the content, layer, fronts and date ones", targets)
	}
}
