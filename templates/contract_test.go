package templates

import (
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/clauses"
)

func TestFingerprint(t *testing.T) {
	lib := mustFixtureLibrary(t)
	in := baseInput("TPL-PILOT", "ON", clauses.EN, clauses.FR)
	first := mustAssemble(t, in, lib)
	// Another ID, another clock: the same input gives the same fingerprint.
	again, err := Assemble(in, lib, testNow.Add(48*time.Hour), func() string { return "ctr_other" })
	if err != nil {
		t.Fatal(err)
	}
	if again.ID == first.ID || again.Fingerprint != first.Fingerprint {
		t.Errorf("ids %s %s, fingerprints %s %s", first.ID, again.ID, first.Fingerprint, again.Fingerprint)
	}
	changes := map[string]func(*Input){
		"vendor":   func(in *Input) { in.Parties[1].Name = "Northwind Civic Systems" },
		"value":    func(in *Input) { in.Variables["months"] = 6 },
		"position": func(in *Input) { in.Positions["SCL-LOL-01"] = "B" },
		"language": func(in *Input) { in.Languages = []clauses.Lang{clauses.EN} },
		"ref":      func(in *Input) { in.ProcurementRef = "PR-2026-015" },
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			other := baseInput("TPL-PILOT", "ON", clauses.EN, clauses.FR)
			change(&other)
			if c := mustAssemble(t, other, lib); c.Fingerprint == first.Fingerprint {
				t.Errorf("changing the %s kept the fingerprint", name)
			}
		})
	}
	edited := *first
	edited.Articles = append([]Article(nil), first.Articles...)
	edited.Articles[0].Clauses = append([]Instance(nil), first.Articles[0].Clauses...)
	edited.Articles[0].Clauses[0].Text.EN += " Edited."
	if Fingerprint(&edited) == first.Fingerprint {
		t.Error("editing a clause text kept the fingerprint")
	}
}

func TestRefLabel(t *testing.T) {
	c := mustAssemble(t, baseInput("TPL-RFP", "ON", clauses.EN, clauses.FR), mustFixtureLibrary(t))
	ip, _ := c.Clause("SCL-IP-01")
	if !strings.Contains(ip.Text.EN, "{{ref:SCL-IP-05}}") {
		t.Fatalf("cross-reference not kept for rendering: %q", ip.Text.EN)
	}
	moral, ok := c.Clause("SCL-IP-05")
	if !ok {
		t.Fatal("no SCL-IP-05")
	}
	tests := []struct {
		key  string
		lang clauses.Lang
		want string
		ok   bool
	}{
		{"SCL-IP-05", clauses.EN, "section " + moral.Number, true},
		{"SCL-IP-05", clauses.FR, "article " + moral.Number, true},
		{"SCL-FUND-01", clauses.EN, "", false},
	}
	for _, tt := range tests {
		got, ok := c.RefLabel(tt.key, tt.lang)
		if got != tt.want || ok != tt.ok {
			t.Errorf("RefLabel(%s, %s) = %q, %v; want %q, %v", tt.key, tt.lang, got, ok, tt.want, tt.ok)
		}
	}
	if !strings.HasPrefix(moral.Number, "5.") {
		t.Errorf("SCL-IP-05 numbered %s, want in article 5 (Intellectual Property)", moral.Number)
	}
}

func TestAssembleRound(t *testing.T) {
	lib := mustFixtureLibrary(t)
	in := baseInput("TPL-RFP", "QC", clauses.FR)
	vendors := []Party{vendor("Northwind Civic Systems"), vendor("Lumière Analytique")}
	cs, err := AssembleRound(in, vendors, lib, testNow, sequentialIDs())
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Fingerprint == cs[1].Fingerprint || cs[0].ID == cs[1].ID {
		t.Fatalf("round gave %d contracts with fingerprints that must differ", len(cs))
	}
	for i, c := range cs {
		p, _ := party(c.Parties, RoleVendor)
		if p.Name != vendors[i].Name || len(c.Parties) != 2 || c.Variables["vendor_name"].Canonical() != vendors[i].Name {
			t.Errorf("contract %d: vendor %q", i, p.Name)
		}
		if !strings.Contains(c.Recitals[1].FR, vendors[i].Name) {
			t.Errorf("contract %d recital: %q", i, c.Recitals[1].FR)
		}
	}
}

func TestAssembleVariables(t *testing.T) {
	lib := mustFixtureLibrary(t)
	in := baseInput("TPL-RFP", "ON", clauses.EN)
	in.Variables["notice_days"] = 45
	in.Variables["SCL-SUB-01.notice_days"] = 10
	in.Variables["cap_multiple"] = "1.5" // inside fallback, outside preferred
	c := mustAssemble(t, in, lib)
	sub, _ := c.Clause("SCL-SUB-01")
	audit, _ := c.Clause("SCL-AUDIT-01")
	if !strings.Contains(sub.Text.EN, "within 10 days") || !strings.Contains(audit.Text.EN, "within 45 days") {
		t.Errorf("qualified override not applied: %q / %q", sub.Text.EN, audit.Text.EN)
	}
	if c.Variables["SCL-SUB-01.notice_days"].Canonical() != "10" || c.Variables["notice_days"].Canonical() != "45" {
		t.Errorf("variables: %v", c.Variables)
	}
	lol, _ := c.Clause("SCL-LOL-01")
	if !strings.Contains(lol.Text.EN, "1.5 times the fees, but not less than $1,000,000") {
		t.Errorf("LOL text: %q", lol.Text.EN)
	}
	assertWarning(t, c, "fallback_value", false)

	in.Variables["cap_multiple"] = "0.7" // outside fallback
	assertWarning(t, mustAssemble(t, in, lib), "walk_away_value", true)
}

func assertWarning(t *testing.T, c *Contract, code string, signOff bool) {
	t.Helper()
	for _, w := range c.Warnings {
		if w.Code == code && w.SignOff == signOff && w.Message.EN != "" && w.Message.FR != "" {
			return
		}
	}
	t.Errorf("no %s warning (sign-off %v) in %+v", code, signOff, c.Warnings)
}

func TestAssembleWarnings(t *testing.T) {
	lib := mustFixtureLibrary(t)
	pilot := baseInput("TPL-PILOT", "ON", clauses.EN)
	pilot.Positions["SCL-PILOT-05"] = "D"
	pilot.Variables["contract_value_cad"] = "400000"
	c := mustAssemble(t, pilot, lib)
	assertWarning(t, c, "position_rule", true)           // city commits to buy
	assertWarning(t, c, "walk_away_position", true)      // the playbook stance of D
	assertWarning(t, c, "scale_up_over_threshold", true) // over the CFTA threshold
	assertWarning(t, c, "pilot_over_threshold", true)

	sole := baseInput("TPL-SOLE", "QC", clauses.FR)
	sole.Variables["contract_value_cad"] = "150000"
	c = mustAssemble(t, sole, lib)
	assertWarning(t, c, "sole_source_over_threshold", true)
	assertWarning(t, c, "qc_public_tender_required", true)
	assertWarning(t, c, "position_rule", false) // Prelco warning on the QC liability cap

	ab := mustAssemble(t, baseInput("TPL-RFP", "AB", clauses.EN), lib)
	assertWarning(t, ab, "jurisdiction_unverified", false)
}
