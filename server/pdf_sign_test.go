package server_test

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/render/pdfsign"
	"github.com/civicpact/civicpact/render/pdfsign/pdfsigtest"
	"github.com/civicpact/civicpact/server"
)

// mustSigningEnv is mustEnv with a certifier over a fresh self-signed
// certificate, and a second env over the same store and services whose
// server signs nothing.
func mustSigningEnv(t *testing.T) (signing, plain *env) {
	t.Helper()
	key := pdfsigtest.MustRSAKey(t)
	c, err := pdfsign.New([]*x509.Certificate{pdfsigtest.MustSelfSigned(t, key, "Port-Royal Legal Services", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))}, key)
	if err != nil {
		t.Fatal(err)
	}
	var unsignedDeps server.Deps
	e := mustEnvOver(t, testenv.MustSQLite(t), func(d *server.Deps) { unsignedDeps, d.Signer = *d, c })
	p := *e
	p.srv = httptest.NewServer(server.New(server.Config{Version: "test"}, unsignedDeps, slog.New(slog.DiscardHandler)).Handler())
	t.Cleanup(p.srv.Close)
	return e, &p
}

// TestContractPDFCertified: with a signer configured, the final PDF is the
// unsigned PDF plus an incremental update whose signature pdfsig accepts
// and which covers the whole file; the unsigned prefix is what an
// unsigned server serves for the same contract, and the headers name it.
func TestContractPDFCertified(t *testing.T) {
	pdfsigtest.RequireTools(t)
	e, plain := mustSigningEnv(t)
	j := mustPilotJourney(e)
	j.acceptAll()
	j.finalise()
	path := "/api/v1/contracts/" + j.id + "/pdf?lang=en"
	r := e.do("vendor", "GET", path, nil)
	if r.Status != http.StatusOK {
		t.Fatalf("status %d: %s", r.Status, truncate(r.Body))
	}
	n, err := strconv.Atoi(r.Header.Get("X-Unsigned-Length"))
	if err != nil || n <= 0 || n >= len(r.Body) {
		t.Fatalf("X-Unsigned-Length %q for %d bytes", r.Header.Get("X-Unsigned-Length"), len(r.Body))
	}
	unsigned := r.Body[:n]
	checkUnsignedHeaders(t, r, unsigned)
	v := pdfsigtest.MustVerify(t, r.Body)
	if !v.Valid || v.Signatures != 1 || !v.CoversAll {
		t.Errorf("pdfsig: valid=%v signatures=%d whole file=%v\n%s", v.Valid, v.Signatures, v.CoversAll, v.Output)
	}
	if u := plain.do("vendor", "GET", path, nil); !bytes.Equal(u.Body, unsigned) {
		t.Errorf("the signed file's first %d bytes are not the unsigned PDF (%d bytes)", n, len(u.Body))
	}
	if again := e.do("legal", "GET", path, nil); !bytes.Equal(again.Body, r.Body) {
		t.Error("one process served two different certified copies of the same revision")
	}
	nm := e.doWith("vendor", path, map[string]string{"If-None-Match": r.Header.Get("ETag")})
	if nm.Status != http.StatusNotModified {
		t.Errorf("If-None-Match with the ETag: %d, want 304", nm.Status)
	}
	draft := mustPilotJourney(e)
	if d := e.do("legal", "GET", "/api/v1/contracts/"+draft.id+"/pdf?draft=1", nil); d.Status != http.StatusOK || d.Header.Get("X-Unsigned-Digest") != "" || bytes.Contains(d.Body, []byte("/Type /Sig")) {
		t.Errorf("a draft was certified (status %d, X-Unsigned-Digest %q)", d.Status, d.Header.Get("X-Unsigned-Digest"))
	}
}

// checkUnsignedHeaders: Digest hashes the bytes served, X-Unsigned-Digest
// the unsigned prefix, and the ETag is the fingerprint, weak.
func checkUnsignedHeaders(t *testing.T, r response, unsigned []byte) {
	t.Helper()
	digest := func(b []byte) string {
		sum := sha256.Sum256(b)
		return "sha-256=" + base64.StdEncoding.EncodeToString(sum[:])
	}
	for name, want := range map[string]string{
		"Digest":            digest(r.Body),
		"X-Unsigned-Digest": digest(unsigned),
	} {
		if got := r.Header.Get(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if etag := r.Header.Get("ETag"); len(etag) != len(`W/""`)+64 || etag[:3] != `W/"` {
		t.Errorf("ETag %q: want the fingerprint, weak", etag)
	}
}
