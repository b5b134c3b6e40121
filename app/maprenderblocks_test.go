package app

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// In the window the map draws four sharp tiles of a square as one object: every sharp tile is
// drawn once, by its own object or by a block, there are fewer objects than tiles, a block's
// texture has its tiles in their corners, and at a level's own scale the window shows exactly
// the picture it shows with one object per tile.
func TestMapDrawsSharpTilesInBlocksOfFour(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(NewTheme("light"))
	c := loadTestContent(t)
	m := NewMapView(NewState(timeline.DayOf(1942, 11, 19)), c.Catalog, c.Map, true)
	m.compose = false // the window's path: an object per tile or block
	t.Cleanup(m.Close)
	cv := software.NewCanvas()
	cv.SetPadded(false)
	cv.SetContent(m)
	cv.Resize(fyne.NewSize(1200, 700))
	m.WaitReady()
	// At a level's own scale tiles are drawn pixel for pixel, so both ways must give the same
	// picture exactly.
	s := m.Session()
	s.ZoomCentre(s.View().Scale / geo.TileLevelScale(m.frame.Tiles.Level))
	m.WaitReady()
	r := test.WidgetRenderer(m).(*mapRenderer)
	pieces := len(m.frame.Tiles.Pieces)
	blocks, tiles := len(r.blocks.live), len(r.tiles.live)
	if blocks == 0 {
		t.Fatalf("no block among %d tile pieces", pieces)
	}
	if got := 4*blocks + tiles; got != pieces {
		t.Errorf("%d blocks and %d tile objects draw %d tiles, want the frame's %d", blocks, tiles, got, pieces)
	}
	t.Logf("%d tiles drawn as %d objects (%d blocks)", pieces, blocks+tiles, blocks)
	joined := cv.Capture()

	// A block's texture: its four tiles in their corners.
	for o, src := range r.blockSrcs {
		img := r.composeBlock(src).(*image.RGBA)
		for j, tile := range src {
			ox, oy := (j%2)*256, (j/2)*256
			for _, p := range []image.Point{{3, 5}, {128, 128}, {250, 200}} {
				if got, want := img.RGBAAt(ox+p.X, oy+p.Y), tile.RGBAAt(tile.Rect.Min.X+p.X, tile.Rect.Min.Y+p.Y); got != want {
					t.Fatalf("block at %v, tile %d, pixel %v: %v, want %v", o.Position(), j, p, got, want)
				}
			}
		}
	}

	r.noBlocks = true
	m.Refresh()
	if len(r.blocks.live) != 0 || len(r.tiles.live) != pieces {
		t.Fatalf("without blocks: %d blocks and %d tile objects for %d tiles", len(r.blocks.live), len(r.tiles.live), pieces)
	}
	single := cv.Capture()
	b := joined.Bounds()
	differ := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if joined.At(x, y) != single.At(x, y) {
				differ++
			}
		}
	}
	if differ != 0 {
		t.Errorf("%d of %d pixels differ between blocks and single tiles", differ, b.Dx()*b.Dy())
	}

}
