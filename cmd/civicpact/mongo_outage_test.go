package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/ferrettest"
	"github.com/civicpact/civicpact/internal/password"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/server"
	"github.com/civicpact/civicpact/storage/mongodb"
)

// outageTimeout is the server's request timeout in the outage test.
const outageTimeout = 3 * time.Second

// TestMongoOutageAnswers503AndRecovers runs the HTTP server over the
// MongoDB adapter on an embedded FerretDB, stops the database, and checks
// that reads, writes and /readyz answer 503 with Retry-After within the
// request timeout; then starts the database again on the same address and
// data and checks that the service recovers by itself.
//
// MONGODB_URI is not wired into this build's openStore yet, so the test
// assembles the server and the adapter itself, as Serve will.
func TestMongoOutageAnswers503AndRecovers(t *testing.T) {
	if testing.Short() {
		t.Skip("starts FerretDB; skipped with -short")
	}
	ctx := context.Background()
	dataDir := t.TempDir()
	uri, stop := ferrettest.StartAt(t, "127.0.0.1:0", dataDir)
	store, err := mongodb.Open(ctx, uri, "outage", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	env := testenv.New(t, store)
	dir := &identity.Directory{Log: store, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}, Now: env.Now, NewID: env.NewID}
	token, contractID := mustOutageFixture(t, env, dir)
	srv := server.New(server.Config{RequestTimeout: outageTimeout, Version: "test"},
		server.Deps{Store: store, Log: store, Directory: dir, Library: env.Library, Templates: env.Templates, Contracts: env.Contracts, Now: env.Now},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	requests := []struct{ method, path string }{
		{"GET", "/readyz"},
		{"GET", "/api/v1/contracts/" + contractID},
		{"GET", "/api/v1/clauses?q=data"},
		{"POST", "/api/v1/contracts/" + contractID + "/comments"},
	}
	want := map[string]int{"GET": 200, "POST": 201}
	for _, r := range requests {
		if status, _ := outageCall(t, hs.URL, token, r.method, r.path); status != want[r.method] {
			t.Fatalf("%s %s before the outage: %d", r.method, r.path, status)
		}
	}

	stop()
	for _, r := range requests {
		began := time.Now()
		status, h := outageCall(t, hs.URL, token, r.method, r.path)
		took := time.Since(began)
		t.Logf("database down: %s %s answered %d (Retry-After %q) in %v", r.method, r.path, status, h.Get("Retry-After"), took.Round(time.Millisecond))
		if status != http.StatusServiceUnavailable || h.Get("Retry-After") == "" {
			t.Errorf("%s %s with the database down: %d, Retry-After %q; want 503 with Retry-After", r.method, r.path, status, h.Get("Retry-After"))
		}
		if took > outageTimeout+2*time.Second {
			t.Errorf("%s %s took %v with a %v request timeout", r.method, r.path, took, outageTimeout)
		}
	}

	ferrettest.StartAt(t, mustURIHost(t, uri), dataDir)
	back := time.Now()
	deadline := back.Add(30 * time.Second)
	for {
		if status, _ := outageCall(t, hs.URL, "", "GET", "/readyz"); status == 200 {
			t.Logf("/readyz answered 200 %v after the database returned", time.Since(back).Round(time.Millisecond))
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/readyz did not turn 200 within 30 s of the database's return")
		}
		time.Sleep(200 * time.Millisecond)
	}
	for _, r := range requests {
		if status, _ := outageCall(t, hs.URL, token, r.method, r.path); status != want[r.method] {
			t.Errorf("%s %s after the database returned: %d", r.method, r.path, status)
		}
	}
}

// mustOutageFixture creates a city, a vendor, a legal user with a token and
// one open pilot contract.
func mustOutageFixture(t *testing.T, env *testenv.Env, dir *identity.Directory) (token, contractID string) {
	t.Helper()
	ctx := context.Background()
	city, err := dir.CreateOrg(ctx, identity.Org{Name: "City of Port-Royal", Kind: identity.OrgMunicipality, Province: "ON"})
	if err != nil {
		t.Fatal(err)
	}
	vendor, err := dir.CreateOrg(ctx, identity.Org{Name: "Curbside Labs", Kind: identity.OrgVendor, Province: "ON"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := dir.CreateUser(ctx, identity.User{OrgID: city.ID, Username: "amira", Name: "Amira Haddad", Role: identity.RoleLegal}, "")
	if err != nil {
		t.Fatal(err)
	}
	if token, _, err = dir.CreateToken(ctx, u.ID, "test", ""); err != nil {
		t.Fatal(err)
	}
	actor := negotiation.Actor{UserID: u.ID, Name: u.Name, OrgID: city.ID, Org: city.Name, Side: negotiation.City, Role: "legal"}
	st, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), actor, vendor.ID)
	if err != nil {
		t.Fatal(err)
	}
	return token, st.Contract.ID
}

// outageCall sends one request (a comment body for a POST) and returns the
// status and headers; a transport failure fails the test.
func outageCall(t *testing.T, base, token, method, path string) (int, http.Header) {
	t.Helper()
	var body any
	if method == "POST" {
		body = map[string]any{"text": "Checking in."}
	}
	status, h, _ := send(t, method, base+path, token, body)
	return status, h
}

func mustURIHost(t *testing.T, uri string) string {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}
