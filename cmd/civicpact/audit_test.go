package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/sqlite"
)

// runCLI runs one civicpact command in-process and returns its output.
func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out, Env: func(string) string { return "" }}
	err := m.Run(context.Background(), args)
	return out.String(), err
}

// TestAuditExportAndVerify exports a served store, verifies it, then edits
// it behind the program's back twice: a plain edit that the chains catch,
// and a consistent rewrite that only the kept export catches.
func TestAuditExportAndVerify(t *testing.T) {
	dir := t.TempDir()
	base := mustServe(t, dir)
	if code, body := call(t, "POST", base+"/api/v1/orgs", testAdminToken, map[string]any{"name": "Curbside Labs", "kind": "vendor"}); code != 201 {
		t.Fatalf("create org: %d %s", code, body)
	}
	file := filepath.Join(t.TempDir(), "audit.jsonl")
	out, err := runCLI(t, "audit", "export", "-data", dir, file)
	if err != nil || !strings.Contains(out, "sha256:") {
		t.Fatalf("export: %v: %s", err, out)
	}
	mustDigestLine(t, file, strings.Fields(out)[0])
	if out, err := runCLI(t, "audit", "verify", "-data", dir, file); err != nil || strings.Count(out, "ok:") != 2 {
		t.Fatalf("verify an untouched store: %v: %s", err, out)
	}
	if _, err := runCLI(t, "audit", "export", "-data", dir, file); err == nil {
		t.Error("export overwrote an existing file")
	}
	r := mustRecord(t, dir, audit.Stream, 1)
	r.Body = bytes.Replace(r.Body, []byte("/api/v1/orgs"), []byte("/api/v1/users"), 1)
	mustRawUpdate(t, dir, r.Stream, r.Seq, r.Body, r.Hash)
	if _, err := runCLI(t, "audit", "verify", "-data", dir); err == nil || !strings.Contains(err.Error(), "audit record 1: content does not match") {
		t.Errorf("verify after an edit: %v, want the edited audit record named", err)
	}
	mustRawUpdate(t, dir, r.Stream, r.Seq, r.Body, r.ComputeHash()) // the last audit record: a consistent rewrite
	if _, err := runCLI(t, "audit", "verify", "-data", dir); err != nil {
		t.Fatalf("a consistent rewrite of the last record verifies on its own, got %v", err)
	}
	if _, err := runCLI(t, "audit", "verify", "-data", dir, file); err == nil || !strings.Contains(err.Error(), "no longer matches the export") || !strings.Contains(err.Error(), "audit record 1") {
		t.Errorf("verify against the export after a rewrite: %v, want a mismatch at audit record 1", err)
	}
}

func mustDigestLine(t *testing.T, file, digest string) {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, `"digest":"`+digest+`"`) || len(lines) < 10 {
		t.Errorf("%d lines, last %s; want the digest %s last", len(lines), last, digest)
	}
}

func mustRecord(t *testing.T, dir, stream string, seq int64) records.Record {
	t.Helper()
	l, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	recs, err := l.Read(context.Background(), stream, seq)
	if err != nil || len(recs) == 0 {
		t.Fatalf("read %s#%d: %v", stream, seq, err)
	}
	return recs[0]
}

// mustRawUpdate edits a record with SQL, bypassing the adapter.
func mustRawUpdate(t *testing.T, dir, stream string, seq int64, body []byte, hash string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlite.FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec(`UPDATE records SET body = ?, hash = ? WHERE stream = ? AND seq = ?`, body, hash, stream, seq)
	if n, _ := res.RowsAffected(); err != nil || n != 1 {
		t.Fatalf("raw UPDATE: %d rows, %v", n, err)
	}
}
