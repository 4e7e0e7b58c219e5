package server

import (
	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/identity"
)

// sessionPrincipal resolves the web UI's session cookie. Web sign-in is not
// built yet (issue: access control, web sign-in), so no cookie signs anyone in.
func (s *Server) sessionPrincipal(c echo.Context) (identity.Principal, bool) {
	return identity.Principal{}, false
}
