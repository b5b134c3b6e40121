package app

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// Details is the side panel that shows the selected item and its links. Every link is a Link
// that opens the linked item through the State, so navigation is recorded in history; Tab
// reaches each link in turn. The web address of a source is a link too, the one thing in the
// app that opens something from the network: in the system's browser, and only when pressed.
type Details struct {
	cat   *timeline.Catalog
	open  func(timeline.Ref)
	lang  string
	box   *fyne.Container
	view  *container.Scroll
	shown timeline.Ref

	// Links holds the links to items of the page shown, keyed by "kind:id", so tests can tap
	// them.
	Links map[string]*Link
	// SourceLinks holds the links to the web pages of the page's sources, keyed by source id.
	SourceLinks map[string]*Link
	// OpenURL opens a web address in the system's browser (fyne.App.OpenURL; tests record
	// instead). Only a source link calls it.
	OpenURL func(*url.URL) error
	// Title is the heading of the page shown.
	Title *widget.Label
	// Held returns the periods (days since 1970) during which a point (degrees) was behind the
	// Axis line, derived from the fronts; nil when there are no fronts.
	Held func(lon, lat float64) geo.HeldHistory
}

// NewDetails makes the panel. open is called with the item a link points to.
func NewDetails(cat *timeline.Catalog, open func(timeline.Ref)) *Details {
	d := &Details{cat: cat, open: open, lang: contentLanguage(), OpenURL: openInBrowser}
	d.Title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.Title.Wrapping = fyne.TextWrapWord
	d.Title.SizeName = theme.SizeNameSubHeadingText
	d.box = container.NewVBox()
	d.view = container.NewVScroll(d.box)
	d.Show(timeline.Ref{})
	return d
}

// Object returns the panel's canvas object.
func (d *Details) Object() fyne.CanvasObject { return d.view }

// SetCatalog replaces the catalog (after a content pack was reloaded) and redraws.
func (d *Details) SetCatalog(cat *timeline.Catalog) {
	d.cat = cat
	d.Show(d.shown)
}

// Shown returns the item the panel shows.
func (d *Details) Shown() timeline.Ref { return d.shown }

// Show replaces the panel's content with the page of r; the zero Ref shows the welcome page.
func (d *Details) Show(r timeline.Ref) {
	d.shown = r
	d.Links, d.SourceLinks = map[string]*Link{}, map[string]*Link{}
	var objs []fyne.CanvasObject
	switch {
	case r == timeline.Ref{} || d.cat == nil || !d.cat.Exists(r):
		objs = d.welcome()
	default:
		objs = d.page(r)
	}
	d.box.Objects = objs
	d.box.Refresh()
	d.view.ScrollToTop()
}

func (d *Details) welcome() []fyne.CanvasObject {
	d.Title.SetText(lang.L("Frontline Atlas"))
	intro := para(lang.L("The Soviet side of the Second World War, 1936–1953, on a map and a timeline. Tap an event on the timeline or a place on the map, or search above. Every leader, medal, place, organization and veteran links back to its events."))
	objs := []fyne.CanvasObject{d.Title, intro}
	if d.cat != nil {
		counts := d.cat.Counts()
		objs = append(objs, para(fmt.Sprintf(lang.L("%d events · %d people · %d awards · %d places · %d organizations · %d veterans"),
			counts[timeline.KindEvent], counts[timeline.KindPerson], counts[timeline.KindMedal],
			counts[timeline.KindPlace], counts[timeline.KindOrganization], counts[timeline.KindVeteran])))
	}
	return objs
}

// contentLanguage is the language content is shown in: the interface language chosen in the
// settings, or else the system's, where the pack has a translation of a text, else English
// (Text.In falls back).
func contentLanguage() string {
	if uiLanguage != "" {
		return uiLanguage
	}
	if l := lang.SystemLocale().LanguageString(); l != "" {
		return l
	}
	return timeline.DefaultLang
}

// page shows the item r: its kind and name, what the page of its kind shows (detailspages.go),
// the related items of each group the page lists, then the notes and the sources it cites.
func (d *Details) page(r timeline.Ref) []fyne.CanvasObject {
	item := d.cat.Item(r)
	d.Title.SetText(item.NameIn(d.lang))
	objs := []fyne.CanvasObject{muted(strings.ToUpper(lang.L(r.Kind.Label()))), d.Title}
	pg := pages[r.Kind]
	if pg.body != nil {
		objs = append(objs, pg.body(d, r)...)
	}
	for _, g := range pg.groups {
		refs := d.cat.Related(r, g.kind)
		if len(refs) == 0 {
			continue
		}
		objs = append(objs, widget.NewSeparator(), heading(lang.L(g.heading())))
		objs = append(objs, d.linkList(refs)...)
	}
	cited := item.Citations()
	if s := cited.Notes.In(d.lang); s != "" {
		objs = append(objs, widget.NewSeparator(), heading(lang.L("Notes on the source")), para(s))
	}
	if len(cited.Sources) > 0 {
		objs = append(objs, widget.NewSeparator(), heading(lang.L("Sources")))
		for _, id := range cited.Sources {
			if s := d.cat.Source(id); s != nil {
				objs = append(objs, small(s.Citation))
				if l := d.sourceLink(s); l != nil {
					objs = append(objs, l)
				}
			}
		}
	}
	return objs
}

// occupation lists the periods a place was held by the Axis or another adversary of the USSR
// (Finland in the Winter War, Japan), as the fronts give them, and says where the fronts begin
// or end at the place rather than passing that off as a liberation or an occupation.
func (d *Details) occupation(p *timeline.Place) []fyne.CanvasObject {
	if d.Held == nil || p.Type == "country" || p.Type == "region" || p.Type == "sea" {
		return nil
	}
	h := d.Held(p.Lon, p.Lat)
	objs := []fyne.CanvasObject{widget.NewSeparator(), heading(lang.L("Held by the USSR's adversaries"))}
	switch {
	case !h.Covered:
		return append(objs, para(lang.L("The front lines of this atlas do not reach this place.")))
	case len(h.Periods) == 0:
		return append(objs, para(lang.L("Never, by the front lines of this atlas.")))
	}
	day := func(d int) string { return timeline.Day(d).Date().Human() }
	for _, r := range h.Periods {
		objs = append(objs, strong(timeline.HumanRange(timeline.Day(r.From).Date(), timeline.Day(r.To).Date())))
		if r.OpenStart {
			objs = append(objs, small(fmt.Sprintf(lang.L("Already held when the front lines of this atlas reach it, on %s."), day(r.From))))
		}
		if r.OpenEnd {
			objs = append(objs, small(fmt.Sprintf(lang.L("Still held when the front lines of this atlas end here, on %s."), day(r.To))))
		}
	}
	return append(objs, small(lang.L("Derived from the front lines: exact to within the spacing of their keyframes (see docs/fronts.md).")))
}

func (d *Details) linkList(refs []timeline.Ref) []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(refs))
	for _, ref := range refs {
		ref := ref
		text := d.name(ref)
		if ref.Kind == timeline.KindEvent {
			if e := d.cat.Event(ref.ID); e != nil {
				text = e.Start.Human() + " · " + text
			}
		}
		h := newLink(text, func() { d.open(ref) })
		h.onFocus = d.reveal
		d.Links[string(ref.Kind)+":"+ref.ID] = h
		objs = append(objs, h)
	}
	return objs
}

// sourceLink returns the link to a source's web page, or nil when it has none. Only an absolute
// http or https address is a link (the loader refuses others; this checks again).
func (d *Details) sourceLink(s *timeline.Source) *Link {
	u, err := url.Parse(s.URL)
	if s.URL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	l := newLink(s.URL, func() {
		if err := d.OpenURL(u); err != nil {
			logf("opening %s: %v", u, err)
		}
	})
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapBreak // an address has no spaces to wrap at
	l.onFocus = d.reveal
	d.SourceLinks[s.ID] = l
	return l
}

// openInBrowser hands a web address to the system's browser: the one place the app gives
// anything to the network (docs/accessibility.md, "Links").
func openInBrowser(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }

// reveal scrolls the panel so that o, one of its rows, is wholly in view (a link the keyboard
// moved to below or above the fold).
func (d *Details) reveal(o fyne.CanvasObject) {
	y, h := o.Position().Y, o.Size().Height
	off, view := d.view.Offset.Y, d.view.Size().Height
	switch {
	case y < off:
		off = y
	case y+h > off+view:
		off = y + h - view
	default:
		return
	}
	d.view.ScrollToOffset(fyne.NewPos(0, off))
}

// name returns an item's name in the content language where the pack has it.
func (d *Details) name(r timeline.Ref) string { return d.cat.NameIn(r, d.lang) }

func (d *Details) textBlocks(texts ...timeline.Text) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, t := range texts {
		if s := t.In(d.lang); s != "" {
			objs = append(objs, para(s))
		}
	}
	return objs
}

// precisionNote says how precisely the dates are known: " · to the day", " · to the month",
// " · to the year", or " · approximate".
func precisionNote(start, end timeline.Date) string {
	if start.Approximate || end.Approximate {
		return " · " + lang.L("approximate")
	}
	p := start.Precision
	if !end.IsZero() && end.Precision < p {
		p = end.Precision
	}
	switch p {
	case timeline.PrecisionDay:
		return " · " + lang.L("to the day")
	case timeline.PrecisionMonth:
		return " · " + lang.L("to the month")
	case timeline.PrecisionYear:
		return " · " + lang.L("to the year")
	}
	return ""
}

func lifeSpan(p *timeline.Person) string {
	s := p.Born.Human()
	if p.Died.IsZero() {
		return lang.L("Born") + " " + s
	}
	return s + " – " + p.Died.Human()
}

func spanSuffix(from, to timeline.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero():
		return " (" + lang.L("from") + " " + from.Human() + ")"
	case from.IsZero():
		return " (" + lang.L("until") + " " + to.Human() + ")"
	}
	return " (" + timeline.HumanRange(from, to) + ")"
}

func para(s string) fyne.CanvasObject {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func strong(s string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func heading(s string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// muted is secondary text that must still be read (the kind above a title, "Also:"): in the
// theme's muted colour, which keeps 4.5:1 (Fyne's low-importance labels are drawn in the
// colour of disabled controls, 1.3:1 in the light theme).
func muted(s string) fyne.CanvasObject {
	r := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{ColorName: ColorNameMutedText}})
	r.Wrapping = fyne.TextWrapWord
	return r
}

func small(s string) fyne.CanvasObject {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func ns(lat float64) string {
	if lat < 0 {
		return "S"
	}
	return "N"
}

func ew(lon float64) string {
	if lon < 0 {
		return "W"
	}
	return "E"
}
