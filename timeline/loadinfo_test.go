package timeline

import (
	"slices"
	"testing"
	"testing/fstest"

	"frontline-atlas/assets"
)

// TestPeekFrontTheatreIDs: the glance at pack.json names the front theatres the loaded
// catalog names, for the embedded pack and a small one (with a byte-order mark); it names none
// when pack.json is missing or not JSON, so that nothing is read early.
func TestPeekFrontTheatreIDs(t *testing.T) {
	c, err := LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := PeekFrontTheatreIDs(assets.Content()), c.FrontTheatreIDs(); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("PeekFrontTheatreIDs(embedded pack) = %v, the catalog's %v", got, want)
	}
	bom := "\xef\xbb\xbf"
	for _, tc := range []struct {
		name, packJSON string
		want           []string
	}{
		{"two theatres", bom + `{"pack": {"front_theatres": [{"id": "eastern"}, {"id": "finland", "name": "Finland"}]}}`, []string{"eastern", "finland"}},
		{"none declared", `{"pack": {"name": "x"}}`, []string{}},
		{"not JSON", `{"pack": `, nil},
		{"wrong type", `{"pack": {"front_theatres": "eastern"}}`, nil},
	} {
		got := PeekFrontTheatreIDs(fstest.MapFS{PackInfoFile: {Data: []byte(tc.packJSON)}})
		if !slices.Equal(got, tc.want) || (got == nil) != (tc.want == nil) {
			t.Errorf("%s: PeekFrontTheatreIDs = %#v, want %#v", tc.name, got, tc.want)
		}
	}
	if got := PeekFrontTheatreIDs(fstest.MapFS{}); got != nil {
		t.Errorf("no pack.json: PeekFrontTheatreIDs = %#v, want nil", got)
	}
}
