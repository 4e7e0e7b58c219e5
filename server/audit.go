package server

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/identity"
)

// auditTimeout bounds how long recording one audit entry may take.
const auditTimeout = 10 * time.Second

// auditChanges records every successful state-changing request in the
// global audit trail: who (user and organisation), what (method and route),
// on which object (the path parameters), and the status and request ID.
// Success is a handler that returned no error with a 2xx status, or a 303
// (a web form's post-redirect-get). The actor is the request's principal:
// a sign-in handler that stores the new principal with c.Set("principal",
// p) has the sign-in recorded under that user; otherwise it is
// "anonymous". The change itself is already chained in its object's own
// stream; a failure to add it to the trail is logged at Error level, since
// the response has been sent and the change cannot be undone.
func (s *Server) auditChanges(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		status := c.Response().Status
		ok := status >= 200 && status <= 299 || status == http.StatusSeeOther
		if err != nil || !ok || !changesState(c.Request().Method) {
			return err
		}
		p, _ := c.Get("principal").(identity.Principal)
		s.RecordAudit(c.Request().Context(), audit.Entry{
			Actor: p.User.ID, Org: p.Org.ID, Action: c.Request().Method + " " + c.Path(),
			Object: pathObject(c), Detail: "status " + strconv.Itoa(status) + ", request " + requestID(c),
		})
		return nil
	}
}

// RecordAudit adds e to the global audit trail, for changes that do not go
// through an API write route (the web UI's sign-ins and sign-outs, say). An
// empty Actor is recorded as "anonymous". Failures are logged, not
// returned: the caller's action has already happened.
func (s *Server) RecordAudit(ctx context.Context, e audit.Entry) {
	if s.deps.Audit == nil {
		return
	}
	if e.Actor == "" {
		e.Actor = "anonymous"
	}
	// The request's context may end with the response; the entry must not,
	// but a stuck store must not hold the goroutine forever either.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), auditTimeout)
	defer cancel()
	if _, err := s.deps.Audit.Record(ctx, e); err != nil {
		s.log.LogAttrs(ctx, slog.LevelError, "audit trail: entry not recorded",
			slog.String("action", e.Action), slog.String("actor", e.Actor), slog.Any("error", err))
	}
}

func changesState(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// pathObject names the object of a request by its path parameters, e.g.
// "id=ctr_1 rid=r3".
func pathObject(c echo.Context) string {
	names, values := c.ParamNames(), c.ParamValues()
	parts := make([]string, 0, len(names))
	for i, n := range names {
		if i < len(values) {
			parts = append(parts, n+"="+values[i])
		}
	}
	return strings.Join(parts, " ")
}
