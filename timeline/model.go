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

// Theatre is a theatre of war, used to filter events and to group front lines.
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
}
