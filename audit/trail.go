// Package audit keeps civicpact's global audit trail and checks the hash
// chains of the whole store.
//
// Every state change is already a record in its object's own stream
// ("contract/ctr_…", "clause/…", "user/…"), chained by SHA-256 to the record
// before it. The trail adds one more chained stream, Stream ("audit"): a
// global, time-ordered index of who did what to which object, in which
// organisation, so an operator can answer "what did this user change last
// week" without reading every stream, and so deleting a whole object's
// stream leaves a trace. Both chains are verified by VerifyStore and carried
// by Export.
package audit

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// Stream is the name of the global audit stream.
const Stream = "audit"

// maxAttempts bounds how often Record retries after losing the race for
// the next sequence number to a concurrent writer. With N writers at once
// the unluckiest needs about N attempts; with a bound of 12, 16 concurrent
// writers on SQLite (TestRecordConcurrentWriters) sometimes ran out.
const maxAttempts = 50

// maxField bounds each field of an Entry.
const maxField = 4096

// Entry is one state change as the trail records it.
type Entry struct {
	Actor  string `json:"actor"`            // user ID; "system" for the program itself
	Org    string `json:"org,omitempty"`    // the actor's organisation ID
	Action string `json:"action"`           // e.g. "POST /api/v1/contracts/:id/redlines" or "login"
	Object string `json:"object,omitempty"` // what it acted on, e.g. "id=ctr_1 rid=r3"
	Detail string `json:"detail,omitempty"` // e.g. the status and the request ID
}

// Trail appends entries to the audit stream of Log, timed by Now.
type Trail struct {
	Log records.Log
	Now func() time.Time

	// mu makes this process's writers take turns, so they never race each
	// other for the next sequence number; only other replicas' writers can
	// still win a race, and then Record re-reads the head and retries.
	mu sync.Mutex
	// head is the last record this process appended or read: a guess at
	// the stream's head that the unique key checks on every Append.
	head records.Record
}

// Record appends e to the audit stream and returns the stored record. A
// concurrent writer that took the next sequence number makes it re-read the
// head and retry, up to maxAttempts times with a short random pause; after
// that it gives up with Unavailable. An invalid entry is Invalid.
func (t *Trail) Record(ctx context.Context, e Entry) (records.Record, error) {
	if err := e.check(); err != nil {
		return records.Record{}, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for attempt := 1; ; attempt++ {
		if attempt > 1 || t.head.Seq == 0 {
			head, err := records.LastOrZero(ctx, t.Log, Stream)
			if err != nil {
				return records.Record{}, err
			}
			t.head = head
		}
		r, err := records.Append(ctx, t.Log, t.head, Stream, t.Now(), e)
		if err == nil {
			t.head = r
		}
		if !apperr.Is(err, apperr.Conflict) {
			return r, err
		}
		if attempt == maxAttempts {
			return records.Record{}, apperr.Wrap(apperr.Unavailable, err, "the audit trail is busy; %d attempts lost the race", attempt)
		}
		if err := pause(ctx, attempt); err != nil {
			return records.Record{}, err
		}
	}
}

// pause waits a random time that grows with the attempt (at most 20 ms),
// so writers that collided do not collide again in lock step.
func pause(ctx context.Context, attempt int) error {
	d := time.Duration(rand.IntN(min(attempt, 20)*1000)+1) * time.Microsecond
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return apperr.Wrap(apperr.Unavailable, ctx.Err(), "the audit trail is busy")
	case <-timer.C:
		return nil
	}
}

func (e Entry) check() error {
	var l apperr.FieldList
	if e.Actor == "" {
		l.Add("actor", "is required")
	}
	if e.Action == "" {
		l.Add("action", "is required")
	}
	fields := []struct{ name, value string }{{"actor", e.Actor}, {"org", e.Org}, {"action", e.Action}, {"object", e.Object}, {"detail", e.Detail}}
	for _, f := range fields {
		if len(f.value) > maxField {
			l.Add(f.name, "is over %d bytes", maxField)
		}
	}
	return l.Err("invalid audit entry")
}

// Entries reads the whole audit trail in order, with the first record whose
// chain does not verify (nil when it all verifies).
func Entries(ctx context.Context, log records.Log) ([]Entry, *records.Break, error) {
	recs, err := log.Read(ctx, Stream, 1)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Entry, len(recs))
	for i, r := range recs {
		if err := records.Decode(r, &out[i]); err != nil {
			return nil, nil, err
		}
	}
	return out, records.Verify(recs), nil
}
