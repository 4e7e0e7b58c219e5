package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/templates"
)

// templateVersionCall is what the version-changing template handlers
// share: the caller allowed to act, the store and the version number.
func (s *Server) templateVersionCall(c echo.Context, act authz.Action) (string, *templates.Store, int, error) {
	p, err := s.allow(c, act)
	if err != nil {
		return "", nil, 0, err
	}
	st, err := s.templateStore()
	if err != nil {
		return "", nil, 0, err
	}
	n, err := intParam(c, "n")
	if err != nil {
		return "", nil, 0, err
	}
	return p.User.ID, st, n, nil
}

func (s *Server) reviseTemplateVersion(c echo.Context) error {
	by, st, n, err := s.templateVersionCall(c, authz.DraftLibrary)
	if err != nil {
		return err
	}
	t, err := bindTemplate(c)
	if err != nil {
		return err
	}
	v, err := st.Revise(c.Request().Context(), c.Param("key"), n, t, by)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, v)
}

func (s *Server) approveTemplateVersion(c echo.Context) error {
	by, st, n, err := s.templateVersionCall(c, authz.ApproveLibrary)
	if err != nil {
		return err
	}
	v, err := st.Approve(c.Request().Context(), c.Param("key"), n, by)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, v)
}

func (s *Server) retireTemplateVersion(c echo.Context) error {
	by, st, n, err := s.templateVersionCall(c, authz.RetireLibrary)
	if err != nil {
		return err
	}
	reason, err := bindRetireReason(c)
	if err != nil {
		return err
	}
	v, err := st.Retire(c.Request().Context(), c.Param("key"), n, by, reason)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, v)
}
