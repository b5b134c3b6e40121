package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"

	"frontline-atlas/geo"
)

// placeMarkers draws each marker of the frame: a dot (in the accent colour with a ring when
// selected) and its label where the session placed it.
func (r *mapRenderer) placeMarkers(f *geo.MapFrame, accent color.Color) {
	st := f.Style
	for i := range f.Markers {
		mk := &f.Markers[i]
		fill, text := color.Color(st.Marker.Fill), color.Color(st.MarkerText)
		if mk.Selected {
			// The ring and dot in the accent colour mark the selection; the label stays in the
			// place-name colour (bold), which reads over every wash: the accent would not
			// (2.8:1 over the Axis-held area of the dark map).
			fill = accent
			ring := r.rings.get(mk.ID)
			setCircle(ring, color.Transparent, accent, 3)
			rr := float32(geo.SelectedRingRadius - 1) // the 3 px stroke reaches to the radius
			place(ring, float32(mk.X)-rr, float32(mk.Y)-rr, 2*rr, 2*rr)
		}
		d := r.dots.get(mk.ID)
		setCircle(d, fill, st.Marker.Stroke, float32(st.Marker.Width))
		rad := float32(mk.Radius)
		place(d, float32(mk.X)-rad, float32(mk.Y)-rad, 2*rad, 2*rad)
		if mk.Label == "" {
			continue
		}
		t := r.labels.get(mk.ID)
		setText(t, mk.Label, float32(mk.LabelSize), fyne.TextStyle{Bold: mk.LabelBold}, text)
		t.Move(fyne.NewPos(float32(mk.LabelRect.X0), float32(mk.LabelRect.Y0)))
	}
	r.rings.done()
	r.dots.done()
	r.labels.done()
}

// placeNames writes the names of countries, seas and rivers where the session placed them.
func (r *mapRenderer) placeNames(f *geo.MapFrame) {
	for i := range f.Names {
		n := &f.Names[i]
		col := f.Style.WaterText
		switch n.Kind {
		case geo.MapLabelCountry:
			col = f.Style.CountryText
		case geo.MapLabelUser: // the names of the user's layers: as readable as the places'
			col = f.Style.MarkerText
		}
		t := r.names.get(nameKey{n.Text, n.Kind})
		setText(t, n.Text, float32(n.Size), fyne.TextStyle{Bold: n.Bold, Italic: n.Italic}, col)
		t.Move(fyne.NewPos(float32(n.Rect.X0), float32(n.Rect.Y0)))
	}
	r.names.done()
}

// placeScaleBar draws the frame's scale bar with its length in kilometres.
func (r *mapRenderer) placeScaleBar(f *geo.MapFrame, fg color.Color) {
	sb := f.ScaleBar
	if sb.Length <= 0 {
		r.scaleBar.Hide()
		r.scaleTxt.Hide()
		return
	}
	p1 := fyne.NewPos(float32(sb.X), float32(sb.Y))
	p2 := fyne.NewPos(float32(sb.X+sb.Length), float32(sb.Y))
	if r.scaleBar.Position1 != p1 || r.scaleBar.Position2 != p2 || !sameColor(r.scaleBar.StrokeColor, fg) {
		r.scaleBar.StrokeColor = fg
		r.scaleBar.Position1, r.scaleBar.Position2 = p1, p2
		r.scaleBar.Refresh()
	}
	setText(r.scaleTxt, fmt.Sprintf("%g km", sb.Km), 12*TextScale(r.m), fyne.TextStyle{}, fg)
	r.scaleTxt.Move(fyne.NewPos(p2.X+4, p1.Y-9))
	r.scaleBar.Show()
	r.scaleTxt.Show()
}
