package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"testing"
)

// outcome is what one concurrent proposal got back.
type outcome struct {
	rationale string
	status    int
	revision  int64 // the recorded revision (201) or the current one (409)
	body      []byte
}

// TestConcurrentRedlines has 20 clients propose 10 redlines each against one
// contract at once, over HTTP. Every proposal is recorded (201) or refused
// with 409 naming the current revision; afterwards the history holds exactly
// the acknowledged redlines, at the revisions acknowledged, and its hash
// chain verifies; the global audit trail has one entry per acknowledged
// redline.
func TestConcurrentRedlines(t *testing.T) {
	const clients, perClient = 20, 10
	e := mustEnv(t)
	f := mustFixture(e)
	order, texts := mustClauseTexts(e, f.contract)
	results := make(chan outcome, clients*perClient)
	var wg sync.WaitGroup
	for i := range clients {
		caller := "vendor"
		if i%2 == 1 {
			caller = "legal"
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			base := f.revision
			for j := range perClient {
				clause := order[(i*perClient+j)%len(order)]
				o := e.propose(caller, f.contract, base, fmt.Sprintf("client %d proposal %d", i, j), clause, texts[clause])
				if o.revision > base {
					base = o.revision
				}
				results <- o
			}
		}()
	}
	wg.Wait()
	close(results)
	acked := checkOutcomes(t, results, f.revision)
	checkHistory(t, e, f, acked)
}

// checkOutcomes checks every answer and returns the acknowledged
// proposals' revisions by rationale.
func checkOutcomes(t *testing.T, results <-chan outcome, start int64) map[string]int64 {
	t.Helper()
	acked := map[string]int64{}
	revisions := map[int64]string{}
	conflicts := 0
	for o := range results {
		switch {
		case o.status == http.StatusCreated:
			if other, dup := revisions[o.revision]; dup {
				t.Errorf("%q and %q were both acknowledged as revision %d", other, o.rationale, o.revision)
			}
			acked[o.rationale], revisions[o.revision] = o.revision, o.rationale
		case o.status == http.StatusConflict && o.revision > start:
			conflicts++
		default:
			t.Errorf("%s: status %d (revision %d): %s", o.rationale, o.status, o.revision, truncate(o.body))
		}
	}
	t.Logf("%d proposals recorded, %d answered 409", len(acked), conflicts)
	if len(acked) == 0 {
		t.Fatal("no proposal was recorded")
	}
	return acked
}

// checkHistory compares the contract's events with what was acknowledged
// and verifies the chain.
func checkHistory(t *testing.T, e *env, f fixture, acked map[string]int64) {
	t.Helper()
	var hist struct {
		Revision int64
		Items    []struct {
			Revision int64
			Type     string
			Redline  *struct{ Rationale string }
		}
	}
	mustDecode(t, e.do("legal", "GET", "/api/v1/contracts/"+f.contract+"/events", nil).Body, &hist)
	got := map[string]int64{}
	for _, ev := range hist.Items[f.revision:] {
		if ev.Type != "redline" || ev.Redline == nil {
			t.Errorf("revision %d: unexpected %s event", ev.Revision, ev.Type)
			continue
		}
		got[ev.Redline.Rationale] = ev.Revision
	}
	if missing, extra := diffKeys(acked, got); len(missing)+len(extra) > 0 {
		t.Errorf("acknowledged but not in the history: %v\nin the history but never acknowledged: %v", missing, extra)
	}
	for r, rev := range acked {
		if got[r] != rev && got[r] != 0 {
			t.Errorf("%q acknowledged as revision %d, recorded as %d", r, rev, got[r])
		}
	}
	if want := f.revision + int64(len(acked)); hist.Revision != want || int64(len(hist.Items)) != want {
		t.Errorf("history at revision %d with %d events, want %d", hist.Revision, len(hist.Items), want)
	}
	var v struct {
		OK      bool
		Records int
	}
	mustDecode(t, e.do("legal", "GET", "/api/v1/contracts/"+f.contract+"/audit/verify", nil).Body, &v)
	if !v.OK || int64(v.Records) != hist.Revision {
		t.Errorf("audit/verify: ok=%v over %d records, want ok over %d", v.OK, v.Records, hist.Revision)
	}
	checkAuditedRedlines(t, e, len(acked))
}

// checkAuditedRedlines checks that the global audit trail has one entry
// per acknowledged redline.
func checkAuditedRedlines(t *testing.T, e *env, acked int) {
	t.Helper()
	n := 0
	for _, a := range mustAuditTrail(t, e.store) {
		if a.Action == "POST /api/v1/contracts/:id/redlines" {
			n++
		}
	}
	if n != acked {
		t.Errorf("the global audit trail has %d redline entries, want one per acknowledged redline (%d)", n, acked)
	}
}

func diffKeys(want, got map[string]int64) (missing, extra []string) {
	for k := range want {
		if _, ok := got[k]; !ok {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra
}

// mustClauseTexts returns the contract's clause IDs in order with their
// current English text.
func mustClauseTexts(e *env, id string) ([]string, map[string]string) {
	e.t.Helper()
	var st struct {
		Order   []string
		Clauses map[string]struct {
			Deleted bool
			Text    struct{ EN string }
		}
	}
	mustDecode(e.t, e.do("legal", "GET", "/api/v1/contracts/"+id, nil).Body, &st)
	texts := map[string]string{}
	var order []string
	for _, c := range st.Order {
		if cs := st.Clauses[c]; !cs.Deleted && cs.Text.EN != "" {
			order, texts[c] = append(order, c), cs.Text.EN
		}
	}
	if len(order) == 0 {
		e.t.Fatal("the contract has no clause text")
	}
	return order, texts
}

// propose sends one redline from a goroutine: failures are returned in the
// outcome, never reported with t.Fatal.
func (e *env) propose(caller, contract string, base int64, rationale, clause, text string) outcome {
	body := mustJSON(map[string]any{"base": base, "rationale": rationale, "amendments": []map[string]any{
		{"clause_id": clause, "kind": "text", "lang": "en", "text": text + "\n\n" + rationale + " adds this sentence."}}})
	o := outcome{rationale: rationale}
	req, _ := http.NewRequest("POST", e.srv.URL+"/api/v1/contracts/"+contract+"/redlines", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.tokens[caller])
	res, err := e.srv.Client().Do(req)
	if err != nil {
		o.body = []byte(err.Error())
		return o
	}
	defer res.Body.Close()
	o.status = res.StatusCode
	o.body, _ = io.ReadAll(res.Body)
	var reply struct {
		Revision int64
		Current  struct{ Revision int64 }
	}
	_ = json.Unmarshal(o.body, &reply)
	o.revision = max(reply.Revision, reply.Current.Revision)
	return o
}
