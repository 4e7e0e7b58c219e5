package server

import (
	"context"
	"fmt"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/docx"
	"github.com/civicpact/civicpact/negotiation"
)

// importResult is the answer to a Word upload: the redline recorded (if
// any clause had tracked changes), what became an amendment, and
// everything that did not, with the reason.
type importResult struct {
	Revision    int64            `json:"revision"`
	Redline     string           `json:"redline,omitempty"`
	Source      docx.Source      `json:"source"`
	Imported    []importedClause `json:"imported"`
	NotImported []docx.Outcome   `json:"not_imported"`
	Unchanged   int              `json:"unchanged"`
	Outside     []string         `json:"outside,omitempty"`
	err         error
	state       *negotiation.State // the contract after the import
}

// importedClause is one clause that became an amendment.
type importedClause struct {
	ClauseID    string        `json:"clause_id"`
	Number      string        `json:"number"`
	AmendmentID string        `json:"amendment_id"`
	Changes     []docx.Change `json:"changes"`
	Notes       []string      `json:"notes,omitempty"`
}

// maxImportRetries bounds how often a redline is retried without the
// amendments negotiation refused.
const maxImportRetries = 5

// proposeImport turns the proposed clauses into one redline by the
// uploader, based on the file's revision. An amendment negotiation refuses
// (a clause deleted since, text that is already current) is moved to
// NotImported and the rest retried; a stale base is a 409 for the whole
// upload.
func (s *Server) proposeImport(ctx context.Context, st *negotiation.State, actor negotiation.Actor, rec docx.Reconciliation) importResult {
	res := importResult{Revision: st.Revision, Source: rec.Source, Outside: rec.Outside, state: st}
	var cand []docx.Outcome
	for _, o := range rec.Clauses {
		switch {
		case o.Status == docx.StatusUnchanged && len(o.Notes) == 0:
			res.Unchanged++
		case o.Status == docx.StatusProposed && currentText(st, o, rec.Source.Lang) == o.Text:
			res.Unchanged++
		case o.Status == docx.StatusProposed:
			cand = append(cand, o)
		default:
			res.NotImported = append(res.NotImported, o)
		}
	}
	for try := 0; len(cand) > 0; try++ {
		ams := make([]negotiation.Amendment, len(cand))
		for i, o := range cand {
			ams[i] = negotiation.Amendment{ClauseID: o.ClauseID, Kind: negotiation.AmendText, Lang: rec.Source.Lang, Text: o.Text}
		}
		after, r, err := s.deps.Contracts.Propose(ctx, st.Contract.ID, actor, rec.Source.Revision, "Imported from a Word redline.", ams)
		if err == nil {
			res.Revision, res.Redline, res.state = after.Revision, r.ID, after
			res.Imported = imported(cand, r)
			return res
		}
		refused := refusedAmendments(err, len(cand))
		if len(refused) == 0 || try == maxImportRetries {
			res.err = err
			return res
		}
		cand = res.dropRefused(cand, refused)
	}
	return res
}

// currentText is the clause's displayed text in the import's language.
func currentText(st *negotiation.State, o docx.Outcome, lang clauses.Lang) string {
	c, ok := st.Clause(o.ClauseID)
	if !ok {
		return ""
	}
	return st.Displayed(c).In(lang)
}

// refusedAmendments maps an Invalid error's "amendments[i]…" fields to
// their messages.
func refusedAmendments(err error, n int) map[int]string {
	e, ok := apperr.As(err)
	if !ok || e.Kind != apperr.Invalid {
		return nil
	}
	out := map[int]string{}
	for _, f := range e.Fields {
		var i int
		if _, err := fmt.Sscanf(f.Path, "amendments[%d]", &i); err == nil && i >= 0 && i < n {
			out[i] = strings.TrimSpace(out[i] + " " + f.Message)
		}
	}
	return out
}

func (res *importResult) dropRefused(cand []docx.Outcome, refused map[int]string) []docx.Outcome {
	var keep []docx.Outcome
	for i, o := range cand {
		if msg, ok := refused[i]; ok {
			o.Status, o.Found = docx.StatusInvalid, o.Text
			o.Notes = append(o.Notes, "refused by the negotiation rules: "+msg)
			res.NotImported = append(res.NotImported, o)
			continue
		}
		keep = append(keep, o)
	}
	return keep
}

func imported(cand []docx.Outcome, r *negotiation.Redline) []importedClause {
	out := make([]importedClause, 0, len(cand))
	for i, o := range cand {
		out = append(out, importedClause{ClauseID: o.ClauseID, Number: o.Number, AmendmentID: r.Amendments[i].ID, Changes: o.Changes, Notes: o.Notes})
	}
	return out
}
