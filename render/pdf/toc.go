package pdf

import "fmt"

// tocEntry is a line of the table of contents, filled in as the body is
// laid out.
type tocEntry struct {
	level int
	text  string
	page  int
	y     float64
}

// tocSlot is where a table-of-contents line goes: the index of the TOC page
// (0 for the first) and the top of the line.
type tocSlot struct {
	page int
	y    float64
}

// TOC geometry: the heading on the first page, then one line per entry.
const (
	tocHeadingH = 40.0
	tocArticleH = 17.0
	tocClauseH  = 12.5
	tocPageColW = 36.0
)

// tocLayout places n entries with the given levels. It depends only on the
// levels, so the TOC pages can be reserved before the body is laid out and
// filled in afterwards with the page numbers. When the last page would
// hold only a few stray lines, the spacing is tightened (never below 82%)
// until they fit on the page before.
func tocLayout(levels []int) ([]tocSlot, int) {
	slots, pages := tocLayoutScaled(levels, 1)
	if pages == 1 || strayLines(slots, pages) >= tocMinLastPage {
		return slots, pages
	}
	for _, scale := range []float64{0.94, 0.88, 0.82} {
		if s, n := tocLayoutScaled(levels, scale); n < pages {
			return s, n
		}
	}
	return slots, pages
}

// tocMinLastPage is the fewest entries worth a page of contents of its own.
const tocMinLastPage = 6

// strayLines counts the entries on the last page.
func strayLines(slots []tocSlot, pages int) int {
	n := 0
	for _, s := range slots {
		if s.page == pages-1 {
			n++
		}
	}
	return n
}

func tocLayoutScaled(levels []int, scale float64) (slots []tocSlot, pages int) {
	page, y := 0, bodyTop+tocHeadingH
	for _, lv := range levels {
		h := tocClauseH * scale
		if lv == 0 {
			h = tocArticleH * scale
		}
		if y+h > bodyBot {
			page, y = page+1, bodyTop
		}
		slots = append(slots, tocSlot{page, y})
		y += h
	}
	return slots, page + 1
}

// reserveTOC adds the pages the table of contents will need, given the
// levels of its entries in order, and returns the first TOC page number.
func (r *renderer) reserveTOC(levels []int) int {
	_, pages := tocLayout(levels)
	first := r.f.PageCount() + 1
	for i := 0; i < pages; i++ {
		r.newPage()
		if i == 0 {
			r.f.Bookmark(r.l.contents, 0, bodyTop)
		}
	}
	return first
}

// bookmarkHere adds an outline entry and a TOC entry for the current
// position.
func (r *renderer) bookmarkHere(text string, level int) {
	r.f.Bookmark(safeText(text), level, r.y)
	r.toc = append(r.toc, tocEntry{level: level, text: text, page: r.f.PageNo(), y: r.y})
}

// fillTOC writes the recorded entries into the reserved pages.
func (r *renderer) fillTOC(first int, levels []int) error {
	if len(levels) != len(r.toc) {
		return fmt.Errorf("pdf: planned %d contents entries, laid out %d", len(levels), len(r.toc))
	}
	slots, _ := tocLayout(levels)
	r.f.SetPage(first)
	r.resetState()
	r.y = bodyTop
	r.heading(r.l.contents, bold, 15, true)
	for i, e := range r.toc {
		if i == 0 || slots[i].page != slots[i-1].page {
			r.f.SetPage(first + slots[i].page)
			r.resetState()
		}
		r.tocLine(e, slots[i].y)
	}
	return nil
}

// tocLine prints one entry with dotted leaders and a link to its target.
func (r *renderer) tocLine(e tocEntry, y float64) {
	fc, size, indent := regular, 10.0, 18.0
	if e.level == 0 {
		fc, size, indent, y = bold, 10.5, 0, y+4
	}
	x := marginL + indent
	avail := textW - indent - tocPageColW
	text := r.fitText(safeText(e.text), fc, size, avail)
	tw := r.m.width(text, fc, size)
	r.textAt(text, x, y, fc, size, 0)
	num := fmt.Sprint(e.page)
	nw := r.m.width(num, fc, size)
	r.textAt(num, pageW-marginR-nw, y, fc, size, 0)
	r.f.SetDrawColor(120, 120, 120)
	r.f.SetLineWidth(0.6)
	r.f.SetDashPattern([]float64{0.6, 2.4}, 0)
	base := y + size*0.95
	if x+tw+4 < pageW-marginR-nw-4 {
		r.f.Line(x+tw+4, base, pageW-marginR-nw-4, base)
	}
	r.f.SetDashPattern(nil, 0)
	link := r.f.AddLink()
	r.f.SetLink(link, e.y, e.page)
	r.f.Link(x, y, textW-indent, size*1.2, link)
}

// fitText shortens s with an ellipsis until it fits width.
func (r *renderer) fitText(s string, fc face, size, width float64) string {
	if r.m.width(s, fc, size) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && r.m.width(string(rs)+"…", fc, size) > width {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}
