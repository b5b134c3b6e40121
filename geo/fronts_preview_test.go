package geo

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"golang.org/x/image/vector"
)

// TestFrontsPreview draws the land, the held area and the fronts at a few dates into PNG files
// in the folder named by FRONTS_PREVIEW (skipped when unset), for a person to look at. The land
// comes from FRONTS_PREVIEW_LAND (a GeoJSON file of land polygons) when set.
func TestFrontsPreview(t *testing.T) {
	dir := os.Getenv("FRONTS_PREVIEW")
	if dir == "" {
		t.Skip("set FRONTS_PREVIEW to a folder to draw preview images")
	}
	f := loadTestFronts(t)
	var land orb.MultiPolygon
	if name := os.Getenv("FRONTS_PREVIEW_LAND"); name != "" {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fc, err := geojson.UnmarshalFeatureCollection(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, ft := range fc.Features {
			switch g := ft.Geometry.(type) {
			case orb.Polygon:
				land = append(land, g)
			case orb.MultiPolygon:
				land = append(land, g...)
			}
		}
	}
	dates := []string{"1941-06-22", "1941-08-20", "1941-09-10", "1941-12-05", "1942-05-07", "1942-08-10", "1942-11-18", "1943-02-20",
		"1943-02-08", "1943-12-24", "1944-06-22", "1944-08-29", "1945-01-12", "1945-04-20", "1945-05-08",
		"1940-02-01", "1944-06-25", "1945-08-12", "1939-07-20", "1938-08-01"}
	type view struct{ lon0, lat0, lon1, lat1 float64 }
	views := map[string]view{"eastern": {8, 36, 52, 62}, "finland": {18, 59, 38, 71}, "manchuria": {108, 36, 138, 55},
		"khalkhin-gol": {117.4, 47.0, 119.4, 48.3}, "khasan": {130.45, 42.38, 130.7, 42.52}}
	for _, date := range dates {
		day := float64(frontDay(date))
		th := "eastern"
		switch date {
		case "1940-02-01", "1944-06-25":
			th = "finland"
		case "1945-08-12":
			th = "manchuria"
		case "1939-07-20":
			th = "khalkhin-gol"
		case "1938-08-01":
			th = "khasan"
		}
		v := views[th]
		const w = 1400
		h := int(w * (v.lat1 - v.lat0) / ((v.lon1 - v.lon0) * math.Cos((v.lat0+v.lat1)/2*math.Pi/180)))
		proj := func(p orb.Point) (float32, float32) {
			return float32((p[0] - v.lon0) / (v.lon1 - v.lon0) * w), float32((v.lat1 - p[1]) / (v.lat1 - v.lat0) * float64(h))
		}
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{170, 200, 230, 255}), image.Point{}, draw.Src)
		fill := func(mp orb.MultiPolygon, c color.NRGBA) {
			r := vector.NewRasterizer(w, h)
			r.DrawOp = draw.Over
			for _, poly := range mp {
				for _, ring := range poly {
					for i, p := range ring {
						x, y := proj(p)
						if i == 0 {
							r.MoveTo(x, y)
						} else {
							r.LineTo(x, y)
						}
					}
					r.ClosePath()
				}
			}
			r.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
		}
		stroke := func(ls orb.LineString, c color.RGBA, width float32) {
			r := vector.NewRasterizer(w, h)
			for i := 0; i+1 < len(ls); i++ {
				x0, y0 := proj(ls[i])
				x1, y1 := proj(ls[i+1])
				dx, dy := x1-x0, y1-y0
				l := float32(math.Hypot(float64(dx), float64(dy)))
				if l == 0 {
					continue
				}
				nx, ny := -dy/l*width/2, dx/l*width/2
				r.MoveTo(x0+nx, y0+ny)
				r.LineTo(x1+nx, y1+ny)
				r.LineTo(x1-nx, y1-ny)
				r.LineTo(x0-nx, y0-ny)
				r.ClosePath()
			}
			r.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
		}
		fill(land, color.NRGBA{235, 230, 215, 255})
		fill(f.HeldAtDay(day), color.NRGBA{150, 40, 40, 80})
		for _, s := range f.FrontsAtDay(day) {
			c := color.RGBA{200, 0, 0, 255}
			if s.HeldBy == HeldBySoviet {
				c = color.RGBA{0, 90, 200, 255}
			}
			stroke(s.Line, c, 2.5)
		}
		for _, p := range heldTestPlaces {
			x, y := proj(p)
			c := color.RGBA{0, 0, 0, 255}
			if f.AxisHeldAt(p, day) {
				c = color.RGBA{160, 0, 0, 255}
			}
			draw.Draw(img, image.Rect(int(x)-2, int(y)-2, int(x)+3, int(y)+3), image.NewUniform(c), image.Point{}, draw.Src)
		}
		out, err := os.Create(filepath.Join(dir, date+".png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
		out.Close()
	}
}
