package geo

import (
	"image"
	"image/color"
	"testing"
)

func TestMaskWashKeepsLandAndClearsSea(t *testing.T) {
	wash := image.NewRGBA(image.Rect(0, 0, 3, 1))
	land := image.NewRGBA(image.Rect(0, 0, 3, 1))
	for x := 0; x < 3; x++ {
		wash.SetRGBA(x, 0, color.RGBA{40, 30, 20, 64})
	}
	land.SetRGBA(0, 0, color.RGBA{A: 255}) // land
	land.SetRGBA(1, 0, color.RGBA{A: 0})   // sea
	land.SetRGBA(2, 0, color.RGBA{A: 128}) // the coast's anti-aliased edge
	maskWash(wash, land)
	cases := []struct {
		x    int
		want color.RGBA
	}{
		{0, color.RGBA{40, 30, 20, 64}},
		{1, color.RGBA{}},
		{2, color.RGBA{20, 15, 10, 32}},
	}
	for _, c := range cases {
		if got := wash.RGBAAt(c.x, 0); got != c.want {
			t.Errorf("pixel %d: got %v, want %v", c.x, got, c.want)
		}
	}
}
