package server

import (
	"html/template"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/docx"
	"github.com/civicpact/civicpact/negotiation"
)

// wordReportBody is the page shown after a Word upload: what became a
// proposed change, what did not and why, and what lay outside any clause.
type wordReportBody struct {
	ID, Title, Ref, Lang, Back, Redline string
	SourceRevision, Revision            int64
	SourceLang                          string
	WithProposals                       bool
	Imported, NotImported               []wordClause
	Unchanged                           int
	Outside                             []string
}

// wordClause is one clause of the report. Expected, Found and Diff explain
// a clause that was not imported; Redline shows an imported one, or an
// untracked edit, word by word.
type wordClause struct {
	Number, Title, Href, Status, AmendmentID string
	Expected, Found, Diff                    string
	Redline                                  template.HTML
	Changes                                  []wordChange
	Notes                                    []string
}

type wordChange struct{ Kind, Text, Author string }

// postWordForm takes a Word redline uploaded from the workspace through the
// same import as POST /api/v1/contracts/:id/docx and shows its report. A
// refused file is shown at the upload form.
func (s *Server) postWordForm(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Propose)
	if err != nil {
		return err
	}
	data, err := formFile(c, "file")
	var res importResult
	if err == nil {
		res, err = s.importWord(c.Request().Context(), p, st, data)
	}
	if err != nil {
		return s.afterForm(c, p, st, err, "", "", &formProblem{Form: "word"})
	}
	lang := c.FormValue("lang")
	if !validLang(lang) {
		lang = string(res.Source.Lang)
	}
	b := wordReport(view(p, res.state), res, lang)
	d := s.page(c, "word.title", "contracts", b)
	return c.Render(http.StatusOK, "wordimport", d)
}

// wordReport shapes an import result over the caller's view of the state
// after the import.
func wordReport(v *negotiation.State, res importResult, lang string) wordReportBody {
	l := clauses.Lang(lang)
	q := workspaceQuery{Lang: lang}
	b := wordReportBody{ID: v.Contract.ID, Title: v.Contract.Title.In(l), Ref: v.Contract.ProcurementRef, Lang: lang,
		Back: "/contracts/" + url.PathEscape(v.Contract.ID) + "?lang=" + url.QueryEscape(lang), Redline: res.Redline,
		SourceRevision: res.Source.Revision, Revision: res.Revision, SourceLang: string(res.Source.Lang),
		WithProposals: res.Source.WithProposals, Unchanged: res.Unchanged, Outside: res.Outside}
	for _, ic := range res.Imported {
		wc := wordClause{Number: ic.Number, Title: clauseTitle(v, ic.ClauseID, l), Href: workspaceURL(v.Contract.ID, ic.ClauseID, q),
			AmendmentID: ic.AmendmentID, Notes: ic.Notes, Status: string(docx.StatusProposed)}
		if a, ok := v.Amendments[ic.AmendmentID]; ok {
			wc.Redline = readableRedline(&v.Contract, a.Before.In(res.Source.Lang), a.After.In(res.Source.Lang), res.Source.Lang)
		}
		for _, ch := range ic.Changes {
			wc.Changes = append(wc.Changes, wordChange{Kind: string(ch.Kind), Text: ch.Text, Author: ch.Author})
		}
		b.Imported = append(b.Imported, wc)
	}
	for _, o := range res.NotImported {
		wc := wordClause{Number: o.Number, Title: o.Title, Href: workspaceURL(v.Contract.ID, o.ClauseID, q), Status: string(o.Status),
			Expected: o.Expected, Found: o.Found, Diff: o.Diff, Notes: o.Notes}
		if o.Expected != "" && o.Found != "" {
			wc.Redline = foldedRedline(o.Expected, o.Found)
		}
		b.NotImported = append(b.NotImported, wc)
	}
	return b
}

func clauseTitle(v *negotiation.State, id string, l clauses.Lang) string {
	if cs, ok := v.Clause(id); ok {
		return cs.Title.In(l)
	}
	return id
}
