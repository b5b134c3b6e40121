package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/timeline"
)

// Two ribbons drawn from their stripe specifications, compared with a golden image: the Order
// of the Red Star (three stripes) and the medal "For the Capture of Berlin" (nine).
func TestRibbonsGolden(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme("light"))
	redStar := timeline.Ribbon{WidthMM: 24, Stripes: []timeline.Stripe{
		{MM: 9.5, Color: "#8b1a1a"}, {MM: 5, Color: "#9a9a9a"}, {MM: 9.5, Color: "#8b1a1a"}}}
	berlin := timeline.Ribbon{WidthMM: 24, Stripes: []timeline.Stripe{
		{MM: 1, Color: "#f28c28"}, {MM: 7.5, Color: "#c8102e"}, {MM: 1.5, Color: "#111111"}, {MM: 1.5, Color: "#f28c28"},
		{MM: 1, Color: "#111111"}, {MM: 1.5, Color: "#f28c28"}, {MM: 1.5, Color: "#111111"}, {MM: 7.5, Color: "#c8102e"},
		{MM: 1, Color: "#f28c28"}}}
	w := test.NewTempWindow(t, container.NewHBox(NewRibbon(redStar, 120), NewRibbon(berlin, 120)))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(248, 48))
	test.AssertImageMatches(t, "ribbons.png", w.Canvas().Capture())
}

func TestRibbonStripesAreProportional(t *testing.T) {
	test.NewTempApp(t)
	spec := timeline.Ribbon{WidthMM: 24, Stripes: []timeline.Stripe{{MM: 6, Color: "#ff0000"}, {MM: 12, Color: "#00ff00"}, {MM: 6, Color: "#0000ff"}}}
	for _, width := range []float32{48, 96, 240} {
		r := NewRibbon(spec, width)
		r.Resize(fyne.NewSize(width, width/3))
		objs := test.WidgetRenderer(r).Objects()
		if got, want := objs[1].Size().Width, width/2; got < want-0.01 || got > want+0.51 {
			t.Errorf("at %v px the 12 mm centre stripe is %v px wide, want %v", width, got, want)
		}
		if got, want := objs[2].Position().X, width*0.75; got < want-0.01 || got > want+0.01 {
			t.Errorf("at %v px the last stripe starts at %v, want %v", width, got, want)
		}
	}
}
