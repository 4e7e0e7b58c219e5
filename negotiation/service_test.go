package negotiation_test

import (
	"context"
	"testing"

	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
)

var (
	amira = negotiation.Actor{UserID: "usr_amira", Name: "Amira Haddad", OrgID: "org_city", Org: "City of Port-Royal", Side: negotiation.City, Role: "legal"}
	sofia = negotiation.Actor{UserID: "usr_sofia", Name: "Sofia Ruiz", OrgID: "org_curbside", Org: "Curbside Labs", Side: negotiation.Vendor, Role: "vendor"}
	marc  = negotiation.Actor{UserID: "usr_marc", Name: "Marc Tremblay", OrgID: "org_city", Org: "City of Port-Royal", Side: negotiation.City, Role: "approver"}
)

func TestAssemblePilotFromStarterLibrary(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	st, err := env.Contracts.Assemble(context.Background(), testenv.PilotInput(), amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Order) < 10 || st.Revision != 1 {
		t.Fatalf("assembled %d clauses at revision %d", len(st.Order), st.Revision)
	}
	for _, id := range st.Order {
		c := st.Clauses[id]
		t.Logf("%s %s %s v%d %s", c.Number, c.ClauseKey, c.Position, c.Version, c.Title.EN)
	}
}
