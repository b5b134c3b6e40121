package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// negativeSizes lists the visible objects under o with a negative width or height (Fyne's
// software painter, which draws snapshots, panics on a stroked one), by their path of types.
func negativeSizes(o fyne.CanvasObject, path string) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	path = fmt.Sprintf("%s/%T", path, o)
	var out []string
	if s := o.Size(); s.Width < 0 || s.Height < 0 {
		out = append(out, fmt.Sprintf("%s %.1f×%.1f", path, s.Width, s.Height))
	}
	switch x := o.(type) {
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, negativeSizes(c, path)...)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, negativeSizes(c, path)...)
		}
	}
	return out
}

// TestSmallestSnapshot: `snapshot --size 320x240` (the smallest size the command takes)
// panicked in Fyne's software painter: the top bar's border layout gave the search field a
// width of −134 px (found by the soak). The bar now drops the title, then the search field, and
// nothing has a negative size; the picture is drawn.
func TestSmallestSnapshot(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(NewTheme("light"))
	c := loadTestContent(t)
	for _, size := range []fyne.Size{{Width: 320, Height: 240}, {Width: 400, Height: 300}, {Width: 640, Height: 480}, {Width: 1280, Height: 720}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			u := New(c.Catalog, c.Map, Options{Event: "operation-uranus", Headless: true})
			defer u.Close()
			img := RenderUI(u, int(size.Width), int(size.Height))
			if b := img.Bounds(); b.Dx() != int(size.Width) || b.Dy() != int(size.Height) {
				t.Errorf("picture %v", b)
			}
			if n := negativeSizes(u.Content(), ""); len(n) > 0 {
				t.Errorf("objects with a negative size: %v", n)
			}
			min := u.root.MinSize().Width
			sx, sw := u.searchSlot.Position().X, u.Search.Size().Width // in the bar (the field sits in a slot)
			if out := sx+sw <= 0; !out && (sx < 0 || sw < touchMin) {
				t.Errorf("the search field is %.0f px wide at x=%.0f: want it at least %d px wide in the bar, or out of sight", sw, sx, touchMin)
			}
			titled := sx > 0
			if size.Width >= min && !titled {
				t.Errorf("at %.0f px (the window's minimum is %.0f) the title or the search field is hidden", size.Width, min)
			}
			if size.Width < min && titled {
				t.Errorf("at %.0f px, below the window's minimum of %.0f, the title still takes room from the search field", size.Width, min)
			}
		})
	}
}
