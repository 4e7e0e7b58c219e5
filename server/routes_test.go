package server_test

import (
	"io"

	"github.com/civicpact/civicpact/server"
	"strings"
	"testing"
)

type routeID struct{ method, path string }

// echoRoutes lists what the server actually serves, from its OpenAPI
// document's source of truth: the server's own route export.
func echoRoutes(t *testing.T, e *env) []routeID {
	t.Helper()
	var out []routeID
	for _, r := range exportedRoutes(e) {
		path := r.Path
		parts := strings.Split(path, "/")
		for i, p := range parts {
			if strings.HasPrefix(p, ":") {
				parts[i] = "{" + p[1:] + "}"
			}
		}
		out = append(out, routeID{r.Method, strings.Join(parts, "/")})
	}
	if len(out) == 0 {
		t.Fatal("no routes")
	}
	return out
}

func exportedRoutes(e *env) []server.RouteInfo { return e.app.Routes() }

func ioPipe() (*io.PipeReader, *io.PipeWriter) { return io.Pipe() }
