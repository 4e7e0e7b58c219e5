package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestProblemJSON(t *testing.T) {
	e := mustEnv(t)
	tests := []struct {
		name, caller, method, path string
		body                       any
		status                     int
		detail                     string // substring of detail
		field                      string // a field path expected in errors
	}{
		{"no token", "anonymous", "GET", "/api/v1/me", nil, 401, "Bearer", ""},
		{"bad token", "nobody", "GET", "/api/v1/me", nil, 401, "", ""},
		{"unknown route", "admin", "GET", "/api/v1/nope", nil, 404, "", ""},
		{"malformed JSON", "admin", "POST", "/api/v1/orgs", `{"name":`, 400, "JSON", ""},
		{"unknown field", "admin", "POST", "/api/v1/orgs", `{"name":"X","kind":"vendor","owner":"me"}`, 400, "unknown field", "owner"},
		{"wrong type", "admin", "POST", "/api/v1/orgs", `{"name":5,"kind":"vendor"}`, 400, "wrong type", "name"},
		{"operator key", "admin", "POST", "/api/v1/orgs", `{"$where":"1","name":"X","kind":"vendor"}`, 400, "unknown field", "$where"},
		{"validation lists every field", "admin", "POST", "/api/v1/orgs", `{"name":"","kind":"bank"}`, 400, "invalid organisation", "kind"},
		{"trailing data", "admin", "POST", "/api/v1/orgs", `{"name":"X","kind":"vendor"} {}`, 400, "after the JSON", ""},
		{"deep nesting", "admin", "POST", "/api/v1/orgs", `{"name":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, 400, "nested", ""},
		{"not an object", "admin", "POST", "/api/v1/orgs", `null`, 400, "JSON object", ""},
		{"NUL in a string", "admin", "POST", "/api/v1/orgs", `{"name":"X\u0000","kind":"vendor"}`, 400, "control character", ""},
		{"invalid UTF-8", "admin", "POST", "/api/v1/orgs", "{\"name\":\"\xff\",\"kind\":\"vendor\"}", 400, "UTF-8", ""},
		{"too large", "admin", "POST", "/api/v1/orgs", `{"name":"` + strings.Repeat("a", 2<<20) + `","kind":"vendor"}`, 413, "limit", ""},
		{"forbidden role", "legal", "POST", "/api/v1/orgs", `{"name":"X","kind":"vendor"}`, 403, "role", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(tt.caller, tt.method, tt.path, tt.body)
			if r.Status != tt.status {
				t.Fatalf("status = %d, want %d; body %s", r.Status, tt.status, r.Body)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Fatalf("Content-Type = %q", ct)
			}
			p := r.json(t)
			if int(p["status"].(float64)) != tt.status || p["title"] == "" || p["request_id"] == "" {
				t.Errorf("incomplete problem: %v", p)
			}
			if d, _ := p["detail"].(string); !strings.Contains(d, tt.detail) {
				t.Errorf("detail %q does not mention %q", d, tt.detail)
			}
			if tt.field != "" && !strings.Contains(string(r.Body), `"path":"`+tt.field+`"`) {
				t.Errorf("errors do not name field %q: %s", tt.field, r.Body)
			}
		})
	}
}

func TestChunkedBodyLimit(t *testing.T) {
	e := mustEnv(t)
	pr, pw := ioPipe()
	go func() {
		pw.Write([]byte(`{"name":"`))
		chunk := []byte(strings.Repeat("a", 64<<10))
		for i := 0; i < 40; i++ {
			if _, err := pw.Write(chunk); err != nil {
				break
			}
		}
		pw.Close()
	}()
	req, _ := http.NewRequest("POST", e.srv.URL+"/api/v1/orgs", pr)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.tokens["admin"])
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("chunked 2.5 MiB body: status %d, want 413", res.StatusCode)
	}
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	e := mustEnv(t)
	r := e.do("anonymous", "GET", "/openapi.json", nil)
	if r.Status != 200 {
		t.Fatalf("status %d", r.Status)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(r.Body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	for _, rt := range echoRoutes(t, e) {
		if _, ok := doc.Paths[rt.path][strings.ToLower(rt.method)]; !ok {
			t.Errorf("route %s %s is not in /openapi.json", rt.method, rt.path)
		}
	}
}

func TestMeAndMetrics(t *testing.T) {
	e := mustEnv(t)
	me := e.do("vendor", "GET", "/api/v1/me", nil)
	if me.Status != 200 || !strings.Contains(string(me.Body), "Curbside Labs") || strings.Contains(string(me.Body), "password") {
		t.Fatalf("me: %d %s", me.Status, me.Body)
	}
	m := e.do("anonymous", "GET", "/metrics", nil)
	if m.Status != 200 || !strings.Contains(string(m.Body), `civicpact_http_requests_total{method="GET",route="/api/v1/me",status="200"} 1`) {
		t.Fatalf("metrics do not count the request: %s", m.Body)
	}
}
