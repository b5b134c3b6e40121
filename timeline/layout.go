package timeline

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
)

// LayoutItem is one thing to lay out on the timeline: an event, in its lane.
type LayoutItem struct {
	ID          string
	Lane        int     // lane index, from 0
	Start, End  Day     // first and last day, inclusive; End == Start for a single day (a mark)
	Approximate bool    // the dates are approximate (drawn hatched or faded)
	Priority    int     // importance: when labels compete for space the higher one wins
	LabelW      float64 // width of the label text in px; 0 for no label
}

// PlacedKind says how a Placed is drawn.
type PlacedKind uint8

// The kinds of Placed.
const (
	PlacedMark    PlacedKind = iota + 1 // a single-day item: a dot or diamond centred on X0
	PlacedBar                           // a span: a bar from X0 to X1
	PlacedCluster                       // several items too close to draw apart: a badge with Count
)

// LabelFit says whether and how an item's label is drawn.
type LabelFit uint8

// The label fits.
const (
	LabelHidden LabelFit = iota // no label
	LabelFull                   // the whole label, LabelW equals the item's LabelW
	LabelShort                  // the label cut to LabelW px (the UI ends it with "…")
)

// Placed is one thing to draw in a lane: a mark, a bar or a cluster, with its label.
type Placed struct {
	Kind PlacedKind
	Item int // index into the items given to NewLayout; -1 for a cluster
	Lane int
	// Row within the lane, from 0 (top) to MaxRows-1; clusters of items that found no row are
	// badges in row MaxRows.
	Row int
	// X0 and X1 in px: a mark's centre (X0 == X1); a bar's start and end (may lie outside the
	// view); a cluster's badge.
	X0, X1 float64
	// BoxX0 and BoxX1 are the pixels it occupies in its row (a mark's radius included); no two
	// things in one row overlap and no label covers another thing's box.
	BoxX0, BoxX1 float64
	Start, End   Day // the days it covers (for a cluster, from its first start to its last end)
	Approximate  bool
	Count        int // items it stands for: 1, or the cluster size
	Label        LabelFit
	// LabelX and LabelW give the label box in px, in the same row: inside a bar, or beside it.
	LabelX, LabelW float64

	membersAt, membersN int // a cluster's members in Layout.members
}

// LayoutOptions tunes a Layout. Zero fields take the defaults shown.
type LayoutOptions struct {
	MaxRows    int     // rows per lane for marks and bars (3)
	MarkRadius float64 // half width of a mark, px (4)
	MinBarPx   float64 // least width a bar is drawn with, px (2)
	RowGap     float64 // least space between two things in a row, px (2)
	ClusterPx  float64 // narrow items whose centres lie within this many px may cluster (12)
	ClusterMin int     // more than this many such items make a cluster (3)
	BadgePx    float64 // least width of a cluster badge, px (20)
	// LabelPad is the space between a label and any box, px (3). It is raised to LabelGap/2 so
	// that two labels with a box between them keep LabelGap apart.
	LabelPad   float64
	LabelGap   float64 // least space between two labels, px (6)
	MinLabelPx float64 // a label is cut short to no less than this, else hidden, px (28)
}

func (o LayoutOptions) withDefaults() LayoutOptions {
	o.MaxRows, o.ClusterMin = cmp.Or(max(o.MaxRows, 0), 3), cmp.Or(max(o.ClusterMin, 0), 3)
	defs := [...]float64{4, 2, 2, 12, 20, 3, 6, 28}
	for i, v := range [...]*float64{&o.MarkRadius, &o.MinBarPx, &o.RowGap, &o.ClusterPx, &o.BadgePx, &o.LabelPad, &o.LabelGap, &o.MinLabelPx} {
		if !(*v > 0) {
			*v = defs[i]
		}
	}
	o.LabelPad = math.Max(o.LabelPad, o.LabelGap/2)
	return o
}

// layoutLongDays splits a lane's items: spans up to this many days are found by binary search
// on their start; longer ones are few and scanned.
const layoutLongDays = 62

type layoutLane struct {
	short, long           []int // item indices sorted by start, then longest first
	shortStart, longStart []Day
}

// layoutAux holds per-Placed working state of one Arrange call.
type layoutAux struct {
	prev     int     // the one before in the same row, -1 for none
	gLo, gHi float64 // bounds for labels in the gap after this one (the next one's left label, its right label)
	hLo, hHi float64 // the same for the space before this one when it is first in its row
}

type layoutSortKey struct {
	x float64
	i int
}

type layoutKey struct {
	prio int
	i    int
}

// Layout lays out a fixed set of items for any Scale: lanes, rows, clusters and labels. Make it
// once per content with NewLayout and call Arrange for every frame; Arrange reuses its buffers,
// so once warm a frame allocates nothing. Not safe for concurrent use.
type Layout struct {
	opt   LayoutOptions
	items []LayoutItem
	lanes []layoutLane

	out      []Placed
	aux      []layoutAux
	members  []int
	vis      []int
	group    []int
	order    []layoutKey
	keys     []layoutSortKey
	tmp      []Placed
	rowRight []float64
	rowLast  []int
}

// NewLayout prepares items for layout: it copies them and sorts each lane's items by start once.
// Lanes are numbered from 0 to the largest Lane given. It fails on a negative lane, an end
// before its start, or a label width that is not a finite non-negative number.
func NewLayout(items []LayoutItem, opt LayoutOptions) (*Layout, error) {
	l := &Layout{opt: opt.withDefaults(), items: slices.Clone(items)}
	nLanes := 0
	for _, it := range items {
		switch {
		case it.Lane < 0:
			return nil, fmt.Errorf("layout item %q: lane %d is negative", it.ID, it.Lane)
		case it.End < it.Start:
			return nil, fmt.Errorf("layout item %q: end %s is before start %s", it.ID, it.End.Date(), it.Start.Date())
		case !(it.LabelW >= 0) || math.IsInf(it.LabelW, 0):
			return nil, fmt.Errorf("layout item %q: label width %v px is not a finite non-negative number", it.ID, it.LabelW)
		}
		nLanes = max(nLanes, it.Lane+1)
	}
	l.lanes = make([]layoutLane, nLanes)
	for i, it := range items {
		ln := &l.lanes[it.Lane]
		if it.End-it.Start+1 > layoutLongDays {
			ln.long = append(ln.long, i)
		} else {
			ln.short = append(ln.short, i)
		}
	}
	byStart := func(a, b int) int {
		ia, ib := &l.items[a], &l.items[b]
		return cmp.Or(cmp.Compare(ia.Start, ib.Start), cmp.Compare(ib.End, ia.End), cmp.Compare(a, b))
	}
	for k := range l.lanes {
		ln := &l.lanes[k]
		slices.SortFunc(ln.short, byStart)
		slices.SortFunc(ln.long, byStart)
		for _, i := range ln.short {
			ln.shortStart = append(ln.shortStart, l.items[i].Start)
		}
		for _, i := range ln.long {
			ln.longStart = append(ln.longStart, l.items[i].Start)
		}
	}
	l.rowRight = make([]float64, l.opt.MaxRows)
	l.rowLast = make([]int, l.opt.MaxRows)
	return l, nil
}

// Lanes returns the number of lanes.
func (l *Layout) Lanes() int { return len(l.lanes) }

// Options returns the options in use, defaults filled in.
func (l *Layout) Options() LayoutOptions { return l.opt }

// Members returns the indices of the items a cluster stands for (nil for a mark or bar). The
// slice belongs to the Layout and is valid until the next Arrange.
func (l *Layout) Members(p Placed) []int {
	if p.Kind != PlacedCluster {
		return nil
	}
	return l.members[p.membersAt : p.membersAt+p.membersN]
}

// PlacedAt returns the index in the last Arrange result of the thing in lane and row whose box or
// label, widened by slop px on each side, holds x px, the nearest if several; -1 when none.
func (l *Layout) PlacedAt(lane, row int, x, slop float64) int {
	best, bestD := -1, math.Inf(1)
	for i, p := range l.out {
		if p.Lane != lane || p.Row != row {
			continue
		}
		d := math.Max(0, math.Max(p.BoxX0-x, x-p.BoxX1))
		if p.Label != LabelHidden {
			d = math.Min(d, math.Max(0, math.Max(p.LabelX-x, x-p.LabelX-p.LabelW)))
		}
		if d <= slop && d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// Arrange lays out the items visible in s: every item whose days meet the view is either drawn
// (a mark or bar) or counted in exactly one cluster. The result is grouped by lane; it is
// reused, and so only valid, until the next Arrange.
func (l *Layout) Arrange(s Scale) []Placed {
	l.out, l.aux, l.members = l.out[:0], l.aux[:0], l.members[:0]
	if !(s.PxPerDay() > 0) { // the zero Scale shows nothing
		return l.out
	}
	for lane := range l.lanes {
		first := len(l.out)
		l.collectVisible(lane, s.Start(), s.End())
		l.emitUnits(lane, s)
		l.sortUnits(first)
		l.packRows(first, s.Width())
		l.linkRows(first, s.Width())
	}
	l.placeLabels(s.Width())
	return l.out
}

// collectVisible fills l.vis with the lane's items that meet [t0, t1), sorted by start.
func (l *Layout) collectVisible(lane int, t0, t1 float64) {
	ln := &l.lanes[lane]
	l.vis = l.vis[:0]
	lo := layoutSearch(ln.shortStart, t0-layoutLongDays-1)
	hi := layoutSearch(ln.shortStart, t1)
	longHi := layoutSearch(ln.longStart, t1)
	j := 0
	for i := lo; i <= hi; i++ {
		// Merge in long items that start before short item i (or all that remain at the end).
		for ; j < longHi && (i == hi || ln.longStart[j] <= ln.shortStart[i]); j++ {
			if k := ln.long[j]; float64(l.items[k].End)+1 > t0 {
				l.vis = append(l.vis, k)
			}
		}
		if i < hi {
			if k := ln.short[i]; float64(l.items[k].End)+1 > t0 {
				l.vis = append(l.vis, k)
			}
		}
	}
}

// layoutSearch returns the index of the first day in sorted days that is ≥ t (or len(days)).
func layoutSearch(days []Day, t float64) int {
	return sort.Search(len(days), func(i int) bool { return float64(days[i]) >= t })
}

// emitUnits appends a Placed for each visible item of the lane, merging runs of more than
// ClusterMin narrow items whose centres lie within ClusterPx into clusters.
func (l *Layout) emitUnits(lane int, s Scale) {
	o := &l.opt
	l.group = l.group[:0]
	anchor := 0.0
	for _, k := range l.vis {
		x0, x1, _, _, mark := l.itemBox(k, s)
		if !mark && x1-x0 >= o.ClusterPx {
			l.out = append(l.out, l.itemUnit(k, lane, s))
			continue
		}
		c := (x0 + x1) / 2
		if len(l.group) > 0 && c > anchor+o.ClusterPx {
			l.flushGroup(lane, s)
		}
		if len(l.group) == 0 {
			anchor = c
		}
		l.group = append(l.group, k)
	}
	l.flushGroup(lane, s)
}

// itemBox returns where item k is drawn: X0 and X1, its box, and whether it is a mark.
func (l *Layout) itemBox(k int, s Scale) (x0, x1, b0, b1 float64, mark bool) {
	it := &l.items[k]
	if it.End == it.Start {
		x0 = s.X(float64(it.Start) + 0.5)
		return x0, x0, x0 - l.opt.MarkRadius, x0 + l.opt.MarkRadius, true
	}
	x0, x1 = s.X(float64(it.Start)), s.X(float64(it.End)+1)
	return x0, x1, x0, math.Max(x1, x0+l.opt.MinBarPx), false
}

// itemUnit returns the Placed of item k drawn as a mark or bar.
func (l *Layout) itemUnit(k, lane int, s Scale) Placed {
	it := &l.items[k]
	p := Placed{Kind: PlacedBar, Item: k, Lane: lane, Start: it.Start, End: it.End, Approximate: it.Approximate, Count: 1}
	var mark bool
	p.X0, p.X1, p.BoxX0, p.BoxX1, mark = l.itemBox(k, s)
	if mark {
		p.Kind = PlacedMark
	}
	return p
}

// sortUnits sorts the lane's units l.out[first:] by BoxX0, sorting small keys rather than
// the units themselves, and only when they are out of order.
func (l *Layout) sortUnits(first int) {
	units := l.out[first:]
	if slices.IsSortedFunc(units, func(a, b Placed) int { return cmp.Compare(a.BoxX0, b.BoxX0) }) {
		return
	}
	l.keys = l.keys[:0]
	for i := range units {
		l.keys = append(l.keys, layoutSortKey{units[i].BoxX0, i})
	}
	slices.SortFunc(l.keys, func(a, b layoutSortKey) int { return cmp.Or(cmp.Compare(a.x, b.x), a.i-b.i) })
	l.tmp = append(l.tmp[:0], units...)
	for j, k := range l.keys {
		units[j] = l.tmp[k.i]
	}
}

// flushGroup emits the pending group of narrow items: as one cluster when it has more than
// ClusterMin items, else one by one.
func (l *Layout) flushGroup(lane int, s Scale) {
	if len(l.group) == 0 {
		return
	}
	if len(l.group) <= l.opt.ClusterMin {
		for _, k := range l.group {
			l.out = append(l.out, l.itemUnit(k, lane, s))
		}
		l.group = l.group[:0]
		return
	}
	c := Placed{Kind: PlacedCluster, Item: -1, Lane: lane, membersAt: len(l.members),
		BoxX0: math.Inf(1), BoxX1: math.Inf(-1), Start: l.items[l.group[0]].Start}
	for _, k := range l.group {
		_, _, b0, b1, _ := l.itemBox(k, s)
		c.BoxX0, c.BoxX1 = math.Min(c.BoxX0, b0), math.Max(c.BoxX1, b1)
		c.Start, c.End = min(c.Start, l.items[k].Start), max(c.End, l.items[k].End)
		l.members = append(l.members, k)
	}
	if w := c.BoxX1 - c.BoxX0; w < l.opt.BadgePx {
		mid := (c.BoxX0 + c.BoxX1) / 2
		c.BoxX0, c.BoxX1 = mid-l.opt.BadgePx/2, mid+l.opt.BadgePx/2
	}
	c.X0, c.X1 = c.BoxX0, c.BoxX1
	c.membersN = len(l.group)
	c.Count = c.membersN
	l.out = append(l.out, c)
	l.group = l.group[:0]
}

// packRows puts the lane's units (l.out[first:], sorted by BoxX0) into the first row with room;
// those that find none are replaced by overflow badges in row MaxRows.
func (l *Layout) packRows(first int, width float64) {
	o := &l.opt
	for r := range l.rowRight {
		l.rowRight[r] = math.Inf(-1)
	}
	end := len(l.out)
	overflow := false
	for i := first; i < end; i++ {
		p := &l.out[i]
		p.Row = -1
		for r, right := range l.rowRight {
			if right+o.RowGap <= p.BoxX0 {
				p.Row = r
				l.rowRight[r] = p.BoxX1
				break
			}
		}
		overflow = overflow || p.Row < 0
	}
	if !overflow {
		return
	}
	badge := -1
	for i := first; i < end; i++ {
		p := l.out[i]
		if p.Row >= 0 {
			continue
		}
		a := math.Min(math.Max(p.BoxX0, 0), width-o.BadgePx)
		if badge < 0 || a >= l.out[badge].BoxX1+o.RowGap {
			badge = len(l.out)
			l.out = append(l.out, Placed{Kind: PlacedCluster, Item: -1, Lane: p.Lane, Row: o.MaxRows,
				X0: a, X1: a + o.BadgePx, BoxX0: a, BoxX1: a + o.BadgePx,
				Start: p.Start, End: p.End, membersAt: len(l.members)})
		}
		b := &l.out[badge]
		b.Start, b.End = min(b.Start, p.Start), max(b.End, p.End)
		if p.Kind == PlacedCluster {
			l.members = append(l.members, l.members[p.membersAt:p.membersAt+p.membersN]...)
		} else {
			l.members = append(l.members, p.Item)
		}
		b.membersN = len(l.members) - b.membersAt
		b.Count = b.membersN
	}
	w := first
	for i := first; i < len(l.out); i++ {
		if l.out[i].Row >= 0 {
			l.out[w] = l.out[i]
			w++
		}
	}
	l.out = l.out[:w]
}

// linkRows records each unit's row neighbours and the free label space around it.
func (l *Layout) linkRows(first int, width float64) {
	o := &l.opt
	for r := range l.rowLast {
		l.rowLast[r] = -1
	}
	for i := first; i < len(l.out); i++ {
		l.aux = append(l.aux, layoutAux{prev: -1})
		p := &l.out[i]
		if p.Row >= o.MaxRows {
			continue
		}
		a := &l.aux[i]
		a.gLo, a.gHi = p.BoxX1+o.LabelPad, width
		if prev := l.rowLast[p.Row]; prev >= 0 {
			a.prev = prev
			l.aux[prev].gHi = math.Min(width, p.BoxX0-o.LabelPad)
		} else {
			a.hLo, a.hHi = 0, width
		}
		l.rowLast[p.Row] = i
	}
}
