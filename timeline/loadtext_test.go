package timeline

import (
	"encoding/json"
	"io/fs"
	"reflect"
	"regexp"
	"testing"

	"frontline-atlas/assets"
)

// textAgrees fails t unless Text.UnmarshalJSON gives for b what encoding/json's path gives
// (the same Text or the same error), and unless the fast reader, when it takes b, takes only
// what encoding/json's path accepts, to the same Text.
func textAgrees(t *testing.T, b []byte) (fast bool) {
	t.Helper()
	var want Text
	werr := want.unmarshalJSON(b)
	v, fast := decodeTextFast(b)
	if fast && (werr != nil || !reflect.DeepEqual(v, want)) {
		t.Fatalf("decodeTextFast(%q) = %#v; encoding/json's path: %#v, %v", b, v, want, werr)
	}
	var got Text
	gerr := got.UnmarshalJSON(b)
	if werr == nil && (gerr != nil || !reflect.DeepEqual(got, want)) {
		t.Fatalf("UnmarshalJSON(%q) = %#v, %v; encoding/json's path: %#v", b, got, gerr, want)
	}
	if werr != nil && (gerr == nil || !sameLanguageError(gerr, werr)) {
		t.Fatalf("UnmarshalJSON(%q) error %v; encoding/json's path: %v", b, gerr, werr)
	}
	return fast
}

// sameLanguageError compares two errors of Text, allowing for the bad language code named
// when an object has several (encoding/json's path names the one a Go map gives first).
func sameLanguageError(a, b error) bool {
	code := regexp.MustCompile(`^language code ".*":`)
	return a.Error() == b.Error() || code.MatchString(a.Error()) && code.MatchString(b.Error())
}

var textCases = []struct {
	json string
	fast bool
}{
	{`"Siege of Leningrad"`, true},
	{` "Блокада Ленинграда" `, true},
	{`""`, true},
	{`{"en":"Siege of Leningrad","ru":"Блокада Ленинграда"}`, true},
	{"{ \"en\" : \"a\" ,\n\t\"ru\" : \"b\" }", true},
	{`{}`, true},
	{`{"en":"a","en":"b"}`, true},
	{`"with \"quotes\""`, false},
	{`"tab\there"`, false},
	{"\"raw\ttab\"", false},
	{"\"bad \xff byte\"", false},
	{`{"english":"a"}`, false},
	{`{"e":"a","r":"b"}`, false},
	{`{"en":null}`, false},
	{`{"en":1}`, false},
	{`null`, false},
	{`12`, false},
	{`["en"]`, false},
	{`{"en":"a",}`, false},
	{`{"en":"a"} x`, false},
	{`"unterminated`, false},
	{``, false},
}

// TestTextFastAgreesWithJSON: the fast reader takes the plain shapes and gives what
// encoding/json's path gives, on the table and on every Text of the embedded pack.
func TestTextFastAgreesWithJSON(t *testing.T) {
	for _, tc := range textCases {
		if fast := textAgrees(t, []byte(tc.json)); fast != tc.fast {
			t.Errorf("%s: read by the fast reader %v, want %v", tc.json, fast, tc.fast)
		}
	}
	// Every value of the embedded pack that reads as a Text.
	n := 0
	var walk func(v json.RawMessage)
	walk = func(v json.RawMessage) {
		var obj map[string]json.RawMessage
		var list []json.RawMessage
		switch {
		case json.Unmarshal(v, &list) == nil:
			for _, e := range list {
				walk(e)
			}
		case json.Unmarshal(v, &obj) == nil:
			var tx Text
			if tx.unmarshalJSON(v) == nil {
				if textAgrees(t, v) {
					n++
				}
			}
			for _, e := range obj {
				walk(e)
			}
		default:
			if textAgrees(t, v) {
				n++
			}
		}
	}
	names, _ := fs.Glob(assets.Content(), "*.json")
	for _, name := range names {
		data, err := fs.ReadFile(assets.Content(), name)
		if err != nil {
			t.Fatal(err)
		}
		walk(data)
	}
	if n < 5000 {
		t.Errorf("%d texts of the embedded pack read by the fast reader, want thousands", n)
	}
}

// FuzzTextJSON: for any bytes, Text.UnmarshalJSON gives what encoding/json's path gives.
// Run with: go test ./timeline -fuzz FuzzTextJSON.
func FuzzTextJSON(f *testing.F) {
	for _, tc := range textCases {
		f.Add([]byte(tc.json))
	}
	f.Fuzz(func(t *testing.T, b []byte) { textAgrees(t, b) })
}
