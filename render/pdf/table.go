package pdf

// Table geometry.
const (
	cellPad = 4.0
	// cellPadX is the horizontal padding: the gap between two columns is
	// twice it, wide enough (over 1.5 em of table text) for text extraction
	// to read each cell as its own column rather than run neighbouring
	// cells together into one line.
	cellPadX = 7.0
	minColW  = 36.0
	ruleGrey = 170
)

// cell is a laid-out table cell.
type cell struct {
	lines [][]word
}

// table draws t across the text width. Columns get widths in proportion to
// their content; long cells wrap; the header row repeats after a page break.
func (r *renderer) table(t Table) {
	ts := smallText()
	hs := textStyle{size: ts.size, leading: ts.leading, base: bold}
	widths := r.columnWidths(t, ts, hs)
	header := r.layoutRow(t.Columns, widths, hs)
	r.ensure(2 * (float64(len(header))*ts.leading + 2*cellPad))
	r.drawRow(header, widths, hs, true)
	for _, row := range t.Rows {
		cells := r.layoutRow(row, widths, ts)
		h := rowHeight(cells, ts)
		if r.y+h > bodyBot {
			r.newPage()
			r.drawRow(header, widths, hs, true)
		}
		r.drawRow(cells, widths, ts, false)
	}
	r.y += 10
}

// columnWidths shares the text width between columns: each gets at least
// its longest word, and the rest goes where the text is.
func (r *renderer) columnWidths(t Table, ts, hs textStyle) []float64 {
	n := len(t.Columns)
	need, least := make([]float64, n), make([]float64, n)
	measure := func(i int, s string, st textStyle) {
		ws := r.splitWords([]Run{{Text: s}}, st)
		need[i] = max(need[i], lineWidth(ws, r.spaceWidth(st))+2*cellPadX)
		for _, w := range ws {
			least[i] = max(least[i], w.w+2*cellPadX)
		}
	}
	for i, c := range t.Columns {
		measure(i, c, hs)
	}
	for _, row := range t.Rows {
		for i := 0; i < n && i < len(row); i++ {
			measure(i, row[i], ts)
		}
	}
	return shareWidth(need, least, textW)
}

// shareWidth fits columns into total: natural widths scaled up when they
// fit, otherwise minimums plus the rest shared in proportion to the text
// each column still needs.
func shareWidth(need, least []float64, total float64) []float64 {
	out := make([]float64, len(need))
	sumNeed, sumLeast := 0.0, 0.0
	for i := range need {
		least[i] = min(max(least[i], minColW), total/2)
		need[i] = max(need[i], least[i])
		sumNeed += need[i]
		sumLeast += least[i]
	}
	if sumNeed <= total {
		for i := range need {
			out[i] = need[i] * total / sumNeed
		}
		return out
	}
	rest, wanted := total-sumLeast, sumNeed-sumLeast
	for i := range need {
		out[i] = least[i]
		if rest > 0 && wanted > 0 {
			out[i] += rest * (need[i] - least[i]) / wanted
		}
	}
	return out
}

func (r *renderer) layoutRow(row []string, widths []float64, ts textStyle) []cell {
	cells := make([]cell, len(widths))
	for i := range widths {
		if i < len(row) {
			ws := r.splitWords([]Run{{Text: row[i]}}, ts)
			cells[i].lines = r.breakLines(ws, widths[i]-2*cellPadX, ts)
		}
	}
	return cells
}

func rowHeight(cells []cell, ts textStyle) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return float64(n)*ts.leading + 2*cellPad
}

// drawRow prints one row with a rule under it; header rows are shaded.
func (r *renderer) drawRow(cells []cell, widths []float64, ts textStyle, header bool) {
	h := rowHeight(cells, ts)
	if header {
		r.f.SetFillColor(236, 236, 236)
		r.f.Rect(marginL, r.y, textW, h, "F")
		r.f.SetFillColor(0, 0, 0)
	}
	x := marginL
	for i, c := range cells {
		y := r.y + cellPad
		for _, ln := range c.lines {
			r.drawLine(ln, x+cellPadX, y, widths[i]-2*cellPadX, ts, false)
			y += ts.leading
		}
		x += widths[i]
	}
	r.f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
	r.f.SetLineWidth(0.5)
	if header {
		r.f.Line(marginL, r.y, pageW-marginR, r.y)
	}
	r.f.Line(marginL, r.y+h, pageW-marginR, r.y+h)
	r.y += h
}
