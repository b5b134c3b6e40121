package main

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

// versionInfo is what a VS_VERSIONINFO resource says: the fixed file version (four numbers)
// and the strings of its string tables (ProductName, ProductVersion, FileDescription, …).
type versionInfo struct {
	FileVersion [4]uint16
	Strings     map[string]string
}

// fixedSignature starts a VS_FIXEDFILEINFO.
const fixedSignature = 0xFEEF04BD

// parseVersionInfo reads a VS_VERSIONINFO block: a tree of blocks, each {wLength,
// wValueLength, wType, szKey (UTF-16, NUL-terminated), padding to 4 bytes, Value, padding,
// children}. wValueLength counts bytes for binary values (wType 0) and UTF-16 units for text
// (wType 1).
func parseVersionInfo(b []byte) (versionInfo, error) {
	vi := versionInfo{Strings: map[string]string{}}
	root, err := parseVersionBlock(b)
	if err != nil {
		return vi, err
	}
	if root.key != "VS_VERSION_INFO" {
		return vi, fmt.Errorf("the root block is %q, want VS_VERSION_INFO", root.key)
	}
	if len(root.value) < 52 || binary.LittleEndian.Uint32(root.value) != fixedSignature {
		return vi, fmt.Errorf("no VS_FIXEDFILEINFO")
	}
	ms, ls := binary.LittleEndian.Uint32(root.value[8:]), binary.LittleEndian.Uint32(root.value[12:])
	vi.FileVersion = [4]uint16{uint16(ms >> 16), uint16(ms), uint16(ls >> 16), uint16(ls)}
	for _, c := range root.children {
		if c.key != "StringFileInfo" {
			continue
		}
		for _, table := range c.children {
			for _, s := range table.children {
				vi.Strings[s.key] = utf16String(s.value)
			}
		}
	}
	return vi, nil
}

type versionBlock struct {
	key      string
	value    []byte
	children []versionBlock
}

func parseVersionBlock(b []byte) (versionBlock, error) {
	var blk versionBlock
	if len(b) < 6 {
		return blk, fmt.Errorf("version block truncated (%d bytes)", len(b))
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	if length < 6 || length > len(b) {
		return blk, fmt.Errorf("version block of %d bytes in %d", length, len(b))
	}
	b = b[:length]
	off := 6
	var key []uint16
	for ; off+1 < len(b); off += 2 {
		c := binary.LittleEndian.Uint16(b[off:])
		if c == 0 {
			off += 2
			break
		}
		key = append(key, c)
	}
	blk.key = string(utf16.Decode(key))
	off = align4(off)
	if binary.LittleEndian.Uint16(b[4:]) == 1 {
		valueLen *= 2 // text: counted in UTF-16 units
	}
	if off+valueLen > len(b) {
		// Some writers count the text value in bytes; take what is there.
		valueLen = max(0, len(b)-off)
	}
	blk.value = b[off : off+valueLen]
	off = align4(off + valueLen)
	for off+6 <= len(b) {
		c, err := parseVersionBlock(b[off:])
		if err != nil {
			return blk, fmt.Errorf("%s: %w", blk.key, err)
		}
		blk.children = append(blk.children, c)
		off = align4(off + int(binary.LittleEndian.Uint16(b[off:])))
	}
	return blk, nil
}

func align4(n int) int { return (n + 3) &^ 3 }

func utf16String(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

// checkVersionInfo checks the version resource against FyneApp.toml: the file version's first
// three numbers are the release's, the product name is the app's.
func checkVersionInfo(vi versionInfo, meta appMeta) []string {
	var problems []string
	fv := fmt.Sprintf("%d.%d.%d", vi.FileVersion[0], vi.FileVersion[1], vi.FileVersion[2])
	if fv != meta.Version {
		problems = append(problems, fmt.Sprintf("version resource: file version %s.%d, want %s.*", fv, vi.FileVersion[3], meta.Version))
	}
	if pv := vi.Strings["ProductVersion"]; pv != meta.Version && !strings.HasPrefix(pv, meta.Version+".") {
		problems = append(problems, fmt.Sprintf("version resource: ProductVersion %q, want %s or %s.BUILD", pv, meta.Version, meta.Version))
	}
	if pn := vi.Strings["ProductName"]; pn != meta.Name {
		problems = append(problems, fmt.Sprintf("version resource: ProductName %q, want %q", pn, meta.Name))
	}
	return problems
}
