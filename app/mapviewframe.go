package app

import (
	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// frameWant is a view asked for by --view or a picture: a centre and the zoom whose 1280 × 720
// frame the map shows, kept until the user moves the map.
type frameWant struct {
	lon, lat, zoom float64
	shown          geo.View // the view it gave; a different one means the user moved the map
	applied        bool
}

// ShowFrame centres the map on lon, lat (degrees) at the web-map zoom that frames 1280 × 720
// pixels (timeline.FrameScale), as a tour stop's view or --view does: a map of another size
// shows the same ground. Until the user moves the map, a new size frames it again (as the
// fit to the selection does); a map without its size yet shows it when it gets one.
func (m *MapView) ShowFrame(lon, lat, zoom float64) {
	m.wantFrame = &frameWant{lon: lon, lat: lat, zoom: zoom}
	m.applyFrame()
}

// applyFrame shows the frame asked for at the map's size, unless the user has moved the map
// since it was shown.
func (m *MapView) applyFrame() {
	f := m.wantFrame
	if f == nil || !m.session.Sized() {
		return
	}
	v := m.session.View()
	if f.applied && (v.CX != f.shown.CX || v.CY != f.shown.CY || v.Scale != f.shown.Scale) {
		m.wantFrame = nil // moved: the user's view from now on
		return
	}
	m.session.SetCentre(f.lon, f.lat, timeline.FrameScale(f.zoom, float64(v.W), float64(v.H)))
	f.shown, f.applied = m.session.View(), true
	m.makeFrame()
}
