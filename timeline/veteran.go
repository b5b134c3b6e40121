package timeline

// Veteran is a veteran whose interview the source archive holds.
type Veteran struct {
	ID            string   `json:"id"`
	Name          Text     `json:"name"`
	Aliases       []string `json:"aliases,omitempty"`
	Born          Date     `json:"born,omitempty"`
	Died          Date     `json:"died,omitempty"`
	Service       Text     `json:"service"` // role in the war: "surgeon", "tank crew"
	Summary       Text     `json:"summary"`
	Organizations []string `json:"organizations,omitempty"`
	Medals        []string `json:"medals,omitempty"`
	Image         string   `json:"image,omitempty"`
	Cited
}

// Ref returns the veteran's kind and id.
func (v *Veteran) Ref() Ref { return Ref{KindVeteran, v.ID} }

// NameIn returns the veteran's name in lang, falling back to English.
func (v *Veteran) NameIn(lang string) string { return v.Name.In(lang) }

// Links returns the organizations, awards and sources of the veteran.
func (v *Veteran) Links() []Link {
	var l linkList
	l.add("organizations", KindOrganization, v.Organizations...)
	l.add("medals", KindMedal, v.Medals...)
	return l.cites(v.Cited)
}

func (v *Veteran) index(n nameIndexer) {
	n.text(v.Name, true)
	n.aliases(v.Aliases)
}

func (v *Veteran) image() string { return v.Image }

func (v *Veteran) searchWeight() int { return 3 }

// Headline implements Item.
func (v *Veteran) Headline() []FieldText {
	return []FieldText{{"name", v.Name}, {"service", v.Service}, {"summary", v.Summary}}
}

func (v *Veteran) prose() []prose {
	return []prose{{"service", v.Service}, {"summary", v.Summary}}
}

func (v *Veteran) check(c *itemCheck) {
	c.text("name", v.Name, true)
	c.aliases(v.Aliases)
	c.order("born", v.Born, "died", v.Died)
	c.text("service", v.Service, true)
	c.text("summary", v.Summary, true)
	c.image(v.Image)
	c.cited(v.Cited)
}

// Veterans returns every veteran in pack order.
func (c *Catalog) Veterans() []*Veteran { return itemsOf[*Veteran](c, KindVeteran) }

// Veteran returns the veteran with id, or nil.
func (c *Catalog) Veteran(id string) *Veteran { return lookup[*Veteran](c, KindVeteran, id) }
