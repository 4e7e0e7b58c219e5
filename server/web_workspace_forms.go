package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
)

// The workspace's forms. Each posts the revision the user was looking at
// ("base"); the domain decides. Success redirects back to the clause with
// a notice; a refused form shows the workspace again with the message at
// that form and what the user typed; a stale revision shows the 409 page
// with a link that reloads the contract.

func formBase(c echo.Context) int64 {
	n, _ := strconv.ParseInt(c.FormValue("base"), 10, 64)
	return n
}

// afterForm answers a workspace form once the domain has been called.
func (s *Server) afterForm(c echo.Context, p identity.Principal, st *negotiation.State, err error, clause, done string, fp *formProblem) error {
	q := workspaceQuery{Clause: clause, Lang: c.FormValue("lang")}
	if !validLang(q.Lang) {
		q.Lang = string(st.Contract.Languages[0])
	}
	ae, _ := apperr.As(err)
	switch {
	case err == nil:
		u := strings.Replace(workspaceURL(st.Contract.ID, clause, q), "#panel", "&done="+done+"#panel", 1)
		return c.Redirect(http.StatusSeeOther, u)
	case ae == nil:
		return err
	case ae.Kind == apperr.Conflict && ae.Current["changed_since"] != nil:
		return s.renderStale(c, workspaceURL(st.Contract.ID, clause, q))
	case ae.Kind == apperr.Invalid || ae.Kind == apperr.Conflict:
		if fp.Message == "" {
			fp.Message = strings.Join(fieldMessages(ae), " ")
		}
		status := http.StatusUnprocessableEntity
		if ae.Kind == apperr.Conflict {
			status = http.StatusConflict
		}
		return s.renderWorkspace(c, status, p, st, q, fp)
	}
	return err
}

// renderStale is the 409 page for a form based on an old revision.
func (s *Server) renderStale(c echo.Context, reload string) error {
	d := s.page(c, "error.409", "contracts", errorBody{Message: translate(uiLang(c), "stale.message"), Reload: reload, RequestID: requestID(c)})
	return c.Render(http.StatusConflict, "error", d)
}

// postRedlineForm proposes one amendment from the clause panel: new
// wording, another position or new values (the form's "kind").
func (s *Server) postRedlineForm(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Propose)
	if err != nil {
		return err
	}
	am, fp, err := s.formAmendment(c, st)
	if err == nil {
		_, _, err = s.deps.Contracts.Propose(c.Request().Context(), st.Contract.ID, actorOf(p), formBase(c), fp.Reason, []negotiation.Amendment{am})
	}
	if fields, rest := valueErrors(err); fp.Form == "variables" && len(fields) > 0 {
		fp.Fields, fp.Message = fields, strings.TrimSpace(translate(uiLang(c), "ws.checkvalues")+" "+rest)
	}
	return s.afterForm(c, p, st, err, am.ClauseID, "proposed", fp)
}

func (s *Server) postDecisionForm(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Respond)
	if err != nil {
		return err
	}
	action := c.FormValue("action")
	d := negotiation.Decision{AmendmentID: c.FormValue("amendment_id"), Action: negotiation.DecisionAction(action), Reason: c.FormValue("reason")}
	if d.Action == negotiation.Counter {
		d.Counter = &negotiation.Amendment{Kind: negotiation.AmendText, Lang: langOf(c.FormValue("lang")), Text: c.FormValue("text")}
	}
	_, err = s.deps.Contracts.Decide(c.Request().Context(), st.Contract.ID, actorOf(p), formBase(c), d)
	clause := ""
	if a, ok := st.Amendments[d.AmendmentID]; ok {
		clause = a.ClauseID
	}
	return s.afterForm(c, p, st, err, clause, action, &formProblem{Form: "decide-" + action, Text: c.FormValue("text"), Reason: d.Reason})
}

func (s *Server) postCommentForm(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.CommentExternal)
	if err != nil {
		return err
	}
	m := negotiation.Comment{ClauseID: c.FormValue("clause_id"), ParentID: c.FormValue("parent_id"), Text: strings.TrimSpace(c.FormValue("text")),
		Internal: c.FormValue("internal") == "true"}
	if m.Internal {
		if err := authz.Require(p, authz.CommentInternal); err != nil {
			return err
		}
	}
	_, _, err = s.deps.Contracts.Comment(c.Request().Context(), st.Contract.ID, actorOf(p), m)
	return s.afterForm(c, p, st, err, m.ClauseID, "commented", &formProblem{Form: "comment-" + m.ParentID, Text: m.Text})
}

func (s *Server) postSignOffForm(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.SignOff)
	if err != nil {
		return err
	}
	so := negotiation.SignOff{AmendmentID: c.FormValue("amendment_id"), Note: c.FormValue("note")}
	_, err = s.deps.Contracts.SignOff(c.Request().Context(), st.Contract.ID, actorOf(p), so)
	return s.afterForm(c, p, st, err, c.FormValue("clause_id"), "signedoff", &formProblem{Form: "signoff", Reason: so.Note})
}

func (s *Server) postOpenForm(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Decide)
	if err != nil {
		return err
	}
	_, err = s.deps.Contracts.Open(c.Request().Context(), st.Contract.ID, actorOf(p))
	return s.afterForm(c, p, st, err, "", "opened", &formProblem{Form: "open"})
}

func (s *Server) postFinalizeForm(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Finalize)
	if err != nil {
		return err
	}
	_, err = s.deps.Contracts.Finalize(c.Request().Context(), st.Contract.ID, actorOf(p), formBase(c))
	return s.afterForm(c, p, st, err, "", "finalized", &formProblem{Form: "finalize"})
}

// postUpgradeForm records an upgrade of one clause, or keeping its pinned
// version with a rationale, then returns to the page the form came from.
func (s *Server) postUpgradeForm(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Upgrade)
	if err != nil {
		return err
	}
	keep := c.FormValue("keep") == "true"
	_, err = s.deps.Contracts.Upgrade(c.Request().Context(), st.Contract.ID, actorOf(p), c.FormValue("clause_id"), c.FormValue("rationale"), keep)
	next := c.FormValue("next")
	if err != nil || !strings.HasPrefix(next, "/library/") {
		return s.afterForm(c, p, st, err, c.FormValue("clause_id"), "upgraded", &formProblem{Form: "upgrade", Reason: c.FormValue("rationale")})
	}
	done := "upgraded"
	if keep {
		done = "kept"
	}
	u, _ := url.Parse(next)
	q := u.Query()
	q.Set("done", done)
	q.Set("contract", st.Contract.ID)
	return c.Redirect(http.StatusSeeOther, u.Path+"?"+q.Encode())
}
