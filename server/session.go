package server

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/identity"
)

// Web sign-in. The browser holds a random session secret in an HttpOnly,
// SameSite=Lax cookie (Secure and "__Host-" prefixed under TLS); the store
// holds only its SHA-256 (identity.Session). Every state-changing request
// authenticated by that cookie must carry the session's synchroniser token
// (identity.CSRFToken) in the form field "csrf" or the X-CSRF-Token header;
// requests with a Bearer token never look at cookies and need none.
const (
	sessionCookie    = "civicpact_session"
	sessionCookieTLS = "__Host-civicpact_session"
	csrfField        = "csrf"
	csrfHeader       = "X-CSRF-Token"

	ctxSessionSecret = "session_secret" // echo context: the cookie secret of a resolved session
	ctxCSRFRejected  = "csrf_rejected"  // echo context: a session cookie came without its token
)

func sessionCookieName(r *http.Request) string {
	if r.TLS != nil {
		return sessionCookieTLS
	}
	return sessionCookie
}

// sessionPrincipal resolves the web UI's session cookie. A cookie-borne
// state-changing request without the session's CSRF token is treated as
// anonymous and marked, so that it is refused (see webError) and never acts.
func (s *Server) sessionPrincipal(c echo.Context) (identity.Principal, bool) {
	ck, err := c.Cookie(sessionCookieName(c.Request()))
	if err != nil || ck.Value == "" {
		return identity.Principal{}, false
	}
	if !safeMethod(c.Request().Method) && !identity.CheckCSRF(ck.Value, csrfToken(c)) {
		c.Set(ctxCSRFRejected, true)
		return identity.Principal{}, false
	}
	p, err := s.deps.Directory.ResolveSession(c.Request().Context(), ck.Value)
	if err != nil {
		return identity.Principal{}, false
	}
	c.Set(ctxSessionSecret, ck.Value)
	return p, true
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// csrfToken reads the token from the header or, for HTML forms, the form.
func csrfToken(c echo.Context) string {
	if t := c.Request().Header.Get(csrfHeader); t != "" {
		return t
	}
	return c.FormValue(csrfField)
}

// csrfFor returns the CSRF token to embed in the page's forms ("" when the
// request has no session).
func csrfFor(c echo.Context) string {
	if secret, ok := c.Get(ctxSessionSecret).(string); ok {
		return identity.CSRFToken(secret)
	}
	return ""
}

// setSessionCookie hands the browser its session secret.
func setSessionCookie(c echo.Context, secret string) {
	tls := c.Request().TLS != nil
	c.SetCookie(&http.Cookie{Name: sessionCookieName(c.Request()), Value: secret, Path: "/", HttpOnly: true, Secure: tls,
		SameSite: http.SameSiteLaxMode, MaxAge: int(identity.SessionMax / time.Second)})
}

// clearSessionCookie removes the session cookie from the browser.
func clearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: sessionCookieName(c.Request()), Value: "", Path: "/", HttpOnly: true,
		Secure: c.Request().TLS != nil, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}
