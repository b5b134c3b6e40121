package geo

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
)

// prepareSerialVertices is the size of a source, in vertices, below which prepare works on
// one goroutine (the 1:50m base map, 54 k vertices, takes about 7 ms).
const prepareSerialVertices = 100_000

// prepareMaxWorkers is the most goroutines one prepare uses.
const prepareMaxWorkers = 4

// prepJob is one shape of a source layer to prepare: polygon or line i of layer l, in metres
// (src.layers[l].polys, .lines) or degrees (.degPolys, .degLines).
type prepJob struct {
	l, i int32
	kind uint8 // prepPoly, prepLine, prepDegPoly, prepDegLine
}

const (
	prepPoly = iota
	prepLine
	prepDegPoly
	prepDegLine
)

// prepWorker holds the scratch state of one goroutine of prepare.
type prepWorker struct {
	src  *rasterSource
	toPx func(x, y float64) (float64, float64)
	dp   *simplify.DouglasPeuckerSimplifier
	buf  []orb.Point
}

// prepare converts src to pixels with toPx (metres → pixels, y down), simplifies to
// rasterTolerance pixels, drops rings smaller than rasterMinRing and orients holes against
// their outer ring. Shapes kept in degrees are unwrapped (rasterUnwrap) and projected with
// src.proj on the way, with the same arithmetic as projecting them first, so the pixels are
// the same. Each shape is converted into a scratch buffer and simplified there; only what
// remains is copied out, into a slice of its own length, so a prepared level holds its
// simplified vertices and nothing of the source. Large sources are prepared by up to
// prepareMaxWorkers goroutines, which call src.proj at once (every Projection of this
// package holds no state); the result does not depend on how many. src is not modified.
func (src *rasterSource) prepare(toPx func(x, y float64) (float64, float64)) *rasterPrepared {
	return src.prepareOn(toPx, min(runtime.GOMAXPROCS(0), prepareMaxWorkers))
}

// prepareOn is prepare on at most workers goroutines (one when src is small).
func (src *rasterSource) prepareOn(toPx func(x, y float64) (float64, float64), workers int) *rasterPrepared {
	out := &rasterPrepared{bg: src.bg, layers: make([]rasterPrepLayer, len(src.layers))}
	var jobs []prepJob
	vertices, longest := 0, 0
	count := func(pts []orb.Point) {
		vertices += len(pts)
		longest = max(longest, len(pts))
	}
	for li := range src.layers {
		sl := &src.layers[li]
		for i, rings := range sl.polys {
			jobs = append(jobs, prepJob{int32(li), int32(i), prepPoly})
			for _, r := range rings {
				count(r)
			}
		}
		for i, pg := range sl.degPolys {
			jobs = append(jobs, prepJob{int32(li), int32(i), prepDegPoly})
			for _, r := range pg {
				count(r)
			}
		}
		for i, ls := range sl.lines {
			jobs = append(jobs, prepJob{int32(li), int32(i), prepLine})
			count(ls)
		}
		for i, ls := range sl.degLines {
			jobs = append(jobs, prepJob{int32(li), int32(i), prepDegLine})
			count(ls)
		}
	}
	polys := make([]rasterPoly, len(jobs)) // by job; lines in polys[j].rings[0] (b their bound)
	if vertices < prepareSerialVertices {
		workers = 1
	}
	workers = max(min(workers, len(jobs)), 1)
	var next atomic.Int64
	run := func() {
		w := prepWorker{src: src, toPx: toPx, dp: simplify.DouglasPeucker(rasterTolerance),
			buf: make([]orb.Point, 0, longest)}
		const chunk = 16
		for {
			j0 := int(next.Add(chunk)) - chunk
			if j0 >= len(jobs) {
				return
			}
			for j := j0; j < min(j0+chunk, len(jobs)); j++ {
				polys[j] = w.job(jobs[j])
			}
		}
	}
	if workers > 1 {
		var wg sync.WaitGroup
		for range workers - 1 {
			wg.Go(run)
		}
		run()
		wg.Wait()
	} else {
		run()
	}
	for j, job := range jobs {
		pl := &out.layers[job.l]
		switch pp := polys[j]; {
		case len(pp.rings) == 0:
		case job.kind == prepPoly || job.kind == prepDegPoly:
			pl.polys = append(pl.polys, pp)
		default:
			pl.lines = append(pl.lines, rasterLine{b: pp.b, ls: orb.LineString(pp.rings[0])})
		}
	}
	for i := range src.layers {
		sl, pl := &src.layers[i], &out.layers[i]
		pl.kind, pl.paint = sl.kind, sl.paint
		if sl.kind == LayerMarker { // markers are drawn as filled and outlined discs
			pl.kind, pl.polys = LayerFill, prepareMarkers(pl.polys, sl.points, sl.paint.Radius, toPx)
		}
	}
	return out
}

// job prepares one shape: a polygon (its rings, the bound of the outer one), or a line (as
// the one ring of the result, with its bound); no rings when nothing of it is kept.
func (w *prepWorker) job(j prepJob) rasterPoly {
	sl := &w.src.layers[j.l]
	switch j.kind {
	case prepPoly:
		return w.poly(len(sl.polys[j.i]), func(k int) []orb.Point { return sl.polys[j.i][k] }, false)
	case prepDegPoly:
		pg := sl.degPolys[j.i]
		return w.poly(len(pg), func(k int) []orb.Point { return pg[k] }, true)
	case prepLine:
		return w.line(sl.lines[j.i], false)
	default:
		return w.line(sl.degLines[j.i], true)
	}
}

// poly prepares a polygon of n rings (ring(k)): as the rasterizer wants it, or no rings when
// its outer ring is too small or simplifies away.
func (w *prepWorker) poly(n int, ring func(k int) []orb.Point, deg bool) rasterPoly {
	var pp rasterPoly
	for k := range n {
		b := w.conv(ring(k), deg)
		if rasterSmall(b) {
			if k == 0 {
				break // the outer ring is too small: drop the polygon
			}
			continue
		}
		r := w.dp.Ring(orb.Ring(w.buf))
		if len(r) < 4 {
			if k == 0 {
				break
			}
			continue
		}
		r = orb.Ring(exact(r))
		if k == 0 {
			pp.b = b
		} else if r.Orientation() == pp.rings[0].Orientation() {
			r.Reverse()
		}
		pp.rings = append(pp.rings, r)
	}
	return pp
}

// line prepares a line: as one ring with its bound, or none when it simplifies to a point.
func (w *prepWorker) line(ls []orb.Point, deg bool) rasterPoly {
	b := w.conv(ls, deg)
	l := w.dp.LineString(orb.LineString(w.buf))
	if len(l) < 2 {
		return rasterPoly{}
	}
	return rasterPoly{b: b, rings: []orb.Ring{orb.Ring(exact(l))}}
}

// conv converts pts into w.buf in pixels and returns their bound: from metres with toPx, or
// from degrees unwrapped as rasterUnwrap does and projected with src.proj first.
func (w *prepWorker) conv(pts []orb.Point, deg bool) orb.Bound {
	buf := w.buf[:0]
	if !deg {
		for _, q := range pts {
			x, y := w.toPx(q[0], q[1])
			buf = append(buf, orb.Point{x, y})
		}
	} else {
		var u lonUnwrap
		for _, p := range pts {
			x, y := w.src.proj.Forward(u.next(p[0]), p[1])
			x, y = w.toPx(x, y)
			buf = append(buf, orb.Point{x, y})
		}
	}
	w.buf = buf
	return orb.MultiPoint(buf).Bound()
}

// rasterSmall reports whether a ring of bound b (pixels) is too small to draw.
func rasterSmall(b orb.Bound) bool {
	return b.Max[0]-b.Min[0] < rasterMinRing && b.Max[1]-b.Min[1] < rasterMinRing
}

// exact returns a copy of pts in a slice of its own length and capacity.
func exact(pts []orb.Point) []orb.Point {
	out := make([]orb.Point, len(pts))
	copy(out, pts)
	return out
}
