package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// mustPilotRound assembles and opens journey 1's pilot for two vendors
// (Curbside Labs, then Northwind) under one procurement reference, and has
// each vendor append a sentence to a different clause.
func (e *webEnv) mustPilotRound() (ref, mine, theirs string) {
	e.t.Helper()
	ctx := context.Background()
	legal := e.actor(identity.RoleLegal)
	rival := negotiation.Actor{UserID: "usr_rival", Name: "Rowan Hale", OrgID: e.rival.ID, Org: e.rival.Name, Side: negotiation.Vendor, Role: string(identity.RoleVendor)}
	var ids []string
	for i, org := range []identity.Org{e.vendor, e.rival} {
		in := testenv.PilotInput()
		in.Parties = append([]templates.Party(nil), in.Parties...)
		if i == 1 {
			in.Parties[1].Name = "Northwind Civic Systems Inc."
		}
		st, err := e.contracts.Assemble(ctx, in, legal, org.ID)
		if err == nil {
			st, err = e.contracts.Open(ctx, st.Contract.ID, legal)
		}
		if err != nil {
			e.t.Fatal(err)
		}
		ids = append(ids, st.Contract.ID)
	}
	for i, p := range []struct {
		who            negotiation.Actor
		clause, adding string
	}{{e.actor(identity.RoleVendor), "scl-pilot-01", "The Vendor may extend the Pilot once by one month."}, {rival, "scl-pilot-02", "The City gives the Vendor keys to the electrical cabinets."}} {
		st, err := e.contracts.Load(ctx, ids[i])
		if err != nil {
			e.t.Fatal(err)
		}
		am := negotiation.Amendment{ClauseID: p.clause, Kind: negotiation.AmendText, Lang: "en", Text: st.Clauses[p.clause].Text.EN + "\n\n" + p.adding}
		if _, _, err := e.contracts.Propose(ctx, ids[i], p.who, st.Revision, "Proportionate.", []negotiation.Amendment{am}); err != nil {
			e.t.Fatal(err)
		}
	}
	return testenv.PilotInput().ProcurementRef, ids[0], ids[1]
}

// TestBrowserRoundSideBySide: legal goes from the contract list to the
// round page by keyboard and reads each vendor's redline in its column.
func TestBrowserRoundSideBySide(t *testing.T) {
	e := mustContractWebEnv(t)
	ref, mine, theirs := e.mustPilotRound()
	legal := mustTab(t, e, "round")
	legal.open("/signin")
	legal.signIn("legal", webPassword)
	legal.waitLocation("/library")
	legal.open("/contracts")
	legal.mustBeAccessible("contract list with a round")
	legal.shotAt("contract list grouped by round", "tr.group")
	legal.tabTo("/rounds/"+ref, 40)
	legal.mustHaveVisibleFocus()
	legal.run("follow the link", chromedp.KeyEvent(kb.Enter))
	legal.waitLocation("/rounds/" + ref)
	legal.mustBeAccessible("round page")
	legal.screenshot("vendors side by side")
	if got := legal.text("#v-" + mine); !strings.Contains(got, "Curbside Labs Inc.") {
		t.Errorf("first column: %q", got)
	}
	if got := legal.text("#v-" + theirs); !strings.Contains(got, "Northwind Civic Systems Inc.") {
		t.Errorf("second column: %q", got)
	}
	if got := legal.text("#r-scl-pilot-01 td:nth-of-type(1) ins"); !strings.Contains(got, "extend the Pilot once") {
		t.Errorf("the vendor's redline is not in its column: %q", got)
	}
	if got := legal.text("#r-scl-pilot-01 td:nth-of-type(2)"); !strings.Contains(got, "no change") {
		t.Errorf("the rival's cell on the vendor's clause: %q", got)
	}
	if got := legal.text("#r-scl-pilot-02 td:nth-of-type(2) ins"); !strings.Contains(got, "electrical cabinets") {
		t.Errorf("the rival's redline is not in its column: %q", got)
	}
	legal.shotAt("the rival's redline", "#r-scl-pilot-02")
}
