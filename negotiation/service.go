package negotiation

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/templates"
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
	// Templates is the template library; nil means the built-in templates
	// only (templates.Builtin).
	Templates *templates.Store
	Now       func() time.Time
	NewID     func(prefix string) string

	snaps snapshots
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

// storedAt is libraryAt that also answers templates from the store, so
// assembly takes its template from there (templates.TemplateSource).
type storedAt struct {
	libraryAt
	store *templates.Store
}

func (l storedAt) Template(key string, n int) (*templates.Template, error) {
	return l.store.Approved(l.ctx, key, n)
}

// assemblyLibrary is what templates.Assemble reads for one request: the
// clause library, and the template store when one is wired.
func (s *Service) assemblyLibrary(ctx context.Context) templates.Library {
	lib := libraryAt{ctx, s.Library}
	if s.Templates == nil {
		return lib
	}
	return storedAt{lib, s.Templates}
}

// Load replays a contract's events into its current state. The state
// replayed last time is kept in memory with the head record it was
// replayed to; a Load reads the stream's head and, when the head is the
// same record, answers a copy of it, and when the stream has grown by
// records that chain onto it, applies only those. Anything else (a head
// that is not the cached one's descendant, an empty cache after a restart)
// replays the whole stream, so the cache never decides what a contract
// says: the store does.
func (s *Service) Load(ctx context.Context, id string) (*State, error) {
	if st, ok, err := s.loadCached(ctx, id); ok || err != nil {
		return st, err
	}
	events, head, err := s.events(ctx, id)
	if err != nil {
		return nil, err
	}
	st, err := Replay(events)
	if err != nil {
		return nil, err
	}
	st.head = head
	s.snaps.put(id, st.clone())
	return st, nil
}

// StateAt replays a contract's history up to revision rev: what the
// parties saw then. A revision the contract does not have is Invalid.
func (s *Service) StateAt(ctx context.Context, id string, rev int64) (*State, error) {
	cur, err := s.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case rev < 1 || rev > cur.Revision:
		return nil, errRevision(int(cur.Revision))
	case rev == cur.Revision:
		return cur, nil // the current state, from the snapshot cache
	}
	recs, err := s.Log.Read(ctx, contractStream(id), 1)
	if err != nil {
		return nil, err
	}
	events, err := decodeEvents(recs[:min(rev, int64(len(recs)))])
	if err != nil {
		return nil, err
	}
	return Replay(events)
}

// loadCached answers from the snapshot of id when the store's head shows
// it is current or can be brought up to date; ok is false otherwise.
func (s *Service) loadCached(ctx context.Context, id string) (*State, bool, error) {
	snap := s.snaps.get(id)
	if snap == nil {
		return nil, false, nil
	}
	head, err := s.Log.Last(ctx, contractStream(id))
	if err != nil || head.Seq < snap.head.Seq {
		return nil, false, nil // the full path reports the error, or rebuilds
	}
	if head.Seq == snap.head.Seq {
		if head.Hash != snap.head.Hash {
			return nil, false, nil
		}
		return snap.clone(), true, nil
	}
	recs, err := s.Log.Read(ctx, contractStream(id), snap.head.Seq+1)
	if err != nil || len(recs) == 0 || recs[0].Prev != snap.head.Hash {
		return nil, false, nil
	}
	events, err := decodeEvents(recs)
	if err != nil {
		return nil, false, nil
	}
	st := snap.clone()
	for _, ev := range events {
		if err := st.Apply(ev); err != nil {
			return nil, false, nil
		}
	}
	st.head = recs[len(recs)-1]
	s.snaps.put(id, st.clone())
	return st, true, nil
}

// snapshots holds the last replayed state of recently loaded contracts.
// It is derived data: losing it costs a replay, never a fact.
type snapshots struct {
	mu   sync.Mutex
	byID map[string]*State
}

// maxSnapshots bounds the cache; past it an arbitrary entry makes room.
const maxSnapshots = 2048

func (c *snapshots) get(id string) *State {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byID[id]
}

func (c *snapshots) put(id string, st *State) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byID == nil {
		c.byID = map[string]*State{}
	}
	if _, ok := c.byID[id]; !ok && len(c.byID) >= maxSnapshots {
		for k := range c.byID {
			delete(c.byID, k)
			break
		}
	}
	c.byID[id] = st
}

// clone copies everything Apply changes, so that the copy and the
// original can each go on independently. Slices are clipped so that an
// append to the copy never writes into the original's backing array.
func (s *State) clone() *State {
	c := *s
	c.Order, c.AmendOrder, c.Comments = slices.Clip(s.Order), slices.Clip(s.AmendOrder), slices.Clip(s.Comments)
	c.Clauses = make(map[string]*ClauseState, len(s.Clauses))
	for id, cs := range s.Clauses {
		cp := *cs
		cp.history, cp.Values = slices.Clip(cs.history), maps.Clone(cs.Values)
		c.Clauses[id] = &cp
	}
	c.Amendments = make(map[string]*AmendmentState, len(s.Amendments))
	for id, a := range s.Amendments {
		cp := *a
		c.Amendments[id] = &cp
	}
	return &c
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
	events, err := decodeEvents(recs)
	if err != nil {
		return nil, records.Record{}, err
	}
	return events, recs[len(recs)-1], nil
}

// decodeEvents decodes records into events numbered by their Seq.
func decodeEvents(recs []records.Record) ([]Event, error) {
	events := make([]Event, len(recs))
	for i, r := range recs {
		if err := records.Decode(r, &events[i]); err != nil {
			return nil, err
		}
		events[i].Seq = r.Seq
	}
	return events, nil
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
