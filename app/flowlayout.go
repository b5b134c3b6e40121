package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flowLayout lays its objects out left to right at their minimum sizes and wraps onto a new
// row where the width runs out: the timeline's controls take two rows at 175–200 % text on a
// 1280 px window instead of running off its right edge. Its minimum width is the widest
// object, its minimum height that of the rows it needed at the width it was last given (one
// row until then); when that count changes it calls relayout, so the container above gives
// it the height.
type flowLayout struct {
	width    float32
	rows     int
	relayout func()
}

func (l *flowLayout) gap() float32 { return theme.Padding() }

// arrange places the objects for a width (or only counts rows when place is false) and returns
// the number of rows and the row height.
func (l *flowLayout) arrange(objs []fyne.CanvasObject, width float32, place bool) (rows int, rowH float32) {
	for _, o := range objs {
		if o.Visible() {
			rowH = fyne.Max(rowH, o.MinSize().Height)
		}
	}
	x, y, gap := float32(0), float32(0), l.gap()
	rows = 1
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && width > 0 && x+m.Width > width {
			x, y = 0, y+rowH+gap
			rows++
		}
		if place {
			o.Move(fyne.NewPos(x, y+(rowH-m.Height)/2))
			o.Resize(fyne.NewSize(m.Width, m.Height))
		}
		x += m.Width + gap
	}
	return rows, rowH
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	rows, _ := l.arrange(objs, size.Width, true)
	if rows != l.rows {
		l.rows = rows
		if l.relayout != nil {
			l.relayout()
		}
	}
}

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = fyne.Max(w, o.MinSize().Width)
		}
	}
	rows, rowH := l.arrange(objs, l.width, false)
	return fyne.NewSize(w, float32(rows)*rowH+float32(rows-1)*l.gap())
}
