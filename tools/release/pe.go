package main

import (
	"debug/pe"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// systemDLLs are the DLLs every Windows 10 and 11 installation has. An import outside this
// list (MinGW's libgcc_s_seh-1.dll or libwinpthread-1.dll, a Visual C++ runtime) would make
// the .exe fail to start on a machine without it.
var systemDLLs = map[string]bool{
	"advapi32.dll": true, "bcrypt.dll": true, "comctl32.dll": true, "comdlg32.dll": true,
	"crypt32.dll": true, "d3d11.dll": true, "dwmapi.dll": true, "dxgi.dll": true, "gdi32.dll": true,
	"imm32.dll": true, "iphlpapi.dll": true, "kernel32.dll": true, "msvcrt.dll": true,
	"ntdll.dll": true, "ole32.dll": true, "oleaut32.dll": true, "opengl32.dll": true,
	"powrprof.dll": true, "secur32.dll": true, "setupapi.dll": true, "shcore.dll": true,
	"shell32.dll": true, "shlwapi.dll": true, "ucrtbase.dll": true, "user32.dll": true,
	"userenv.dll": true, "uxtheme.dll": true, "version.dll": true, "winmm.dll": true,
	"ws2_32.dll": true,
}

// systemDLL reports whether a DLL is part of Windows: one of systemDLLs or an API set
// (api-ms-win-*, ext-ms-win-*), which Windows resolves itself.
func systemDLL(name string) bool {
	n := strings.ToLower(name)
	return systemDLLs[n] || strings.HasPrefix(n, "api-ms-win-") || strings.HasPrefix(n, "ext-ms-win-")
}

// checkWindowsExe checks the .exe fyne package made: a 64-bit GUI-subsystem program that
// imports only system DLLs and carries its icon, a manifest and a version resource that
// agrees with FyneApp.toml.
func checkWindowsExe(path string, meta appMeta) []string {
	f, err := pe.Open(path)
	if err != nil {
		return []string{fmt.Sprintf("%s: not a Windows executable: %v", path, err)}
	}
	defer f.Close()
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		bad("machine %#x, want AMD64 (%#x)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return append(problems, "not a PE32+ (64-bit) image")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		bad("subsystem %d, want %d (Windows GUI: a double click opens no console window)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	libs, err := importedDLLs(f)
	if err != nil {
		bad("reading the imports: %v", err)
	}
	var foreign []string
	for _, l := range libs {
		if !systemDLL(l) {
			foreign = append(foreign, l)
		}
	}
	if len(foreign) > 0 {
		bad("imports DLLs that are not part of Windows: %s", strings.Join(foreign, ", "))
	}
	if len(libs) == 0 && err == nil {
		bad("imports no DLL at all: the import table is unreadable")
	}
	res, err := peResources(f, oh)
	if err != nil {
		return append(problems, err.Error())
	}
	problems = append(problems, checkIcons(res)...)
	if len(res.byType(rtManifest)) == 0 {
		bad("no application manifest (RT_MANIFEST)")
	}
	vs := res.byType(rtVersion)
	if len(vs) == 0 {
		return append(problems, "no version resource (RT_VERSION)")
	}
	vi, err := parseVersionInfo(vs[0].data)
	if err != nil {
		return append(problems, fmt.Sprintf("version resource: %v", err))
	}
	problems = append(problems, checkVersionInfo(vi, meta)...)
	return problems
}

// importedDLLs lists the DLLs of the import table. (debug/pe's ImportedLibraries is not
// implemented; ImportedSymbols gives "symbol:dll" pairs.)
func importedDLLs(f *pe.File) ([]string, error) {
	syms, err := f.ImportedSymbols()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var dlls []string
	for _, s := range syms {
		_, dll, ok := strings.Cut(s, ":")
		if ok && !seen[strings.ToLower(dll)] {
			seen[strings.ToLower(dll)] = true
			dlls = append(dlls, dll)
		}
	}
	sort.Strings(dlls)
	return dlls, nil
}

// checkIcons checks that the .exe has an icon group whose every image is present, the largest
// at least 48 px (what Explorer shows in large-icon views).
func checkIcons(res resources) []string {
	groups := res.byType(rtGroupIcon)
	if len(groups) == 0 {
		return []string{"no icon (RT_GROUP_ICON): Explorer and the taskbar would show a blank program"}
	}
	icons := map[uint32]bool{}
	for _, r := range res.byType(rtIcon) {
		icons[r.id] = true
	}
	g := groups[0].data
	if len(g) < 6 || binary.LittleEndian.Uint16(g[2:]) != 1 {
		return []string{"the icon group is not an icon directory"}
	}
	n := int(binary.LittleEndian.Uint16(g[4:]))
	if n == 0 || len(g) < 6+14*n {
		return []string{fmt.Sprintf("the icon group lists %d images in %d bytes", n, len(g))}
	}
	var problems []string
	largest := 0
	for i := 0; i < n; i++ {
		e := g[6+14*i:]
		w := int(e[0])
		if w == 0 {
			w = 256
		}
		largest = max(largest, w)
		if id := uint32(binary.LittleEndian.Uint16(e[12:])); !icons[id] {
			problems = append(problems, fmt.Sprintf("the icon group names image %d, which is missing", id))
		}
	}
	if largest < 48 {
		problems = append(problems, fmt.Sprintf("the largest icon is %d px, want at least 48", largest))
	}
	return problems
}

// resource is one leaf of a PE resource tree.
type resource struct {
	typ, id uint32
	data    []byte
}

type resources []resource

func (rs resources) byType(t uint32) []resource {
	var out []resource
	for _, r := range rs {
		if r.typ == t {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// peResources reads the resource tree (type / name / language) of a PE image. Named types and
// names get id 0.
func peResources(f *pe.File, oh *pe.OptionalHeader64) (resources, error) {
	if len(oh.DataDirectory) <= pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
		return nil, fmt.Errorf("no resource directory")
	}
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 || dir.Size == 0 {
		return nil, fmt.Errorf("no resources (no icon, manifest or version)")
	}
	var sec *pe.Section
	for _, s := range f.Sections {
		if dir.VirtualAddress >= s.VirtualAddress && dir.VirtualAddress < s.VirtualAddress+max(s.VirtualSize, s.Size) {
			sec = s
		}
	}
	if sec == nil {
		return nil, fmt.Errorf("the resource directory is in no section")
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("reading section %s: %w", sec.Name, err)
	}
	base := dir.VirtualAddress - sec.VirtualAddress
	if int(base) >= len(data) {
		return nil, fmt.Errorf("the resource directory lies past its section's data")
	}
	return parseResourceDir(data[base:], func(rva, size uint32) ([]byte, error) {
		off := int64(rva) - int64(sec.VirtualAddress)
		if off < 0 || off+int64(size) > int64(len(data)) {
			return nil, fmt.Errorf("resource data at RVA %#x (%d bytes) lies outside section %s", rva, size, sec.Name)
		}
		return data[off : off+int64(size)], nil
	})
}

// parseResourceDir walks a resource tree starting at rsrc (the start of the resource
// directory); read returns the bytes of a data entry (RVA, size).
func parseResourceDir(rsrc []byte, read func(rva, size uint32) ([]byte, error)) (resources, error) {
	var out resources
	var walk func(off uint32, depth int, typ, id uint32) error
	walk = func(off uint32, depth int, typ, id uint32) error {
		if depth > 3 {
			return fmt.Errorf("resource tree deeper than 3 levels")
		}
		if int(off)+16 > len(rsrc) {
			return fmt.Errorf("resource directory at %#x is truncated", off)
		}
		d := rsrc[off:]
		n := int(binary.LittleEndian.Uint16(d[12:])) + int(binary.LittleEndian.Uint16(d[14:]))
		if 16+8*n > len(d) {
			return fmt.Errorf("resource directory at %#x lists %d entries past its end", off, n)
		}
		for i := 0; i < n; i++ {
			e := d[16+8*i:]
			name, target := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
			if name&0x80000000 != 0 {
				name = 0 // a named entry
			}
			t, x := typ, id
			switch depth {
			case 0:
				t = name
			case 1:
				x = name
			}
			if target&0x80000000 != 0 {
				if err := walk(target&0x7fffffff, depth+1, t, x); err != nil {
					return err
				}
				continue
			}
			if int(target)+16 > len(rsrc) {
				return fmt.Errorf("resource data entry at %#x is truncated", target)
			}
			de := rsrc[target:]
			b, err := read(binary.LittleEndian.Uint32(de), binary.LittleEndian.Uint32(de[4:]))
			if err != nil {
				return err
			}
			out = append(out, resource{typ: t, id: x, data: b})
		}
		return nil
	}
	return out, walk(0, 0, 0, 0)
}
