package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/records"
)

// mustAuditTrail reads the global audit trail from the store, checking its
// chain.
func mustAuditTrail(t *testing.T, log records.Log) []audit.Entry {
	t.Helper()
	entries, b, err := audit.Entries(context.Background(), log)
	if err != nil || b != nil {
		t.Fatalf("audit trail: break %+v, %v", b, err)
	}
	return entries
}

// TestAuditTrailRecordsChanges checks that successful writes, and only
// they, reach the global audit trail with actor, organisation, action and
// object.
func TestAuditTrailRecordsChanges(t *testing.T) {
	e := mustEnv(t)
	f := mustFixture(e)
	legal, vendor := e.actor("legal"), e.actor("vendor")
	steps := []struct {
		caller, method, path string
		body                 any
		status               int
	}{
		{"legal", "GET", "/api/v1/contracts/" + f.contract, nil, 200},
		{"vendor", "POST", "/api/v1/contracts/" + f.contract + "/comments", map[string]any{"text": "See the site plan."}, 201},
		{"vendor", "POST", "/api/v1/contracts/" + f.contract + "/comments", map[string]any{"text": ""}, 400},
		{"rival_vendor", "POST", "/api/v1/contracts/" + f.contract + "/comments", map[string]any{"text": "peek"}, 404},
		{"legal", "DELETE", "/api/v1/tokens/" + f.token, nil, 204},
		{"legal", "POST", "/api/v1/contracts/" + f.contract + "/redlines/" + f.redline + "/decisions", map[string]any{"base": f.revision + 1, "action": "accept", "reason": "fine"}, 200},
	}
	for _, s := range steps {
		if r := e.do(s.caller, s.method, s.path, s.body); r.Status != s.status {
			t.Fatalf("%s %s as %s: %d, want %d: %s", s.method, s.path, s.caller, r.Status, s.status, truncate(r.Body))
		}
	}
	want := []audit.Entry{
		{Actor: vendor.UserID, Org: vendor.OrgID, Action: "POST /api/v1/contracts/:id/comments", Object: "id=" + f.contract},
		{Actor: legal.UserID, Org: legal.OrgID, Action: "DELETE /api/v1/tokens/:hash", Object: "hash=" + f.token},
		{Actor: legal.UserID, Org: legal.OrgID, Action: "POST /api/v1/contracts/:id/redlines/:rid/decisions", Object: "id=" + f.contract + " rid=" + f.redline},
	}
	got := mustAuditTrail(t, e.store)
	if len(got) != len(want) {
		t.Fatalf("%d audit entries, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		got[i].Detail = "" // status and request ID, checked below
		if got[i] != want[i] {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if d := mustAuditTrail(t, e.store)[0].Detail; !strings.HasPrefix(d, "status 201, request ") {
		t.Errorf("detail %q does not give the status", d)
	}
}

// TestAuditTrailRecordsSignIn checks that a web sign-in is recorded under
// the user who signed in, and a failed one not at all.
func TestAuditTrailRecordsSignIn(t *testing.T) {
	e := mustWebEnv(t)
	b := e.browser()
	if r := b.post("/signin", url.Values{"username": {"legal"}, "password": {"wrong"}}); r.Status == http.StatusSeeOther {
		t.Fatal("a wrong password signed in")
	}
	b.mustSignIn(identity.RoleLegal)
	got := mustAuditTrail(t, e.store)
	u := e.users[identity.RoleLegal]
	if len(got) != 1 || got[0].Actor != u.ID || got[0].Org != u.OrgID || got[0].Action != "POST /signin" {
		t.Errorf("audit trail %+v, want one POST /signin by %s of %s", got, u.ID, u.OrgID)
	}
}
