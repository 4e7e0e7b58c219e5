package pdf

// signatureBlockH is the height one signatory's block needs.
const signatureBlockH = 132.0

// signatures prints the signature page: the testimonium, one block per
// signatory, and the full fingerprint the signatures apply to.
func (r *renderer) signatures(d Document) {
	r.newPage()
	r.sectionHeading(r.l.signatures)
	witness := d.Witness
	if witness == "" {
		witness = r.l.witness
	}
	r.paragraph([]Run{{Text: witness}}, marginL, textW, bodyText(), true)
	r.y += 12
	for _, s := range d.Signatories {
		r.ensure(signatureBlockH)
		r.signatureBlock(s, d)
	}
	r.ensure(60)
	r.y += 6
	r.paragraph([]Run{{Text: r.l.fingerprintNote}}, marginL, textW, smallText(), false)
	r.f.SetFont(mono, "", 9)
	r.f.SetXY(marginL, r.y)
	r.f.CellFormat(textW, 12, d.Fingerprint, "", 0, "L", false, 0, "")
	r.y += 16
}

// signatureBlock prints the organisation, a signature line and a date
// line, then name, title and signing authority under the signature line.
func (r *renderer) signatureBlock(s Signatory, d Document) {
	const sigW, dateX, dateW = 250.0, marginL + 300.0, 140.0
	top := r.y
	r.textAt(s.Organisation, marginL, top, bold, 11, 0)
	line := top + 52
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.6)
	r.f.Line(marginL, line, marginL+sigW, line)
	r.f.Line(dateX, line, dateX+dateW, line)
	r.textAt(r.l.per+sep(r.lang), marginL, line-12, italic, 8, 100)
	r.textAt(r.l.date, dateX, line+3, italic, 8.5, 90)
	rows := [][2]string{{r.l.name, s.Name}, {r.l.title, s.Title}, {r.l.authority, s.Authority}}
	y := line + 3
	for _, row := range rows {
		if row[1] == "" {
			continue
		}
		// The value follows its label a word space away, not in an aligned
		// column: text extraction then reads each block label by value and
		// block by block, instead of gathering the values of every block
		// into one column.
		label := row[0] + sep(r.lang) + " "
		r.textAt(label, marginL, y+1.2, italic, 8.5, 90)
		r.textAt(row[1], marginL+r.m.width(safeText(label), italic, 8.5), y, regular, 10, 0)
		y += 14
	}
	r.y = top + signatureBlockH
}

// sep is the label separator: French puts a narrow no-break space before
// the colon.
func sep(lang string) string {
	if lang == "fr" {
		return "\u202f:"
	}
	return ":"
}
