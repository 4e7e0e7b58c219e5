// Package server is civicpact's HTTP edge: echo routes, thin handlers (bind →
// one domain call → respond), authentication, the error-to-status table,
// metrics, the OpenAPI document and the web UI. It imports domain packages
// and never a storage adapter: main passes the stores in.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/templates"
)

// Config is the part of the program's configuration the server needs.
type Config struct {
	MaxBody        int64         // request body limit in bytes
	RequestTimeout time.Duration // per-request context deadline
	Version        string        // reported by /healthz
}

// Pinger reports whether the store answers; /readyz uses it.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Signer certifies a final contract's PDF: it returns unsigned followed by
// an incremental update carrying the signature, so unsigned stays the exact
// prefix of the result. when is the contract's finalisation time.
type Signer interface {
	Sign(unsigned []byte, when time.Time) ([]byte, error)
}

// Deps are the domain services the handlers call.
type Deps struct {
	Store     Pinger
	Log       records.Log // the record log, for whole-store chain verification
	Directory *identity.Directory
	Library   *clauses.Library
	Templates *templates.Store // the template library
	Contracts *negotiation.Service
	Audit     *audit.Trail // the global audit trail; nil: one over Log and Now
	Now       func() time.Time
	Signer    Signer // certifies final contract PDFs; nil: they are served unsigned
}

// Server is the HTTP application.
type Server struct {
	cfg     Config
	deps    Deps
	log     *slog.Logger
	echo    *echo.Echo
	metrics *metrics
	routes  []route
	// bodyLimits holds per-route body limits ("METHOD /path" → bytes).
	bodyLimits map[string]int64
	// pdfs keeps recently rendered contract PDFs (see pdfCache).
	pdfs *pdfCache
}

// New builds the server and registers every route.
func New(cfg Config, deps Deps, log *slog.Logger) *Server {
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = 30 * time.Second
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = echo.ExtractIPDirect()
	if deps.Audit == nil && deps.Log != nil {
		deps.Audit = &audit.Trail{Log: deps.Log, Now: deps.Now}
	}
	s := &Server{cfg: cfg, deps: deps, log: log, echo: e, metrics: newMetrics(), bodyLimits: map[string]int64{}, pdfs: newPDFCache(16 << 20)}
	e.HTTPErrorHandler = s.handleError
	e.Use(withRequestID, s.logRequests, s.recoverPanics, securityHeaders, s.timeout, s.limitBody, s.authenticate, s.auditChanges)
	s.registerRoutes()
	return s
}

// Handler returns the server as an http.Handler.
func (s *Server) Handler() http.Handler { return s.echo }

// timeout bounds every request's context, so a stuck store answers 503
// instead of hanging the client.
func (s *Server) timeout(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.RequestTimeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

// RouteInfo names one route echo serves.
type RouteInfo struct{ Method, Path string }

// Routes lists every route registered with echo — the ground truth that
// tests compare with the OpenAPI document and the authorization table.
func (s *Server) Routes() []RouteInfo {
	var out []RouteInfo
	for _, r := range s.echo.Routes() {
		out = append(out, RouteInfo{Method: r.Method, Path: r.Path})
	}
	return out
}
