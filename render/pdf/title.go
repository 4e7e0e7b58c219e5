package pdf

import "strings"

// titlePage prints the title, the parties and the contract's identity:
// references, versions, date and the full fingerprint.
func (r *renderer) titlePage(d Document) {
	r.newPage()
	r.y = 120
	if d.Draft {
		r.centred(r.l.draft, r.y-36, bold, 11, 150)
	}
	r.heading(d.Title, bold, 20, true)
	if d.Subtitle != "" {
		r.y += 4
		r.heading(d.Subtitle, italic, 13, true)
	}
	r.y += 36
	r.parties(d.Parties)
	r.identityTable(d)
}

// parties prints "BETWEEN party AND party", each with role and address.
func (r *renderer) parties(ps []Party) {
	for i, p := range ps {
		word := r.l.and
		if i == 0 {
			word = r.l.between
		}
		r.centred(word, r.y, regular, 10, 80)
		r.y += 24
		r.heading(p.Name, bold, 13, true)
		if p.Address != "" {
			r.heading(p.Address, regular, 10.5, true)
		}
		if p.Role != "" {
			r.heading("("+r.quote(p.Role)+")", italic, 10.5, true)
		}
		r.y += 18
	}
}

// identityTable prints label/value rows near the foot of the title page.
func (r *renderer) identityTable(d Document) {
	rows := [][2]string{
		{r.l.contractID, d.ContractID},
		{r.l.procurement, d.ProcurementRef},
		{r.l.route, d.Route},
		{r.l.template, d.TemplateRef},
		{r.l.library, d.LibraryRef},
		{r.l.date, r.l.formatDate(d.Date, r.lang)},
	}
	const rowH, labelW = 16.0, 150.0
	y := max(r.y+12, bodyBot-float64(len(rows)+2)*rowH-8)
	r.f.SetDrawColor(160, 160, 160)
	r.f.SetLineWidth(0.5)
	r.f.Line(marginL, y-6, pageW-marginR, y-6)
	for _, row := range rows {
		if strings.TrimSpace(row[1]) == "" {
			continue
		}
		r.textAt(row[0], marginL, y, regular, 9.5, 80)
		r.textAt(row[1], marginL+labelW, y, regular, 9.5, 0)
		y += rowH
	}
	r.textAt(r.l.fingerprint, marginL, y, regular, 9.5, 80)
	r.f.SetFont(mono, "", 8)
	r.f.SetXY(marginL+labelW, y+1)
	r.f.CellFormat(0, 10, d.Fingerprint, "", 0, "L", false, 0, "")
	r.f.Line(marginL, y+rowH+4, pageW-marginR, y+rowH+4)
}

// quote puts s in the quotation marks of the document's language.
func (r *renderer) quote(s string) string {
	if r.lang == "fr" {
		return "«\u00a0" + s + "\u00a0»"
	}
	return "“" + s + "”"
}
