package timeline

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

// The precisions a Date can carry, from coarsest to finest.
const (
	PrecisionNone  Precision = iota // the zero Date: no date at all
	PrecisionYear                   // "1942": the whole year
	PrecisionMonth                  // "1942-11": the whole month
	PrecisionDay                    // "1942-11-19": that day
)

// String names the precision as the details panel shows it ("day", "month", "year").
func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return "none"
}

// Date is a calendar date with a precision and an approximate flag, as authored in a content
// pack: "1942-11-19", "1942-11", "1942", each optionally prefixed by "~" for approximate
// ("~1942-11": about November 1942). The zero Date means "no date".
//
// A Date covers an interval of whole days: a month-precision date covers the whole month.
// First and Last give that interval; Day numbers count days since 1970-01-01 (UTC).
type Date struct {
	Year        int
	Month       int // 1–12, 0 when the precision is year
	Day         int // 1–31, 0 when the precision is coarser than day
	Precision   Precision
	Approximate bool
}

// Day is a count of days since 1970-01-01 (UTC). It is the unit of the time scale.
type Day int

// DayOf returns the Day of a calendar date. Month and day overflow as in time.Date.
func DayOf(year, month, day int) Day {
	return Day(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time returns the start of d as a UTC time.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Date returns the day-precision Date of d.
func (d Day) Date() Date {
	t := d.Time()
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: PrecisionDay}
}

// The period the application tells, inclusive.
var (
	PeriodStart = DayOf(1936, 1, 1)
	PeriodEnd   = DayOf(1953, 12, 31)
)

// ParseDate reads a Date in the content-pack notation ("1942-11-19", "1942-11", "1942", with an
// optional leading "~"). It checks that the month and day exist (no 31 June, 29 February only in
// leap years). The empty string is an error: callers that allow a missing date test for it first.
func ParseDate(s string) (Date, error) {
	var d Date
	src := s
	if strings.HasPrefix(s, "~") {
		d.Approximate = true
		s = s[1:]
	}
	parts := strings.Split(s, "-")
	if s == "" || len(parts) > 3 {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by ~", src)
	}
	widths := []int{4, 2, 2}
	vals := make([]int, len(parts))
	for i, p := range parts {
		if len(p) != widths[i] {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by ~", src)
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || strings.ContainsAny(p, "+-") {
			return Date{}, fmt.Errorf("date %q: %q is not a number", src, p)
		}
		vals[i] = v
	}
	d.Year = vals[0]
	d.Precision = Precision(len(parts))
	if len(vals) > 1 {
		d.Month = vals[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("date %q: month %d is not 01–12", src, d.Month)
		}
	}
	if len(vals) > 2 {
		d.Day = vals[2]
		if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, fmt.Errorf("date %q: day %d does not exist in %04d-%02d", src, d.Day, d.Year, d.Month)
		}
	}
	return d, nil
}

// MustDate is ParseDate for constants in code and tests; it panics on a malformed date.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// First returns the first day d covers.
func (d Date) First() Day {
	switch d.Precision {
	case PrecisionYear:
		return DayOf(d.Year, 1, 1)
	case PrecisionMonth:
		return DayOf(d.Year, d.Month, 1)
	case PrecisionDay:
		return DayOf(d.Year, d.Month, d.Day)
	}
	return 0
}

// Last returns the last day d covers (equal to First for a day-precision date).
func (d Date) Last() Day {
	switch d.Precision {
	case PrecisionYear:
		return DayOf(d.Year, 12, 31)
	case PrecisionMonth:
		return DayOf(d.Year, d.Month+1, 0)
	case PrecisionDay:
		return d.First()
	}
	return 0
}

// String writes d back in the content-pack notation; ParseDate(d.String()) == d.
func (d Date) String() string {
	var s string
	switch d.Precision {
	case PrecisionYear:
		s = fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		s = fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		s = fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	default:
		return ""
	}
	if d.Approximate {
		s = "~" + s
	}
	return s
}

var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// MonthName returns the short English month name of m (1–12).
func MonthName(m int) string {
	if m < 1 || m > 12 {
		return "?"
	}
	return monthNames[m-1]
}

// Human writes d for reading: "19 Nov 1942", "Nov 1942", "1942", with "c. " when approximate.
func (d Date) Human() string {
	var s string
	switch d.Precision {
	case PrecisionYear:
		s = fmt.Sprintf("%d", d.Year)
	case PrecisionMonth:
		s = fmt.Sprintf("%s %d", MonthName(d.Month), d.Year)
	case PrecisionDay:
		s = fmt.Sprintf("%d %s %d", d.Day, MonthName(d.Month), d.Year)
	default:
		return ""
	}
	if d.Approximate {
		s = "c. " + s
	}
	return s
}

// HumanRange writes a span for reading, sharing what the ends share:
// "19–23 Nov 1942", "Jun 1941 – May 1945", "1936–1938"; a single date when end is zero or equal.
func HumanRange(start, end Date) string {
	if end.IsZero() || end == start {
		return start.Human()
	}
	if !start.Approximate && !end.Approximate && start.Precision == end.Precision && start.Year == end.Year {
		switch start.Precision {
		case PrecisionDay:
			if start.Month == end.Month {
				return fmt.Sprintf("%d–%d %s %d", start.Day, end.Day, MonthName(end.Month), end.Year)
			}
			return fmt.Sprintf("%d %s – %d %s %d", start.Day, MonthName(start.Month), end.Day, MonthName(end.Month), end.Year)
		case PrecisionMonth:
			return fmt.Sprintf("%s–%s %d", MonthName(start.Month), MonthName(end.Month), end.Year)
		}
	}
	if start.Precision == PrecisionYear && end.Precision == PrecisionYear && !start.Approximate && !end.Approximate {
		return fmt.Sprintf("%d–%d", start.Year, end.Year)
	}
	return start.Human() + " – " + end.Human()
}

// MarshalJSON writes d in the content-pack notation.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads d from the content-pack notation; "" leaves the zero Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want a date string such as \"1942-11-19\"")
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseUserDate reads a date typed by a user or given on the command line: YYYY, YYYY-MM or
// YYYY-MM-DD, inside the period 1936–1953. It returns the first day the date covers.
func ParseUserDate(s string) (Day, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "~") {
		return 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	d, err := ParseDate(s)
	if err != nil {
		return 0, err
	}
	if d.First() < PeriodStart || d.First() > PeriodEnd {
		return 0, fmt.Errorf("date %q is outside the period 1936–1953", s)
	}
	return d.First(), nil
}
