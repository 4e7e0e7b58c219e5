package server_test

import (
	"context"
	"fmt"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/library"
	"github.com/civicpact/civicpact/negotiation"
)

// mustContractWebEnv is a web test server over the starter library with
// the negotiation service, for the contract pages.
func mustContractWebEnv(t *testing.T) *webEnv {
	t.Helper()
	return buildWebEnv(t, func(lib *clauses.Library) *negotiation.Service {
		files, err := library.ReadDir(library.Starter())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := lib.Import(context.Background(), library.ImportItems(files)); err != nil {
			t.Fatal(err)
		}
		var ids atomic.Int64
		return &negotiation.Service{Log: lib.Log, Library: lib, Now: lib.Now, NewID: func(p string) string { return fmt.Sprintf("%s_%d", p, ids.Add(1)) }}
	})
}

// actor is role's user as the negotiation records them.
func (e *webEnv) actor(role identity.Role) negotiation.Actor {
	e.t.Helper()
	u := e.users[role]
	org, err := e.dir.Org(context.Background(), u.OrgID)
	if err != nil {
		e.t.Fatal(err)
	}
	side := negotiation.Vendor
	if org.Kind == identity.OrgMunicipality {
		side = negotiation.City
	}
	return negotiation.Actor{UserID: u.ID, Name: u.Name, OrgID: org.ID, Org: org.Name, Side: side, Role: string(role)}
}

// mustOpenPilot assembles journey 1's pilot for the vendor and opens it.
func (e *webEnv) mustOpenPilot() *negotiation.State {
	e.t.Helper()
	ctx := context.Background()
	st, err := e.contracts.Assemble(ctx, testenv.PilotInput(), e.actor(identity.RoleLegal), e.vendor.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if st, err = e.contracts.Open(ctx, st.Contract.ID, e.actor(identity.RoleLegal)); err != nil {
		e.t.Fatal(err)
	}
	return st
}

// pilotForm is the assembly form filled with journey 1's pilot, as a
// browser would post it (fields left out keep their defaults).
func (e *webEnv) pilotForm(csrf, action string) url.Values {
	in := testenv.PilotInput()
	f := url.Values{"csrf": {csrf}, "action": {action}, "template": {in.Template.Key}, "province": {in.Province},
		"procurement_ref": {in.ProcurementRef}, "languages": {"en"}, "vendor_org_id": {e.vendor.ID}}
	for name, v := range in.Variables {
		f.Set("variables."+name, fmt.Sprint(v))
	}
	for i, p := range in.Parties {
		pre := fmt.Sprintf("parties[%d].", i)
		f.Set(pre+"name", p.Name)
		f.Set(pre+"address", p.Address)
		for j, s := range p.Signatories {
			sp := fmt.Sprintf("%ssignatories[%d].", pre, j)
			f.Set(sp+"name", s.Name)
			f.Set(sp+"title", s.Title)
			f.Set(sp+"authority_ref", s.AuthorityRef)
		}
	}
	return f
}
