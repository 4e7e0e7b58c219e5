package main

import (
	"context"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/internal/password"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/sqlite"
)

// mustReadOnly makes path unwritable, also for root (chattr +i), and
// undoes it when the test ends; the test is skipped where neither works.
func mustReadOnly(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if os.Geteuid() != 0 {
			if err := os.Chmod(p, 0o555); err != nil {
				t.Skipf("chmod: %v", err)
			}
			t.Cleanup(func() { _ = os.Chmod(p, 0o755) })
			continue
		}
		if out, err := exec.Command("chattr", "+i", p).CombinedOutput(); err != nil {
			t.Skipf("cannot make %s read-only for root (chattr +i): %v %s", p, err, out)
		}
		t.Cleanup(func() { _ = exec.Command("chattr", "-i", p).Run() })
	}
}

// mustUndoReadOnly makes the paths writable again now.
func mustUndoReadOnly(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if os.Geteuid() != 0 {
			_ = os.Chmod(p, 0o755)
		} else if out, err := exec.Command("chattr", "-i", p).CombinedOutput(); err != nil {
			t.Fatalf("chattr -i %s: %v %s", p, err, out)
		}
	}
}

// TestReadOnlyDataDirIsAClearErrorAndCorruptsNothing fills a store, makes
// its data directory read-only and starts the program on it: it must
// refuse with a message naming the directory, and once the directory is
// writable again the store must open with every record and chain intact.
func TestReadOnlyDataDirIsAClearErrorAndCorruptsNothing(t *testing.T) {
	dir := t.TempDir()
	base := mustServeUntil(t, dir)
	for _, name := range []string{"Vendor A", "Vendor B", "Vendor C"} {
		if status, body := call(t, "POST", base.url+"/api/v1/orgs", testAdminToken, map[string]any{"name": name, "kind": "vendor"}); status != 201 {
			t.Fatalf("create org: %d %s", status, body)
		}
	}
	base.stop(t)
	before := mustCountRecords(t, dir)

	mustReadOnly(t, dir)
	m := &Main{Stdout: io.Discard, Stderr: io.Discard, Env: func(string) string { return "" }, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}}
	err := m.Run(context.Background(), []string{"serve", "-addr", "127.0.0.1:0", "-data", dir, "-admin-token", testAdminToken})
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("serve on a read-only data directory: %v; want an error naming %s as not writable", err, dir)
	}
	mustUndoReadOnly(t, dir)

	if after := mustCountRecords(t, dir); after != before {
		t.Fatalf("%d records before, %d after the failed start", before, after)
	}
}

// mustCountRecords opens the store in dir, verifies every stream's chain
// and returns the number of records.
func mustCountRecords(t *testing.T, dir string) int {
	t.Helper()
	log, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	n := 0
	var cur []records.Record
	check := func() {
		if b := records.Verify(cur); b != nil {
			t.Fatalf("chain break: %+v", b)
		}
		cur = cur[:0]
	}
	err = log.Scan(context.Background(), records.Query{}, func(r records.Record) error {
		if len(cur) > 0 && cur[0].Stream != r.Stream {
			check()
		}
		cur = append(cur, r)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check()
	if _, err := os.Stat(filepath.Join(dir, sqlite.FileName)); err != nil || n == 0 {
		t.Fatalf("store in %s: %d records, %v", dir, n, err)
	}
	return n
}

// running is the program serving in-process until stop.
type running struct {
	url    string
	cancel context.CancelFunc
	done   chan error
}

// mustServeUntil is mustServe with an explicit stop, for tests that
// restart the program on the same data.
func mustServeUntil(t *testing.T, dataDir string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan net.Addr, 1)
	m := &Main{Stdout: io.Discard, Stderr: io.Discard, Env: func(string) string { return "" },
		Listening: addrs, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}}
	r := &running{cancel: cancel, done: make(chan error, 1)}
	go func() {
		r.done <- m.Run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-data", dataDir, "-admin-token", testAdminToken})
	}()
	t.Cleanup(func() { cancel() })
	select {
	case a := <-addrs:
		r.url = "http://" + a.String()
	case err := <-r.done:
		t.Fatalf("serve exited early: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start")
	}
	return r
}

func (r *running) stop(t *testing.T) {
	t.Helper()
	r.cancel()
	if err := <-r.done; err != nil {
		t.Fatalf("serve returned %v", err)
	}
}

// TestDataDirTurnsReadOnlyWhileServing makes the data directory and the
// database files read-only under a running server: writes must fail with
// a clear 503 (never a 500, never a hang), reads answer or say 503, and once the
// directory is writable again writes resume and every chain verifies.
func TestDataDirTurnsReadOnlyWhileServing(t *testing.T) {
	dir := t.TempDir()
	r := mustServeUntil(t, dir)
	org := func(name string) (int, []byte) {
		return call(t, "POST", r.url+"/api/v1/orgs", testAdminToken, map[string]any{"name": name, "kind": "vendor"})
	}
	if status, body := org("Before"); status != 201 {
		t.Fatalf("create org: %d %s", status, body)
	}
	files, _ := filepath.Glob(filepath.Join(dir, sqlite.FileName+"*"))
	paths := append([]string{dir}, files...)
	mustReadOnly(t, paths...)
	status, body := org("During")
	if status != 503 || !strings.Contains(string(body), "read-only") {
		t.Errorf("write to a read-only store: %d %s; want 503 naming the read-only data directory", status, body)
	}
	// A WAL reader needs to write the -shm index, so a read may fail too:
	// it must say so (503), never answer 500.
	if status, body := call(t, "GET", r.url+"/api/v1/orgs", testAdminToken, nil); status != 200 && status != 503 {
		t.Errorf("read from a read-only store: %d %s; want 200 or 503", status, body)
	}
	mustUndoReadOnly(t, paths...)
	if status, body := org("After"); status != 201 {
		t.Fatalf("write once writable again: %d %s", status, body)
	}
	r.stop(t)
	mustCountRecords(t, dir)
}
