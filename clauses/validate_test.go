package clauses

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func validClause() Clause {
	return Clause{Key: "SCL-LOL-01", Category: "liability", Title: Text{"Limitation of Liability", "Limitation de responsabilité"}}
}

func validVersion() Version {
	return Version{
		Key: "SCL-LOL-01", N: 1, Effective: "2026-01-15",
		Guidance:   Text{"Cap the vendor's liability.", "Plafonner la responsabilité."},
		Provenance: Provenance{Source: "civicpact", Licence: "CC-BY-4.0"},
		DraftedBy:  "library", DraftedAt: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC),
		RouteDefaults: map[Route]string{RouteRFP: "A", RoutePilot: "B"},
		Variables: []Variable{
			{Name: "cap_multiple", Type: TypeDecimal, Label: Text{"Cap", "Plafond"}, Default: 2.0, Bounds: Range{Min: ptr(1), Max: ptr(5)}},
			{Name: "privacy_statute", Type: TypeString, Source: SourceJurisdiction},
		},
		Positions: []Position{
			{ID: "A", Label: Text{"No cap", "Aucun plafond"}, Stance: StancePreferred,
				Body: Text{"Liability is unlimited under {{privacy_statute}}.", "La responsabilité est illimitée en vertu de la {{privacy_statute}}."}},
			{ID: "B", Label: Text{"Cap", "Plafond"}, Stance: StanceFallback,
				Body: Text{"Capped at {{cap_multiple}} times the fees; see {{ref:SCL-IND-01}}.", "Plafonnée à {{cap_multiple}} fois les honoraires; voir {{ref:SCL-IND-01}}."}},
		},
	}
}

func TestValidateVersionValid(t *testing.T) {
	if l := ValidateVersion(validClause(), validVersion()); len(l) != 0 {
		t.Fatalf("valid version rejected: %v", l)
	}
	if got := VersionRefs(validVersion()); !reflect.DeepEqual(got, []string{"SCL-IND-01"}) {
		t.Errorf("VersionRefs = %v", got)
	}
}

func TestValidateVersionProblems(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Clause, v *Version)
		path   string
		msg    string
	}{
		{"key", func(c *Clause, v *Version) { c.Key, v.Key = "SCL-lol-1", "SCL-lol-1" }, "key", "not a clause key"},
		{"key mismatch", func(c *Clause, v *Version) { v.Key = "SCL-LOL-02" }, "key", "not the clause's key"},
		{"category", func(c *Clause, v *Version) { c.Category = "misc" }, "category", "unknown category"},
		{"title fr", func(c *Clause, v *Version) { c.Title.FR = " " }, "title.fr", "required"},
		{"effective", func(c *Clause, v *Version) { v.Effective = "15/01/2026" }, "effective", "YYYY-MM-DD"},
		{"guidance", func(c *Clause, v *Version) { v.Guidance.EN = "" }, "guidance.en", "required"},
		{"guidance one line", func(c *Clause, v *Version) { v.Guidance.FR = "a\nb" }, "guidance.fr", "one line"},
		{"change note v2", func(c *Clause, v *Version) { v.N = 2 }, "change_note.en", "required"},
		{"licence", func(c *Clause, v *Version) { v.Provenance.Licence = "" }, "provenance.licence", "required"},
		{"no positions", func(c *Clause, v *Version) { v.Positions = nil; v.Variables = nil; v.RouteDefaults = nil }, "positions", "at least one"},
		{"bad id", func(c *Clause, v *Version) { v.Positions[1].ID = "E"; v.RouteDefaults = nil }, "positions[1].id", "not a position ID"},
		{"duplicate id", func(c *Clause, v *Version) { v.Positions[1].ID = "A"; v.RouteDefaults = nil }, "positions[1].id", "listed twice"},
		{"stance", func(c *Clause, v *Version) { v.Positions[0].Stance = "maybe" }, "positions[0].stance", "preferred, fallback or walk_away"},
		{"label", func(c *Clause, v *Version) { v.Positions[0].Label.FR = "" }, "positions[0].label.fr", "required"},
		{"rationale half", func(c *Clause, v *Version) { v.Positions[0].Rationale.EN = "why" }, "positions[0].rationale.fr", "required"},
		{"empty text", func(c *Clause, v *Version) { v.Positions[0].Body.FR = "" }, "positions[0].text.fr", "required"},
		{"markup", func(c *Clause, v *Version) { v.Positions[0].Body.EN = "ok\n\n(b) x {{privacy_statute}}" }, "positions[0].text.en", "line 3, column 1: "},
		{"undeclared", func(c *Clause, v *Version) {
			v.Positions[0].Body.EN += " {{fee}}"
			v.Positions[0].Body.FR += " {{fee}}"
		}, "positions[0].text.en", "{{fee}} is not declared"},
		{"fr lacks var", func(c *Clause, v *Version) { v.Positions[1].Body.FR = "Plafonnée; voir {{ref:SCL-IND-01}}." }, "positions[1].text.fr", "English text uses variable {{cap_multiple}}"},
		{"fr lacks ref", func(c *Clause, v *Version) { v.Positions[1].Body.FR = "Plafonnée à {{cap_multiple}}." }, "positions[1].text.fr", "cross-reference {{ref:SCL-IND-01}}"},
		{"unused", func(c *Clause, v *Version) { v.Positions[1].Body = v.Positions[0].Body }, "variables[0].name", "no position's text uses {{cap_multiple}}"},
		{"route", func(c *Clause, v *Version) { v.RouteDefaults["tender"] = "A" }, "route_defaults.tender", "unknown route"},
		{"route position", func(c *Clause, v *Version) { v.RouteDefaults[RouteGrant] = "D" }, "route_defaults.grant", `position "D"`},
		{"var name", func(c *Clause, v *Version) { v.Variables[0].Name = "CapMultiple" }, "variables[0].name", "snake_case"},
		{"var twice", func(c *Clause, v *Version) { v.Variables = append(v.Variables, v.Variables[0]) }, "variables[2].name", "declared twice"},
		{"var type", func(c *Clause, v *Version) { v.Variables[0].Type = "float" }, "variables[0].type", "unknown type"},
		{"default", func(c *Clause, v *Version) { v.Variables[0].Default = 7 }, "variables[0].default", "at most 5"},
		{"default type", func(c *Clause, v *Version) { v.Variables[0].Default = "two" }, "variables[0].default", "at most 4 decimals"},
		{"label var", func(c *Clause, v *Version) { v.Variables[0].Label.EN = "" }, "variables[0].label.en", "required"},
		{"jurisdiction source", func(c *Clause, v *Version) { v.Variables[1].Source = "" }, "variables[1].source", "source: jurisdiction"},
		{"not jurisdiction", func(c *Clause, v *Version) { v.Variables[0].Source = SourceJurisdiction }, "variables[0].source", "not a jurisdiction variable"},
		{"enum without values", func(c *Clause, v *Version) { v.Variables[0].Type, v.Variables[0].Default = TypeEnum, nil }, "variables[0].values", "at least one value"},
		{"values on non-enum", func(c *Clause, v *Version) { v.Variables[0].Values = []string{"x"} }, "variables[0].values", "only an enum"},
		{"min above max", func(c *Clause, v *Version) { v.Variables[0].Fallback = &Range{Min: ptr(3), Max: ptr(2)} }, "variables[0].fallback", "above the maximum"},
		{"range on string", func(c *Clause, v *Version) { v.Variables[1].Preferred = &Range{Min: ptr(1)} }, "variables[1].preferred", "only integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, v := validClause(), validVersion()
			tt.change(&c, &v)
			l := ValidateVersion(c, v)
			for _, f := range l {
				if f.Path == tt.path && strings.Contains(f.Message, tt.msg) {
					return
				}
			}
			t.Errorf("want %s: …%s…, got %v", tt.path, tt.msg, l)
		})
	}
}

func TestValidateVersionReportsAll(t *testing.T) {
	c, v := validClause(), validVersion()
	c.Category = "misc"
	v.Effective = ""
	v.Positions[0].Stance = ""
	v.Variables[0].Default = 9
	if l := ValidateVersion(c, v); len(l) != 4 {
		t.Errorf("want 4 problems at once, got %d: %v", len(l), l)
	}
}

func TestValidNames(t *testing.T) {
	keys := map[string]bool{"SCL-IP-01": true, "SCL-ABCDEFGH-99": true, "SCL-ABCDEFGHI-01": false, "SCL-I-01": false,
		"SCL-IP-1": false, "scl-IP-01": false, "SCL-IP-01x": false, "SCL-I1-01": false}
	for k, want := range keys {
		if ValidKey(k) != want {
			t.Errorf("ValidKey(%q) = %v", k, !want)
		}
	}
	names := map[string]bool{"cap": true, "cap_multiple2": true, "Cap": false, "_cap": false, "cap_": false, "cap__x": false, "2cap": false, "": false}
	for n, want := range names {
		if ValidVarName(n) != want {
			t.Errorf("ValidVarName(%q) = %v", n, !want)
		}
	}
}
