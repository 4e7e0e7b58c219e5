package server_test

import (
	"strings"
	"testing"
)

// TestCompetitiveRoundInFrench is journey 2: one French RFP assembled for
// two shortlisted vendors from the same inputs; each vendor sees only its
// own contract; the city sees both redlines side by side; a Québec-invalid
// liability position is refused with its reason.
func TestCompetitiveRoundInFrench(t *testing.T) {
	e := mustEnv(t)
	ref, mine, theirs := mustQuebecRound(t, e)
	if r := e.do("vendor", "GET", "/api/v1/contracts/"+theirs, nil); r.Status != 404 {
		t.Fatalf("vendor reading the rival's contract: %d", r.Status)
	}
	list := e.do("vendor", "GET", "/api/v1/contracts", nil)
	if !strings.Contains(string(list.Body), mine) || strings.Contains(string(list.Body), theirs) {
		t.Fatalf("vendor's list: %s", truncate(list.Body))
	}

	propose := func(caller, id string, amendment map[string]any) response {
		return e.do(caller, "POST", "/api/v1/contracts/"+id+"/redlines", map[string]any{"base": 2, "rationale": "Proportionnalité.", "amendments": []map[string]any{amendment}})
	}
	r := propose("vendor", mine, map[string]any{"clause_id": "scl-lol-01", "kind": "position", "position": "D"})
	if r.Status != 400 || !strings.Contains(string(r.Body), "1474") {
		t.Fatalf("Québec-invalid liability position: %d %s; want 400 citing CCQ art. 1474", r.Status, truncate(r.Body))
	}
	if r := propose("vendor", mine, map[string]any{"clause_id": "scl-lol-01", "kind": "variables", "variables": map[string]any{"cap_multiple": 1.5}}); r.Status != 201 {
		t.Fatalf("vendor redline: %d %s", r.Status, truncate(r.Body))
	}
	if r := propose("rival_vendor", theirs, map[string]any{"clause_id": "scl-ins-01", "kind": "variables", "variables": map[string]any{"cgl_amount": "3000000"}}); r.Status != 201 {
		t.Fatalf("rival redline: %d %s", r.Status, truncate(r.Body))
	}
	cmp := e.do("legal", "GET", "/api/v1/rounds/"+ref, nil)
	if cmp.Status != 200 {
		t.Fatalf("compare: %d %s", cmp.Status, truncate(cmp.Body))
	}
	var view struct {
		Columns []struct {
			ContractID string `json:"contract_id"`
		}
		Rows []struct {
			ClauseID string `json:"clause_id"`
			Cells    []struct{ Status string }
		}
	}
	mustDecode(t, cmp.Body, &view)
	status := map[string][]string{}
	for _, row := range view.Rows {
		for _, c := range row.Cells {
			status[row.ClauseID] = append(status[row.ClauseID], c.Status)
		}
	}
	if len(view.Columns) != 2 || strings.Join(status["scl-lol-01"], ",") != "proposed,open" || strings.Join(status["scl-ins-01"], ",") != "open,proposed" {
		t.Fatalf("side by side: columns %d, lol %v, ins %v", len(view.Columns), status["scl-lol-01"], status["scl-ins-01"])
	}
	if r := e.do("vendor", "GET", "/api/v1/rounds/"+ref, nil); r.Status != 403 {
		t.Fatalf("a vendor reached the round comparison: %d", r.Status)
	}
}
