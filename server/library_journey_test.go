package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
)

// TestLibraryChangeJourney is journey 3: a statute changes; the library
// editor drafts version 2 of the data-residency clause with a change note;
// the approver approves; the upgrade-impact list shows the three drafts
// that pin version 1; two are upgraded (recorded), one keeps version 1 with
// a rationale; a finalised contract never moves.
func TestLibraryChangeJourney(t *testing.T) {
	e := mustEnv(t)
	ctx := context.Background()
	legal := e.actor("legal")
	var drafts []string
	for i := 0; i < 3; i++ {
		st, err := e.contracts.Assemble(ctx, testenv.RFPOntarioInput(), legal, e.vendor.ID)
		if err != nil {
			t.Fatal(err)
		}
		drafts = append(drafts, st.Contract.ID)
	}
	final, err := e.contracts.Assemble(ctx, testenv.RFPOntarioInput(), legal, e.vendor.ID)
	if err != nil {
		t.Fatal(err)
	}
	if final, err = e.contracts.Open(ctx, final.Contract.ID, legal); err != nil {
		t.Fatal(err)
	}
	if _, err := e.contracts.Finalize(ctx, final.Contract.ID, legal, final.Revision); err != nil {
		t.Fatal(err)
	}

	v := mustStarterVersion(e, "SCL-DATA-03")
	body := versionBody(v)
	body["change_note"] = clauses.Text{EN: "Reflects the amended provincial privacy statute: storage outside Canada now needs a written assessment.", FR: "Tient compte de la loi provinciale modifiée : l’hébergement hors du Canada exige désormais une évaluation écrite."}
	for i := range v.Positions {
		v.Positions[i].Body.EN += "\n\nBefore any storage outside Canada, the Vendor shall give the City a written assessment of the applicable foreign laws."
		v.Positions[i].Body.FR += "\n\nAvant tout hébergement hors du Canada, le Prestataire remet à la Ville une évaluation écrite des lois étrangères applicables."
	}
	body["positions"] = v.Positions
	if r := e.do("library_editor", "POST", "/api/v1/clauses/SCL-DATA-03/versions", body); r.Status != 201 {
		t.Fatalf("draft v2: %d %s", r.Status, truncate(r.Body))
	}
	if r := e.do("approver", "POST", "/api/v1/clauses/SCL-DATA-03/versions/2/approve", nil); r.Status != 200 {
		t.Fatalf("approve v2: %d %s", r.Status, truncate(r.Body))
	}
	impact := func() []string {
		r := e.do("legal", "GET", "/api/v1/clauses/SCL-DATA-03/impact", nil)
		var out struct {
			Items []struct {
				ContractID  string `json:"contract_id"`
				KeptVersion int    `json:"kept_version"`
			}
		}
		mustDecode(t, r.Body, &out)
		var ids []string
		for _, it := range out.Items {
			if it.KeptVersion == 0 {
				ids = append(ids, it.ContractID)
			}
		}
		return ids
	}
	if got := impact(); len(got) != 3 || strings.Contains(strings.Join(got, ","), final.Contract.ID) {
		t.Fatalf("impact = %v; want exactly the three drafts %v", got, drafts)
	}
	for _, id := range drafts[:2] {
		if r := e.do("legal", "POST", "/api/v1/contracts/"+id+"/upgrade", map[string]any{"clause_ids": []string{"scl-data-03"}, "rationale": "Statute amended."}); r.Status != 200 {
			t.Fatalf("upgrade %s: %d %s", id, r.Status, truncate(r.Body))
		}
	}
	if r := e.do("legal", "POST", "/api/v1/contracts/"+drafts[2]+"/upgrade", map[string]any{"clause_ids": []string{"scl-data-03"}, "keep": true, "rationale": "Tender closed under version 1; bidders priced it."}); r.Status != 200 {
		t.Fatalf("keep: %d %s", r.Status, truncate(r.Body))
	}
	if got := impact(); len(got) != 0 {
		t.Fatalf("after upgrading and keeping, impact still lists %v", got)
	}
	for i, id := range drafts {
		r := e.do("legal", "GET", "/api/v1/contracts/"+id+"/events", nil)
		if !strings.Contains(string(r.Body), `"type":"upgrade"`) || (i == 2) != strings.Contains(string(r.Body), `"keep":true`) {
			t.Errorf("contract %d history does not record the upgrade decision", i)
		}
	}
	if r := e.do("legal", "POST", "/api/v1/contracts/"+final.Contract.ID+"/upgrade", map[string]any{"clause_ids": []string{"scl-data-03"}, "rationale": "no"}); r.Status != 409 {
		t.Fatalf("upgrading a final contract: %d, want 409", r.Status)
	}
}
