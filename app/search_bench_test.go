package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/internal/cputime"
)

// BenchmarkSearchKeystrokeUI measures what one keystroke in the search field costs the window
// besides painting: searching the embedded pack, filling and laying out the rows of the card
// (up to 30 results and their headings) at 1920×1080. Each op types the next letter of a
// query, from its first letter to the whole; the figure is per keystroke.
func BenchmarkSearchKeystrokeUI(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(NewTheme("dark"))
	c := benchContent(b)
	u := New(c.Catalog, c.Map, Options{Headless: true})
	win := test.NewTempWindow(b, nil)
	u.Attach(win)
	win.Resize(fyne.NewSize(benchW, benchH))
	win.Canvas().Focus(u.Search)
	for _, q := range []string{"Moscow", "Rokosovsky", "Kaliningrad", "xyzzy"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			defer cputime.Report(b)()
			i := 0
			for b.Loop() {
				i = i%len(q) + 1
				u.Search.SetText(q[:i]) // OnChanged runs the search and fills the card
			}
			if !u.Search.Open() {
				b.Fatal(fmt.Sprintf("the card is closed after typing %q", q))
			}
		})
	}
}
