package server_test

import (
	"fmt"
	"strings"
	"testing"
)

// contractView is the part of a contract state these tests read.
type contractView struct {
	Revision int64
	Clauses  map[string]struct {
		Text    struct{ EN, FR string }
		Status  string
		Pending string
	}
	Finalized *struct{ Fingerprint string } `json:"finalized"`
}

func (e *env) mustContract(caller, id string) contractView {
	e.t.Helper()
	r := e.do(caller, "GET", "/api/v1/contracts/"+id, nil)
	if r.Status != 200 {
		e.t.Fatalf("GET contract: %d %s", r.Status, truncate(r.Body))
	}
	var v contractView
	mustDecode(e.t, r.Body, &v)
	return v
}

// TestNegotiationOverHTTP is issue 6's end-to-end test: assemble → the
// vendor redlines ten clauses → the city accepts six, rejects two, counters
// two → the vendor accepts the counters → an approver signs off the
// walk-away → finalise; the history verifies.
func TestNegotiationOverHTTP(t *testing.T) {
	e := mustEnv(t)
	r := e.do("legal", "POST", "/api/v1/contracts", e.pilotInput())
	if r.Status != 201 {
		t.Fatalf("assemble: %d %s", r.Status, truncate(r.Body))
	}
	var created struct{ Contract struct{ ID string } }
	mustDecode(t, r.Body, &created)
	id := created.Contract.ID
	if r := e.do("vendor", "GET", "/api/v1/contracts/"+id, nil); r.Status != 404 {
		t.Fatalf("the vendor sees a draft: %d", r.Status)
	}
	e.do("legal", "POST", "/api/v1/contracts/"+id+"/open", nil)
	c := e.mustContract("vendor", id)

	ids := []string{"scl-pilot-01", "scl-pilot-02", "scl-pilot-03", "scl-pilot-04", "scl-ip-01", "scl-data-01", "scl-sec-01", "scl-conf-01"}
	var ams []map[string]any
	for _, cid := range ids {
		ams = append(ams, map[string]any{"clause_id": cid, "kind": "text", "lang": "en", "text": c.Clauses[cid].Text.EN + "\n\nThe Vendor may report on this obligation publicly with the City's consent."})
	}
	ams = append(ams,
		map[string]any{"clause_id": "scl-lol-01", "kind": "variables", "variables": map[string]any{"cap_multiple": 0.75}},
		map[string]any{"clause_id": "scl-ins-01", "kind": "variables", "variables": map[string]any{"cgl_amount": "1000000"}})
	r = e.do("vendor", "POST", "/api/v1/contracts/"+id+"/redlines", map[string]any{"base": c.Revision, "rationale": "Proportionate to the pilot.", "amendments": ams})
	if r.Status != 201 {
		t.Fatalf("redline: %d %s", r.Status, truncate(r.Body))
	}
	var red struct{ Redline string }
	mustDecode(t, r.Body, &red)

	decide := func(caller, amendment, action string, counter map[string]any) {
		t.Helper()
		rev := e.mustContract(caller, id).Revision
		rid, _, _ := strings.Cut(amendment, ".")
		body := map[string]any{"base": rev, "amendment_id": amendment, "action": action, "reason": "considered"}
		if counter != nil {
			body["counter"] = counter
		}
		if r := e.do(caller, "POST", "/api/v1/contracts/"+id+"/redlines/"+rid+"/decisions", body); r.Status != 200 {
			t.Fatalf("%s %s: %d %s", action, amendment, r.Status, truncate(r.Body))
		}
	}
	amendment := func(i int) string { return fmt.Sprintf("%s.%d", red.Redline, i+1) }
	for _, i := range []int{0, 1, 2, 3, 8, 9} {
		decide("legal", amendment(i), "accept", nil)
	}
	for _, i := range []int{4, 5} {
		decide("legal", amendment(i), "reject", nil)
	}
	for _, i := range []int{6, 7} {
		cid := ids[i]
		decide("legal", amendment(i), "counter", map[string]any{"kind": "text", "lang": "en", "text": c.Clauses[cid].Text.EN + "\n\nThe City may withdraw that consent on notice."})
	}
	now := e.mustContract("vendor", id)
	for _, cid := range []string{"scl-sec-01", "scl-conf-01"} {
		decide("vendor", now.Clauses[cid].Pending, "accept", nil)
	}
	final := func() response {
		return e.do("legal", "POST", "/api/v1/contracts/"+id+"/finalize", map[string]any{"base": e.mustContract("legal", id).Revision})
	}
	if r := final(); r.Status != 409 || !strings.Contains(string(r.Body), "walk-away") {
		t.Fatalf("finalise before sign-off: %d %s", r.Status, truncate(r.Body))
	}
	if r := e.do("approver", "POST", "/api/v1/contracts/"+id+"/signoffs", map[string]any{"amendment_id": amendment(9), "note": "Pilot-sized risk."}); r.Status != 201 {
		t.Fatalf("sign-off: %d %s", r.Status, truncate(r.Body))
	}
	if r := final(); r.Status != 200 {
		t.Fatalf("finalise: %d %s", r.Status, truncate(r.Body))
	}
	v := e.mustContract("vendor", id)
	if v.Finalized == nil || len(v.Finalized.Fingerprint) != 64 {
		t.Fatalf("no fingerprint: %+v", v.Finalized)
	}
	statuses := map[string]int{}
	for _, cl := range v.Clauses {
		statuses[cl.Status]++
	}
	if statuses["agreed"] != 8 || statuses["proposed"]+statuses["countered"]+statuses["conflict"] != 0 {
		t.Fatalf("final statuses %v; want 8 agreed (6 accepted + 2 counters) and nothing pending", statuses)
	}
	if r := e.do("legal", "GET", "/api/v1/contracts/"+id+"/audit/verify", nil); !strings.Contains(string(r.Body), `"ok":true`) {
		t.Fatalf("chain: %s", r.Body)
	}
	devs := e.do("legal", "GET", "/api/v1/contracts/"+id+"/deviations", nil)
	for _, want := range []string{"scl-lol-01", "scl-ins-01", "Pilot-sized risk.", `"level":"walk_away"`} {
		if !strings.Contains(string(devs.Body), want) {
			t.Errorf("deviation report lacks %q", want)
		}
	}
}
