package app

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"sort"
)

// encodePNG writes img as a PNG with a tEXt chunk per entry of text (keyword → value, both
// Latin-1, as the PNG specification wants) right after the header, where image viewers and
// `exiftool` look: snapshots say which program and version drew them ("Software").
func encodePNG(w io.Writer, img image.Image, text map[string]string) error {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return err
	}
	data := b.Bytes()
	const ihdrEnd = 8 + 4 + 4 + 13 + 4 // signature, then IHDR: length, type, 13 bytes, CRC
	if len(data) < ihdrEnd || string(data[12:16]) != "IHDR" {
		return fmt.Errorf("png: no IHDR chunk where expected")
	}
	keys := make([]string, 0, len(text))
	for k := range text {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var chunks bytes.Buffer
	for _, k := range keys {
		body, err := latin1(k + "\x00" + text[k])
		if err != nil || len(k) == 0 || len(k) > 79 {
			return fmt.Errorf("png: tEXt %q: want a keyword of 1–79 Latin-1 characters and a Latin-1 value", k)
		}
		chunk := append([]byte("tEXt"), body...)
		binary.Write(&chunks, binary.BigEndian, uint32(len(body)))
		chunks.Write(chunk)
		binary.Write(&chunks, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	}
	for _, part := range [][]byte{data[:ihdrEnd], chunks.Bytes(), data[ihdrEnd:]} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

func latin1(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			return nil, fmt.Errorf("%q is not Latin-1", r)
		}
		out = append(out, byte(r))
	}
	return out, nil
}

// pngText reads the tEXt chunks of a PNG file's bytes.
func pngText(data []byte) (map[string]string, error) {
	if len(data) < 8 || string(data[:8]) != "\x89PNG\r\n\x1a\n" {
		return nil, fmt.Errorf("not a PNG")
	}
	text := map[string]string{}
	for off := 8; off+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[off:]))
		typ := string(data[off+4 : off+8])
		if off+12+n > len(data) {
			return nil, fmt.Errorf("png: chunk %s runs past the end", typ)
		}
		body := data[off+8 : off+8+n]
		if crc32.ChecksumIEEE(data[off+4:off+8+n]) != binary.BigEndian.Uint32(data[off+8+n:]) {
			return nil, fmt.Errorf("png: chunk %s: bad CRC", typ)
		}
		if typ == "tEXt" {
			if k, v, ok := bytes.Cut(body, []byte{0}); ok {
				r := make([]rune, len(v))
				for i, c := range v {
					r[i] = rune(c)
				}
				text[string(k)] = string(r)
			}
		}
		off += 12 + n
	}
	return text, nil
}
