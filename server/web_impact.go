package server

import (
	"html/template"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
)

// impactBody is the upgrade-impact page of a clause: the drafts and
// negotiations that pin an older version than the latest approved one,
// each with the word diff and a one-click recorded upgrade or a keep with
// its rationale.
type impactBody struct {
	Key, Title, Effective, ChangeNote string
	Latest                            int
	Items                             []impactView
	CanUpgrade                        bool
	Done, DoneContract                string
}

type impactView struct {
	ContractID, Title, Ref, Phase, ClauseID, Number, Position string
	Pinned, Kept                                              int
	Redline                                                   template.HTML // negotiation.TextDiff.HTML
}

func (s *Server) getImpactPage(c echo.Context) error {
	p, err := s.allow(c, authz.ReadInternal)
	if err != nil {
		return err
	}
	latest, items, err := s.impact(c, p, c.Param("key"))
	if err != nil {
		return err
	}
	ui := clauses.Lang(uiLang(c))
	body := impactBody{Key: latest.Key, Title: latest.Title.In(ui), Effective: latest.Effective, ChangeNote: latest.ChangeNote.In(ui),
		Latest: latest.N, CanUpgrade: authz.Can(p, authz.Upgrade), Done: c.QueryParam("done"), DoneContract: c.QueryParam("contract")}
	if body.Done != "upgraded" && body.Done != "kept" {
		body.Done = ""
	}
	for _, it := range items {
		body.Items = append(body.Items, impactView{ContractID: it.ContractID, Title: it.Title.In(ui), Ref: it.ProcurementRef, Phase: string(it.Phase),
			ClauseID: it.ClauseID, Number: it.Number, Position: it.Position, Pinned: it.PinnedVersion, Kept: it.KeptVersion,
			Redline: template.HTML(it.Diff.HTML())}) // #nosec: escaped by negotiation
	}
	d := s.page(c, "impact.title", "library", body)
	d.Title = translate(string(ui), "impact.title") + " · " + body.Key
	return c.Render(http.StatusOK, "impact", d)
}
