package timeline

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"path"
	"strings"
	"time"
)

// This file checks a decoded pack: ids, links, dates, coordinates, ribbons, images, text.

// Item types the loader accepts.
var (
	medalTypes = []string{"order", "medal", "title"}
	placeTypes = []string{"city", "town", "village", "battlefield", "camp", "site", "region",
		"country", "river", "lake", "sea", "island", "peninsula", "mountain", "bay", "strait"}
	organizationTypes = []string{"military", "security", "political", "resistance", "government",
		"international", "collaborationist"}
)

// ribbonTolerance is how far, in millimetres, the stripes of a ribbon may add up away from its width.
const ribbonTolerance = 0.05

// build puts the first definition of every id in a new catalog and reports the others.
func (l *packLoader) build() *Catalog {
	c := newCatalog(l.info)
	for _, it := range l.items {
		if it.ref.ID == "" {
			l.itemErr(it, "id", "missing: every item needs an id")
			continue
		}
		if !ValidID(it.ref.ID) {
			l.itemErr(it, "id", "want %s, such as \"battle-of-kursk\"", IDRule)
		}
		if prev, dup := l.first[it.ref]; dup {
			off, ok := prev.fields["id"]
			if !ok {
				off = prev.start
			}
			line, _ := prev.file.lineCol(off)
			l.itemErr(it, "id", "duplicate id: %s %q is first defined at %s:%d", it.ref.Kind, it.ref.ID, prev.file.name, line)
			continue
		}
		l.first[it.ref] = it
		c.add(it.ref, it.value)
	}
	return c
}

// validate checks every item of c and the pack description.
func (l *packLoader) validate(c *Catalog) {
	lanes, theatres := l.validateInfo()
	for _, it := range l.items {
		if l.first[it.ref] != it {
			continue // a duplicate or an item without id, already reported
		}
		l.validateLinks(c, it)
		switch v := it.value.(type) {
		case *Event:
			l.validateEvent(it, v, lanes, theatres)
		case *Person:
			l.checkText(it, "name", v.Name, true)
			l.checkAliases(it, v.Aliases)
			if v.Born.IsZero() {
				l.itemErr(it, "born", "missing: want a birth date such as \"1896-12-01\" (\"~1896\" if approximate)")
			}
			l.checkOrder(it, "born", v.Born, "died", v.Died)
			l.checkAlt(it, "born_alt", v.BornAlt)
			l.checkAlt(it, "died_alt", v.DiedAlt)
			l.checkText(it, "born_place", v.BornPlace, false)
			l.checkText(it, "nationality", v.Nationality, false)
			for i, r := range v.Roles {
				f := fmt.Sprintf("roles[%d]", i)
				l.checkText(it, f+".title", r.Title, true)
				l.checkOrder(it, f+".from", r.From, f+".to", r.To)
			}
			l.checkText(it, "summary", v.Summary, true)
			l.checkText(it, "bio", v.Bio, false)
			l.checkImage(it, v.Image)
		case *Medal:
			l.validateMedal(it, v)
		case *Place:
			l.validatePlace(it, v)
		case *Organization:
			l.checkText(it, "name", v.Name, true)
			l.checkAliases(it, v.Aliases)
			l.checkOneOf(it, "type", v.Type, organizationTypes)
			l.checkOrder(it, "founded", v.Founded, "dissolved", v.Dissolved)
			l.checkText(it, "summary", v.Summary, true)
			l.checkText(it, "body", v.Body, false)
			if v.Parent == v.ID {
				l.itemErr(it, "parent", "an organization cannot be its own parent")
			}
			if v.Successor == v.ID {
				l.itemErr(it, "successor", "an organization cannot be its own successor")
			}
			l.checkImage(it, v.Image)
		case *Veteran:
			l.checkText(it, "name", v.Name, true)
			l.checkAliases(it, v.Aliases)
			l.checkOrder(it, "born", v.Born, "died", v.Died)
			l.checkText(it, "service", v.Service, true)
			l.checkText(it, "summary", v.Summary, true)
			l.checkImage(it, v.Image)
		case *Source:
			l.validateSource(it, v)
		}
		if _, isSource := it.value.(*Source); !isSource {
			if len(itemSources(it.value)) == 0 {
				l.itemErr(it, "sources", "missing: every item cites at least one source id")
			}
			l.checkText(it, "notes", itemNotes(it.value), false)
		}
	}
}

// validateInfo checks pack.json and returns the sets of lane and theatre ids (nil when
// pack.json could not be read, so that categories and theatres are not checked).
func (l *packLoader) validateInfo() (lanes, theatres map[string]bool) {
	it := l.infoItem
	if it == nil {
		return nil, nil
	}
	info := &l.info
	l.checkText(it, "name", info.Name, true)
	if info.Version == "" {
		l.itemErr(it, "version", "missing: want a version such as \"1.0.0\"")
	}
	if len(info.Languages) > 0 && !containsString(info.Languages, DefaultLang) {
		l.itemErr(it, "languages", "must include %q: every text has an English version", DefaultLang)
	}
	lanes, theatres = map[string]bool{}, map[string]bool{}
	if len(info.Lanes) == 0 {
		l.itemErr(it, "lanes", "missing: a pack needs at least one lane (the categories of events)")
	}
	for i, ln := range info.Lanes {
		f := fmt.Sprintf("lanes[%d]", i)
		l.checkIDName(it, f, ln.ID, ln.Name, lanes)
		if ln.Color != "" && !validColor(ln.Color) {
			l.itemErr(it, f+".color", "colour %q: want \"#rrggbb\"", ln.Color)
		}
	}
	for i, th := range info.Theatres {
		l.checkIDName(it, fmt.Sprintf("theatres[%d]", i), th.ID, th.Name, theatres)
	}
	return lanes, theatres
}

func (l *packLoader) checkIDName(it *packItem, f, id string, name Text, seen map[string]bool) {
	switch {
	case id == "":
		l.itemErr(it, f+".id", "missing")
	case !ValidID(id):
		l.itemErr(it, f+".id", "%q: want %s", id, IDRule)
	case seen[id]:
		l.itemErr(it, f+".id", "duplicate id %q", id)
	}
	seen[id] = true
	l.checkText(it, f+".name", name, true)
}

// validateLinks reports every link of an item that names no item of the pack.
func (l *packLoader) validateLinks(c *Catalog, it *packItem) {
	if l.truncated {
		return
	}
	for _, ln := range itemLinks(it.value) {
		if !c.Exists(ln.ref) && !l.broken[ln.ref] {
			l.itemErr(it, ln.field, "%s %q not found%s", ln.ref.Kind, ln.ref.ID, c.suggestID(ln.ref))
		}
	}
}

func (l *packLoader) validateEvent(it *packItem, e *Event, lanes, theatres map[string]bool) {
	l.checkText(it, "title", e.Title, true)
	l.checkText(it, "summary", e.Summary, true)
	l.checkText(it, "body", e.Body, false)
	if e.Start.IsZero() {
		l.itemErr(it, "start", "missing: want a date such as \"1942-11-19\", \"1942-11\" or \"1942\"")
		return
	}
	l.checkOrder(it, "start", e.Start, "end", e.End)
	if first, last := e.Days(); !e.Context && first <= last {
		switch {
		case first < PeriodStart || first > PeriodEnd:
			l.itemErr(it, "start", "%s is outside 1936–1953; set \"context\": true for an event told for context", e.Start)
		case last > PeriodEnd:
			l.itemErr(it, "end", "%s is outside 1936–1953; set \"context\": true for an event told for context", e.End)
		}
	}
	switch {
	case e.Category == "":
		l.itemErr(it, "category", "missing: want a lane id (%s)", joinKeys(l.info.Lanes))
	case lanes != nil && !lanes[e.Category]:
		l.itemErr(it, "category", "%q is not a lane of the pack (%s)", e.Category, joinKeys(l.info.Lanes))
	}
	if len(theatres) > 0 {
		switch {
		case e.Theatre == "":
			l.itemErr(it, "theatre", "missing: want a theatre id (%s)", joinKeys(l.info.Theatres))
		case !theatres[e.Theatre]:
			l.itemErr(it, "theatre", "%q is not a theatre of the pack (%s)", e.Theatre, joinKeys(l.info.Theatres))
		}
	}
	if e.Importance < 1 || e.Importance > 5 {
		l.itemErr(it, "importance", "%d: want 1 (minor) to 5 (turning point)", e.Importance)
	}
}

func (l *packLoader) validateMedal(it *packItem, m *Medal) {
	l.checkText(it, "name", m.Name, true)
	l.checkAliases(it, m.Aliases)
	l.checkOneOf(it, "type", m.Type, medalTypes)
	if m.Established.IsZero() {
		l.itemErr(it, "established", "missing: want the date the award was established")
	}
	l.checkText(it, "criteria", m.Criteria, true)
	l.checkText(it, "description", m.Description, false)
	if m.Ribbon != nil {
		l.checkRibbon(it, "ribbon", m.Ribbon)
	}
	for i := range m.Ribbons {
		f := fmt.Sprintf("ribbons[%d]", i)
		l.checkText(it, f+".class", m.Ribbons[i].Class, true)
		l.checkRibbon(it, f, &m.Ribbons[i].Ribbon)
	}
	l.checkImage(it, m.Image)
}

// checkRibbon checks that a ribbon has stripes of positive width and #rrggbb colour that add
// up to its width.
func (l *packLoader) checkRibbon(it *packItem, f string, r *Ribbon) {
	if !(r.WidthMM > 0 && r.WidthMM <= 100) {
		l.itemErr(it, f+".width_mm", "%g: want a width in millimetres, above 0 and at most 100", r.WidthMM)
	}
	if len(r.Stripes) == 0 {
		l.itemErr(it, f+".stripes", "missing: a ribbon needs at least one stripe")
		return
	}
	sum := 0.0
	for i, s := range r.Stripes {
		if !(s.MM > 0) {
			l.itemErr(it, fmt.Sprintf("%s.stripes[%d].mm", f, i), "%g: want a width above 0", s.MM)
		}
		if !validColor(s.Color) {
			l.itemErr(it, fmt.Sprintf("%s.stripes[%d].color", f, i), "colour %q: want \"#rrggbb\"", s.Color)
		}
		sum += s.MM
	}
	if math.Abs(sum-r.WidthMM) > ribbonTolerance {
		l.itemErr(it, f+".stripes", "the stripes add up to %.2f mm, but width_mm is %g", sum, r.WidthMM)
	}
	l.checkText(it, f+".note", r.Note, false)
}

func (l *packLoader) validatePlace(it *packItem, p *Place) {
	l.checkText(it, "name", p.Name, true)
	l.checkAliases(it, p.Aliases)
	for i, n := range p.Names {
		f := fmt.Sprintf("names[%d]", i)
		l.checkText(it, f+".name", n.Name, true)
		l.checkOrder(it, f+".from", n.From, f+".to", n.To)
	}
	l.checkText(it, "modern", p.Modern, false)
	l.checkOneOf(it, "type", p.Type, placeTypes)
	if !(p.Lon >= -180 && p.Lon <= 180) {
		l.itemErr(it, "lon", "%g: want degrees east from -180 to 180", p.Lon)
	}
	if !(p.Lat >= -90 && p.Lat <= 90) {
		l.itemErr(it, "lat", "%g: want degrees north from -90 to 90", p.Lat)
	}
	if p.Lon == 0 && p.Lat == 0 {
		l.itemErr(it, "lon", "0,0 is in the Gulf of Guinea: the coordinates are probably missing")
	}
	if p.Rank < 0 || p.Rank > 4 {
		l.itemErr(it, "rank", "%d: want 1 (capital, always labelled) to 4 (minor), or none", p.Rank)
	}
	l.checkText(it, "country", p.Country, false)
	l.checkText(it, "summary", p.Summary, false)
	l.checkImage(it, p.Image)
}

func (l *packLoader) validateSource(it *packItem, s *Source) {
	if strings.TrimSpace(s.Citation) == "" {
		l.itemErr(it, "citation", "missing: want author, title and publisher or site")
	}
	if s.URL != "" {
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			l.itemErr(it, "url", "%q: want an absolute http or https address", s.URL)
		}
	}
	if s.Accessed != "" {
		if _, err := time.Parse(time.DateOnly, s.Accessed); err != nil {
			l.itemErr(it, "accessed", "%q: want YYYY-MM-DD", s.Accessed)
		}
	}
}

// checkText checks a text field: present when required and with an English version.
// Translations into languages the pack does not list yet are allowed (they wait for the
// interface to offer that language).
func (l *packLoader) checkText(it *packItem, f string, t Text, required bool) {
	if len(t) == 0 {
		if required {
			l.itemErr(it, f, "missing")
		}
		return
	}
	if strings.TrimSpace(t[DefaultLang]) == "" {
		l.itemErr(it, f, "has no English (%q) text", DefaultLang)
	}
}

func (l *packLoader) checkAliases(it *packItem, aliases []string) {
	for i, a := range aliases {
		if strings.TrimSpace(a) == "" {
			l.itemErr(it, fmt.Sprintf("aliases[%d]", i), "empty alias")
		}
	}
}

func (l *packLoader) checkOneOf(it *packItem, f, v string, allowed []string) {
	if !containsString(allowed, v) {
		if v == "" {
			l.itemErr(it, f, "missing: want one of %s", strings.Join(allowed, ", "))
			return
		}
		l.itemErr(it, f, "%q: want one of %s", v, strings.Join(allowed, ", "))
	}
}

// checkOrder reports a start date a that begins after the end date b ends.
func (l *packLoader) checkOrder(it *packItem, fa string, a Date, fb string, b Date) {
	if !a.IsZero() && !b.IsZero() && a.First() > b.Last() {
		l.itemErr(it, fb, "%s %s is before %s %s", fb, b, fa, a)
	}
}

func (l *packLoader) checkAlt(it *packItem, f string, alt *AltDate) {
	if alt == nil {
		return
	}
	if alt.Date.IsZero() {
		l.itemErr(it, f+".date", "missing: want the date other sources give")
	}
	l.checkText(it, f+".note", alt.Note, true)
}

// checkImage checks that an image path stays inside the pack and names a readable image.
func (l *packLoader) checkImage(it *packItem, p string) {
	if p == "" {
		return
	}
	if strings.Contains(p, `\`) || !fs.ValidPath(p) || p == "." {
		l.itemErr(it, "image", "%q: want a path inside the pack such as \"images/zhukov.png\" (no \"..\", no leading \"/\", no \"\\\")", p)
		return
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".png", ".jpg", ".jpeg", ".svg":
	default:
		l.itemErr(it, "image", "%q: want a .png, .jpg or .svg image", p)
		return
	}
	// A missing or unreadable image does not stop the pack: the app shows the item's monogram
	// instead, and validate lists it as a warning.
	st, err := fs.Stat(l.fsys, p)
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		l.itemErr(it, "image", "%q cannot be read inside the pack: %v", p, cleanFSError(err)) // e.g. a link out of it
	case err != nil:
		l.itemWarn(it, "image", "%q not found in the pack: the monogram is shown", p)
	case !st.Mode().IsRegular():
		l.itemWarn(it, "image", "%q is not a regular file: the monogram is shown", p)
	case st.Size() > MaxPackFileSize:
		l.itemWarn(it, "image", "%q is %d bytes, more than the limit of %d MiB: the monogram is shown", p, st.Size(), MaxPackFileSize>>20)
	}
}

// itemWarn records something a pack author should fix that does not stop the pack loading.
func (l *packLoader) itemWarn(it *packItem, field, format string, args ...any) {
	e := &ContentError{File: it.file.name, Kind: it.ref.Kind, ID: it.ref.ID, Field: field, Msg: fmt.Sprintf(format, args...)}
	if off, ok := it.fields[rootField(field)]; ok {
		e.Line, _ = it.file.lineCol(off)
	}
	l.warnings = append(l.warnings, e.Error())
}
