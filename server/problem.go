package server

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
)

// statusOf is the one table that turns error kinds into HTTP statuses.
var statusOf = map[apperr.Kind]int{
	apperr.Invalid:         http.StatusBadRequest,
	apperr.Unauthenticated: http.StatusUnauthorized,
	apperr.Forbidden:       http.StatusForbidden,
	apperr.NotFound:        http.StatusNotFound,
	apperr.Conflict:        http.StatusConflict,
	apperr.TooLarge:        http.StatusRequestEntityTooLarge,
	apperr.Unavailable:     http.StatusServiceUnavailable,
	apperr.Internal:        http.StatusInternalServerError,
}

// Problem is an RFC 9457 problem details body, with civicpact's extensions:
// the field errors of an invalid input, what is current after a conflict,
// and the request ID to quote to an operator.
type Problem struct {
	Type      string              `json:"type"`
	Title     string              `json:"title"`
	Status    int                 `json:"status"`
	Detail    string              `json:"detail,omitempty"`
	Instance  string              `json:"instance,omitempty"`
	RequestID string              `json:"request_id,omitempty"`
	Errors    []apperr.FieldError `json:"errors,omitempty"`
	Current   map[string]any      `json:"current,omitempty"`
}

// handleError is echo's HTTPErrorHandler: every error leaves as
// application/problem+json. Internal details go to the log, never to the
// client.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if err = s.webError(err, c); err == nil {
		return
	}
	p := s.problemFor(err, c)
	if p.Status >= 500 {
		s.log.LogAttrs(c.Request().Context(), slog.LevelError, "request failed",
			slog.String("request_id", requestID(c)), slog.String("path", c.Request().URL.Path), slog.Any("error", err))
	}
	if p.Status == http.StatusServiceUnavailable {
		c.Response().Header().Set("Retry-After", "5")
	}
	if p.Status == http.StatusUnauthorized {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="civicpact"`)
	}
	c.Response().Header().Set(echo.HeaderContentType, "application/problem+json")
	c.Response().WriteHeader(p.Status)
	if c.Request().Method == http.MethodHead {
		return
	}
	_ = encodeJSON(c.Response(), p)
}

func (s *Server) problemFor(err error, c echo.Context) Problem {
	p := Problem{Instance: c.Request().URL.Path, RequestID: requestID(c)}
	var he *echo.HTTPError
	var mbe *http.MaxBytesError
	switch ae, ok := apperr.As(err); {
	case ok:
		p.Status = statusOf[ae.Kind]
		p.Type = "/problems/" + ae.Kind.String()
		p.Detail, p.Errors, p.Current = ae.Message, ae.Fields, ae.Current
		if ae.Kind == apperr.Internal {
			p.Detail = "an internal error occurred; quote the request ID to your operator"
		}
	case errors.As(err, &mbe):
		p.Status, p.Type = http.StatusRequestEntityTooLarge, "/problems/too_large"
		p.Detail = "the request body is over the " + strconv.FormatInt(mbe.Limit, 10) + "-byte limit"
	case errors.As(err, &he):
		p.Status, p.Type = he.Code, "/problems/http"
		if msg, ok := he.Message.(string); ok {
			p.Detail = msg
		}
	default:
		p.Status, p.Type = http.StatusInternalServerError, "/problems/internal"
		p.Detail = "an internal error occurred; quote the request ID to your operator"
	}
	p.Title = http.StatusText(p.Status)
	return p
}
