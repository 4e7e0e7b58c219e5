package templates_test

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/templates"
)

// mustStore is a template store over a fresh SQLite database, seeded with
// the built-in templates unless empty is set.
func mustStore(t *testing.T, empty bool) *templates.Store {
	t.Helper()
	var tick atomic.Int64
	s := &templates.Store{Log: testenv.MustSQLite(t), Now: func() time.Time { return testenv.Start.Add(time.Duration(tick.Add(1)) * time.Second) }}
	if !empty {
		if _, err := s.Seed(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// mustNextPilot is TPL-PILOT version 1 changed into a candidate version 2.
func mustNextPilot(t *testing.T) templates.Template {
	t.Helper()
	tpl, err := templates.BuiltinTemplate("TPL-PILOT", 1)
	if err != nil {
		t.Fatal(err)
	}
	tpl.Version = 0
	tpl.Title.EN = "Pilot agreement (short form), 2026 edition"
	return *tpl
}

func mustKind(t *testing.T, err error, want apperr.Kind) {
	t.Helper()
	if got := apperr.KindOf(err); err == nil || got != want {
		t.Fatalf("error = %v, want kind %v", err, want)
	}
}

func fieldPaths(err error) []string {
	e, _ := apperr.As(err)
	var out []string
	if e != nil {
		for _, f := range e.Fields {
			out = append(out, f.Path)
		}
	}
	return out
}

func TestStoreLifecycle(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t, false)
	v2, err := s.Draft(ctx, mustNextPilot(t), "usr_amira")
	if err != nil {
		t.Fatal(err)
	}
	if v2.Version != 2 || v2.Status != clauses.StatusDraft || v2.DraftedBy != "usr_amira" {
		t.Fatalf("draft = v%d %s by %s, want v2 draft by usr_amira", v2.Version, v2.Status, v2.DraftedBy)
	}
	if _, err := s.Template("TPL-PILOT", 2); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("a draft assembled: %v", err)
	}
	_, err = s.Approve(ctx, "TPL-PILOT", 2, "usr_amira")
	mustKind(t, err, apperr.Forbidden)
	if _, err := s.Approve(ctx, "TPL-PILOT", 2, "usr_marc"); err != nil {
		t.Fatal(err)
	}
	e, err := s.Get(ctx, "TPL-PILOT")
	if err != nil {
		t.Fatal(err)
	}
	got := []clauses.Status{e.Versions[0].Status, e.Versions[1].Status}
	if want := []clauses.Status{clauses.StatusSuperseded, clauses.StatusApproved}; !slices.Equal(got, want) || e.Versions[1].ApprovedBy != "usr_marc" {
		t.Fatalf("statuses = %v approved by %q, want %v by usr_marc", got, e.Versions[1].ApprovedBy, want)
	}
	latest, err := s.Template("TPL-PILOT", 0)
	if err != nil || latest.Version != 2 || latest.Title.EN != "Pilot agreement (short form), 2026 edition" {
		t.Fatalf("latest approved = %+v, %v", latest, err)
	}
	if old, err := s.Template("TPL-PILOT", 1); err != nil || old.Version != 1 {
		t.Fatalf("superseded version 1 no longer assembles: %v", err)
	}
	for _, n := range []int{1, 2} {
		_, err = s.Revise(ctx, "TPL-PILOT", n, mustNextPilot(t), "usr_amira")
		mustKind(t, err, apperr.Conflict)
	}
	_, err = s.Approve(ctx, "TPL-PILOT", 2, "usr_marc")
	mustKind(t, err, apperr.Conflict)
}

func TestStoreReviseDraft(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t, false)
	if _, err := s.Draft(ctx, mustNextPilot(t), "usr_amira"); err != nil {
		t.Fatal(err)
	}
	next := mustNextPilot(t)
	next.Title.FR = "Entente de projet pilote (forme abrégée), édition 2026"
	if _, err := s.Revise(ctx, "TPL-PILOT", 2, next, "usr_lea"); err != nil {
		t.Fatal(err)
	}
	v, err := s.Version(ctx, "TPL-PILOT", 2)
	if err != nil {
		t.Fatal(err)
	}
	if v.Title.FR != next.Title.FR || v.Status != clauses.StatusDraft || v.DraftedBy != "usr_lea" {
		t.Fatalf("revised = %q %s by %s", v.Title.FR, v.Status, v.DraftedBy)
	}
	// The last reviser is the drafter: they may not approve it either.
	_, err = s.Approve(ctx, "TPL-PILOT", 2, "usr_lea")
	mustKind(t, err, apperr.Forbidden)
}

func TestStoreDraftValidation(t *testing.T) {
	tests := []struct {
		name   string
		change func(*templates.Template)
		want   []string
	}{
		{"skips a version", func(t *templates.Template) { t.Version = 3 }, []string{"version"}},
		{"same version again", func(t *templates.Template) { t.Version = 1 }, []string{"version"}},
		{"changes route", func(t *templates.Template) { t.Route = clauses.RouteRFP }, []string{"route"}},
		{"every problem at once", func(t *templates.Template) {
			t.Route, t.Title.FR = clauses.RouteRFP, ""
			t.Articles[0].Slots[0].Condition = "no_such_flag"
		}, []string{"route", "title.fr", "articles[0].slots[0].condition"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustStore(t, false)
			next := mustNextPilot(t)
			tt.change(&next)
			_, err := s.Draft(context.Background(), next, "usr_amira")
			mustKind(t, err, apperr.Invalid)
			if got := fieldPaths(err); !slices.Equal(got, tt.want) {
				t.Errorf("paths = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStoreReviseKeepsKeyAndNumber(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t, false)
	if _, err := s.Draft(ctx, mustNextPilot(t), "usr_amira"); err != nil {
		t.Fatal(err)
	}
	next := mustNextPilot(t)
	next.Key, next.Version = "TPL-RFP", 4
	_, err := s.Revise(ctx, "TPL-PILOT", 2, next, "usr_amira")
	if got, want := fieldPaths(err), []string{"key", "version"}; !slices.Equal(got, want) {
		t.Fatalf("paths = %q, want %q (%v)", got, want, err)
	}
}

func TestStoreSeedsOnFirstStartOnly(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t, true)
	n, err := s.Seed(ctx)
	if err != nil || n != len(clauses.Routes) {
		t.Fatalf("first seed imported %d, %v; want one template per route (%d)", n, err, len(clauses.Routes))
	}
	list, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range list {
		if sum.Status != clauses.StatusApproved || sum.ApprovedVersion != 1 || sum.LatestVersion != 1 {
			t.Errorf("%s: %s approved v%d latest v%d, want approved v1", sum.Key, sum.Status, sum.ApprovedVersion, sum.LatestVersion)
		}
	}
	v, err := s.Version(ctx, "TPL-RFP", 1)
	if err != nil || v.DraftedBy != clauses.SystemActor || v.ApprovedBy != clauses.SystemActor {
		t.Fatalf("seeded version = drafted by %q approved by %q, %v", v.DraftedBy, v.ApprovedBy, err)
	}
	if n, err := s.Seed(ctx); err != nil || n != 0 {
		t.Fatalf("second seed imported %d, %v; want 0", n, err)
	}
	e, err := s.Get(ctx, "TPL-RFP")
	if err != nil || len(e.Versions) != 1 || e.Revision() != 2 {
		t.Fatalf("after a second start: %d versions at revision %d, %v", len(e.Versions), e.Revision(), err)
	}
}

func TestStoreRetire(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t, false)
	_, err := s.Retire(ctx, "TPL-SOLE", 1, "usr_marc", "route withdrawn by council")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Template("TPL-SOLE", 0); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("a retired template assembles: %v", err)
	}
	if v, err := s.Version(ctx, "TPL-SOLE", 1); err != nil || v.Status != clauses.StatusRetired || v.RetireReason == "" {
		t.Fatalf("retired version = %s %q, %v", v.Status, v.RetireReason, err)
	}
	list, _ := s.List(ctx)
	i := slices.IndexFunc(list, func(s templates.Summary) bool { return s.Key == "TPL-SOLE" })
	if i < 0 || list[i].Status != clauses.StatusRetired || list[i].ApprovedVersion != 0 {
		t.Fatalf("list row = %+v", list)
	}
}

func TestStoreUnknownTemplate(t *testing.T) {
	s := mustStore(t, false)
	for _, key := range []string{"TPL-NOPE", "not a key", ""} {
		_, err := s.Get(context.Background(), key)
		mustKind(t, err, apperr.NotFound)
	}
}

func TestStoreDraftNewTemplate(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t, false)
	tpl := mustNextPilot(t)
	tpl.Key, tpl.Version = "TPL-KIOSK", 2
	_, err := s.Draft(ctx, tpl, "usr_amira")
	if got := fieldPaths(err); !slices.Equal(got, []string{"version"}) {
		t.Fatalf("paths = %q, want [version] (%v)", got, err)
	}
	tpl.Version = 0
	v, err := s.Draft(ctx, tpl, "usr_amira")
	if err != nil || v.Version != 1 || v.Status != clauses.StatusDraft {
		t.Fatalf("new template = v%d %s, %v", v.Version, v.Status, err)
	}
	list, _ := s.List(ctx)
	if len(list) != len(clauses.Routes)+1 {
		t.Fatalf("list has %d templates, want %d", len(list), len(clauses.Routes)+1)
	}
}
