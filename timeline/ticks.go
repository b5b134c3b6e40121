package timeline

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Tick is one tick of the time axis.
type Tick struct {
	X     float64 // px from the left edge of the view, 0 ≤ X ≤ Width
	Day   Day     // the day whose start the tick marks
	Major bool    // a major tick (drawn longer): a year, or a month at week and day zoom
	Label string  // "" when the tick carries no label
	// LabelX and LabelW give the label's box in px: it starts just right of the tick.
	LabelX, LabelW float64
}

// EstimateLabelWidth is the default label measure: about 7.5 px per character, the width of a
// 12 px sans-serif font. The UI passes the real text width instead.
func EstimateLabelWidth(s string) float64 { return 7.5*float64(utf8.RuneCountInString(s)) + 1 }

// tickSeries is a family of tick positions: the starts of days, weeks, months, …
type tickSeries uint8

const (
	tsNone    tickSeries = iota
	tsDay                // every day
	tsMonday             // the start of every ISO week (Monday)
	tsMonth              // the first of every month
	tsQuarter            // 1 Jan, 1 Apr, 1 Jul, 1 Oct
	tsYear               // 1 Jan of every year divisible by the level's step
)

// tsMinDays is the shortest distance between two ticks of a series, in days (step 1).
var tsMinDays = [...]float64{tsNone: math.Inf(1), tsDay: 1, tsMonday: 7, tsMonth: 28, tsQuarter: 90, tsYear: 365}

// tickFormat is a way of writing a tick's label.
type tickFormat uint8

const (
	tfNone         tickFormat = iota
	tfYear                    // "1942"
	tfQuarter                 // "Q3"
	tfMonth                   // "Nov"
	tfMonthYear               // "Nov 1942"
	tfDayMonth                // "19 Nov"
	tfDayMonthYear            // "1 Nov 1942"
	tfCount
)

// tickLevel is one zoom level of the axis: which ticks are major (labelled, longer), which are
// labelled minor ticks, and which finer unlabelled ticks may fill in between.
type tickLevel struct {
	name      string
	major     tickSeries
	majorFmt  tickFormat
	label     tickSeries // tsNone when only the majors are labelled
	labelFmt  tickFormat
	step      int          // year step for tsYear majors
	minors    []tickSeries // unlabelled fill-in candidates, finest first
	leadFmt   tickFormat   // the label pinned at the left edge, naming the period in view
	labelDays float64      // shortest distance between labelled ticks, in days
}

// tickLevels lists the zoom levels from the finest to the coarsest.
var tickLevels = []tickLevel{
	{"day", tsMonth, tfDayMonthYear, tsDay, tfDayMonth, 1, nil, tfMonthYear, 1},
	{"week", tsMonth, tfMonthYear, tsMonday, tfDayMonth, 1, []tickSeries{tsDay}, tfMonthYear, 7},
	{"month", tsYear, tfYear, tsMonth, tfMonth, 1, []tickSeries{tsDay, tsMonday}, tfYear, 28},
	{"quarter", tsYear, tfYear, tsQuarter, tfQuarter, 1, []tickSeries{tsMonth}, tfYear, 90},
	{"year", tsYear, tfYear, tsNone, tfNone, 1, []tickSeries{tsMonth, tsQuarter}, tfNone, 365},
	{"2 years", tsYear, tfYear, tsNone, tfNone, 2, []tickSeries{tsQuarter, tsYear}, tfNone, 730},
	{"5 years", tsYear, tfYear, tsNone, tfNone, 5, []tickSeries{tsYear}, tfNone, 1826},
	{"10 years", tsYear, tfYear, tsNone, tfNone, 10, []tickSeries{tsYear}, tfNone, 3652},
}

type tickCand struct {
	day  Day
	rank uint8 // 2 major, 1 labelled, 0 unlabelled
}

type tickLabel struct {
	s string
	w float64
}

// TickMaker makes the ticks of the time axis for a Scale, choosing the finest unit (days, weeks,
// months, quarters, years, several years) whose labels fit. It caches label strings and widths
// (at most one label per day of the period and format, so the cache is bounded) and reuses its
// output, so that a frame allocates nothing once warm. Not safe for concurrent use.
type TickMaker struct {
	// Gap is the least space between two labels, px. Pad is the space between a tick and the
	// start of its label, px. MinMinorPx is the least spacing of unlabelled minor ticks, px.
	Gap, Pad, MinMinorPx float64

	measure func(string) float64
	maxW    [tfCount]float64 // widest label of each format; 0 until measured
	labels  map[int64]tickLabel
	cands   []tickCand
	ticks   []Tick
	ranks   []uint8 // rank of each tick, as in tickCand
	level   int
	lead    tickLabel
	leadOn  bool
}

// NewTickMaker returns a TickMaker that measures label widths in px with measure (nil uses
// EstimateLabelWidth). The measure is called once per distinct label and cached.
func NewTickMaker(measure func(string) float64) *TickMaker {
	if measure == nil {
		measure = EstimateLabelWidth
	}
	return &TickMaker{Gap: 10, Pad: 3, MinMinorPx: 5, measure: measure, labels: map[int64]tickLabel{}}
}

// Unit names the level the last Ticks call chose: "day", "week", "month", "quarter", "year",
// "2 years", "5 years" or "10 years".
func (m *TickMaker) Unit() string { return tickLevels[m.level].name }

// Lead returns the label the last Ticks call pinned at the left edge to name the period in view
// (such as "Nov 1942" when days are shown), its left edge x and width w in px; "" when none fits.
func (m *TickMaker) Lead() (label string, x, w float64) {
	if !m.leadOn {
		return "", 0, 0
	}
	return m.lead.s, m.Pad, m.lead.w
}

// Ticks returns the ticks inside the view of s, in increasing X, every X within [0, Width()],
// with labels that neither overlap each other (nor the lead label) nor leave the view. The
// returned slice is reused by the next call.
func (m *TickMaker) Ticks(s Scale) []Tick {
	m.ticks, m.ranks, m.leadOn = m.ticks[:0], m.ranks[:0], false
	if !(s.PxPerDay() > 0) || math.IsInf(s.End(), 0) { // the zero Scale
		return m.ticks
	}
	m.level = m.chooseLevel(s.PxPerDay())
	lv := tickLevels[m.level]
	t0, t1 := s.Start(), s.End()

	m.cands = m.cands[:0]
	m.addSeries(lv.major, lv.step, t0, t1, 2)
	if lv.label != tsNone {
		m.addSeries(lv.label, 1, t0, t1, 1)
	}
	for _, ser := range lv.minors {
		if tsMinDays[ser]*s.PxPerDay() >= m.MinMinorPx {
			m.addSeries(ser, 1, t0, t1, 0)
			break
		}
	}
	slices.SortFunc(m.cands, func(a, b tickCand) int {
		if a.day != b.day {
			return int(a.day - b.day)
		}
		return int(b.rank) - int(a.rank)
	})

	for i, c := range m.cands {
		if i > 0 && c.day == m.cands[i-1].day {
			continue
		}
		x := s.X(float64(c.day))
		if x < 0 || x > s.Width() {
			continue
		}
		m.ticks = append(m.ticks, Tick{X: x, Day: c.day, Major: c.rank == 2})
		m.ranks = append(m.ranks, c.rank)
	}
	m.placeLabels(s, lv)
	return m.ticks
}

// chooseLevel returns the finest level whose labels fit at ppd px per day.
func (m *TickMaker) chooseLevel(ppd float64) int {
	for i, lv := range tickLevels {
		f := lv.labelFmt
		if f == tfNone {
			f = lv.majorFmt
		}
		if lv.labelDays*ppd >= m.widest(f)+m.Gap+m.Pad {
			return i
		}
	}
	return len(tickLevels) - 1
}

// widest returns the width of the widest label format f can produce, measuring samples once.
func (m *TickMaker) widest(f tickFormat) float64 {
	if m.maxW[f] > 0 || f == tfNone {
		return m.maxW[f]
	}
	w := 0.0
	if f == tfYear {
		for y := 1936; y <= 1953; y++ {
			w = math.Max(w, m.measure(tickFormatLabel(f, y, 1, 1)))
		}
	} else {
		for mo := 1; mo <= 12; mo++ { // the digits of other years are taken as no wider
			w = math.Max(w, m.measure(tickFormatLabel(f, 1948, mo, 28)))
		}
	}
	m.maxW[f] = math.Max(w, 1e-9)
	return m.maxW[f]
}

// addSeries appends the ticks of ser between days t0 and t1 (inclusive) to m.cands.
func (m *TickMaker) addSeries(ser tickSeries, step int, t0, t1 float64, rank uint8) {
	for d := tickFirst(ser, step, t0); float64(d) <= t1; d = tickNext(ser, step, d) {
		m.cands = append(m.cands, tickCand{day: d, rank: rank})
	}
}

// placeLabels labels majors first, then the lead label, then labelled minor ticks, each only
// where it fits inside the view without overlapping a label already placed.
func (m *TickMaker) placeLabels(s Scale, lv tickLevel) {
	w := s.Width()
	// Majors, left to right.
	prevRight := math.Inf(-1)
	for i := range m.ticks {
		t := &m.ticks[i]
		if !t.Major {
			continue
		}
		l := m.label(lv.majorFmt, t.Day)
		x := t.X + m.Pad
		if x >= prevRight+m.Gap && x+l.w <= w {
			t.Label, t.LabelX, t.LabelW = l.s, x, l.w
			prevRight = x + l.w
		}
	}
	// The lead label, unless it would overlap the first major label.
	m.leadOn = false
	if lv.leadFmt != tfNone {
		m.lead = m.label(lv.leadFmt, Day(math.Floor(s.Start())))
		right := m.Pad + m.lead.w
		m.leadOn = right <= w
		for _, t := range m.ticks {
			if t.Label != "" {
				m.leadOn = m.leadOn && right+m.Gap <= t.LabelX
				break
			}
		}
	}
	if lv.label == tsNone {
		return
	}
	// Labelled minor ticks, left to right, between the placed labels.
	prevRight = math.Inf(-1)
	if m.leadOn {
		prevRight = m.Pad + m.lead.w
	}
	next := 0 // index of the next tick at or after i with a placed major label
	for i := range m.ticks {
		t := &m.ticks[i]
		if t.Major {
			if t.Label != "" {
				prevRight = t.LabelX + t.LabelW
			}
			continue
		}
		if m.ranks[i] != 1 {
			continue
		}
		if next <= i {
			for next = i + 1; next < len(m.ticks) && m.ticks[next].Label == ""; next++ {
			}
		}
		nextLeft := w
		if next < len(m.ticks) {
			nextLeft = m.ticks[next].LabelX - m.Gap
		}
		l := m.label(lv.labelFmt, t.Day)
		x := t.X + m.Pad
		if x >= prevRight+m.Gap && x+l.w <= nextLeft {
			t.Label, t.LabelX, t.LabelW = l.s, x, l.w
			prevRight = x + l.w
		}
	}
}

// label returns the cached label of day d in format f.
func (m *TickMaker) label(f tickFormat, d Day) tickLabel {
	key := int64(f)<<32 | int64(uint32(int32(d)))
	if l, ok := m.labels[key]; ok {
		return l
	}
	t := d.Time()
	s := tickFormatLabel(f, t.Year(), int(t.Month()), t.Day())
	l := tickLabel{s: s, w: m.measure(s)}
	m.labels[key] = l
	return l
}

// tickFormatLabel writes a label of format f for the given year, month (1–12) and day.
func tickFormatLabel(f tickFormat, year, month, day int) string {
	switch f {
	case tfYear:
		return strconv.Itoa(year)
	case tfQuarter:
		return "Q" + strconv.Itoa((month-1)/3+1)
	case tfMonth:
		return MonthName(month)
	case tfMonthYear:
		return MonthName(month) + " " + strconv.Itoa(year)
	case tfDayMonth:
		return strconv.Itoa(day) + " " + MonthName(month)
	case tfDayMonthYear:
		return strconv.Itoa(day) + " " + MonthName(month) + " " + strconv.Itoa(year)
	}
	return ""
}

// tickFirst returns the first tick of series ser (year step step) at or after fractional day d.
func tickFirst(ser tickSeries, step int, d float64) Day {
	f := Day(math.Ceil(d))
	switch ser {
	case tsDay:
		return f
	case tsMonday: // 1970-01-05, day 4, was a Monday
		r := (int(f) - 4) % 7
		if r < 0 {
			r += 7
		}
		if r == 0 {
			return f
		}
		return f + Day(7-r)
	}
	t := f.Time()
	y, mo := t.Year(), int(t.Month())
	var c Day
	switch ser {
	case tsMonth:
		c = DayOf(y, mo, 1)
	case tsQuarter:
		c = DayOf(y, (mo-1)/3*3+1, 1)
	default:
		yy := y / step * step
		if y < 0 && y%step != 0 {
			yy -= step
		}
		c = DayOf(yy, 1, 1)
	}
	if c < f {
		c = tickNext(ser, step, c)
	}
	return c
}

// tickNext returns the tick of series ser that follows the tick d.
func tickNext(ser tickSeries, step int, d Day) Day {
	switch ser {
	case tsDay:
		return d + 1
	case tsMonday:
		return d + 7
	}
	t := d.Time()
	switch ser {
	case tsMonth:
		return DayOf(t.Year(), int(t.Month())+1, 1)
	case tsQuarter:
		return DayOf(t.Year(), int(t.Month())+3, 1)
	}
	return DayOf(t.Year()+step, 1, 1)
}
