package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// timelineTexts returns the texts the band draws: event labels, lane names, ticks and badges.
func timelineTexts(tv *TimelineView) []*canvas.Text {
	// The band paints its texts into one image (timelineband.go): they are the renderer's
	// pooled texts in use, not objects on the canvas.
	var out []*canvas.Text
	r := test.WidgetRenderer(tv).(*timelineRenderer)
	for _, tx := range r.texts[:r.nt] {
		if tx.Visible() && tx.Text != "" {
			out = append(out, tx)
		}
	}
	return out
}

// At the default size the band's text is at least 14 px at 1080p (12 px at 720p) and grows
// with the text size setting; every lane, its rows and its badges lie inside the band, and
// the band inside the window; no text runs out of the band.
func TestTimelineTextSizesAndFit(t *testing.T) {
	cases := []struct {
		w, h     float32
		percent  int
		min      float32 // lane names, and the band's text size
		labelMin float32 // event labels, fitted to the rows
	}{
		{1920, 1080, 100, 14, 14},
		{1280, 720, 100, 12, 9},
		{1024, 600, 100, 12, 9}, // a netbook, a small kiosk screen: the band at its least height
		{1920, 1080, 150, 21, 18},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%.0fx%.0f@%d%%", c.w, c.h, c.percent), func(t *testing.T) {
			u, win := newWholeUI(t, c.w, c.h, Options{})
			if c.percent != 100 {
				u.Settings.SetTextPercent(c.percent)
				win.Resize(fyne.NewSize(c.w, c.h))
			}
			tv := u.Timeline
			tv.Refresh()
			if tv.text < c.min || tv.text > c.min+0.5 {
				t.Errorf("the band's text is %.1f px, want %.0f", tv.text, c.min)
			}
			names := map[string]bool{}
			for _, l := range tv.Lanes() {
				names[l.Name.In(tv.lang)] = true
			}
			labels := 0
			for _, tx := range timelineTexts(tv) {
				if names[tx.Text] && tx.TextSize < c.min {
					t.Errorf("lane name %q is %.1f px, want at least %.0f", tx.Text, tx.TextSize, c.min)
				}
				if !names[tx.Text] && tx.TextSize >= c.labelMin {
					labels++
				}
				if bottom := tx.Position().Y + tx.TextSize*1.3; bottom > tv.Size().Height+0.5 {
					t.Errorf("text %q ends at y %.0f, below the band (%.0f)", tx.Text, bottom, tv.Size().Height)
				}
			}
			if labels < 10 {
				t.Errorf("only %d labels of the band are %.0f px or larger", labels, c.labelMin)
			}
			bottom := tv.rowY(len(tv.Lanes())-1, tv.rows) + tv.rowH
			if bottom > tv.Size().Height+0.5 {
				t.Errorf("the last lane's badge row ends at %.0f, below the band (%.0f)", bottom, tv.Size().Height)
			}
			abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(tv)
			if end := abs.Y + tv.Size().Height; end > win.Canvas().Size().Height+0.5 {
				t.Errorf("the band ends at y %.0f, below the window (%.0f)", end, win.Canvas().Size().Height)
			}
		})
	}
}
