// Package testgen makes the hostile inputs that tests of several packages feed the loaders: a
// minified content file of many broken items, and an image header claiming any size. It is
// imported by tests only.
package testgen

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
)

// BrokenEvents returns a content file of n events on one line (a minified file), each with
// the unknown field "colour" and without its required fields: several problems an item.
func BrokenEvents(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"events":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"e%d","colour":1}`, i)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// PNGHeader returns a PNG file whose header claims w×h pixels; its image data is one pixel.
// Only the header matters to a loader that reads the header first, as it must.
func PNGHeader(w, h uint32) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		panic(err) // cannot happen: encoding to memory
	}
	data := b.Bytes()
	// Signature (8), IHDR length (4), "IHDR" (4), width, height, …, CRC over type and data.
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}
