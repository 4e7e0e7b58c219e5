package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/password"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/server"
)

// env is a running server over a fresh SQLite store, with a city, two
// vendors and one user (and token) per role.
type env struct {
	t      testing.TB
	srv    *httptest.Server
	app    *server.Server
	dir    *identity.Directory
	city   identity.Org
	vendor identity.Org // the counterparty of test contracts
	rival  identity.Org // a second vendor that must never see the first one's objects
	tokens map[string]string
	calls  int // bodies that must differ per call count here
	// contracts is the negotiation service, for fixtures.
	contracts *negotiation.Service
	store     records.Log // the record log under the server, for digests and tampering
}

// the callers the authorization table is written for.
var callers = []string{"anonymous", "admin", "library_editor", "legal", "approver", "viewer", "vendor", "rival_vendor"}

func mustEnv(t testing.TB) *env {
	t.Helper()
	return mustEnvOver(t, testenv.MustSQLite(t))
}

// mustEnvOver is mustEnv over a given (fresh) store; opts adjust the
// server's dependencies (a PDF signer, say) before it is built.
func mustEnvOver(t testing.TB, store records.Log, opts ...func(*server.Deps)) *env {
	t.Helper()
	te := testenv.New(t, store)
	var n atomic.Int64
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	dir := &identity.Directory{Log: store, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1},
		Now:   func() time.Time { return clock.Add(time.Duration(n.Add(1)) * time.Second) },
		NewID: func(p string) string { return p + "_" + strings.Repeat("0", 4) + itoa(n.Add(1)) }}
	e := &env{t: t, dir: dir, tokens: map[string]string{}, store: store}
	e.city = mustOrg(t, dir, "City of Port-Royal", identity.OrgMunicipality)
	e.vendor = mustOrg(t, dir, "Curbside Labs", identity.OrgVendor)
	e.rival = mustOrg(t, dir, "Northwind Civic Systems", identity.OrgVendor)
	for _, role := range identity.Roles {
		org := e.city
		if role == identity.RoleVendor {
			org = e.vendor
		}
		e.tokens[string(role)] = mustUserToken(t, dir, org, string(role), role)
	}
	e.tokens["rival_vendor"] = mustUserToken(t, dir, e.rival, "rival", identity.RoleVendor)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	e.contracts = te.Contracts
	deps := server.Deps{Store: store, Log: store, Directory: dir, Library: te.Library, Templates: te.Templates, Contracts: te.Contracts, Now: dir.Now}
	for _, o := range opts {
		o(&deps)
	}
	s := server.New(server.Config{MaxBody: 1 << 20, Version: "test"}, deps, logger)
	e.app = s
	e.srv = httptest.NewServer(s.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

func itoa(n int64) string { return jsonNum(n) }

func jsonNum(n int64) string { b, _ := json.Marshal(n); return string(b) }

func mustOrg(t testing.TB, dir *identity.Directory, name string, kind identity.OrgKind) identity.Org {
	t.Helper()
	o, err := dir.CreateOrg(context.Background(), identity.Org{Name: name, Kind: kind, Province: "ON"})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func mustUserToken(t testing.TB, dir *identity.Directory, org identity.Org, username string, role identity.Role) string {
	t.Helper()
	u, err := dir.CreateUser(context.Background(), identity.User{OrgID: org.ID, Username: strings.ReplaceAll(username, "_", "-"), Name: username, Role: role}, "correct-horse-battery")
	if err != nil {
		t.Fatal(err)
	}
	secret, _, err := dir.CreateToken(context.Background(), u.ID, "test", "")
	if err != nil {
		t.Fatal(err)
	}
	return secret
}

// response is a decoded reply.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v: %s", err, r.Body)
	}
	return m
}

// do sends a request as caller ("anonymous" sends no token). body may be
// nil, a string (sent as is) or a value (encoded as JSON).
func (e *env) do(caller, method, path string, body any) response {
	e.t.Helper()
	var rd io.Reader
	contentType := "application/json"
	switch b := body.(type) {
	case upload:
		rd, contentType = b.multipart(e.t)
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	if rd == nil {
		contentType = ""
	}
	return e.send(caller, method, path, contentType, rd)
}

// send sends body (nil for none) exactly as given, with contentType unless
// it is empty, as caller.
func (e *env) send(caller, method, path, contentType string, body io.Reader) response {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if tok := e.tokens[caller]; tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return response{Status: res.StatusCode, Header: res.Header, Body: raw}
}

// upload is a multipart/form-data body with one file.
type upload struct {
	field, name string
	data        []byte
}

func (u upload) multipart(t testing.TB) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, err := mw.CreateFormFile(u.field, u.name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(u.data)
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, mw.FormDataContentType()
}

func mustDecode(t testing.TB, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
}
