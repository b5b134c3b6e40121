package geo

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"

	"frontline-atlas/internal/packfs"
)

// Limits on a GeoJSON file the user opens onto the map. A file past one of them is refused
// with a message that names the limit; the map keeps what it had.
const (
	// MaxUserLayerBytes is the largest file read (64 MiB): Natural Earth's 1:10m coastline
	// (19 MB) or admin-0 countries (24 MB) load; decoding more could exhaust a kiosk's memory.
	MaxUserLayerBytes = 64 << 20
	// MaxUserLayerVertices is the most positions one file may hold (4 million: about
	// 64 MB of points once decoded, and as much again projected).
	MaxUserLayerVertices = 4_000_000
	// MaxUserLayerFeatures is the most features one file may hold.
	MaxUserLayerFeatures = 250_000
	// maxUserCollectionDepth bounds GeometryCollections nested in GeometryCollections.
	maxUserCollectionDepth = 8
	// maxUserProblems is how many problems a layer keeps word for word; the rest are counted.
	maxUserProblems = 1000
)

// DateParser reads the text of a date property (in the content pack's notation: "1942-11-19",
// "1942-11", "1942", optionally prefixed by "~") and returns the first and the last day it
// covers, counted from 1970-01-01 (UTC). geo does not know the content pack's calendar rules:
// the caller passes timeline's parser (cli.ParseLayerDate).
type DateParser func(s string) (first, last int, err error)

// UserLayerOptions tune LoadUserLayer and ParseUserLayer. The zero value uses the limits above
// and ignores date properties (with a note that they were ignored).
type UserLayerOptions struct {
	// ParseDate reads date properties; nil draws every feature on every date.
	ParseDate DateParser
	// Progress, if non-nil, is called from the loading goroutine with the bytes read so far and
	// the file's size, at most about a hundred times and once at the end.
	Progress func(done, total int64)
	// MaxBytes, MaxVertices and MaxFeatures replace the limits above when positive (tests).
	MaxBytes    int64
	MaxVertices int
	MaxFeatures int
}

func (o *UserLayerOptions) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return MaxUserLayerBytes
}

func (o *UserLayerOptions) maxVertices() int {
	if o.MaxVertices > 0 {
		return o.MaxVertices
	}
	return MaxUserLayerVertices
}

func (o *UserLayerOptions) maxFeatures() int {
	if o.MaxFeatures > 0 {
		return o.MaxFeatures
	}
	return MaxUserLayerFeatures
}

// UserLayer is a GeoJSON file opened onto the map: its features, ready to draw, and what was
// wrong with the ones that could not be drawn as written. It is read-only once loaded and safe
// for concurrent use.
type UserLayer struct {
	Name string // the file's name without its extension, for the legend
	Path string // the file as given

	Features []UserFeature // the features drawn, in file order
	Bound    orb.Bound     // of the features drawn, degrees in the map's longitudes
	Points   int           // point features (or parts) drawn as markers
	Lines    int           // line features (or parts)
	Areas    int           // polygon features (or parts)
	Vertices int           // positions read
	Read     int           // features in the file, drawn or not

	// Problems lists what was wrong, feature by feature, and what was done about it (left
	// out, or drawn with the layer's defaults). At most maxUserProblems are kept;
	// ProblemCount counts all.
	Problems     []LayerProblem
	ProblemCount int

	// dayBounds are the days on which the set of features shown changes, ascending: each
	// dated feature's first day and the day after its last.
	dayBounds []int
	// proj is the union of the features' projected bounds.
	proj orb.Bound
}

// UserFeature is one feature of a user layer.
type UserFeature struct {
	Index int    // position in the file's "features" (0 for a lone Feature or geometry)
	Name  string // from the "name" property (or "NAME", "Name", "title"); "" when none
	// Geom is the geometry to draw, degrees lon-first, each part moved into the map's span of
	// longitudes (so that parts split at 180° join up, RFC 7946 §3.1.9) and clipped to it.
	Geom orb.Geometry
	// Label is where the name goes: the point, the middle of the longest line, a point inside
	// the largest polygon. Meaningless when Name is "".
	Label orb.Point
	// Days are the days the feature is shown (inclusive, since 1970-01-01); Dated is false
	// for features shown on every date.
	Days  DayRange
	Dated bool
	Style FeatureStyle

	// proj is the bound of Geom projected with Theatre (metres), and labelX, labelY the label
	// point projected: what a change of the features shown touches on the map (see
	// MapSession.SetUserLayers).
	proj           orb.Bound
	labelX, labelY float64
	// projected is Geom projected once for the tiles (userlayerproj.go).
	projected userProjected
}

// LayerProblem is one thing wrong with a user layer: the feature (its index in the file, -1
// for the file as a whole), its name when it has one, the field, and what was wrong and done.
type LayerProblem struct {
	Feature int
	Name    string
	Line    int    // line of the file where the feature starts (1-based), 0 if unknown
	Field   string // "geometry.coordinates[0][3]", `properties "stroke"`, or ""
	Msg     string
}

// String writes the problem as one line: `feature 12 "Kiev" (line 340): properties "stroke":
// "bluish" is not a colour; the layer's colour is used`.
func (p LayerProblem) String() string {
	var b strings.Builder
	if p.Feature >= 0 {
		fmt.Fprintf(&b, "feature %d", p.Feature)
		if p.Name != "" {
			fmt.Fprintf(&b, " %q", p.Name)
		}
		if p.Line > 0 {
			fmt.Fprintf(&b, " (line %d)", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// ProblemsText writes the layer's problems, one a line, at most max of them (all when max
// ≤ 0) and then how many more there are. Each line starts with the file's name.
func (l *UserLayer) ProblemsText(max int) string {
	var b strings.Builder
	base := filepath.Base(l.Path)
	for i, p := range l.Problems {
		if max > 0 && i == max {
			break
		}
		fmt.Fprintf(&b, "%s: %s\n", base, p)
	}
	if shown := min(len(l.Problems), max); max > 0 && l.ProblemCount > shown {
		fmt.Fprintf(&b, "%s: and %d more problems\n", base, l.ProblemCount-shown)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Summary says in a few words what loaded: "1,234 features: 1,200 areas, 34 points; 56 dated".
func (l *UserLayer) Summary() string {
	var parts []string
	add := func(n int, one, many string) {
		if n == 1 {
			parts = append(parts, "1 "+one)
		} else if n > 1 {
			parts = append(parts, groupDigits(n)+" "+many)
		}
	}
	add(l.Areas, "area", "areas")
	add(l.Lines, "line", "lines")
	add(l.Points, "point", "points")
	s := groupDigits(len(l.Features)) + " features"
	if len(l.Features) == 1 {
		s = "1 feature"
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	dated := 0
	for i := range l.Features {
		if l.Features[i].Dated {
			dated++
		}
	}
	if dated > 0 {
		s += "; " + groupDigits(dated) + " dated"
	}
	return s
}

// groupDigits writes n with thousands separated by commas.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + groupDigits(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// UserLayerError is why a file could not be opened as a layer at all: it names the file and,
// where it applies, the line and column, the feature and the field.
type UserLayerError struct {
	Path      string
	Line, Col int // 1-based; 0 when the problem is not at one place
	Problem   LayerProblem
	Err       error // the underlying error (a read error, a *json.SyntaxError), or nil
}

func (e *UserLayerError) Error() string {
	var b strings.Builder
	b.WriteString(filepath.Base(e.Path))
	if e.Line > 0 {
		fmt.Fprintf(&b, ": line %d, column %d", e.Line, e.Col)
	}
	b.WriteString(": ")
	b.WriteString(e.Problem.String())
	return b.String()
}

func (e *UserLayerError) Unwrap() error { return e.Err }

// ParseUserLayer reads data, the content of the GeoJSON file at path, as a user layer. Every
// form of RFC 7946 is read: a FeatureCollection, a Feature or a bare geometry, with every
// geometry type (GeometryCollection too), and also a sequence of features (newline-delimited
// GeoJSON, RFC 8142 text sequences). A feature that cannot be drawn is left out and listed in
// Problems; the file is refused (a *UserLayerError) when it is not GeoJSON, is malformed, is
// past a limit, or has nothing to draw. ctx cancels a long load.
func ParseUserLayer(ctx context.Context, path string, data []byte, opts UserLayerOptions) (*UserLayer, error) {
	if int64(len(data)) > opts.maxBytes() {
		return nil, tooLarge(path, int64(len(data)), opts.maxBytes())
	}
	d := newUserDecoder(ctx, path, data, &opts)
	l, err := d.decode()
	if err != nil {
		return nil, err
	}
	return l, nil
}

func tooLarge(path string, size, limit int64) error {
	return &UserLayerError{Path: path, Problem: LayerProblem{Feature: -1, Msg: fmt.Sprintf(
		"the file is %s, more than the %s a layer may have; simplify it or keep only the area you need (e.g. with mapshaper or ogr2ogr -clipsrc)",
		formatBytes(size), formatBytes(limit))}}
}

// formatBytes writes a size for a message: "19.0 MB", "64 MiB" for the limits.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// layerName is the file's name without its extension.
func layerName(path string) string {
	base := filepath.Base(path)
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// FeatureStyle is a feature's own style, from its simplestyle properties. What the file does
// not give (Has* false) comes from the layer's colour when drawn.
type FeatureStyle struct {
	Stroke, Fill, Marker       color.NRGBA // opaque
	StrokeOpacity, FillOpacity float64     // 0 to 1
	StrokeWidth                float64     // pixels
	MarkerSize                 float64     // marker radius in pixels
	Has                        StyleFields
}

// StyleFields says which simplestyle properties a feature gives.
type StyleFields uint8

// The simplestyle properties read.
const (
	HasStroke StyleFields = 1 << iota
	HasStrokeOpacity
	HasStrokeWidth
	HasFill
	HasFillOpacity
	HasMarker
	HasMarkerSize
)

// LoadUserLayer reads the GeoJSON file at path and parses it as ParseUserLayer does. Only a
// regular file is read (a named pipe or a device is refused without being opened), and one over
// the size limit is refused before it is read.
func LoadUserLayer(ctx context.Context, path string, opts UserLayerOptions) (*UserLayer, error) {
	data, err := readUserFile(path, opts.maxBytes())
	if err != nil {
		return nil, err
	}
	return ParseUserLayer(ctx, path, data, opts)
}

// readUserFile reads a regular file of at most limit bytes through packfs.ReadRegular: a named
// pipe or a device is refused without being opened, a file over the limit before it is read.
func readUserFile(path string, limit int64) ([]byte, error) {
	data, err := packfs.ReadRegular(path, limit)
	if err == nil {
		return data, nil
	}
	var se *packfs.SizeError
	if errors.As(err, &se) {
		size := se.Size
		if size < 0 {
			size = limit + 1
		}
		return nil, tooLarge(path, size, limit)
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error() // the path is named at the start of the message already
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, fs.ErrPermission):
		msg = "not allowed to read it"
	case errors.Is(err, packfs.ErrNotRegular):
		msg += ": only a regular file is read"
	}
	return nil, &UserLayerError{Path: path, Err: err, Problem: LayerProblem{Feature: -1, Msg: msg}}
}
