package timeline

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// mentionPack is a small pack for the mention checks: places with period names and aliases, an
// event titled after a place, a person, a veteran and a common word among the aliases.
var mentionPack = fstest.MapFS{
	"pack.json": {Data: []byte(`{"pack": {"name": "t", "version": "1",
		"lanes": [{"id": "operations", "name": "Operations"}]}}`)},
	"items.json": {Data: []byte(`{
  "places": [
    {"id": "stalingrad", "name": "Stalingrad", "names": [{"name": "Tsaritsyn", "to": "1925"}],
     "modern": "Volgograd", "type": "city", "lon": 44.5, "lat": 48.7, "sources": ["s"]},
    {"id": "brest", "name": "Brest", "aliases": ["Brest-Litovsk"], "type": "city", "lon": 23.7, "lat": 52.1, "sources": ["s"]},
    {"id": "leningrad", "name": "Leningrad", "type": "city", "lon": 30.3, "lat": 59.9, "sources": ["s"]},
    {"id": "moscow", "name": "Moscow", "type": "city", "lon": 37.6, "lat": 55.8, "sources": ["s"]},
    {"id": "oder", "name": "Oder", "type": "river", "lon": 14.6, "lat": 52.6, "sources": ["s"]},
    {"id": "uman", "name": "Uman", "aliases": ["Human"], "type": "town", "lon": 30.2, "lat": 48.7, "sources": ["s"]},
    {"id": "krakow", "name": "Kraków", "aliases": ["Krakow"], "type": "city", "lon": 19.9, "lat": 50.1, "sources": ["s"]},
    {"id": "kiev", "name": "Kiev", "aliases": ["Kyiv"], "type": "city", "lon": 30.5, "lat": 50.5,
     "summary": "Capital of the Ukrainian SSR, in Ukraine, far east of the Oder; not Moscow.", "sources": ["s"]},
    {"id": "ukraine", "name": "Ukrainian SSR", "aliases": ["Ukraine"], "type": "country", "lon": 31, "lat": 49, "sources": ["s"]},
    {"id": "yalta", "name": "Yalta", "type": "town", "lon": 34.2, "lat": 44.5, "sources": ["s"]}
  ],
  "events": [
    {"id": "yalta-conference", "title": "Yalta Conference", "summary": "Held at Yalta.", "start": "1945-02-04",
     "category": "operations", "importance": 3, "places": ["yalta"], "sources": ["s"]},
    {"id": "battle", "title": "Battle of Stalingrad",
     "summary": "Fought at Stalingrad, after the Yalta Conference was planned in Moscow.",
     "body": "Human losses were vast; the human cost is still counted.",
     "notes": "The source text says Leningrad.",
     "start": "1942-07-17", "category": "operations", "importance": 5, "places": ["stalingrad"],
     "people": ["zhukov"], "sources": ["s"]},
    {"id": "lease", "title": "Brest talks", "summary": "Signed at Brest.", "start": "1941-01",
     "category": "operations", "importance": 1, "places": ["brest"], "sources": ["s"]}
  ],
  "people": [
    {"id": "zhukov", "name": "Georgy Zhukov", "born": "1896", "summary": "Commander at Stalingrad.",
     "bio": "Born in 1896 near Kaluga. Later at Brest-Litovsk and in the defence of Moscow; he won the Battle of Kursk.",
     "sources": ["s"]}
  ],
  "veterans": [
    {"id": "vet", "name": "Anna", "service": "nurse", "summary": "Born in Kraków, she served at Uman.", "sources": ["s"]}
  ],
  "sources": [{"id": "s", "citation": "test"}]
}`)},
}

func TestMentionFinder(t *testing.T) {
	c, err := LoadFS(mentionPack, "mention pack")
	if err != nil {
		t.Fatal(err)
	}
	f := newMentionFinder(c.Places(), c.mentionMasks(), c.lowercaseWords())
	self := Ref{KindEvent, "none"}
	tests := []struct {
		text string
		want []string // "place:name as written"
	}{
		{"Stalingrad fell silent.", []string{"stalingrad:Stalingrad"}},
		{"Tsaritsyn, later Volgograd.", []string{"stalingrad:Tsaritsyn", "stalingrad:Volgograd"}},
		{"The Treaty of Brest-Litovsk.", nil},                                 // "Treaty of" names a treaty
		{"Signed at Brest-Litovsk in 1918.", []string{"brest:Brest-Litovsk"}}, // longest name wins
		{"The Oderbruch marshes.", nil},                                       // "Oder" only as a whole word
		{"stalingrad in lower case", nil},                                     // case as written
		{"Leningrad's defenders.", []string{"leningrad:Leningrad"}},           // possessive
		{"The Leningrad Front attacked.", nil},                                // a formation
		{"The Leningrad and Volkhov Fronts attacked.", nil},                   // formations
		{"At 01:01 Moscow time.", nil},                                        // a time zone
		{"North of Moscow on the Leningrad road.", []string{"moscow:Moscow"}}, // a road
		{"The Moscow–Leningrad railway was cleared.", nil},                    // a railway
		{"East of the Oder–Neisse line.", nil},                                // a border
		{"The Moscow Peace Treaty ended it.", nil},                            // a treaty
		{"The Kiev Oblast, not the city.", nil},                               // a region
		{"After the Battle of Kursk and the Siege of Leningrad.", nil},        // battles
		{"In the defence of Moscow.", nil},                                    // a battle
		{"Agreed at the Yalta Conference.", nil},                              // an event's title
		{"Marshal Georgy Zhukov spoke.", nil},                                 // a person's name
		{"Human losses.", nil},                                                // "human" is a common word in the pack
		{"From Kraków and Krakow.", []string{"krakow:Kraków", "krakow:Krakow"}},
		{"Kyivan Rus was older.", nil}, // no letter may follow
		{"Kiev, Moscow.", []string{"kiev:Kiev", "moscow:Moscow"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range f.find(tt.text, self) {
			got = append(got, m.Place+":"+m.Name)
			if tt.text[m.Start:m.End] != m.Name {
				t.Errorf("%q: offsets %d..%d give %q, want %q", tt.text, m.Start, m.End, tt.text[m.Start:m.End], m.Name)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// An item's title masks its words in other items' texts, but not in its own.
	if got := f.find("After the Brest talks.", self); len(got) != 0 {
		t.Errorf("another event's title: got %+v, want no mention", got)
	}
	if got := f.find("After the Brest talks.", Ref{KindEvent, "lease"}); len(got) != 1 || got[0].Place != "brest" {
		t.Errorf("the event's own title: got %+v, want the place brest", got)
	}
}

func TestUnlinkedMentions(t *testing.T) {
	c, err := LoadFS(mentionPack, "mention pack")
	if err != nil {
		t.Fatal(err)
	}
	got := c.UnlinkedMentions()
	want := []string{
		// The event names Moscow in its summary without linking it; the Yalta Conference is
		// masked as another event's title, and the notes (which quote the source) are not read.
		`event "battle" names place "moscow" (as "Moscow" in summary) but does not link it`,
		// Zhukov's events are at Stalingrad only: Brest-Litovsk is named without a link; his
		// birthplace and the defence of Moscow are not mentions to link.
		`person "zhukov" names place "brest" (as "Brest-Litovsk" in bio) but does not link it`,
		// A place may name a country or a river, but not a city it shares no event with.
		`place "kiev" names place "moscow" (as "Moscow" in summary) but does not link it`,
		// The veteran's birthplace is fine; Uman is not linked by any of her events (she has none).
		`veteran "vet" names place "uman" (as "Uman" in summary) but does not link it`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("UnlinkedMentions():\ngot  %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	// Linking the place silences the warning.
	c.Event("battle").Places = append(c.Event("battle").Places, "moscow")
	for _, w := range c.UnlinkedMentions() {
		if strings.HasPrefix(w, `event "battle"`) {
			t.Errorf("after linking Moscow the event is still reported: %s", w)
		}
	}
	// The warnings reach the pack's warnings, which validate prints.
	if ws := strings.Join(c.Warnings(), "\n"); !strings.Contains(ws, `veteran "vet" names place "uman"`) {
		t.Errorf("Warnings() lacks the mention warnings:\n%s", ws)
	}
}
