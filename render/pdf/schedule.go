package pdf

// schedules prints each schedule on a new page: "Schedule A — Title", its
// introduction and its tables.
func (r *renderer) schedules(ss []Schedule) {
	for i, s := range ss {
		r.newPage()
		label := s.Label
		if label == "" {
			label = string('A' + rune(i%26))
		}
		title := r.l.schedule + " " + label
		if s.Title != "" {
			title += " — " + s.Title
		}
		r.sectionHeading(title)
		for _, p := range s.Intro {
			r.paragraph(p.Runs, marginL, textW, bodyText(), true)
		}
		for _, t := range s.Tables {
			r.table(t)
		}
	}
}

// sectionHeading prints a centred section title with its outline and TOC
// entries.
func (r *renderer) sectionHeading(title string) {
	r.bookmarkHere(title, 0)
	r.heading(title, bold, 13, true)
	r.y += 10
}

// deviations prints the schedule of deviations from the clause library as
// a table, or a sentence saying there are none.
func (r *renderer) deviations(ds []Deviation) {
	r.newPage()
	r.sectionHeading(r.l.deviations)
	if len(ds) == 0 {
		r.paragraph([]Run{{Text: r.l.noDeviations}}, marginL, textW, bodyText(), false)
		return
	}
	t := Table{Columns: []string{r.l.clause, r.l.ref, r.l.summary, r.l.party,
		r.l.approvedBy, r.l.rationale}}
	for _, d := range ds {
		t.Rows = append(t.Rows, []string{d.ClauseNumber, d.ClauseRef, d.Summary,
			d.Party, d.ApprovedBy, d.Rationale})
	}
	r.table(t)
}
