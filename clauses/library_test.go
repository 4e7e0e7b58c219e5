package clauses

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/sqlite"
)

func mustLibrary(t testing.TB) *Library {
	t.Helper()
	log, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { log.Close() })
	var tick atomic.Int64
	start := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	return &Library{Log: log, Now: func() time.Time { return start.Add(time.Duration(tick.Add(1)) * time.Hour) }}
}

func mustDraft(t *testing.T, l *Library, by string, edit func(*Version)) VersionState {
	t.Helper()
	v := validVersion()
	if edit != nil {
		edit(&v)
	}
	got, err := l.Draft(context.Background(), validClause(), v, by)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestLibraryLifecycle(t *testing.T) {
	ctx := context.Background()
	l := mustLibrary(t)
	v1 := mustDraft(t, l, "amira", nil)
	if v1.N != 1 || v1.Status != StatusDraft {
		t.Fatalf("first draft = v%d %s", v1.N, v1.Status)
	}
	if _, err := l.Approve(ctx, "SCL-LOL-01", 1, "amira"); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("self-approval: %v, want Forbidden", err)
	}
	if _, err := l.Approve(ctx, "SCL-LOL-01", 1, "marc"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Revise(ctx, "SCL-LOL-01", 1, validVersion(), "amira"); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("editing an approved version: %v, want Conflict", err)
	}
	v2 := mustDraft(t, l, "amira", func(v *Version) {
		v.Effective = "2026-06-01"
		v.ChangeNote = Text{"Statute amended.", "Loi modifiée."}
	})
	if v2.N != 2 {
		t.Fatalf("second draft numbered %d", v2.N)
	}
	if _, err := l.Approve(ctx, "SCL-LOL-01", 2, "marc"); err != nil {
		t.Fatal(err)
	}
	e, err := l.Get(ctx, "SCL-LOL-01")
	if err != nil {
		t.Fatal(err)
	}
	if e.Versions[0].Status != StatusSuperseded || e.Versions[1].Status != StatusApproved {
		t.Fatalf("statuses = %s, %s; want superseded, approved", e.Versions[0].Status, e.Versions[1].Status)
	}
	for _, tt := range []struct {
		date string
		want int
	}{{"2026-01-14", 0}, {"2026-01-15", 1}, {"2026-05-31", 1}, {"2026-06-01", 2}, {"2030-01-01", 2}} {
		got, err := e.AsOf(tt.date)
		if tt.want == 0 {
			if !apperr.Is(err, apperr.NotFound) {
				t.Errorf("AsOf(%s) = v%d, %v; want NotFound", tt.date, got.N, err)
			}
			continue
		}
		if err != nil || got.N != tt.want {
			t.Errorf("AsOf(%s) = v%d, %v; want v%d", tt.date, got.N, err, tt.want)
		}
	}
	if _, err := l.Retire(ctx, "SCL-LOL-01", 2, "marc", "replaced by statute"); err != nil {
		t.Fatal(err)
	}
	recs, _ := l.Log.Read(ctx, "clause/SCL-LOL-01", 1)
	if b := records.Verify(recs); b != nil {
		t.Fatalf("chain broken: %+v", b)
	}
}

func TestLibraryRejectsInvalidDraftWithEveryProblem(t *testing.T) {
	l := mustLibrary(t)
	v := validVersion()
	v.Positions[0].Body.FR = ""
	v.Guidance.EN = ""
	_, err := l.Draft(context.Background(), validClause(), v, "amira")
	e, ok := apperr.As(err)
	if !ok || e.Kind != apperr.Invalid || len(e.Fields) < 2 {
		t.Fatalf("err = %v; want Invalid with at least two field errors", err)
	}
	if _, err := l.Get(context.Background(), "SCL-LOL-01"); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("an invalid draft was stored: %v", err)
	}
}

func TestLibraryListAndSearch(t *testing.T) {
	ctx := context.Background()
	l := mustLibrary(t)
	mustDraft(t, l, "amira", nil)
	c2 := Clause{Key: "SCL-DATA-03", Category: "data", Title: Text{"Data Residency", "Résidence des données"}}
	v := validVersion()
	v.Key, v.Title = "SCL-DATA-03", c2.Title
	if _, err := l.Draft(ctx, c2, v, "amira"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"all", Query{}, []string{"SCL-DATA-03", "SCL-LOL-01"}},
		{"by category", Query{Category: "data"}, []string{"SCL-DATA-03"}},
		{"accent-insensitive search", Query{Text: "residence donnees", Lang: FR}, []string{"SCL-DATA-03"}},
		{"search in text", Query{Text: "illimitée"}, []string{"SCL-DATA-03", "SCL-LOL-01"}},
		{"no match", Query{Text: "zeppelin"}, nil},
		{"by status", Query{Status: StatusApproved}, nil},
		{"first page", Query{Limit: 1}, []string{"SCL-DATA-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := l.List(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range p.Items {
				got = append(got, s.Key)
			}
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Fatalf("keys = %v, want %v", got, tt.want)
			}
		})
	}
	p, _ := l.List(ctx, Query{Limit: 1})
	p2, err := l.List(ctx, Query{Limit: 1, Cursor: p.Next})
	if err != nil || len(p2.Items) != 1 || p2.Items[0].Key != "SCL-LOL-01" || p2.Next != "" {
		t.Fatalf("second page = %+v, %v", p2, err)
	}
	if _, err := l.List(ctx, Query{Cursor: "!!"}); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("bad cursor: %v", err)
	}
}

func TestConcurrentDraftsOneWins(t *testing.T) {
	l := mustLibrary(t)
	mustDraft(t, l, "amira", nil)
	errs := make(chan error, 10)
	for i := 0; i < 10; i++ {
		go func() {
			v := validVersion()
			v.ChangeNote = Text{"Clarified.", "Précisé."}
			_, err := l.Draft(context.Background(), validClause(), v, "amira")
			errs <- err
		}()
	}
	ok := 0
	for i := 0; i < 10; i++ {
		err := <-errs
		switch {
		case err == nil:
			ok++
		case !apperr.Is(err, apperr.Conflict):
			t.Fatalf("unexpected error %v", err)
		}
	}
	e, _ := l.Get(context.Background(), "SCL-LOL-01")
	if ok < 1 || len(e.Versions) != 1+ok {
		t.Fatalf("%d drafts succeeded but the clause has %d versions", ok, len(e.Versions))
	}
}
