package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/identity"
)

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyPrincipal
)

func requestID(c echo.Context) string {
	id, _ := c.Get("request_id").(string)
	return id
}

// withRequestID takes a well-formed X-Request-ID from the client or makes one.
func withRequestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if !validRequestID(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set("request_id", id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), keyRequestID, id)))
		return next(c)
	}
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// recoverPanics turns a panic into an Internal error with the stack logged.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				err = apperr.Wrap(apperr.Internal, fmt.Errorf("panic: %v\n%s", r, debug.Stack()), "internal error")
			}
		}()
		return next(c)
	}
}

// logRequests writes one structured line per request and feeds the metrics.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		status := c.Response().Status
		elapsed := time.Since(start)
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		s.metrics.observe(c.Request().Method, route, status, elapsed)
		attrs := []slog.Attr{
			slog.String("request_id", requestID(c)), slog.String("method", c.Request().Method),
			slog.String("route", route), slog.Int("status", status),
			slog.Duration("duration", elapsed), slog.Int64("bytes", c.Response().Size),
		}
		if p, ok := c.Get("principal").(identity.Principal); ok {
			attrs = append(attrs, slog.String("user", p.User.ID))
		}
		s.log.LogAttrs(c.Request().Context(), slog.LevelInfo, "request", attrs...)
		return nil
	}
}

// limitBody caps every request body, chunked or not.
func (s *Server) limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		limit := s.cfg.MaxBody
		if l, ok := s.bodyLimits[r.Method+" "+c.Path()]; ok {
			limit = l
		}
		if r.ContentLength > limit {
			return apperr.New(apperr.TooLarge, "the request body is over the %d-byte limit", limit)
		}
		r.Body = http.MaxBytesReader(c.Response(), r.Body, limit)
		return next(c)
	}
}

// securityHeaders sets a strict policy on every response: the web UI uses
// only its own scripts and styles.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if c.Request().TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		return next(c)
	}
}

// authenticate resolves the bearer token (or, for the web UI, the session
// cookie) to a principal. Routes that need one call principal(c).
func (s *Server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		if h == "" {
			if p, ok := s.sessionPrincipal(c); ok {
				c.Set("principal", p)
			}
			return next(c)
		}
		secret, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return apperr.New(apperr.Unauthenticated, "use Authorization: Bearer <token>")
		}
		p, err := s.deps.Directory.Authenticate(c.Request().Context(), strings.TrimSpace(secret))
		if err != nil {
			return err
		}
		c.Set("principal", p)
		return next(c)
	}
}

// principal returns the authenticated caller or Unauthenticated.
func principal(c echo.Context) (identity.Principal, error) {
	p, ok := c.Get("principal").(identity.Principal)
	if !ok {
		return identity.Principal{}, apperr.New(apperr.Unauthenticated, "sign in or send Authorization: Bearer <token>")
	}
	return p, nil
}

// requireAuth guards a route group.
func requireAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := principal(c); err != nil {
			return err
		}
		return next(c)
	}
}

// allow returns the caller, or Unauthenticated, or Forbidden unless their
// role grants a: the first line of every handler that acts by role.
func (s *Server) allow(c echo.Context, a authz.Action) (identity.Principal, error) {
	p, err := principal(c)
	if err != nil {
		return p, err
	}
	return p, authz.Require(p, a)
}
