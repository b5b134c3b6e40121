package geo

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/colornames"
)

// featureProps is what the loader takes from a feature's properties.
type featureProps struct {
	name  string
	days  DayRange
	dated bool
	style FeatureStyle
}

// Open ends of a date range: a feature with only "start" is shown from then on.
const (
	openStart = math.MinInt32
	openEnd   = math.MaxInt32
)

// nameKeys are the properties a label is taken from, in order of preference.
var nameKeys = []string{"name", "Name", "NAME", "title"}

// props reads a feature's properties (valid JSON, nil when absent). Problems with them are
// recorded; they never leave the feature out.
func (d *userDecoder) props(i, line int, raw []byte) featureProps {
	var fp featureProps
	if isNull(raw) {
		return fp
	}
	if k := jsonKind(raw); k != "an object" {
		d.problem(LayerProblem{Feature: i, Line: line, Field: "properties", Msg: fmt.Sprintf("got %s, want an object or null; ignored", k)})
		return fp
	}
	var names [4][]byte
	var start, end, date []byte
	var st [8][]byte
	eachMember(raw, func(k string, v []byte) bool {
		for j, n := range nameKeys {
			if k == n {
				names[j] = v
			}
		}
		switch k {
		case "start":
			start = v
		case "end":
			end = v
		case "date":
			date = v
		}
		for j, n := range styleKeys {
			if k == n {
				st[j] = v
			}
		}
		return true
	})
	for _, v := range names {
		if v == nil || isNull(v) {
			continue
		}
		if s, ok := jsonString(v); ok {
			fp.name = strings.TrimSpace(s)
		} else if jsonKind(v) == "a number" {
			fp.name = string(v)
		}
		if fp.name != "" {
			break
		}
	}
	p := LayerProblem{Feature: i, Name: fp.name, Line: line}
	report := func(field, msg string) {
		q := p
		q.Field, q.Msg = `properties "`+field+`"`, msg
		d.problem(q)
	}
	fp.days, fp.dated = d.dates(start, end, date, report)
	fp.style = parseStyle(st, report)
	return fp
}

// dates reads "start", "end" and "date" into the days a feature is shown.
func (d *userDecoder) dates(start, end, date []byte, report func(field, msg string)) (DayRange, bool) {
	given := func(v []byte) bool { return v != nil && !isNull(v) }
	if !given(start) && !given(end) && !given(date) {
		return DayRange{}, false
	}
	if d.opts.ParseDate == nil {
		d.datesIgnored++
		return DayRange{}, false
	}
	const every = "; drawn on every date"
	read := func(field string, v []byte) (first, last int, ok bool) {
		s, isStr := jsonString(v)
		if !isStr {
			n, err := strconv.ParseFloat(strings.TrimSpace(string(v)), 64)
			if err != nil || n != math.Trunc(n) || n < 1 || n > 9999 {
				report(field, fmt.Sprintf("got %s, want a date such as \"1942-11-19\", \"1942-11\" or \"1942\"%s", jsonKind(v), every))
				return 0, 0, false
			}
			s = fmt.Sprintf("%04d", int(n))
		}
		s = strings.TrimSpace(s)
		first, last, err := d.opts.ParseDate(s)
		if err != nil && len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
			// A date and time ("1942-11-19T06:30:00Z", "1942-11-19 06:30"): the day counts.
			first, last, err = d.opts.ParseDate(s[:10])
		}
		if err != nil {
			report(field, fmt.Sprintf("%q is not a date (want YYYY-MM-DD, YYYY-MM or YYYY, optionally with a leading ~)%s", s, every))
			return 0, 0, false
		}
		return first, last, true
	}
	if given(date) && (given(start) || given(end)) {
		report("date", `given with "start" or "end", which are used instead`)
		date = nil
	}
	if given(date) {
		first, last, ok := read("date", date)
		return DayRange{first, last}, ok
	}
	r := DayRange{openStart, openEnd}
	if given(start) {
		first, _, ok := read("start", start)
		if !ok {
			return DayRange{}, false
		}
		r.From = first
	}
	if given(end) {
		_, last, ok := read("end", end)
		if !ok {
			return DayRange{}, false
		}
		r.To = last
	}
	if r.To < r.From {
		report("end", "is before \"start\""+every)
		return DayRange{}, false
	}
	return r, true
}

// styleKeys are the simplestyle-spec 1.1.0 properties read, in the order parseStyle expects.
var styleKeys = []string{"stroke", "stroke-opacity", "stroke-width", "fill", "fill-opacity", "marker-color", "marker-size", "marker-symbol"}

// maxStrokeWidth is the widest stroke drawn, in pixels.
const maxStrokeWidth = 20

// markerSizes are the radii, in pixels, of simplestyle's marker sizes.
var markerSizes = map[string]float64{"small": 4, "medium": 5.5, "large": 7.5}

// parseStyle reads the simplestyle properties given (st in styleKeys order, nil when absent);
// a bad value is reported and the layer's default used instead.
func parseStyle(st [8][]byte, report func(field, msg string)) FeatureStyle {
	var s FeatureStyle
	colour := func(j int, dst *color.NRGBA, bit StyleFields) {
		v := st[j]
		if v == nil || isNull(v) {
			return
		}
		str, ok := jsonString(v)
		c, cok := parseColour(str)
		if !ok || !cok {
			what := jsonKind(v)
			if ok {
				what = strconv.Quote(str)
			}
			report(styleKeys[j], fmt.Sprintf("%s is not a colour (want #rrggbb, #rgb or a CSS colour name); the layer's colour is used", what))
			return
		}
		*dst = c
		s.Has |= bit
	}
	number := func(j int, lo, hi float64, unit string) (float64, bool) {
		v := st[j]
		if v == nil || isNull(v) {
			return 0, false
		}
		text := strings.TrimSpace(string(v))
		if str, ok := jsonString(v); ok {
			text = strings.TrimSpace(str)
		}
		n, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			report(styleKeys[j], fmt.Sprintf("%s is not a number; the layer's default is used", strings.TrimSpace(string(v))))
			return 0, false
		}
		if n < lo || n > hi {
			c := min(max(n, lo), hi)
			report(styleKeys[j], fmt.Sprintf("%g is not within %g to %g%s; %g is used", n, lo, hi, unit, c))
			n = c
		}
		return n, true
	}
	colour(0, &s.Stroke, HasStroke)
	if n, ok := number(1, 0, 1, ""); ok {
		s.StrokeOpacity, s.Has = n, s.Has|HasStrokeOpacity
	}
	if n, ok := number(2, 0, maxStrokeWidth, " pixels"); ok {
		s.StrokeWidth, s.Has = n, s.Has|HasStrokeWidth
	}
	colour(3, &s.Fill, HasFill)
	if n, ok := number(4, 0, 1, ""); ok {
		s.FillOpacity, s.Has = n, s.Has|HasFillOpacity
	}
	colour(5, &s.Marker, HasMarker)
	if v := st[6]; v != nil && !isNull(v) {
		str, _ := jsonString(v)
		if r, ok := markerSizes[strings.ToLower(strings.TrimSpace(str))]; ok {
			s.MarkerSize, s.Has = r, s.Has|HasMarkerSize
		} else {
			report(styleKeys[6], fmt.Sprintf("%s is not small, medium or large; medium is used", strings.TrimSpace(string(v))))
		}
	}
	return s
}

// parseColour reads "#rrggbb", "#rgb" (also without the "#") or a CSS colour name.
func parseColour(s string) (color.NRGBA, bool) {
	s = strings.TrimSpace(s)
	if c, ok := colornames.Map[strings.ToLower(s)]; ok {
		return color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff}, true
	}
	h := strings.TrimPrefix(s, "#")
	if len(h) != 3 && len(h) != 6 {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	if len(h) == 3 {
		r, g, b := uint8(v>>8&0xf), uint8(v>>4&0xf), uint8(v&0xf)
		return color.NRGBA{R: r * 17, G: g * 17, B: b * 17, A: 0xff}, true
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
}
