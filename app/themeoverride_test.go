package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/timeline"
)

// TestSmallWidgetsDrawInTheirOwnTheme: the search card's rows and notice, a medal's ribbon
// and a person's monogram, placed under a ThemeOverride (the presenter's dark panel in a light
// window), take their colours from that theme and not from the app's; outside it they keep
// the app's.
func TestSmallWidgetsDrawInTheirOwnTheme(t *testing.T) {
	a := test.NewTempApp(t)
	light, dark := NewTheme("light"), NewTheme("dark")
	a.Settings().SetTheme(light)
	v := themeVariant()

	type parts struct {
		row, heading *searchRowView
		notice       *searchNotice
		ribbon       *Ribbon
		mono         fyne.CanvasObject
	}
	build := func() parts {
		p := parts{row: newSearchRowView(nil, 0), heading: newSearchRowView(nil, 1), notice: newSearchNotice(nil),
			ribbon: NewRibbon(timeline.Ribbon{WidthMM: 24, Stripes: []timeline.Stripe{{Color: "#c00000", MM: 24}}}, 72),
			mono:   NewMonogram("Ivan Konev")}
		p.row.set(searchRow{name: "Kursk"}, true)
		p.heading.set(searchRow{header: "Places"}, false)
		p.row.Refresh() // as the search does after set
		p.heading.Refresh()
		p.notice.noResults("zzz")
		return p
	}
	in, out := build(), build()
	objs := func(p parts) []fyne.CanvasObject {
		return []fyne.CanvasObject{p.row, p.heading, p.notice, p.ribbon, p.mono}
	}
	w := test.NewTempWindow(t, container.NewGridWithColumns(2,
		container.NewThemeOverride(container.NewVBox(objs(in)...), dark),
		container.NewVBox(objs(out)...)))
	w.Resize(fyne.NewSize(900, 600))

	for _, c := range []struct {
		part  string
		th    fyne.Theme
		p     parts
		other fyne.Theme
	}{{"inside the dark override", dark, in, light}, {"outside it", light, out, dark}} {
		want := func(what string, got color.Color, name fyne.ThemeColorName) {
			t.Helper()
			if sameColor(c.th.Color(name, v), c.other.Color(name, v)) {
				t.Fatalf("the light and dark themes share %s: the check of %s cannot tell them apart", name, what)
			}
			if !sameColor(got, c.th.Color(name, v)) {
				t.Errorf("%s: %s is %v, want the theme's %s %v", c.part, what, got, name, c.th.Color(name, v))
			}
		}
		want("the current hit's name", c.p.row.name.Color, theme.ColorNameForeground)
		want("the current hit's band", c.p.row.bg.FillColor, theme.ColorNameSelection)
		want("the heading's name", c.p.heading.name.Color, theme.ColorNameForeground)
		want("the notice's text", c.p.notice.before.Color, theme.ColorNameForeground)
		rr := test.WidgetRenderer(c.p.ribbon).(*ribbonRenderer)
		want("the ribbon's edge", rr.border.StrokeColor, theme.ColorNameShadow)
		mr := test.WidgetRenderer(c.p.mono.(*monogram)).(*monogramRenderer)
		want("the monogram's initials", mr.text.Color, theme.ColorNameForegroundOnPrimary)
		if mr.text.Text != "IK" {
			t.Errorf("%s: the monogram reads %q, want IK", c.part, mr.text.Text)
		}
	}

	// A change of the app's theme reaches the monogram outside the override.
	a.Settings().SetTheme(dark)
	mr := test.WidgetRenderer(out.mono.(*monogram)).(*monogramRenderer)
	if !sameColor(mr.text.Color, dark.Color(theme.ColorNameForegroundOnPrimary, v)) {
		t.Errorf("after switching to dark the monogram's initials are %v", mr.text.Color)
	}
}
