package timeline

import (
	"encoding/json"
	"testing"
)

// FuzzParseDate reads arbitrary text as a pack date, a JSON date and a date typed by a user.
// None may panic; a date that parses writes back as the same text (less a leading "~" for
// an approximate date written without it), covers at least one day, and decodes from its JSON
// to itself; a user date is a day of the period. Run with: go test ./timeline -fuzz FuzzParseDate.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1942-11-19", "~1942-11", "1942", "1944-02-29", "1943-02-29",
		"0000-01-01", "9999-12-31", "1942-13", "1942-1-1", "+942", "~", "", "1936-01-01", "1953-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil {
			if d.IsZero() {
				t.Fatalf("ParseDate(%q) gave the zero Date without an error", s)
			}
			if got := d.String(); got != s {
				t.Fatalf("ParseDate(%q).String() = %q", s, got)
			}
			if d.First() > d.Last() {
				t.Fatalf("%q: first day %d after last %d", s, d.First(), d.Last())
			}
			_ = d.Human()
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			var back Date
			if err := json.Unmarshal(b, &back); err != nil || back != d {
				t.Fatalf("%q: JSON %s reads back as %+v, %v", s, b, back, err)
			}
		}
		var j Date
		_ = json.Unmarshal([]byte(s), &j)
		if day, err := ParseUserDate(s); err == nil {
			if day < PeriodStart || day > PeriodEnd {
				t.Fatalf("ParseUserDate(%q) = %d, outside the period", s, day)
			}
			if day.Date().First() != day {
				t.Fatalf("ParseUserDate(%q): day %d does not round-trip", s, day)
			}
		}
	})
}
