package server

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
)

// workspaceBody is the negotiation workspace: the clause list with status
// badges, one clause's panel, the contract's actions, blockers and
// downloads. It is built from the caller's view of the state (ForVendor
// for a vendor), so nothing internal ever reaches a vendor's page.
type workspaceBody struct {
	ID, Title, Ref, Vendor, Phase, Lang string
	Langs                               []clauses.Lang
	Revision                            int64
	Mine                                bool
	Clauses                             []clauseRow
	Panel                               *clausePanel
	Blockers                            []string
	City                                bool // a city user: may see verdicts, internal comments, sign-offs
	CanOpen, CanFinalize, CanRespond    bool
	CanComment, CanInternal, CanSignOff bool
	CanUpgrade, CanWord                 bool
	Done                                string
	Downloads                           []download
	RoundHref                           string       // the round page, when a city user's contract is one of several for its procurement reference
	Form                                *formProblem // a refused workspace form, shown at that form
}

type clauseRow struct {
	ID, Number, Title, Status, Href string
	MyTurn, TheirTurn, Current      bool
}

type download struct{ Href, Label, Note string }

// formProblem is a workspace form the domain refused: which form, why, and
// what the user had typed.
type formProblem struct {
	Form, Message, Text, Reason string
	Fields                      map[string]string // the values form: message per variable
	Values                      map[string]string // the values form: what was typed, per input name
}

// workspaceQuery is what the workspace URL may say.
type workspaceQuery struct {
	Clause, Lang, Done string
	Mine               bool
}

func (s *Server) getWorkspace(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	lang, err := contractLang(c, st)
	if err != nil {
		return err
	}
	q := workspaceQuery{Clause: c.QueryParam("clause"), Lang: string(lang), Done: c.QueryParam("done"), Mine: c.QueryParam("mine") == "1"}
	return s.renderWorkspace(c, http.StatusOK, p, st, q, nil)
}

func (s *Server) renderWorkspace(c echo.Context, status int, p identity.Principal, st *negotiation.State, q workspaceQuery, fp *formProblem) error {
	b := workspace(p, view(p, st), q, uiLang(c))
	b.Form = fp
	href, err := s.roundHref(c.Request().Context(), p, st.Contract.ProcurementRef, q.Lang)
	if err != nil {
		return err
	}
	b.RoundHref = href
	if err := s.addLibraryViews(c.Request().Context(), p, st, &b, clauses.Lang(uiLang(c))); err != nil {
		return err
	}
	d := s.page(c, "", "contracts", b)
	d.Title = b.Title
	return c.Render(status, "workspace", d)
}

// workspace shapes the caller's view v of a contract.
func workspace(p identity.Principal, v *negotiation.State, q workspaceQuery, ui string) workspaceBody {
	final := v.Final != nil
	b := workspaceBody{ID: v.Contract.ID, Title: v.Contract.Title.In(clauses.Lang(q.Lang)), Ref: v.Contract.ProcurementRef,
		Phase: string(v.Phase()), Lang: q.Lang, Langs: v.Contract.Languages, Revision: v.Revision, Mine: q.Mine, City: p.IsCity(),
		CanOpen:     !v.Opened && authz.Can(p, authz.Decide),
		CanFinalize: v.Opened && !final && authz.Can(p, authz.Finalize), CanRespond: !final && authz.Can(p, authz.Respond),
		CanComment: !final && authz.Can(p, authz.CommentExternal), CanInternal: !final && p.IsCity() && authz.Can(p, authz.CommentInternal),
		CanSignOff: !final && p.IsCity() && authz.Can(p, authz.SignOff), CanUpgrade: !final && authz.Can(p, authz.Upgrade), Done: q.Done,
		CanWord: v.Opened && !final && authz.Can(p, authz.Propose)}
	for _, pt := range v.Contract.Parties {
		if pt.Role == "vendor" {
			b.Vendor = pt.Name
		}
	}
	me := mySide(p)
	lang := clauses.Lang(q.Lang)
	for _, id := range v.Order {
		cs := v.Clauses[id]
		row := clauseRow{ID: id, Number: cs.Number, Title: cs.Title.In(lang), Status: clauseBadge(v, cs, b.City),
			MyTurn: !final && v.Turn(cs) == me, TheirTurn: !final && v.Turn(cs) != "" && v.Turn(cs) != me,
			Href: workspaceURL(v.Contract.ID, id, q)}
		if q.Mine && !row.MyTurn {
			continue
		}
		b.Clauses = append(b.Clauses, row)
	}
	current := pickClause(v, q.Clause, me)
	for i := range b.Clauses {
		b.Clauses[i].Current = b.Clauses[i].ID == current
	}
	if cs, ok := v.Clause(current); ok {
		b.Panel = panel(p, v, cs, lang, ui)
	}
	if b.City {
		for _, bl := range v.Blockers() {
			b.Blockers = append(b.Blockers, bl.Message.In(clauses.Lang(ui)))
		}
	}
	b.Downloads = downloads(v, q.Lang, ui, b.City)
	return b
}

func mySide(p identity.Principal) negotiation.Side {
	if p.IsCity() {
		return negotiation.City
	}
	return negotiation.Vendor
}

// pickClause is the clause the panel shows: the one asked for, else the
// first waiting for the caller's side, else the first.
func pickClause(v *negotiation.State, asked string, me negotiation.Side) string {
	if _, ok := v.Clause(asked); ok {
		return asked
	}
	for _, id := range v.Order {
		if v.Final == nil && v.Turn(v.Clauses[id]) == me {
			return id
		}
	}
	if len(v.Order) > 0 {
		return v.Order[0]
	}
	return ""
}

// clauseBadge is the clause's status as its badge says it; a city user
// also sees "walk_away" when an agreed or proposed change waits for an
// approver's sign-off.
func clauseBadge(v *negotiation.State, cs *negotiation.ClauseState, city bool) string {
	if city {
		for _, id := range v.AmendOrder {
			if a := v.Amendments[id]; a.ClauseID == cs.ID && a.AwaitingSignOff() {
				return "walk_away"
			}
		}
	}
	if v.Final != nil && cs.Status == negotiation.StatusOpen {
		return string(negotiation.StatusAgreed) // an open clause is agreed as it stands when the contract is final
	}
	return string(cs.Status)
}

// workspaceURL links to a clause of the workspace, keeping the language
// and filter.
func workspaceURL(id, clause string, q workspaceQuery) string {
	v := url.Values{}
	if clause != "" {
		v.Set("clause", clause)
	}
	if q.Lang != "" {
		v.Set("lang", q.Lang)
	}
	if q.Mine {
		v.Set("mine", "1")
	}
	return "/contracts/" + url.PathEscape(id) + "?" + v.Encode() + "#panel"
}

// downloads lists the exports. The PDF routes belong to the PDF exporter;
// the final PDF exists once the contract is final, the draft PDF before.
func downloads(v *negotiation.State, lang, ui string, city bool) []download {
	base := "/api/v1/contracts/" + url.PathEscape(v.Contract.ID)
	q := "lang=" + url.QueryEscape(lang)
	out := []download{{Href: base + "/preview?" + q, Label: translate(ui, "dl.text")}}
	if v.Final != nil {
		out = append(out, download{Href: base + "/pdf?" + q, Label: translate(ui, "dl.final"), Note: "PDF"})
	} else {
		out = append(out, download{Href: base + "/pdf?draft=1&" + q, Label: translate(ui, "dl.draft"), Note: "PDF"})
	}
	out = append(out, download{Href: base + "/docx?" + q, Label: translate(ui, "dl.word"), Note: "Word"})
	if v.Final == nil {
		out = append(out, download{Href: base + "/docx?with=proposals&" + q, Label: translate(ui, "dl.wordproposals"), Note: "Word"})
	}
	out = append(out, download{Href: base + "/redline.pdf?from=1&to=" + strconv.FormatInt(v.Revision, 10) + "&" + q, Label: translate(ui, "dl.redline"), Note: "PDF"})
	if city {
		out = append(out, download{Href: "/contracts/" + url.PathEscape(v.Contract.ID) + "/deviations?lang=" + url.QueryEscape(lang), Label: translate(ui, "dl.deviations")})
	}
	return out
}
