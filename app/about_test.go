package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/buildinfo"
)

// The About box (the ☰ menu's last entry) names the version.
func TestAboutBoxShowsVersion(t *testing.T) {
	u, win := newTestUI(t, 1280, 800, Options{})
	test.Tap(u.Menu.Button)
	test.Tap(u.Menu.Entry(menuAboutLabel()))
	var text string
	for _, o := range win.Canvas().Overlays().List() {
		walkObjects(o, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Frontline Atlas") {
				text = l.Text
			}
		})
	}
	if want := "Frontline Atlas " + buildinfo.Version() + "\n"; !strings.HasPrefix(text, want) {
		t.Fatalf("the About box says %q…, want it to start with %q", firstLine(text), want)
	}
	if !strings.Contains(text, "SIL Open Font License") {
		t.Errorf("the About box does not credit the fonts")
	}
}

func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkObjects(c, f)
		}
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
