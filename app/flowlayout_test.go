package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// At 175 and 200 % text on a 1280×720 window the timeline's controls wrap onto a second row,
// every one inside the window; at 100 % they keep one row.
func TestTimelineControlsWrapAtLargeText(t *testing.T) {
	for _, tc := range []struct {
		percent int
		rows    int
	}{{100, 1}, {175, 2}, {200, 2}} {
		t.Run(fmt.Sprintf("%d%%", tc.percent), func(t *testing.T) {
			u, win := newTestUI(t, 1280, 720, Options{})
			u.Settings.SetTextPercent(tc.percent)
			win.Resize(fyne.NewSize(1280, 720))
			c := u.Timeline.Controls
			if c.flow.rows != tc.rows {
				t.Errorf("the controls take %d rows, want %d", c.flow.rows, tc.rows)
			}
			width := win.Canvas().Size().Width
			for _, o := range c.Box.Objects {
				abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
				if abs.X+o.Size().Width > width+0.5 {
					t.Errorf("a control ends at x %.0f, beyond the window's %.0f", abs.X+o.Size().Width, width)
				}
			}
			band := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Timeline)
			box := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.Box)
			if box.Y+c.Box.Size().Height > band.Y+0.5 {
				t.Errorf("the controls (to y %.0f) overlap the band (from y %.0f)", box.Y+c.Box.Size().Height, band.Y)
			}
			if u.Timeline.Size().Height < 100 {
				t.Errorf("the band is only %.0f px tall", u.Timeline.Size().Height)
			}
		})
	}
}
