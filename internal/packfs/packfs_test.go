package packfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// pack makes a folder with a pack inside it and a secret file beside the pack.
func pack(t *testing.T) (dir, outside string) {
	t.Helper()
	base := t.TempDir()
	dir = filepath.Join(base, "pack")
	for name, data := range map[string]string{
		"pack.json":         `{"pack": {}}`,
		"images/a.png":      "png",
		"map/manifest.json": `{"layers": []}`,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside = filepath.Join(base, "secret.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, outside
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

// within runs f and fails the test if it takes more than 5 s (a read that blocks for ever).
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("blocked for more than 5 s")
	}
}

func TestReadsInsideThePack(t *testing.T) {
	dir, _ := pack(t)
	p, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if b, err := p.ReadFile("pack.json"); err != nil || string(b) != `{"pack": {}}` {
		t.Errorf("ReadFile(pack.json) = %q, %v", b, err)
	}
	// A link that stays inside the pack is followed.
	symlink(t, "a.png", filepath.Join(dir, "images", "b.png"))
	if b, err := p.ReadFile("images/b.png"); err != nil || string(b) != "png" {
		t.Errorf("link inside the pack: %q, %v", b, err)
	}
	// io/fs helpers go through the same checks.
	names, err := fs.Glob(p, "images/*.png")
	if err != nil || len(names) != 2 {
		t.Errorf("Glob = %v, %v", names, err)
	}
	sub, err := fs.Sub(p, "map")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := sub.(*FS); !ok {
		t.Fatalf("fs.Sub gave a %T, want an *FS that keeps the checks", sub)
	}
	if b, err := fs.ReadFile(sub, "manifest.json"); err != nil || string(b) != `{"layers": []}` {
		t.Errorf("sub ReadFile = %q, %v", b, err)
	}
	if want := filepath.Join(dir, "map"); sub.(*FS).OnDisk() != want {
		t.Errorf("OnDisk = %q, want %q", sub.(*FS).OnDisk(), want)
	}
}

func TestRefusesWhatIsNotInThePack(t *testing.T) {
	dir, outside := pack(t)
	symlink(t, outside, filepath.Join(dir, "images", "out.png"))
	symlink(t, "/dev/zero", filepath.Join(dir, "map", "land-50m.geojson"))
	symlink(t, "loop2.json", filepath.Join(dir, "loop1.json"))
	symlink(t, "loop1.json", filepath.Join(dir, "loop2.json"))
	symlink(t, "..", filepath.Join(dir, "up"))
	p, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	sub, err := p.Sub("map")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		fsys fs.FS
		name string
		want error  // for errors.Is, or nil
		msg  string // in the message
	}{
		{p, "images/out.png", ErrOutside, "leads out of the pack"},
		{p, "up/secret.txt", ErrOutside, "leads out of the pack"},
		{p, "../secret.txt", fs.ErrInvalid, "not a path inside the pack"},
		{p, "/etc/passwd", fs.ErrInvalid, "not a path inside the pack"},
		{p, `images\a.png`, fs.ErrInvalid, "not a path inside the pack"},
		{sub, "../pack.json", fs.ErrInvalid, "not a path inside the pack"},
		{p, "loop1.json", nil, "too many levels of symbolic links"},
		{p, "nothing.json", fs.ErrNotExist, "no such file"},
		{p, "images", ErrNotRegular, "a folder"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, struct {
			fsys fs.FS
			name string
			want error
			msg  string
		}{sub, "land-50m.geojson", ErrOutside, "leads out of the pack"})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			within(t, func() {
				b, err := ReadFile(tc.fsys, tc.name, 0)
				if err == nil {
					t.Fatalf("read %d bytes, want an error", len(b))
				}
				if tc.want != nil && !errors.Is(err, tc.want) {
					t.Errorf("got %v, want %v", err, tc.want)
				}
				if !strings.Contains(err.Error(), tc.msg) {
					t.Errorf("got %q, want it to say %q", err, tc.msg)
				}
			})
		})
	}
}

func TestRefusesSpecialFilesWithoutBlocking(t *testing.T) {
	dir, _ := pack(t)
	if err := mkfifo(filepath.Join(dir, "map", "coast-50m.geojson")); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	p, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	within(t, func() {
		_, err := p.ReadFile("map/coast-50m.geojson")
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
			t.Errorf("pipe: got %v, want it refused as a named pipe", err)
		}
		if _, err := p.Open("map/coast-50m.geojson"); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Open(pipe): got %v, want ErrNotRegular", err)
		}
		if _, err := ReadRegular(filepath.Join(dir, "map", "coast-50m.geojson"), 0); !errors.Is(err, ErrNotRegular) {
			t.Errorf("ReadRegular(pipe): got %v, want ErrNotRegular", err)
		}
	})
	if _, err := os.Stat("/dev/zero"); err == nil {
		within(t, func() {
			_, err := ReadRegular("/dev/zero", 0)
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "a character device") {
				t.Errorf("ReadRegular(/dev/zero): got %v", err)
			}
		})
	}
}

func TestSizeLimit(t *testing.T) {
	dir, _ := pack(t)
	big := filepath.Join(dir, "map", "land-10m.geojson")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 200 MB that take no disk.
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	_, err = p.ReadFile("map/land-10m.geojson")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "file is 209715200 bytes, more than the limit of 32 MiB") {
		t.Errorf("got %v, want the size refused", err)
	}
	if _, err := p.Limit(4).ReadFile("pack.json"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Limit(4): got %v, want ErrTooLarge", err)
	}
	if b, err := p.ReadFileLimit("pack.json", 12); err != nil || len(b) != 12 {
		t.Errorf("a file exactly at the limit: %q, %v", b, err)
	}
	if _, err := ReadRegular(big, 0); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadRegular(big): got %v, want ErrTooLarge", err)
	}
}

// growing is a file system whose file says it is small but goes on for ever, as a file
// being appended to while it is read would.
type growing struct{}

func (growing) Open(name string) (fs.File, error) {
	return &endless{}, nil
}

type endless struct{}

func (*endless) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"f": {Data: []byte("x")}}.Stat("f")
}
func (*endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}
func (*endless) Close() error { return nil }

func TestFileGrowingPastTheLimitIsCut(t *testing.T) {
	_, err := ReadFile(growing{}, "f", 1<<20)
	var se *SizeError
	if !errors.As(err, &se) || se.Size != -1 || !strings.Contains(err.Error(), "more than the limit of 1 MiB") {
		t.Errorf("got %v, want the read cut at the limit", err)
	}
	// Through Open, as io/fs helpers read.
	f, err := Wrap(growing{}).Limit(1000).Open("f")
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, f)
	if n != 1000 || !errors.Is(err, ErrTooLarge) {
		t.Errorf("copied %d bytes, %v; want 1000 and ErrTooLarge", n, err)
	}
}

func TestWrapEmbedded(t *testing.T) {
	m := fstest.MapFS{
		"pack.json":     {Data: []byte("{}")},
		"fronts/a.json": {Data: []byte("[1]")},
		"pipe":          {Mode: fs.ModeNamedPipe},
	}
	p := Wrap(m)
	if Wrap(p) != p {
		t.Error("Wrap of an *FS is not the same *FS")
	}
	if b, err := p.ReadFile("pack.json"); err != nil || string(b) != "{}" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
	if _, err := p.ReadFile("pipe"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("pipe: got %v, want ErrNotRegular", err)
	}
	sub, err := fs.Sub(p, "fronts")
	if err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(sub, "a.json"); err != nil || string(b) != "[1]" {
		t.Errorf("sub: %q, %v", b, err)
	}
	if sub.(*FS).OnDisk() != "" {
		t.Errorf("an embedded pack says it is on disk at %q", sub.(*FS).OnDisk())
	}
	if _, err := fs.Sub(p, "pack.json"); err == nil {
		t.Error("Sub of a file: no error")
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{32 << 20: "32 MiB", 512 << 10: "512 KiB", 100: "100 bytes", 1<<20 + 1: "1048577 bytes"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestUnwrap(t *testing.T) {
	_, err := Wrap(fstest.MapFS{}).ReadFile("map/x.geojson")
	if got := Unwrap(err); got.Error() != "file does not exist" || !errors.Is(got, fs.ErrNotExist) {
		t.Errorf("Unwrap(%v) = %v", err, got)
	}
	plain := errors.New("plain")
	if Unwrap(plain) != plain {
		t.Error("Unwrap changed an error that is not an *fs.PathError")
	}
}
