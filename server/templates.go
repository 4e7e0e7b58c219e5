package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/templates"
)

// templateRoutes are the template library's routes: versioned like
// clauses, a version immutable once approved.
func (s *Server) templateRoutes() []route {
	return []route{
		{Method: http.MethodGet, Path: "/api/v1/templates", Handler: s.listTemplates, Summary: "List the template library: key, route, title, status, latest and approved version", Tag: "templates"},
		{Method: http.MethodGet, Path: "/api/v1/templates/:key", Handler: s.getTemplate, Summary: "A template with its version history", Tag: "templates"},
		{Method: http.MethodPost, Path: "/api/v1/templates/:key/versions", Handler: s.createTemplateVersion, Summary: "Draft a new version, or version 1 of a new template (library_editor)", Tag: "templates", Body: templates.Template{}},
		{Method: http.MethodGet, Path: "/api/v1/templates/:key/versions/:n", Handler: s.getTemplateVersion, Summary: "One version of a template", Tag: "templates"},
		{Method: http.MethodPut, Path: "/api/v1/templates/:key/versions/:n", Handler: s.reviseTemplateVersion, Summary: "Revise a draft version (approved versions answer 409)", Tag: "templates", Body: templates.Template{}},
		{Method: http.MethodPost, Path: "/api/v1/templates/:key/versions/:n/approve", Handler: s.approveTemplateVersion, Summary: "Approve a draft version (approver; not its drafter); new contracts use it, existing ones keep theirs", Tag: "templates"},
		{Method: http.MethodPost, Path: "/api/v1/templates/:key/versions/:n/retire", Handler: s.retireTemplateVersion, Summary: "Retire an approved version (approver)", Tag: "templates", Body: retireRequest{}},
	}
}

// templateStore is the template library, or Unavailable when none is wired.
func (s *Server) templateStore() (*templates.Store, error) {
	if s.deps.Templates == nil {
		return nil, apperr.New(apperr.Unavailable, "this server has no template library")
	}
	return s.deps.Templates, nil
}

func (s *Server) listTemplates(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	st, err := s.templateStore()
	if err != nil {
		return err
	}
	items, err := st.List(c.Request().Context())
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"items": items})
}

func (s *Server) getTemplate(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	st, err := s.templateStore()
	if err != nil {
		return err
	}
	e, err := st.Get(c.Request().Context(), c.Param("key"))
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"key": e.Key, "route": e.Route, "status": e.Status(), "revision": e.Revision(), "versions": e.Versions})
}

func (s *Server) getTemplateVersion(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	st, err := s.templateStore()
	if err != nil {
		return err
	}
	n, err := intParam(c, "n")
	if err != nil {
		return err
	}
	v, err := st.Version(c.Request().Context(), c.Param("key"), n)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, v)
}

// bindTemplate reads a template version from the body; its key, when
// given, must be the one in the path.
func bindTemplate(c echo.Context) (templates.Template, error) {
	var t templates.Template
	if err := bindJSON(c, &t); err != nil {
		return t, err
	}
	key := c.Param("key")
	if t.Key != "" && t.Key != key {
		return t, apperr.Fields("invalid template version", []apperr.FieldError{{Path: "key", Message: "must be " + key + ", the template in the path"}})
	}
	t.Key = key
	return t, nil
}

func (s *Server) createTemplateVersion(c echo.Context) error {
	p, err := s.allow(c, authz.DraftLibrary)
	if err != nil {
		return err
	}
	st, err := s.templateStore()
	if err != nil {
		return err
	}
	t, err := bindTemplate(c)
	if err != nil {
		return err
	}
	v, err := st.Draft(c.Request().Context(), t, p.User.ID)
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, v)
}
