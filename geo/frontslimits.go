package geo

import "fmt"

// Limits on what a fronts file may make the program do (see docs/reliability.md).
const (
	// MaxFrontsFile is the largest fronts file read (32 MiB; the eastern front, 135 keyframes,
	// is 170 kB).
	MaxFrontsFile = 32 << 20
	// MaxFrontVertices is the most vertices one front line, pocket ring, rear chain or extent
	// ring may have: 10,000, some seventy times the densest keyframe of the embedded pack
	// (148). Matching two keyframes costs time in the product of their sizes at worst, so an
	// unbounded line could stall the loader.
	MaxFrontVertices = 10_000
	// maxFrontErrorsPerFile caps the problems listed for one fronts file; the others are counted.
	maxFrontErrorsPerFile = 1000
)

// capFrontErrors keeps the first maxFrontErrorsPerFile problems of a fronts file and says how
// many more there were.
func capFrontErrors(file string, errs []error) []error {
	if len(errs) <= maxFrontErrorsPerFile {
		return errs
	}
	more := len(errs) - maxFrontErrorsPerFile
	return append(errs[:maxFrontErrorsPerFile:maxFrontErrorsPerFile],
		fmt.Errorf("%s: and %d more problems, not listed: fix these and validate again", file, more))
}
