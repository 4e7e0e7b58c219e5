package templates

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

var languageSets = [][]clauses.Lang{{clauses.EN}, {clauses.FR}, {clauses.FR, clauses.EN}}

func TestAssembleEveryTemplate(t *testing.T) {
	lib := mustFixtureLibrary(t)
	for _, tpl := range mustBuiltin(t) {
		for _, langs := range languageSets {
			t.Run(fmt.Sprintf("%s/%v", tpl.Key, langs), func(t *testing.T) {
				c := mustAssemble(t, baseInput(tpl.Key, "ON", langs...), lib)
				assertWellFormed(t, c)
			})
		}
	}
}

// assertWellFormed checks numbering, texts in exactly the contract's
// languages, no unresolved variable, and the fingerprint.
func assertWellFormed(t *testing.T, c *Contract) {
	t.Helper()
	if c.ID != "ctr_1" || !c.CreatedAt.Equal(testNow) || c.Fingerprint != Fingerprint(c) {
		t.Errorf("id %q, created %v, fingerprint %q", c.ID, c.CreatedAt, c.Fingerprint)
	}
	texts := slices.Clone(c.Recitals)
	for i, a := range c.Articles {
		if a.Number != i+1 || len(a.Clauses) == 0 {
			t.Errorf("article %d: number %d with %d clauses", i, a.Number, len(a.Clauses))
		}
		for j, in := range a.Clauses {
			if want := fmt.Sprintf("%d.%d", i+1, j+1); in.Number != want {
				t.Errorf("%s: number %s, want %s", in.ClauseKey, in.Number, want)
			}
			if in.ID != strings.ToLower(in.ClauseKey) || len(in.LibrarySHA) != 64 {
				t.Errorf("%s: id %q, sha %q", in.ClauseKey, in.ID, in.LibrarySHA)
			}
			texts = append(texts, in.Text)
		}
	}
	for _, text := range texts {
		for _, lang := range clauses.Langs {
			s, want := text.In(lang), slices.Contains(c.Languages, lang)
			if (s != "") != want {
				t.Errorf("%s text present = %v, want %v: %q", lang, s != "", want, s)
			}
			if strings.Contains(strings.ReplaceAll(s, "{{ref:", ""), "{{") {
				t.Errorf("unresolved variable in %q", s)
			}
		}
	}
}

// TestAssembleEveryPosition assembles each template once per alternative
// position of each included slot, in Ontario and (in French) in Québec,
// where the jurisdiction rules must block exactly the listed positions.
func TestAssembleEveryPosition(t *testing.T) {
	lib := mustFixtureLibrary(t)
	blockedQC := map[string]bool{"SCL-LOL-01/D": true, "SCL-LANG-01/C": true, "SCL-LANG-01/D": true}
	assemblies := 0
	for _, tpl := range mustBuiltin(t) {
		base := mustAssemble(t, baseInput(tpl.Key, "ON", clauses.EN, clauses.FR), lib)
		for _, art := range base.Articles {
			for _, in := range art.Clauses {
				ver, _ := lib.Version(in.ClauseKey, 0)
				for _, p := range ver.Positions {
					for _, province := range []string{"ON", "QC"} {
						input := baseInput(tpl.Key, province, clauses.FR, clauses.EN)
						input.Positions[in.ClauseKey] = p.ID
						_, err := Assemble(input, lib, testNow, sequentialIDs())
						assemblies++
						blocked := province == "QC" && blockedQC[in.ClauseKey+"/"+p.ID]
						if blocked != (err != nil) {
							t.Errorf("%s %s %s/%s: error %v, want blocked=%v", tpl.Key, province, in.ClauseKey, p.ID, err, blocked)
						}
					}
				}
			}
		}
	}
	t.Logf("%d assemblies", assemblies)
}

func TestAssembleConditions(t *testing.T) {
	lib := mustFixtureLibrary(t)
	tests := []struct {
		name     string
		key      string
		vars     map[string]any
		has      []string
		lacks    []string
		schedule string // a schedule label that must be present ("-X": absent)
	}{
		{"rfp defaults", "TPL-RFP", nil, []string{"SCL-PRIV-01", "SCL-PRIV-03"}, []string{"SCL-ALGO-01", "SCL-INDIG-01"}, "E"},
		{"rfp no personal info", "TPL-RFP", map[string]any{"processes_personal_info": false},
			nil, []string{"SCL-PRIV-01", "SCL-PRIV-02", "SCL-PRIV-03"}, "-E"},
		{"rfp ai and indigenous data", "TPL-RFP", map[string]any{"uses_ai_or_adm": true, "indigenous_data": true},
			[]string{"SCL-ALGO-01", "SCL-INDIG-01"}, nil, "E"},
		{"pilot defaults", "TPL-PILOT", nil, []string{"SCL-PILOT-01", "SCL-PILOT-05"},
			[]string{"SCL-PRIV-01", "SCL-SUB-01", "SCL-PAY-01", "SCL-EXIT-01"}, "-E"},
		{"pilot with a fee", "TPL-PILOT", map[string]any{"pilot_fee_cad": "15000"}, []string{"SCL-PAY-01"}, nil, "C"},
		{"challenge without pilot", "TPL-CHALLENGE", map[string]any{"has_pilot": false},
			[]string{"SCL-PAY-02"}, []string{"SCL-PILOT-01", "SCL-PILOT-05"}, "-C"},
		{"grant with pilot", "TPL-GRANT", map[string]any{"has_pilot": true}, []string{"SCL-FUND-01", "SCL-PILOT-03"}, nil, "D"},
		{"sole source without personal info", "TPL-SOLE", map[string]any{"processes_personal_info": false},
			[]string{"SCL-AUDIT-01"}, []string{"SCL-PRIV-01"}, "-D"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := baseInput(tt.key, "ON", clauses.EN)
			for k, v := range tt.vars {
				in.Variables[k] = v
			}
			c := mustAssemble(t, in, lib)
			for _, k := range tt.has {
				if _, ok := c.Clause(k); !ok {
					t.Errorf("lacks %s", k)
				}
			}
			for _, k := range tt.lacks {
				if _, ok := c.Clause(k); ok {
					t.Errorf("has %s", k)
				}
			}
			label, want := strings.TrimPrefix(tt.schedule, "-"), !strings.HasPrefix(tt.schedule, "-")
			got := slices.ContainsFunc(c.Schedules, func(s Schedule) bool { return s.Label == label })
			if got != want {
				t.Errorf("schedule %s present = %v, want %v", label, got, want)
			}
		})
	}
}

func TestAssembleQuebec(t *testing.T) {
	lib := mustFixtureLibrary(t)
	tests := []struct {
		name    string
		langs   []clauses.Lang
		pos     map[string]string
		path    string
		message string
	}{
		{"english only is refused", []clauses.Lang{clauses.EN}, nil, "languages", "must be drawn up in French"},
		{"liability position D is refused", []clauses.Lang{clauses.FR}, map[string]string{"SCL-LOL-01": "D"},
			"positions.SCL-LOL-01", "Code civil du Québec, art. 1474"},
		{"english-only language position is refused", []clauses.Lang{clauses.FR, clauses.EN}, map[string]string{"SCL-LANG-01": "D"},
			"positions.SCL-LANG-01", "Charter of the French Language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := baseInput("TPL-RFP", "QC", tt.langs...)
			for k, v := range tt.pos {
				in.Positions[k] = v
			}
			_, err := Assemble(in, lib, testNow, sequentialIDs())
			assertField(t, err, tt.path, tt.message)
		})
	}
	c := mustAssemble(t, baseInput("TPL-RFP", "QC", clauses.FR), lib)
	if c.LegalSystem != CivilLaw || c.Prevailing != clauses.FR {
		t.Errorf("legal system %s, prevailing %q", c.LegalSystem, c.Prevailing)
	}
	law, _ := c.Clause("SCL-LAW-01")
	if !strings.Contains(law.Text.FR, "les lois de Québec") || !strings.Contains(law.Text.FR, "les tribunaux compétents du Québec siégeant à Port-Royal") {
		t.Errorf("jurisdiction text not substituted: %q", law.Text.FR)
	}
}

func assertField(t *testing.T, err error, path, message string) {
	t.Helper()
	e, ok := apperr.As(err)
	if !ok || e.Kind != apperr.Invalid {
		t.Fatalf("error = %v, want Invalid", err)
	}
	for _, f := range e.Fields {
		if f.Path == path && strings.Contains(f.Message, message) {
			return
		}
	}
	t.Errorf("no field %s containing %q in %v", path, message, e.Fields)
}

func TestAssembleReportsEveryProblemAtOnce(t *testing.T) {
	lib := mustFixtureLibrary(t)
	in := baseInput("TPL-RFP", "QC", clauses.EN, clauses.EN)
	in.ProcurementRef = ""
	in.Parties = []Party{{Role: RoleCity, Name: "Ville de Saint-Laurent-des-Rives", Signatories: []Signatory{{Name: "Luc Gagnon"}}}}
	in.Variables = map[string]any{
		"contract_value_cad":      "12.345",
		"processes_personal_info": "yes",
		"notice_days":             0,
		"months":                  "twelve",
		"privacy_statute":         "My Act",
		"SCL-LOL-01.nope":         1,
		"colour":                  "blue",
	}
	in.Positions = map[string]string{"SCL-LOL-01": "D", "SCL-IP-01": "Z", "SCL-FUND-01": "A"}
	_, err := Assemble(in, lib, testNow, sequentialIDs())
	got := mustFieldPaths(t, err)
	want := []string{
		"languages", "languages[1]", "parties[0].address", "parties[0].signatories[0].title",
		"parties[0].signatories[0].authority_ref", "parties", "procurement_ref",
		"variables.contract_value_cad", "variables.processes_personal_info",
		"positions.SCL-IP-01", "positions.SCL-LOL-01", "variables.notice_days", "variables.months", "variables.venue",
		"variables.SCL-LOL-01.nope", "variables.colour", "variables.privacy_statute", "positions.SCL-FUND-01",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(slices.Compact(got), want) {
		t.Errorf("paths:\n got %q\nwant %q", got, want)
	}
	assertField(t, err, "variables.notice_days", "must be at least 1")
	assertField(t, err, "variables.venue", "is required (SCL-LAW-01 v1 position A)")
	assertField(t, err, "variables.colour", "unknown variable")
	assertField(t, err, "variables.privacy_statute", "jurisdiction pack")
	assertField(t, err, "positions.SCL-IP-01", `position "Z" is not offered by SCL-IP-01 v1 (offered: A, B, C, D, O)`)
}

func TestAssembleUnknownTemplateAndProvince(t *testing.T) {
	in := baseInput("TPL-NOPE", "XX", clauses.EN)
	_, err := Assemble(in, mustFixtureLibrary(t), testNow, sequentialIDs())
	assertField(t, err, "template", "unknown template TPL-NOPE")
	assertField(t, err, "province", `"XX" is not a Canadian province`)
}

func TestAssembleMissingClauseVersion(t *testing.T) {
	lib := mustFixtureLibrary(t)
	delete(lib.versions, "SCL-EXIT-01")
	delete(lib.versions, "SCL-ALGO-01") // excluded by its condition: not a problem
	_, err := Assemble(baseInput("TPL-RFP", "ON", clauses.EN), lib, testNow, sequentialIDs())
	if got := mustFieldPaths(t, err); !slices.Equal(got, []string{"clauses.SCL-EXIT-01"}) {
		t.Errorf("paths = %q", got)
	}
}

// failingLibrary fails as a store that is down does.
type failingLibrary struct{}

func (failingLibrary) Version(string, int) (clauses.Version, error) {
	return clauses.Version{}, apperr.New(apperr.Unavailable, "store down")
}

func TestAssembleLibraryUnavailable(t *testing.T) {
	in := baseInput("TPL-RFP", "ON", clauses.EN)
	in.Variables["colour"] = "blue" // an input problem does not hide the outage
	_, err := Assemble(in, failingLibrary{}, testNow, sequentialIDs())
	if !apperr.Is(err, apperr.Unavailable) {
		t.Fatalf("error = %v, want Unavailable", err)
	}
}

// TestClauseTextOnBareAssembler resolves one clause on an assembler built
// field by field, as code outside Assemble does, without a panic.
func TestClauseTextOnBareAssembler(t *testing.T) {
	lib := mustFixtureLibrary(t)
	ver, _ := lib.Version("SCL-IP-01", 0)
	pos, _ := ver.Position("B")
	a := &assembler{in: Input{Province: "ON", Languages: []clauses.Lang{clauses.EN}}}
	a.loadPack()
	text, ok := a.clauseText(ver.Key, &ver, pos)
	if !ok || !strings.Contains(text.EN, "city_agencies") || !strings.Contains(text.EN, "{{ref:SCL-IP-05}}") {
		t.Errorf("clauseText = %q, %v", text.EN, ok)
	}
}
