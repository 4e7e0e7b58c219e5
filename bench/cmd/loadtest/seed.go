package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/civicpact/civicpact/internal/testenv"
)

// world is what the load runs against: two users' tokens and the seeded
// contracts with what the client has seen of them.
type world struct {
	legal, vendor string // API tokens
	contracts     []*contract
	pdfFallback   bool // the server has no PDF route: the PDF class reads /events
}

// contract is one seeded contract as the client knows it.
type contract struct {
	id      string
	clauses []clauseText
	rev     atomic.Int64 // the newest revision a response showed

	mu      sync.Mutex
	pending []string // acknowledged vendor redlines not yet decided
	acked   []ack    // every acknowledged write
}

type clauseText struct{ id, en string }

// ack is an acknowledged write that must be in the contract's history.
type ack struct {
	Kind      string // "redline" or "decision"
	Revision  int64  // the revision the write created
	Redline   string // the redline's ID
	Amendment string // the amendment decided
}

// seenRevision records a revision a response reported.
func (c *contract) seenRevision(rev int64) {
	for {
		cur := c.rev.Load()
		if rev <= cur || c.rev.CompareAndSwap(cur, rev) {
			return
		}
	}
}

// seed creates a vendor organisation, a legal and a vendor user with their
// tokens, then assembles and opens n pilot contracts, all through the API.
func seed(ctx context.Context, c *client, admin string, n int) (*world, error) {
	var me struct{ Org struct{ ID string } }
	if err := c.call(ctx, "GET", "/api/v1/me", admin, nil, http.StatusOK, &me); err != nil {
		return nil, err
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	run := hex.EncodeToString(b[:])
	var vendorOrg struct{ ID string }
	if err := c.call(ctx, "POST", "/api/v1/orgs", admin, map[string]any{"name": "Curbside Labs " + run, "kind": "vendor", "province": "ON"},
		http.StatusCreated, &vendorOrg); err != nil {
		return nil, err
	}
	w := &world{}
	var err error
	if w.legal, err = userToken(ctx, c, admin, me.Org.ID, "lt-legal-"+run, "legal"); err != nil {
		return nil, err
	}
	if w.vendor, err = userToken(ctx, c, admin, vendorOrg.ID, "lt-vendor-"+run, "vendor"); err != nil {
		return nil, err
	}
	for range n {
		ct, err := assemble(ctx, c, w.legal, vendorOrg.ID)
		if err != nil {
			return nil, err
		}
		w.contracts = append(w.contracts, ct)
	}
	w.pdfFallback = !hasPDFRoute(ctx, c, w)
	return w, nil
}

// userToken creates a user and issues a token for it as the admin.
func userToken(ctx context.Context, c *client, admin, org, username, role string) (string, error) {
	var u struct{ ID string }
	if err := c.call(ctx, "POST", "/api/v1/users", admin, map[string]any{"org_id": org, "username": username, "name": username, "role": role},
		http.StatusCreated, &u); err != nil {
		return "", err
	}
	var t struct{ Token string }
	err := c.call(ctx, "POST", "/api/v1/tokens", admin, map[string]any{"user_id": u.ID, "name": "loadtest"}, http.StatusCreated, &t)
	return t.Token, err
}

// assemble assembles the pilot contract for the vendor and opens it.
func assemble(ctx context.Context, c *client, legal, vendorOrg string) (*contract, error) {
	in := testenv.PilotInput()
	body := map[string]any{"template": in.Template, "province": in.Province, "languages": in.Languages, "procurement_ref": in.ProcurementRef,
		"parties": in.Parties, "variables": in.Variables, "positions": in.Positions, "vendor_org_id": vendorOrg}
	var st struct {
		Contract struct{ ID string }
		Order    []string
		Clauses  map[string]struct{ Text struct{ EN string } }
	}
	if err := c.call(ctx, "POST", "/api/v1/contracts", legal, body, http.StatusCreated, &st); err != nil {
		return nil, err
	}
	ct := &contract{id: st.Contract.ID}
	for _, id := range st.Order {
		ct.clauses = append(ct.clauses, clauseText{id: id, en: st.Clauses[id].Text.EN})
	}
	var opened struct{ Revision int64 }
	if err := c.call(ctx, "POST", "/api/v1/contracts/"+ct.id+"/open", legal, nil, http.StatusOK, &opened); err != nil {
		return nil, err
	}
	ct.seenRevision(opened.Revision)
	return ct, nil
}

// hasPDFRoute asks for a draft PDF of three contracts; when every answer
// is 404 or 405 the server has no such route.
func hasPDFRoute(ctx context.Context, c *client, w *world) bool {
	for _, ct := range w.contracts[:min(3, len(w.contracts))] {
		r, err := c.do(ctx, "GET", pdfPath(ct.id), w.legal, nil)
		if err != nil || (r.status != http.StatusNotFound && r.status != http.StatusMethodNotAllowed) {
			return true
		}
	}
	return false
}

func pdfPath(id string) string { return fmt.Sprintf("/api/v1/contracts/%s/pdf?draft=1", id) }
