package negotiation

import (
	"context"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/templates"
)

// Upgrade moves a clause to the latest approved library version, re-resolved
// with the contract's values — or, with keep, records the decision to stay
// on the pinned version and why. Either way it is an event in the history:
// nothing in a contract ever changes silently. A final contract never
// changes at all.
func (s *Service) Upgrade(ctx context.Context, id string, actor Actor, clauseID, rationale string, keep bool) (*State, error) {
	st, err := s.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	if st.Final != nil {
		return nil, finalErr()
	}
	c, ok := st.Clauses[clauseID]
	if !ok {
		return nil, apperr.Fields("invalid upgrade", []apperr.FieldError{{Path: "clause_id", Message: "no such clause in this contract"}})
	}
	latest, err := s.Library.Version(ctx, c.ClauseKey, 0)
	if err != nil {
		return nil, err
	}
	if latest.N <= c.Version {
		return nil, &apperr.Error{Kind: apperr.Conflict, Message: c.ClauseKey + " is already on its latest approved version", Current: map[string]any{"version": c.Version}}
	}
	u := &Upgrade{ClauseID: clauseID, FromVersion: c.Version, ToVersion: latest.N, Rationale: rationale, Keep: keep}
	if !keep {
		p, ok := latest.Position(c.Position)
		if !ok {
			return nil, apperr.New(apperr.Conflict, "version %d of %s no longer offers position %s: choose a position by redline", latest.N, c.ClauseKey, c.Position)
		}
		text, _, err := templates.ResolveClause(&st.Contract, latest.Version, c.Position, rawValues(c.Values))
		if err != nil {
			return nil, err
		}
		u.Text, u.LibrarySHA = text, templates.LibrarySHA(p)
	}
	return s.commit(ctx, st, Event{Type: EventUpgrade, Actor: actor, Base: st.Revision, Upgrade: u})
}
