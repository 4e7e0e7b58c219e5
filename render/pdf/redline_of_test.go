package pdf_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/render/pdf"
)

// TestRedlineOf maps the vendor's proposal in journey 1 (revision 2 → 3)
// for the city and for the vendor, and renders both.
func TestRedlineOf(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	ctx := context.Background()
	st := mustAssembled(t, env, "TPL-PILOT", clauses.EN)
	id := st.Contract.ID
	st, err := env.Contracts.Open(ctx, id, amira)
	if err != nil {
		t.Fatal(err)
	}
	ams := []negotiation.Amendment{
		{ClauseID: "scl-pilot-01", Kind: negotiation.AmendText, Lang: clauses.EN, Text: st.Clauses["scl-pilot-01"].Text.EN + "\n\n(h) The Vendor may extend the Pilot by one month on written notice."},
		{ClauseID: "scl-ins-01", Kind: negotiation.AmendVariables, Values: map[string]any{"cgl_amount": "1000000"}},
	}
	if st, _, err = env.Contracts.Propose(ctx, id, sofia, st.Revision, "Weather delays.", ams); err != nil {
		t.Fatal(err)
	}
	diff, err := env.Contracts.RevisionDiff(ctx, id, 2, 3, clauses.EN)
	if err != nil {
		t.Fatal(err)
	}
	for _, forVendor := range []bool{false, true} {
		view := st
		if forVendor {
			view = st.ForVendor()
		}
		rl := pdf.RedlineOf(view, diff, 2, 3, clauses.EN, forVendor)
		checkRedline(t, rl, st, forVendor)
		var buf bytes.Buffer
		if err := pdf.RenderRedline(&buf, rl); err != nil {
			t.Fatal(err)
		}
		if !forVendor {
			keepPDF(t, "journey1-redline-en.pdf", buf.Bytes())
		}
	}
}

func checkRedline(t *testing.T, rl pdf.Redline, st *negotiation.State, forVendor bool) {
	t.Helper()
	if len(rl.Summary) != 2 || rl.From != "Revision 2" || rl.To != "Revision 3" || rl.HideVerdicts != forVendor || !rl.Date.Equal(st.UpdatedAt) {
		t.Fatalf("vendor %v: summary %+v, %s → %s, hide verdicts %v, date %v", forVendor, rl.Summary, rl.From, rl.To, rl.HideVerdicts, rl.Date)
	}
	for _, row := range rl.Summary {
		if row.Party != "Curbside Labs Inc." || row.Status != "Proposed" || row.Words == 0 || (row.Verdict == "") != forVendor {
			t.Errorf("vendor %v: summary row %+v", forVendor, row)
		}
	}
	unchanged, inserted, items := 0, "", 0
	for _, c := range rl.Clauses {
		if c.Unchanged {
			unchanged++
		}
		for _, b := range c.Clause.Blocks {
			if b.Label == "(a)" && b.Level == 1 {
				items++
			}
			for _, r := range b.Runs {
				if r.Style == pdf.Inserted {
					inserted += r.Text
				}
				if strings.Contains(r.Text, "{{") || strings.Contains(r.Text, "**") {
					t.Errorf("markup left in the redline: %q", r.Text)
				}
			}
		}
	}
	if unchanged != len(st.Order)-2 || !strings.Contains(inserted, "The Vendor may extend the Pilot") || items == 0 {
		t.Errorf("unchanged %d of %d clauses; inserted text %q; (a) items %d", unchanged, len(st.Order), inserted, items)
	}
	if rl.Clauses[0].Article == "" || !strings.HasPrefix(rl.Clauses[0].Article, "ARTICLE 1 — ") {
		t.Errorf("first article heading %q", rl.Clauses[0].Article)
	}
}
