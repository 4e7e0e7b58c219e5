package negotiation

import (
	"fmt"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

// Replay derives a contract's state from its events, in order.
func Replay(events []Event) (*State, error) {
	s := &State{}
	for _, ev := range events {
		if err := s.Apply(ev); err != nil {
			return nil, apperr.Wrap(apperr.Internal, err, "contract history does not replay at revision %d", ev.Seq)
		}
	}
	return s, nil
}

// Apply checks that ev may happen in state s and applies it. The same rules
// decide a live write and a replay, so an event that was accepted once
// always replays.
func (s *State) Apply(ev Event) error {
	if ev.Type != EventAssembled && s.Revision == 0 {
		return apperr.New(apperr.Internal, "the stream does not start with the assembled contract")
	}
	if s.Final != nil {
		return finalErr()
	}
	var err error
	switch ev.Type {
	case EventAssembled:
		err = s.applyAssembled(ev)
	case EventOpened:
		err = s.applyOpened(ev)
	case EventRedline:
		err = s.applyRedline(ev)
	case EventDecision:
		err = s.applyDecision(ev)
	case EventComment:
		err = s.applyComment(ev)
	case EventSignOff:
		err = s.applySignOff(ev)
	case EventUpgrade:
		err = s.applyUpgrade(ev)
	case EventFinalized:
		err = s.applyFinalized(ev)
	default:
		err = apperr.New(apperr.Invalid, "unknown event type %q", ev.Type)
	}
	if err != nil {
		return err
	}
	s.Revision = ev.Seq
	s.UpdatedAt = ev.At
	return nil
}

func finalErr() error {
	return apperr.New(apperr.Conflict, "the contract is finalised and can no longer change")
}

func (s *State) applyAssembled(ev Event) error {
	if s.Revision != 0 || ev.Assembled == nil {
		return apperr.New(apperr.Internal, "assembled must be the first event")
	}
	a := ev.Assembled
	s.Contract, s.OwnerOrg, s.VendorOrg = a.Contract, a.OwnerOrg, a.VendorOrg
	s.Clauses, s.Amendments = map[string]*ClauseState{}, map[string]*AmendmentState{}
	for _, art := range a.Contract.Articles {
		for _, in := range art.Clauses {
			s.Order = append(s.Order, in.ID)
			s.Clauses[in.ID] = &ClauseState{Instance: in, Article: art.Number, Status: StatusOpen, Original: in.Text}
		}
	}
	return nil
}

func (s *State) applyOpened(ev Event) error {
	if ev.Actor.Side != City {
		return apperr.New(apperr.Forbidden, "only the city opens a contract to its vendor")
	}
	if s.Opened {
		return apperr.New(apperr.Conflict, "the contract is already open to the vendor")
	}
	s.Opened = true
	return nil
}

// checkActor enforces that vendors act only once the contract is open.
func (s *State) checkActor(a Actor) error {
	if a.Side == Vendor && !s.Opened {
		return apperr.New(apperr.NotFound, "no such contract")
	}
	return nil
}

func (s *State) applyRedline(ev Event) error {
	r := ev.Redline
	if r == nil || len(r.Amendments) == 0 {
		return apperr.Fields("a redline needs at least one amendment", []apperr.FieldError{{Path: "amendments", Message: "is empty"}})
	}
	if err := s.checkActor(ev.Actor); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, am := range r.Amendments {
		path := fmt.Sprintf("amendments[%d]", i)
		c, ok := s.Clauses[am.ClauseID]
		switch {
		case !ok || c.Deleted:
			return apperr.Fields("invalid redline", []apperr.FieldError{{Path: path + ".clause_id", Message: "no such clause in this contract"}})
		case seen[am.ClauseID]:
			return apperr.Fields("invalid redline", []apperr.FieldError{{Path: path + ".clause_id", Message: "one amendment per clause in a redline"}})
		}
		seen[am.ClauseID] = true
	}
	for _, am := range r.Amendments {
		s.propose(ev, r, am)
	}
	return nil
}

// propose records am as the clause's pending amendment. A pending
// amendment from the other side is thereby countered; one from the same
// side is superseded.
func (s *State) propose(ev Event, r *Redline, am Amendment) {
	c := s.Clauses[am.ClauseID]
	if prev := c.Pending; prev != "" {
		p := s.Amendments[prev]
		if p.Author.Side == ev.Actor.Side {
			p.Status = AmendSuperseded
		} else {
			p.Status = AmendCountered
			if am.Counters == "" {
				am.Counters = prev
			}
		}
	}
	st := &AmendmentState{Amendment: am, RedlineID: r.ID, Rationale: r.Rationale, Author: ev.Actor, At: ev.At, Seq: ev.Seq, Status: AmendPending}
	s.Amendments[am.ID] = st
	s.AmendOrder = append(s.AmendOrder, am.ID)
	c.Pending = am.ID
	switch {
	case am.Conflict != nil:
		c.Status = StatusConflict
	case am.Counters != "":
		c.Status = StatusCountered
	default:
		c.Status = StatusProposed
	}
	c.history = append(c.history, textAt{ev.Seq, am.After})
}

func (s *State) applyDecision(ev Event) error {
	d := ev.Decision
	if d == nil {
		return apperr.New(apperr.Invalid, "missing decision")
	}
	if err := s.checkActor(ev.Actor); err != nil {
		return err
	}
	a, ok := s.Amendments[d.AmendmentID]
	if !ok {
		return apperr.Fields("invalid decision", []apperr.FieldError{{Path: "amendment_id", Message: "no such amendment in this contract"}})
	}
	c := s.Clauses[a.ClauseID]
	switch {
	case a.Status != AmendPending || c.Pending != a.ID:
		return &apperr.Error{Kind: apperr.Conflict, Message: "amendment " + a.ID + " is " + string(a.Status) + ", not pending: reload the contract",
			Current: map[string]any{"revision": s.Revision, "status": a.Status}}
	case a.Author.Side == ev.Actor.Side:
		return apperr.New(apperr.Forbidden, "the other side decides on an amendment, not its author's side")
	case a.Conflict != nil && d.Action == Accept:
		return apperr.New(apperr.Conflict, "amendment %s overlaps the other side's edits: counter it with the resolved text", a.ID)
	}
	by := ev.Actor
	switch d.Action {
	case Accept:
		a.Status, a.DecidedBy, a.Reason = AmendAccepted, &by, d.Reason
		c.Pending, c.Text, c.Status = "", a.After, StatusAgreed
		if a.Kind == AmendDelete {
			c.Status, c.Deleted = StatusDeleted, true
		}
		if a.Kind == AmendPosition {
			c.Position = a.Position
		}
		if len(a.NewVals) > 0 {
			if c.Values == nil {
				c.Values = map[string]clauses.Value{}
			}
			for k, v := range a.NewVals {
				c.Values[k] = v
			}
		}
	case Reject:
		a.Status, a.DecidedBy, a.Reason = AmendRejected, &by, d.Reason
		c.Pending = ""
		c.Status = s.settledStatus(c)
		c.history = append(c.history, textAt{ev.Seq, c.Text})
	case Counter:
		if d.Counter == nil || d.Counter.ClauseID != a.ClauseID {
			return apperr.Fields("invalid decision", []apperr.FieldError{{Path: "counter", Message: "a counter amends the same clause"}})
		}
		a.DecidedBy, a.Reason = &by, d.Reason
		ctr := *d.Counter
		ctr.Counters = a.ID
		rid, _, _ := strings.Cut(ctr.ID, ".") // a counter is redline "r<seq>" with one amendment
		s.propose(ev, &Redline{ID: rid, Rationale: d.Reason}, ctr)
	default:
		return apperr.Fields("invalid decision", []apperr.FieldError{{Path: "action", Message: "must be accept, reject or counter"}})
	}
	return nil
}

// settledStatus is a clause's status with nothing pending.
func (s *State) settledStatus(c *ClauseState) ClauseStatus {
	for _, id := range s.AmendOrder {
		if a := s.Amendments[id]; a.ClauseID == c.ID && a.Status == AmendAccepted {
			return StatusAgreed
		}
	}
	return StatusOpen
}

func (s *State) applyComment(ev Event) error {
	m := ev.Comment
	if m == nil {
		return apperr.New(apperr.Invalid, "missing comment")
	}
	if err := s.checkActor(ev.Actor); err != nil {
		return err
	}
	if m.Internal && ev.Actor.Side != City {
		return apperr.New(apperr.Forbidden, "only city users write internal comments")
	}
	if m.ClauseID != "" {
		if _, ok := s.Clauses[m.ClauseID]; !ok {
			return apperr.Fields("invalid comment", []apperr.FieldError{{Path: "clause_id", Message: "no such clause in this contract"}})
		}
	}
	if m.ParentID != "" && !s.hasComment(m.ParentID, ev.Actor.Side) {
		return apperr.Fields("invalid comment", []apperr.FieldError{{Path: "parent_id", Message: "no such comment"}})
	}
	s.Comments = append(s.Comments, CommentState{Comment: *m, Author: ev.Actor, At: ev.At})
	return nil
}

// hasComment reports whether a comment exists that side may reply to (a
// vendor can never reply to, or learn of, an internal comment).
func (s *State) hasComment(id string, side Side) bool {
	for _, c := range s.Comments {
		if c.ID == id {
			return !c.Internal || side == City
		}
	}
	return false
}

func (s *State) applySignOff(ev Event) error {
	so := ev.SignOff
	if so == nil {
		return apperr.New(apperr.Invalid, "missing sign-off")
	}
	if ev.Actor.Side != City {
		return apperr.New(apperr.Forbidden, "only a city approver signs off")
	}
	a, ok := s.Amendments[so.AmendmentID]
	if !ok {
		return apperr.Fields("invalid sign-off", []apperr.FieldError{{Path: "amendment_id", Message: "no such amendment in this contract"}})
	}
	if !a.AwaitingSignOff() {
		return apperr.New(apperr.Conflict, "amendment %s does not await a sign-off", a.ID)
	}
	by := ev.Actor
	a.SignedOff, a.SignOffNote = &by, so.Note
	return nil
}

func (s *State) applyUpgrade(ev Event) error {
	u := ev.Upgrade
	if u == nil || ev.Actor.Side != City {
		return apperr.New(apperr.Forbidden, "only city legal staff upgrade clauses")
	}
	c, ok := s.Clauses[u.ClauseID]
	switch {
	case !ok:
		return apperr.Fields("invalid upgrade", []apperr.FieldError{{Path: "clause_id", Message: "no such clause in this contract"}})
	case c.Pending != "":
		return apperr.New(apperr.Conflict, "clause %s has a pending amendment: decide it before upgrading", c.Number)
	case c.Version != u.FromVersion || u.ToVersion <= u.FromVersion:
		return &apperr.Error{Kind: apperr.Conflict, Message: fmt.Sprintf("clause %s pins version %d", c.Number, c.Version), Current: map[string]any{"version": c.Version}}
	case u.Keep && u.Rationale == "":
		return apperr.Fields("invalid upgrade", []apperr.FieldError{{Path: "rationale", Message: "keeping an older version needs a rationale"}})
	}
	if u.Keep {
		c.KeptVersion = u.ToVersion
		return nil
	}
	c.Version, c.Text, c.Original, c.LibrarySHA = u.ToVersion, u.Text, u.Text, u.LibrarySHA
	c.history = append(c.history, textAt{ev.Seq, u.Text})
	return nil
}

func (s *State) applyFinalized(ev Event) error {
	if ev.Actor.Side != City || ev.Finalized == nil {
		return apperr.New(apperr.Forbidden, "only city legal staff finalise a contract")
	}
	if !s.Opened {
		return apperr.New(apperr.Conflict, "open the contract to the vendor before finalising it")
	}
	if open := s.Blockers(); len(open) > 0 {
		return &apperr.Error{Kind: apperr.Conflict, Message: "the contract cannot be finalised yet: " + open[0].Message.EN,
			Current: map[string]any{"revision": s.Revision, "blockers": open}}
	}
	s.Final = ev.Finalized
	return nil
}

// Blocker is something that stands in the way of finalising.
type Blocker struct {
	ClauseID string       `json:"clause_id"`
	Number   string       `json:"number"`
	Message  clauses.Text `json:"message"`
}

// Blockers lists what prevents finalising: pending amendments, open
// conflicts and walk-aways without sign-off.
func (s *State) Blockers() []Blocker {
	var out []Blocker
	for _, id := range s.Order {
		c := s.Clauses[id]
		switch c.Status {
		case StatusProposed, StatusCountered:
			out = append(out, Blocker{id, c.Number, clauses.Text{EN: "clause " + c.Number + " has a pending amendment", FR: "l’article " + c.Number + " a une modification en attente"}})
		case StatusConflict:
			out = append(out, Blocker{id, c.Number, clauses.Text{EN: "clause " + c.Number + " has conflicting edits", FR: "l’article " + c.Number + " a des modifications contradictoires"}})
		}
	}
	for _, id := range s.AmendOrder {
		a := s.Amendments[id]
		if a.Status == AmendAccepted && a.AwaitingSignOff() {
			c := s.Clauses[a.ClauseID]
			out = append(out, Blocker{c.ID, c.Number, clauses.Text{EN: "clause " + c.Number + " crosses the walk-away line without an approver's sign-off", FR: "l’article " + c.Number + " franchit le seuil de rupture sans approbation"}})
		}
	}
	return out
}
