package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/negotiation"
)

// TestVendorNeverSeesInternals reads every GET route that can return
// contract data as the vendor and checks that no internal comment, sign-off
// note or playbook verdict is in any answer.
func TestVendorNeverSeesInternals(t *testing.T) {
	e := mustEnv(t)
	f := mustFixture(e)
	ctx := context.Background()
	secrets := []string{"INTERNAL-7f3a: our walk-away is $2M", "SIGNOFF-91c2 risk accepted", `"level":"walk_away"`, `"level":"fallback"`, `"level":"custom"`}
	st, err := e.contracts.Load(ctx, f.contract)
	if err != nil {
		t.Fatal(err)
	}
	st, r, err := e.contracts.Propose(ctx, f.contract, e.actor("vendor"), st.Revision, "Insurable for a startup.",
		[]negotiation.Amendment{{ClauseID: "scl-ins-01", Kind: negotiation.AmendVariables, Values: map[string]any{"cgl_amount": "1000000"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.contracts.Comment(ctx, f.contract, e.actor("legal"), negotiation.Comment{ClauseID: "scl-ins-01", Text: secrets[0], Internal: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.contracts.SignOff(ctx, f.contract, e.actor("approver"), negotiation.SignOff{AmendmentID: r.Amendments[0].ID, Note: secrets[1]}); err != nil {
		t.Fatal(err)
	}
	// The city does see them, so the check below is not vacuous.
	if cityView := e.do("legal", "GET", "/api/v1/contracts/"+f.contract, nil); !strings.Contains(string(cityView.Body), secrets[0]) {
		t.Fatal("the city's own view lacks its internal comment")
	}
	checked := 0
	for _, rt := range e.app.Routes() {
		if rt.Method != "GET" || !strings.HasPrefix(rt.Path, "/api/v1/contracts") {
			continue
		}
		path := strings.NewReplacer(":id", f.contract, ":rid", f.redline).Replace(rt.Path)
		res := e.do("vendor", "GET", path, nil)
		checked++
		for _, s := range secrets {
			if strings.Contains(string(res.Body), s) {
				t.Errorf("GET %s as the vendor (status %d) contains %q", rt.Path, res.Status, s)
			}
		}
	}
	if checked < 7 {
		t.Fatalf("only %d contract routes checked", checked)
	}
	// A vendor cannot reply to, or learn of, an internal comment.
	comments := e.do("legal", "GET", "/api/v1/contracts/"+f.contract+"/comments", nil)
	var list struct{ Items []struct{ ID string } }
	mustDecode(t, comments.Body, &list)
	reply := e.do("vendor", "POST", "/api/v1/contracts/"+f.contract+"/comments", map[string]any{"parent_id": list.Items[0].ID, "text": "?"})
	if reply.Status != 400 || strings.Contains(string(reply.Body), "INTERNAL") {
		t.Fatalf("vendor reply to an internal comment: %d %s", reply.Status, reply.Body)
	}
}
