package negotiation

import (
	"context"
	"fmt"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/templates"
)

// Assemble assembles a contract from in and records it as the first event
// of its stream. vendorOrg is the organisation whose users will see it.
func (s *Service) Assemble(ctx context.Context, in templates.Input, actor Actor, vendorOrg string) (*State, error) {
	if actor.Side != City {
		return nil, apperr.New(apperr.Forbidden, "only the city assembles contracts")
	}
	c, err := templates.Assemble(in, s.assemblyLibrary(ctx), s.Now(), func() string { return s.NewID("ctr") })
	if err != nil {
		return nil, err
	}
	st := &State{}
	ev := Event{Type: EventAssembled, Actor: actor, Assembled: &Assembled{Contract: *c, OwnerOrg: actor.OrgID, VendorOrg: vendorOrg}}
	return s.commit(ctx, st, ev)
}

// Open makes a draft visible to its vendor.
func (s *Service) Open(ctx context.Context, id string, actor Actor) (*State, error) {
	st, err := s.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.commit(ctx, st, Event{Type: EventOpened, Actor: actor, Base: st.Revision})
}

// Propose records a redline: every amendment is checked, its new text and
// playbook verdict computed, and, when the author's base revision is older
// than the clause's last change, rebased by a three-way merge (or recorded
// as a conflict when the edits overlap).
func (s *Service) Propose(ctx context.Context, id string, actor Actor, base int64, rationale string, ams []Amendment) (*State, *Redline, error) {
	st, err := s.Load(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if err := s.preflight(st, actor, base); err != nil {
		return nil, nil, err
	}
	r := &Redline{ID: fmt.Sprintf("r%d", st.Revision+1), Rationale: rationale}
	for i, am := range ams {
		am.ID = fmt.Sprintf("%s.%d", r.ID, i+1)
		if err := s.prepare(ctx, st, base, &am, fmt.Sprintf("amendments[%d]", i)); err != nil {
			return nil, nil, err
		}
		r.Amendments = append(r.Amendments, am)
	}
	st, err = s.commit(ctx, st, Event{Type: EventRedline, Actor: actor, Base: base, Redline: r})
	return st, r, err
}

// Decide accepts, rejects or counters one amendment of the other side.
func (s *Service) Decide(ctx context.Context, id string, actor Actor, base int64, d Decision) (*State, error) {
	st, err := s.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.preflight(st, actor, base); err != nil {
		return nil, err
	}
	if d.Action == Counter {
		if d.Counter == nil {
			return nil, apperr.Fields("invalid decision", []apperr.FieldError{{Path: "counter", Message: "a counter gives the amendment that answers"}})
		}
		a, ok := st.Amendments[d.AmendmentID]
		if !ok {
			return nil, apperr.Fields("invalid decision", []apperr.FieldError{{Path: "amendment_id", Message: "no such amendment in this contract"}})
		}
		ctr := *d.Counter
		ctr.ClauseID, ctr.ID = a.ClauseID, fmt.Sprintf("r%d.1", st.Revision+1)
		if err := s.prepare(ctx, st, st.Revision, &ctr, "counter"); err != nil {
			return nil, err
		}
		d.Counter = &ctr
	}
	return s.commit(ctx, st, Event{Type: EventDecision, Actor: actor, Base: base, Decision: &d})
}

// Comment records a comment; internal ones are for city users only.
func (s *Service) Comment(ctx context.Context, id string, actor Actor, m Comment) (*State, *Comment, error) {
	st, err := s.Load(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if len(m.Text) == 0 || len(m.Text) > 20000 {
		return nil, nil, apperr.Fields("invalid comment", []apperr.FieldError{{Path: "text", Message: "must be 1 to 20,000 characters"}})
	}
	m.ID = fmt.Sprintf("m%d", st.Revision+1)
	st, err = s.commit(ctx, st, Event{Type: EventComment, Actor: actor, Base: st.Revision, Comment: &m})
	return st, &m, err
}

// SignOff records an approver's sign-off of a walk-away amendment.
func (s *Service) SignOff(ctx context.Context, id string, actor Actor, so SignOff) (*State, error) {
	st, err := s.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.commit(ctx, st, Event{Type: EventSignOff, Actor: actor, Base: st.Revision, SignOff: &so})
}

// Finalize freezes the contract with the fingerprint of its agreed content.
// The caller must be looking at the current revision: finalising something
// other than what one has read is never allowed.
func (s *Service) Finalize(ctx context.Context, id string, actor Actor, base int64) (*State, error) {
	st, err := s.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := requireBase(st, base); err != nil {
		return nil, err
	}
	if base != st.Revision {
		return nil, s.staleErr(ctx, id, base)
	}
	agreed := st.AgreedContract()
	return s.commit(ctx, st, Event{Type: EventFinalized, Actor: actor, Base: base, Finalized: &Finalized{Fingerprint: templates.Fingerprint(&agreed)}})
}

// preflight rejects writes to a final contract and checks the base.
func (s *Service) preflight(st *State, actor Actor, base int64) error {
	if st.Final != nil {
		return finalErr()
	}
	if err := st.checkActor(actor); err != nil {
		return err
	}
	return requireBase(st, base)
}
