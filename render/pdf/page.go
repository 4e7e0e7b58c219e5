package pdf

import (
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-pdf/fpdf"
)

// Page geometry in points (US Letter).
const (
	pageW     = 612.0
	pageH     = 792.0
	marginL   = 72.0
	marginR   = 72.0
	textW     = pageW - marginL - marginR
	bodyTop   = 72.0
	bodyBot   = 704.0
	footerTop = 716.0
)

// bodyText is the style of clause text; smallText that of tables.
func bodyText() textStyle  { return textStyle{size: 11, leading: 14.5} }
func smallText() textStyle { return textStyle{size: 9, leading: 11.5} }

// renderer lays a document out on an fpdf document. It keeps its own
// vertical position y (top of the next line) and starts pages itself.
type renderer struct {
	f    *fpdf.Fpdf
	m    metrics
	l    labels
	lang string
	y    float64
	toc  []tocEntry
	page pageDecor
}

// pageDecor is what finishPages prints on every page.
type pageDecor struct {
	header      string // running header, omitted on the first page
	contractID  string
	fingerprint string
	parties     []string // one initials box each
	draft       bool
}

// newRenderer creates the fpdf document with fonts and fixed metadata.
func newRenderer(lang string) *renderer {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", SizeStr: "Letter", OrientationStr: "P"})
	f.SetCatalogSort(true)
	f.SetCompression(false) // see compressStreams
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginL, bodyTop, marginR)
	f.SetCellMargin(0)
	f.SetCreator("civicpact", true)
	f.SetProducer("civicpact", true)
	r := &renderer{f: f, l: labelsFor(lang), lang: lang}
	r.m = registerFonts(f)
	return r
}

// newPage starts a page and puts y at the top of the body.
func (r *renderer) newPage() {
	r.f.AddPage()
	r.y = bodyTop
}

// ensure starts a new page unless h points fit above the footer.
func (r *renderer) ensure(h float64) {
	if r.y+h > bodyBot {
		r.newPage()
	}
}

// finishPages prints the running header, the footer and the watermark on
// every page, now that the page count is known.
func (r *renderer) finishPages() error {
	var font *ttf
	if r.page.draft {
		var err error
		if font, err = parseTTF(liberationserifbold.TTF); err != nil {
			return err
		}
	}
	total := r.f.PageCount()
	for n := 1; n <= total; n++ {
		r.f.SetPage(n)
		r.resetState()
		if n > 1 && r.page.header != "" {
			r.centred(r.page.header, 44, italic, 8.5, 110)
		}
		r.footer(n, total)
		if font != nil {
			r.watermark(font)
		}
	}
	return nil
}

// resetState re-emits font and colours: a page revisited with SetPage still
// has the text state its content stream ended with, which fpdf does not
// know about.
func (r *renderer) resetState() {
	r.f.SetFont(serif, "", 1)
	r.f.SetFont(serif, "", 10)
	r.f.SetTextColor(0, 0, 0)
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetFillColor(0, 0, 0)
	r.f.SetLineWidth(0.5)
	r.f.SetDashPattern(nil, 0)
}

func (r *renderer) footer(n, total int) {
	f := r.f
	f.SetDrawColor(150, 150, 150)
	f.SetLineWidth(0.4)
	f.Line(marginL, footerTop, pageW-marginR, footerTop)
	r.textAt(r.page.contractID, marginL, footerTop+6, regular, 8, 70)
	f.SetFont(mono, "", 7)
	f.SetTextColor(90, 90, 90)
	f.SetXY(marginL, footerTop+18)
	f.CellFormat(0, 10, "SHA-256 "+short(r.page.fingerprint), "", 0, "L", false, 0, "")
	r.centred(r.l.pageLabel(n, total), footerTop+11, regular, 8.5, 0)
	r.initialsBoxes()
}

// initialsBoxes draws one box per party at the right of the footer, with
// the "Initials" label to their left and the party role under each box.
func (r *renderer) initialsBoxes() {
	const boxW, boxH, gap = 40.0, 20.0, 6.0
	n := len(r.page.parties)
	if n == 0 {
		n = 1
	}
	x := pageW - marginR - float64(n)*boxW - float64(n-1)*gap
	r.f.SetDrawColor(110, 110, 110)
	r.f.SetLineWidth(0.5)
	lw := r.m.width(r.l.initials, italic, 7.5)
	r.textAt(r.l.initials, x-6-lw, footerTop+10, italic, 7.5, 70)
	for i := 0; i < n; i++ {
		bx := x + float64(i)*(boxW+gap)
		r.f.Rect(bx, footerTop+6, boxW, boxH, "D")
		if i < len(r.page.parties) {
			role := r.page.parties[i]
			rw := r.m.width(role, regular, 6.5)
			r.textAt(role, bx+(boxW-rw)/2, footerTop+6+boxH+1, regular, 6.5, 90)
		}
	}
}

// watermark draws DRAFT / PROJET diagonally across the page as filled
// glyph outlines, so it is seen but never extracted as text.
func (r *renderer) watermark(font *ttf) {
	const size = 110.0
	f := r.f
	f.SetAlpha(0.10, "Normal")
	f.SetFillColor(120, 120, 120)
	f.TransformBegin()
	f.TransformRotate(45, pageW/2, pageH/2)
	x := (pageW - r.m.width(r.l.draft, bold, size)) / 2
	base := pageH/2 + size*0.35
	for _, ch := range r.l.draft {
		cs := contours(font.glyph(font.glyphID(ch)))
		r.drawGlyphPath(cs, x, base, size/font.unitsPerEm)
		x += r.m.width(string(ch), bold, size)
	}
	f.DrawPath("f")
	f.TransformEnd()
	f.SetAlpha(1, "Normal")
	f.SetFillColor(0, 0, 0)
}

// textAt prints s with its top-left corner at (x, y) in a grey level
// (0 black, 255 white).
func (r *renderer) textAt(s string, x, y float64, fc face, size float64, grey int) {
	r.f.SetFont(serif, fc.fpdfStyle(), size)
	r.f.SetTextColor(grey, grey, grey)
	r.f.SetXY(x, y)
	r.f.CellFormat(r.m.width(s, fc, size), size*1.2, safeText(s), "", 0, "L", false, 0, "")
	r.plainColour()
}

// centred prints s centred across the text width with its top at y.
func (r *renderer) centred(s string, y float64, fc face, size float64, grey int) {
	w := r.m.width(safeText(s), fc, size)
	r.textAt(s, (pageW-w)/2, y, fc, size, grey)
}

// short returns the first 12 hex digits of a fingerprint.
func short(fp string) string {
	if len(fp) > 12 {
		return fp[:12]
	}
	return fp
}
