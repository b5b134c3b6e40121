package timeline

import (
	"encoding/json"
	"strings"
)

// topLevelKeys returns the absolute byte offset of each top-level key of the JSON object raw,
// which starts at offset start of its file (the offset of the end of the key, on its line),
// and the offset of the last repetition of each key given more than once. raw is a whole JSON
// value, as json.Decoder returned it.
//
// An object is walked byte by byte, without decoding: json.Decoder's tokens, which the loader
// used before (topLevelKeysTokens), allocated for every value of every item and were a quarter
// of the pack's loading. A key with an escape or a byte outside ASCII is unquoted by
// encoding/json, so keys read the same both ways.
func topLevelKeys(raw []byte, start int64) (keys map[string]int64, dups map[string]int64) {
	if len(raw) == 0 || raw[0] != '{' {
		return topLevelKeysTokens(raw, start)
	}
	keys, dups = map[string]int64{}, map[string]int64{}
	depth, wantKey := 0, false
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '{', '[':
			depth++
			if depth == 1 {
				wantKey = raw[i] == '{'
			}
		case '}', ']':
			depth--
		case ',':
			wantKey = depth == 1
		case '"':
			j, plain := stringEnd(raw, i)
			if depth == 1 && wantKey {
				var key string
				if plain {
					key = string(raw[i+1 : j])
				} else if json.Unmarshal(raw[i:min(j+1, len(raw))], &key) != nil {
					return topLevelKeysTokens(raw, start)
				}
				off := start + int64(j) + 1 // just after the closing quote
				if _, dup := keys[key]; dup {
					dups[key] = off
				} else {
					keys[key] = off
				}
				wantKey = false
			}
			i = j
		}
	}
	return keys, dups
}

// itemID returns the item's id as encoding/json would decode the object raw into a struct
// with a field `json:"id"` of type any, when that is a string (else ""): the value of the
// last top-level key that equals "id" but for case, found at the offsets topLevelKeys gave
// (raw starts at offset start of its file). It spares the loader a third decoding of every item.
func itemID(raw []byte, start int64, keys, dups map[string]int64) string {
	last := int64(-1)
	for k, off := range keys {
		if strings.EqualFold(k, "id") { // as encoding/json matches a key to a field
			if d, ok := dups[k]; ok {
				off = d
			}
			last = max(last, off)
		}
	}
	if last < 0 {
		return ""
	}
	i := int(last - start)
	for i < len(raw) && (isSpace(raw[i]) || raw[i] == ':') {
		i++
	}
	if i >= len(raw) || raw[i] != '"' {
		return ""
	}
	j, plain := stringEnd(raw, i)
	if plain && j < len(raw) {
		return string(raw[i+1 : j])
	}
	var id string
	if json.Unmarshal(raw[i:min(j+1, len(raw))], &id) != nil {
		return ""
	}
	return id
}

// stringEnd returns the index of the quote that closes the JSON string opening at raw[i] (or
// len(raw)), and whether the string is plain: no escape, control character or byte outside
// ASCII, so that its bytes are its value.
func stringEnd(raw []byte, i int) (j int, plain bool) {
	plain = true
	for j = i + 1; j < len(raw) && raw[j] != '"'; j++ {
		switch c := raw[j]; {
		case c == '\\':
			plain = false
			j++ // past the escaped character
		case c < 0x20 || c >= 0x80:
			plain = false
		}
	}
	return j, plain
}
