package timeline

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"strings"
	"testing"

	"frontline-atlas/assets"
)

// keysAgree fails t unless topLevelKeys and json.Decoder's tokens (topLevelKeysTokens) give the
// same keys and repetitions, at the same offsets, for the JSON value raw, and unless itemID
// reads the id encoding/json reads.
func keysAgree(t *testing.T, raw []byte, start int64) {
	t.Helper()
	keys, dups := topLevelKeys(raw, start)
	wantKeys, wantDups := topLevelKeysTokens(raw, start)
	if !maps.Equal(keys, wantKeys) || !maps.Equal(dups, wantDups) {
		t.Fatalf("topLevelKeys(%q) = %v, repeated %v; json.Decoder's tokens give %v, repeated %v", raw, keys, dups, wantKeys, wantDups)
	}
	if len(raw) == 0 || raw[0] != '{' {
		return // the loader reads no id from a value that is not an object
	}
	var probe struct {
		ID any `json:"id"`
	}
	_ = json.Unmarshal(raw, &probe)
	want, _ := probe.ID.(string)
	if got := itemID(raw, start, keys, dups); got != want {
		t.Fatalf("itemID(%q) = %q, encoding/json gives %q", raw, got, want)
	}
}

// TestTopLevelKeysAgreeWithTokens: on every item of the embedded pack, and on objects made to
// trip a byte scanner (keys with escapes, quotes and brackets inside strings, repeated keys,
// nested objects with the same keys, ids in other cases), the scanner finds what
// json.Decoder's tokens find, and the id encoding/json finds.
func TestTopLevelKeysAgreeWithTokens(t *testing.T) {
	items := 0
	fsys := assets.Content()
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		var file map[string]json.RawMessage
		if err := json.Unmarshal(data, &file); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, v := range file {
			var list []json.RawMessage
			if json.Unmarshal(v, &list) != nil {
				keysAgree(t, v, 100)
				continue
			}
			for _, it := range list {
				keysAgree(t, it, int64(items))
				items++
			}
		}
	}
	if items < 1000 {
		t.Errorf("%d items compared, want the embedded pack's thousands", items)
	}
	for _, raw := range topLevelKeysCases {
		keysAgree(t, []byte(raw), 7)
	}
}

var topLevelKeysCases = []string{
	`{}`,
	`{"id":"a","title":{"en":"x","ru":"y"},"id":"b"}`,
	` { "id" : "a" , "links" : [ {"id":"c"}, {"id":"d"} ] , "n" : 1 , "t" : true , "z" : null } `,
	`{"\u0069d":"a","i\"d":"b","i\\d":"c","id":"d"}`,
	`{"s":"a}b{c[d]e,f\"g:h","k":"v"}`,
	`{"Днепр":1,"na\u00efve":2,"Днепр":3}`,
	`{"a":{"a":{"a":1}},"a":[[{"a":2}]]}`,
	`{"":1,"":2}`,
	`[{"id":"a"},"b",{"c":1}]`,
	`"id"`,
	`12`,
	`null`,
	"{\"a\xffb\":1,\"a\xffb\":2}",
	`{"id":"a","ID":"b"}`,
	`{"Id":"b","name":"x","id":1}`,
	`{"iD":"Ren\u00e9","id":"x","iD":"y"}`,
	`{"id" : "ru-\u0431","x":{"id":"inner"}}`,
	"{\"id\":\"caf\xc3\xa9\"}",
	"{\"id\":\"bad\xff\"}",
	`{"id":null}`,
	`{"name":"no id"}`,
}

// FuzzTopLevelKeys: for any JSON value, topLevelKeys finds the keys and repetitions that
// json.Decoder's tokens find, at the same offsets. Run with: go test ./timeline -fuzz FuzzTopLevelKeys.
func FuzzTopLevelKeys(f *testing.F) {
	for _, raw := range topLevelKeysCases {
		f.Add([]byte(raw))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// The loader hands topLevelKeys one whole value as json.Decoder read it.
		dec := json.NewDecoder(bytes.NewReader(data))
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return
		}
		keysAgree(t, raw, int64(strings.Count(string(data), "\n")))
	})
}
