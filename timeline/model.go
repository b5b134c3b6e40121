package timeline

// Kind names a kind of item in the chronicle.
type Kind string

// The kinds of item a content pack holds.
const (
	KindEvent        Kind = "event"
	KindPerson       Kind = "person"
	KindMedal        Kind = "medal"
	KindPlace        Kind = "place"
	KindOrganization Kind = "organization"
	KindVeteran      Kind = "veteran"
	KindSource       Kind = "source"
)

// Kinds lists every kind in the order the details panel groups links.
var Kinds = []Kind{KindEvent, KindPerson, KindMedal, KindPlace, KindOrganization, KindVeteran, KindSource}

// Ref identifies one item: its kind and id.
type Ref struct {
	Kind Kind
	ID   string
}

// Lane is a category of events, drawn as one lane of the timeline.
type Lane struct {
	ID    string `json:"id"`
	Name  Text   `json:"name"`
	Color string `json:"color,omitempty"` // "#rrggbb", optional accent for the lane
}

// Theatre is a theatre of war, used to filter events and to group front lines.
type Theatre struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
}

// Event is the spine of the chronicle: something that happened between Start and End.
type Event struct {
	ID      string `json:"id"`
	Title   Text   `json:"title"`
	Summary Text   `json:"summary"`
	Body    Text   `json:"body,omitempty"`
	Start   Date   `json:"start"`
	End     Date   `json:"end,omitempty"` // zero for a single date
	// Context marks an event outside 1936–1953 told for context (Lenin's death, the KGB in 1954).
	Context  bool   `json:"context,omitempty"`
	Category string `json:"category"`          // a Lane id
	Theatre  string `json:"theatre,omitempty"` // a Theatre id
	// Importance from 1 (minor) to 5 (turning point) decides which labels win when space is short.
	Importance    int      `json:"importance,omitempty"`
	Places        []string `json:"places,omitempty"`
	People        []string `json:"people,omitempty"`
	Medals        []string `json:"medals,omitempty"`
	Organizations []string `json:"organizations,omitempty"`
	Veterans      []string `json:"veterans,omitempty"`
	Sources       []string `json:"sources"`
	// Notes records where the source text was wrong or muddled and what was corrected.
	Notes Text `json:"notes,omitempty"`
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
	Sources       []string `json:"sources"`
	Notes         Text     `json:"notes,omitempty"`
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
	Sources []string      `json:"sources"`
	Notes   Text          `json:"notes,omitempty"`
}

// NamedRibbon is the ribbon of one class of an award.
type NamedRibbon struct {
	Class Text `json:"class"`
	Ribbon
}

// PlaceName is a name a place bore over a span of time.
type PlaceName struct {
	Name Text `json:"name"`
	From Date `json:"from,omitempty"`
	To   Date `json:"to,omitempty"`
}

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
	Rank    int      `json:"rank,omitempty"`
	Country Text     `json:"country,omitempty"` // country in 1938 terms, for the details panel
	Summary Text     `json:"summary,omitempty"`
	Image   string   `json:"image,omitempty"`
	Sources []string `json:"sources"`
	Notes   Text     `json:"notes,omitempty"`
}

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
	Sources   []string `json:"sources"`
	Notes     Text     `json:"notes,omitempty"`
}

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
	Sources       []string `json:"sources"`
	Notes         Text     `json:"notes,omitempty"`
}

// Source is a reference that items cite.
type Source struct {
	ID       string `json:"id"`
	Citation string `json:"citation"`
	URL      string `json:"url,omitempty"`
	Accessed string `json:"accessed,omitempty"` // YYYY-MM-DD
}

// PackInfo describes a content pack (pack.json).
type PackInfo struct {
	Name        Text      `json:"name"`
	Version     string    `json:"version"`
	Description Text      `json:"description,omitempty"`
	License     string    `json:"license,omitempty"`
	Languages   []string  `json:"languages,omitempty"`
	Lanes       []Lane    `json:"lanes"`
	Theatres    []Theatre `json:"theatres,omitempty"`
}
