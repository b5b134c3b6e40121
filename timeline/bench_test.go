package timeline

import (
	"fmt"
	"math"
	"testing"
)

// benchFrame is the work of one timeline frame after the scale changed: ticks and layout.
type benchFrame struct {
	ticks  *TickMaker
	layout *Layout
	placed int
}

func newBenchFrame(b *testing.B, n int) *benchFrame {
	b.Helper()
	items := layoutSynthetic(n, 42, n <= 100)
	l, err := NewLayout(items, LayoutOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return &benchFrame{ticks: NewTickMaker(nil), layout: l}
}

// warm draws one frame so that buffers and label caches exist before timing: the benchmarks
// measure the steady state, where a frame should allocate nothing.
func (f *benchFrame) warm(s Scale) {
	f.draw(s)
}

func (f *benchFrame) draw(s Scale) {
	f.ticks.Ticks(s)
	f.placed = len(f.layout.Arrange(s))
}

var benchSizes = []int{100, 10000}

// BenchmarkTimelineScroll measures one scroll step (a 40 px pan, bouncing between the period
// ends) plus ticks and layout, 1920 px wide, at a one-year and a nine-year view.
func BenchmarkTimelineScroll(b *testing.B) {
	for _, span := range []struct {
		name string
		days float64
	}{{"year", 365}, {"9years", 9 * 365}} {
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("view=%s/events=%d", span.name, n), func(b *testing.B) {
				f := newBenchFrame(b, n)
				s := NewScale(1920)
				s.ShowRange(float64(DayOf(1941, 6, 22)), float64(DayOf(1941, 6, 22))+span.days)
				dx := -40.0
				f.warm(s)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					before := s.Start()
					s.Pan(dx)
					if s.Start() == before {
						dx = -dx
						s.Pan(dx)
					}
					f.draw(s)
				}
				b.ReportMetric(float64(f.placed), "placed")
			})
		}
	}
}

// BenchmarkTimelineZoom measures one zoom step (×1.1 about a point, sweeping from the whole
// period to one day per 200 px and back) plus ticks and layout, 1920 px wide.
func BenchmarkTimelineZoom(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			f := newBenchFrame(b, n)
			s := NewScale(1920)
			factor := 1.1
			f.warm(s)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				before := s.PxPerDay()
				s.ZoomAbout(factor, 1100)
				if math.Abs(s.PxPerDay()-before) < 1e-12 {
					factor = 1 / factor
					s.ZoomAbout(factor, 1100)
				}
				f.draw(s)
			}
		})
	}
}

// BenchmarkTimelineWholePeriod measures a frame of the fully zoomed-out view, where every item
// is visible: the worst case for layout.
func BenchmarkTimelineWholePeriod(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			f := newBenchFrame(b, n)
			s := NewScale(1920)
			f.warm(s)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				f.draw(s)
			}
			b.ReportMetric(float64(f.placed), "placed")
		})
	}
}
