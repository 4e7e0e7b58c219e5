package negotiation

import (
	"time"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/templates"
)

// EventType names what an event does to a contract.
type EventType string

// The event types. A contract's stream starts with EventAssembled.
const (
	EventAssembled EventType = "assembled" // the contract as assembled from its template
	EventOpened    EventType = "opened"    // the city opened it to the vendor
	EventRedline   EventType = "redline"   // a party proposed changes
	EventDecision  EventType = "decision"  // accept, reject or counter one change
	EventComment   EventType = "comment"   // a comment, internal (city only) or shared
	EventSignOff   EventType = "sign_off"  // an approver signed off a walk-away change
	EventUpgrade   EventType = "upgrade"   // a clause moved to a newer library version
	EventFinalized EventType = "finalized" // the agreed contract, frozen
)

// Side is which side of the table an actor sits on.
type Side string

// The sides.
const (
	City   Side = "city"
	Vendor Side = "vendor"
)

// Actor is who did something, as recorded in the event (names are kept so
// the history reads the same after a user is renamed or removed).
type Actor struct {
	UserID string `json:"user_id"`
	Name   string `json:"name"`
	OrgID  string `json:"org_id"`
	Org    string `json:"org"`
	Side   Side   `json:"side"`
	Role   string `json:"role"`
}

// Event is one record of a contract's stream. Exactly one payload is set.
// Every derived value a later reader needs (texts after a change, merge
// results, playbook verdicts, fingerprints) is computed when the event is
// written and stored in it, so replaying the stream never depends on the
// library, the clock or a diff timeout.
type Event struct {
	Seq   int64     `json:"-"` // the record's sequence number: the revision it creates
	Type  EventType `json:"type"`
	Actor Actor     `json:"actor"`
	At    time.Time `json:"at"`
	Base  int64     `json:"base,omitempty"` // the revision the actor was looking at

	Assembled *Assembled `json:"assembled,omitempty"`
	Redline   *Redline   `json:"redline,omitempty"`
	Decision  *Decision  `json:"decision,omitempty"`
	Comment   *Comment   `json:"comment,omitempty"`
	SignOff   *SignOff   `json:"sign_off,omitempty"`
	Upgrade   *Upgrade   `json:"upgrade,omitempty"`
	Finalized *Finalized `json:"finalized,omitempty"`
}

// Assembled is the first event: the contract and who may see it.
type Assembled struct {
	Contract  templates.Contract `json:"contract"`
	OwnerOrg  string             `json:"owner_org"`  // the municipality
	VendorOrg string             `json:"vendor_org"` // the counterparty organisation
}

// AmendmentKind is what an amendment does to a clause.
type AmendmentKind string

// The amendment kinds.
const (
	AmendText      AmendmentKind = "text"      // new wording in one language
	AmendPosition  AmendmentKind = "position"  // switch to another library position
	AmendVariables AmendmentKind = "variables" // new variable values, text re-resolved
	AmendDelete    AmendmentKind = "delete"    // remove the clause
)

// Amendment is one proposed change to one clause.
type Amendment struct {
	ID       string         `json:"id"` // "<redline>.<n>", assigned when recorded
	ClauseID string         `json:"clause_id"`
	Kind     AmendmentKind  `json:"kind"`
	Lang     clauses.Lang   `json:"lang,omitempty"`      // text
	Text     string         `json:"text,omitempty"`      // text: the proposed wording in Lang
	Position string         `json:"position,omitempty"`  // position
	Values   map[string]any `json:"variables,omitempty"` // variables

	// Computed when recorded.
	Before   clauses.Text             `json:"before"` // the clause's text it replaces
	After    clauses.Text             `json:"after"`  // the clause's text if accepted
	NewVals  map[string]clauses.Value `json:"new_values,omitempty"`
	Verdict  Verdict                  `json:"verdict"`
	Merged   bool                     `json:"merged,omitempty"`   // rebased onto a newer text by a clean three-way merge
	Conflict *MergeConflict           `json:"conflict,omitempty"` // overlapping edits: resolved by a counter
	Counters string                   `json:"counters,omitempty"` // the amendment this one answers
}

// MergeConflict records overlapping edits of one clause: the text the
// author started from, the other side's text and the author's.
type MergeConflict struct {
	Base   string       `json:"base"`
	Ours   string       `json:"ours"`
	Theirs string       `json:"theirs"`
	Lang   clauses.Lang `json:"lang"`
}

// Redline is a set of amendments a party proposes together, with a rationale.
type Redline struct {
	ID         string      `json:"id"` // "r<seq>"
	Rationale  string      `json:"rationale"`
	Amendments []Amendment `json:"amendments"`
}

// DecisionAction is what a party does with the other side's change.
type DecisionAction string

// The decisions.
const (
	Accept  DecisionAction = "accept"
	Reject  DecisionAction = "reject"
	Counter DecisionAction = "counter"
)

// Decision accepts, rejects or counters one amendment.
type Decision struct {
	AmendmentID string         `json:"amendment_id"`
	Action      DecisionAction `json:"action"`
	Reason      string         `json:"reason"`
	Counter     *Amendment     `json:"counter,omitempty"` // the answer, for Counter
}

// Comment is a threaded remark, on one clause or on the whole contract.
// An internal comment is city-only: no vendor ever receives it.
type Comment struct {
	ID       string `json:"id"` // "m<seq>"
	ClauseID string `json:"clause_id,omitempty"`
	ParentID string `json:"parent_id,omitempty"`
	Text     string `json:"text"`
	Internal bool   `json:"internal"`
}

// SignOff is an approver's recorded agreement to a walk-away amendment.
type SignOff struct {
	AmendmentID string `json:"amendment_id"`
	Note        string `json:"note"`
}

// Upgrade moves a clause to a newer approved library version.
type Upgrade struct {
	ClauseID    string       `json:"clause_id"`
	FromVersion int          `json:"from_version"`
	ToVersion   int          `json:"to_version"`
	Text        clauses.Text `json:"text"`
	LibrarySHA  string       `json:"library_sha"`
	Rationale   string       `json:"rationale"`
	// Keep records a decision not to upgrade: the clause stays on
	// FromVersion, and Rationale says why.
	Keep bool `json:"keep,omitempty"`
}

// Finalized freezes the agreed contract.
type Finalized struct {
	Fingerprint string `json:"fingerprint"` // SHA-256 of the agreed content
}
