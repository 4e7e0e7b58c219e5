package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
)

// errorBody is the error page's content.
type errorBody struct {
	Message   string
	Fields    []apperr.FieldError
	RequestID string
}

// webError is called by handleError first. A cookie-borne state-changing
// request that lacked its CSRF token was treated as anonymous; its 401
// becomes a 403 that says why. Browsers asking for a page get HTML: a
// missing sign-in redirects to the sign-in page, any other error renders
// the error page. webError returns nil when it has answered, otherwise the
// error to write as problem+json.
func (s *Server) webError(err error, c echo.Context) error {
	csrf, _ := c.Get(ctxCSRFRejected).(bool)
	if csrf && apperr.Is(err, apperr.Unauthenticated) {
		err = apperr.New(apperr.Forbidden, "the CSRF token is missing or wrong: reload the page and try again (scripts: send the %s header)", csrfHeader)
	}
	if !wantsPage(c) {
		return err
	}
	if apperr.Is(err, apperr.Unauthenticated) {
		next := "/library"
		if c.Request().Method == http.MethodGet {
			next = c.Request().URL.RequestURI()
		}
		if rerr := c.Redirect(http.StatusSeeOther, "/signin?next="+url.QueryEscape(next)); rerr != nil {
			return err
		}
		return nil
	}
	p := s.problemFor(err, c)
	body := errorBody{Message: p.Detail, Fields: p.Errors, RequestID: p.RequestID}
	if csrf {
		body.Message = translate(uiLang(c), "error.csrf")
	}
	d := s.page(c, "error."+strconv.Itoa(p.Status), "", body)
	if strings.HasPrefix(d.Title, "[") {
		d.Title = translate(d.Lang, "error.other")
	}
	if rerr := c.Render(p.Status, "error", d); rerr != nil {
		return err
	}
	return nil
}

// wantsPage reports whether the request is a browser asking for a page
// (not an API call, an asset or a machine endpoint).
func wantsPage(c echo.Context) bool {
	path := c.Request().URL.Path
	for _, prefix := range []string{"/api/", "/static/", "/healthz", "/readyz", "/metrics", "/openapi.json"} {
		if strings.HasPrefix(path, prefix) {
			return false
		}
	}
	return strings.Contains(c.Request().Header.Get(echo.HeaderAccept), "text/html")
}
