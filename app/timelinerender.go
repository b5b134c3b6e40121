package app

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/timeline"
)

// defaultLaneColors are used for lanes whose pack gives no colour.
var defaultLaneColors = []color.NRGBA{
	{0x3b, 0x5b, 0x8c, 0xff}, {0xa3, 0x3b, 0x2f, 0xff}, {0x5c, 0x4a, 0x3a, 0xff}, {0x3d, 0x7a, 0x4a, 0xff}, {0x6a, 0x4c, 0x8c, 0xff},
}

// timelineRenderer owns pools of rectangles, circles and texts and reuses them every frame:
// Refresh repositions and recolours, never rebuilds; extras are hidden.
type timelineRenderer struct {
	t       *TimelineView
	bg      *canvas.Rectangle
	axisBg  *canvas.Rectangle
	gutter  *canvas.Rectangle
	rects   []*canvas.Rectangle
	circles []*canvas.Circle
	texts   []*canvas.Text
	cursor  *canvas.Rectangle
	handle  *canvas.Circle
	objects []fyne.CanvasObject
	nr, nc  int // rectangles and circles used this frame
	nt      int
}

func newTimelineRenderer(t *TimelineView) *timelineRenderer {
	r := &timelineRenderer{t: t,
		bg: canvas.NewRectangle(color.Transparent), axisBg: canvas.NewRectangle(color.Transparent),
		gutter: canvas.NewRectangle(color.Transparent), cursor: canvas.NewRectangle(color.Black),
		handle: canvas.NewCircle(color.Black)}
	r.rebuild()
	return r
}

func (r *timelineRenderer) rebuild() {
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.bg, r.axisBg)
	for _, o := range r.rects {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.circles {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, r.gutter)
	for _, o := range r.texts {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, r.cursor, r.handle)
}

func (r *timelineRenderer) rect() *canvas.Rectangle {
	if r.nr == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(color.Black))
		r.rebuild()
	}
	o := r.rects[r.nr]
	r.nr++
	o.StrokeWidth, o.CornerRadius = 0, 0
	o.Show()
	return o
}

func (r *timelineRenderer) circle() *canvas.Circle {
	if r.nc == len(r.circles) {
		r.circles = append(r.circles, canvas.NewCircle(color.Black))
		r.rebuild()
	}
	o := r.circles[r.nc]
	r.nc++
	o.StrokeWidth = 0
	o.Show()
	return o
}

func (r *timelineRenderer) text(s string, size float32, col color.Color, bold bool) *canvas.Text {
	if r.nt == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", color.Black))
		r.rebuild()
	}
	o := r.texts[r.nt]
	r.nt++
	o.Text, o.TextSize, o.Color, o.TextStyle = s, size, col, fyne.TextStyle{Bold: bold}
	o.Show()
	return o
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timelineRenderer) Destroy()                     {}
func (r *timelineRenderer) MinSize() fyne.Size           { return r.t.minSize() }

func (r *timelineRenderer) Layout(size fyne.Size) {
	t := r.t
	t.fitLanes(size.Height)
	w := float64(size.Width - t.gutter)
	if w < 1 {
		w = 1
	}
	if !t.sized {
		t.scale = timeline.NewScale(w)
		t.sized = true
		t.keepCursorVisible()
	} else if t.scale.Width() != w {
		t.scale.SetWidth(w)
	}
	r.draw(size)
}

func (r *timelineRenderer) Refresh() {
	r.draw(r.t.Size())
	canvas.Refresh(r.t)
}

// laneColor returns the colour of lane i.
func (t *TimelineView) laneColor(i int) color.NRGBA {
	if i < len(t.lanes) && t.lanes[i].Color != "" {
		return ParseHexColor(t.lanes[i].Color)
	}
	return defaultLaneColors[i%len(defaultLaneColors)]
}

func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

func (r *timelineRenderer) draw(size fyne.Size) {
	t := r.t
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	r.nr, r.nc, r.nt = 0, 0, 0
	fg := theme.Color(theme.ColorNameForeground)
	bgc := theme.Color(theme.ColorNameBackground)
	muted := theme.Color(theme.ColorNameDisabled)
	accent := theme.Color(theme.ColorNamePrimary)
	dark := Variant() == theme.VariantDark

	r.bg.FillColor = bgc
	r.bg.Resize(size)
	r.axisBg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.axisBg.Move(fyne.NewPos(0, 0))
	r.axisBg.Resize(fyne.NewSize(size.Width, tlAxisH))
	r.bg.Refresh()
	r.axisBg.Refresh()

	// Lanes: alternate shading and names.
	lh := t.laneH
	for i := range t.lanes {
		if i%2 == 1 {
			o := r.rect()
			o.FillColor = withAlpha(fg, 10)
			o.Move(fyne.NewPos(0, tlAxisH+float32(i)*lh))
			o.Resize(fyne.NewSize(size.Width, lh))
			o.Refresh()
		}
	}

	// Ticks.
	ticks := t.ticks.Ticks(t.scale)
	bottom := tlAxisH + float32(len(t.lanes))*lh
	for _, tk := range ticks {
		x := t.gutter + float32(tk.X)
		o := r.rect()
		if tk.Major {
			o.FillColor = withAlpha(fg, 60)
			o.Move(fyne.NewPos(x, 0))
			o.Resize(fyne.NewSize(1, bottom))
		} else {
			o.FillColor = withAlpha(fg, 40)
			o.Move(fyne.NewPos(x, tlAxisH-8))
			o.Resize(fyne.NewSize(1, 8))
		}
		o.Refresh()
		if tk.Label != "" {
			txt := r.text(tk.Label, 11, fg, tk.Major)
			txt.Move(fyne.NewPos(x+3, 4))
			txt.Refresh()
		}
	}
	if lead, lx, _ := t.ticks.Lead(); lead != "" {
		txt := r.text(lead, 11, fg, true)
		txt.Move(fyne.NewPos(t.gutter+float32(lx), 4))
		txt.Refresh()
	}

	// Events.
	sel := t.state.Selection()
	t.placed = append(t.placed[:0], t.lay.Arrange(t.scale)...)
	for _, p := range t.placed {
		y := t.rowY(p.Lane, p.Row)
		col := t.laneColor(p.Lane)
		if dark {
			col = lighten(col)
		}
		isSel := false
		if p.Item >= 0 && sel.Kind == timeline.KindEvent && t.items[p.Item].ID == sel.ID {
			isSel = true
			col = color.NRGBAModel.Convert(accent).(color.NRGBA)
		}
		switch p.Kind {
		case timeline.PlacedBar:
			x0 := fyne.Max(t.gutter+float32(p.X0), t.gutter)
			x1 := fyne.Min(t.gutter+float32(p.X1), size.Width)
			if x1-x0 < 2 {
				x1 = x0 + 2
			}
			o := r.rect()
			o.CornerRadius = 3
			if p.Approximate {
				o.FillColor = withAlpha(col, 90)
				o.StrokeColor, o.StrokeWidth = col, 1
			} else {
				o.FillColor = withAlpha(col, 235)
			}
			if isSel {
				o.StrokeColor, o.StrokeWidth = fg, 2
			}
			o.Move(fyne.NewPos(x0, y+2))
			o.Resize(fyne.NewSize(x1-x0, t.rowH-4))
			o.Refresh()
		case timeline.PlacedMark:
			c := r.circle()
			rad := float32(5)
			if isSel {
				rad = 7
			}
			if p.Approximate {
				c.FillColor = color.Transparent
				c.StrokeColor, c.StrokeWidth = col, 2
			} else {
				c.FillColor = col
				c.StrokeColor, c.StrokeWidth = bgc, 1
			}
			c.Move(fyne.NewPos(t.gutter+float32(p.X0)-rad, y+t.rowH/2-rad))
			c.Resize(fyne.NewSize(2*rad, 2*rad))
			c.Refresh()
		case timeline.PlacedCluster:
			bw := float32(p.BoxX1 - p.BoxX0)
			o := r.rect()
			o.CornerRadius = (t.rowH - 2) / 2
			o.FillColor = withAlpha(col, 230)
			o.Move(fyne.NewPos(t.gutter+float32(p.BoxX0), y+1))
			o.Resize(fyne.NewSize(bw, t.rowH-2))
			o.Refresh()
			count := strconv.Itoa(p.Count)
			if p.Row >= t.rows {
				count = "+" + count // items that found no row in the lane
			}
			txt := r.text(count, 11, color.White, true)
			tw := fyne.MeasureText(txt.Text, 11, txt.TextStyle).Width
			txt.Move(fyne.NewPos(t.gutter+float32(p.BoxX0)+(bw-tw)/2, y+1))
			txt.Refresh()
		}
		if p.Label != timeline.LabelHidden && p.Item >= 0 {
			label := t.events[p.Item].Title.String()
			if p.Label == timeline.LabelShort {
				label = shorten(label, float32(p.LabelW), tlLabelSize)
			}
			tc := fg
			inside := p.Kind == timeline.PlacedBar && p.LabelX >= p.X0 && p.LabelX+p.LabelW <= p.X1
			if inside && !p.Approximate {
				tc = color.White
				if dark {
					tc = color.NRGBA{0x10, 0x14, 0x1a, 0xff} // on the lightened bars of the dark theme
				}
			}
			if isSel && !inside {
				tc = accent
			}
			txt := r.text(label, tlLabelSize, tc, isSel)
			txt.Move(fyne.NewPos(t.gutter+float32(p.LabelX), y+1))
			txt.Refresh()
		}
	}

	// Gutter with the lane names, over anything that scrolled under it.
	r.gutter.FillColor = bgc
	r.gutter.Move(fyne.NewPos(0, tlAxisH))
	r.gutter.Resize(fyne.NewSize(t.gutter, bottom-tlAxisH))
	r.gutter.Refresh()
	for i, l := range t.lanes {
		bar := r.text(l.Name.String(), 12, fg, true)
		bar.Move(fyne.NewPos(theme.Padding()*2, tlAxisH+float32(i)*lh+lh/2-9))
		bar.Refresh()
		sw := r.rect()
		sw.FillColor = t.laneColor(i)
		sw.Move(fyne.NewPos(2, tlAxisH+float32(i)*lh+4))
		sw.Resize(fyne.NewSize(3, lh-8))
		sw.Refresh()
	}
	if len(t.lanes) == 0 {
		txt := r.text(lang.L("All categories are hidden: use Filters to show them."), 12, muted, false)
		txt.Move(fyne.NewPos(t.gutter+8, tlAxisH+8))
		txt.Refresh()
	}

	// The cursor of the date shown.
	cx := t.X(float64(t.state.Date()) + 0.5)
	if cx >= t.gutter && cx <= size.Width {
		r.cursor.FillColor = accent
		r.cursor.Move(fyne.NewPos(cx-1, 0))
		r.cursor.Resize(fyne.NewSize(2, bottom))
		r.handle.FillColor = accent
		r.handle.Move(fyne.NewPos(cx-7, tlAxisH-14))
		r.handle.Resize(fyne.NewSize(14, 14))
		r.cursor.Show()
		r.handle.Show()
	} else {
		r.cursor.Hide()
		r.handle.Hide()
	}
	r.cursor.Refresh()
	r.handle.Refresh()

	for i := r.nr; i < len(r.rects); i++ {
		r.rects[i].Hide()
	}
	for i := r.nc; i < len(r.circles); i++ {
		r.circles[i].Hide()
	}
	for i := r.nt; i < len(r.texts); i++ {
		r.texts[i].Hide()
	}
}

// lighten brightens a lane colour for the dark theme.
func lighten(c color.NRGBA) color.NRGBA {
	f := func(v uint8) uint8 { return uint8(int(v) + (255-int(v))*2/5) }
	return color.NRGBA{f(c.R), f(c.G), f(c.B), c.A}
}

// shorten cuts s to fit w pixels at the text size, ending it with "…".
func shorten(s string, w float32, size float32) string {
	rs := []rune(s)
	for n := len(rs); n > 1; n-- {
		c := string(rs[:n-1]) + "…"
		if fyne.MeasureText(c, size, fyne.TextStyle{}).Width <= w {
			return c
		}
	}
	return "…"
}
