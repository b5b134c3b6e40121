package timeline

import (
	"testing"
	"time"
)

// TestMonthDateCoversWholeMonth checks, for every month of 1936–1953, that a month-precision
// date runs from the 1st to the month's last day (29 February in leap years).
func TestMonthDateCoversWholeMonth(t *testing.T) {
	for y := 1936; y <= 1953; y++ {
		for m := 1; m <= 12; m++ {
			d := Date{Year: y, Month: m, Precision: PrecisionMonth}
			first, last := d.First(), d.Last()
			if got := first.Time(); got.Day() != 1 || int(got.Month()) != m || got.Year() != y {
				t.Errorf("%s.First(): got %s, want %04d-%02d-01", d, got.Format(time.DateOnly), y, m)
			}
			want := 31
			switch m {
			case 4, 6, 9, 11:
				want = 30
			case 2:
				want = 28
				if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
					want = 29
				}
			}
			if got := int(last-first) + 1; got != want {
				t.Errorf("%s covers %d days, want %d", d, got, want)
			}
			if got := last.Time(); int(got.Month()) != m || (last+1).Time().Day() != 1 {
				t.Errorf("%s.Last(): got %s, want the last day of the month", d, got.Format(time.DateOnly))
			}
		}
	}
}

// TestDateStringRoundTrip checks ParseDate(d.String()) == d for every day, month and year of
// the period, exact and approximate.
func TestDateStringRoundTrip(t *testing.T) {
	check := func(d Date) {
		t.Helper()
		got, err := ParseDate(d.String())
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", d.String(), err)
		}
		if got != d {
			t.Fatalf("ParseDate(%q): got %+v, want %+v", d.String(), got, d)
		}
	}
	for day := PeriodStart; day <= PeriodEnd; day++ {
		d := day.Date()
		check(d)
		if d.First() != day || d.Last() != day {
			t.Fatalf("%s: First %d, Last %d, want both %d", d, d.First(), d.Last(), day)
		}
		if d.Day == 1 {
			check(Date{Year: d.Year, Month: d.Month, Precision: PrecisionMonth, Approximate: d.Month%2 == 0})
		}
		if d.Day == 1 && d.Month == 1 {
			check(Date{Year: d.Year, Precision: PrecisionYear})
			check(Date{Year: d.Year, Precision: PrecisionYear, Approximate: true})
		}
	}
}

func TestParseDateRejectsMalformed(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"empty", ""},
		{"only tilde", "~"},
		{"month 13", "1942-13"},
		{"month 0", "1942-00"},
		{"day 0", "1942-11-00"},
		{"31 June", "1942-06-31"},
		{"29 Feb non-leap", "1942-02-29"},
		{"30 Feb leap", "1944-02-30"},
		{"short year", "42"},
		{"five-digit year", "19420"},
		{"one-digit month", "1942-1"},
		{"one-digit day", "1942-11-1"},
		{"slashes", "1942/11/19"},
		{"day first", "19-11-1942"},
		{"four parts", "1942-11-19-01"},
		{"trailing dash", "1942-"},
		{"letters", "194x"},
		{"month name", "1942-Nov"},
		{"plus sign", "+942"},
		{"minus in month", "1942--1"},
		{"space", " 1942"},
		{"double tilde", "~~1942"},
		{"time", "1942-11-19T00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d, err := ParseDate(tt.in); err == nil {
				t.Errorf("ParseDate(%q): got %+v, want an error", tt.in, d)
			}
		})
	}
}

func TestParseDateAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"1942-11-19", Date{Year: 1942, Month: 11, Day: 19, Precision: PrecisionDay}},
		{"1942-11", Date{Year: 1942, Month: 11, Precision: PrecisionMonth}},
		{"1942", Date{Year: 1942, Precision: PrecisionYear}},
		{"~1942-11", Date{Year: 1942, Month: 11, Precision: PrecisionMonth, Approximate: true}},
		{"1944-02-29", Date{Year: 1944, Month: 2, Day: 29, Precision: PrecisionDay}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseDate(%q): got %+v, %v, want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}
