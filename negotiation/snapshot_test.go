package negotiation_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
)

// mustSameAsReplay checks that Load answers exactly what a full replay of
// the stored events gives.
func mustSameAsReplay(t *testing.T, svc *negotiation.Service, id string) *negotiation.State {
	t.Helper()
	ctx := context.Background()
	got, err := svc.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	events, err := svc.Events(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want, err := negotiation.Replay(events)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Fatalf("Load differs from a full replay at revision %d (replay: %d)", got.Revision, want.Revision)
	}
	return got
}

func TestLoadFollowsEveryWrite(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t, testenv.MustSQLite(t))
	st, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	id := st.Contract.ID
	if _, err := env.Contracts.Open(ctx, id, amira); err != nil {
		t.Fatal(err)
	}
	clause := st.Order[1]
	for i, action := range []negotiation.DecisionAction{negotiation.Accept, negotiation.Reject, negotiation.Accept} {
		cur := mustSameAsReplay(t, env.Contracts, id)
		am := negotiation.Amendment{ClauseID: clause, Kind: negotiation.AmendText, Lang: "en", Text: cur.Clauses[clause].Text.EN + " Round " + string(rune('1'+i)) + "."}
		_, r, err := env.Contracts.Propose(ctx, id, sofia, cur.Revision, "clarity", []negotiation.Amendment{am})
		if err != nil {
			t.Fatal(err)
		}
		cur = mustSameAsReplay(t, env.Contracts, id)
		if _, err := env.Contracts.Decide(ctx, id, amira, cur.Revision, negotiation.Decision{AmendmentID: r.ID + ".1", Action: action, Reason: "ok"}); err != nil {
			t.Fatal(err)
		}
	}
	final := mustSameAsReplay(t, env.Contracts, id)
	if final.Revision != 8 {
		t.Fatalf("revision %d after 2 + 3×2 events", final.Revision)
	}
}

// TestLoadAnswersIndependentCopies changes a loaded state the way a write
// does and checks that the next Load does not see the change.
func TestLoadAnswersIndependentCopies(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t, testenv.MustSQLite(t))
	st, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), amira, "org_curbside")
	if err != nil {
		t.Fatal(err)
	}
	a, err := env.Contracts.Load(ctx, st.Contract.ID)
	if err != nil {
		t.Fatal(err)
	}
	ev := negotiation.Event{Seq: 2, Type: negotiation.EventOpened, Actor: amira}
	if err := a.Apply(ev); err != nil {
		t.Fatal(err)
	}
	a.Clauses[a.Order[0]].Status = negotiation.StatusAgreed
	b := mustSameAsReplay(t, env.Contracts, st.Contract.ID)
	if b.Opened || b.Revision != 1 || b.Clauses[b.Order[0]].Status != negotiation.StatusOpen {
		t.Fatalf("a change to one loaded state leaked into the next Load: opened %v, revision %d", b.Opened, b.Revision)
	}
}

// TestLoadRebuildsFromAnotherHistory points a service whose cache holds a
// contract at a store where the same contract ID has a different history
// (same length and longer): Load must answer the store's history.
func TestLoadRebuildsFromAnotherHistory(t *testing.T) {
	ctx := context.Background()
	one := testenv.New(t, testenv.MustSQLite(t))
	two := testenv.New(t, testenv.MustSQLite(t))
	mustAssembleOpen := func(env *testenv.Env, comments ...string) string {
		t.Helper()
		st, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), amira, "org_curbside")
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range comments {
			if _, _, err := env.Contracts.Comment(ctx, st.Contract.ID, amira, negotiation.Comment{Text: text}); err != nil {
				t.Fatal(err)
			}
		}
		return st.Contract.ID
	}
	id := mustAssembleOpen(one, "first store")
	if other := mustAssembleOpen(two, "second store"); other != id {
		t.Fatalf("sequential IDs differ: %s, %s", id, other)
	}
	mustSameAsReplay(t, one.Contracts, id) // cached: revision 2 of the first store
	one.Contracts.Log = two.Log
	got := mustSameAsReplay(t, one.Contracts, id)
	if got.Comments[0].Text != "second store" {
		t.Fatalf("same-length history: Load kept the cached state (%q)", got.Comments[0].Text)
	}
	if _, _, err := two.Contracts.Comment(ctx, id, amira, negotiation.Comment{Text: "later"}); err != nil {
		t.Fatal(err)
	}
	if got := mustSameAsReplay(t, one.Contracts, id); len(got.Comments) != 2 {
		t.Fatalf("grown history: %d comments, want 2", len(got.Comments))
	}
}
