package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/timeline"
)

// BenchmarkTextSizeChange measures one step of the text size (100 % ↔ 110 %) in a 1920×1080
// window on the embedded pack: the theme is replaced, Fyne lays out and refreshes every widget
// of the window, and the window is painted with the software painter ("paint" alone, for
// comparison, paints the window without a change).
func BenchmarkTextSizeChange(b *testing.B) {
	b.Run("change", func(b *testing.B) { benchTextSize(b, true) })
	b.Run("paint", func(b *testing.B) { benchTextSize(b, false) })
}

func benchTextSize(b *testing.B, change bool) {
	test.NewTempApp(b)
	c := benchContent(b)
	NewSettings(nil, "light").Apply()
	u := New(c.Catalog, c.Map, Options{Date: timeline.DayOf(1943, 7, 5), Event: "battle-of-kursk", Headless: true, Theme: "light"})
	win := test.NewTempWindow(b, nil)
	u.Attach(win)
	win.Resize(fyne.NewSize(benchW, benchH))
	u.Map.WaitReady()
	win.Canvas().Capture()
	steps := []int{110, 100}
	i := 0
	for b.Loop() {
		if change {
			u.Settings.SetTextPercent(steps[i%2])
			i++
		}
		win.Canvas().Capture()
	}
	b.StopTimer()
	u.Map.Close()
}
