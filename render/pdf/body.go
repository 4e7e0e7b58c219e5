package pdf

import (
	"strings"
)

// Indents of sub-clause labels and text, by block level.
const (
	paraGap   = 6.0
	indentStp = 24.0
	labelGap  = 5.0
)

// paragraph lays runs out from x over width, splitting across pages
// without leaving a single line at the foot or the head of a page.
func (r *renderer) paragraph(runs []Run, x, width float64, ts textStyle, justify bool) {
	lines := r.breakLines(r.splitWords(runs, ts), width, ts)
	r.lines(lines, x, width, ts, justify, nil)
	r.y += paraGap
}

// lines draws laid-out lines; first, when set, is called with the top of
// the first line (to print a sub-clause label beside it).
func (r *renderer) lines(lines [][]word, x, width float64, ts textStyle, justify bool, first func(y float64)) {
	for i := 0; i < len(lines); {
		k := r.linesThatFit(len(lines)-i, ts.leading)
		if k == 0 {
			r.newPage()
			continue
		}
		for j := i; j < i+k; j++ {
			if j == 0 && first != nil {
				first(r.y)
			}
			last := j == len(lines)-1
			r.drawLine(lines[j], x, r.y, width, ts, justify && !last)
			r.y += ts.leading
		}
		i += k
		if i < len(lines) {
			r.newPage()
		}
	}
}

// linesThatFit says how many of n remaining lines to put on this page:
// all if they fit, otherwise as many as fit but never one alone at either
// end of the break (0 means start a new page first).
func (r *renderer) linesThatFit(n int, leading float64) int {
	fit := int((bodyBot - r.y + 0.01) / leading)
	if fit >= n {
		return n
	}
	if fit <= 1 && r.y > bodyTop {
		return 0
	}
	if n-fit == 1 && fit > 2 {
		fit--
	}
	if fit < 1 {
		fit = 1
	}
	return fit
}

// block lays out a clause block: level 0 is a justified paragraph, levels 1
// and 2 hang their label in the indent.
func (r *renderer) block(b Block, justify bool) {
	ts := bodyText()
	if b.Level <= 0 && b.Label == "" {
		r.paragraph(b.Runs, marginL, textW, ts, justify)
		return
	}
	level := max(b.Level, 1)
	labelX := marginL + float64(level-1)*indentStp
	textX := labelX + indentStp
	if level > 1 {
		textX += 6 // room for "(iii)"
	}
	width := pageW - marginR - textX
	lines := r.breakLines(r.splitWords(b.Runs, ts), width, ts)
	// The label is set flush against the text, a word space away, so text
	// extraction reads it as the start of the first line.
	label := func(y float64) {
		text := safeText(b.Label)
		w := r.m.width(text, ts.base, ts.size)
		r.f.SetFont(serif, ts.base.fpdfStyle(), ts.size)
		r.f.SetXY(max(textX-w-labelGap, labelX-indentStp), y)
		r.f.CellFormat(w, ts.leading, text, "", 0, "L", false, 0, "")
	}
	if len(lines) == 0 {
		lines = [][]word{nil}
	}
	r.lines(lines, textX, width, ts, justify, label)
	r.y += paraGap * 0.6
}

// articleHeading prints "ARTICLE 3 — TITLE" centred, keeping it with the
// start of its first clause.
func (r *renderer) articleHeading(text string) {
	r.y += 10
	r.ensure(20 + 18 + 3*bodyText().leading)
	r.bookmarkHere(text, 0)
	r.heading(text, bold, 12, true)
	r.y += 4
}

// articleTitle returns "ARTICLE 3 — TITLE" in the document's language.
func (r *renderer) articleTitle(a Article) string {
	text := strings.ToUpper(r.l.article) + " " + a.Number
	if a.Title != "" {
		text += " — " + strings.ToUpper(a.Title)
	}
	return text
}

// clauseHeading prints "3.2 Title" with the library reference right-aligned
// in small grey type on the same line.
func (r *renderer) clauseHeading(c Clause) {
	text := strings.TrimSpace(c.Number + " " + c.Title)
	r.y += 4
	r.ensure(16 + 3*bodyText().leading)
	r.bookmarkHere(text, 1)
	if c.Ref != "" {
		w := r.m.width(safeText(c.Ref), regular, 7.5)
		r.textAt(c.Ref, pageW-marginR-w, r.y+3, regular, 7.5, 110)
	}
	r.heading(text, bold, 11, false)
	r.y += 2
}

// heading prints a one-line (or wrapped) heading at the current position.
func (r *renderer) heading(text string, fc face, size float64, centre bool) {
	ts := textStyle{size: size, leading: size * 1.35, base: fc}
	width := textW
	lines := r.breakLines(r.splitWords([]Run{{Text: text}}, ts), width, ts)
	for _, ln := range lines {
		x := marginL
		if centre {
			w := lineWidth(ln, r.spaceWidth(ts))
			x = (pageW - w) / 2
		}
		r.drawLine(ln, x, r.y, width, ts, false)
		r.y += ts.leading
	}
}

func lineWidth(ln []word, space float64) float64 {
	w := float64(max(len(ln)-1, 0)) * space
	for _, wd := range ln {
		w += wd.w
	}
	return w
}

// clause prints a clause heading and its blocks.
func (r *renderer) clause(c Clause, justify bool) {
	r.clauseHeading(c)
	for _, b := range c.Blocks {
		r.block(b, justify)
	}
}

// articles prints every article of the body.
func (r *renderer) articles(as []Article) {
	for _, a := range as {
		r.articleHeading(r.articleTitle(a))
		for _, c := range a.Clauses {
			r.clause(c, true)
		}
	}
}
