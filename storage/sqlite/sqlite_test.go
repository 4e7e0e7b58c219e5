package sqlite_test

import (
	"context"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/sqlite"
)

func mustOpen(t *testing.T) *sqlite.Log {
	t.Helper()
	l, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func TestDuplicateIsConflict(t *testing.T) {
	l := mustOpen(t)
	ctx := context.Background()
	r, err := records.Next(records.Record{}, "contract/x", testTime, map[string]string{"a": "b"})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Append(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := l.Append(ctx, r); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("second append: got %v, want Conflict", err)
	}
	got, err := l.Last(ctx, "contract/x")
	if err != nil || got.Hash != r.Hash || string(got.Body) != string(r.Body) {
		t.Fatalf("Last = %+v, %v; want %+v", got, err, r)
	}
}
