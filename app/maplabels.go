package app

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"

	"frontline-atlas/geo"
)

// visibleRank is the largest place rank shown at a scale (metres per pixel).
func visibleRank(scale float64) int {
	switch {
	case scale > 6000:
		return 1
	case scale > 3000:
		return 2
	case scale > 1200:
		return 3
	}
	return 4
}

func (r *mapRenderer) placeMarkers(v *geo.View) {
	m := r.m
	maxRank := visibleRank(v.Scale)
	dark := Variant() == theme.VariantDark
	dotFill := color.NRGBA{0x1f, 0x2d, 0x3d, 0xff}
	dotStroke := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	textCol := color.NRGBA{0x1f, 0x2d, 0x3d, 0xff}
	if dark {
		dotFill, dotStroke, textCol = color.NRGBA{0xf0, 0xe8, 0xd8, 0xff}, color.NRGBA{0x10, 0x10, 0x10, 0xff}, color.NRGBA{0xf0, 0xe8, 0xd8, 0xff}
	}
	accent := theme.Color(theme.ColorNamePrimary)
	const textSize = 13
	type vis struct {
		p    *mapPlace
		x, y float64
		sel  bool
	}
	var shown []vis
	var items []geo.LabelItem
	for i := range m.places {
		p := &m.places[i]
		sel := m.selected[p.id]
		if (p.rank > maxRank || p.area || p.filtered) && !sel {
			continue
		}
		x, y := v.ProjToScreen(p.x, p.y)
		if x < -20 || y < -20 || x > float64(v.W)+20 || y > float64(v.H)+20 {
			continue
		}
		w, ok := r.labelW[p.name]
		if !ok {
			w = fyne.MeasureText(p.name, textSize, fyne.TextStyle{Bold: p.rank == 1}).Width
			r.labelW[p.name] = w
		}
		prio := p.priority
		if sel {
			prio += 100
		}
		shown = append(shown, vis{p, x, y, sel})
		items = append(items, geo.LabelItem{ID: p.id, X: x, Y: y, W: float64(w), H: textSize + 3, Priority: prio})
	}
	placed := geo.PlaceLabels(items, geo.LabelOptions{DotRadius: 5, Gap: 3, W: float64(v.W), H: float64(v.H) - 24})
	taken := make([]geo.LabelRect, 0, 2*len(placed))
	for i, pl := range placed {
		taken = append(taken, geo.LabelRect{X0: items[i].X - 6, Y0: items[i].Y - 6, X1: items[i].X + 6, Y1: items[i].Y + 6})
		if pl.Pos != geo.LabelHidden {
			taken = append(taken, pl.Rect)
		}
	}
	r.placeNames(v, taken)
	for len(r.dots) < len(shown) {
		r.dots = append(r.dots, canvas.NewCircle(dotFill))
		r.labels = append(r.labels, canvas.NewText("", textCol))
		r.rebuildObjects()
	}
	nRings := 0
	for i, s := range shown {
		rad := float32(4)
		if s.p.rank == 1 {
			rad = 5
		}
		d := r.dots[i]
		fill := color.Color(dotFill)
		if s.sel {
			fill = accent
		}
		setCircle(d, fill, dotStroke, 1)
		place(d, float32(s.x)-rad, float32(s.y)-rad, 2*rad, 2*rad)
		d.Show()
		if s.sel {
			if nRings == len(r.rings) {
				ring := canvas.NewCircle(color.Transparent)
				r.rings = append(r.rings, ring)
				r.rebuildObjects()
			}
			ring := r.rings[nRings]
			nRings++
			setCircle(ring, color.Transparent, accent, 3)
			place(ring, float32(s.x)-11, float32(s.y)-11, 22, 22)
			ring.Show()
		}
		t := r.labels[i]
		pl := placed[i]
		if pl.Pos == geo.LabelHidden {
			t.Hide()
			continue
		}
		col := color.Color(textCol)
		if s.sel {
			col = accent
		}
		setText(t, s.p.name, textSize, fyne.TextStyle{Bold: s.p.rank == 1 || s.sel}, col)
		t.Move(fyne.NewPos(float32(pl.Rect.X0), float32(pl.Rect.Y0)))
		t.Show()
	}
	for i := len(shown); i < len(r.dots); i++ {
		r.dots[i].Hide()
		r.labels[i].Hide()
	}
	for i := nRings; i < len(r.rings); i++ {
		r.rings[i].Hide()
	}
}

// nameRank is the least important rank of a map label shown at a scale (metres per pixel).
func nameRank(k geo.MapLabelKind, scale float64) int {
	if k == geo.MapLabelRiver {
		switch {
		case scale > 5000:
			return 0
		case scale > 2500:
			return 1
		case scale > 1200:
			return 2
		case scale > 600:
			return 3
		}
		return 5
	}
	switch {
	case scale > 6000:
		return 1
	case scale > 2500:
		return 2
	case scale > 900:
		return 3
	}
	return 4
}

// placeNames writes the names of countries (of the border snapshot shown), seas and rivers on
// the map, most important first, leaving out any that would touch a place, its label, or a
// name already written.
func (r *mapRenderer) placeNames(v *geo.View, taken []geo.LabelRect) {
	m := r.m
	day := m.state.Date()
	detail := geo.Detail50m
	if v.Scale < detailScale {
		detail = geo.Detail10m
	}
	dark := Variant() == theme.VariantDark
	water := color.NRGBA{0x2f, 0x62, 0x96, 0xff}
	country := color.NRGBA{0x6b, 0x63, 0x58, 0xff}
	if dark {
		water, country = color.NRGBA{0x7f, 0xb4, 0xe0, 0xff}, color.NRGBA{0xb0, 0xa8, 0x98, 0xff}
	}
	groups := [][]geo.MapLabel{m.data.CountryLabels(day.Time()), geo.SeaLabels, m.data.RiverLabels(detail)}
	n := 0
	for rank := 1; rank <= 5; rank++ {
		for _, g := range groups {
			for _, l := range g {
				if l.Rank != rank || l.Rank > nameRank(l.Kind, v.Scale) {
					continue
				}
				x, y := v.ToScreen(l.Lon, l.Lat)
				size, style, col, text := float32(12), fyne.TextStyle{Italic: true}, water, l.Text
				switch l.Kind {
				case geo.MapLabelCountry:
					size, style, col = 12, fyne.TextStyle{Bold: true}, country
					text = strings.ToUpper(text)
				case geo.MapLabelSea:
					size = 13
				case geo.MapLabelRiver:
					size = 11
				}
				ts := fyne.MeasureText(text, size, style)
				rect := geo.LabelRect{X0: x - float64(ts.Width)/2, Y0: y - float64(ts.Height)/2, X1: x + float64(ts.Width)/2, Y1: y + float64(ts.Height)/2}
				if rect.X0 < 0 || rect.Y0 < 0 || rect.X1 > float64(v.W) || rect.Y1 > float64(v.H)-24 {
					continue
				}
				free := true
				for _, t := range taken {
					if t.Overlaps(rect) {
						free = false
						break
					}
				}
				if !free {
					continue
				}
				taken = append(taken, rect)
				if n == len(r.names) {
					r.names = append(r.names, canvas.NewText("", col))
					r.rebuildObjects()
				}
				t := r.names[n]
				n++
				setText(t, text, size, style, col)
				t.Move(fyne.NewPos(float32(rect.X0), float32(rect.Y0)))
				t.Show()
			}
		}
	}
	for i := n; i < len(r.names); i++ {
		r.names[i].Hide()
	}
}

// niceLength returns the largest 1, 2 or 5 × 10^n not above x.
func niceLength(x float64) float64 {
	if x <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= x {
			return f * p
		}
	}
	return p
}

func (r *mapRenderer) placeScaleBar(v *geo.View) {
	y := float64(v.H) - 34
	lon0, lat0 := v.FromScreen(16, y)
	lon1, lat1 := v.FromScreen(16+150, y)
	metres := orbgeo.Distance(orb.Point{lon0, lat0}, orb.Point{lon1, lat1})
	if metres <= 0 || math.IsNaN(metres) {
		r.scaleBar.Hide()
		r.scaleTxt.Hide()
		return
	}
	km := niceLength(metres / 1000)
	px := 150 * km * 1000 / metres
	fg := theme.Color(theme.ColorNameForeground)
	r.scaleBar.StrokeColor = fg
	r.scaleBar.Position1 = fyne.NewPos(16, float32(y))
	r.scaleBar.Position2 = fyne.NewPos(16+float32(px), float32(y))
	setText(r.scaleTxt, fmt.Sprintf("%g km", km), 12, fyne.TextStyle{}, fg)
	r.scaleTxt.Move(fyne.NewPos(20+float32(px), float32(y)-9))
	r.scaleBar.Show()
	r.scaleTxt.Show()
	r.scaleBar.Refresh()
}
