package server_test

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/internal/testenv"
)

// mustQuebecRound assembles the French RFP for two shortlisted vendors
// (the vendor's Curbside Labs, then the rival's Northwind) from the same
// inputs through the round API, opens both and returns the procurement
// reference and the two contract IDs in assembly order.
func mustQuebecRound(t *testing.T, e *env) (ref, mine, theirs string) {
	t.Helper()
	in := testenv.RFPQuebecInput()
	party := func(name string) map[string]any {
		return map[string]any{"name": name, "address": "Québec (Québec)", "signatories": []map[string]any{{"name": "Direction", "title": "Président"}}}
	}
	body := map[string]any{"template": in.Template, "province": in.Province, "languages": in.Languages, "procurement_ref": in.ProcurementRef,
		"parties": in.Parties[:1], "variables": in.Variables, "positions": in.Positions,
		"vendors": []map[string]any{{"org_id": e.vendor.ID, "party": party("Curbside Labs inc.")}, {"org_id": e.rival.ID, "party": party("Northwind Civic Systems inc.")}}}
	r := e.do("legal", "POST", "/api/v1/rounds", body)
	if r.Status != 201 {
		t.Fatalf("round: %d %s", r.Status, truncate(r.Body))
	}
	var round struct {
		Contracts []struct{ Contract struct{ ID string } }
	}
	mustDecode(t, r.Body, &round)
	if len(round.Contracts) != 2 {
		t.Fatalf("%d contracts", len(round.Contracts))
	}
	mine, theirs = round.Contracts[0].Contract.ID, round.Contracts[1].Contract.ID
	for _, id := range []string{mine, theirs} {
		if r := e.do("legal", "POST", "/api/v1/contracts/"+id+"/open", nil); r.Status != 200 {
			t.Fatalf("open: %d %s", r.Status, truncate(r.Body))
		}
	}
	return in.ProcurementRef, mine, theirs
}

// mustRedline records one amendment by caller on contract id at revision 2.
func mustRedline(t *testing.T, e *env, caller, id string, amendment map[string]any) {
	t.Helper()
	r := e.do(caller, "POST", "/api/v1/contracts/"+id+"/redlines", map[string]any{"base": 2, "rationale": "Proportionnalité.", "amendments": []map[string]any{amendment}})
	if r.Status != 201 {
		t.Fatalf("%s's redline: %d %s", caller, r.Status, truncate(r.Body))
	}
}

// getIn is GET path as caller with the interface language lang.
func getIn(t *testing.T, e *env, caller, path, lang string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.tokens[caller])
	req.Header.Set("Accept-Language", lang)
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{Status: res.StatusCode, Header: res.Header, Body: raw}
}

// roundCells returns the data cells of the round page's row for a clause.
func roundCells(t *testing.T, page, clause string) []string {
	t.Helper()
	start := strings.Index(page, `<tr id="r-`+clause+`">`)
	if start < 0 {
		t.Fatalf("no row for %s", clause)
	}
	row := page[start : start+strings.Index(page[start:], "</tr>")]
	return strings.Split(row, "<td>")[1:]
}

// TestWebRoundSideBySide: the city sees each vendor's redline in that
// vendor's column, clause by clause, in English or French; vendors never
// reach the page; the contract list and the workspaces link to it.
func TestWebRoundSideBySide(t *testing.T) {
	e := mustEnv(t)
	ref, mine, theirs := mustQuebecRound(t, e)
	lol := e.mustContract("vendor", mine).Clauses["scl-lol-01"].Text.FR
	mustRedline(t, e, "vendor", mine, map[string]any{"clause_id": "scl-lol-01", "kind": "text", "lang": "fr", "text": lol + "\n\nLes parties revoient le plafond de bonne foi chaque année."})
	mustRedline(t, e, "rival_vendor", theirs, map[string]any{"clause_id": "scl-ins-01", "kind": "variables", "variables": map[string]any{"cgl_amount": "3000000"}})

	tests := []struct {
		lang                                    string
		want                                    []string
		proposed, nochange, newValues, colTitle string
	}{
		{"en-CA", []string{"Vendors side by side", "Procurement reference:", "2 vendors", `<th scope="col">Clause</th>`}, "Proposed", "no change", "New values:", "workspace"},
		{"fr-CA", []string{"Prestataires côte à côte", "Référence de l’appel :", "2 prestataires", `<th scope="col">Article</th>`}, "Proposé", "aucune modification", "Nouvelles valeurs :", "espace de négociation"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			r := getIn(t, e, "legal", "/rounds/"+ref, tc.lang)
			if r.Status != 200 {
				t.Fatalf("round page: %d %s", r.Status, truncate(r.Body))
			}
			page := string(r.Body)
			for _, w := range tc.want {
				if !strings.Contains(page, w) {
					t.Errorf("the page lacks %q", w)
				}
			}
			cols := regexp.MustCompile(`<th scope="col" id="v-([^"]+)"><a href="/contracts/([^"?]+)\?lang=fr">([^<]+)<span class="visually-hidden"> — `+tc.colTitle).FindAllStringSubmatch(page, -1)
			if len(cols) != 2 || cols[0][2] != mine || cols[0][3] != "Curbside Labs inc." || cols[1][2] != theirs || cols[1][3] != "Northwind Civic Systems inc." {
				t.Fatalf("columns: %v", cols)
			}
			lol, ins := roundCells(t, page, "scl-lol-01"), roundCells(t, page, "scl-ins-01")
			if len(lol) != 2 || len(ins) != 2 {
				t.Fatalf("cells: %d and %d, want 2 each", len(lol), len(ins))
			}
			checks := []struct {
				name, cell string
				want, not  []string
			}{
				{"vendor on liability", lol[0], []string{"cstatus-proposed", tc.proposed, "<ins>", "Les parties revoient le plafond de bonne foi chaque année.</ins>", "[…]"}, []string{tc.nochange}},
				{"rival on liability", lol[1], []string{"cstatus-open", tc.nochange}, []string{"<ins>", "<del>"}},
				{"vendor on insurance", ins[0], []string{"cstatus-open", tc.nochange}, []string{tc.newValues}},
				{"rival on insurance", ins[1], []string{"cstatus-proposed", tc.newValues, "cgl_amount"}, []string{tc.nochange}},
			}
			for _, c := range checks {
				for _, w := range c.want {
					if !strings.Contains(c.cell, w) {
						t.Errorf("%s: the cell lacks %q: %s", c.name, w, c.cell)
					}
				}
				for _, n := range c.not {
					if strings.Contains(c.cell, n) {
						t.Errorf("%s: the cell shows %q: %s", c.name, n, c.cell)
					}
				}
			}
		})
	}

	for _, caller := range []string{"vendor", "rival_vendor"} {
		if r := e.do(caller, "GET", "/rounds/"+ref, nil); r.Status != 403 || strings.Contains(string(r.Body), "revoient le plafond") {
			t.Errorf("%s reached the round page: %d", caller, r.Status)
		}
	}
	if r := e.do("legal", "GET", "/rounds/NO-SUCH-REF", nil); r.Status != 404 {
		t.Errorf("unknown reference: %d, want 404", r.Status)
	}

	link := `href="/rounds/` + ref
	list := string(getIn(t, e, "legal", "/contracts", "fr-CA").Body)
	if !strings.Contains(list, link+`">Comparer les prestataires côte à côte`) || !strings.Contains(list, `<th scope="rowgroup" colspan="5">Appel `+ref) {
		t.Errorf("the city's contract list does not group the round and link to it")
	}
	if strings.Contains(string(e.do("vendor", "GET", "/contracts", nil).Body), link) {
		t.Errorf("the vendor's contract list links to the round")
	}
	for _, id := range []string{mine, theirs} {
		if !strings.Contains(string(e.do("legal", "GET", "/contracts/"+id, nil).Body), link+"?lang=fr") {
			t.Errorf("the city's workspace of %s does not link to the round", id)
		}
	}
	if strings.Contains(string(e.do("vendor", "GET", "/contracts/"+mine, nil).Body), link) {
		t.Errorf("the vendor's workspace links to the round")
	}
}
