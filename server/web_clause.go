package server

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
)

// clauseBody is the clause page's content.
type clauseBody struct {
	Key, Title, Citation, TextLang string
	Category                       clauses.Category
	Version                        clauses.VersionState // the one shown
	Versions                       []clauses.VersionState
	HasApproved                    bool
	ApprovedN                      int
	Guidance, Remarks, ChangeNote  string
	Positions                      []positionView
	Variables                      []variableView
	History                        []historyRow
	ShowPlaybook, CanDraft         bool
	From, To                       int
	Redline                        *redlineView
	Errors                         []string
}

type positionView struct {
	ID, Label, Rationale, Defaults, Raw, ParseError string
	Stance                                          clauses.Stance
	Body                                            markupView
}

type variableView struct {
	Name, Label, Type, Source, Values, Bounds, Default, Preferred, Fallback string
	Required                                                                bool
}

type historyRow struct {
	N                                     int
	Effective, Note, DraftedBy, DraftedAt string
	ApprovedBy, ApprovedAt                string
	Status                                clauses.Status
	CanApprove                            bool
}

type redlineView struct {
	Positions []redlineRow
}

type redlineRow struct {
	ID, Status string
	HTML       template.HTML // negotiation.TextDiff.HTML: text escaped, only <ins>/<del> added
}

// clauseParams are the clause page's query parameters.
type clauseParams struct {
	V, From, To int
	Text        string
}

func (s *Server) getClausePage(c echo.Context) error {
	p, err := s.allow(c, authz.ReadLibrary)
	if err != nil {
		return err
	}
	var q clauseParams
	for name, dst := range map[string]*int{"v": &q.V, "from": &q.From, "to": &q.To} {
		if *dst, err = intQuery(c, name, 0); err != nil {
			return err
		}
	}
	q.Text = textLang(c, c.QueryParam("text"))
	e, err := s.deps.Library.Get(c.Request().Context(), c.Param("key"))
	if err != nil {
		return err
	}
	body, err := clausePage(e, q, p)
	if err != nil {
		return err
	}
	d := s.page(c, "", "library", body)
	d.Title = body.Key + " · " + body.Title
	return c.Render(http.StatusOK, "clause", d)
}

// clausePage shapes a library entry for the clause page.
func clausePage(e clauses.Entry, q clauseParams, p identity.Principal) (clauseBody, error) {
	lang := clauses.Lang(q.Text)
	shown, err := shownVersion(e, q.V)
	if err != nil {
		return clauseBody{}, err
	}
	b := clauseBody{Key: e.Clause.Key, Category: e.Clause.Category, TextLang: q.Text, Version: shown, Versions: e.Versions,
		Title: shown.Title.In(lang), Citation: shown.Citation(lang), Guidance: shown.Guidance.In(lang),
		Remarks: shown.Remarks.In(lang), ChangeNote: shown.ChangeNote.In(lang),
		ShowPlaybook: authz.Can(p, authz.ReadInternal), CanDraft: authz.Can(p, authz.DraftLibrary)}
	if a, err := e.LatestApproved(); err == nil {
		b.HasApproved, b.ApprovedN = true, a.N
	}
	labels := variableLabels(shown.Version, lang)
	for _, pos := range shown.Positions {
		b.Positions = append(b.Positions, viewPosition(shown.Version, pos, lang, labels))
	}
	for _, v := range shown.Variables {
		b.Variables = append(b.Variables, viewVariable(v, lang))
	}
	for _, v := range e.Versions {
		b.History = append(b.History, viewHistory(v, lang, authz.Can(p, authz.ApproveLibrary)))
	}
	b.From, b.To = q.From, q.To
	if b.From == 0 || b.To == 0 {
		b.From, b.To = max(1, shown.N-1), shown.N
		return b, nil
	}
	from, errA := e.Version(b.From)
	to, errB := e.Version(b.To)
	if errA != nil || errB != nil {
		b.Errors = append(b.Errors, "v"+fmt.Sprint(b.From)+" / v"+fmt.Sprint(b.To)+": "+fmt.Sprint(errA, errB))
		return b, nil
	}
	b.Redline = viewRedline(redlineVersions(e.Clause.Key, from.Version, to.Version, lang))
	return b, nil
}

// shownVersion is version n, or by default the latest approved (the latest
// draft when none is approved).
func shownVersion(e clauses.Entry, n int) (clauses.VersionState, error) {
	if n > 0 {
		return e.Version(n)
	}
	if v, err := e.LatestApproved(); err == nil {
		return v, nil
	}
	return e.Latest(), nil
}

func viewPosition(v clauses.Version, pos clauses.Position, lang clauses.Lang, labels map[string]string) positionView {
	pv := positionView{ID: pos.ID, Label: pos.Label.In(lang), Rationale: pos.Rationale.In(lang), Stance: pos.Stance, Raw: pos.Body.In(lang)}
	var routes []string
	for _, r := range clauses.Routes {
		if v.RouteDefaults[r] == pos.ID {
			routes = append(routes, string(r))
		}
	}
	pv.Defaults = strings.Join(routes, ", ")
	doc, err := clauses.Parse(pv.Raw)
	if err != nil {
		pv.ParseError = err.Error()
		return pv
	}
	pv.Body = viewMarkup(doc, labels)
	return pv
}

func viewVariable(v clauses.Variable, lang clauses.Lang) variableView {
	vv := variableView{Name: v.Name, Label: v.Label.In(lang), Type: string(v.Type), Source: string(v.Source),
		Values: strings.Join(v.Values, ", "), Bounds: rangeText(&v.Bounds), Required: v.Required,
		Preferred: rangeText(v.Preferred), Fallback: rangeText(v.Fallback)}
	if v.Default != nil {
		vv.Default = fmt.Sprint(v.Default)
	}
	return vv
}

// rangeText writes a range as "1 – 5", "≥ 1", "≤ 5" or "—".
func rangeText(r *clauses.Range) string {
	switch {
	case r == nil || r.Min == nil && r.Max == nil:
		return "—"
	case r.Max == nil:
		return fmt.Sprintf("≥ %g", *r.Min)
	case r.Min == nil:
		return fmt.Sprintf("≤ %g", *r.Max)
	}
	return fmt.Sprintf("%g – %g", *r.Min, *r.Max)
}

func viewHistory(v clauses.VersionState, lang clauses.Lang, approver bool) historyRow {
	h := historyRow{N: v.N, Effective: v.Effective, Note: v.ChangeNote.In(lang), DraftedBy: v.DraftedBy,
		DraftedAt: v.DraftedAt.Format("2006-01-02 15:04"), ApprovedBy: v.ApprovedBy, Status: v.Status,
		CanApprove: approver && v.Status == clauses.StatusDraft}
	if v.ApprovedAt != nil {
		h.ApprovedAt = v.ApprovedAt.Format("2006-01-02 15:04")
	}
	return h
}

func viewRedline(d clauseDiff) *redlineView {
	out := &redlineView{}
	for _, p := range d.Positions {
		out.Positions = append(out.Positions, redlineRow{ID: p.ID, Status: p.Status, HTML: template.HTML(p.HTML)}) // #nosec: escaped by negotiation
	}
	return out
}
