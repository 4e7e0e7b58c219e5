package docx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/internal/testenv"
)

// clauseWant is what the import must make of one clause of a fixture.
type clauseWant struct {
	status  Status
	has     []string  // in the proposed markup (or the found text)
	hasNot  []string  // not in the proposed markup
	changes []RevKind // tracked change kinds, in order
	author  string
}

// TestVendorFixtures reads the files LibreOffice saved as the vendor's
// lawyer (testdata/make_fixtures.py) and checks every clause: tracked
// edits become the right clause's new text, the untracked edit rejects its
// clause, every other clause is unchanged.
func TestVendorFixtures(t *testing.T) {
	for _, tc := range vendorCases() {
		t.Run(tc.file, func(t *testing.T) {
			checkVendorFile(t, filepath.Join("testdata", tc.file+".docx"), tc)
		})
	}
}

// vendorCase is a file the LibreOffice script writes and what its import
// must give.
type vendorCase struct {
	file    string
	ec      exportCase
	want    map[string]clauseWant
	outside []string
}

func vendorCases() []vendorCase {
	return []vendorCase{
		{"vendor_en", exportCases[0], map[string]clauseWant{
			"scl-prec-01": {status: StatusUntracked, has: []string{"exceeds an express requirement"}},
			"scl-lang-01": {status: StatusProposed, has: []string{"within 45 days"}, hasNot: []string{"30 days"},
				changes: []RevKind{RevDel, RevIns}, author: "Vendor Counsel"},
			"scl-pilot-01": {status: StatusProposed, has: []string{"in real operating conditions and for a fixed period", "(the **Pilot**)",
				"{{ref:SCL-PAY-01}}", "with other suppliers, at the same or other sites"}, changes: []RevKind{RevIns, RevDel}},
			"scl-pilot-02": {status: StatusProposed, has: []string{"\n\n(i) The Vendor may ask the City in writing to extend this licence by one month."},
				changes: []RevKind{RevIns, RevIns}},
			"scl-pilot-03": {status: StatusProposed, hasNot: []string{"Within 30 days after the Pilot ends"},
				has: []string{"(c) The City may use the Evaluation Report", "(d) Publication"}, changes: []RevKind{RevDel, RevDel}},
		}, []string{"tracked changes to the title and recitals are not imported"}},
		{"vendor_fr", exportCases[2], map[string]clauseWant{
			"scl-lang-01": {status: StatusUntracked, has: []string{"à titre informatif"}},
			"scl-term-01": {status: StatusProposed, has: []string{"durée initiale de 36 mois (la « **Durée initiale** »)",
				"au plus 2 fois (à son choix : « prolongation »)", "(f) Le Prestataire peut demander l’avis écrit de la Ville sur toute prolongation ; « sans délai »."},
				changes: []RevKind{RevDel, RevIns, RevIns, RevIns, RevIns}, author: "Conseillère juridique du Prestataire"},
			"scl-term-02": {status: StatusProposed, hasNot: []string{"Le Prestataire ne peut résilier"}, has: []string{"(e) Quelle que soit la cause"},
				changes: []RevKind{RevDel, RevDel}},
		}, nil},
	}
}

// checkVendorFile imports path against its export's state and checks
// every clause.
func checkVendorFile(t *testing.T, path string, tc vendorCase) {
	t.Helper()
	env := testenv.New(t, testenv.MustSQLite(t))
	st := mustCaseState(t, env, tc.ec)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rec := mustReconcile(t, st, mustImport(t, data))
	for _, o := range rec.Clauses {
		checkOutcome(t, o, tc.want[o.ClauseID])
	}
	if got := strings.Join(rec.Outside, "\n"); len(tc.outside) != len(rec.Outside) || !containsAll(got, tc.outside) {
		t.Errorf("outside = %q, want %q", rec.Outside, tc.outside)
	}
}

func checkOutcome(t *testing.T, o Outcome, w clauseWant) {
	t.Helper()
	if w.status == "" {
		w.status = StatusUnchanged
	}
	if o.Status != w.status {
		t.Errorf("%s %s: status %s, want %s (notes %v, diff %s)", o.Number, o.ClauseID, o.Status, w.status, o.Notes, o.Diff)
		return
	}
	text := o.Text + o.Found
	for _, s := range w.has {
		if !strings.Contains(text, s) {
			t.Errorf("%s: text lacks %q:\n%s", o.ClauseID, s, text)
		}
	}
	for _, s := range w.hasNot {
		if strings.Contains(text, s) {
			t.Errorf("%s: text still has %q", o.ClauseID, s)
		}
	}
	var kinds []RevKind
	for _, c := range o.Changes {
		kinds = append(kinds, c.Kind)
		if w.author != "" && c.Author != w.author {
			t.Errorf("%s: change by %q, want %q", o.ClauseID, c.Author, w.author)
		}
		if c.Date.IsZero() {
			t.Errorf("%s: change without a date", o.ClauseID)
		}
	}
	if len(kinds) != len(w.changes) || !equalKinds(kinds, w.changes) {
		t.Errorf("%s: change kinds %v, want %v", o.ClauseID, kinds, w.changes)
	}
	if o.Status == StatusUntracked && (o.Diff == "" || o.Expected == "" || o.Found == "") {
		t.Errorf("%s: untracked edit without expected, found and diff", o.ClauseID)
	}
}

func equalKinds(a, b []RevKind) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func containsAll(s string, subs []string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
