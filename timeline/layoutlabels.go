package timeline

import (
	"cmp"
	"math"
	"slices"
)

// placeLabels gives labels to marks and bars in order of priority, each in the first place
// that fits: inside its bar, right of it, left of it; then cut short in the same order.
func (l *Layout) placeLabels(width float64) {
	l.order = l.order[:0]
	for i, p := range l.out {
		if p.Kind != PlacedCluster && l.items[p.Item].LabelW > 0 {
			l.order = append(l.order, layoutKey{prio: l.items[p.Item].Priority, i: i})
		}
	}
	slices.SortFunc(l.order, func(a, b layoutKey) int { return cmp.Or(cmp.Compare(b.prio, a.prio), cmp.Compare(a.i, b.i)) })
	o := &l.opt
	for _, key := range l.order {
		i := key.i
		p := &l.out[i]
		a := &l.aux[i]
		w := l.items[p.Item].LabelW
		inside := -1.0
		if p.Kind == PlacedBar {
			inside = math.Min(p.X1, width) - math.Max(p.X0, 0) - 2*o.LabelPad
		}
		rStart := p.BoxX1 + o.LabelPad
		right := -1.0
		if rStart >= 0 {
			right = a.gHi - rStart
		}
		lo, hi := &a.hLo, &a.hHi
		if a.prev >= 0 {
			lo, hi = &l.aux[a.prev].gLo, &l.aux[a.prev].gHi
		}
		lEnd := p.BoxX0 - o.LabelPad
		left := -1.0
		if lEnd <= width {
			left = lEnd - math.Max(*lo, 0)
		}
		for _, full := range [2]bool{true, false} {
			need, fit := w, LabelFull
			if !full {
				need, fit = o.MinLabelPx, LabelShort
			}
			switch {
			case inside >= need:
				p.LabelX, p.LabelW = math.Max(p.X0, 0)+o.LabelPad, math.Min(w, inside)
			case right >= need:
				p.LabelX, p.LabelW = rStart, math.Min(w, right)
				a.gLo = math.Max(a.gLo, rStart+p.LabelW+o.LabelGap)
			case left >= need:
				p.LabelW = math.Min(w, left)
				p.LabelX = lEnd - p.LabelW
				*hi = math.Min(*hi, p.LabelX-o.LabelGap)
			default:
				continue
			}
			p.Label = fit
			if p.LabelW < w {
				p.Label = LabelShort
			}
			break
		}
	}
}
