package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// driver runs the requests of each class.
type driver struct {
	c  *client
	w  *world
	st *stats
}

// searchWords are the library searches readers make.
var searchWords = []string{"data", "liability", "privacy", "insurance", "données", "termination", "accessibility"}

// run performs one job and records its outcome.
func (d *driver) run(ctx context.Context, j job) {
	ct := d.w.contracts[j.seq%len(d.w.contracts)]
	class, method, path, token, body := j.class, "GET", "", d.w.legal, any(nil)
	var rid string
	switch class {
	case "read:library-list":
		path = "/api/v1/clauses?limit=50"
	case "read:library-search":
		path = "/api/v1/clauses?q=" + searchWords[j.seq%len(searchWords)]
	case "read:contract":
		path = "/api/v1/contracts/" + ct.id
		if j.seq%2 == 0 {
			token = d.w.vendor
		}
	case "read:diff":
		path = "/api/v1/contracts/" + ct.id + "/diff"
	case "pdf":
		path = pdfPath(ct.id)
		if d.w.pdfFallback {
			path = "/api/v1/contracts/" + ct.id + "/events"
		}
	case "write:decision":
		if rid = ct.popPending(); rid != "" {
			method, path = "POST", "/api/v1/contracts/"+ct.id+"/redlines/"+rid+"/decisions"
			body = decisionBody(ct, rid, j.seq)
			break
		}
		class = "write:redline" // nothing awaits a decision: the vendor proposes instead
		fallthrough
	case "write:redline":
		method, path, token = "POST", "/api/v1/contracts/"+ct.id+"/redlines", d.w.vendor
		body = redlineBody(ct, j.seq)
	}
	began := time.Now()
	r, err := d.c.do(ctx, method, path, token, body)
	d.st.record(class, began, time.Since(began), r.status, err)
	if err == nil {
		ct.acknowledge(class, rid, r)
	}
}

// redlineBody proposes new wording for one clause of ct.
func redlineBody(ct *contract, seq int) map[string]any {
	cl := ct.clauses[seq%len(ct.clauses)]
	return map[string]any{"base": ct.rev.Load(), "rationale": "Operational clarity.", "amendments": []map[string]any{
		{"clause_id": cl.id, "kind": "text", "lang": "en", "text": cl.en + fmt.Sprintf("\n\nThe parties confirm load-test change %d.", seq)}}}
}

// decisionBody accepts two redlines in three and rejects the third.
func decisionBody(ct *contract, rid string, seq int) map[string]any {
	action := "accept"
	if seq%3 == 0 {
		action = "reject"
	}
	return map[string]any{"base": ct.rev.Load(), "amendment_id": rid + ".1", "action": action, "reason": "Reviewed by legal."}
}

// popPending takes the oldest redline awaiting a decision.
func (ct *contract) popPending() string {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	if len(ct.pending) == 0 {
		return ""
	}
	rid := ct.pending[0]
	ct.pending = ct.pending[1:]
	return rid
}

// acknowledge records a write the server acknowledged.
func (ct *contract) acknowledge(class, rid string, r reply) {
	var out struct {
		Revision int64  `json:"revision"`
		Redline  string `json:"redline"`
	}
	switch {
	case class == "write:redline" && r.status == http.StatusCreated:
	case class == "write:decision" && r.status == http.StatusOK:
	default:
		return
	}
	if json.Unmarshal(r.body, &out) != nil || out.Revision == 0 {
		return
	}
	ct.seenRevision(out.Revision)
	ct.mu.Lock()
	defer ct.mu.Unlock()
	if class == "write:redline" {
		ct.pending = append(ct.pending, out.Redline)
		ct.acked = append(ct.acked, ack{Kind: "redline", Revision: out.Revision, Redline: out.Redline})
		return
	}
	ct.acked = append(ct.acked, ack{Kind: "decision", Revision: out.Revision, Redline: rid, Amendment: rid + ".1"})
}
