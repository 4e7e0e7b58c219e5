package negotiation

import (
	"time"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/templates"
)

// ClauseStatus is where a clause stands in the negotiation.
type ClauseStatus string

// Clause statuses. An open clause has had no amendment: it stands as
// assembled and is agreed by both parties when the contract is finalised.
// Proposed and countered clauses wait for the other side; agreed clauses
// carry an accepted amendment; a conflict holds overlapping edits that a
// counter must resolve; a deleted clause was removed by agreement.
const (
	StatusOpen      ClauseStatus = "open"
	StatusProposed  ClauseStatus = "proposed"
	StatusCountered ClauseStatus = "countered"
	StatusAgreed    ClauseStatus = "agreed"
	StatusConflict  ClauseStatus = "conflict"
	StatusDeleted   ClauseStatus = "deleted"
)

// AmendmentStatus is the life of one amendment.
type AmendmentStatus string

// Amendment statuses.
const (
	AmendPending    AmendmentStatus = "pending"
	AmendAccepted   AmendmentStatus = "accepted"
	AmendRejected   AmendmentStatus = "rejected"
	AmendCountered  AmendmentStatus = "countered"
	AmendSuperseded AmendmentStatus = "superseded" // its author proposed again on the clause
)

// ClauseState is one clause of the contract as negotiated so far.
type ClauseState struct {
	templates.Instance
	Article  int                      `json:"article"`
	Status   ClauseStatus             `json:"status"`
	Original clauses.Text             `json:"original"` // as assembled (the library standard for this contract)
	Pending  string                   `json:"pending,omitempty"`
	Values   map[string]clauses.Value `json:"values,omitempty"` // values changed by agreed amendments
	Deleted  bool                     `json:"deleted,omitempty"`
	// KeptVersion is a newer library version the city decided not to adopt.
	KeptVersion int `json:"kept_version,omitempty"`
	// history lists the clause's displayed text after each event that
	// changed it, for three-way merges against an author's base revision.
	history []textAt
}

type textAt struct {
	seq  int64
	text clauses.Text
}

// AmendmentState is an amendment with what became of it.
type AmendmentState struct {
	Amendment
	RedlineID   string          `json:"redline_id"`
	Rationale   string          `json:"rationale"`
	Author      Actor           `json:"author"`
	At          time.Time       `json:"at"`
	Seq         int64           `json:"seq"`
	Status      AmendmentStatus `json:"status"`
	DecidedBy   *Actor          `json:"decided_by,omitempty"`
	Reason      string          `json:"reason,omitempty"`
	SignedOff   *Actor          `json:"signed_off_by,omitempty"`
	SignOffNote string          `json:"sign_off_note,omitempty"`
}

// AwaitingSignOff reports whether the amendment was agreed (or is
// proposed) across the walk-away line without an approver's sign-off.
func (a *AmendmentState) AwaitingSignOff() bool {
	return a.Verdict.NeedsSignOff() && a.SignedOff == nil && (a.Status == AmendAccepted || a.Status == AmendPending)
}

// CommentState is a comment with its author.
type CommentState struct {
	Comment
	Author Actor     `json:"author"`
	At     time.Time `json:"at"`
}

// State is a contract's negotiation state, derived from its events.
type State struct {
	Contract   templates.Contract         `json:"contract"`
	OwnerOrg   string                     `json:"owner_org"`
	VendorOrg  string                     `json:"vendor_org"`
	Revision   int64                      `json:"revision"`
	Opened     bool                       `json:"opened"`
	Final      *Finalized                 `json:"finalized,omitempty"`
	Order      []string                   `json:"order"` // clause IDs in contract order
	Clauses    map[string]*ClauseState    `json:"clauses"`
	Amendments map[string]*AmendmentState `json:"amendments"`
	AmendOrder []string                   `json:"amendment_order"`
	Comments   []CommentState             `json:"comments"`
	UpdatedAt  time.Time                  `json:"updated_at"`
	head       records.Record
}

// Clause returns the state of clause id.
func (s *State) Clause(id string) (*ClauseState, bool) {
	c, ok := s.Clauses[id]
	return c, ok
}

// Turn says which side must act on a clause, or "" when nobody must.
func (s *State) Turn(c *ClauseState) Side {
	if c.Pending == "" {
		return ""
	}
	if s.Amendments[c.Pending].Author.Side == City {
		return Vendor
	}
	return City
}

// textAt returns the clause's displayed text as of revision seq.
func (c *ClauseState) textAt(seq int64) clauses.Text {
	t := c.Original
	for _, h := range c.history {
		if h.seq > seq {
			break
		}
		t = h.text
	}
	return t
}

// Displayed is the clause's text as both sides now see it: the pending
// amendment's text if there is one, else the agreed text.
func (s *State) Displayed(c *ClauseState) clauses.Text {
	if c.Pending != "" {
		return s.Amendments[c.Pending].After
	}
	return c.Text
}
