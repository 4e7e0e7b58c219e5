package server

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/negotiation"
)

// deviationsBody is the deviation report (city users): every departure
// from the library standard, who agreed it, why, the playbook's verdict
// and any approver's sign-off.
type deviationsBody struct {
	ID, Title, Phase string
	Revision         int64
	Items            []deviationView
}

type deviationView struct {
	Number, Title, Key, Kinds, Default, Agreed string
	Version                                    int
	Redline                                    template.HTML // negotiation.TextDiff.HTML
	Steps                                      []amendView
}

func (s *Server) getDeviationsPage(c echo.Context) error {
	_, st, err := s.contractFor(c, authz.ReadInternal)
	if err != nil {
		return err
	}
	devs, err := s.deps.Contracts.Deviations(c.Request().Context(), st)
	if err != nil {
		return err
	}
	ui := uiLang(c)
	body := deviationsBody{ID: st.Contract.ID, Title: titleIn(st.Contract.Title.EN, st.Contract.Title.FR, ui), Phase: string(st.Phase()), Revision: st.Revision}
	for _, d := range devs {
		body.Items = append(body.Items, viewDeviation(d, st, ui))
	}
	d := s.page(c, "dev.title", "contracts", body)
	d.Title = translate(ui, "dev.title") + " · " + body.Title
	return c.Render(http.StatusOK, "deviations", d)
}

func viewDeviation(d negotiation.Deviation, st *negotiation.State, ui string) deviationView {
	var kinds []string
	for _, k := range d.Kinds {
		kinds = append(kinds, translate(ui, "devkind."+k))
	}
	v := deviationView{Number: d.Number, Title: d.Title.In(d.Lang), Key: d.ClauseKey, Version: d.Version, Kinds: strings.Join(kinds, ", "),
		Default: d.DefaultPosition, Agreed: d.AgreedPosition, Redline: template.HTML(d.Diff.HTML())} // #nosec: escaped by negotiation
	if cs, ok := st.Clause(d.ClauseID); ok {
		v.Redline = readableRedline(&st.Contract, cs.Original.In(d.Lang), cs.Text.In(d.Lang), d.Lang)
	}
	if v.Redline == foldMark {
		v.Redline = "" // a position chosen at assembly: the text is the library's
	}
	for _, step := range d.Amendments {
		if a, ok := st.Amendments[step.ID]; ok {
			v.Steps = append(v.Steps, viewAmendment(a, &st.Contract, d.Lang, ui, negotiation.City))
		}
	}
	return v
}
