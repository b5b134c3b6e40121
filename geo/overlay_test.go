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

func TestOverlayCells(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 10, 7))
	if got := overlayCells(img, 4); len(got) != 0 {
		t.Errorf("transparent image: %d cells, want none", len(got))
	}
	img.SetRGBA(2, 5, color.RGBA{A: 1})
	img.SetRGBA(9, 0, color.RGBA{R: 9, A: 200})
	got := overlayCells(img, 4)
	want := []image.Rectangle{image.Rect(8, 0, 10, 4), image.Rect(0, 4, 4, 7)}
	if len(got) != len(want) {
		t.Fatalf("%d cells, want %d", len(got), len(want))
	}
	for i, c := range got {
		if c.rect != want[i] {
			t.Errorf("cell %d at %v, want %v", i, c.rect, want[i])
		}
		if c.img.Rect.Size() != c.rect.Size() {
			t.Errorf("cell %d image %v for %v", i, c.img.Rect, c.rect)
		}
	}
	if p := got[0].img.RGBAAt(1, 0); p != (color.RGBA{R: 9, A: 200}) {
		t.Errorf("cell 0 pixel (1, 0) = %v, want the pixel at (9, 0)", p)
	}
	if p := got[1].img.RGBAAt(2, 1); p != (color.RGBA{A: 1}) {
		t.Errorf("cell 1 pixel (2, 1) = %v, want the pixel at (2, 5)", p)
	}
}
