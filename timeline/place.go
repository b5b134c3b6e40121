package timeline

import "fmt"

// Place is a located place: a city, a battlefield, a region, a river or lake, a country.
type Place struct {
	ID      string      `json:"id"`
	Name    Text        `json:"name"`            // the name used in 1936–1953
	Names   []PlaceName `json:"names,omitempty"` // period names (Königsberg until 1946, then Kaliningrad)
	Modern  Text        `json:"modern,omitempty"`
	Aliases []string    `json:"aliases,omitempty"` // other spellings: Kiev/Kyiv, Konigsberg
	Type    string      `json:"type"`              // city, town, battlefield, camp, region, country, river, lake, sea
	Lon     float64     `json:"lon"`               // degrees east, WGS84
	Lat     float64     `json:"lat"`               // degrees north, WGS84
	// Rank from 1 (capital, always labelled) to 4 (minor) decides label priority on the map.
	Rank    int    `json:"rank,omitempty"`
	Country Text   `json:"country,omitempty"` // country in 1938 terms, for the details panel
	Summary Text   `json:"summary,omitempty"`
	Image   string `json:"image,omitempty"`
	Cited
}

// PlaceName is a name a place bore over a span of time.
type PlaceName struct {
	Name Text `json:"name"`
	From Date `json:"from,omitempty"`
	To   Date `json:"to,omitempty"`
}

// placeTypes are the types of place a pack may give.
var placeTypes = []string{"city", "town", "village", "battlefield", "camp", "site", "region",
	"country", "river", "lake", "sea", "island", "peninsula", "mountain", "bay", "strait"}

// Ref returns the place's kind and id.
func (p *Place) Ref() Ref { return Ref{KindPlace, p.ID} }

// NameIn returns the place's name in 1936–1953 in lang, falling back to English.
func (p *Place) NameIn(lang string) string { return p.Name.In(lang) }

// Links returns the sources of the place: events link to places, not the other way.
func (p *Place) Links() []Link { return linkList(nil).cites(p.Cited) }

// index adds the name, the period names, the modern name and the aliases: "Volgograd" and
// "Tsaritsyn" find Stalingrad.
func (p *Place) index(n nameIndexer) {
	n.text(p.Name, true)
	for _, x := range p.Names {
		n.text(x.Name, false)
	}
	n.text(p.Modern, false)
	n.aliases(p.Aliases)
}

func (p *Place) image() string { return p.Image }

// searchWeight: rank 1 (a capital) weighs 5, rank 4 (a minor place) 2; no rank counts as 3.
func (p *Place) searchWeight() int {
	if p.Rank < 1 || p.Rank > 4 {
		return 3
	}
	return 6 - p.Rank
}

// Headline implements Item; a place without a summary (a river, a sea) has its name only.
func (p *Place) Headline() []FieldText {
	if len(p.Summary) == 0 {
		return []FieldText{{"name", p.Name}}
	}
	return []FieldText{{"name", p.Name}, {"summary", p.Summary}}
}

func (p *Place) prose() []prose { return []prose{{"summary", p.Summary}} }

func (p *Place) check(c *itemCheck) {
	c.text("name", p.Name, true)
	c.aliases(p.Aliases)
	for i, n := range p.Names {
		f := fmt.Sprintf("names[%d]", i)
		c.text(f+".name", n.Name, true)
		c.order(f+".from", n.From, f+".to", n.To)
	}
	c.text("modern", p.Modern, false)
	c.oneOf("type", p.Type, placeTypes)
	if !(p.Lon >= -180 && p.Lon <= 180) {
		c.errf("lon", "%g: want degrees east from -180 to 180", p.Lon)
	}
	if !(p.Lat >= -90 && p.Lat <= 90) {
		c.errf("lat", "%g: want degrees north from -90 to 90", p.Lat)
	}
	if p.Lon == 0 && p.Lat == 0 {
		c.errf("lon", "0,0 is in the Gulf of Guinea: the coordinates are probably missing")
	}
	if p.Rank < 0 || p.Rank > 4 {
		c.errf("rank", "%d: want 1 (capital, always labelled) to 4 (minor), or none", p.Rank)
	}
	c.text("country", p.Country, false)
	c.text("summary", p.Summary, false)
	c.image(p.Image)
	c.cited(p.Cited)
}

// Places returns every place in pack order.
func (c *Catalog) Places() []*Place { return itemsOf[*Place](c, KindPlace) }

// Place returns the place with id, or nil.
func (c *Catalog) Place(id string) *Place { return lookup[*Place](c, KindPlace, id) }
