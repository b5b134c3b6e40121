package geo

import (
	"image"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

// MapFrame is what to draw for the current view: the base-map tiles, the overlay of the date,
// the place markers with their labels, the names written on the map and the scale bar, all in
// screen pixels. It is rebuilt by each MapSession.Frame and valid until the next one.
type MapFrame struct {
	View   View
	Style  *Style
	Detail string // the base-map level drawn: Detail50m or Detail10m
	// Tiles are the base-map pieces, placeholders first; where none covers the view, draw
	// Style.Background under them.
	Tiles Frame
	// Overlay is the overlay of the date (held areas and fronts) in square pieces, only those
	// with something drawn on them (the GL painter blends every pixel it is given).
	Overlay []OverlayPiece
	// OverlayCurrent reports whether the overlay was drawn for this very view, date, style and
	// detail (it is otherwise the last one, moved and scaled to where it belongs).
	OverlayCurrent bool
	Markers        []MapMarker // in drawing order; the selected ones last
	Names          []MapName
	ScaleBar       ScaleBar
	BorderYear     int // the year of the border snapshot drawn (1938 or 1945); 0 without a base map
}

// Complete reports whether the frame is final: every tile sharp and the overlay current.
func (f *MapFrame) Complete() bool { return f.Tiles.Complete() && f.OverlayCurrent }

// OverlayPiece is a piece of the overlay of the date and where it goes: the image is drawn
// stretched over the screen rectangle X, Y, W, H. The image is not modified after it is handed
// out; a piece keeps its image until the overlay is drawn again, so the UI can tell new pieces
// by their image.
type OverlayPiece struct {
	Img        *image.RGBA
	X, Y, W, H float64
}

// MapMarker is a place's dot and label on screen.
type MapMarker struct {
	ID       string
	X, Y     float64 // centre of the dot, pixels
	Radius   float64
	Major    bool // rank 1: a larger dot and a bold label
	Selected bool
	// Label is the text beside the dot, at LabelSize pixels, bold when LabelBold; LabelRect is
	// where it goes. A label that would overlap another one or a dot is left out (Label "").
	Label     string
	LabelSize float64
	LabelBold bool
	LabelRect LabelRect
}

// MapName is a name written on the map: a country of the border snapshot (upper case, bold), a
// sea or a river (italic), at Size pixels, its text filling Rect.
type MapName struct {
	Text         string
	Kind         MapLabelKind
	Size         float64
	Bold, Italic bool
	Rect         LabelRect
}

// ScaleBar is a bar of Length pixels from (X, Y) rightwards standing for Km kilometres, a round
// number. Length is 0 where the scale cannot be measured.
type ScaleBar struct {
	X, Y, Length float64
	Km           float64
}

// Text and layout sizes of the frame, in pixels.
const (
	markerTextSize = 13
	markerDot      = 4  // radius of a place's dot; rank 1 gets one more
	markerCull     = 20 // places this far off screen still count (their label may show)
	// SelectedRingRadius is the outer radius of the ring drawn around a selected place (the
	// UI draws it; labels keep clear of it).
	SelectedRingRadius = 12
	// CreditHeight is the strip along the bottom of the map kept free of labels for the
	// attribution line.
	CreditHeight = 24
	scaleBarSpan = 150 // the longest scale bar
)

// Frame lays out what to draw for the current view, date, style, places and selection, queues
// the tiles it lacks and asks for the overlay if it is stale. The result is reused by the next
// call.
func (s *MapSession) Frame() *MapFrame {
	s.pending.Store(false)
	f := &s.frame
	v := s.view
	f.View, f.Style, f.Detail = v, s.style, s.detailFor(&v)
	f.Tiles = Frame{}
	if c := s.cache(&v); c != nil {
		f.Tiles = c.Frame(&v)
	}
	f.Overlay, f.OverlayCurrent = s.ov.frame(f.Overlay[:0], s.overlayRequest(&v, f.Detail))
	f.ScaleBar = scaleBarFor(&v)
	s.placeMarkers(f)
	s.placeNames(f)
	f.BorderYear = 0
	if s.data != nil {
		f.BorderYear = s.data.BorderYear(s.day)
		if f.Complete() {
			s.loadDetailSoon()
		}
	}
	return f
}

// visibleRank is the least important place rank marked at a scale (metres per pixel).
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

// measure returns the size of a text as the UI draws it, remembered.
func (s *MapSession) measure(text string, size float64, bold, italic bool) (w, h float64) {
	k := measureKey{text, size, bold, italic}
	if m, ok := s.measured[k]; ok {
		return m[0], m[1]
	}
	if s.opts.Measure != nil {
		w, h = s.opts.Measure(text, size, bold, italic)
	} else {
		w, h = 0.55*size*float64(utf8.RuneCountInString(text)), 1.3*size
	}
	s.measured[k] = [2]float64{w, h}
	return w, h
}

// placeMarkers marks the places shown at the scale (every selected one, whatever its rank or
// filter) and places their labels so that none overlaps another or a dot, most important first.
func (s *MapSession) placeMarkers(f *MapFrame) {
	v := &f.View
	maxRank := visibleRank(v.Scale)
	f.Markers = f.Markers[:0]
	items := s.labelItems[:0]
	for pass := range 2 { // selected places last, so that they are drawn over the others
		for i := range s.places {
			p := &s.places[i]
			if p.selected != (pass == 1) {
				continue
			}
			if (p.Rank > maxRank || p.Area || p.hidden) && !p.selected {
				continue
			}
			x, y := v.ProjToScreen(p.x, p.y)
			if x < -markerCull || y < -markerCull || x > float64(v.W)+markerCull || y > float64(v.H)+markerCull {
				continue
			}
			m := MapMarker{ID: p.ID, X: x, Y: y, Radius: markerDot, Major: p.Rank == 1, Selected: p.selected,
				Label: p.Name, LabelSize: s.textSize(markerTextSize), LabelBold: p.Rank == 1 || p.selected}
			if m.Major {
				m.Radius++
			}
			w, _ := s.measure(m.Label, m.LabelSize, m.LabelBold, false)
			prio := 10 - 2*p.Rank
			if p.selected {
				prio += 100
			}
			f.Markers = append(f.Markers, m)
			it := LabelItem{ID: p.ID, X: x, Y: y, W: w, H: m.LabelSize + 3, Priority: prio}
			if p.selected {
				it.R = SelectedRingRadius + 1 // no label over a selected place's ring
			}
			items = append(items, it)
		}
	}
	s.labelItems = items
	// Labels keep off the scale bar and its figure (drawn at the bottom left).
	bar := LabelRect{X0: f.ScaleBar.X - 4, Y0: f.ScaleBar.Y - 12, X1: f.ScaleBar.X + f.ScaleBar.Length + 60, Y1: f.ScaleBar.Y + 8}
	placed := PlaceLabels(items, LabelOptions{DotRadius: 5, Gap: 3, W: float64(v.W), H: float64(v.H) - CreditHeight, Avoid: []LabelRect{bar}})
	s.taken = append(s.taken[:0], bar)
	for i, pl := range placed {
		m := &f.Markers[i]
		s.taken = append(s.taken, LabelRect{X0: m.X - 6, Y0: m.Y - 6, X1: m.X + 6, Y1: m.Y + 6})
		if pl.Pos == LabelHidden {
			m.Label = ""
			continue
		}
		m.LabelRect = pl.Rect
		s.taken = append(s.taken, pl.Rect)
	}
}

// nameRank is the least important rank of a map name shown at a scale (metres per pixel).
func nameRank(k MapLabelKind, scale float64) int {
	if k == MapLabelRiver {
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

// placeNames writes the names of the countries of the border snapshot, the seas and the rivers
// shown at the scale, most important first, leaving out any that would touch a marker, a label
// or a name already written, or leave the map.
func (s *MapSession) placeNames(f *MapFrame) {
	f.Names = f.Names[:0]
	s.placeUserNames(f)
	if s.data == nil {
		return
	}
	v := &f.View
	groups := [...][]MapLabel{s.data.CountryLabels(s.day), SeaLabels, s.data.RiverLabels(f.Detail)}
	for rank := 1; rank <= 5; rank++ {
		for _, g := range groups {
			for i := range g {
				l := &g[i]
				if l.Rank != rank || l.Rank > nameRank(l.Kind, v.Scale) {
					continue
				}
				n := MapName{Text: l.Text, Kind: l.Kind, Size: 12, Italic: true}
				switch l.Kind {
				case MapLabelCountry:
					n.Text, n.Bold, n.Italic = s.upper(l.Text), true, false
				case MapLabelSea:
					n.Size = 13
				case MapLabelRiver:
					n.Size = 11
				}
				x, y := v.ToScreen(l.Lon, l.Lat)
				if x < -1000 || y < -1000 || x > float64(v.W)+1000 || y > float64(v.H)+1000 {
					continue // far off screen: not worth measuring
				}
				n.Size = s.textSize(n.Size)
				w, h := s.measure(n.Text, n.Size, n.Bold, n.Italic)
				n.Rect = LabelRect{X0: x - w/2, Y0: y - h/2, X1: x + w/2, Y1: y + h/2}
				if n.Rect.X0 < 0 || n.Rect.Y0 < 0 || n.Rect.X1 > float64(v.W) || n.Rect.Y1 > float64(v.H)-CreditHeight {
					continue
				}
				if s.overlapsTaken(n.Rect) {
					continue
				}
				s.taken = append(s.taken, n.Rect)
				f.Names = append(f.Names, n)
			}
		}
	}
}

func (s *MapSession) overlapsTaken(r LabelRect) bool {
	for _, t := range s.taken {
		if t.Overlaps(r) {
			return true
		}
	}
	return false
}

// upper returns a country name in upper case, remembered.
func (s *MapSession) upper(text string) string {
	if u, ok := s.uppers[text]; ok {
		return u
	}
	u := strings.ToUpper(text)
	s.uppers[text] = u
	return u
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

// scaleBarFor measures scaleBarSpan pixels along the bottom left of the view on the ground and
// rounds down to a round number of kilometres.
func scaleBarFor(v *View) ScaleBar {
	y := float64(v.H) - 34
	lon0, lat0 := v.FromScreen(16, y)
	lon1, lat1 := v.FromScreen(16+scaleBarSpan, y)
	metres := orbgeo.Distance(orb.Point{lon0, lat0}, orb.Point{lon1, lat1})
	if metres <= 0 || math.IsNaN(metres) {
		return ScaleBar{X: 16, Y: y}
	}
	km := niceLength(metres / 1000)
	return ScaleBar{X: 16, Y: y, Length: scaleBarSpan * km * 1000 / metres, Km: km}
}
