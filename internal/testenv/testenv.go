// Package testenv builds real, fresh stores for tests: an embedded SQLite
// database in a temporary directory with the starter library imported, and
// the domain services over it. Nothing in it is a mock.
package testenv

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/library"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/sqlite"
	"github.com/civicpact/civicpact/templates"
)

// Start is the fixed instant test clocks start from.
var Start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// Env is a store with services over it.
type Env struct {
	Log       records.Log
	Library   *clauses.Library
	Templates *templates.Store
	Contracts *negotiation.Service
	Now       func() time.Time
	NewID     func(prefix string) string
}

// MustSQLite opens a fresh SQLite store, closed when the test ends.
func MustSQLite(t testing.TB) records.Log {
	t.Helper()
	log, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { log.Close() })
	return log
}

// New returns services over log with a clock that advances one second per
// reading and sequential IDs, and the starter library and the built-in
// templates imported.
func New(t testing.TB, log records.Log) *Env {
	t.Helper()
	var tick, ids atomic.Int64
	now := func() time.Time { return Start.Add(time.Duration(tick.Add(1)) * time.Second) }
	newID := func(prefix string) string { return prefix + "_" + strconv.FormatInt(ids.Add(1), 10) }
	lib := &clauses.Library{Log: log, Now: now}
	files, err := library.ReadDir(library.Starter())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Import(context.Background(), library.ImportItems(files)); err != nil {
		t.Fatal(err)
	}
	// The built-in templates are seeded at Start, off the ticking clock, so
	// contracts' timestamps (and fixtures made from them) stay as they were.
	seeder := &templates.Store{Log: log, Now: func() time.Time { return Start }}
	if _, err := seeder.Seed(context.Background()); err != nil {
		t.Fatal(err)
	}
	tpls := &templates.Store{Log: log, Now: now}
	return &Env{Log: log, Library: lib, Templates: tpls, Now: now, NewID: newID,
		Contracts: &negotiation.Service{Log: log, Library: lib, Templates: tpls, Now: now, NewID: newID}}
}
