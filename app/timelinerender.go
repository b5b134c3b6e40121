package app

import (
	"image"
	"image/color"
	"slices"
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
// Refresh repositions and recolours, never rebuilds; extras are hidden. It reads its widget
// and never changes it.
type timelineRenderer struct {
	t        *TimelineView
	bg       *canvas.Rectangle
	axisBg   *canvas.Rectangle
	minor    *canvas.Raster // the minor tick marks along the axis, one image rather than a rectangle each
	minorXs  []int          // their x in pixels of the raster and their colour, as drawn
	minorCol color.NRGBA
	tickBuf  []int
	short    map[shortKey]string // labels cut to fit, by room
	gutter   *canvas.Rectangle
	laneBars []*canvas.Rectangle // a lane's colour beside its name, over the gutter
	rects    []*canvas.Rectangle
	circles  []*canvas.Circle
	texts    []*canvas.Text
	cursor   *canvas.Rectangle
	handle   *canvas.Circle
	objects  []fyne.CanvasObject
	nr, nc   int // rectangles and circles used this frame
	nt       int
}

func newTimelineRenderer(t *TimelineView) *timelineRenderer {
	r := &timelineRenderer{t: t,
		bg: canvas.NewRectangle(color.Transparent), axisBg: canvas.NewRectangle(color.Transparent),
		gutter: canvas.NewRectangle(color.Transparent), cursor: canvas.NewRectangle(color.Black),
		handle: canvas.NewCircle(color.Black), short: map[shortKey]string{}}
	r.minor = canvas.NewRaster(r.drawMinorTicks)
	r.minor.ScaleMode = canvas.ImageScalePixels
	r.rebuild()
	return r
}

func (r *timelineRenderer) rebuild() {
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.bg, r.axisBg, r.minor)
	for _, o := range r.rects {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.circles {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, r.gutter)
	for _, o := range r.laneBars {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.texts {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, r.cursor, r.handle)
}

// drawMinorTicks paints the minor tick marks into a w×h image (device pixels: the raster
// spans the band's width and the ticks' height).
func (r *timelineRenderer) drawMinorTicks(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	width := float64(r.t.Size().Width)
	if width <= 0 {
		return img
	}
	k := float64(w) / width
	c := color.RGBAModel.Convert(r.minorCol).(color.RGBA)
	for _, x := range r.minorXs {
		px := int(float64(x) * k)
		if px < 0 || px >= w {
			continue
		}
		for y := 0; y < h; y++ {
			img.SetRGBA(px, y, c)
		}
	}
	return img
}

// rect takes the next pooled rectangle and gives it a look (refreshed only if it changed).
func (r *timelineRenderer) rect(fill, stroke color.Color, strokeWidth, radius float32) *canvas.Rectangle {
	if r.nr == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
		r.rebuild()
	}
	o := r.rects[r.nr]
	r.nr++
	setRect(o, fill, stroke, strokeWidth, radius)
	o.Show()
	return o
}

// circle takes the next pooled circle and gives it a look.
func (r *timelineRenderer) circle(fill, stroke color.Color, strokeWidth float32) *canvas.Circle {
	if r.nc == len(r.circles) {
		r.circles = append(r.circles, canvas.NewCircle(color.Transparent))
		r.rebuild()
	}
	o := r.circles[r.nc]
	r.nc++
	setCircle(o, fill, stroke, strokeWidth)
	o.Show()
	return o
}

// text takes the next pooled text and gives it its words and look.
func (r *timelineRenderer) text(s string, size float32, col color.Color, bold bool) *canvas.Text {
	if r.nt == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", color.Transparent))
		r.rebuild()
	}
	o := r.texts[r.nt]
	r.nt++
	setText(o, s, size, fyne.TextStyle{Bold: bold}, col)
	o.Show()
	return o
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timelineRenderer) Destroy()                     {}
func (r *timelineRenderer) MinSize() fyne.Size           { return r.t.minSize() }

func (r *timelineRenderer) Layout(size fyne.Size) { r.draw(size) }

// Refresh redraws the band. Only objects whose look changed are refreshed; the canvas is
// marked for repainting through the background (refreshing the widget would make the GL
// painter rasterize every text again).
func (r *timelineRenderer) Refresh() {
	r.draw(r.t.Size())
	canvas.Refresh(r.bg)
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
	th, v := t.Theme(), themeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	bgc := th.Color(theme.ColorNameBackground, v)
	muted := th.Color(theme.ColorNameDisabled, v)
	accent := th.Color(theme.ColorNamePrimary, v)
	dark := isDark(th)
	none := color.Transparent
	pad := th.Size(theme.SizeNamePadding)

	setRect(r.bg, bgc, none, 0, 0)
	place(r.bg, 0, 0, size.Width, size.Height)
	// The window is cleared to the app theme's background: the band fills its own only under a
	// theme of its own (a ThemeOverride), sparing the GL painter a fill of its area every frame.
	if sameColor(bgc, appBackground()) {
		r.bg.Hide()
	} else {
		r.bg.Show()
	}
	setRect(r.axisBg, th.Color(theme.ColorNameInputBackground, v), none, 0, 0)
	place(r.axisBg, 0, 0, size.Width, tlAxisH)

	// Lanes: alternate shading.
	lh := t.laneH
	for i := range t.lanes {
		if i%2 == 1 {
			place(r.rect(withAlpha(fg, 10), none, 0, 0), 0, tlAxisH+float32(i)*lh, size.Width, lh)
		}
	}

	// Ticks: major ones run down the lanes, minor ones are marks on the axis, drawn together.
	bottom := tlAxisH + float32(len(t.lanes))*lh
	xs := r.tickBuf[:0]
	for _, tk := range t.tickMarks {
		x := t.gutter + float32(tk.X)
		if tk.Major {
			place(r.rect(withAlpha(fg, 60), none, 0, 0), x, 0, 1, bottom)
		} else {
			xs = append(xs, int(x))
		}
		if tk.Label != "" {
			txt := r.text(tk.Label, 11, fg, tk.Major)
			txt.Move(fyne.NewPos(x+3, 4))
		}
	}
	r.tickBuf = xs
	if minorCol := withAlpha(fg, 40); !slices.Equal(xs, r.minorXs) || minorCol != r.minorCol {
		r.minorXs, r.minorCol = append(r.minorXs[:0], xs...), minorCol
		r.minor.Refresh()
	}
	place(r.minor, 0, tlAxisH-8, size.Width, 8)
	if t.lead != "" {
		r.text(t.lead, 11, fg, true).Move(fyne.NewPos(t.gutter+float32(t.leadX), 4))
	}

	// Events.
	sel := t.state.Selection()
	selDrawn := false
	for _, p := range t.placed {
		y := t.rowY(p.Lane, p.Row)
		col := t.laneColor(p.Lane)
		if dark {
			col = lighten(col)
		}
		isSel := false
		if p.Item >= 0 && sel.Kind == timeline.KindEvent && t.items[p.Item].ID == sel.ID {
			isSel, selDrawn = true, true
			col = color.NRGBAModel.Convert(accent).(color.NRGBA)
		}
		switch p.Kind {
		case timeline.PlacedBar:
			x0 := fyne.Max(t.gutter+float32(p.X0), t.gutter)
			x1 := fyne.Min(t.gutter+float32(p.X1), size.Width)
			if x1-x0 < 2 {
				x1 = x0 + 2
			}
			fill, stroke, sw := color.Color(withAlpha(col, 235)), color.Color(none), float32(0)
			if p.Approximate {
				fill, stroke, sw = withAlpha(col, 90), col, 1
			}
			if isSel {
				stroke, sw = fg, 2
			}
			place(r.rect(fill, stroke, sw, 3), x0, y+2, x1-x0, t.rowH-4)
		case timeline.PlacedMark:
			rad := float32(5)
			if isSel {
				rad = 7
			}
			var c *canvas.Circle
			if p.Approximate {
				c = r.circle(none, col, 2)
			} else {
				c = r.circle(col, bgc, 1)
			}
			place(c, t.gutter+float32(p.X0)-rad, y+t.rowH/2-rad, 2*rad, 2*rad)
		case timeline.PlacedCluster:
			bw := float32(p.BoxX1 - p.BoxX0)
			place(r.rect(withAlpha(col, 230), none, 0, (t.rowH-2)/2), t.gutter+float32(p.BoxX0), y+1, bw, t.rowH-2)
			count := strconv.Itoa(p.Count)
			if p.Row >= t.rows {
				count = "+" + count // items that found no row in the lane
			}
			txt := r.text(count, 11, color.White, true)
			tw := fyne.MeasureText(txt.Text, 11, txt.TextStyle).Width
			txt.Move(fyne.NewPos(t.gutter+float32(p.BoxX0)+(bw-tw)/2, y+1))
		}
		if p.Label != timeline.LabelHidden && p.Item >= 0 {
			label := t.events[p.Item].Title.In(t.lang)
			if p.Label == timeline.LabelShort {
				label = r.shorten(label, float32(p.LabelW), t.labelSize)
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
			r.text(label, t.labelSize, tc, isSel).Move(fyne.NewPos(t.gutter+float32(p.LabelX), y+(t.rowH-t.labelSize)/2-2))
		}
	}

	// The selected event is always seen, even where it is counted in a cluster: drawn in the
	// accent colour over the top row of its lane, with its name.
	if !selDrawn && sel.Kind == timeline.KindEvent {
		r.drawSelection(sel.ID, size, accent, bgc)
	}

	// Gutter with the lane names, over anything that scrolled under it.
	setRect(r.gutter, bgc, none, 0, 0)
	place(r.gutter, 0, tlAxisH, t.gutter, bottom-tlAxisH)
	for len(r.laneBars) < len(t.lanes) {
		r.laneBars = append(r.laneBars, canvas.NewRectangle(color.Transparent))
		r.rebuild()
	}
	for i, l := range t.lanes {
		r.text(l.Name.In(t.lang), 12, fg, true).Move(fyne.NewPos(pad*2, tlAxisH+float32(i)*lh+lh/2-9))
		setRect(r.laneBars[i], t.laneColor(i), none, 0, 0)
		place(r.laneBars[i], 2, tlAxisH+float32(i)*lh+4, 3, lh-8)
		r.laneBars[i].Show()
	}
	for i := len(t.lanes); i < len(r.laneBars); i++ {
		r.laneBars[i].Hide()
	}
	if len(t.lanes) == 0 {
		r.text(lang.L("All categories are hidden: use Filters to show them."), 12, muted, false).Move(fyne.NewPos(t.gutter+8, tlAxisH+8))
	}

	// The cursor of the date shown.
	cx := t.X(float64(t.state.Date()) + 0.5)
	if cx >= t.gutter && cx <= size.Width {
		setRect(r.cursor, accent, none, 0, 0)
		place(r.cursor, cx-1, 0, 2, bottom)
		setCircle(r.handle, accent, none, 0)
		place(r.handle, cx-7, tlAxisH-14, 14, 14)
		r.cursor.Show()
		r.handle.Show()
	} else {
		r.cursor.Hide()
		r.handle.Hide()
	}

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

// drawSelection draws the selected event (one not placed on its own) over its lane's top row.
func (r *timelineRenderer) drawSelection(id string, size fyne.Size, accent, bgc color.Color) {
	t := r.t
	for i, it := range t.items {
		if it.ID != id {
			continue
		}
		y := t.rowY(it.Lane, 0)
		x0 := t.X(float64(it.Start))
		x1 := t.X(float64(it.End) + 1)
		if x1 < t.gutter || x0 > size.Width {
			return
		}
		if x1-x0 < 10 {
			c := r.circle(accent, bgc, 2)
			mid := (x0 + x1) / 2
			place(c, mid-7, y+t.rowH/2-7, 14, 14)
			x1 = mid + 8
		} else {
			x0 = fyne.Max(x0, t.gutter)
			place(r.rect(accent, bgc, 2, 3), x0, y+1, fyne.Min(x1, size.Width)-x0, t.rowH-2)
			x1 = x0 + 4
		}
		label := r.text(t.events[i].Title.In(t.lang), t.labelSize, accent, true)
		label.Move(fyne.NewPos(x1+2, y-t.rowH+2))
		return
	}
}

// lighten brightens a lane colour for the dark theme.
func lighten(c color.NRGBA) color.NRGBA {
	f := func(v uint8) uint8 { return uint8(int(v) + (255-int(v))*2/5) }
	return color.NRGBA{f(c.R), f(c.G), f(c.B), c.A}
}
