package app

import "frontline-atlas/timeline"

// frameWant is a view asked for before the map had its size (--view, a picture's view).
type frameWant struct{ lon, lat, zoom float64 }

// ShowFrame centres the map on lon, lat (degrees) at the web-map zoom that frames 1280 × 720
// pixels (timeline.FrameScale), as a tour stop's view or --view does: a map of another size
// shows the same ground. A map without its size yet shows it when it gets one.
func (m *MapView) ShowFrame(lon, lat, zoom float64) {
	m.wantFrame = &frameWant{lon, lat, zoom}
	m.applyFrame()
}

// applyFrame shows the frame asked for once the map has its size.
func (m *MapView) applyFrame() {
	f := m.wantFrame
	if f == nil || !m.session.Sized() {
		return
	}
	m.wantFrame = nil
	v := m.session.View()
	m.session.SetCentre(f.lon, f.lat, timeline.FrameScale(f.zoom, float64(v.W), float64(v.H)))
	m.makeFrame()
}
