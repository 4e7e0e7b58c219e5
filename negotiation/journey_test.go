package negotiation_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
)

// mustOpenPilot assembles journey 1's pilot and opens it to the vendor.
func mustOpenPilot(t *testing.T, env *testenv.Env) *negotiation.State {
	t.Helper()
	ctx := context.Background()
	st, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	if st, err = env.Contracts.Open(ctx, st.Contract.ID, amira); err != nil {
		t.Fatal(err)
	}
	return st
}

func textEdit(st *negotiation.State, id, addition string) negotiation.Amendment {
	return negotiation.Amendment{ClauseID: id, Kind: negotiation.AmendText, Lang: clauses.EN, Text: st.Clauses[id].Text.EN + "\n\n" + addition}
}

// TestNegotiationJourney is the end-to-end negotiation: the vendor
// redlines ten clauses, the city accepts six, rejects two and counters two,
// the vendor accepts the counters, an approver signs off the walk-away, the
// city finalises, and the history replays to the same state.
func TestNegotiationJourney(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t, testenv.MustSQLite(t))
	st := mustOpenPilot(t, env)
	id := st.Contract.ID

	edited := []string{"scl-pilot-01", "scl-pilot-02", "scl-pilot-03", "scl-pilot-04", "scl-ip-01", "scl-data-01", "scl-sec-01", "scl-conf-01"}
	var ams []negotiation.Amendment
	for _, cid := range edited {
		ams = append(ams, textEdit(st, cid, "The Vendor may describe this obligation in its public materials, with the City's prior written consent."))
	}
	ams = append(ams,
		negotiation.Amendment{ClauseID: "scl-lol-01", Kind: negotiation.AmendVariables, Values: map[string]any{"cap_multiple": 0.75}},
		negotiation.Amendment{ClauseID: "scl-ins-01", Kind: negotiation.AmendVariables, Values: map[string]any{"cgl_amount": "1000000"}},
	)
	st, r, err := env.Contracts.Propose(ctx, id, sofia, st.Revision, "Proportionate to a three-site pilot.", ams)
	if err != nil {
		t.Fatal(err)
	}
	verdict := func(cid string) negotiation.Level { return st.Amendments[st.Clauses[cid].Pending].Verdict.Level }
	if got := verdict("scl-lol-01"); got != negotiation.LevelFallback {
		t.Errorf("cap 0.75×: verdict %s, want fallback", got)
	}
	if got := verdict("scl-ins-01"); got != negotiation.LevelWalkAway {
		t.Errorf("CGL $1M: verdict %s, want walk_away", got)
	}
	if got := st.Amendments[st.Clauses["scl-ins-01"].Pending].After.EN; !strings.Contains(got, "$1,000,000") {
		t.Errorf("the insurance clause does not show the new amount: %s", got)
	}

	decide := func(actor negotiation.Actor, amendment string, action negotiation.DecisionAction, counter *negotiation.Amendment) {
		t.Helper()
		var err error
		st, err = env.Contracts.Decide(ctx, id, actor, st.Revision, negotiation.Decision{AmendmentID: amendment, Action: action, Reason: "considered", Counter: counter})
		if err != nil {
			t.Fatalf("%s %s: %v", action, amendment, err)
		}
	}
	ids := make([]string, len(r.Amendments))
	for i, a := range r.Amendments {
		ids[i] = a.ID
	}
	for _, a := range []int{0, 1, 2, 3, 8, 9} {
		decide(amira, ids[a], negotiation.Accept, nil)
	}
	for _, a := range []int{4, 5} {
		decide(amira, ids[a], negotiation.Reject, nil)
	}
	var counters []string
	for _, a := range []int{6, 7} {
		cid := r.Amendments[a].ClauseID
		ctr := textEdit(st, cid, "The City may require the Vendor to remove any such description on notice.")
		decide(amira, ids[a], negotiation.Counter, &ctr)
		counters = append(counters, st.Clauses[cid].Pending)
	}
	if _, _, err := env.Contracts.Comment(ctx, id, amira, negotiation.Comment{ClauseID: "scl-ins-01", Text: "Marc: please sign off the $1M CGL; risk management agrees for a pilot.", Internal: true}); err != nil {
		t.Fatal(err)
	}
	for _, c := range counters {
		decide(sofia, c, negotiation.Accept, nil)
	}

	_, err = env.Contracts.Finalize(ctx, id, amira, mustLoad(t, env, id).Revision)
	if e, ok := apperr.As(err); !ok || e.Kind != apperr.Conflict || !strings.Contains(e.Message, "walk-away") {
		t.Fatalf("finalise before sign-off: %v; want a Conflict naming the walk-away", err)
	}
	if _, err := env.Contracts.SignOff(ctx, id, marc, negotiation.SignOff{AmendmentID: ids[9], Note: "Acceptable for a pilot of this size."}); err != nil {
		t.Fatal(err)
	}
	st, err = env.Contracts.Finalize(ctx, id, amira, mustLoad(t, env, id).Revision)
	if err != nil {
		t.Fatal(err)
	}
	if st.Phase() != negotiation.PhaseFinal || len(st.Final.Fingerprint) != 64 {
		t.Fatalf("phase %s fingerprint %q", st.Phase(), st.Final.Fingerprint)
	}
	if _, _, err := env.Contracts.Comment(ctx, id, amira, negotiation.Comment{Text: "late"}); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("writing to a final contract: %v, want Conflict", err)
	}

	events, err := env.Contracts.Events(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	replayed, err := negotiation.Replay(events)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, replayed), mustJSON(t, mustLoad(t, env, id)); a != b {
		t.Fatal("the history does not replay to the same state")
	}
	recs, _ := env.Log.Read(ctx, "contract/"+id, 1)
	if b := records.Verify(recs); b != nil {
		t.Fatalf("event chain broken: %+v", b)
	}
	vendorView := mustJSON(t, mustLoad(t, env, id).ForVendor()) + mustJSON(t, negotiation.EventsForVendor(events))
	for _, secret := range []string{"Marc: please sign off", "walk_away", "Acceptable for a pilot"} {
		if strings.Contains(vendorView, secret) {
			t.Errorf("the vendor's view contains %q", secret)
		}
	}
}

func mustLoad(t *testing.T, env *testenv.Env, id string) *negotiation.State {
	t.Helper()
	st, err := env.Contracts.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
