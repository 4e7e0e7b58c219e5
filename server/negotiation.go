package server

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/negotiation"
)

// amendmentInput is one amendment as a party proposes it; what it does to
// the text is computed by the server, never taken from the request.
type amendmentInput struct {
	ClauseID  string                    `json:"clause_id"`
	Kind      negotiation.AmendmentKind `json:"kind"`
	Lang      string                    `json:"lang,omitempty"`
	Text      string                    `json:"text,omitempty"`
	Position  string                    `json:"position,omitempty"`
	Variables map[string]any            `json:"variables,omitempty"`
}

func (in amendmentInput) amendment() negotiation.Amendment {
	return negotiation.Amendment{ClauseID: in.ClauseID, Kind: in.Kind, Lang: langOf(in.Lang), Text: in.Text, Position: in.Position, Values: in.Variables}
}

type redlineRequest struct {
	Base       int64            `json:"base"`
	Rationale  string           `json:"rationale"`
	Amendments []amendmentInput `json:"amendments"`
}

func (s *Server) listRedlines(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	v := view(p, st)
	items := make([]*negotiation.AmendmentState, 0, len(v.AmendOrder))
	for _, id := range v.AmendOrder {
		items = append(items, v.Amendments[id])
	}
	return respond(c, http.StatusOK, map[string]any{"revision": st.Revision, "items": items})
}

func (s *Server) createRedline(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Propose)
	if err != nil {
		return err
	}
	var req redlineRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if len(req.Amendments) == 0 || len(req.Amendments) > 500 {
		return apperr.Fields("invalid redline", []apperr.FieldError{{Path: "amendments", Message: "give 1 to 500 amendments"}})
	}
	ams := make([]negotiation.Amendment, len(req.Amendments))
	for i, a := range req.Amendments {
		ams[i] = a.amendment()
	}
	st, r, err := s.deps.Contracts.Propose(c.Request().Context(), st.Contract.ID, actorOf(p), req.Base, req.Rationale, ams)
	if err != nil {
		return err
	}
	v := view(p, st)
	out := make([]*negotiation.AmendmentState, 0, len(r.Amendments))
	for _, a := range r.Amendments {
		out = append(out, v.Amendments[a.ID])
	}
	return respond(c, http.StatusCreated, map[string]any{"revision": st.Revision, "redline": r.ID, "amendments": out})
}

type decisionRequest struct {
	Base        int64           `json:"base"`
	AmendmentID string          `json:"amendment_id,omitempty"` // empty: every pending amendment of the redline
	Action      string          `json:"action"`
	Reason      string          `json:"reason"`
	Counter     *amendmentInput `json:"counter,omitempty"`
}

// decideRedline accepts, rejects or counters one amendment of a redline,
// or every pending amendment of it when amendment_id is empty.
func (s *Server) decideRedline(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Respond)
	if err != nil {
		return err
	}
	var req decisionRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ids, err := targets(st, c.Param("rid"), req.AmendmentID)
	if err != nil {
		return err
	}
	base := req.Base
	for _, id := range ids {
		d := negotiation.Decision{AmendmentID: id, Action: negotiation.DecisionAction(req.Action), Reason: req.Reason}
		if req.Counter != nil {
			a := req.Counter.amendment()
			d.Counter = &a
		}
		if st, err = s.deps.Contracts.Decide(c.Request().Context(), st.Contract.ID, actorOf(p), base, d); err != nil {
			return err
		}
		base = st.Revision
	}
	return respond(c, http.StatusOK, view(p, st))
}

// targets lists the amendments a decision applies to.
func targets(st *negotiation.State, rid, one string) ([]string, error) {
	var ids []string
	for _, id := range st.AmendOrder {
		a := st.Amendments[id]
		if a.RedlineID != rid {
			continue
		}
		if one == "" && a.Status == negotiation.AmendPending || one == id {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		if one != "" && !strings.HasPrefix(one, rid+".") {
			return nil, apperr.Fields("invalid decision", []apperr.FieldError{{Path: "amendment_id", Message: "is not an amendment of redline " + rid}})
		}
		return nil, apperr.New(apperr.NotFound, "redline %s has no pending amendment", rid)
	}
	return ids, nil
}

type commentRequest struct {
	ClauseID string `json:"clause_id,omitempty"`
	ParentID string `json:"parent_id,omitempty"`
	Text     string `json:"text"`
	Internal bool   `json:"internal,omitempty"`
}

func (s *Server) createComment(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.CommentExternal)
	if err != nil {
		return err
	}
	var req commentRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.Internal {
		if err := authz.Require(p, authz.CommentInternal); err != nil {
			return err
		}
	}
	_, m, err := s.deps.Contracts.Comment(c.Request().Context(), st.Contract.ID, actorOf(p),
		negotiation.Comment{ClauseID: req.ClauseID, ParentID: req.ParentID, Text: req.Text, Internal: req.Internal})
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, m)
}

func (s *Server) listComments(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"items": view(p, st).Comments})
}

type signOffRequest struct {
	AmendmentID string `json:"amendment_id"`
	Note        string `json:"note"`
}

func (s *Server) createSignOff(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.SignOff)
	if err != nil {
		return err
	}
	var req signOffRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	st, err = s.deps.Contracts.SignOff(c.Request().Context(), st.Contract.ID, actorOf(p), negotiation.SignOff{AmendmentID: req.AmendmentID, Note: req.Note})
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, st.Amendments[req.AmendmentID])
}

type finalizeRequest struct {
	Base int64 `json:"base"`
}

func (s *Server) finalizeContract(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Finalize)
	if err != nil {
		return err
	}
	var req finalizeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	st, err = s.deps.Contracts.Finalize(c.Request().Context(), st.Contract.ID, actorOf(p), req.Base)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"revision": st.Revision, "fingerprint": st.Final.Fingerprint, "phase": st.Phase()})
}
