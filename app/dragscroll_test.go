package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/timeline"
)

// lowestLink returns the key and link of the details page that lies lowest on the page.
func lowestLink(d *Details) (string, *Link) {
	var key string
	var low *Link
	for k, l := range d.Links {
		if low == nil || l.Position().Y > low.Position().Y {
			key, low = k, l
		}
	}
	return key, low
}

// A finger drags the details panel up and taps a link that was below the fold: it opens.
func TestDragScrollsDetailsThenTapOpensLinkBelowTheFold(t *testing.T) {
	u, win := newTestUI(t, 1280, 720, Options{})
	u.Open(timeline.Ref{Kind: timeline.KindPerson, ID: "zhukov"})
	c := win.Canvas()
	key, link := lowestLink(u.Details)
	if link == nil {
		t.Fatal("the page of zhukov has no links")
	}
	panel := u.Details.Object()
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(panel)
	bottom := top.Y + panel.Size().Height
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(link)
	if abs.Y < bottom {
		t.Fatalf("link %s is already in view (y %.0f, panel ends at %.0f): the page is too short for this test", key, abs.Y, bottom)
	}
	// Drag from the middle of the panel upwards by as much as the link is below the fold.
	from := fyne.NewPos(top.X+panel.Size().Width/2, top.Y+panel.Size().Height*0.8)
	dy := abs.Y - bottom + link.Size().Height + 40
	test.Drag(c, from, 0, -dy)
	if got := u.Details.view.Offset.Y; got < dy-1 && got < u.Details.box.MinSize().Height-panel.Size().Height-1 {
		t.Fatalf("after a drag of %.0f px the panel scrolled by %.0f", dy, got)
	}
	abs = fyne.CurrentApp().Driver().AbsolutePositionForObject(link)
	if abs.Y+link.Size().Height > bottom {
		t.Fatalf("link %s still below the fold after the drag (y %.0f, panel ends at %.0f)", key, abs.Y, bottom)
	}
	test.TapCanvas(c, abs.Add(fyne.NewPos(24, link.Size().Height/2)))
	sel := u.State.Selection()
	if got := string(sel.Kind) + ":" + sel.ID; got != key {
		t.Errorf("tapping link %s after the drag opened %s", key, got)
	}
}

// A finger that slides a few pixels while tapping a link still opens it; one that slides
// further scrolls and opens nothing.
func TestSmallSlideOnLinkIsATap(t *testing.T) {
	u, win := newTestUI(t, 1280, 720, Options{})
	u.Open(timeline.Ref{Kind: timeline.KindPerson, ID: "zhukov"})
	var key string
	var link *Link
	for k, l := range u.Details.Links {
		if strings.HasPrefix(k, "event:") && (link == nil || l.Position().Y < link.Position().Y) {
			key, link = k, l
		}
	}
	if link == nil {
		t.Fatal("no event link on the page of zhukov")
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(link).Add(fyne.NewPos(24, link.Size().Height/2))
	test.Drag(win.Canvas(), abs, 0, -40)
	if sel := u.State.Selection(); sel.ID != "zhukov" {
		t.Fatalf("a 40 px drag on a link opened %v", sel)
	}
	abs = fyne.CurrentApp().Driver().AbsolutePositionForObject(link).Add(fyne.NewPos(24, link.Size().Height/2))
	test.Drag(win.Canvas(), abs, 3, -4)
	if sel := u.State.Selection(); string(sel.Kind)+":"+sel.ID != key {
		t.Errorf("a 5 px slide on link %s opened %v, want the link", key, sel)
	}
}

// The filter list fits above its button in a short window, and a drag scrolls to the theatres
// at its end.
func TestFilterListScrollsByDrag(t *testing.T) {
	u, win := newTestUI(t, 1280, 500, Options{})
	c := u.Timeline.Controls
	test.Tap(c.FiltersB)
	if c.lanesPop == nil || !c.lanesPop.Visible() {
		t.Fatal("Filters opened no list")
	}
	scroll, ok := c.lanesPop.Content.(*DragScroll)
	if !ok {
		t.Fatalf("the filter list is a %T, want a DragScroll", c.lanesPop.Content)
	}
	btn := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.FiltersB)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(scroll)
	if at.Y+scroll.Size().Height > btn.Y+1 {
		t.Errorf("the filter list (y %.0f, height %.0f) covers its button at y %.0f", at.Y, scroll.Size().Height, btn.Y)
	}
	if scroll.Content.MinSize().Height <= scroll.Size().Height {
		t.Skipf("the list fits (%.0f in %.0f): nothing to scroll", scroll.Content.MinSize().Height, scroll.Size().Height)
	}
	test.Drag(win.Canvas(), at.Add(fyne.NewPos(40, scroll.Size().Height-10)), 0, -100)
	if scroll.Offset.Y < 50 {
		t.Errorf("a drag of 100 px scrolled the filter list by %.0f", scroll.Offset.Y)
	}
}
