package negotiation

import (
	"context"
	"strconv"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/records"
)

// Library is what negotiation needs of the clause library.
type Library interface {
	Version(ctx context.Context, key string, n int) (clauses.VersionState, error)
}

// Service runs negotiations over a record log: each contract is the stream
// "contract/<id>", and "cindex/<id>" keeps the small summary lists read.
type Service struct {
	Log     records.Log
	Library Library
	Now     func() time.Time
	NewID   func(prefix string) string
}

func contractStream(id string) string { return "contract/" + id }

// libraryAt adapts Library to templates.Library for one request.
type libraryAt struct {
	ctx context.Context
	lib Library
}

func (l libraryAt) Version(key string, n int) (clauses.Version, error) {
	v, err := l.lib.Version(l.ctx, key, n)
	return v.Version, err
}

// Load replays a contract's events into its current state.
func (s *Service) Load(ctx context.Context, id string) (*State, error) {
	events, head, err := s.events(ctx, id)
	if err != nil {
		return nil, err
	}
	st, err := Replay(events)
	if err != nil {
		return nil, err
	}
	st.head = head
	return st, nil
}

// StateAt replays a contract's history up to revision rev: what the
// parties saw then. A revision the contract does not have is Invalid.
func (s *Service) StateAt(ctx context.Context, id string, rev int64) (*State, error) {
	events, err := s.Events(ctx, id)
	if err != nil {
		return nil, err
	}
	if rev < 1 || rev > int64(len(events)) {
		return nil, errRevision(len(events))
	}
	return Replay(events[:rev])
}

// Events returns a contract's whole history, oldest first.
func (s *Service) Events(ctx context.Context, id string) ([]Event, error) {
	events, _, err := s.events(ctx, id)
	return events, err
}

func (s *Service) events(ctx context.Context, id string) ([]Event, records.Record, error) {
	if records.CheckStream(contractStream(id)) != nil {
		return nil, records.Record{}, apperr.New(apperr.NotFound, "no such contract")
	}
	recs, err := s.Log.Read(ctx, contractStream(id), 1)
	if err != nil {
		return nil, records.Record{}, err
	}
	if len(recs) == 0 {
		return nil, records.Record{}, apperr.New(apperr.NotFound, "no such contract")
	}
	events := make([]Event, len(recs))
	for i, r := range recs {
		if err := records.Decode(r, &events[i]); err != nil {
			return nil, records.Record{}, err
		}
		events[i].Seq = r.Seq
	}
	return events, recs[len(recs)-1], nil
}

// Records returns a contract's raw records, for audit verification.
func (s *Service) Records(ctx context.Context, id string) ([]records.Record, error) {
	if records.CheckStream(contractStream(id)) != nil {
		return nil, apperr.New(apperr.NotFound, "no such contract")
	}
	return s.Log.Read(ctx, contractStream(id), 1)
}

// commit validates ev against st and appends it as the next revision. A
// concurrent writer that got there first makes this a Conflict carrying
// the current revision and what changed since the caller's base.
func (s *Service) commit(ctx context.Context, st *State, ev Event) (*State, error) {
	ev.At = s.Now().UTC()
	ev.Seq = st.Revision + 1
	if err := st.Apply(ev); err != nil {
		return nil, err
	}
	r, err := records.Append(ctx, s.Log, st.head, contractStream(st.Contract.ID), ev.At, ev)
	if err != nil {
		if apperr.Is(err, apperr.Conflict) {
			return nil, s.staleErr(ctx, st.Contract.ID, ev.Base)
		}
		return nil, err
	}
	st.head = r
	s.index(ctx, st)
	return st, nil
}

// staleErr is the 409 for a write that lost a race or was based on an old
// revision: it names the current revision and the events since base.
func (s *Service) staleErr(ctx context.Context, id string, base int64) error {
	events, head, err := s.events(ctx, id)
	if err != nil {
		return err
	}
	var since []map[string]any
	for _, ev := range events {
		if ev.Seq > base && base > 0 {
			since = append(since, map[string]any{"revision": ev.Seq, "type": ev.Type, "by": ev.Actor.Name, "side": ev.Actor.Side})
		}
	}
	return &apperr.Error{Kind: apperr.Conflict, Message: "the contract changed since you loaded it; reload and retry",
		Current: map[string]any{"revision": head.Seq, "changed_since": since}}
}

// requireBase checks a write's base revision: required, not in the future.
func requireBase(st *State, base int64) error {
	if base < 1 || base > st.Revision {
		return apperr.Fields("invalid request", []apperr.FieldError{{Path: "base", Message: "give the revision you are looking at (1 to the current revision)"}})
	}
	return nil
}

func errRevision(head int) error {
	return apperr.Fields("no such revision", []apperr.FieldError{{Path: "revision", Message: "revisions of this contract run from 1 to " + strconv.Itoa(head)}})
}
