package timeline

// Organization is an organization or movement: an army, a secret police, a partisan movement.
type Organization struct {
	ID        string   `json:"id"`
	Name      Text     `json:"name"`
	Aliases   []string `json:"aliases,omitempty"`
	Type      string   `json:"type"` // military, security, political, resistance, government, international, collaborationist
	Founded   Date     `json:"founded,omitempty"`
	Dissolved Date     `json:"dissolved,omitempty"`
	Summary   Text     `json:"summary"`
	Body      Text     `json:"body,omitempty"`
	Parent    string   `json:"parent,omitempty"`    // an Organization id
	Successor string   `json:"successor,omitempty"` // an Organization id
	People    []string `json:"people,omitempty"`    // leaders
	Image     string   `json:"image,omitempty"`
	Cited
}

// organizationTypes are the types of organization a pack may give.
var organizationTypes = []string{"military", "security", "political", "resistance", "government",
	"international", "collaborationist"}

// Ref returns the organization's kind and id.
func (o *Organization) Ref() Ref { return Ref{KindOrganization, o.ID} }

// NameIn returns the organization's name in lang, falling back to English.
func (o *Organization) NameIn(lang string) string { return o.Name.In(lang) }

// Links returns the parent, the successor, the leaders and the sources of the organization.
func (o *Organization) Links() []Link {
	var l linkList
	l.add("parent", KindOrganization, o.Parent)
	l.add("successor", KindOrganization, o.Successor)
	l.add("people", KindPerson, o.People...)
	return l.cites(o.Cited)
}

func (o *Organization) index(n nameIndexer) {
	n.text(o.Name, true)
	n.aliases(o.Aliases)
}

func (o *Organization) image() string { return o.Image }

func (o *Organization) searchWeight() int { return 3 }

// Headline implements Item.
func (o *Organization) Headline() []FieldText {
	return []FieldText{{"name", o.Name}, {"summary", o.Summary}}
}

func (o *Organization) prose() []prose {
	return []prose{{"summary", o.Summary}, {"body", o.Body}}
}

func (o *Organization) check(c *itemCheck) {
	c.text("name", o.Name, true)
	c.aliases(o.Aliases)
	c.oneOf("type", o.Type, organizationTypes)
	c.order("founded", o.Founded, "dissolved", o.Dissolved)
	c.text("summary", o.Summary, true)
	c.text("body", o.Body, false)
	if o.Parent == o.ID {
		c.errf("parent", "an organization cannot be its own parent")
	}
	if o.Successor == o.ID {
		c.errf("successor", "an organization cannot be its own successor")
	}
	c.image(o.Image)
	c.cited(o.Cited)
}

// Organizations returns every organization in pack order.
func (c *Catalog) Organizations() []*Organization {
	return itemsOf[*Organization](c, KindOrganization)
}

// Organization returns the organization with id, or nil.
func (c *Catalog) Organization(id string) *Organization {
	return lookup[*Organization](c, KindOrganization, id)
}
