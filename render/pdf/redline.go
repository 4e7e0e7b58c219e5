package pdf

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Redline is a comparison of two versions of a contract, clause by clause.
type Redline struct {
	Lang        string
	Title       string
	ContractID  string
	Fingerprint string // of the version being proposed
	From, To    string // version labels, e.g. "City draft v1", "Vendor redline v2"
	Date        time.Time
	Author      string
	Summary     []RedlineRow
	// HideVerdicts leaves the Verdict column out of the summary table: the
	// playbook's verdicts are city-internal.
	HideVerdicts bool
	// Clauses are in document order; unchanged ones are printed by heading
	// only, changed ones in full with Inserted, Deleted and Moved runs.
	Clauses []RedlineClause
}

// RedlineRow is one line of the summary table of changes.
type RedlineRow struct {
	Clause  string
	Party   string
	Status  string
	Verdict string
	Words   int
}

// RedlineClause is a clause of the redline. Article, when set, is printed
// as an article heading before the clause.
type RedlineClause struct {
	Article   string
	Clause    Clause
	Unchanged bool
}

// RenderRedline writes r as a PDF: a summary table of changes, then every
// clause in order, changed clauses with their marks (left-aligned, since
// marked runs are not justified) and unchanged ones collapsed to headings.
func RenderRedline(w io.Writer, rl Redline) error {
	if err := validate(rl.Lang, rl.Date.IsZero()); err != nil {
		return err
	}
	r := newRenderer(rl.Lang)
	title := r.l.redline + " — " + rl.Title
	r.setInfo(info{title: title, subject: rl.From + " → " + rl.To, author: rl.Author,
		lang: rl.Lang, date: rl.Date, id: rl.ContractID})
	r.page = pageDecor{header: title, contractID: rl.ContractID, fingerprint: rl.Fingerprint}
	r.newPage()
	r.heading(title, bold, 16, true)
	r.heading(rl.From+" → "+rl.To, italic, 11, true)
	r.heading(r.l.formatDate(rl.Date, rl.Lang), regular, 10, true)
	r.y += 10
	r.paragraph([]Run{{Text: r.l.redlineNote}}, marginL, textW, smallText(), false)
	r.redlineSummary(rl.Summary, rl.HideVerdicts)
	r.redlineClauses(rl.Clauses)
	return r.output(w)
}

func (r *renderer) redlineSummary(rows []RedlineRow, hideVerdicts bool) {
	r.y += 6
	r.bookmarkHere(r.l.changes, 0)
	r.heading(r.l.changes, bold, 12, false)
	r.y += 4
	if len(rows) == 0 {
		r.paragraph([]Run{{Text: r.l.noChanges}}, marginL, textW, bodyText(), false)
		return
	}
	t := Table{Columns: []string{r.l.clause, r.l.partyCol, r.l.status, r.l.verdict, r.l.words}}
	if hideVerdicts {
		t.Columns = slices.Delete(t.Columns, 3, 4)
	}
	for _, row := range rows {
		cells := []string{row.Clause, row.Party, row.Status, row.Verdict, fmt.Sprint(row.Words)}
		if hideVerdicts {
			cells = slices.Delete(cells, 3, 4)
		}
		t.Rows = append(t.Rows, cells)
	}
	r.table(t)
}

func (r *renderer) redlineClauses(cs []RedlineClause) {
	for _, c := range cs {
		if c.Article != "" {
			r.articleHeading(c.Article)
		}
		if c.Unchanged {
			r.collapsedHeading(c.Clause)
			continue
		}
		r.clause(c.Clause, false)
	}
}

// collapsedHeading prints an unchanged clause as a grey heading line.
func (r *renderer) collapsedHeading(c Clause) {
	text := strings.TrimSpace(c.Number+" "+c.Title) + " (" + r.l.unchanged + ")"
	r.ensure(16)
	r.textAt(text, marginL, r.y, regular, 9.5, 120)
	r.y += 14
}
