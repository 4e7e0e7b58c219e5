package docx

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

var update = flag.Bool("update", false, "rewrite testdata: exported .docx files and golden texts")

// exportCase is one committed export: the contract, the language, and
// whether the vendor's proposal is pending and shown.
type exportCase struct {
	name      string
	input     func() templates.Input
	lang      clauses.Lang
	proposals bool
}

var exportCases = []exportCase{
	{"pilot_en", testenv.PilotInput, clauses.EN, false},
	{"pilot_en_proposals", testenv.PilotInput, clauses.EN, true},
	{"rfp_fr", testenv.RFPQuebecInput, clauses.FR, false},
}

// mustCaseState builds the state of an export case: for proposals, the
// vendor has proposed one text change.
func mustCaseState(t testing.TB, env *testenv.Env, ec exportCase) *negotiation.State {
	t.Helper()
	st := mustContract(t, env, ec.input())
	if !ec.proposals {
		return st
	}
	id := "scl-pilot-03"
	text := strings.Replace(st.Clauses[id].Text.EN, "The", "Subject to the City's written approval, the", 1)
	st, _, err := env.Contracts.Propose(context.Background(), st.Contract.ID, sofia, st.Revision, "Approval first.",
		[]negotiation.Amendment{{ClauseID: id, Kind: negotiation.AmendText, Lang: clauses.EN, Text: text}})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestExportFixtures keeps testdata/<case>.docx, the files the LibreOffice
// script edits, equal to what Export writes (run with -update to rewrite).
func TestExportFixtures(t *testing.T) {
	for _, ec := range exportCases {
		t.Run(ec.name, func(t *testing.T) {
			env := testenv.New(t, testenv.MustSQLite(t))
			got := mustExport(t, mustCaseState(t, env, ec), Options{Lang: ec.lang, WithProposals: ec.proposals})
			path := filepath.Join("testdata", ec.name+".docx")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(want) != string(got) {
				t.Errorf("%s differs from the export (run go test ./docx -run TestExportFixtures -update)", path)
			}
		})
	}
}
