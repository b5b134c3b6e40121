package timeline

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// testPackBase is the valid pack that the broken packs in testdata/packs/<case>/ overlay.
const testPackBase = "testdata/packs/valid"

// overlayPack returns the files of the valid pack with the files of dir laid over them:
// a file of dir replaces the file of the same name, and an empty file of dir removes it.
func overlayPack(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, d := range []string{testPackBase, dir} {
		if d == "" {
			continue
		}
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(d, p)
			rel = filepath.ToSlash(rel)
			if rel == "want.txt" {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if len(data) == 0 {
				delete(m, rel)
				return nil
			}
			m[rel] = &fstest.MapFile{Data: data, Mode: 0o644}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// loadTestPack loads the valid test pack and fails the test on any error.
func loadTestPack(t testing.TB) *Catalog {
	t.Helper()
	c, err := LoadDir(testPackBase)
	if err != nil {
		t.Fatalf("LoadDir(%s): %v", testPackBase, err)
	}
	return c
}

func TestLoadValidPack(t *testing.T) {
	c := loadTestPack(t)
	got := c.Counts()
	want := map[Kind]int{KindEvent: 4, KindPerson: 2, KindMedal: 2, KindPlace: 4, KindOrganization: 2, KindVeteran: 1, KindTour: 1, KindSource: 1}
	for _, k := range Kinds {
		if got[k] != want[k] {
			t.Errorf("Counts()[%s]: got %d, want %d", k, got[k], want[k])
		}
	}
	if got, want := c.Info.Name.String(), "Test pack"; got != want {
		t.Errorf("Info.Name: got %q, want %q", got, want)
	}
	if got := len(c.Lanes()); got != 2 {
		t.Errorf("Lanes(): got %d lanes, want 2", got)
	}
	if got := strings.Join(c.FrontTheatreIDs(), ","); got != "eastern,khasan" {
		t.Errorf("FrontTheatreIDs(): got %s, want eastern,khasan", got)
	}
	if ft := c.FrontTheatres(); len(ft) != 2 || ft[1].Name.In("ru") != "Озеро Хасан" {
		t.Errorf("FrontTheatres(): got %+v, want eastern and khasan with its Russian name", ft)
	}
}

// TestLoadBrokenPacks loads every testdata/packs/<case>/ laid over the valid pack and checks
// that each line of its want.txt appears among the problems (each line lists substrings that
// must all appear in one problem, separated by " && ").
func TestLoadBrokenPacks(t *testing.T) {
	dirs, err := filepath.Glob("testdata/packs/*/want.txt")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no broken packs found: %v", err)
	}
	for _, w := range dirs {
		dir := filepath.Dir(w)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			wantData, err := os.ReadFile(w)
			if err != nil {
				t.Fatal(err)
			}
			c, err := LoadFS(overlayPack(t, dir), dir)
			if err == nil {
				t.Fatalf("LoadFS: got no error, want problems")
			}
			if c != nil {
				t.Errorf("LoadFS: got a catalog with the error, want nil")
			}
			var pe *PackError
			if !errors.As(err, &pe) {
				t.Fatalf("LoadFS: got %T, want *PackError", err)
			}
			var msgs []string
			for _, p := range pe.Problems {
				msgs = append(msgs, p.Error())
			}
			for _, line := range strings.Split(strings.TrimSpace(string(wantData)), "\n") {
				if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if !anyContainsAll(msgs, strings.Split(line, " && ")) {
					t.Errorf("no problem contains all of %q; got:\n%s", line, strings.Join(msgs, "\n"))
				}
			}
		})
	}
}

func anyContainsAll(msgs, parts []string) bool {
	for _, m := range msgs {
		ok := true
		for _, p := range parts {
			if !strings.Contains(m, strings.TrimSpace(p)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
