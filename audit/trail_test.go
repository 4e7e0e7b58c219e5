package audit_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/records"
)

func mustTrail(t *testing.T) *audit.Trail {
	t.Helper()
	var tick atomic.Int64
	return &audit.Trail{Log: testenv.MustSQLite(t), Now: func() time.Time { return testenv.Start.Add(time.Duration(tick.Add(1)) * time.Millisecond) }}
}

func mustAuditEntries(t *testing.T, log records.Log) []audit.Entry {
	t.Helper()
	entries, b, err := audit.Entries(context.Background(), log)
	if err != nil || b != nil {
		t.Fatalf("audit trail: break %+v, %v", b, err)
	}
	return entries
}

func TestRecordChainsEntries(t *testing.T) {
	tr := mustTrail(t)
	want := []audit.Entry{
		{Actor: "usr_1", Org: "org_1", Action: "POST /api/v1/contracts", Detail: "201"},
		{Actor: "usr_2", Org: "org_2", Action: "POST /api/v1/contracts/:id/redlines", Object: "id=ctr_1"},
		{Actor: "usr_1", Action: "login"},
	}
	for i, e := range want {
		r, err := tr.Record(context.Background(), e)
		if err != nil || r.Seq != int64(i+1) || r.Stream != audit.Stream {
			t.Fatalf("Record %d = %s#%d, %v", i, r.Stream, r.Seq, err)
		}
	}
	got := mustAuditEntries(t, tr.Log)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("entries (-want +got):\n- %v\n+ %v", want, got)
	}
}

func TestRecordRefusesInvalidEntries(t *testing.T) {
	tests := []struct {
		name  string
		entry audit.Entry
		field string
	}{
		{"no actor", audit.Entry{Action: "login"}, "actor"},
		{"no action", audit.Entry{Actor: "usr_1"}, "action"},
		{"detail too long", audit.Entry{Actor: "usr_1", Action: "login", Detail: strings.Repeat("x", 5000)}, "detail"},
	}
	tr := mustTrail(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tr.Record(context.Background(), tt.entry)
			ae, ok := apperr.As(err)
			if !ok || ae.Kind != apperr.Invalid || len(ae.Fields) == 0 || ae.Fields[0].Path != tt.field {
				t.Fatalf("Record = %v, want Invalid on %s", err, tt.field)
			}
		})
	}
	if n := len(mustAuditEntries(t, tr.Log)); n != 0 {
		t.Errorf("%d entries stored, want none", n)
	}
}

// TestRecordConcurrentWriters has 16 writers record 5 entries each at once:
// every entry is recorded exactly once, and the chain verifies.
func TestRecordConcurrentWriters(t *testing.T) {
	const writers, each = 16, 5
	tr := mustTrail(t)
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				_, err := tr.Record(context.Background(), audit.Entry{Actor: fmt.Sprintf("usr_%d", w), Action: "test", Object: fmt.Sprint(i)})
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	seen := map[string]bool{}
	for _, e := range mustAuditEntries(t, tr.Log) {
		k := e.Actor + "/" + e.Object
		if seen[k] {
			t.Errorf("%s recorded twice", k)
		}
		seen[k] = true
	}
	if len(seen) != writers*each {
		t.Errorf("%d entries recorded, want %d", len(seen), writers*each)
	}
}
