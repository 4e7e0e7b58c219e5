package pdf

import "encoding/binary"

// point is a glyph outline point in font units.
type point struct {
	x, y float64
	on   bool
}

// contours decodes a simple glyph into its closed contours. Composite
// glyphs give nil: the watermark letters are all simple glyphs.
func contours(g []byte) [][]point {
	if len(g) < 10 {
		return nil
	}
	nc := int(int16(binary.BigEndian.Uint16(g)))
	if nc <= 0 || len(g) < 10+2*nc+2 {
		return nil
	}
	ends := make([]int, nc)
	for i := range ends {
		ends[i] = int(binary.BigEndian.Uint16(g[10+2*i:]))
	}
	np := ends[nc-1] + 1
	p := 10 + 2*nc
	p += 2 + int(binary.BigEndian.Uint16(g[p:]))
	flags, p := readFlags(g, p, np)
	if len(flags) < np {
		return nil
	}
	pts := make([]point, np)
	p = readCoords(g, p, flags[:np], pts, 2, 16, func(pt *point, v float64) { pt.x = v })
	readCoords(g, p, flags[:np], pts, 4, 32, func(pt *point, v float64) { pt.y = v })
	out := make([][]point, 0, nc)
	start := 0
	for i, e := range ends {
		if e < start || e >= np {
			return nil
		}
		for j := start; j <= e; j++ {
			pts[j].on = flags[j]&1 != 0
		}
		out = append(out, pts[start:e+1])
		start = ends[i] + 1
	}
	return out
}

// readFlags decodes n run-length encoded point flags starting at p.
func readFlags(g []byte, p, n int) ([]byte, int) {
	flags := make([]byte, 0, n)
	for len(flags) < n && p < len(g) {
		fl := g[p]
		p++
		flags = append(flags, fl)
		if fl&8 != 0 && p < len(g) {
			for k := 0; k < int(g[p]); k++ {
				flags = append(flags, fl)
			}
			p++
		}
	}
	return flags, p
}

// readCoords decodes one axis of delta-encoded coordinates.
func readCoords(g []byte, p int, flags []byte, pts []point, short, same byte, set func(*point, float64)) int {
	v := 0
	for i, fl := range flags {
		switch {
		case fl&short != 0 && p < len(g):
			d := int(g[p])
			p++
			if fl&same == 0 {
				d = -d
			}
			v += d
		case fl&same == 0 && p+1 < len(g):
			v += int(int16(binary.BigEndian.Uint16(g[p:])))
			p += 2
		}
		set(&pts[i], float64(v))
	}
	return p
}

// drawGlyphPath adds a glyph's contours to the current path with its
// origin at (ox, oy) and scale points per font unit.
func (r *renderer) drawGlyphPath(cs [][]point, ox, oy, scale float64) {
	tx := func(p point) (float64, float64) { return ox + p.x*scale, oy - p.y*scale }
	for _, c := range cs {
		if len(c) < 2 {
			continue
		}
		startI := 0
		for !c[startI].on && startI < len(c)-1 {
			startI++
		}
		cur := c[startI]
		if !cur.on { // all off-curve: start between the first two
			cur = mid(c[0], c[1])
		}
		r.f.MoveTo(tx(cur))
		var ctrl *point
		for k := 1; k <= len(c); k++ {
			p := c[(startI+k)%len(c)]
			switch {
			case p.on && ctrl == nil:
				r.f.LineTo(tx(p))
				cur = p
			case p.on:
				r.quadTo(cur, *ctrl, p, tx)
				cur, ctrl = p, nil
			case ctrl != nil:
				m := mid(*ctrl, p)
				r.quadTo(cur, *ctrl, m, tx)
				cur, ctrl = m, &p
			default:
				ctrl = &p
			}
		}
		if ctrl != nil {
			r.quadTo(cur, *ctrl, c[startI], tx)
		}
		r.f.ClosePath()
	}
}

func mid(a, b point) point { return point{(a.x + b.x) / 2, (a.y + b.y) / 2, true} }

// quadTo draws a quadratic Bézier as the equivalent cubic.
func (r *renderer) quadTo(p0, q, p2 point, tx func(point) (float64, float64)) {
	c1 := point{x: p0.x + 2*(q.x-p0.x)/3, y: p0.y + 2*(q.y-p0.y)/3}
	c2 := point{x: p2.x + 2*(q.x-p2.x)/3, y: p2.y + 2*(q.y-p2.y)/3}
	x1, y1 := tx(c1)
	x2, y2 := tx(c2)
	x3, y3 := tx(p2)
	r.f.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
}
