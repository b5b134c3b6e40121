package timeline

// The kinds of item live in a file each (event.go, person.go, medal.go, place.go,
// organization.go, veteran.go, source.go); what they share is in item.go and kind.go. This
// file holds the pack description.

// Lane is a category of events, drawn as one lane of the timeline.
type Lane struct {
	ID    string `json:"id"`
	Name  Text   `json:"name"`
	Color string `json:"color,omitempty"` // "#rrggbb", optional accent for the lane
}

// Theatre is a theatre of war: in PackInfo.Theatres a theatre events name and the timeline
// filters by; in PackInfo.FrontTheatres a theatre whose front lines the pack draws from
// fronts/<id>.geojson.
type Theatre struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
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
	// FrontTheatres are the theatres whose front lines the pack has, each in the file
	// fronts/<id>.geojson: a fronts file of a theatre not listed here is an error, a theatre
	// listed without a file is not. They are declared apart from Theatres because fronts are
	// drawn per campaign (the Winter War, Khalkhin Gol) while events are filtered by broad
	// theatre (the north, the Far East).
	FrontTheatres []Theatre `json:"front_theatres,omitempty"`
}
