package server

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
)

// contractsBody is the contract list: the contracts the user may see,
// filtered by phase and to those that need the user's action.
type contractsBody struct {
	Phase       string
	Mine        bool
	Phases      []string
	Count       int
	Groups      []contractGroup
	CanAssemble bool
}

// contractGroup is the contracts of one procurement reference. A group of
// several is a competitive round; city users may compare it side by side.
type contractGroup struct {
	Ref, RoundHref string // RoundHref: the round page, for a city user's round
	Rows           []contractRow
}

type contractRow struct {
	ID, Title, Ref, Vendor, Phase, Updated string
	Revision                               int64
	MyAction                               int // clauses, sign-offs or the opening that wait for this user
	Blockers                               int
}

func (s *Server) getContractsPage(c echo.Context) error {
	p, err := s.allow(c, authz.ReadContract)
	if err != nil {
		return err
	}
	phase, err := oneOf(c, "phase", "draft", "negotiation", "final")
	if err != nil {
		return err
	}
	mine := c.QueryParam("mine") == "1"
	work, err := s.deps.Contracts.Worklist(c.Request().Context(), func(sum negotiation.Summary) bool {
		return authz.CanSee(p, authz.ContractParties{OwnerOrg: sum.OwnerOrg, VendorOrg: sum.VendorOrg, Open: sum.Phase != negotiation.PhaseDraft}) &&
			(phase == "" || string(sum.Phase) == phase)
	})
	if err != nil {
		return err
	}
	lang := uiLang(c)
	var rows []contractRow
	body := contractsBody{Phase: phase, Mine: mine, Phases: []string{"draft", "negotiation", "final"}, CanAssemble: authz.Can(p, authz.Assemble)}
	for _, w := range work {
		row := contractRow{ID: w.ID, Title: titleIn(w.Title.EN, w.Title.FR, lang), Ref: w.ProcurementRef, Vendor: w.VendorName,
			Phase: string(w.Phase), Updated: w.UpdatedAt.Format("2006-01-02 15:04"), Revision: w.Revision, MyAction: myAction(p, w)}
		if p.IsCity() {
			row.Blockers = w.Blockers
		}
		if !mine || row.MyAction > 0 {
			rows = append(rows, row)
		}
	}
	body.Count, body.Groups = len(rows), groupByRef(rows, p.IsCity())
	return c.Render(http.StatusOK, "contracts", s.page(c, "contracts.title", "contracts", body))
}

// groupByRef groups the contract rows by procurement reference, keeping
// their order: each group where its first contract is.
func groupByRef(rows []contractRow, city bool) []contractGroup {
	var groups []contractGroup
	index := map[string]int{}
	for _, r := range rows {
		i, ok := index[r.Ref]
		if !ok || r.Ref == "" {
			i = len(groups)
			index[r.Ref] = i
			groups = append(groups, contractGroup{Ref: r.Ref})
		}
		groups[i].Rows = append(groups[i].Rows, r)
	}
	for i, g := range groups {
		if city && len(g.Rows) > 1 {
			groups[i].RoundHref = "/rounds/" + url.PathEscape(g.Ref)
		}
	}
	return groups
}

// myAction counts what waits for p on a contract: for a vendor, the
// clauses it must answer; for legal, the clauses the city must answer and
// a draft to open; for an approver, the walk-aways to sign off.
func myAction(p identity.Principal, w negotiation.Work) int {
	if w.Phase == negotiation.PhaseFinal {
		return 0
	}
	n := 0
	switch {
	case !p.IsCity():
		n = w.WaitingVendor
	case authz.Can(p, authz.Respond):
		n = w.WaitingCity
		if w.Phase == negotiation.PhaseDraft {
			n++
		}
	}
	if authz.Can(p, authz.SignOff) {
		n += w.SignOffs
	}
	return n
}

// titleIn picks the title in the interface language, else the other.
func titleIn(en, fr, lang string) string {
	if lang == "fr" && fr != "" || en == "" {
		return fr
	}
	return en
}
