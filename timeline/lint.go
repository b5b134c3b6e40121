package timeline

import (
	"fmt"
	"sort"
)

// Warnings lists what is allowed in a pack but probably unintended, for authors to review:
// images that are missing or too large (the app shows a monogram), sources no item cites, events without places (not shown on the map), and people, medals,
// places, organizations and veterans that no event links to or from. It does not modify c.
// The result is sorted by kind (Kinds order), then id.
func (c *Catalog) Warnings() []string {
	type warning struct {
		r   Ref
		msg string
	}
	var ws []warning
	for _, e := range c.events {
		if len(e.Places) == 0 {
			ws = append(ws, warning{Ref{KindEvent, e.ID}, "has no places, so it is not shown on the map"})
		}
	}
	for r := range c.byRef {
		switch r.Kind {
		case KindEvent:
			continue
		case KindSource:
			if len(c.to[r]) == 0 {
				ws = append(ws, warning{r, "is cited by no item"})
			}
		default:
			if len(c.Related(r, KindEvent)) == 0 {
				ws = append(ws, warning{r, "is linked to no event"})
			}
		}
	}
	sort.Slice(ws, func(i, j int) bool {
		a, b := ws[i].r, ws[j].r
		if ka, kb := kindIndex(a.Kind), kindIndex(b.Kind); ka != kb {
			return ka < kb
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return ws[i].msg < ws[j].msg
	})
	out := append([]string(nil), c.loadWarnings...)
	for _, w := range ws {
		out = append(out, fmt.Sprintf("%s %q %s", w.r.Kind, w.r.ID, w.msg))
	}
	return append(out, c.UnlinkedMentions()...) // places named in texts without a link
}
