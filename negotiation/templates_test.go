package negotiation_test

import (
	"context"
	"slices"
	"testing"

	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// mustApprovePilotV2 drafts and approves TPL-PILOT version 2, which makes
// position A the default of SCL-TERM-01 (B in version 1) and renames it.
func mustApprovePilotV2(t *testing.T, env *testenv.Env) {
	t.Helper()
	ctx := context.Background()
	next, err := env.Templates.Approved(ctx, "TPL-PILOT", 1)
	if err != nil {
		t.Fatal(err)
	}
	next.Version, next.Title.EN = 2, "Pilot agreement, 2026 edition"
	for i, a := range next.Articles {
		for j, s := range a.Slots {
			if s.ClauseKey == "SCL-TERM-01" {
				next.Articles[i].Slots[j].Position = "A"
			}
		}
	}
	if _, err := env.Templates.Draft(ctx, *next, "usr_amira"); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Templates.Approve(ctx, "TPL-PILOT", 2, "usr_marc"); err != nil {
		t.Fatal(err)
	}
}

func positionDeviations(t *testing.T, env *testenv.Env, st *negotiation.State) []string {
	t.Helper()
	devs, err := env.Contracts.Deviations(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range devs {
		if slices.Contains(d.Kinds, "position") {
			out = append(out, d.ClauseKey)
		}
	}
	return out
}

// TestAssemblyPinsApprovedTemplateVersion: a new approved template version
// is what new contracts are assembled from; contracts already assembled
// keep theirs, and are measured against it.
func TestAssemblyPinsApprovedTemplateVersion(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t, testenv.MustSQLite(t))
	before, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	mustApprovePilotV2(t, env)
	latest := testenv.PilotInput()
	latest.Template = templates.Ref{Key: "TPL-PILOT"}
	after, err := env.Contracts.Assemble(ctx, latest, amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	old, err := env.Contracts.Load(ctx, before.Contract.ID)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		st       *negotiation.State
		version  int
		title    string
		position string
	}{
		{"assembled before", old, 1, "Pilot Project and Test-Bed Licence Agreement", "B"},
		{"assembled after", after, 2, "Pilot agreement, 2026 edition", "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.st.Contract
			if c.Template.Version != tt.version || tt.st.Clauses["scl-term-01"].Position != tt.position {
				t.Errorf("template v%d, SCL-TERM-01 at %s; want v%d at %s", c.Template.Version, tt.st.Clauses["scl-term-01"].Position, tt.version, tt.position)
			}
			if c.Title.EN != tt.title {
				t.Errorf("title %q, want %q", c.Title.EN, tt.title)
			}
			if got := positionDeviations(t, env, tt.st); len(got) > 0 {
				t.Errorf("a fresh contract deviates in position at %v: measured against the wrong template version", got)
			}
		})
	}
}

func TestAssemblyRefusesDraftTemplateVersion(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t, testenv.MustSQLite(t))
	next, err := env.Templates.Approved(ctx, "TPL-PILOT", 1)
	if err != nil {
		t.Fatal(err)
	}
	next.Version = 2
	if _, err := env.Templates.Draft(ctx, *next, "usr_amira"); err != nil {
		t.Fatal(err)
	}
	in := testenv.PilotInput()
	in.Template.Version = 2
	if _, err := env.Contracts.Assemble(ctx, in, amira, "org_curbside"); err == nil {
		t.Fatal("assembled from a draft template version")
	}
	in.Template.Version = 0
	st, err := env.Contracts.Assemble(ctx, in, amira, "org_curbside")
	if err != nil || st.Contract.Template.Version != 1 {
		t.Fatalf("latest approved assembled as %+v, %v; want version 1", st, err)
	}
}
