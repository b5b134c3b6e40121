package geo

import (
	"bytes"
	"math"
	"testing"
)

// A scene put together from the features projected at load draws exactly what a scene of
// DrawLayers' layers draws: every kind of geometry and style, on days that show and hide dated
// features, over the same base.
func TestUserSceneFromProjectedFeatures(t *testing.T) {
	l := mustLayer(t, fc(
		feat(`{"type": "Polygon", "coordinates": [[[30, 50], [34, 50], [34, 53], [30, 53], [30, 50]], [[31, 51], [32, 51], [32, 52], [31, 51]]]}`, `{"fill": "#3366cc", "stroke": "#000000", "stroke-width": 3}`),
		feat(`{"type": "MultiPolygon", "coordinates": [[[[170, 60], [180, 60], [180, 65], [170, 65], [170, 60]]], [[[-180, 60], [-170, 60], [-170, 65], [-180, 65], [-180, 60]]]]}`, `{"date": "1942"}`),
		feat(`{"type": "LineString", "coordinates": [[20, 45], [25, 47], [30, 46]]}`, `{"stroke": "#ff0000", "date": "1943-02"}`),
		feat(`{"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [37, 55]}, {"type": "MultiLineString", "coordinates": [[[35, 54], [39, 56]]]}]}`, `{"marker-size": "large"}`),
		feat(`{"type": "MultiPoint", "coordinates": [[40, 50], [42, 51]]}`, `{"marker-color": "#00aa00", "start": "1942-06"}`),
	))
	base := NewScene(Theatre, &StyleLight, nil)
	layers := []SessionLayer{{Layer: l, Slot: 2}, {Layer: l, Slot: 5}}
	var keys []TileKey // the tiles over the layer at levels 2 to 4
	for lv := 2; lv <= 4; lv++ {
		s := TileLevelScale(lv) * TileSize
		for ty := int(math.Floor(-l.proj.Max[1] / s)); ty <= int(math.Floor(-l.proj.Min[1]/s)); ty++ {
			for tx := int(math.Floor(l.proj.Min[0] / s)); tx <= int(math.Floor(l.proj.Max[0]/s)); tx++ {
				keys = append(keys, TileKey{lv, tx, ty})
			}
		}
	}
	for _, day := range []int{dayOf(1941, 6, 22), dayOf(1942, 7, 1), dayOf(1943, 2, 10)} {
		for _, st := range []*Style{&StyleLight, &StyleDark} {
			var drawn []Layer
			for _, sl := range layers {
				drawn = append(drawn, sl.Layer.DrawLayers(day, st.UserColor(sl.Slot), st)...)
			}
			want := NewSceneOver(base, Theatre, st, drawn)
			got := newUserScene(base, layers, day, st)
			drawnOn := 0
			for _, k := range keys {
				g := got.RenderTile(k).Pix
				if !bytes.Equal(g, want.RenderTile(k).Pix) {
					t.Errorf("day %d, tile %v: the scene from projected features differs from DrawLayers'", day, k)
				}
				if !bytes.Equal(g, base.RenderTile(k).Pix) {
					drawnOn++
				}
			}
			if drawnOn < 2 {
				t.Errorf("day %d: the layer shows on %d of the tiles compared", day, drawnOn)
			}
		}
	}
}
