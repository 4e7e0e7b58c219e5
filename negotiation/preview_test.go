package negotiation_test

import (
	"context"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/templates"
)

func TestPreviewRecordsNothing(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	ctx := context.Background()
	c, err := env.Contracts.Preview(ctx, testenv.PilotInput())
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != negotiation.PreviewID || len(c.Articles) == 0 || c.Fingerprint == "" {
		t.Fatalf("preview: id %q, %d articles, fingerprint %q", c.ID, len(c.Articles), c.Fingerprint)
	}
	n := 0
	if err := env.Log.Scan(ctx, records.Query{Prefix: "contract/"}, func(records.Record) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("a preview wrote %d contract records", n)
	}
	st, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	if st.Contract.Fingerprint != c.Fingerprint {
		t.Errorf("the preview and the assembly differ: %s vs %s", c.Fingerprint, st.Contract.Fingerprint)
	}
}

func TestPreviewReportsFieldErrors(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	in := testenv.PilotInput()
	in.Variables["contract_value_cad"] = "lots"
	in.Positions = map[string]string{"SCL-LOL-01": "Z"}
	in.Parties[1].Name = ""
	_, err := env.Contracts.Preview(context.Background(), in)
	ae, ok := apperr.As(err)
	if !ok || ae.Kind != apperr.Invalid {
		t.Fatalf("got %v, want an Invalid error", err)
	}
	paths := map[string]bool{}
	for _, f := range ae.Fields {
		paths[f.Path] = true
	}
	for _, want := range []string{"variables.contract_value_cad", "positions.SCL-LOL-01", "parties[1].name"} {
		if !paths[want] {
			t.Errorf("no field error at %s; got %v", want, ae.Fields)
		}
	}
}

func TestBlankHasEverySlotWithItsDefault(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	b, err := env.Contracts.Blank(context.Background(), templates.Ref{Key: "TPL-PILOT"})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Slots) != len(b.Template.Slots()) {
		t.Fatalf("%d slots, template has %d", len(b.Slots), len(b.Template.Slots()))
	}
	for _, s := range b.Slots {
		if s.Missing {
			t.Errorf("%s is missing from the starter library", s.ClauseKey)
			continue
		}
		if _, ok := s.Version.Position(s.DefaultPosition); !ok {
			t.Errorf("%s: default position %q is not offered", s.ClauseKey, s.DefaultPosition)
		}
	}
	if _, err := env.Contracts.Blank(context.Background(), templates.Ref{Key: "TPL-NONE"}); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("unknown template: %v, want NotFound", err)
	}
	all, err := env.Contracts.Blanks(context.Background())
	if err != nil || len(all) != len(clauses.Routes) {
		t.Errorf("Blanks: %d templates, %v; want one per route (%d)", len(all), err, len(clauses.Routes))
	}
}

func TestWorklistCountsWhoMustAct(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	ctx := context.Background()
	st, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	if st, err = env.Contracts.Open(ctx, st.Contract.ID, amira); err != nil {
		t.Fatal(err)
	}
	am := negotiation.Amendment{ClauseID: "scl-pilot-01", Kind: negotiation.AmendText, Lang: clauses.EN, Text: st.Clauses["scl-pilot-01"].Text.EN + "\n\nThe Vendor may extend the Pilot by one month."}
	if _, _, err = env.Contracts.Propose(ctx, st.Contract.ID, sofia, st.Revision, "Weather.", []negotiation.Amendment{am}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		visible func(negotiation.Summary) bool
		rows    int
	}{
		{"everyone", func(negotiation.Summary) bool { return true }, 1},
		{"nobody", func(negotiation.Summary) bool { return false }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := env.Contracts.Worklist(ctx, tt.visible)
			if err != nil || len(got) != tt.rows {
				t.Fatalf("%d rows, %v; want %d", len(got), err, tt.rows)
			}
			if tt.rows == 1 && (got[0].WaitingCity != 1 || got[0].WaitingVendor != 0 || got[0].Blockers != 1 || got[0].Revision != 3) {
				t.Errorf("row %+v: want one clause waiting for the city, one blocker, revision 3", got[0])
			}
		})
	}
}
