// Package ferrettest starts an embedded FerretDB (SQLite backend) inside a
// test binary, so the MongoDB adapter and end-to-end tests run against a real
// MongoDB wire-protocol server without Docker. Only _test.go files may import
// it: production binaries must not link FerretDB.
package ferrettest

import (
	"context"
	"log/slog"
	"os"
	"sync"
	"testing"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// Start runs a FerretDB on a free 127.0.0.1 port with its data in a fresh
// temporary directory and returns its MongoDB URI. stop shuts it down and
// waits until every connection is closed; it is idempotent and also runs at
// the end of the test.
func Start(t *testing.T) (uri string, stop func()) {
	t.Helper()
	return StartAt(t, "127.0.0.1:0", t.TempDir())
}

// StartAt runs a FerretDB listening on addr (host:port, port 0 for a free
// one) that keeps its SQLite files in dir, which must exist. Starting a
// second server on a stopped one's address and directory brings its data
// back, which is how tests simulate a database restart.
func StartAt(t *testing.T, addr, dir string) (uri string, stop func()) {
	t.Helper()
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	if err != nil {
		t.Fatalf("ferrettest: start FerretDB on %s: %v", addr, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx) // Run always returns nil once ctx is canceled.
	}()
	stop = sync.OnceFunc(func() {
		cancel()
		<-done
	})
	t.Cleanup(stop)
	return f.MongoDBURI(), stop
}
