package main

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestSystemDLL(t *testing.T) {
	for name, want := range map[string]bool{
		"KERNEL32.dll": true, "opengl32.dll": true, "msvcrt.dll": true, "api-ms-win-crt-runtime-l1-1-0.dll": true,
		"libwinpthread-1.dll": false, "libgcc_s_seh-1.dll": false, "vcruntime140.dll": false, "glfw3.dll": false,
	} {
		if got := systemDLL(name); got != want {
			t.Errorf("systemDLL(%q) = %v, want %v", name, got, want)
		}
	}
}

// vsBlock encodes one VS_VERSIONINFO block (the layout parseVersionBlock reads).
func vsBlock(key string, value []byte, text bool, children ...[]byte) []byte {
	b := make([]byte, 6)
	for _, c := range utf16.Encode([]rune(key + "\x00")) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	valueLen := len(value)
	if text {
		binary.LittleEndian.PutUint16(b[4:], 1)
		valueLen /= 2
	}
	binary.LittleEndian.PutUint16(b[2:], uint16(valueLen))
	b = append(b, value...)
	for _, c := range children {
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		b = append(b, c...)
	}
	binary.LittleEndian.PutUint16(b, uint16(len(b)))
	return b
}

func utf16z(s string) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s + "\x00")) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

// versionResource is a VS_VERSIONINFO for file version a.b.c.d with the given strings.
func versionResource(v [4]uint16, strs map[string]string) []byte {
	fixed := make([]byte, 52)
	binary.LittleEndian.PutUint32(fixed, fixedSignature)
	binary.LittleEndian.PutUint32(fixed[8:], uint32(v[0])<<16|uint32(v[1]))
	binary.LittleEndian.PutUint32(fixed[12:], uint32(v[2])<<16|uint32(v[3]))
	var kids [][]byte
	for k, s := range strs {
		kids = append(kids, vsBlock(k, utf16z(s), true))
	}
	table := vsBlock("040904B0", nil, true, kids...)
	return vsBlock("VS_VERSION_INFO", fixed, false, vsBlock("StringFileInfo", nil, true, table))
}

// resourceTree encodes a PE resource directory (type → id → language 0x409) whose data entries
// point at offsets of the returned blob (RVA = offset).
func resourceTree(leaves []resource) []byte {
	types := map[uint32][]resource{}
	var order []uint32
	for _, l := range leaves {
		if _, ok := types[l.typ]; !ok {
			order = append(order, l.typ)
		}
		types[l.typ] = append(types[l.typ], l)
	}
	dir := func(n int) []byte {
		b := make([]byte, 16+8*n)
		binary.LittleEndian.PutUint16(b[14:], uint16(n))
		return b
	}
	// Layout: root, then one directory per type, one per (type, id), data entries, data.
	blob := dir(len(order))
	type fix struct {
		at     int
		target int
		sub    bool
	}
	var fixes []fix
	for i, typ := range order {
		binary.LittleEndian.PutUint32(blob[16+8*i:], typ)
		fixes = append(fixes, fix{at: 16 + 8*i + 4, target: len(blob), sub: true})
		tdir := len(blob)
		blob = append(blob, dir(len(types[typ]))...)
		for j, l := range types[typ] {
			binary.LittleEndian.PutUint32(blob[tdir+16+8*j:], l.id)
			fixes = append(fixes, fix{at: tdir + 16 + 8*j + 4, target: len(blob), sub: true})
			ldir := len(blob)
			blob = append(blob, dir(1)...)
			binary.LittleEndian.PutUint32(blob[ldir+16:], 0x409)
			entry := len(blob)
			binary.LittleEndian.PutUint32(blob[ldir+20:], uint32(entry))
			blob = append(blob, make([]byte, 16)...)
			binary.LittleEndian.PutUint32(blob[entry:], uint32(len(blob)))
			binary.LittleEndian.PutUint32(blob[entry+4:], uint32(len(l.data)))
			blob = append(blob, l.data...)
			for len(blob)%8 != 0 {
				blob = append(blob, 0)
			}
		}
	}
	for _, f := range fixes {
		binary.LittleEndian.PutUint32(blob[f.at:], uint32(f.target)|0x80000000)
	}
	return blob
}

func iconGroup(width byte, ids ...uint16) []byte {
	b := []byte{0, 0, 1, 0, byte(len(ids)), 0}
	for _, id := range ids {
		e := make([]byte, 14)
		e[0], e[1] = width, width
		binary.LittleEndian.PutUint16(e[12:], id)
		b = append(b, e...)
	}
	return b
}

func TestResourcesIconAndVersion(t *testing.T) {
	meta := appMeta{Name: "Frontline Atlas", Version: "0.1.0"}
	vinfo := versionResource([4]uint16{0, 1, 0, 46}, map[string]string{"ProductName": "Frontline Atlas", "ProductVersion": "0.1.0.46", "FileDescription": "Frontline Atlas"})
	good := []resource{
		{typ: rtIcon, id: 1, data: []byte("png of 256 px")},
		{typ: rtIcon, id: 2, data: []byte("png of 48 px")},
		{typ: rtGroupIcon, id: 1, data: iconGroup(0, 1, 2)},
		{typ: rtVersion, id: 1, data: vinfo},
		{typ: rtManifest, id: 1, data: []byte("<assembly/>")},
	}
	parse := func(leaves []resource) resources {
		t.Helper()
		blob := resourceTree(leaves)
		res, err := parseResourceDir(blob, func(rva, size uint32) ([]byte, error) { return blob[rva : rva+size], nil })
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := parse(good)
	if len(res) != len(good) {
		t.Fatalf("read %d resources, want %d: %+v", len(res), len(good), res)
	}
	if p := checkIcons(res); len(p) != 0 {
		t.Errorf("a complete icon group: %v", p)
	}
	vi, err := parseVersionInfo(res.byType(rtVersion)[0].data)
	if err != nil {
		t.Fatal(err)
	}
	if vi.FileVersion != [4]uint16{0, 1, 0, 46} || vi.Strings["ProductName"] != "Frontline Atlas" || vi.Strings["ProductVersion"] != "0.1.0.46" {
		t.Fatalf("version info: %+v", vi)
	}
	if p := checkVersionInfo(vi, meta); len(p) != 0 {
		t.Errorf("a matching version: %v", p)
	}
	p := checkVersionInfo(vi, appMeta{Name: "Frontline Atlas", Version: "0.2.0"})
	if len(p) != 2 || !strings.Contains(p[0], "file version 0.1.0.46, want 0.2.0") || !strings.Contains(p[1], "ProductVersion") {
		t.Errorf("another release's version: %v", p)
	}

	broken := append([]resource{}, good...)
	broken[2] = resource{typ: rtGroupIcon, id: 1, data: iconGroup(32, 1, 7)}
	p = checkIcons(parse(broken))
	if len(p) != 2 || !strings.Contains(p[0], "image 7, which is missing") || !strings.Contains(p[1], "32 px") {
		t.Errorf("an icon group naming a missing, small image: %v", p)
	}
	if p := checkIcons(parse(good[3:])); len(p) != 1 || !strings.Contains(p[0], "no icon") {
		t.Errorf("no icon: %v", p)
	}
}

// A pure-Go program cross-built for Windows: the checks read its headers and imports and
// report what fyne package adds (icon, manifest, version) as missing.
func TestCheckWindowsExeOnGoBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-builds two programs")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	os.WriteFile(src, []byte("package main\n\nfunc main() { println(\"hi\") }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hi\n\ngo 1.22\n"), 0o644)
	build := func(name string, ldflags string) string {
		out := filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-ldflags", ldflags, "-o", out, ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, b)
		}
		return out
	}
	meta := appMeta{Name: "Frontline Atlas", Version: "0.1.0"}
	gui := checkWindowsExe(build("gui.exe", "-H=windowsgui"), meta)
	if len(gui) != 1 || !strings.Contains(gui[0], "no resources") {
		t.Errorf("a GUI program without resources: %v", gui)
	}
	console := strings.Join(checkWindowsExe(build("console.exe", ""), meta), "\n")
	if !strings.Contains(console, "subsystem 3, want 2") {
		t.Errorf("a console program: %v", console)
	}
	if strings.Contains(console, "not part of Windows") {
		t.Errorf("Go's own imports (kernel32.dll) reported as foreign: %v", console)
	}
	if p := checkWindowsExe(src, meta); len(p) != 1 || !strings.Contains(p[0], "not a Windows executable") {
		t.Errorf("a text file: %v", p)
	}
}
