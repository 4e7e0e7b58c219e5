package server

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/identity"
)

// signinBody is the sign-in page's content.
type signinBody struct {
	Username string
	Next     string
	Error    string
}

func (s *Server) getSignIn(c echo.Context) error {
	if _, err := principal(c); err == nil {
		return c.Redirect(http.StatusSeeOther, localPath(c.QueryParam("next")))
	}
	body := signinBody{Next: localPath(c.QueryParam("next"))}
	return c.Render(http.StatusOK, "signin", s.page(c, "signin.title", "", body))
}

// postSignIn checks the password behind the throttle and opens a session.
// Wrong passwords, unknown users and disabled users get the same message.
func (s *Server) postSignIn(c echo.Context) error {
	if !sameOrigin(c.Request()) {
		return apperr.New(apperr.Forbidden, "sign-in forms must be posted from this site")
	}
	body := signinBody{Username: c.FormValue("username"), Next: localPath(c.FormValue("next"))}
	p, err := s.deps.Directory.SignIn(c.Request().Context(), body.Username, c.FormValue("password"), c.RealIP())
	if err != nil {
		return s.signInFailed(c, body, err)
	}
	secret, _, err := s.deps.Directory.OpenSession(c.Request().Context(), p.User.ID)
	if err != nil {
		return err
	}
	if old, err := c.Cookie(sessionCookieName(c.Request())); err == nil {
		_ = s.deps.Directory.CloseSession(c.Request().Context(), old.Value)
	}
	setSessionCookie(c, secret)
	c.Set("principal", p) // the audit trail records the sign-in under this user
	if validLang(p.User.Lang) {
		setLangCookie(c, p.User.Lang)
	}
	return c.Redirect(http.StatusSeeOther, body.Next)
}

func (s *Server) signInFailed(c echo.Context, body signinBody, err error) error {
	if !apperr.Is(err, apperr.Unauthenticated) {
		return err
	}
	lang, status := uiLang(c), http.StatusUnauthorized
	body.Error = translate(lang, "signin.wrong")
	var locked *identity.LockedOut
	if errors.As(err, &locked) {
		status = http.StatusTooManyRequests
		body.Error = translate(lang, "signin.locked") + " " + locked.Until.UTC().Format("15:04") + " UTC."
		c.Response().Header().Set("Retry-After", "900")
	}
	return c.Render(status, "signin", s.page(c, "signin.title", "", body))
}

func (s *Server) postSignOut(c echo.Context) error {
	if ck, err := c.Cookie(sessionCookieName(c.Request())); err == nil {
		if err := s.deps.Directory.CloseSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	clearSessionCookie(c)
	return c.Redirect(http.StatusSeeOther, "/signin")
}

// postLang switches the interface language for this browser and, when
// signed in, for the user everywhere.
func (s *Server) postLang(c echo.Context) error {
	lang := c.FormValue("lang")
	if !validLang(lang) {
		return apperr.Fields("invalid language", []apperr.FieldError{{Path: "lang", Message: `must be "en" or "fr"`}})
	}
	if p, err := principal(c); err == nil {
		if err := s.deps.Directory.SetLang(c.Request().Context(), p.User.ID, lang); err != nil {
			return err
		}
	}
	setLangCookie(c, lang)
	return c.Redirect(http.StatusSeeOther, localPath(c.FormValue("next")))
}

// localPath keeps redirects on this site: anything but an absolute path
// ("/x", not "//host" or "/\host") becomes the library.
func localPath(p string) string {
	u, err := url.Parse(p)
	if err != nil || p == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || u.Host != "" || u.Scheme != "" {
		return "/library"
	}
	return p
}

// sameOrigin refuses cross-site form posts (login CSRF): the browser's
// Sec-Fetch-Site or Origin header, when sent, must name this site.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
}
