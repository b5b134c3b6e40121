package timeline

import (
	"bytes"
	"encoding/json"
	"io/fs"

	"frontline-atlas/internal/packfs"
)

// PeekFrontTheatreIDs reads the ids of the front theatres from the pack.json of fsys, without
// checking the pack: what FrontTheatreIDs of the loaded catalog will most likely return, known
// before the pack has loaded, so that its fronts can be read side by side with the rest of the
// pack (see geo.LoadMapDataLazyGuess). It returns nil when pack.json cannot be read; a caller
// must use the catalog's own list once it has one, and read again if that differs. The file
// is read through internal/packfs with the loader's limit.
func PeekFrontTheatreIDs(fsys fs.FS) []string {
	data, err := packfs.ReadFile(fsys, PackInfoFile, MaxPackFileSize)
	if err != nil {
		return nil
	}
	var doc struct {
		Pack struct {
			FrontTheatres []struct {
				ID string `json:"id"`
			} `json:"front_theatres"`
		} `json:"pack"`
	}
	if json.Unmarshal(bytes.TrimPrefix(data, packBOM), &doc) != nil {
		return nil
	}
	ids := make([]string, len(doc.Pack.FrontTheatres))
	for i, th := range doc.Pack.FrontTheatres {
		ids[i] = th.ID
	}
	return ids
}
