package timeline

import "fmt"

// Person is a leader or other named figure.
type Person struct {
	ID            string   `json:"id"`
	Name          Text     `json:"name"`
	Aliases       []string `json:"aliases,omitempty"`
	Born          Date     `json:"born"`
	BornAlt       *AltDate `json:"born_alt,omitempty"`
	BornPlace     Text     `json:"born_place,omitempty"`
	Died          Date     `json:"died,omitempty"`
	DiedAlt       *AltDate `json:"died_alt,omitempty"`
	Nationality   Text     `json:"nationality,omitempty"`
	Roles         []Role   `json:"roles,omitempty"`
	Summary       Text     `json:"summary"`
	Bio           Text     `json:"bio,omitempty"`
	Organizations []string `json:"organizations,omitempty"`
	Medals        []string `json:"medals,omitempty"`
	Image         string   `json:"image,omitempty"` // path inside the pack, e.g. "images/zhukov.png"
	Cited
}

// AltDate is a date that other sources give instead, with why.
type AltDate struct {
	Date Date `json:"date"`
	Note Text `json:"note"`
}

// Role is a rank, post or role held over a span of time.
type Role struct {
	Title Text `json:"title"`
	From  Date `json:"from,omitempty"`
	To    Date `json:"to,omitempty"`
}

// Ref returns the person's kind and id.
func (p *Person) Ref() Ref { return Ref{KindPerson, p.ID} }

// NameIn returns the person's name in lang, falling back to English.
func (p *Person) NameIn(lang string) string { return p.Name.In(lang) }

// Links returns the organizations, awards and sources of the person.
func (p *Person) Links() []Link {
	var l linkList
	l.add("organizations", KindOrganization, p.Organizations...)
	l.add("medals", KindMedal, p.Medals...)
	return l.cites(p.Cited)
}

func (p *Person) index(n nameIndexer) {
	n.text(p.Name, true)
	n.aliases(p.Aliases)
}

func (p *Person) image() string { return p.Image }

// searchWeight: a person named in a query is what was asked for ("Zhukov").
func (p *Person) searchWeight() int { return 5 }

// Headline implements Item.
func (p *Person) Headline() []FieldText { return []FieldText{{"name", p.Name}, {"summary", p.Summary}} }

func (p *Person) prose() []prose { return []prose{{"summary", p.Summary}, {"bio", p.Bio}} }

func (p *Person) check(c *itemCheck) {
	c.text("name", p.Name, true)
	c.aliases(p.Aliases)
	if p.Born.IsZero() {
		c.errf("born", "missing: want a birth date such as \"1896-12-01\" (\"~1896\" if approximate)")
	}
	c.order("born", p.Born, "died", p.Died)
	c.alt("born_alt", p.BornAlt)
	c.alt("died_alt", p.DiedAlt)
	c.text("born_place", p.BornPlace, false)
	c.text("nationality", p.Nationality, false)
	for i, r := range p.Roles {
		f := fmt.Sprintf("roles[%d]", i)
		c.text(f+".title", r.Title, true)
		c.order(f+".from", r.From, f+".to", r.To)
	}
	c.text("summary", p.Summary, true)
	c.text("bio", p.Bio, false)
	c.image(p.Image)
	c.cited(p.Cited)
}

// People returns every person in pack order.
func (c *Catalog) People() []*Person { return itemsOf[*Person](c, KindPerson) }

// Person returns the person with id, or nil.
func (c *Catalog) Person(id string) *Person { return lookup[*Person](c, KindPerson, id) }
