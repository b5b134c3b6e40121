package geo

import (
	"image"
	"image/color"
	"testing"
)

func TestMaskWashKeepsLandAndClearsSea(t *testing.T) {
	wash := image.NewRGBA(image.Rect(0, 0, 3, 1))
	for x := 0; x < 3; x++ {
		wash.SetRGBA(x, 0, color.RGBA{40, 30, 20, 64})
	}
	land := []uint8{
		255, // land
		0,   // sea
		128, // the coast's anti-aliased edge
	}
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

func TestOpaqueBounds(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 10, 8))
	if got := opaqueBounds(img); !got.Empty() {
		t.Errorf("transparent image: bounds %v, want empty", got)
	}
	img.SetRGBA(2, 5, color.RGBA{A: 1})
	img.SetRGBA(7, 3, color.RGBA{R: 9, A: 200})
	if got, want := opaqueBounds(img), image.Rect(2, 3, 8, 6); got != want {
		t.Errorf("bounds %v, want %v", got, want)
	}
	img.SetRGBA(9, 7, color.RGBA{A: 255})
	img.SetRGBA(0, 0, color.RGBA{A: 255})
	if got, want := opaqueBounds(img), img.Rect; got != want {
		t.Errorf("bounds %v, want %v", got, want)
	}
}
