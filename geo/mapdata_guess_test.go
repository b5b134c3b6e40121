package geo

import (
	"crypto/sha256"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestLoadMapDataGuessedTheatres: the fronts read early for guessed theatres are the fronts,
// and the messages, of the theatres the catalog then names, whatever the guess: right, too
// few, too many, none; and when the catalog's list leaves a file out, its message is the
// catalog's, not the guess's.
func TestLoadMapDataGuessedTheatres(t *testing.T) {
	pack := os.DirFS("../assets/content")
	all := packFrontTheatres(t)
	if len(all) < 3 {
		t.Fatalf("pack.json declares %d front theatres, want several", len(all))
	}
	outcome := func(md *MapData, err error) string {
		data, ferr := FrontsFile(md)
		return fmt.Sprintf("error: %v\nfronts: %d bytes, sha256 %x, %v", err, len(data), sha256.Sum256(data), ferr)
	}
	for _, real := range [][]string{all, all[1:]} {
		want := outcome(LoadMapDataLazyGuess(nil, pack, nil, func() []string { return real }, nil))
		if slices.Equal(real, all[1:]) && !strings.Contains(want, all[0]+".geojson") {
			t.Fatalf("without %s declared, want its file reported; got\n%s", all[0], want)
		}
		for name, guess := range map[string][]string{
			"right": real, "fewer": real[:1], "more": append(slices.Clone(real), "atlantis"),
			"all": all, "none": {}, "other order": append(slices.Clone(real[1:]), real[0]),
		} {
			got := outcome(LoadMapDataLazyGuess(nil, pack, guess, func() []string { return real }, nil))
			if got != want {
				t.Errorf("catalog %v, guess %s %v:\n%s\nwant (no guess):\n%s", real, name, guess, got, want)
			}
		}
	}
}
