package server

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/identity"
)

// userView is a user as the API shows it: never the password hash.
type userView struct {
	ID       string        `json:"id"`
	OrgID    string        `json:"org_id"`
	Username string        `json:"username"`
	Name     string        `json:"name"`
	Title    string        `json:"title,omitempty"`
	Role     identity.Role `json:"role"`
	Lang     string        `json:"lang,omitempty"`
	Created  time.Time     `json:"created_at"`
}

func viewUser(u identity.User) userView {
	return userView{ID: u.ID, OrgID: u.OrgID, Username: u.Username, Name: u.Name, Title: u.Title, Role: u.Role, Lang: u.Lang, Created: u.Created}
}

func (s *Server) getMe(c echo.Context) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"user": viewUser(p.User), "org": p.Org})
}

func (s *Server) listOrgs(c echo.Context) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	orgs, err := s.deps.Directory.Orgs(c.Request().Context())
	if err != nil {
		return err
	}
	if !authz.Can(p, authz.ManageOrgs) {
		orgs = []identity.Org{p.Org}
	}
	return respond(c, http.StatusOK, map[string]any{"items": orgs})
}

type createOrgRequest struct {
	Name     string           `json:"name"`
	Kind     identity.OrgKind `json:"kind"`
	Province string           `json:"province,omitempty"`
}

func (s *Server) createOrg(c echo.Context) error {
	if _, err := s.allow(c, authz.ManageOrgs); err != nil {
		return err
	}
	var req createOrgRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	o, err := s.deps.Directory.CreateOrg(c.Request().Context(), identity.Org{Name: req.Name, Kind: req.Kind, Province: req.Province})
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, o)
}

func (s *Server) listUsers(c echo.Context) error {
	if _, err := s.allow(c, authz.ManageUsers); err != nil {
		return err
	}
	users, err := s.deps.Directory.Users(c.Request().Context())
	if err != nil {
		return err
	}
	out := make([]userView, len(users))
	for i, u := range users {
		out[i] = viewUser(u)
	}
	return respond(c, http.StatusOK, map[string]any{"items": out})
}

type createUserRequest struct {
	OrgID    string        `json:"org_id"`
	Username string        `json:"username"`
	Name     string        `json:"name"`
	Title    string        `json:"title,omitempty"`
	Role     identity.Role `json:"role"`
	Lang     string        `json:"lang,omitempty"`
	Password string        `json:"password,omitempty"`
}

func (s *Server) createUser(c echo.Context) error {
	if _, err := s.allow(c, authz.ManageUsers); err != nil {
		return err
	}
	var req createUserRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u, err := s.deps.Directory.CreateUser(c.Request().Context(), identity.User{
		OrgID: req.OrgID, Username: req.Username, Name: req.Name, Title: req.Title, Role: req.Role, Lang: req.Lang,
	}, req.Password)
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, viewUser(u))
}

func (s *Server) listTokens(c echo.Context) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	owner := p.User.ID
	if authz.Can(p, authz.ManageTokens) {
		owner = ""
	}
	tokens, err := s.deps.Directory.Tokens(c.Request().Context(), owner)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"items": tokens})
}

type createTokenRequest struct {
	UserID string `json:"user_id,omitempty"` // admin only; default: the caller
	Name   string `json:"name"`
}

// createToken issues a token for the caller, or for any user when the
// caller is an admin. The secret appears in this response only.
func (s *Server) createToken(c echo.Context) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var req createTokenRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.UserID == "" {
		req.UserID = p.User.ID
	}
	if req.UserID != p.User.ID {
		if err := authz.Require(p, authz.ManageTokens); err != nil {
			return err
		}
	}
	secret, t, err := s.deps.Directory.CreateToken(c.Request().Context(), req.UserID, req.Name, "")
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, map[string]any{"token": secret, "hash": t.Hash, "user_id": t.UserID, "name": t.Name})
}

// revokeToken revokes one of the caller's tokens, or any token for an
// admin; someone else's token does not exist for the caller.
func (s *Server) revokeToken(c echo.Context) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	t, err := s.deps.Directory.Token(c.Request().Context(), c.Param("hash"))
	if err != nil || (t.UserID != p.User.ID && !authz.Can(p, authz.ManageTokens)) {
		if err != nil && !apperr.Is(err, apperr.NotFound) {
			return err
		}
		return apperr.New(apperr.NotFound, "no such token")
	}
	if err := s.deps.Directory.RevokeToken(c.Request().Context(), t.Hash); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
