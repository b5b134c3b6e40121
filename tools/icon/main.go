// Command icon draws the application icon (assets/icon.png): an atlas plate with a coast, a red
// front line and a place marker. Run: go run ./tools/icon -o assets/icon.png
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/vector"
)

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG")
	flag.Parse()
	const n = 512
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	fill := func(c color.Color, pts [][2]float32) {
		z := vector.NewRasterizer(n, n)
		z.MoveTo(pts[0][0], pts[0][1])
		for _, p := range pts[1:] {
			z.LineTo(p[0], p[1])
		}
		z.ClosePath()
		z.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
	}
	// Plate: a rounded square of water.
	var plate [][2]float32
	for i := 0; i < 64; i++ {
		a := float64(i) / 64 * 2 * math.Pi
		// superellipse, exponent 5
		cx, cy := math.Cos(a), math.Sin(a)
		x := math.Copysign(math.Pow(math.Abs(cx), 0.4), cx)
		y := math.Copysign(math.Pow(math.Abs(cy), 0.4), cy)
		plate = append(plate, [2]float32{float32(256 + 240*x), float32(256 + 240*y)})
	}
	fill(color.RGBA{0xcf, 0xe3, 0xf3, 0xff}, plate)
	// Land: everything but a sea in the lower left.
	land := [][2]float32{{60, 40}, {470, 40}, {480, 470}, {300, 475}, {250, 400}, {180, 380}, {140, 300}, {60, 260}}
	fill(color.RGBA{0xef, 0xe6, 0xd2, 0xff}, land)
	// Axis-held wash west of the front.
	wash := [][2]float32{{60, 40}, {250, 40}, {230, 130}, {280, 210}, {220, 300}, {250, 400}, {180, 380}, {140, 300}, {60, 260}}
	fill(color.RGBA{0xb9, 0xb4, 0xab, 0xff}, wash)
	// The front: a thick red polyline.
	front := [][2]float32{{250, 40}, {230, 130}, {280, 210}, {220, 300}, {250, 400}}
	for i := 0; i+1 < len(front); i++ {
		a, b := front[i], front[i+1]
		dx, dy := b[0]-a[0], b[1]-a[1]
		l := float32(math.Hypot(float64(dx), float64(dy)))
		nx, ny := -dy/l*14, dx/l*14
		fill(color.RGBA{0xc0, 0x39, 0x2b, 0xff}, [][2]float32{{a[0] + nx, a[1] + ny}, {b[0] + nx, b[1] + ny}, {b[0] - nx, b[1] - ny}, {a[0] - nx, a[1] - ny}})
		var disc [][2]float32
		for j := 0; j < 24; j++ {
			t := float64(j) / 24 * 2 * math.Pi
			disc = append(disc, [2]float32{b[0] + 14*float32(math.Cos(t)), b[1] + 14*float32(math.Sin(t))})
		}
		fill(color.RGBA{0xc0, 0x39, 0x2b, 0xff}, disc)
	}
	// A place marker east of the front.
	var dot [][2]float32
	for j := 0; j < 32; j++ {
		t := float64(j) / 32 * 2 * math.Pi
		dot = append(dot, [2]float32{370 + 34*float32(math.Cos(t)), 250 + 34*float32(math.Sin(t))})
	}
	fill(color.RGBA{0x1f, 0x2d, 0x3d, 0xff}, dot)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
