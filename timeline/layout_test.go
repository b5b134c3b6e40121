package timeline

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"testing"
)

// layoutSynthetic returns n seeded random items in 5 lanes: spans of 2 days to about 4 years
// (log-uniform) and single days, 10% approximate, priorities 1–5, labels 40–220 px. When warHeavy
// is set they are shaped like the real content (193 events, 70% spans, two thirds starting in
// 1941–1945): 70% spans and 70% of starts in the war; otherwise 40% spans, starts uniform.
func layoutSynthetic(n int, seed int64, warHeavy bool) []LayoutItem {
	rng := rand.New(rand.NewSource(seed))
	items := make([]LayoutItem, n)
	warFirst, warLast := DayOf(1941, 6, 22), DayOf(1945, 9, 2)
	spans := 0.4
	if warHeavy {
		spans = 0.7
	}
	for i := range items {
		lo, hi := PeriodStart, PeriodEnd
		if warHeavy && rng.Float64() < 0.7 {
			lo, hi = warFirst, warLast
		}
		start := lo + Day(rng.Intn(int(hi-lo)+1))
		end := start
		if rng.Float64() < spans {
			end = min(start+Day(math.Exp(rng.Float64()*math.Log(1500)))+1, PeriodEnd)
		}
		items[i] = LayoutItem{
			ID: fmt.Sprintf("ev-%d", i), Lane: rng.Intn(5), Start: start, End: end,
			Approximate: rng.Float64() < 0.1, Priority: 1 + rng.Intn(5), LabelW: 40 + rng.Float64()*180,
		}
	}
	return items
}

// layoutCheck fails t unless out is a valid layout of items for s.
func layoutCheck(t *testing.T, l *Layout, items []LayoutItem, s Scale, out []Placed, what string) {
	t.Helper()
	o := l.Options()
	seen := make([]int, len(items))
	type rowKey struct{ lane, row int }
	rows := map[rowKey][]Placed{}
	for _, p := range out {
		if p.Row < 0 || p.Row > o.MaxRows || (p.Row == o.MaxRows && p.Kind != PlacedCluster) {
			t.Fatalf("%s: %+v in row %d, want 0..%d (row %d for badges only)", what, p, p.Row, o.MaxRows-1, o.MaxRows)
		}
		if p.BoxX1 < p.BoxX0 {
			t.Fatalf("%s: box [%v, %v] reversed", what, p.BoxX0, p.BoxX1)
		}
		switch p.Kind {
		case PlacedCluster:
			m := l.Members(p)
			if p.Count != len(m) || len(m) == 0 {
				t.Fatalf("%s: cluster count %d with %d members", what, p.Count, len(m))
			}
			if p.Row < o.MaxRows && p.Count <= o.ClusterMin {
				t.Fatalf("%s: cluster of %d items, want more than %d", what, p.Count, o.ClusterMin)
			}
			for _, k := range m {
				seen[k]++
				if items[k].Lane != p.Lane {
					t.Fatalf("%s: cluster in lane %d holds item %d of lane %d", what, p.Lane, k, items[k].Lane)
				}
			}
		case PlacedMark, PlacedBar:
			seen[p.Item]++
			it := items[p.Item]
			if wantMark := it.End == it.Start; (p.Kind == PlacedMark) != wantMark || it.Lane != p.Lane {
				t.Fatalf("%s: item %+v placed as kind %d in lane %d", what, it, p.Kind, p.Lane)
			}
			if p.Approximate != it.Approximate {
				t.Fatalf("%s: item %d Approximate = %v, want %v", what, p.Item, p.Approximate, it.Approximate)
			}
			switch p.Label {
			case LabelFull:
				if p.LabelW != it.LabelW {
					t.Fatalf("%s: full label width %v, want %v", what, p.LabelW, it.LabelW)
				}
			case LabelShort:
				if p.LabelW < o.MinLabelPx || p.LabelW >= it.LabelW {
					t.Fatalf("%s: short label width %v, want [%v, %v)", what, p.LabelW, o.MinLabelPx, it.LabelW)
				}
			}
			if p.Label != LabelHidden && (p.LabelX < -1e-9 || p.LabelX+p.LabelW > s.Width()+1e-9) {
				t.Fatalf("%s: label [%v, %v] outside the view [0, %v]", what, p.LabelX, p.LabelX+p.LabelW, s.Width())
			}
		default:
			t.Fatalf("%s: unknown kind %d", what, p.Kind)
		}
		rows[rowKey{p.Lane, p.Row}] = append(rows[rowKey{p.Lane, p.Row}], p)
	}
	for k, it := range items {
		visible := float64(it.Start) < s.End() && float64(it.End)+1 > s.Start()
		want := 0
		if visible {
			want = 1
		}
		if seen[k] != want {
			t.Fatalf("%s: item %d %+v (visible %v) drawn or clustered %d times, want %d", what, k, it, visible, seen[k], want)
		}
	}
	for key, ps := range rows {
		sort.Slice(ps, func(i, j int) bool { return ps[i].BoxX0 < ps[j].BoxX0 })
		for i := 1; i < len(ps); i++ {
			if ps[i].BoxX0 < ps[i-1].BoxX1+o.RowGap-1e-9 {
				t.Fatalf("%s: lane %d row %d: boxes [%v, %v] and [%v, %v] overlap", what, key.lane, key.row,
					ps[i-1].BoxX0, ps[i-1].BoxX1, ps[i].BoxX0, ps[i].BoxX1)
			}
		}
		for i, p := range ps {
			if p.Label == LabelHidden {
				continue
			}
			l0, l1 := p.LabelX, p.LabelX+p.LabelW
			inside := p.Kind == PlacedBar && l0 >= p.X0-1e-9 && l1 <= p.X1+1e-9
			for j, q := range ps {
				if j == i {
					continue
				}
				if l0 < q.BoxX1 && q.BoxX0 < l1 {
					t.Fatalf("%s: lane %d row %d: label [%v, %v] of item %d covers box [%v, %v] of %+v", what, key.lane, key.row, l0, l1, p.Item, q.BoxX0, q.BoxX1, q)
				}
				if q.Label != LabelHidden && l0 < q.LabelX+q.LabelW+o.LabelGap-1e-9 && q.LabelX < l1+o.LabelGap-1e-9 {
					t.Fatalf("%s: lane %d row %d: labels [%v, %v] and [%v, %v] overlap", what, key.lane, key.row, l0, l1, q.LabelX, q.LabelX+q.LabelW)
				}
			}
			if !inside && l0 < p.BoxX1 && p.BoxX0 < l1 {
				t.Fatalf("%s: label [%v, %v] neither inside nor beside its own box [%v, %v]", what, l0, l1, p.BoxX0, p.BoxX1)
			}
		}
	}
}

func TestLayoutRandomViews(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for _, n := range []int{0, 1, 30, 31, 400, 401, 3000, 3001} {
		items := layoutSynthetic(n, int64(n), n < 1000)
		// Context events outside the period are never visible.
		items = append(items, LayoutItem{ID: "lenin", Lane: 1, Start: DayOf(1924, 1, 21), End: DayOf(1924, 1, 21), LabelW: 50},
			LayoutItem{ID: "kgb", Lane: 2, Start: DayOf(1954, 3, 13), End: DayOf(1991, 12, 3), LabelW: 30})
		opt := LayoutOptions{}
		if n%2 == 1 { // odd sizes try other options
			opt = LayoutOptions{MaxRows: 1 + rng.Intn(4), ClusterMin: 1 + rng.Intn(5), ClusterPx: 4 + rng.Float64()*20,
				MarkRadius: 1 + rng.Float64()*6, LabelGap: 1 + rng.Float64()*10, MinLabelPx: 10 + rng.Float64()*40}
		}
		l, err := NewLayout(items, opt)
		if err != nil {
			t.Fatal(err)
		}
		steps := 150
		if testing.Short() {
			steps = 30
		}
		clusters, labels := 0, 0
		for i := 0; i < steps; i++ {
			w := 300 + rng.Float64()*2000
			s := NewScale(w)
			s.ZoomAbout(math.Exp(rng.Float64()*math.Log(s.MaxPxPerDay()/s.MinPxPerDay()+1)), rng.Float64()*w)
			s.Pan(rng.NormFloat64() * w * 10)
			out := l.Arrange(s)
			layoutCheck(t, l, items, s, out, fmt.Sprintf("n=%d step %d", n, i))
			for _, p := range out {
				if p.Kind == PlacedCluster {
					clusters++
				} else if p.Label != LabelHidden {
					labels++
				}
			}
		}
		if n >= 400 && (clusters == 0 || labels == 0) {
			t.Errorf("n=%d: %d clusters, %d labels over all views: the test missed a case", n, clusters, labels)
		}
	}
}

func TestLayoutCases(t *testing.T) {
	day := DayOf(1942, 11, 19)
	mark := func(id string, d Day, prio int, w float64) LayoutItem {
		return LayoutItem{ID: id, Start: d, End: d, Priority: prio, LabelW: w}
	}
	bar := func(id string, d0, d1 Day, w float64) LayoutItem {
		return LayoutItem{ID: id, Start: d0, End: d1, Priority: 3, LabelW: w}
	}
	type want struct {
		kind  PlacedKind
		item  int
		row   int
		count int
		label LabelFit
	}
	tests := []struct {
		name  string
		items []LayoutItem
		ppd   float64 // px per day; the view starts 100 px before day and is 1000 px wide
		want  []want  // in output order
	}{
		{"lone mark labelled", []LayoutItem{mark("a", day, 3, 80)}, 10,
			[]want{{PlacedMark, 0, 0, 1, LabelFull}}},
		{"bar label inside", []LayoutItem{bar("a", day, day+20, 80)}, 10,
			[]want{{PlacedBar, 0, 0, 1, LabelFull}}},
		{"bar label cut short inside", []LayoutItem{bar("a", day, day+4, 400), mark("b", day+6, 1, 40)}, 10,
			[]want{{PlacedBar, 0, 0, 1, LabelShort}, {PlacedMark, 1, 0, 1, LabelFull}}},
		{"higher priority wins the shared gap", []LayoutItem{mark("a", day-9, 1, 90), mark("b", day+2, 5, 90), mark("c", day+4, 1, 0)}, 10,
			[]want{{PlacedMark, 0, 0, 1, LabelHidden}, {PlacedMark, 1, 0, 1, LabelFull}, {PlacedMark, 2, 0, 1, LabelHidden}}},
		{"higher priority wins the shared gap, reversed", []LayoutItem{mark("a", day-9, 5, 90), mark("b", day+2, 1, 90), mark("c", day+4, 1, 0)}, 10,
			[]want{{PlacedMark, 0, 0, 1, LabelFull}, {PlacedMark, 1, 0, 1, LabelHidden}, {PlacedMark, 2, 0, 1, LabelHidden}}},
		{"overlapping bars stack", []LayoutItem{bar("a", day, day+30, 50), bar("b", day+1, day+30, 50), bar("c", day+2, day+30, 50)}, 10,
			[]want{{PlacedBar, 0, 0, 1, LabelFull}, {PlacedBar, 1, 1, 1, LabelFull}, {PlacedBar, 2, 2, 1, LabelFull}}},
		{"fourth bar overflows to a badge", []LayoutItem{bar("a", day, day+30, 0), bar("b", day+1, day+30, 0), bar("c", day+2, day+30, 0), bar("d", day+3, day+30, 0)}, 10,
			[]want{{PlacedBar, 0, 0, 1, LabelHidden}, {PlacedBar, 1, 1, 1, LabelHidden}, {PlacedBar, 2, 2, 1, LabelHidden}, {PlacedCluster, -1, 3, 1, LabelHidden}}},
		{"three close marks stay marks", []LayoutItem{mark("a", day, 1, 0), mark("b", day, 1, 0), mark("c", day+1, 1, 0)}, 5,
			[]want{{PlacedMark, 0, 0, 1, LabelHidden}, {PlacedMark, 1, 1, 1, LabelHidden}, {PlacedMark, 2, 2, 1, LabelHidden}}},
		{"five close marks cluster", []LayoutItem{mark("a", day, 1, 50), mark("b", day, 1, 50), mark("c", day+1, 1, 50), mark("d", day+1, 1, 50), mark("e", day+2, 1, 50)}, 5,
			[]want{{PlacedCluster, -1, 0, 5, LabelHidden}}},
		{"marks apart at deep zoom", []LayoutItem{mark("a", day, 1, 50), mark("b", day+1, 1, 50), mark("c", day+2, 1, 50), mark("d", day+3, 1, 50)}, 100,
			[]want{{PlacedMark, 0, 0, 1, LabelFull}, {PlacedMark, 1, 0, 1, LabelFull}, {PlacedMark, 2, 0, 1, LabelFull}, {PlacedMark, 3, 0, 1, LabelFull}}},
		{"out of view ignored", []LayoutItem{mark("a", day-20, 1, 50), mark("b", day+200, 1, 50)}, 10, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := NewLayout(tc.items, LayoutOptions{})
			if err != nil {
				t.Fatal(err)
			}
			s := NewScale(1000)
			s.ShowRange(float64(day)-100/tc.ppd, float64(day)+900/tc.ppd)
			out := l.Arrange(s)
			layoutCheck(t, l, tc.items, s, out, tc.name)
			if len(out) != len(tc.want) {
				t.Fatalf("got %d placed, want %d: %+v", len(out), len(tc.want), out)
			}
			for i, w := range tc.want {
				p := out[i]
				got := want{p.Kind, p.Item, p.Row, p.Count, p.Label}
				if got != w {
					t.Errorf("placed %d = %+v, want %+v", i, got, w)
				}
			}
		})
	}
}

func TestNewLayoutErrors(t *testing.T) {
	d := DayOf(1942, 1, 1)
	tests := []struct {
		name string
		item LayoutItem
	}{
		{"negative lane", LayoutItem{ID: "a", Lane: -1, Start: d, End: d}},
		{"end before start", LayoutItem{ID: "a", Start: d, End: d - 1}},
		{"NaN label width", LayoutItem{ID: "a", Start: d, End: d, LabelW: math.NaN()}},
		{"negative label width", LayoutItem{ID: "a", Start: d, End: d, LabelW: -3}},
	}
	for _, tc := range tests {
		if _, err := NewLayout([]LayoutItem{tc.item}, LayoutOptions{}); err == nil {
			t.Errorf("%s: NewLayout succeeded, want an error", tc.name)
		}
	}
	l, err := NewLayout([]LayoutItem{{ID: "a", Lane: 4, Start: d, End: d}}, LayoutOptions{})
	if err != nil || l.Lanes() != 5 {
		t.Errorf("NewLayout with lane 4: lanes %v, error %v; want 5 lanes, no error", l.Lanes(), err)
	}
}

func TestLayoutNoAllocsWhenWarm(t *testing.T) {
	items := layoutSynthetic(2000, 9, false)
	l, err := NewLayout(items, LayoutOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := NewTickMaker(nil)
	run := func() {
		s := NewScale(1920)
		for i := 0; i < 30; i++ {
			s.ZoomAbout(1.35, 900)
			m.Ticks(s)
			l.Arrange(s)
		}
		for i := 0; i < 30; i++ {
			s.Pan(-200)
			m.Ticks(s)
			l.Arrange(s)
		}
	}
	if allocs := testing.AllocsPerRun(3, run); allocs > 0 {
		t.Errorf("warm frames allocated %v times per run of 60 frames, want 0", allocs)
	}
}

func TestLayoutPlacedAtAndOptions(t *testing.T) {
	day := DayOf(1943, 7, 5)
	items := []LayoutItem{
		{ID: "kursk", Start: day, End: day + 49, LabelW: 60},
		{ID: "prokhorovka", Start: day + 7, End: day + 7, LabelW: 80},
		{ID: "later", Start: day + 8, End: day + 60},
	}
	l, err := NewLayout(items, LayoutOptions{MaxRows: 1})
	if err != nil {
		t.Fatal(err)
	}
	s := NewScale(1000)
	s.ShowRange(float64(day), float64(day)+100) // 10 px per day
	out := l.Arrange(s)
	layoutCheck(t, l, items, s, out, "one row")
	if got := l.Options().MaxRows; got != 1 {
		t.Fatalf("MaxRows = %d, want 1", got)
	}
	tests := []struct {
		name      string
		row       int
		x, slop   float64
		wantItem  int // -1 for a cluster
		wantFound bool
	}{
		{"on the bar", 0, 250, 0, 0, true},
		{"on the bar's label", 0, 30, 0, 0, true},
		{"overflow badge holds the mark and the later bar", 1, 75, 0, -1, true},
		{"past everything", 0, 900, 5, 0, false},
		{"empty row", 2, 250, 50, 0, false},
	}
	for _, tc := range tests {
		i := l.PlacedAt(0, tc.row, tc.x, tc.slop)
		if (i >= 0) != tc.wantFound {
			t.Errorf("%s: PlacedAt = %d, want found %v", tc.name, i, tc.wantFound)
			continue
		}
		if i >= 0 && out[i].Item != tc.wantItem {
			t.Errorf("%s: PlacedAt found item %d, want %d", tc.name, out[i].Item, tc.wantItem)
		}
		if i >= 0 && out[i].Kind == PlacedCluster {
			if got := len(l.Members(out[i])); got != 2 {
				t.Errorf("%s: badge holds %d items, want 2", tc.name, got)
			}
		}
	}
}

func TestLayoutRandomOptions(t *testing.T) {
	seeds := int64(150)
	if testing.Short() {
		seeds = 30
	}
	for seed := int64(0); seed < seeds; seed++ {
		rng := rand.New(rand.NewSource(seed))
		items := layoutSynthetic(rng.Intn(1500), seed, rng.Intn(2) == 0)
		opt := LayoutOptions{MaxRows: 1 + rng.Intn(4), ClusterMin: 1 + rng.Intn(5), ClusterPx: 4 + rng.Float64()*20,
			MarkRadius: 1 + rng.Float64()*6, LabelGap: 1 + rng.Float64()*10, MinLabelPx: 10 + rng.Float64()*40,
			LabelPad: 1 + rng.Float64()*5, BadgePx: 8 + rng.Float64()*20, RowGap: rng.Float64() * 4, MinBarPx: 1 + rng.Float64()*3}
		l, err := NewLayout(items, opt)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 20; i++ {
			w := 100 + rng.Float64()*3000
			s := NewScale(w)
			s.ZoomAbout(math.Exp(rng.Float64()*math.Log(s.MaxPxPerDay()/s.MinPxPerDay()+1)), rng.Float64()*w)
			s.Pan(rng.NormFloat64() * w * 10)
			layoutCheck(t, l, items, s, l.Arrange(s), fmt.Sprintf("seed %d step %d, options %+v", seed, i, l.Options()))
		}
	}
}
