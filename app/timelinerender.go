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

// timelineRenderer lays the band out with pools of rectangles, circles and texts, reused every
// frame (Refresh repositions and recolours, never rebuilds; extras are hidden), and paints
// them into one image (timelineband.go) instead of putting them on the canvas: the canvas gets
// the background, that image, the date cursor and its handle. It reads its widget and never
// changes it.
type timelineRenderer struct {
	t        *TimelineView
	bg       *canvas.Rectangle
	axisBg   *canvas.Rectangle
	minorXs  []int // the minor tick marks along the axis: their x in pixels and their colour
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
	band     *timelineBand
	// pinned is what does not scroll with the strip while the band scrolls (timelinestrip.go):
	// the lane names and the label pinned at the left; hidden at rest, when the band has them.
	pinned  *timelineBand
	ops     []bandOp
	objects []fyne.CanvasObject
	nr, nc  int // rectangles and circles used this frame
	nt      int
	ntBand  int // texts of the band (those after it are the gutter's)
}

func newTimelineRenderer(t *TimelineView) *timelineRenderer {
	r := &timelineRenderer{t: t,
		bg: canvas.NewRectangle(color.Transparent), axisBg: canvas.NewRectangle(color.Transparent),
		gutter: canvas.NewRectangle(color.Transparent), cursor: canvas.NewRectangle(color.Black),
		handle: canvas.NewCircle(color.Black), short: map[shortKey]string{}, band: newTimelineBand(), pinned: newTimelineBand()}
	r.pinned.obj.Hide()
	r.objects = []fyne.CanvasObject{r.bg, r.band.obj, r.pinned.obj, r.cursor, r.handle}
	return r
}

// bandOps lists what the band paints, bottom to top: the axis, its minor ticks, the lanes'
// shading, the major ticks and the events, the gutter, the lanes' colours and every text.
// While the band scrolls, the strip has neither the gutter nor its texts (pinnedOps).
func (r *timelineRenderer) bandOps(gutter bool) []bandOp {
	ops := r.ops[:0]
	rect := func(o *canvas.Rectangle) { ops = appendRect(ops, o) }
	rect(r.axisBg)
	for _, x := range r.minorXs {
		ops = append(ops, bandOp{kind: bandRect, x: float32(x), y: r.t.axisHeight - 8, w: 1, h: 8, fill: r.minorCol})
	}
	for _, o := range r.rects[:r.nr] {
		rect(o)
	}
	for _, o := range r.circles[:r.nc] {
		ops = appendShape(ops, bandCircle, o, o.FillColor, o.StrokeColor, o.StrokeWidth, 0)
	}
	texts := r.texts[:r.ntBand]
	if gutter {
		rect(r.gutter)
		for _, o := range r.laneBars {
			rect(o)
		}
		texts = r.texts[:r.nt]
	}
	ops = appendTexts(ops, texts)
	r.ops = ops
	return ops
}

// pinnedOps lists what stays in place over the strip while the band scrolls: the gutter with
// the lanes' names and colours, the axis left of it and, over the strip's axis, the label
// pinned at the left on a piece of the axis (the strip's tick labels pass under it).
func (r *timelineRenderer) pinnedOps(bgc color.Color, w float32) []bandOp {
	t := r.t
	ops := r.ops[:0]
	ops = append(ops, bandOp{kind: bandRect, w: w, h: t.axisHeight, fill: nrgba(bgc)},
		bandOp{kind: bandRect, w: w, h: t.axisHeight, fill: nrgba(r.axisBg.FillColor)})
	ops = appendRect(ops, r.gutter)
	for _, o := range r.laneBars {
		ops = appendRect(ops, o)
	}
	ops = appendTexts(ops, r.texts[r.ntBand:r.nt])
	r.ops = ops
	return ops
}

func appendShape(ops []bandOp, kind bandOpKind, o fyne.CanvasObject, fill, stroke color.Color, sw, radius float32) []bandOp {
	if !o.Visible() {
		return ops
	}
	p, s := o.Position(), o.Size()
	return append(ops, bandOp{kind: kind, x: p.X, y: p.Y, w: s.Width, h: s.Height,
		fill: nrgba(fill), stroke: nrgba(stroke), strokeW: sw, radius: radius})
}

func appendRect(ops []bandOp, o *canvas.Rectangle) []bandOp {
	return appendShape(ops, bandRect, o, o.FillColor, o.StrokeColor, o.StrokeWidth, o.CornerRadius)
}

func appendTexts(ops []bandOp, texts []*canvas.Text) []bandOp {
	for _, o := range texts {
		if o.Visible() {
			p := o.Position()
			ops = append(ops, bandOp{kind: bandText, x: p.X, y: p.Y, fill: nrgba(o.Color),
				text: bandTextKey{o.Text, o.TextSize, o.TextStyle}})
		}
	}
	return ops
}

// rect takes the next pooled rectangle and gives it a look (refreshed only if it changed).
func (r *timelineRenderer) rect(fill, stroke color.Color, strokeWidth, radius float32) *canvas.Rectangle {
	if r.nr == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
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

// bandFrame is what the band's image shows: the view at rest, the strip while the band
// scrolls (timelinestrip.go).
type bandFrame struct {
	x0          float32 // the image x of the scale's x = 0
	left, right float32 // the image x where bars are cut
	scale       timeline.Scale
	placed      []timeline.Placed
	ticks       []timeline.Tick
}

// X returns the image x of a fractional day.
func (f *bandFrame) X(day float64) float32 { return f.x0 + float32(f.scale.X(day)) }

func (r *timelineRenderer) draw(size fyne.Size) {
	t := r.t
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	strip := t.strip.on
	f := &bandFrame{x0: t.gutter, left: t.gutter, right: size.Width, scale: t.scale, placed: t.placed, ticks: t.tickMarks}
	if strip {
		f = &bandFrame{right: float32(t.strip.scale.Width()), scale: t.strip.scale, placed: t.strip.placed, ticks: t.strip.ticks}
	}
	r.nr, r.nc, r.nt = 0, 0, 0
	th, v := t.Theme(), themeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	bgc := th.Color(theme.ColorNameBackground, v)
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
	place(r.axisBg, 0, 0, f.right, t.axisHeight)

	// Lanes: alternate shading.
	lh := t.laneH
	for i := range t.lanes {
		if i%2 == 1 {
			place(r.rect(withAlpha(fg, 10), none, 0, 0), 0, t.axisHeight+float32(i)*lh, f.right, lh)
		}
	}

	// Ticks: major ones run down the lanes, minor ones are marks on the axis, drawn together.
	bottom := t.axisHeight + float32(len(t.lanes))*lh
	xs := r.tickBuf[:0]
	for _, tk := range f.ticks {
		x := f.x0 + float32(tk.X)
		if tk.Major {
			place(r.rect(withAlpha(fg, 60), none, 0, 0), x, 0, 1, bottom)
		} else {
			xs = append(xs, int(x))
		}
		if tk.Label != "" {
			txt := r.text(tk.Label, t.tickSize, fg, tk.Major)
			txt.Move(fyne.NewPos(x+3, 4))
		}
	}
	r.tickBuf = xs
	r.minorXs, r.minorCol = append(r.minorXs[:0], xs...), withAlpha(fg, 40)
	if t.lead != "" && !strip {
		r.text(t.lead, t.tickSize, fg, true).Move(fyne.NewPos(t.gutter+float32(t.leadX), 4))
	}

	// Events.
	sel := t.state.Selection()
	selDrawn := false
	for _, p := range f.placed {
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
			x0 := fyne.Max(f.x0+float32(p.X0), f.left)
			x1 := fyne.Min(f.x0+float32(p.X1), f.right)
			if x1-x0 < 2 {
				x1 = x0 + 2
			}
			fill, stroke, sw := color.Color(col), color.Color(none), float32(0) // opaque: labels inside read on it
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
			place(c, f.x0+float32(p.X0)-rad, y+t.rowH/2-rad, 2*rad, 2*rad)
		case timeline.PlacedCluster:
			bw := float32(p.BoxX1 - p.BoxX0)
			place(r.rect(col, none, 0, (t.rowH-2)/2), f.x0+float32(p.BoxX0), y+1, bw, t.rowH-2)
			count := strconv.Itoa(p.Count)
			if p.Row >= t.rows {
				count = "+" + count // items that found no row in the lane
			}
			bs := t.badgeSize()
			ink := laneInk(col, bgc)
			txt := r.text(count, bs, ink, true)
			tw := fyne.MeasureText(txt.Text, bs, txt.TextStyle).Width
			txt.Move(fyne.NewPos(f.x0+float32(p.BoxX0)+(bw-tw)/2, y+(t.rowH-bs)/2-2))
		}
		if p.Label != timeline.LabelHidden && p.Item >= 0 {
			label := t.events[p.Item].Title.In(t.lang)
			if p.Label == timeline.LabelShort {
				label = r.shorten(label, float32(p.LabelW), t.labelSize)
			}
			tc := fg
			inside := p.Kind == timeline.PlacedBar && p.LabelX >= p.X0 && p.LabelX+p.LabelW <= p.X1
			if inside && !p.Approximate {
				tc = laneInk(col, bgc) // white or near black, whichever reads on the bar
			}
			if isSel && !inside {
				tc = accent
			}
			r.text(label, t.labelSize, tc, isSel).Move(fyne.NewPos(f.x0+float32(p.LabelX), y+(t.rowH-t.labelSize)/2-2))
		}
	}

	// The selected event is always seen, even where it is counted in a cluster: drawn in the
	// accent colour over the top row of its lane, with its name.
	if !selDrawn && sel.Kind == timeline.KindEvent {
		r.drawSelection(sel.ID, f, accent, bgc)
	}

	// Gutter with the lane names, over anything that scrolled under it.
	r.ntBand = r.nt
	setRect(r.gutter, bgc, none, 0, 0)
	place(r.gutter, 0, t.axisHeight, t.gutter, bottom-t.axisHeight)
	for len(r.laneBars) < len(t.lanes) {
		r.laneBars = append(r.laneBars, canvas.NewRectangle(color.Transparent))
	}
	for i, l := range t.lanes {
		r.text(l.Name.In(t.lang), t.laneSize(), fg, true).Move(fyne.NewPos(pad*2, t.axisHeight+float32(i)*lh+(lh-t.laneSize())/2-2))
		setRect(r.laneBars[i], t.laneColor(i), none, 0, 0)
		place(r.laneBars[i], 2, t.axisHeight+float32(i)*lh+4, 3, lh-8)
		r.laneBars[i].Show()
	}
	for i := len(t.lanes); i < len(r.laneBars); i++ {
		r.laneBars[i].Hide()
	}
	pinnedW := t.gutter
	if t.lead != "" && strip {
		lead := r.text(t.lead, t.tickSize, fg, true)
		lead.Move(fyne.NewPos(t.gutter+float32(t.leadX), 4))
		pinnedW = lead.Position().X + lead.MinSize().Width + 3
	}
	if len(t.lanes) == 0 {
		r.text(lang.L("All categories are hidden: use Filters to show them."), t.text, th.Color(ColorNameMutedText, v), false).Move(fyne.NewPos(t.gutter+8, t.axisHeight+8))
	}

	// The cursor of the date shown.
	cx := t.X(float64(t.state.Date()) + 0.5)
	if cx >= t.gutter && cx <= size.Width {
		setRect(r.cursor, accent, none, 0, 0)
		place(r.cursor, cx-1, 0, 2, bottom)
		setCircle(r.handle, accent, none, 0)
		place(r.handle, cx-7, t.axisHeight-14, 14, 14)
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
	if strip {
		x := t.gutter + float32(t.scale.X(t.strip.scale.Start()))
		r.band.update(r.bandOps(false), fyne.NewPos(x, 0), fyne.NewSize(f.right, size.Height))
		r.pinned.update(r.pinnedOps(bgc, pinnedW), fyne.Position{}, fyne.NewSize(pinnedW, bottom))
		r.pinned.obj.Show()
	} else {
		r.band.update(r.bandOps(true), fyne.Position{}, size)
		r.pinned.obj.Hide()
	}
}

// drawSelection draws the selected event (one not placed on its own) over its lane's top row.
func (r *timelineRenderer) drawSelection(id string, f *bandFrame, accent, bgc color.Color) {
	t := r.t
	for i, it := range t.items {
		if it.ID != id {
			continue
		}
		y := t.rowY(it.Lane, 0)
		x0 := f.X(float64(it.Start))
		x1 := f.X(float64(it.End) + 1)
		if x1 < f.left || x0 > f.right {
			return
		}
		if x1-x0 < 10 {
			c := r.circle(accent, bgc, 2)
			mid := (x0 + x1) / 2
			place(c, mid-7, y+t.rowH/2-7, 14, 14)
			x1 = mid + 8
		} else {
			x0 = fyne.Max(x0, f.left)
			place(r.rect(accent, bgc, 2, 3), x0, y+1, fyne.Min(x1, f.right)-x0, t.rowH-2)
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
