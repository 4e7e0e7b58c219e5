package server

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
)

// intParam reads a positive integer path parameter; anything else is a 404
// (no such object), not a 500.
func intParam(c echo.Context, name string) (int, error) {
	n, err := strconv.Atoi(c.Param(name))
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, apperr.New(apperr.NotFound, "no such %s %q", name, c.Param(name))
	}
	return n, nil
}

// intQuery reads an optional integer query parameter.
func intQuery(c echo.Context, name string, def int) (int, error) {
	s := c.QueryParam(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, apperr.Fields("invalid query", []apperr.FieldError{{Path: name, Message: "must be a whole number"}})
	}
	return n, nil
}

// dateQuery reads an optional YYYY-MM-DD query parameter.
func dateQuery(c echo.Context, name string) (string, error) {
	s := c.QueryParam(name)
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", apperr.Fields("invalid query", []apperr.FieldError{{Path: name, Message: "must be a date YYYY-MM-DD"}})
	}
	return s, nil
}

// oneOf checks an optional enumerated query parameter.
func oneOf(c echo.Context, name string, allowed ...string) (string, error) {
	s := c.QueryParam(name)
	if s == "" {
		return "", nil
	}
	for _, a := range allowed {
		if s == a {
			return s, nil
		}
	}
	return "", apperr.Fields("invalid query", []apperr.FieldError{{Path: name, Message: "must be one of " + join(allowed)}})
}

func join(l []string) string {
	out := ""
	for i, s := range l {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
