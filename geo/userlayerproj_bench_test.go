package geo

import "testing"

// BenchmarkUserScene: what a change of the user's layers shown (or of a dated layer's epoch)
// costs the UI goroutine before any tile is drawn — making the scene of the layers over the
// base's — with historical-basemaps' world of 1938, Natural Earth's 1:10m rivers and 1:50m
// populated places (about 300,000 vertices): "project" projects every vertex again, as a scene
// of DrawLayers' layers does; "projected" puts the scene together from the features projected
// at load, as the session does.
func BenchmarkUserScene(b *testing.B) {
	var sls []SessionLayer
	for _, f := range []string{"historical-basemaps/world_1938.geojson", "naturalearth/ne_10m_rivers_lake_centerlines.json", "naturalearth/ne_50m_populated_places_simple.json"} {
		sls = append(sls, SessionLayer{Layer: benchUserLayer(b, f), Slot: len(sls)})
	}
	base := NewScene(Theatre, &StyleLight, nil)
	b.Run("project", func(b *testing.B) {
		for b.Loop() {
			var layers []Layer
			for _, sl := range sls {
				layers = append(layers, sl.Layer.DrawLayers(0, StyleLight.UserColor(sl.Slot), &StyleLight)...)
			}
			NewSceneOver(base, Theatre, &StyleLight, layers)
		}
	})
	b.Run("projected", func(b *testing.B) {
		for b.Loop() {
			newUserScene(base, sls, 0, &StyleLight)
		}
	})
}
