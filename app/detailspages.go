package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// kindPage is how the details panel shows the items of one kind: what goes under the title,
// and the groups of related items listed after it, in order. Details.page adds the kind, the
// title, the notes and the sources, which every kind has.
type kindPage struct {
	body   func(d *Details, r timeline.Ref) []fyne.CanvasObject
	groups []linkGroup
}

// linkGroup is one list of related items on a page.
type linkGroup struct {
	kind  timeline.Kind
	title string // the heading, in English; "" for the kind's PluralLabel
}

// heading returns the group's heading in English, for lang.L to translate.
func (g linkGroup) heading() string {
	if g.title != "" {
		return g.title
	}
	return g.kind.PluralLabel()
}

// groups lists related items of each kind under the kind's own heading.
func groups(kinds ...timeline.Kind) []linkGroup {
	out := make([]linkGroup, len(kinds))
	for i, k := range kinds {
		out[i] = linkGroup{kind: k}
	}
	return out
}

// pages holds the page of every kind the panel opens. A kind without a page (a source) shows
// its title, notes and sources.
var pages = map[timeline.Kind]kindPage{
	timeline.KindEvent: {(*Details).eventBody, append([]linkGroup{{timeline.KindPerson, "Leaders"}},
		groups(timeline.KindMedal, timeline.KindPlace, timeline.KindOrganization, timeline.KindVeteran)...)},
	timeline.KindPerson: {(*Details).personBody,
		groups(timeline.KindEvent, timeline.KindMedal, timeline.KindOrganization, timeline.KindPerson, timeline.KindVeteran)},
	timeline.KindMedal: {(*Details).medalBody,
		groups(timeline.KindEvent, timeline.KindVeteran, timeline.KindPerson)},
	timeline.KindPlace: {(*Details).placeBody,
		groups(timeline.KindEvent, timeline.KindPerson)},
	timeline.KindOrganization: {(*Details).organizationBody,
		groups(timeline.KindEvent, timeline.KindPerson, timeline.KindOrganization, timeline.KindVeteran)},
	timeline.KindVeteran: {(*Details).veteranBody,
		groups(timeline.KindEvent, timeline.KindMedal, timeline.KindOrganization, timeline.KindPerson, timeline.KindVeteran)},
}

func (d *Details) eventBody(r timeline.Ref) []fyne.CanvasObject {
	e := d.cat.Event(r.ID)
	objs := []fyne.CanvasObject{strong(timeline.HumanRange(e.Start, e.End) + precisionNote(e.Start, e.End))}
	return append(objs, d.textBlocks(e.Summary, e.Body)...)
}

func (d *Details) personBody(r timeline.Ref) []fyne.CanvasObject {
	p := d.cat.Person(r.ID)
	objs := []fyne.CanvasObject{portrait(d.cat, r, p.Image, p.Name.In(d.lang), 200, 240)}
	if len(p.Aliases) > 0 {
		objs = append(objs, muted(lang.L("Also")+": "+strings.Join(p.Aliases, ", ")))
	}
	objs = append(objs, strong(lifeSpan(p)))
	for _, alt := range []*timeline.AltDate{p.BornAlt, p.DiedAlt} {
		if alt != nil {
			objs = append(objs, para(fmt.Sprintf(lang.L("Other sources: %s. %s"), alt.Date.Human(), alt.Note.In(d.lang))))
		}
	}
	for _, role := range p.Roles {
		objs = append(objs, para("• "+role.Title.In(d.lang)+spanSuffix(role.From, role.To)))
	}
	return append(objs, d.textBlocks(p.Summary, p.Bio)...)
}

func (d *Details) medalBody(r timeline.Ref) []fyne.CanvasObject {
	m := d.cat.Medal(r.ID)
	var objs []fyne.CanvasObject
	if m.Ribbon != nil && len(m.Ribbons) == 0 {
		objs = append(objs, NewRibbon(*m.Ribbon, 96))
	}
	for _, nr := range m.Ribbons {
		objs = append(objs, container.NewHBox(NewRibbon(nr.Ribbon, 72), widget.NewLabel(nr.Class.In(d.lang))))
	}
	if !m.Established.IsZero() {
		objs = append(objs, strong(lang.L("Established")+" "+m.Established.Human()))
	}
	return append(objs, d.textBlocks(m.Criteria, m.Description)...)
}

func (d *Details) placeBody(r timeline.Ref) []fyne.CanvasObject {
	p := d.cat.Place(r.ID)
	objs := []fyne.CanvasObject{strong(fmt.Sprintf("%s · %.2f°%s %.2f°%s", p.Type, abs(p.Lat), ns(p.Lat), abs(p.Lon), ew(p.Lon)))}
	for _, n := range p.Names {
		objs = append(objs, para("• "+n.Name.In(d.lang)+spanSuffix(n.From, n.To)))
	}
	if s := p.Modern.In(d.lang); s != "" && s != p.Name.In(d.lang) {
		objs = append(objs, para(lang.L("Today")+": "+s))
	}
	objs = append(objs, d.textBlocks(p.Summary, nil)...)
	return append(objs, d.occupation(p)...)
}

func (d *Details) organizationBody(r timeline.Ref) []fyne.CanvasObject {
	o := d.cat.Organization(r.ID)
	var objs []fyne.CanvasObject
	if !o.Founded.IsZero() {
		objs = append(objs, strong(timeline.HumanRange(o.Founded, o.Dissolved)))
	}
	return append(objs, d.textBlocks(o.Summary, o.Body)...)
}

func (d *Details) veteranBody(r timeline.Ref) []fyne.CanvasObject {
	v := d.cat.Veteran(r.ID)
	objs := []fyne.CanvasObject{portrait(d.cat, r, v.Image, v.Name.In(d.lang), 200, 240), strong(v.Service.In(d.lang))}
	return append(objs, d.textBlocks(v.Summary, nil)...)
}
