package server

import (
	"context"
	"net/http"
	"sort"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
)

// roundColumn is one vendor's contract in a competitive round.
type roundColumn struct {
	ContractID string            `json:"contract_id"`
	Vendor     string            `json:"vendor"`
	Phase      negotiation.Phase `json:"phase"`
	Revision   int64             `json:"revision"`
}

// roundCell is where one vendor stands on one clause.
type roundCell struct {
	Status    negotiation.ClauseStatus    `json:"status"`
	Amendment *negotiation.AmendmentState `json:"amendment,omitempty"` // the pending one, if any
	Diff      *negotiation.TextDiff       `json:"diff,omitempty"`      // agreed text → displayed text
}

// roundRow is one clause across every vendor's contract.
type roundRow struct {
	ClauseID string      `json:"clause_id"`
	Number   string      `json:"number"`
	Title    string      `json:"title"`
	Cells    []roundCell `json:"cells"` // in the order of Columns
}

// round is a competitive round: every contract of one procurement
// reference the caller may see, in the order they were assembled, with
// one column per contract.
type round struct {
	Ref     string
	States  []*negotiation.State
	Columns []roundColumn
}

// compareRound shows the city every shortlisted vendor's redlines side by
// side, clause by clause. Vendors never reach it: it is city-internal.
func (s *Server) compareRound(c echo.Context) error {
	r, lang, err := s.roundFor(c)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"procurement_ref": r.Ref, "columns": r.Columns, "rows": roundRows(r.States, lang)})
}

// roundFor loads the round named by the :ref parameter for a city user
// (authz.ReadInternal) and the language to compare it in (?lang=, else
// the first contract's). It is NotFound when the caller sees no contract
// with that reference.
func (s *Server) roundFor(c echo.Context) (*round, clauses.Lang, error) {
	p, err := s.allow(c, authz.ReadInternal)
	if err != nil {
		return nil, "", err
	}
	r, err := s.loadRound(c.Request().Context(), p, c.Param("ref"))
	if err != nil {
		return nil, "", err
	}
	lang, err := contractLang(c, r.States[0])
	if err != nil {
		return nil, "", err
	}
	return r, lang, nil
}

func (s *Server) loadRound(ctx context.Context, p identity.Principal, ref string) (*round, error) {
	all, err := s.deps.Contracts.List(ctx)
	if err != nil {
		return nil, err
	}
	// Columns in the order the contracts were assembled.
	sort.SliceStable(all, func(i, j int) bool {
		return all[i].CreatedAt.Before(all[j].CreatedAt) || all[i].CreatedAt.Equal(all[j].CreatedAt) && all[i].ID < all[j].ID
	})
	r := &round{Ref: ref}
	for _, sum := range all {
		if sum.ProcurementRef != ref || !authz.CanSee(p, authz.ContractParties{OwnerOrg: sum.OwnerOrg}) {
			continue
		}
		st, err := s.deps.Contracts.Load(ctx, sum.ID)
		if err != nil {
			return nil, err
		}
		r.States = append(r.States, st)
		r.Columns = append(r.Columns, roundColumn{ContractID: sum.ID, Vendor: sum.VendorName, Phase: st.Phase(), Revision: st.Revision})
	}
	if len(r.States) == 0 {
		return nil, apperr.New(apperr.NotFound, "no contracts with procurement reference %q", ref)
	}
	return r, nil
}

func roundRows(states []*negotiation.State, lang clauses.Lang) []roundRow {
	index := map[string]int{}
	var rows []roundRow
	for _, st := range states {
		for _, id := range st.Order {
			if _, ok := index[id]; ok {
				continue
			}
			c := st.Clauses[id]
			index[id] = len(rows)
			rows = append(rows, roundRow{ClauseID: id, Number: c.Number, Title: c.Title.In(lang), Cells: make([]roundCell, len(states))})
		}
	}
	for col, st := range states {
		for _, id := range st.Order {
			c := st.Clauses[id]
			cell := roundCell{Status: c.Status}
			if c.Pending != "" {
				cell.Amendment = st.Amendments[c.Pending]
			}
			if shown := st.Displayed(c).In(lang); shown != c.Text.In(lang) || c.Status == negotiation.StatusAgreed {
				d := negotiation.DiffText(c.Original.In(lang), shown)
				cell.Diff = &d
			}
			rows[index[id]].Cells[col] = cell
		}
	}
	return rows
}
