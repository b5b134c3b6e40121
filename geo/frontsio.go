package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"frontline-atlas/internal/packfs"
)

// Sides: who held the ground a part or an extent encloses. "axis" is Germany and its allies
// and co-belligerents (Finland 1941-1944, Japan and Manchukuo in 1945); "opponent" is a
// non-Axis state at war with the USSR (Finland in the Winter War, Japan at Lake Khasan and
// Khalkhin Gol). "soviet" is the Red Army and the armies beside it (the Mongolian army at
// Khalkhin Gol; in 1944-45 the Polish, Romanian, Bulgarian and Yugoslav forces on its front).
// "allied" is the Western Allies (the British Commonwealth, the United States, the Free French
// and the other armies under their command, and the Italian co-belligerents from September
// 1943). "uncovered" marks ground the atlas does not draw on those dates (an extent only): it
// is never shaded as held by anyone. HeldByNone is ground held by none of these: neutral or
// unoccupied states, or a country between wars.
const (
	HeldByAxis      = "axis"
	HeldByOpponent  = "opponent"
	HeldBySoviet    = "soviet"
	HeldByAllied    = "allied"
	HeldByUncovered = "uncovered"
	HeldByNone      = ""
	// heldByNoneValue is how an extent says that nobody held its ground (a neutral or
	// unoccupied zone cut out of an occupied country).
	heldByNoneValue = "none"
)

// heldByValid lists the held_by values a feature may give, by role.
var heldByValid = map[string][]string{
	FrontRoleLine:   {HeldByAxis, HeldByOpponent, HeldBySoviet, HeldByAllied},
	FrontRolePocket: {HeldByAxis, HeldByOpponent, HeldBySoviet, HeldByAllied},
	FrontRoleExtent: {HeldByAxis, HeldByOpponent, HeldBySoviet, HeldByAllied, HeldByUncovered, heldByNoneValue},
	FrontRoleScope:  {HeldBySoviet, HeldByAllied, HeldByAxis},
}

// Roles of a feature in a fronts file.
const (
	// FrontRoleLine is a keyframe of an open front line, closed into the held area by its rear chain.
	FrontRoleLine = "front"
	// FrontRolePocket is a keyframe of a closed area (a pocket, a bridgehead, a besieged city).
	FrontRolePocket = "pocket"
	// FrontRoleRear is the fixed chain (no date) that closes a front part into its held area.
	FrontRoleRear = "rear"
	// FrontRoleScope is the fixed area (no date) in which a front part decides who holds the
	// ground: inside it and outside the part's own area, the ground is held by the scope's
	// held_by (the side facing the front).
	FrontRoleScope = "scope"
	// FrontRoleExtent is ground held wholesale by one side from date to until, drawn without
	// interpolation, below every front and pocket (occupied countries between the campaigns).
	FrontRoleExtent = "extent"
)

// FrontKeyframe is one part of one theatre at one date, as authored.
type FrontKeyframe struct {
	Theatre string
	Part    string // stable id of the part across keyframes, e.g. "main", "courland"
	Role    string // FrontRoleLine or FrontRolePocket
	HeldBy  string // HeldByAxis, HeldByOpponent or HeldBySoviet: who held the area the part encloses
	Day     int    // days since 1970-01-01 UTC (the same count as timeline.Day)
	Date    string // YYYY-MM-DD as written
	Source  string
	Note    string
	// SeaHead and SeaTail count the vertices at the start and end of a front line that lie on
	// water: they close the held area but are not drawn.
	SeaHead, SeaTail int
	// Line holds the vertices, degrees lon first. For a front, the whole line including the sea
	// vertices. For a pocket, the ring normalised at load: counter-clockwise in lon/lat, starting
	// at its northernmost vertex, closed (first vertex repeated last).
	Line orb.LineString
	File string // file name inside the folder
	// Index is the feature's index in its file.
	Index int
}

var frontProps = map[string]bool{"theatre": true, "date": true, "source": true, "note": true,
	"role": true, "part": true, "held_by": true, "sea_head": true, "sea_tail": true, "until": true}

// frontExtent is ground held wholesale by one side over an interval of days (inclusive).
type frontExtent struct {
	Theatre, Part, HeldBy string
	From, To              int // days since 1970-01-01 UTC, inclusive
	Date, Until           string
	Source, Note          string
	Area                  orb.MultiPolygon // normalised: outer rings counter-clockwise, holes clockwise
	bound                 orb.Bound
	File                  string
	Index                 int
}

// frontScope is the area in which a front part decides who holds the ground.
type frontScope struct {
	Ring   orb.Ring // counter-clockwise, closed
	HeldBy string   // who holds the ground in the scope outside the part's area
	Source string
	Note   string
}

// LoadFronts reads every dir/*.geojson of fsys (dir is usually "fronts"), validates it strictly
// and prepares the interpolation. theatres are the theatre ids the pack declares (its
// "front_theatres"): each file is named after one of them, fronts/<theatre>.geojson, and its
// features name it; a declared theatre without a file is fine. All errors are returned at once,
// each naming the file, the feature index and the field. A file with errors is left out and the
// others are used, so the map still shows the theatres that loaded: the result may be non-nil
// along with an error.
func LoadFronts(fsys fs.FS, dir string, theatres []string) (*Fronts, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.geojson"))
	if err != nil {
		return nil, fmt.Errorf("geo: fronts: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("geo: fronts: no %s/*.geojson files", dir)
	}
	declared := frontTheatreSet(theatres)
	var errs []error
	all := frontFileParts{rears: map[string]frontRear{}, scopes: map[string]frontScope{}}
	for _, name := range names {
		data, err := packfs.ReadFile(fsys, name, MaxFrontsFile)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path.Base(name), packfs.Unwrap(err)))
			continue
		}
		got, ferrs := parseFrontFile(path.Base(name), data, declared)
		if len(ferrs) > 0 {
			errs = append(errs, capFrontErrors(path.Base(name), ferrs)...)
			continue
		}
		if len(got.keys) == 0 && len(got.rears) == 0 && len(got.scopes) == 0 && len(got.extents) == 0 {
			errs = append(errs, fmt.Errorf("%s: no features: want the keyframes of its theatre", path.Base(name)))
			continue
		}
		all.keys = append(all.keys, got.keys...)
		all.extents = append(all.extents, got.extents...)
		for id, line := range got.rears {
			all.rears[id] = line
		}
		for id, sc := range got.scopes {
			all.scopes[id] = sc
		}
	}
	if len(all.keys) == 0 && len(all.extents) == 0 {
		return nil, errors.Join(errs...)
	}
	f, berrs := buildFronts(all)
	if len(berrs) > 0 {
		// Keyframes that contradict each other across files: nothing trustworthy to draw.
		return nil, errors.Join(append(errs, berrs...)...)
	}
	return f, errors.Join(errs...)
}

// frontFileParts is what one or all fronts files hold: keyframes, rear chains and scopes
// (keyed by theatre + "/" + part) and extents.
type frontFileParts struct {
	keys    []*FrontKeyframe
	rears   map[string]frontRear
	scopes  map[string]frontScope
	extents []*frontExtent
}

type frontFileDoc struct {
	Type     string `json:"type"`
	Features []struct {
		Type       string                     `json:"type"`
		Properties map[string]json.RawMessage `json:"properties"`
		Geometry   json.RawMessage            `json:"geometry"`
	} `json:"features"`
}

// frontTheatres is the set of theatre ids a pack declares, with their list for messages.
type frontTheatres struct {
	ids  map[string]bool
	list string // "eastern, khasan", or "none"
}

func frontTheatreSet(theatres []string) frontTheatres {
	t := frontTheatres{ids: make(map[string]bool, len(theatres)), list: strings.Join(theatres, ", ")}
	for _, id := range theatres {
		t.ids[id] = true
	}
	if t.list == "" {
		t.list = "none"
	}
	return t
}

// parseFrontFile parses one fronts file; rear chains and scopes are keyed by theatre + "/" +
// part.
func parseFrontFile(file string, data []byte, declared frontTheatres) (frontFileParts, []error) {
	out := frontFileParts{rears: map[string]frontRear{}, scopes: map[string]frontScope{}}
	var doc frontFileDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return out, []error{fmt.Errorf("%s: %w", file, err)}
	}
	if doc.Type != "FeatureCollection" {
		return out, []error{fmt.Errorf("%s: type %q, want FeatureCollection", file, doc.Type)}
	}
	stem := strings.TrimSuffix(file, ".geojson")
	var errs []error
	rears, scopes := out.rears, out.scopes
	// An undeclared theatre is reported once per file, at its first feature, with a count of
	// the others: a file of three hundred keyframes gives one line, not three hundred.
	type undeclaredTheatre struct{ err, more int }
	undeclared := map[string]*undeclaredTheatre{}
	for i, ft := range doc.Features {
		bad := func(field, format string, a ...any) {
			errs = append(errs, fmt.Errorf("%s: feature %d: %s: %s", file, i, field, fmt.Sprintf(format, a...)))
		}
		str := func(key string) string {
			raw, ok := ft.Properties[key]
			if !ok {
				return ""
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				bad(key, "not a string: %s", raw)
			}
			return s
		}
		num := func(key string) int {
			raw, ok := ft.Properties[key]
			if !ok {
				return 0
			}
			var n int
			if err := json.Unmarshal(raw, &n); err != nil || n < 0 {
				bad(key, "not a non-negative integer: %s", raw)
			}
			return n
		}
		if ft.Type != "Feature" {
			bad("type", "%q, want Feature", ft.Type)
		}
		for k := range ft.Properties {
			if !frontProps[k] {
				bad(k, "unknown property")
			}
		}
		k := &FrontKeyframe{File: file, Index: i, Theatre: str("theatre"), Part: str("part"),
			Role: str("role"), HeldBy: str("held_by"), Date: str("date"), Source: str("source"),
			Note: str("note"), SeaHead: num("sea_head"), SeaTail: num("sea_tail")}
		if k.Theatre == "" {
			bad("theatre", "missing: want %q, the theatre the file is named after", stem)
		} else if u := undeclared[k.Theatre]; u != nil {
			u.more++
		} else if !declared.ids[k.Theatre] {
			undeclared[k.Theatre] = &undeclaredTheatre{err: len(errs)}
			bad("theatre", "%q is not a front theatre of the pack (pack.json \"front_theatres\": %s)", k.Theatre, declared.list)
		} else if k.Theatre != stem {
			bad("theatre", "%q in file %s (the file must be named after its theatre)", k.Theatre, file)
		}
		until := str("until")
		if k.Part == "" {
			k.Part = "main"
		}
		if k.Role == "" {
			k.Role = FrontRoleLine
		}
		if strings.TrimSpace(k.Source) == "" {
			bad("source", "missing")
		}
		geom, err := decodeGeometry(ft.Geometry) // geojson.UnmarshalGeometry, in one pass when it can
		if err != nil || geom == nil {
			bad("geometry", "unreadable: %v", err)
			continue
		}
		if until != "" && k.Role != FrontRoleExtent {
			bad("until", "only an extent has an end date")
		}
		switch k.Role {
		case FrontRoleRear:
			if k.Date != "" || k.HeldBy != "" {
				bad("date", "a rear chain has no date and no held_by")
			}
			ls, ok := geom.Coordinates.(orb.LineString)
			if !ok || len(ls) < 1 {
				bad("geometry", "%s, want a LineString for a rear chain", geom.Type)
				continue
			}
			if err := checkFrontCoords(ls); err != nil {
				bad("geometry", "%v", err)
			}
			if _, dup := rears[k.Theatre+"/"+k.Part]; dup {
				bad("part", "a second rear chain for part %q", k.Part)
			}
			rears[k.Theatre+"/"+k.Part] = frontRear{Line: ls, Source: k.Source}
			continue
		case FrontRoleScope:
			if k.Date != "" {
				bad("date", "a scope has no date")
			}
			if !validHeldBy(k.Role, k.HeldBy) {
				bad("held_by", "%q, want one of %s (the side holding the scope outside the part's area)", k.HeldBy, strings.Join(heldByValid[k.Role], ", "))
			}
			pg, ok := geom.Coordinates.(orb.Polygon)
			if !ok || len(pg) != 1 || len(pg[0]) < 4 {
				bad("geometry", "%s, want a Polygon of one ring for a scope", geom.Type)
				continue
			}
			if err := checkFrontCoords(orb.LineString(pg[0])); err != nil {
				bad("geometry", "%v", err)
				continue
			}
			if _, dup := scopes[k.Theatre+"/"+k.Part]; dup {
				bad("part", "a second scope for part %q", k.Part)
			}
			scopes[k.Theatre+"/"+k.Part] = frontScope{Ring: orb.Ring(normalizeFrontRing(pg[0])), HeldBy: k.HeldBy, Source: k.Source, Note: k.Note}
			continue
		case FrontRoleLine, FrontRolePocket, FrontRoleExtent:
		default:
			bad("role", "%q, want front, pocket, rear, scope or extent", k.Role)
			continue
		}
		if k.HeldBy == "" {
			k.HeldBy = HeldByAxis
		}
		if !validHeldBy(k.Role, k.HeldBy) {
			bad("held_by", "%q, want one of %s", k.HeldBy, strings.Join(heldByValid[k.Role], ", "))
		}
		d, err := parseFrontDate(k.Date)
		if err != nil {
			bad("date", "%v", err)
			continue
		}
		k.Day = d
		if k.Role == FrontRoleExtent {
			if e := parseFrontExtent(k, until, geom.Coordinates, bad); e != nil {
				out.extents = append(out.extents, e)
			}
			continue
		}
		switch c := geom.Coordinates.(type) {
		case orb.LineString:
			if k.Role != FrontRoleLine {
				bad("geometry", "LineString, want Polygon for a pocket")
				continue
			}
			if len(c) < 2 || k.SeaHead+k.SeaTail > len(c)-2 {
				bad("geometry", "%d vertices with sea_head %d and sea_tail %d: the drawn line needs at least 2", len(c), k.SeaHead, k.SeaTail)
				continue
			}
			k.Line = c
		case orb.Polygon:
			if k.Role != FrontRolePocket {
				bad("geometry", "Polygon, want LineString for a front")
				continue
			}
			if len(c) != 1 || len(c[0]) < 4 {
				bad("geometry", "a pocket needs one ring of at least 3 distinct vertices")
				continue
			}
			if k.SeaHead != 0 || k.SeaTail != 0 {
				bad("sea_head", "only a front has sea vertices")
			}
			k.Line = normalizeFrontRing(c[0])
		default:
			bad("geometry", "%s, want LineString (front) or Polygon (pocket)", geom.Type)
			continue
		}
		if err := checkFrontCoords(k.Line); err != nil {
			bad("geometry", "%v", err)
			continue
		}
		out.keys = append(out.keys, k)
	}
	for _, u := range undeclared {
		switch {
		case u.more == 1:
			errs[u.err] = fmt.Errorf("%w; 1 more feature names it", errs[u.err])
		case u.more > 1:
			errs[u.err] = fmt.Errorf("%w; %d more features name it", errs[u.err], u.more)
		}
	}
	return out, errs
}

func validHeldBy(role, heldBy string) bool {
	for _, v := range heldByValid[role] {
		if v == heldBy {
			return true
		}
	}
	return false
}

// parseFrontDate parses YYYY-MM-DD (1930-1960) into days since 1970-01-01 UTC.
func parseFrontDate(s string) (int, error) {
	d, err := time.Parse("2006-01-02", s)
	if err != nil || d.Year() < 1930 || d.Year() > 1960 {
		return 0, fmt.Errorf("%q, want YYYY-MM-DD between 1930 and 1960", s)
	}
	return int(d.Unix() / 86400), nil
}

// parseFrontExtent checks and converts an extent: a Polygon or MultiPolygon held from k's
// date to until (inclusive).
func parseFrontExtent(k *FrontKeyframe, until string, g orb.Geometry, bad func(field, format string, a ...any)) *frontExtent {
	e := &frontExtent{Theatre: k.Theatre, Part: k.Part, HeldBy: k.HeldBy, From: k.Day, Date: k.Date,
		Until: until, Source: k.Source, Note: k.Note, File: k.File, Index: k.Index}
	to, err := parseFrontDate(until)
	if err != nil {
		bad("until", "%v (an extent needs its last day)", err)
		return nil
	}
	if to < k.Day {
		bad("until", "%s is before date %s", until, k.Date)
		return nil
	}
	e.To = to
	var mp orb.MultiPolygon
	switch c := g.(type) {
	case orb.Polygon:
		mp = orb.MultiPolygon{c}
	case orb.MultiPolygon:
		mp = c
	default:
		bad("geometry", "%s, want Polygon or MultiPolygon for an extent", g.GeoJSONType())
		return nil
	}
	for i, pg := range mp {
		if len(pg) == 0 {
			bad("geometry", "polygon %d has no ring", i)
			return nil
		}
		for j, r := range pg {
			if len(r) < 4 {
				bad("geometry", "polygon %d ring %d: %d vertices, want at least 3 distinct", i, j, len(r))
				return nil
			}
			if err := checkFrontCoords(orb.LineString(r)); err != nil {
				bad("geometry", "polygon %d ring %d: %v", i, j, err)
				return nil
			}
			nr := orb.Ring(normalizeFrontRing(r))
			if j > 0 {
				nr.Reverse() // holes clockwise
			}
			pg[j] = nr
		}
	}
	e.Area = mp
	e.bound = mp.Bound()
	return e
}

func checkFrontCoords(ls orb.LineString) error {
	if len(ls) > MaxFrontVertices {
		return fmt.Errorf("%d vertices, more than the limit of %d for one line or ring", len(ls), MaxFrontVertices)
	}
	for i, p := range ls {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
			return fmt.Errorf("vertex %d %v out of range (want lon, lat in degrees)", i, p)
		}
		if i > 0 && p == ls[i-1] {
			return fmt.Errorf("vertex %d %v repeats the previous one", i, p)
		}
	}
	return nil
}

// normalizeFrontRing returns a copy of r, closed, counter-clockwise in lon/lat and starting
// at its northernmost vertex (the westernmost of equals), so that keyframes of a pocket match.
func normalizeFrontRing(r orb.Ring) orb.LineString {
	pts := append([]orb.Point(nil), r...)
	if len(pts) > 1 && pts[0] == pts[len(pts)-1] {
		pts = pts[:len(pts)-1]
	}
	var area float64
	for i := range pts {
		a, b := pts[i], pts[(i+1)%len(pts)]
		area += a[0]*b[1] - b[0]*a[1]
	}
	if area < 0 {
		for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
			pts[i], pts[j] = pts[j], pts[i]
		}
	}
	top := 0
	for i, p := range pts {
		if p[1] > pts[top][1] || (p[1] == pts[top][1] && p[0] < pts[top][0]) {
			top = i
		}
	}
	out := append(append(orb.LineString{}, pts[top:]...), pts[:top]...)
	return append(out, out[0])
}

// FeatureCollectionAt renders the fronts and the held areas at day (days since 1970-01-01
// UTC, fractional allowed) as GeoJSON: one LineString per drawn line (properties "layer":
// "front", theatre, part, role, held_by, date, from, to) and one MultiPolygon per side holding
// ground that is drawn ("layer": "held", held_by "axis", "opponent", "allied" or "uncovered";
// the Axis feature is always present, the others only when they hold ground).
func (f *Fronts) FeatureCollectionAt(day float64) *geojson.FeatureCollection {
	fc := geojson.NewFeatureCollection()
	date := time.Unix(int64(math.Floor(day*86400)), 0).UTC().Format("2006-01-02")
	for _, s := range f.FrontsAtDay(day) {
		ft := geojson.NewFeature(s.Line)
		ft.Properties = geojson.Properties{"layer": "front", "theatre": s.Theatre, "part": s.Part,
			"role": s.Role, "held_by": s.HeldBy, "date": date,
			"from": frontDayString(s.From), "to": frontDayString(s.To)}
		fc.Append(ft)
	}
	areas := map[string]orb.MultiPolygon{HeldByAxis: {}}
	for _, a := range f.HeldAreasAtDay(day) {
		areas[a.HeldBy] = a.Area.Clone()
	}
	for _, side := range []string{HeldByAxis, HeldByOpponent, HeldByAllied, HeldByUncovered} {
		mp, ok := areas[side]
		if !ok {
			continue
		}
		held := geojson.NewFeature(mp)
		held.Properties = geojson.Properties{"layer": "held", "held_by": side, "date": date}
		fc.Append(held)
	}
	return fc
}

// KeyframesFeatureCollection returns every keyframe as authored (front lines with their sea
// vertices, pockets as Polygons) with theatre, part, role, held_by, date, source and note, then
// the rear chains, the scopes and the extents (with until), for export as fronts.geojson.
func (f *Fronts) KeyframesFeatureCollection() *geojson.FeatureCollection {
	fc := geojson.NewFeatureCollection()
	for _, k := range f.Keyframes() {
		var g orb.Geometry = k.Line
		if k.Role == FrontRolePocket {
			g = orb.Polygon{orb.Ring(k.Line)}
		}
		ft := geojson.NewFeature(g)
		ft.Properties = geojson.Properties{"theatre": k.Theatre, "part": k.Part, "role": k.Role,
			"held_by": k.HeldBy, "date": k.Date, "source": k.Source}
		if k.Note != "" {
			ft.Properties["note"] = k.Note
		}
		if k.SeaHead > 0 {
			ft.Properties["sea_head"] = k.SeaHead
		}
		if k.SeaTail > 0 {
			ft.Properties["sea_tail"] = k.SeaTail
		}
		fc.Append(ft)
	}
	ids := make([]string, 0, len(f.rears))
	for id := range f.rears {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		th, part, _ := strings.Cut(id, "/")
		ft := geojson.NewFeature(f.rears[id].Line)
		ft.Properties = geojson.Properties{"theatre": th, "part": part, "role": FrontRoleRear,
			"source": f.rears[id].Source}
		fc.Append(ft)
	}
	ids = ids[:0]
	for id := range f.scopes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		th, part, _ := strings.Cut(id, "/")
		sc := f.scopes[id]
		ft := geojson.NewFeature(orb.Polygon{sc.Ring})
		ft.Properties = geojson.Properties{"theatre": th, "part": part, "role": FrontRoleScope,
			"held_by": sc.HeldBy, "source": sc.Source}
		if sc.Note != "" {
			ft.Properties["note"] = sc.Note
		}
		fc.Append(ft)
	}
	for _, e := range f.extents {
		ft := geojson.NewFeature(e.Area)
		ft.Properties = geojson.Properties{"theatre": e.Theatre, "part": e.Part, "role": FrontRoleExtent,
			"held_by": e.HeldBy, "date": e.Date, "until": e.Until, "source": e.Source}
		if e.Note != "" {
			ft.Properties["note"] = e.Note
		}
		fc.Append(ft)
	}
	return fc
}

func frontDayString(day int) string {
	return time.Unix(int64(day)*86400, 0).UTC().Format("2006-01-02")
}
