package geo

import (
	"image"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// The peer workload (see ../../shared/bench/peer-workload/README.md): Natural Earth 1:50m
// countries, 12 fronts, 200 labelled markers, 1920×1080 at web map zoom 3.5 centred on 40E 52N,
// 120 pans of 8 px and 40 zoom steps of ±0.05. The benchmarks skip when the folder is missing.
const benchPeerDir = "../../shared/bench/peer-workload"

type benchWorkload struct {
	layers  []Layer
	markers []LabelItem // X, Y hold lon, lat until projected
	err     error
}

var (
	benchOnce sync.Once
	benchWL   benchWorkload
)

func benchReadFC(name string) (*geojson.FeatureCollection, error) {
	b, err := os.ReadFile(filepath.Join(benchPeerDir, name))
	if err != nil {
		return nil, err
	}
	return geojson.UnmarshalFeatureCollection(b)
}

func benchLoad(b *testing.B) *benchWorkload {
	if _, err := os.Stat(benchPeerDir); err != nil {
		b.Skipf("the peer workload folder %s is missing (%v): nothing to compare with", benchPeerDir, err)
	}
	benchOnce.Do(func() {
		countries, err := benchReadFC("countries-50m.geojson")
		if err != nil {
			benchWL.err = err
			return
		}
		fronts, err := benchReadFC("fronts.geojson")
		if err != nil {
			benchWL.err = err
			return
		}
		markers, err := benchReadFC("markers.geojson")
		if err != nil {
			benchWL.err = err
			return
		}
		land := Layer{Name: "countries", Kind: LayerFill, Role: RoleLand}
		for _, f := range countries.Features {
			land.Geoms = append(land.Geoms, f.Geometry)
		}
		front := Layer{Name: "fronts", Kind: LayerLine, Role: RoleFront}
		for _, f := range fronts.Features {
			front.Geoms = append(front.Geoms, f.Geometry)
		}
		benchWL.layers = []Layer{land, front}
		for _, f := range markers.Features {
			p, ok := f.Geometry.(orb.Point)
			if !ok {
				continue
			}
			name := f.Properties.MustString("name", "")
			// 11px sans-serif: about 6 px per character, 13 px line.
			benchWL.markers = append(benchWL.markers, LabelItem{ID: name, X: p[0], Y: p[1], W: 6 * float64(len(name)), H: 13})
		}
	})
	if benchWL.err != nil {
		if os.IsNotExist(benchWL.err) {
			b.Skipf("peer workload not found: %v", benchWL.err)
		}
		b.Fatalf("loading the peer workload: %v", benchWL.err)
	}
	return &benchWL
}

// benchView is the peers' view: 1920×1080, centre 40E 52N, EPSG:3857 zoom 3.5.
func benchView() *View {
	return NewView(WebMercator{}, 1920, 1080, 40, 52, WebMercatorScale(3.5))
}

// benchOverlay does the per-frame marker work: project, index for hit-testing, place labels.
func benchOverlay(v *View, markers []LabelItem, buf []LabelItem, pts []IndexPoint) int {
	buf, pts = buf[:0], pts[:0]
	for _, m := range markers {
		x, y := v.ToScreen(m.X, m.Y)
		m.X, m.Y = x, y
		buf = append(buf, m)
		pts = append(pts, IndexPoint{ID: m.ID, X: x, Y: y})
	}
	ix := NewPointIndex(pts, HitRadius)
	placed := 0
	for _, p := range PlaceLabels(buf, LabelOptions{DotRadius: 5, Gap: 3, W: float64(v.W), H: float64(v.H)}) {
		if p.Pos != LabelHidden {
			placed++
		}
	}
	_, _ = ix.Nearest(float64(v.W)/2, float64(v.H)/2, HitRadius)
	return placed
}

// benchFrame composes a frame until complete: Frame, and if tiles are missing, wait for them
// and compose again. It returns the time of the first compose and the time until sharp.
func benchFrame(c *TileCache, v *View, dst *image.RGBA, wl *benchWorkload, buf []LabelItem, pts []IndexPoint) (first, sharp time.Duration) {
	t0 := time.Now()
	f := c.Frame(v)
	f.Draw(dst, StyleLight.Background, false)
	benchOverlay(v, wl.markers, buf, pts)
	first = time.Since(t0)
	if !f.Complete() {
		c.WaitIdle()
		f = c.Frame(v)
		f.Draw(dst, StyleLight.Background, false)
	}
	return first, time.Since(t0)
}

func benchStats(b *testing.B, name string, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	b.ReportMetric(ms(s[len(s)/2]), name+"-median-ms")
	b.ReportMetric(ms(s[int(math.Ceil(0.95*float64(len(s))))-1]), name+"-p95-ms")
}

const benchCacheBytes = 256 << 20

// BenchmarkMapFirstFrame: from nothing to a complete frame — project the layers, prepare the
// level, render every tile on runtime.NumCPU() workers, compose 1920×1080, place 200 labels.
func BenchmarkMapFirstFrame(b *testing.B) {
	wl := benchLoad(b)
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	var bytes, prepBytes int64
	var tiles int
	for b.Loop() {
		sc := NewScene(WebMercator{}, &StyleLight, wl.layers)
		c := NewTileCache(sc, benchCacheBytes, 0, nil)
		benchFrame(c, benchView(), dst, wl, nil, nil)
		bytes, tiles, prepBytes = c.Bytes(), c.Len(), sc.PreparedBytes()
		c.Close()
	}
	b.ReportMetric(float64(bytes)/(1<<20), "cache-MiB")
	b.ReportMetric(float64(prepBytes)/(1<<20), "prepared-MiB")
	b.ReportMetric(float64(tiles), "tiles")
}

// benchPanCycle runs the peers' 120 pans (30 right, 30 down, 30 left, 30 up, 8 px each).
func benchPanCycle(c *TileCache, v *View, dst *image.RGBA, wl *benchWorkload, rec func(first, sharp time.Duration)) {
	var buf []LabelItem
	var pts []IndexPoint
	dirs := [4][2]float64{{-8, 0}, {0, -8}, {8, 0}, {0, 8}} // content moves left = view pans right
	for _, d := range dirs {
		for range 30 {
			v.Pan(d[0], d[1])
			first, sharp := benchFrame(c, v, dst, wl, buf, pts)
			if rec != nil {
				rec(first, sharp)
			}
		}
	}
}

// BenchmarkMapPan: one op is the 120-pan cycle. "warm": every tile of the cycle is cached
// beforehand; "sustained": only the start view is, so tiles entering at the edges are rendered
// during the steps and a step's time runs until its frame is sharp.
func BenchmarkMapPan(b *testing.B) {
	wl := benchLoad(b)
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	for _, mode := range []string{"warm", "sustained"} {
		b.Run(mode, func(b *testing.B) {
			var steps []time.Duration
			var bytes int64
			sc := NewScene(WebMercator{}, &StyleLight, wl.layers)
			for b.Loop() {
				b.StopTimer()
				c := NewTileCache(sc, benchCacheBytes, 0, nil)
				v := benchView()
				benchFrame(c, v, dst, wl, nil, nil)
				if mode == "warm" {
					benchPanCycle(c, v, dst, wl, nil)
				}
				b.StartTimer()
				benchPanCycle(c, v, dst, wl, func(_, sharp time.Duration) { steps = append(steps, sharp) })
				b.StopTimer()
				bytes = c.Bytes()
				c.Close()
				b.StartTimer()
			}
			benchStats(b, "step", steps)
			b.ReportMetric(float64(bytes)/(1<<20), "cache-MiB")
		})
	}
}

// BenchmarkMapZoom: one op is the peers' 40 zoom steps about the centre (20 × +0.05, then
// 20 × −0.05) from a warm start view. "frame" is the time to compose the step's first frame
// (sharp tiles where cached, others scaled from the nearest level); "sharp" runs until every
// tile of the step's level is rendered and composed.
func BenchmarkMapZoom(b *testing.B) {
	wl := benchLoad(b)
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	var firsts, sharps []time.Duration
	var bytes int64
	sc := NewScene(WebMercator{}, &StyleLight, wl.layers)
	for b.Loop() {
		b.StopTimer()
		c := NewTileCache(sc, benchCacheBytes, 0, nil)
		v := benchView()
		benchFrame(c, v, dst, wl, nil, nil)
		b.StartTimer()
		for i := range 40 {
			f := math.Exp2(0.05)
			if i >= 20 {
				f = 1 / f
			}
			v.ZoomAbout(f, float64(v.W)/2, float64(v.H)/2)
			first, sharp := benchFrame(c, v, dst, wl, nil, nil)
			firsts, sharps = append(firsts, first), append(sharps, sharp)
		}
		b.StopTimer()
		bytes = c.Bytes()
		c.Close()
		b.StartTimer()
	}
	benchStats(b, "frame", firsts)
	benchStats(b, "sharp", sharps)
	b.ReportMetric(float64(bytes)/(1<<20), "cache-MiB")
}

// BenchmarkMapZoomLevelChange: one zoom step that crosses to a level never shown before (web
// zoom 4.45 → 4.55, tile level 4 → 5) in a fresh scene: "frame" is the first compose (level-4
// tiles scaled up), "sharp" includes preparing level 5 and rendering its tiles.
func BenchmarkMapZoomLevelChange(b *testing.B) {
	wl := benchLoad(b)
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	var firsts, sharps []time.Duration
	for b.Loop() {
		b.StopTimer()
		sc := NewScene(WebMercator{}, &StyleLight, wl.layers)
		c := NewTileCache(sc, benchCacheBytes, 0, nil)
		v := NewView(WebMercator{}, 1920, 1080, 40, 52, WebMercatorScale(4.45))
		benchFrame(c, v, dst, wl, nil, nil)
		b.StartTimer()
		v.ZoomAbout(math.Exp2(0.1), float64(v.W)/2, float64(v.H)/2)
		first, sharp := benchFrame(c, v, dst, wl, nil, nil)
		firsts, sharps = append(firsts, first), append(sharps, sharp)
		b.StopTimer()
		c.Close()
		b.StartTimer()
	}
	benchStats(b, "frame", firsts)
	benchStats(b, "sharp", sharps)
}

// BenchmarkMapRenderFrame: the one-off path (snapshots): clip, project, simplify and fill the
// whole 1920×1080 frame without tiles.
func BenchmarkMapRenderFrame(b *testing.B) {
	wl := benchLoad(b)
	for b.Loop() {
		RenderFrame(benchView(), &StyleLight, wl.layers)
	}
}
