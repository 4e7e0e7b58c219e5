package negotiation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
)

// replayEvents is the length of the generated negotiation history.
const replayEvents = 5000

// mustLongHistory assembles the pilot contract on env's store and returns
// its id and a generated history of n events: the assembly, the opening,
// then rounds of a vendor redline on one clause (its assembled text plus a
// sentence, so texts keep a realistic size) answered by the city
// (accepted or rejected in turn), with a shared comment every tenth event.
// Every event is checked with State.Apply as it is generated, so the
// history is one the service could have written.
func mustLongHistory(b *testing.B, env *testenv.Env, n int) (string, []negotiation.Event) {
	b.Helper()
	ctx := context.Background()
	st, err := env.Contracts.Assemble(ctx, testenv.PilotInput(), amira, "org_curbside")
	if err != nil {
		b.Fatal(err)
	}
	events, err := env.Contracts.Events(ctx, st.Contract.ID)
	if err != nil {
		b.Fatal(err)
	}
	at := testenv.Start
	pending := ""
	for seq := int64(2); seq <= int64(n); seq++ {
		at = at.Add(time.Minute)
		ev := nextEvent(st, seq, &pending)
		ev.At = at
		if err := st.Apply(ev); err != nil {
			b.Fatalf("generated event %d does not apply: %v", seq, err)
		}
		events = append(events, ev)
	}
	return st.Contract.ID, events
}

// nextEvent returns the event that follows in the generated history;
// pending carries the amendment awaiting the city's decision.
func nextEvent(st *negotiation.State, seq int64, pending *string) negotiation.Event {
	base := negotiation.Event{Seq: seq, Base: seq - 1}
	switch {
	case seq == 2:
		base.Type, base.Actor = negotiation.EventOpened, amira
	case seq%10 == 0:
		base.Type, base.Actor = negotiation.EventComment, sofia
		base.Comment = &negotiation.Comment{ID: fmt.Sprintf("m%d", seq), Text: "Noted; see our covering letter."}
	case *pending != "":
		action := negotiation.Accept
		if seq%4 == 0 {
			action = negotiation.Reject
		}
		base.Type, base.Actor = negotiation.EventDecision, amira
		base.Decision = &negotiation.Decision{AmendmentID: *pending, Action: action, Reason: "Reviewed."}
		*pending = ""
	default:
		id := st.Order[int(seq)%len(st.Order)]
		c := st.Clauses[id]
		rid := fmt.Sprintf("r%d", seq)
		am := negotiation.Amendment{ID: rid + ".1", ClauseID: id, Kind: negotiation.AmendText, Lang: clauses.EN,
			Before: c.Text, After: clauses.Text{EN: c.Original.EN + fmt.Sprintf(" Amended at revision %d.", seq)}}
		am.Text = am.After.EN
		base.Type, base.Actor = negotiation.EventRedline, sofia
		base.Redline = &negotiation.Redline{ID: rid, Rationale: "Operational clarity.", Amendments: []negotiation.Amendment{am}}
		*pending = am.ID
	}
	return base
}

// BenchmarkReplay5000 derives the state of a contract from 5,000 events
// already decoded in memory: the pure cost of negotiation.Replay.
func BenchmarkReplay5000(b *testing.B) {
	env := testenv.New(b, testenv.MustSQLite(b))
	_, events := mustLongHistory(b, env, replayEvents)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		st, err := negotiation.Replay(events)
		if err != nil || st.Revision != replayEvents {
			b.Fatalf("replay: revision %v, %v", st, err)
		}
	}
}

// BenchmarkLoad5000SQLite loads the same 5,000-event contract through
// Service.Load on the embedded SQLite store. "full-replay" uses a fresh
// Service each time (read every record, decode the JSON, replay: what a
// first read after a start pays); "snapshot" reuses one Service, whose
// snapshot is checked against the stream's head and copied.
func BenchmarkLoad5000SQLite(b *testing.B) {
	env := testenv.New(b, testenv.MustSQLite(b))
	id, events := mustLongHistory(b, env, replayEvents)
	mustAppendEvents(b, env.Log, id, events)
	ctx := context.Background()
	fresh := func() *negotiation.Service {
		return &negotiation.Service{Log: env.Log, Library: env.Library, Now: env.Now, NewID: env.NewID}
	}
	warm := fresh()
	if _, err := warm.Load(ctx, id); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		svc  func() *negotiation.Service
	}{{"full-replay", fresh}, {"snapshot", func() *negotiation.Service { return warm }}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				st, err := bc.svc().Load(ctx, id)
				if err != nil || st.Revision != replayEvents {
					b.Fatalf("load: %v", err)
				}
			}
		})
	}
}

// mustAppendEvents appends events[1:] (the first is already stored) to the
// contract's stream as the service would, hash chain included.
func mustAppendEvents(b *testing.B, log records.Log, id string, events []negotiation.Event) {
	b.Helper()
	ctx := context.Background()
	stream := "contract/" + id
	head, err := log.Last(ctx, stream)
	if err != nil {
		b.Fatal(err)
	}
	for _, ev := range events[1:] {
		if head, err = records.Append(ctx, log, head, stream, ev.At, ev); err != nil {
			b.Fatalf("append event %d: %v", ev.Seq, err)
		}
	}
}
