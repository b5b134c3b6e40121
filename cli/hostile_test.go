package cli

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"frontline-atlas/internal/testgen"
)

// heavyEnv, set to 1, runs the hostile-pack cases that read hundreds of megabytes or a
// million items (tens of seconds); see docs/reliability.md.
const heavyEnv = "FRONTLINE_HOSTILE_HEAVY"

// hostileBase writes a small valid pack into dir: the test pack's content, one image, the
// Lake Khasan fronts and a base map of its own (land at both levels).
func hostileBase(t *testing.T, dir string) {
	t.Helper()
	for _, name := range []string{"pack.json", "content.json", "images/zhukov.png", "fronts/khasan.geojson"} {
		b, err := os.ReadFile(filepath.Join("testdata/badmap", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, name, b)
	}
	square := func(lon float64) string {
		return fmt.Sprintf(`{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[%g, 40], [%g, 40], [%g, 60], [%g, 60], [%g, 40]]]}}]}`, lon, lon+20, lon+20, lon, lon)
	}
	writeFile(t, dir, "map/manifest.json", []byte(`{"layers": [
		{"name": "land", "level": "50m", "file": "land-50m.geojson"},
		{"name": "land", "level": "10m", "file": "land-10m.geojson"}]}`))
	writeFile(t, dir, "map/land-50m.geojson", []byte(square(20)))
	writeFile(t, dir, "map/land-10m.geojson", []byte(square(20)))
}

func writeFile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Remove(p)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceWith removes name from the pack and calls make to put something else there.
func replaceWith(t *testing.T, dir, name string, make func(p string) error) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	os.Remove(p)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := make(p); err != nil {
		t.Skipf("cannot make %s here: %v", name, err)
	}
}

// sparse makes a file of size bytes that takes no disk.
func sparse(size int64) func(string) error {
	return func(p string) error {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Truncate(size)
	}
}

func symlinkTo(target string) func(string) error {
	return func(p string) error { return os.Symlink(target, p) }
}

// densePocket returns a fronts file for Lake Khasan whose two keyframes are rings of n vertices.
func densePocket(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"type": "FeatureCollection", "features": [`)
	for k, date := range []string{"1938-07-29", "1938-08-11"} {
		if k > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"type": "Feature", "properties": {"theatre": "khasan", "part": "heights", "role": "pocket", "held_by": "opponent", "date": %q, "source": "test"}, "geometry": {"type": "Polygon", "coordinates": [[`, date)
		for i := 0; i <= n; i++ {
			a := 2 * math.Pi * float64(i%n) / float64(n)
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "[%.7f, %.7f]", 130.58+0.01*(1+0.1*float64(k))*math.Cos(a), 42.45+0.01*math.Sin(a))
		}
		b.WriteString("]]}}")
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// TestHostilePacks validates packs made to hang, exhaust memory, escape or drown the loader.
// Each must be answered within its time bound, allocating no more than its memory bound, with
// the expected message naming the file (and the item and field where there is one), and the
// exit status validate gives for it. The bounds are ceilings an order of magnitude above what
// the cases take (figures in docs/reliability.md): they catch a hang or a blow-up, not a
// slowdown.
func TestHostilePacks(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.json")
	if err := os.WriteFile(outside, []byte(`{"sources": [{"id": "secret", "citation": "read from outside"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	deep := []byte(`{"events": [` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `]}`)
	tests := []struct {
		name   string
		heavy  bool // needs FRONTLINE_HOSTILE_HEAVY=1
		setup  func(t *testing.T, dir string)
		code   int           // validate's exit status
		want   []string      // in the output (stdout and stderr)
		within time.Duration // wall time
		alloc  uint64        // bytes allocated
	}{
		{name: "sound pack", setup: func(*testing.T, string) {}, code: 0,
			want: []string{"no problems found"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "named pipe in map/", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "map/land-50m.geojson", mkfifo) },
			want:  []string{"base map: land-50m.geojson: not a regular file (a named pipe)"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "named pipe in fronts/", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "fronts/khasan.geojson", mkfifo) },
			want:  []string{"khasan.geojson: not a regular file (a named pipe)"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "named pipe as a content file", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "more.json", mkfifo) },
			want:  []string{"more.json: cannot read: not a regular file (a named pipe)"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "/dev/zero linked in map/", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "map/land-10m.geojson", symlinkTo("/dev/zero")) },
			want:  []string{"base map: land-10m.geojson: leads out of the pack"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "/dev/zero linked in fronts/", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "fronts/khasan.geojson", symlinkTo("/dev/zero")) },
			want:  []string{"khasan.geojson: leads out of the pack"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "image linked out of the pack", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "images/zhukov.png", symlinkTo(outside)) },
			want:  []string{`content.json:20: person "zhukov": field "image": "images/zhukov.png" is a symbolic link that leads out of the pack`}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "content file linked out of the pack", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "secret.json", symlinkTo(outside)) },
			want:  []string{"secret.json: cannot read: leads out of the pack"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "map folder linked out of the pack", code: 1,
			setup: func(t *testing.T, d string) {
				os.RemoveAll(filepath.Join(d, "map"))
				replaceWith(t, d, "map", symlinkTo(filepath.Dir(outside)))
			},
			want: []string{"map: leads out of the pack; the embedded base map is shown"}, within: 20 * time.Second, alloc: 1 << 30},
		{name: "symbolic link loop", code: 1,
			setup: func(t *testing.T, d string) {
				replaceWith(t, d, "fronts/khasan.geojson", symlinkTo("loop.geojson"))
				replaceWith(t, d, "fronts/loop.geojson", symlinkTo("khasan.geojson"))
			},
			want: []string{"khasan.geojson: too many levels of symbolic links"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "huge layer", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "map/land-10m.geojson", sparse(200<<20)) },
			want:  []string{"base map: land-10m.geojson: file is 209715200 bytes, more than the limit of 32 MiB"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "huge content file", code: 1,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "big.json", sparse(1<<30)) },
			want:  []string{"big.json: cannot read: file is 1073741824 bytes, more than the limit of 32 MiB"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "huge image", code: 0,
			setup: func(t *testing.T, d string) { replaceWith(t, d, "images/zhukov.png", sparse(100<<20)) },
			want:  []string{`"images/zhukov.png" is 104857600 bytes, more than the limit of 32 MiB: the monogram is shown`}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "deep nesting", code: 1,
			setup: func(t *testing.T, d string) { writeFile(t, d, "deep.json", deep) },
			want:  []string{"deep.json:1:10011: invalid JSON: ", "exceeded max depth"}, within: 10 * time.Second, alloc: 256 << 20},
		{name: "deep nesting in a layer", code: 1,
			setup: func(t *testing.T, d string) { writeFile(t, d, "map/land-50m.geojson", deep) },
			want:  []string{"land-50m.geojson: ", "exceeded max depth"}, within: 10 * time.Second, alloc: 256 << 20},
		{name: "dense front", code: 1,
			setup: func(t *testing.T, d string) { writeFile(t, d, "fronts/khasan.geojson", densePocket(28_000)) },
			want:  []string{"khasan.geojson: feature 0: geometry: 28001 vertices, more than the limit of 10000 for one line or ring"}, within: 10 * time.Second, alloc: 256 << 20},
		{name: "front at the vertex limit", code: 0,
			setup: func(t *testing.T, d string) { writeFile(t, d, "fronts/khasan.geojson", densePocket(9_999)) },
			want:  []string{"front keyframes     2", "no problems found"}, within: 20 * time.Second, alloc: 512 << 20},
		{name: "bad UTF-8", code: 1,
			setup: func(t *testing.T, d string) {
				writeFile(t, d, "extra.json", []byte("{\"sources\": [{\"id\": \"cp1251\", \"citation\": \"\xcf\xf0\xe0\xe2\xe4\xe0\"}]}"))
			},
			want: []string{"extra.json:1:44: byte 0xcf is not UTF-8: save the file as UTF-8"}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "image of absurd dimensions", code: 0,
			setup: func(t *testing.T, d string) {
				writeFile(t, d, "images/zhukov.png", testgen.PNGHeader(1_000_000, 1_000_000))
			},
			want: []string{`person "zhukov": field "image": "images/zhukov.png": 1000000×1000000 pixels: want 1 to 4096 on a side: the monogram is shown`}, within: 10 * time.Second, alloc: 64 << 20},
		{name: "a minified file of 40,000 broken items", code: 1,
			setup: func(t *testing.T, d string) { writeFile(t, d, "minified.json", testgen.BrokenEvents(40_000)) },
			want:  []string{"(the first 1000 listed)", "… and ", "more problems not listed"}, within: 30 * time.Second, alloc: 2 << 30},
		{name: "a million items", heavy: true, code: 1,
			setup: func(t *testing.T, d string) { writeFile(t, d, "million.json", testgen.BrokenEvents(1_000_000)) },
			want:  []string{"million.json:1:", "more than 100000 items in the pack: the items from here on are not read"}, within: 60 * time.Second, alloc: 6 << 30},
		{name: "many large content files", heavy: true, code: 1,
			setup: func(t *testing.T, d string) {
				for i := range 6 {
					replaceWith(t, d, fmt.Sprintf("big%d.json", i), sparse(30<<20))
				}
			},
			want: []string{"the pack's JSON files together are more than the limit of 128 MiB"}, within: 60 * time.Second, alloc: 2 << 30},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.heavy && os.Getenv(heavyEnv) != "1" {
				t.Skipf("heavy: set %s=1 to run", heavyEnv)
			}
			dir := filepath.Join(t.TempDir(), "pack")
			hostileBase(t, dir)
			tc.setup(t, dir)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			var out, errb bytes.Buffer
			done := make(chan int, 1)
			go func() { done <- Run(Command{Name: "validate", Dir: dir}, &out, &errb) }()
			var code int
			select {
			case code = <-done:
			case <-time.After(tc.within):
				t.Fatalf("validate did not answer within %v", tc.within)
			}
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%v, %d KB allocated", took.Round(time.Millisecond), alloc>>10)
			all := out.String() + errb.String()
			if code != tc.code {
				t.Errorf("exit status %d, want %d", code, tc.code)
			}
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("the output lacks %q:\n%s", w, clip(all, 3000))
				}
			}
			if alloc > tc.alloc {
				t.Errorf("allocated %d MB, more than the bound of %d MB", alloc>>20, tc.alloc>>20)
			}
		})
	}
}

// clip shortens s for a failure message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
