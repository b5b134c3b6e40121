package timeline

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"frontline-atlas/internal/packfs"
)

// This file checks a decoded pack: ids, links and the pack description here, and through
// itemCheck the fields of each kind, which its own file checks (Event.check, Person.check, …).

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

// packIDs is what items are checked against from pack.json: its lanes and theatres.
type packIDs struct {
	info *PackInfo
	// lanes and theatres are the ids pack.json declares; nil when it could not be read, so
	// that categories and theatres are not checked.
	lanes, theatres map[string]bool
}

// validate checks every item of c and the pack description.
func (l *packLoader) validate(c *Catalog) {
	check := &itemCheck{l: l, pack: l.validateInfo()}
	for _, it := range l.items {
		if l.first[it.ref] != it {
			continue // a duplicate or an item without id, already reported
		}
		l.validateLinks(c, it)
		check.it = it
		it.value.check(check)
	}
}

// validateInfo checks pack.json and returns the ids it declares.
func (l *packLoader) validateInfo() packIDs {
	pack := packIDs{info: &l.info}
	if l.infoItem == nil {
		return pack
	}
	c := &itemCheck{l: l, it: l.infoItem}
	info := &l.info
	c.text("name", info.Name, true)
	if info.Version == "" {
		c.errf("version", "missing: want a version such as \"1.0.0\"")
	}
	if len(info.Languages) > 0 && !containsString(info.Languages, DefaultLang) {
		c.errf("languages", "must include %q: every text has an English version", DefaultLang)
	}
	pack.lanes, pack.theatres = map[string]bool{}, map[string]bool{}
	if len(info.Lanes) == 0 {
		c.errf("lanes", "missing: a pack needs at least one lane (the categories of events)")
	}
	for i, ln := range info.Lanes {
		f := fmt.Sprintf("lanes[%d]", i)
		c.idName(f, ln.ID, ln.Name, pack.lanes)
		if ln.Color != "" && !validColor(ln.Color) {
			c.errf(f+".color", "colour %q: want \"#rrggbb\"", ln.Color)
		}
	}
	for i, th := range info.Theatres {
		c.idName(fmt.Sprintf("theatres[%d]", i), th.ID, th.Name, pack.theatres)
	}
	fronts := map[string]bool{}
	for i, th := range info.FrontTheatres {
		c.idName(fmt.Sprintf("front_theatres[%d]", i), th.ID, th.Name, fronts)
	}
	return pack
}

// validateLinks reports every link of an item that names no item of the pack.
func (l *packLoader) validateLinks(c *Catalog, it *packItem) {
	if l.truncated {
		return
	}
	for _, ln := range it.value.Links() {
		if !c.Exists(ln.To) && !l.broken[ln.To] {
			if l.full() {
				l.more++
				continue
			}
			l.itemErr(it, ln.Field, "%s %q not found%s", ln.To.Kind, ln.To.ID, l.suggestID(c, ln.To))
		}
	}
}

// itemCheck checks the fields of one item (or of the pack description) and reports each
// problem against the item and the field, at the field's line.
type itemCheck struct {
	l    *packLoader
	it   *packItem
	pack packIDs
}

// errf reports a problem with field f of the item.
func (c *itemCheck) errf(f, format string, args ...any) { c.l.itemErr(c.it, f, format, args...) }

// idName checks the id and name of a lane or theatre; seen collects the ids.
func (c *itemCheck) idName(f, id string, name Text, seen map[string]bool) {
	switch {
	case id == "":
		c.errf(f+".id", "missing")
	case !ValidID(id):
		c.errf(f+".id", "%q: want %s", id, IDRule)
	case seen[id]:
		c.errf(f+".id", "duplicate id %q", id)
	}
	seen[id] = true
	c.text(f+".name", name, true)
}

// text checks a text field: present when required and with an English version.
// Translations into languages the pack does not list yet are allowed (they wait for the
// interface to offer that language).
func (c *itemCheck) text(f string, t Text, required bool) {
	if len(t) == 0 {
		if required {
			c.errf(f, "missing")
		}
		return
	}
	if strings.TrimSpace(t[DefaultLang]) == "" {
		c.errf(f, "has no English (%q) text", DefaultLang)
	}
}

// cited checks that an item cites a source, and its notes.
func (c *itemCheck) cited(x Cited) {
	if len(x.Sources) == 0 {
		c.errf("sources", "missing: every item cites at least one source id")
	}
	c.text("notes", x.Notes, false)
}

func (c *itemCheck) aliases(aliases []string) {
	for i, a := range aliases {
		if strings.TrimSpace(a) == "" {
			c.errf(fmt.Sprintf("aliases[%d]", i), "empty alias")
		}
	}
}

func (c *itemCheck) oneOf(f, v string, allowed []string) {
	if !containsString(allowed, v) {
		if v == "" {
			c.errf(f, "missing: want one of %s", strings.Join(allowed, ", "))
			return
		}
		c.errf(f, "%q: want one of %s", v, strings.Join(allowed, ", "))
	}
}

// order reports a start date a that begins after the end date b ends.
func (c *itemCheck) order(fa string, a Date, fb string, b Date) {
	if !a.IsZero() && !b.IsZero() && a.First() > b.Last() {
		c.errf(fb, "%s %s is before %s %s", fb, b, fa, a)
	}
}

func (c *itemCheck) alt(f string, alt *AltDate) {
	if alt == nil {
		return
	}
	if alt.Date.IsZero() {
		c.errf(f+".date", "missing: want the date other sources give")
	}
	c.text(f+".note", alt.Note, true)
}

// image checks that an image path stays inside the pack and names a readable image.
func (c *itemCheck) image(p string) {
	if p == "" {
		return
	}
	if strings.Contains(p, `\`) || !fs.ValidPath(p) || p == "." {
		c.errf("image", "%q: want a path inside the pack such as \"images/zhukov.png\" (no \"..\", no leading \"/\", no \"\\\")", p)
		return
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".png", ".jpg", ".jpeg", ".svg":
	default:
		c.errf("image", "%q: want a .png, .jpg or .svg image", p)
		return
	}
	// A missing or unreadable image does not stop the pack: the app shows the item's monogram
	// instead, and validate lists it as a warning. A link out of the pack is an error.
	st, err := c.l.fsys.Stat(p)
	switch {
	case errors.Is(err, packfs.ErrOutside):
		c.errf("image", "%q is a symbolic link that leads out of the pack: copy the image into the pack", p)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		c.errf("image", "%q cannot be read inside the pack: %v", p, cleanFSError(err))
	case err != nil:
		c.warnf("image", "%q not found in the pack: the monogram is shown", p)
	case !st.Mode().IsRegular():
		c.warnf("image", "%q is not a regular file: the monogram is shown", p)
	case st.Size() > MaxPackFileSize:
		c.warnf("image", "%q is %d bytes, more than the limit of %s: the monogram is shown", p, st.Size(), packfs.FormatSize(MaxPackFileSize))
	case strings.EqualFold(path.Ext(p), ".svg"):
		c.warnf("image", "%q: SVG images are not shown yet: the monogram is shown (use PNG or JPEG)", p)
	default:
		if _, _, err := ImageConfig(c.l.fsys, p); err != nil {
			c.warnf("image", "%q: %v: the monogram is shown", p, err)
		}
	}
}

// warnf records something a pack author should fix that does not stop the pack loading.
func (c *itemCheck) warnf(field, format string, args ...any) {
	it := c.it
	e := &ContentError{File: it.file.name, Kind: it.ref.Kind, ID: it.ref.ID, Field: field, Msg: fmt.Sprintf(format, args...), item: it}
	if off, ok := it.offsetOf(field); ok {
		e.Line, _ = it.file.lineCol(off)
	}
	e.describe()
	c.l.warnings = append(c.l.warnings, e.Error())
}
