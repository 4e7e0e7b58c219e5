package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
)

// versionInput is the editable content of a clause version.
type versionInput struct {
	Effective      string                   `json:"effective"`
	Title          clauses.Text             `json:"title"`
	ChangeNote     clauses.Text             `json:"change_note"`
	NonSubstantive bool                     `json:"non_substantive,omitempty"`
	Guidance       clauses.Text             `json:"guidance"`
	Remarks        clauses.Text             `json:"remarks"`
	Provenance     clauses.Provenance       `json:"provenance"`
	RouteDefaults  map[clauses.Route]string `json:"route_defaults,omitempty"`
	Variables      []clauses.Variable       `json:"variables,omitempty"`
	Positions      []clauses.Position       `json:"positions"`
}

func (in versionInput) version() clauses.Version {
	return clauses.Version{Effective: in.Effective, Title: in.Title, ChangeNote: in.ChangeNote, NonSubstantive: in.NonSubstantive,
		Guidance: in.Guidance, Remarks: in.Remarks, Provenance: in.Provenance, RouteDefaults: in.RouteDefaults,
		Variables: in.Variables, Positions: in.Positions}
}

type createClauseRequest struct {
	Key      string           `json:"key"`
	Category clauses.Category `json:"category"`
	Title    clauses.Text     `json:"title"`
	Version  versionInput     `json:"version"`
}

// listClauses serves the library list: filters, full-text search, pages.
func (s *Server) listClauses(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	q, err := clauseQuery(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Library.List(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, page)
}

func clauseQuery(c echo.Context) (clauses.Query, error) {
	var q clauses.Query
	status, err := oneOf(c, "status", "draft", "approved", "superseded", "retired")
	if err != nil {
		return q, err
	}
	lang, err := oneOf(c, "lang", "en", "fr")
	if err != nil {
		return q, err
	}
	limit, err := intQuery(c, "limit", 50)
	if err != nil {
		return q, err
	}
	return clauses.Query{Category: clauses.Category(c.QueryParam("category")), Status: clauses.Status(status),
		Lang: clauses.Lang(lang), Text: c.QueryParam("q"), Limit: limit, Cursor: c.QueryParam("cursor")}, nil
}

// getClause returns a clause with its version history, or with ?asof= the
// version in force on that date.
func (s *Server) getClause(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	asof, err := dateQuery(c, "asof")
	if err != nil {
		return err
	}
	e, err := s.deps.Library.Get(c.Request().Context(), c.Param("key"))
	if err != nil {
		return err
	}
	if asof != "" {
		v, err := e.AsOf(asof)
		if err != nil {
			return err
		}
		return respond(c, http.StatusOK, map[string]any{"clause": e.Clause, "asof": asof, "version": v, "citation": v.Citation(clauses.EN)})
	}
	return respond(c, http.StatusOK, map[string]any{"clause": e.Clause, "status": e.Status(), "revision": e.Revision(), "versions": e.Versions})
}

func (s *Server) getClauseVersion(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	n, err := intParam(c, "n")
	if err != nil {
		return err
	}
	v, err := s.deps.Library.Version(c.Request().Context(), c.Param("key"), n)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"version": v, "citation": map[string]string{"en": v.Citation(clauses.EN), "fr": v.Citation(clauses.FR)}})
}

func (s *Server) createClause(c echo.Context) error {
	p, err := s.allow(c, authz.DraftLibrary)
	if err != nil {
		return err
	}
	var req createClauseRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if _, err := s.deps.Library.Get(c.Request().Context(), req.Key); err == nil {
		return apperr.New(apperr.Conflict, "clause %s exists; draft a new version with POST /api/v1/clauses/%s/versions", req.Key, req.Key)
	}
	v, err := s.deps.Library.Draft(c.Request().Context(), clauses.Clause{Key: req.Key, Category: req.Category, Title: req.Title}, req.Version.version(), p.User.ID)
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, v)
}

func (s *Server) createClauseVersion(c echo.Context) error {
	p, err := s.allow(c, authz.DraftLibrary)
	if err != nil {
		return err
	}
	var req versionInput
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	e, err := s.deps.Library.Get(c.Request().Context(), c.Param("key"))
	if err != nil {
		return err
	}
	v, err := s.deps.Library.Draft(c.Request().Context(), e.Clause, req.version(), p.User.ID)
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, v)
}

func (s *Server) reviseClauseVersion(c echo.Context) error {
	p, err := s.allow(c, authz.DraftLibrary)
	if err != nil {
		return err
	}
	n, err := intParam(c, "n")
	if err != nil {
		return err
	}
	var req versionInput
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	v, err := s.deps.Library.Revise(c.Request().Context(), c.Param("key"), n, req.version(), p.User.ID)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, v)
}

type retireRequest struct {
	Reason string `json:"reason"`
}

// bindRetireReason reads a retirement's body: a reason is required.
func bindRetireReason(c echo.Context) (string, error) {
	var req retireRequest
	if err := bindJSON(c, &req); err != nil {
		return "", err
	}
	if req.Reason == "" {
		return "", apperr.Fields("a retirement needs a reason", []apperr.FieldError{{Path: "reason", Message: "is required"}})
	}
	return req.Reason, nil
}

func (s *Server) approveClauseVersion(c echo.Context) error {
	p, err := s.allow(c, authz.ApproveLibrary)
	if err != nil {
		return err
	}
	n, err := intParam(c, "n")
	if err != nil {
		return err
	}
	v, err := s.deps.Library.Approve(c.Request().Context(), c.Param("key"), n, p.User.ID)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, v)
}

func (s *Server) retireClauseVersion(c echo.Context) error {
	p, err := s.allow(c, authz.RetireLibrary)
	if err != nil {
		return err
	}
	n, err := intParam(c, "n")
	if err != nil {
		return err
	}
	reason, err := bindRetireReason(c)
	if err != nil {
		return err
	}
	v, err := s.deps.Library.Retire(c.Request().Context(), c.Param("key"), n, p.User.ID, reason)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, v)
}

// clauseDiff is the word-level redline between two versions of a clause,
// position by position, as a change list and as HTML.
type clauseDiff struct {
	Key       string               `json:"key"`
	From      int                  `json:"from"`
	To        int                  `json:"to"`
	Lang      clauses.Lang         `json:"lang"`
	Positions []positionRedline    `json:"positions"`
	Title     negotiation.TextDiff `json:"title"`
}

type positionRedline struct {
	ID      string               `json:"id"`
	Status  string               `json:"status"` // "changed", "unchanged", "added", "removed"
	Changes negotiation.TextDiff `json:"diff"`
	HTML    string               `json:"html"`
}

func (s *Server) diffClause(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	from, err := intQuery(c, "from", 0)
	if err != nil {
		return err
	}
	to, err := intQuery(c, "to", 0)
	if err != nil {
		return err
	}
	lang, err := oneOf(c, "lang", "en", "fr")
	if err != nil {
		return err
	}
	if lang == "" {
		lang = "en"
	}
	e, err := s.deps.Library.Get(c.Request().Context(), c.Param("key"))
	if err != nil {
		return err
	}
	a, errA := e.Version(from)
	b, errB := e.Version(to)
	if errA != nil || errB != nil {
		return apperr.Fields("invalid query", []apperr.FieldError{{Path: "from/to", Message: "must name existing versions of " + e.Clause.Key}})
	}
	return respond(c, http.StatusOK, redlineVersions(e.Clause.Key, a.Version, b.Version, clauses.Lang(lang)))
}

func redlineVersions(key string, a, b clauses.Version, lang clauses.Lang) clauseDiff {
	out := clauseDiff{Key: key, From: a.N, To: b.N, Lang: lang, Title: negotiation.DiffText(a.Title.In(lang), b.Title.In(lang))}
	seen := map[string]bool{}
	for _, pb := range b.Positions {
		seen[pb.ID] = true
		pa, ok := a.Position(pb.ID)
		d := negotiation.DiffText(pa.Body.In(lang), pb.Body.In(lang))
		status := "unchanged"
		switch {
		case !ok:
			status = "added"
		case pa.Body.In(lang) != pb.Body.In(lang):
			status = "changed"
		}
		out.Positions = append(out.Positions, positionRedline{ID: pb.ID, Status: status, Changes: d, HTML: d.HTML()})
	}
	for _, pa := range a.Positions {
		if !seen[pa.ID] {
			d := negotiation.DiffText(pa.Body.In(lang), "")
			out.Positions = append(out.Positions, positionRedline{ID: pa.ID, Status: "removed", Changes: d, HTML: d.HTML()})
		}
	}
	return out
}
