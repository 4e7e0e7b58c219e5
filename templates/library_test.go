package templates

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

// fixtureLibrary is a Library over the small fixture versions in
// testdata/library.json (one version 1 per clause key the built-in
// templates use), plus optional templates for TemplateSource.
type fixtureLibrary struct {
	versions  map[string]clauses.Version
	templates map[string]*Template
}

func mustFixtureLibrary(t testing.TB) *fixtureLibrary {
	t.Helper()
	raw, err := os.ReadFile("testdata/library.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs []clauses.Version
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatal(err)
	}
	lib := &fixtureLibrary{versions: map[string]clauses.Version{}}
	for _, v := range vs {
		lib.versions[v.Key] = v
	}
	return lib
}

func (l *fixtureLibrary) Version(key string, n int) (clauses.Version, error) {
	v, ok := l.versions[key]
	if !ok || (n != 0 && n != v.N) {
		return clauses.Version{}, apperr.New(apperr.NotFound, "no clause %s version %d", key, n)
	}
	return v, nil
}

// templateLibrary adds stored templates to a fixture library.
type templateLibrary struct{ *fixtureLibrary }

func (l templateLibrary) Template(key string, n int) (*Template, error) {
	t, ok := l.templates[key]
	if !ok || (n != 0 && n != t.Version) {
		return nil, apperr.New(apperr.NotFound, "no template %s", key)
	}
	return t, nil
}

// sequentialIDs returns an ID generator: ctr_1, ctr_2 …
func sequentialIDs() func() string {
	n := 0
	return func() string {
		n++
		return "ctr_" + strconv.Itoa(n)
	}
}

var testNow = time.Date(2026, 3, 2, 15, 4, 5, 0, time.UTC)

func city() Party {
	return Party{Role: RoleCity, Name: "City of Port-Royal", Address: "1 City Hall Square, Port-Royal ON",
		Signatories: []Signatory{{Name: "Amira Haddad", Title: "City Solicitor", AuthorityRef: "By-law 2024-117, s. 12"}}}
}

func vendor(name string) Party {
	return Party{Role: RoleVendor, Name: name, Address: "200 King Street, Port-Royal ON",
		Signatories: []Signatory{{Name: "Jordan Okafor", Title: "Chief Executive Officer"}}}
}

// baseInput is a valid input for a built-in template.
func baseInput(key, province string, langs ...clauses.Lang) Input {
	vars := map[string]any{"contract_value_cad": "90000", "venue": "Port-Royal"}
	switch key {
	case "TPL-GRANT":
		vars["funder"] = "Infrastructure Canada"
	case "TPL-SOLE":
		vars["sole_source_justification"] = "Only the vendor holds the rights to the installed sensor firmware."
		vars["trade_exception"] = "exclusive_rights"
	}
	return Input{
		Template: Ref{Key: key, Version: 1}, Province: province, Languages: langs,
		ProcurementRef: "PR-2026-014", Parties: []Party{city(), vendor("Curbside Labs Inc.")},
		Variables: vars, Positions: map[string]string{},
	}
}

func mustAssemble(t testing.TB, in Input, lib Library) *Contract {
	t.Helper()
	c, err := Assemble(in, lib, testNow, sequentialIDs())
	if err != nil {
		t.Fatalf("Assemble(%s, %s, %v): %v", in.Template.Key, in.Province, in.Languages, err)
	}
	return c
}
