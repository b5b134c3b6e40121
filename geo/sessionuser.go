package geo

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// SessionLayer is one of the user's GeoJSON layers as the map draws it: the layer and its
// colour slot (Style.UserColor).
type SessionLayer struct {
	Layer *UserLayer
	Slot  int
}

// userDirtyPad is how far, in pixels, a feature's drawing reaches past its geometry: half the
// widest stroke simplestyle may ask for (20 px), the largest marker with its ring (7.5 + 1.5
// px), and a pixel of antialiasing.
const userDirtyPad = 12

// Labels of the user's layers per frame: at most userNamesShown written, at most
// userNamesTried candidates on screen measured and tried (a layer of 7,000 towns stays cheap
// to pan).
const (
	userNamesShown = 80
	userNamesTried = 1500
	userNameSize   = 12
	// userNamesMeasured is how many names not measured before one frame measures (the UI's
	// measuring costs about 0.3 ms a new text): a zoom that brings a thousand new names on
	// screen writes them over a few frames rather than stalling one for a third of a second.
	// Headless (no OnUpdate) every name is measured at once.
	userNamesMeasured = 40
)

// userScenes is what the session knows of the user's layers: those shown, a generation that
// changes when they do, and for each scene kept the layers, their epochs and the day it was
// made for (to tell what differs between two scenes).
type userScenes struct {
	layers []SessionLayer
	gen    int
	states map[sceneKey]userState
}

// userState is the user's layers as one scene draws them.
type userState struct {
	layers []SessionLayer
	epochs []int
	day    int
}

// SetUserLayers sets the user's layers drawn over the base map, first drawn first (under the
// others). They are drawn into the base map's tiles, under the overlay of the date; a feature
// with dates is drawn only on the days it covers. Giving the same layers again changes nothing.
func (s *MapSession) SetUserLayers(ls []SessionLayer) {
	if slices.Equal(ls, s.users.layers) {
		return
	}
	s.users.layers = slices.Clone(ls)
	s.users.gen++
}

// UserLayers returns the user's layers drawn, as SetUserLayers gave them.
func (s *MapSession) UserLayers() []SessionLayer { return s.users.layers }

// dayNumber is the session's date as days since 1970-01-01 (the unit of UserFeature.Days).
func (s *MapSession) dayNumber() int { return int(math.Floor(float64(s.day.Unix()) / 86400)) }

// userKey names the user's layers as drawn on the session's date: "" without layers, else the
// generation and each dated layer's epoch. Two dates with the same key draw the same tiles.
func (s *MapSession) userKey() string {
	if len(s.users.layers) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(s.users.gen))
	day := s.dayNumber()
	for _, l := range s.users.layers {
		if l.Layer.Dated() {
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(l.Layer.Epoch(day)))
		}
	}
	return b.String()
}

// userState returns the user's layers as drawn on the session's date.
func (s *MapSession) userState() userState {
	st := userState{layers: s.users.layers, day: s.dayNumber()}
	for _, l := range st.layers {
		st.epochs = append(st.epochs, l.Layer.Epoch(st.day))
	}
	return st
}

// newSceneCache makes the tile cache of scene key: the base map of the key's style, detail
// and epoch (shared with another scene of the same base when one is kept), the user's layers
// over it, and, when the scene on screen differs from it only in the user's layers, that
// scene's tiles that the difference does not touch.
func (s *MapSession) newSceneCache(key sceneKey) *TileCache {
	var base *Scene
	for k, c := range s.scenes {
		if k.baseOnly() == key.baseOnly() {
			base = c.scene.Base()
			break
		}
	}
	if base == nil {
		base = NewScene(Theatre, s.style, s.data.BaseLayers(key.detail, s.day, s.style))
	}
	st := s.userState()
	sc := base
	if len(st.layers) > 0 {
		sc = newUserScene(base, st.layers, st.day, s.style) // from the features projected at load
	}
	c := NewTileCache(sc, s.tileBudget(), s.opts.Workers, func(TileKey) { s.notify() })
	if s.users.states == nil {
		s.users.states = map[sceneKey]userState{}
	}
	if n := len(s.sceneOrder); n > 0 {
		prev := s.sceneOrder[n-1]
		if ps, ok := s.users.states[prev]; ok && prev.baseOnly() == key.baseOnly() {
			c.AdoptTiles(s.scenes[prev], userDirty(ps, st), userDirtyPad)
		}
	}
	s.users.states[key] = st
	return c
}

// baseOnly is the key of the base map alone (without the user's layers).
func (k sceneKey) baseOnly() sceneKey { k.user = ""; return k }

// forgetScene drops what the session knew of a scene it no longer keeps.
func (s *MapSession) forgetScene(k sceneKey) { delete(s.users.states, k) }

// userDirty returns where two states of the user's layers draw differently, in projected
// metres: the bounds of layers drawn in one and not the other (or in another colour, or in
// another order), and of the features of a dated layer shown on one day and not the other.
func userDirty(a, b userState) []orb.Bound {
	var out []orb.Bound
	common := func(x, y []SessionLayer) []SessionLayer {
		var c []SessionLayer
		for _, l := range x {
			if slices.Contains(y, l) {
				c = append(c, l)
			}
		}
		return c
	}
	ca, cb := common(a.layers, b.layers), common(b.layers, a.layers)
	if !slices.Equal(ca, cb) { // the layers both draw are in another order: all of them
		for _, l := range ca {
			out = append(out, l.Layer.proj)
		}
	}
	for _, side := range [][]SessionLayer{a.layers, b.layers} {
		for _, l := range side {
			if !slices.Contains(ca, l) {
				out = append(out, l.Layer.proj)
			}
		}
	}
	for i, l := range a.layers {
		j := slices.Index(b.layers, l)
		if j < 0 || a.epochs[i] == b.epochs[j] {
			continue
		}
		for k := range l.Layer.Features {
			f := &l.Layer.Features[k]
			if f.Dated && f.ShownOn(a.day) != f.ShownOn(b.day) {
				out = append(out, f.proj)
			}
		}
	}
	return mergeBounds(out)
}

// mergeBounds joins bounds that overlap, so that a date that shows a hundred features in one
// region tests each tile against a few bounds, not a hundred.
func mergeBounds(bs []orb.Bound) []orb.Bound {
	for merged := true; merged && len(bs) > 1; {
		merged = false
		for i := 0; i < len(bs); i++ {
			for j := i + 1; j < len(bs); j++ {
				if bs[i].Intersects(bs[j]) {
					bs[i] = bs[i].Union(bs[j])
					bs = slices.Delete(bs, j, j+1)
					merged = true
					j--
				}
			}
		}
		if len(bs) > 64 { // many scattered changes: one bound over them all
			u := bs[0]
			for _, b := range bs[1:] {
				u = u.Union(b)
			}
			return []orb.Bound{u}
		}
	}
	return bs
}

// project computes the projected bound of each feature and of the layer, the projected label
// points and the features' geometry projected for the tiles (the loader calls it once, on its
// own goroutine).
func (l *UserLayer) project() {
	for i := range l.Features {
		f := &l.Features[i]
		projectFeature(f)
		f.proj = f.projected.bound()
		f.labelX, f.labelY = Theatre.Forward(f.Label[0], f.Label[1])
		if i == 0 {
			l.proj = f.proj
		} else {
			l.proj = l.proj.Union(f.proj)
		}
	}
}

// placeUserNames writes the names of the features of the user's layers shown on the date whose
// label point is on screen, in the layers' order and the files' order, where they touch no
// marker, label or name already placed.
func (s *MapSession) placeUserNames(f *MapFrame) {
	if len(s.users.layers) == 0 {
		return
	}
	v := &f.View
	day := s.dayNumber()
	shown, tried := 0, 0
	budget, deferred := userNamesMeasured, false
	if s.opts.OnUpdate == nil {
		budget = math.MaxInt
	}
	defer func() {
		if deferred {
			s.notify() // another frame writes the names left for want of measuring
		}
	}()
	for _, sl := range s.users.layers {
		for i := range sl.Layer.Features {
			ft := &sl.Layer.Features[i]
			if ft.Name == "" || !ft.ShownOn(day) {
				continue
			}
			x, y := v.ProjToScreen(ft.labelX, ft.labelY)
			if x < 0 || y < 0 || x > float64(v.W) || y > float64(v.H)-CreditHeight {
				continue
			}
			if tried++; tried > userNamesTried {
				return
			}
			n := MapName{Text: ft.Name, Kind: MapLabelUser, Size: userNameSize}
			if _, ok := s.measured[measureKey{n.Text, n.Size, false, false}]; !ok {
				if budget == 0 {
					deferred = true
					continue
				}
				budget--
			}
			w, h := s.measure(n.Text, n.Size, false, false)
			if ft.Geom.Dimensions() == 0 { // a point: the name beside its marker
				n.Rect = LabelRect{X0: x + 9, Y0: y - h/2, X1: x + 9 + w, Y1: y + h/2}
			} else {
				n.Rect = LabelRect{X0: x - w/2, Y0: y - h/2, X1: x + w/2, Y1: y + h/2}
			}
			if n.Rect.X0 < 0 || n.Rect.X1 > float64(v.W) || n.Rect.Y0 < 0 || n.Rect.Y1 > float64(v.H)-CreditHeight ||
				s.overlapsTaken(n.Rect) {
				continue
			}
			s.taken = append(s.taken, n.Rect)
			f.Names = append(f.Names, n)
			if shown++; shown >= userNamesShown {
				return
			}
		}
	}
}
