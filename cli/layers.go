package cli

import (
	"context"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// LayerDate reads a date property of a user's GeoJSON layer in the content pack's notation
// ("1942-11-19", "1942-11", "1942", optionally after "~") and returns the first and last day it
// covers: the geo.DateParser that makes a layer's features follow the date shown with the same
// precisions as the pack's events.
func LayerDate(s string) (first, last int, err error) {
	d, err := timeline.ParseDate(s)
	if err != nil {
		return 0, 0, err
	}
	return int(d.First()), int(d.Last()), nil
}

// LoadLayer reads the GeoJSON file at path as a user layer whose dated features follow the
// date shown (see geo.LoadUserLayer). progress, if non-nil, is called as it loads.
func LoadLayer(ctx context.Context, path string, progress func(done, total int64)) (*geo.UserLayer, error) {
	return geo.LoadUserLayer(ctx, path, geo.UserLayerOptions{ParseDate: LayerDate, Progress: progress})
}
