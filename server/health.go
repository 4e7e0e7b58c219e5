package server

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/civicpact/civicpact/apperr"
)

func (s *Server) getHealth(c echo.Context) error {
	return respond(c, http.StatusOK, map[string]string{"status": "ok", "version": s.cfg.Version})
}

// getReady answers 200 only while the store answers a ping within 2 s.
func (s *Server) getReady(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := s.deps.Store.Ping(ctx); err != nil {
		return apperr.Wrap(apperr.Unavailable, err, "the store is not reachable")
	}
	return respond(c, http.StatusOK, map[string]string{"status": "ready"})
}

func (s *Server) getMetrics(c echo.Context) error {
	promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{}).ServeHTTP(c.Response(), c.Request())
	return nil
}
