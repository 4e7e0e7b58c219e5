package server

import (
	"context"
	"html/template"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
)

// roundBody is the competitive round page (city users): every shortlisted
// vendor's contract as a column, every clause as a row, each cell where
// that vendor stands on that clause.
type roundBody struct {
	Ref, Lang string
	Langs     []clauses.Lang
	Columns   []roundColumnView
	Rows      []roundRowView
}

type roundColumnView struct {
	ID, Vendor, Phase, Href string
	Revision                int64
}

type roundRowView struct {
	ID, Number, Title string
	Cells             []roundCellView
}

// roundCellView is one vendor's stand on one clause: its badge, and the
// pending change (its summary and readable redline) or, when nothing is
// pending, the change already agreed, if any.
type roundCellView struct {
	Status, Summary string
	Redline         template.HTML // readableRedline: escaped text, <ins>/<del> only
	Agreed, Absent  bool          // Redline is an agreed change; the contract lacks the clause
}

func (s *Server) getRoundPage(c echo.Context) error {
	r, lang, err := s.roundFor(c)
	if err != nil {
		return err
	}
	ui := uiLang(c)
	body := roundBody{Ref: r.Ref, Lang: string(lang), Langs: r.States[0].Contract.Languages}
	for _, col := range r.Columns {
		body.Columns = append(body.Columns, roundColumnView{ID: col.ContractID, Vendor: col.Vendor, Phase: string(col.Phase), Revision: col.Revision,
			Href: "/contracts/" + url.PathEscape(col.ContractID) + "?lang=" + url.QueryEscape(string(lang))})
	}
	for _, row := range roundRows(r.States, lang) {
		rv := roundRowView{ID: row.ClauseID, Number: row.Number, Title: row.Title}
		for _, st := range r.States {
			rv.Cells = append(rv.Cells, roundCellOf(st, row.ClauseID, lang, ui))
		}
		body.Rows = append(body.Rows, rv)
	}
	d := s.page(c, "round.title", "contracts", body)
	d.Title = translate(ui, "round.title") + " · " + r.Ref
	return c.Render(http.StatusOK, "round", d)
}

// roundCellOf is where contract st stands on clause id, as the city sees
// it (a walk-away change awaiting sign-off shows as such).
func roundCellOf(st *negotiation.State, id string, lang clauses.Lang, ui string) roundCellView {
	cs, ok := st.Clause(id)
	if !ok {
		return roundCellView{Absent: true}
	}
	cell := roundCellView{Status: clauseBadge(st, cs, true)}
	if a := st.Amendments[cs.Pending]; cs.Pending != "" && a != nil {
		av := viewAmendment(a, &st.Contract, lang, ui, negotiation.City)
		cell.Summary, cell.Redline = av.Summary, av.Redline
	} else if before, after := cs.Original.In(lang), cs.Text.In(lang); before != after {
		cell.Redline, cell.Agreed = readableRedline(&st.Contract, before, after, lang), true
	}
	if cell.Redline == foldMark {
		cell.Redline, cell.Agreed = "", false // the texts read the same: a summary says what changes, if anything
	}
	return cell
}

// roundHref is the round page of procurement reference ref in language
// lang, for a city user when more than one contract has that reference;
// otherwise "".
func (s *Server) roundHref(ctx context.Context, p identity.Principal, ref, lang string) (string, error) {
	if !p.IsCity() || ref == "" {
		return "", nil
	}
	all, err := s.deps.Contracts.List(ctx)
	if err != nil {
		return "", err
	}
	n := 0
	for _, sum := range all {
		if sum.ProcurementRef == ref && authz.CanSee(p, authz.ContractParties{OwnerOrg: sum.OwnerOrg}) {
			n++
		}
	}
	if n < 2 {
		return "", nil
	}
	return "/rounds/" + url.PathEscape(ref) + "?lang=" + url.QueryEscape(lang), nil
}
