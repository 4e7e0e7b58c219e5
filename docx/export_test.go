package docx

import (
	"bytes"
	"context"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

var (
	amira = negotiation.Actor{UserID: "u_amira", Name: "Amira Haddad", OrgID: "org_city", Org: "City of Port-Royal", Side: negotiation.City, Role: "legal"}
	sofia = negotiation.Actor{UserID: "u_sofia", Name: "Sofia Reyes", OrgID: "org_curbside", Org: "Curbside Labs Inc.", Side: negotiation.Vendor, Role: "vendor"}
)

// mustContract assembles and opens a contract from in.
func mustContract(t testing.TB, env *testenv.Env, in templates.Input) *negotiation.State {
	t.Helper()
	ctx := context.Background()
	st, err := env.Contracts.Assemble(ctx, in, amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	if st, err = env.Contracts.Open(ctx, st.Contract.ID, amira); err != nil {
		t.Fatal(err)
	}
	return st
}

// mustExport exports st and returns the bytes.
func mustExport(t testing.TB, st *negotiation.State, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, st, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mustImport reads a .docx with the default limits.
func mustImport(t testing.TB, data []byte) Report {
	t.Helper()
	rep, err := Import(bytes.NewReader(data), int64(len(data)), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func mustReconcile(t testing.TB, st *negotiation.State, rep Report) Reconciliation {
	t.Helper()
	src, err := rep.Source()
	if err != nil {
		t.Fatal(err)
	}
	rec, err := Reconcile(st, rep, src)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestExportRoundTrip exports the English pilot and the French RFP, reads
// them back, and finds every clause unchanged, nothing outside clauses.
func TestExportRoundTrip(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	fr := testenv.RFPQuebecInput()
	for _, tc := range []struct {
		name string
		in   templates.Input
		lang clauses.Lang
	}{{"en", testenv.PilotInput(), clauses.EN}, {"fr", fr, clauses.FR}} {
		t.Run(tc.name, func(t *testing.T) {
			st := mustContract(t, env, tc.in)
			rep := mustImport(t, mustExport(t, st, Options{Lang: tc.lang}))
			rec := mustReconcile(t, st, rep)
			if len(rec.Clauses) == 0 {
				t.Fatal("no clauses")
			}
			for _, o := range rec.Clauses {
				if o.Status != StatusUnchanged || len(o.Notes) > 0 {
					t.Errorf("%s %s: %s %v\nexpected %q\nfound    %q", o.Number, o.ClauseID, o.Status, o.Notes, o.Expected, o.Found)
				}
			}
			if len(rec.Outside) > 0 {
				t.Errorf("outside: %v", rec.Outside)
			}
		})
	}
}
