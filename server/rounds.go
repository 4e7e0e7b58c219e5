package server

import (
	"net/http"
	"sort"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
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

// compareRound shows the city every shortlisted vendor's redlines side by
// side, clause by clause. Vendors never reach it: it is city-internal.
func (s *Server) compareRound(c echo.Context) error {
	p, err := s.allow(c, authz.ReadInternal)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	all, err := s.deps.Contracts.List(ctx)
	if err != nil {
		return err
	}
	var states []*negotiation.State
	var cols []roundColumn
	// Columns in the order the contracts were assembled.
	sort.SliceStable(all, func(i, j int) bool {
		return all[i].CreatedAt.Before(all[j].CreatedAt) || all[i].CreatedAt.Equal(all[j].CreatedAt) && all[i].ID < all[j].ID
	})
	for _, sum := range all {
		if sum.ProcurementRef != c.Param("ref") || !authz.CanSee(p, authz.ContractParties{OwnerOrg: sum.OwnerOrg}) {
			continue
		}
		st, err := s.deps.Contracts.Load(ctx, sum.ID)
		if err != nil {
			return err
		}
		states = append(states, st)
		cols = append(cols, roundColumn{ContractID: sum.ID, Vendor: sum.VendorName, Phase: st.Phase(), Revision: st.Revision})
	}
	if len(states) == 0 {
		return apperr.New(apperr.NotFound, "no contracts with procurement reference %q", c.Param("ref"))
	}
	lang, err := contractLang(c, states[0])
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"procurement_ref": c.Param("ref"), "columns": cols, "rows": roundRows(states, lang)})
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
