package timeline

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// fuzzFiles are the files of the pack a fuzz input can replace.
var fuzzFiles = []string{"events.json", "pack.json", "people.json", "medals.json"}

// FuzzLoad replaces one file of the valid test pack with arbitrary bytes and loads it: the
// loader must not panic or hang, and it returns either a catalog whose links all resolve or
// a *PackError naming a file, never both. Run with: go test ./timeline -fuzz FuzzLoad.
func FuzzLoad(f *testing.F) {
	for i, name := range fuzzFiles {
		data, err := os.ReadFile(filepath.Join(testPackBase, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(i))
	}
	cases, _ := filepath.Glob("testdata/packs/*/*.json")
	for _, p := range cases {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for i, name := range fuzzFiles {
			if filepath.Base(p) == name {
				f.Add(data, uint8(i))
			}
		}
	}
	f.Add([]byte(`{"events": [{"id": "x", "start": "~1942-02-29"}]}`), uint8(0))
	f.Add([]byte(`{"events": [[[[[[[[[[]]]]]]]]]]}`), uint8(0))
	f.Add([]byte("{\"events\": [{\"id\": \"\xff\"}]}"), uint8(0))
	f.Add([]byte(`{"pack": {"name": {"en": ""}, "lanes": [{}]}}`), uint8(1))
	f.Add([]byte(``), uint8(2))
	base := overlayPack(f, "")
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		name := fuzzFiles[int(which)%len(fuzzFiles)]
		m[name] = &fstest.MapFile{Data: data}
		c, err := LoadFS(m, "fuzz")
		if err != nil {
			if c != nil {
				t.Fatalf("got a catalog and an error")
			}
			var pe *PackError
			if !errors.As(err, &pe) || len(pe.Problems) == 0 {
				t.Fatalf("got %T %v, want a *PackError with problems", err, err)
			}
			for _, p := range pe.Problems {
				if p.File == "" || p.Msg == "" {
					t.Fatalf("problem without file or message: %+v", p)
				}
			}
			return
		}
		if c == nil {
			t.Fatal("got neither a catalog nor an error")
		}
		for r := range c.byRef {
			for _, l := range c.LinksFrom(r) {
				if !c.Exists(l) {
					t.Fatalf("%v links to %v, which does not exist", r, l)
				}
			}
			c.Search(c.Name(r), 3)
		}
		c.Between(PeriodStart, PeriodEnd)
		if len(data) > 0 {
			c.Search(string(data[:min(len(data), 64)]), 5)
		}
	})
}
