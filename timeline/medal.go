package timeline

import (
	"fmt"
	"math"
)

// Medal is an order, medal or title of honour.
type Medal struct {
	ID          string   `json:"id"`
	Name        Text     `json:"name"`
	Aliases     []string `json:"aliases,omitempty"`
	Type        string   `json:"type"` // "order", "medal" or "title"
	Established Date     `json:"established"`
	Criteria    Text     `json:"criteria"`
	Description Text     `json:"description,omitempty"`
	Ribbon      *Ribbon  `json:"ribbon,omitempty"`
	// Ribbons holds the ribbon of each class where classes differ (Order of the Patriotic War).
	Ribbons []NamedRibbon `json:"ribbons,omitempty"`
	Events  []string      `json:"events,omitempty"` // events it was awarded for
	Image   string        `json:"image,omitempty"`
	Cited
}

// Stripe is one vertical band of a ribbon, listed from the left edge.
type Stripe struct {
	MM    float64 `json:"mm"`    // width in millimetres
	Color string  `json:"color"` // "#rrggbb"
}

// Ribbon is the ribbon of a medal or order as a list of stripes, edge to edge.
type Ribbon struct {
	WidthMM float64  `json:"width_mm"` // total width; the stripes must add up to it
	Stripes []Stripe `json:"stripes"`
	Note    Text     `json:"note,omitempty"` // e.g. "stripe widths approximate"
}

// NamedRibbon is the ribbon of one class of an award.
type NamedRibbon struct {
	Class Text `json:"class"`
	Ribbon
}

// medalTypes are the types of award a pack may give.
var medalTypes = []string{"order", "medal", "title"}

// ribbonTolerance is how far, in millimetres, the stripes of a ribbon may add up away from its width.
const ribbonTolerance = 0.05

// Ref returns the award's kind and id.
func (m *Medal) Ref() Ref { return Ref{KindMedal, m.ID} }

// NameIn returns the award's name in lang, falling back to English.
func (m *Medal) NameIn(lang string) string { return m.Name.In(lang) }

// Links returns the events the award was given for, and its sources.
func (m *Medal) Links() []Link {
	var l linkList
	l.add("events", KindEvent, m.Events...)
	return l.cites(m.Cited)
}

func (m *Medal) index(n nameIndexer) {
	n.text(m.Name, true)
	n.aliases(m.Aliases)
}

func (m *Medal) image() string { return m.Image }

func (m *Medal) searchWeight() int { return 3 }

// Headline implements Item: an award's criteria stand for its summary.
func (m *Medal) Headline() []FieldText {
	return []FieldText{{"name", m.Name}, {"criteria", m.Criteria}}
}

func (m *Medal) prose() []prose {
	return []prose{{"criteria", m.Criteria}, {"description", m.Description}}
}

func (m *Medal) check(c *itemCheck) {
	c.text("name", m.Name, true)
	c.aliases(m.Aliases)
	c.oneOf("type", m.Type, medalTypes)
	if m.Established.IsZero() {
		c.errf("established", "missing: want the date the award was established")
	}
	c.text("criteria", m.Criteria, true)
	c.text("description", m.Description, false)
	if m.Ribbon != nil {
		checkRibbon(c, "ribbon", m.Ribbon)
	}
	for i := range m.Ribbons {
		f := fmt.Sprintf("ribbons[%d]", i)
		c.text(f+".class", m.Ribbons[i].Class, true)
		checkRibbon(c, f, &m.Ribbons[i].Ribbon)
	}
	c.image(m.Image)
	c.cited(m.Cited)
}

// checkRibbon checks that a ribbon has stripes of positive width and #rrggbb colour that add
// up to its width.
func checkRibbon(c *itemCheck, f string, r *Ribbon) {
	if !(r.WidthMM > 0 && r.WidthMM <= 100) {
		c.errf(f+".width_mm", "%g: want a width in millimetres, above 0 and at most 100", r.WidthMM)
	}
	if len(r.Stripes) == 0 {
		c.errf(f+".stripes", "missing: a ribbon needs at least one stripe")
		return
	}
	sum := 0.0
	for i, s := range r.Stripes {
		if !(s.MM > 0) {
			c.errf(fmt.Sprintf("%s.stripes[%d].mm", f, i), "%g: want a width above 0", s.MM)
		}
		if !validColor(s.Color) {
			c.errf(fmt.Sprintf("%s.stripes[%d].color", f, i), "colour %q: want \"#rrggbb\"", s.Color)
		}
		sum += s.MM
	}
	if math.Abs(sum-r.WidthMM) > ribbonTolerance {
		c.errf(f+".stripes", "the stripes add up to %.2f mm, but width_mm is %g", sum, r.WidthMM)
	}
	c.text(f+".note", r.Note, false)
}

// Medals returns every medal, order and title in pack order.
func (c *Catalog) Medals() []*Medal { return itemsOf[*Medal](c, KindMedal) }

// Medal returns the medal, order or title with id, or nil.
func (c *Catalog) Medal(id string) *Medal { return lookup[*Medal](c, KindMedal, id) }
