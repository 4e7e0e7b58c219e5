package server

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
)

// refuseBody guards a write route that takes no request body: a body there
// is a client mistake (or a probe), and ignoring it would act on a request
// the client did not mean to send. Chunked bodies are read to tell.
func refuseBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
			return next(c)
		}
		var one [1]byte
		n, err := io.ReadFull(r.Body, one[:])
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			return apperr.New(apperr.TooLarge, "the request body is over the %d-byte limit", mbe.Limit)
		case n > 0:
			return apperr.New(apperr.Invalid, "%s %s takes no request body", r.Method, c.Path())
		}
		return next(c)
	}
}

// writeWithoutBody reports whether an API route changes state without a
// body: it declares neither a JSON body type nor a body limit of its own
// (an upload route such as the Word import sets MaxBody). Web UI routes
// (outside /api/) post forms and are not concerned.
func writeWithoutBody(r route) bool {
	return r.Body == nil && r.MaxBody == 0 && strings.HasPrefix(r.Path, "/api/") &&
		r.Method != http.MethodGet && r.Method != http.MethodHead
}
