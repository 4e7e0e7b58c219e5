package templates

import (
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

func TestPacksFillEveryVariable(t *testing.T) {
	for _, code := range Provinces() {
		t.Run(code, func(t *testing.T) {
			p, err := PackFor(code)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range clauses.JurisdictionVars {
				v, ok := p.Values[name]
				if !ok || v.Text.EN == "" || v.Text.FR == "" {
					t.Errorf("%s: %+v", name, v)
				}
				if !v.Verified && v.Note == "" {
					t.Errorf("%s is unverified without a note", name)
				}
				if strings.Contains(v.Text.FR, "'") {
					t.Errorf("%s: French uses a straight apostrophe: %q", name, v.Text.FR)
				}
			}
			if len(p.Values) != len(clauses.JurisdictionVars) {
				t.Errorf("%d values, want %d", len(p.Values), len(clauses.JurisdictionVars))
			}
		})
	}
}

func TestPackRules(t *testing.T) {
	qc, _ := PackFor("QC")
	if qc.LegalSystem != CivilLaw || !qc.Requires(clauses.FR) || qc.Prevailing != clauses.FR {
		t.Errorf("QC pack: %s, requires FR %v, prevailing %q", qc.LegalSystem, qc.Requires(clauses.FR), qc.Prevailing)
	}
	on, _ := PackFor("ON")
	if on.LegalSystem != CommonLaw || on.Requires(clauses.FR) || on.Requires(clauses.EN) {
		t.Errorf("ON pack: %+v", on)
	}
	if got := on.Unverified(); len(got) == 0 || strings.Contains(strings.Join(got, ","), "accessibility_law") {
		t.Errorf("ON unverified = %v: IASR is cited [V], MFIPPA is not", got)
	}
}

func TestPackForOtherProvinces(t *testing.T) {
	ns, err := PackFor("NS")
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := ns.Text("province_name", clauses.FR); s != "Nouvelle-Écosse" || ns.Province != "NS" {
		t.Errorf("NS pack: province %s, name %q", ns.Province, s)
	}
	if s, _ := ns.Text("privacy_statute", clauses.EN); !strings.Contains(s, "applies to the City") {
		t.Errorf("NS privacy statute %q, want the generic wording", s)
	}
	// The default pack is rebuilt on each call: NS did not rename CA.
	ca, _ := PackFor("CA")
	if s, _ := ca.Text("province_name", clauses.EN); !strings.Contains(s, "province or territory") {
		t.Errorf("CA province_name = %q", s)
	}
	if _, err := PackFor("XX"); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("PackFor(XX) = %v, want Invalid", err)
	}
}

func TestPositionRules(t *testing.T) {
	tests := []struct {
		key, pos, province string
		want               []Effect
	}{
		{"SCL-LOL-01", "D", "QC", []Effect{EffectBlock}},
		{"SCL-LOL-01", "D", "ON", nil},
		{"SCL-LOL-01", "A", "QC", nil},
		{"SCL-LOL-01", "B", "QC", []Effect{EffectWarn}},
		{"SCL-LANG-01", "C", "QC", []Effect{EffectBlock}},
		{"SCL-LANG-01", "C", "BC", nil},
		{"SCL-PILOT-05", "D", "ON", []Effect{EffectSignOff}},
		{"SCL-PILOT-05", "D", "QC", []Effect{EffectSignOff}},
		{"SCL-PILOT-05", "B", "ON", nil},
	}
	for _, tt := range tests {
		var got []Effect
		for _, r := range rulesFor(tt.key, tt.pos, tt.province) {
			got = append(got, r.Effect)
			if r.Reason.EN == "" || r.Reason.FR == "" || r.Authority == "" {
				t.Errorf("rule %s/%s lacks a bilingual reason or authority", r.ClauseKey, tt.pos)
			}
		}
		if strings.Join(effects(got), ",") != strings.Join(effects(tt.want), ",") {
			t.Errorf("%s/%s in %s: %v, want %v", tt.key, tt.pos, tt.province, got, tt.want)
		}
	}
}

func effects(es []Effect) []string {
	var out []string
	for _, e := range es {
		out = append(out, string(e))
	}
	return out
}
