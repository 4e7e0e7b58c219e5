package server

import (
	"net/http"

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
	Rows        []contractRow
	CanAssemble bool
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
	body := contractsBody{Phase: phase, Mine: mine, Phases: []string{"draft", "negotiation", "final"}, CanAssemble: authz.Can(p, authz.Assemble)}
	for _, w := range work {
		row := contractRow{ID: w.ID, Title: titleIn(w.Title.EN, w.Title.FR, lang), Ref: w.ProcurementRef, Vendor: w.VendorName,
			Phase: string(w.Phase), Updated: w.UpdatedAt.Format("2006-01-02 15:04"), Revision: w.Revision, MyAction: myAction(p, w)}
		if p.IsCity() {
			row.Blockers = w.Blockers
		}
		if !mine || row.MyAction > 0 {
			body.Rows = append(body.Rows, row)
		}
	}
	return c.Render(http.StatusOK, "contracts", s.page(c, "contracts.title", "contracts", body))
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
