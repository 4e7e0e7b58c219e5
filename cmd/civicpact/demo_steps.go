package main

import (
	"fmt"
	"strings"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// The steps below drive the real negotiation service, one call each. After
// the first error every step does nothing and returns zero values; the
// error is reported once, at the end of seeding.

func (d *demo) fail(err error, format string, args ...any) {
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), err)
	}
}

// assemble assembles a contract for the vendor organisation and returns
// its ID.
func (d *demo) assemble(in templates.Input, by, vendor string) string {
	if d.err != nil {
		return ""
	}
	st, err := d.contracts.Assemble(d.ctx, in, d.actor(by), d.orgs[vendor].ID)
	if d.fail(err, "assemble %s for %s", in.ProcurementRef, vendor); err != nil {
		return ""
	}
	return st.Contract.ID
}

func (d *demo) open(id, by string) {
	if d.err == nil {
		_, err := d.contracts.Open(d.ctx, id, d.actor(by))
		d.fail(err, "open %s", id)
	}
}

// state loads a contract's current state (nil after an error).
func (d *demo) state(id string) *negotiation.State {
	if d.err != nil {
		return nil
	}
	st, err := d.contracts.Load(d.ctx, id)
	d.fail(err, "load %s", id)
	return st
}

// revision is the contract's current revision: what its reader looks at.
func (d *demo) revision(id string) int64 {
	if st := d.state(id); st != nil {
		return st.Revision
	}
	return 0
}

// propose records a redline written while looking at revision base and
// returns its amendment IDs in order.
func (d *demo) propose(id, by string, base int64, rationale string, ams ...negotiation.Amendment) []string {
	if d.err != nil {
		return nil
	}
	_, r, err := d.contracts.Propose(d.ctx, id, d.actor(by), base, rationale, ams)
	if d.fail(err, "redline by %s on %s", by, id); err != nil {
		return nil
	}
	ids := make([]string, len(r.Amendments))
	for i, a := range r.Amendments {
		ids[i] = a.ID
	}
	return ids
}

// decide accepts or rejects an amendment, or counters it with ctr; for a
// counter it returns the counter's amendment ID.
func (d *demo) decide(id, by, amendment string, action negotiation.DecisionAction, reason string, ctr *negotiation.Amendment) string {
	if d.err != nil {
		return ""
	}
	dec := negotiation.Decision{AmendmentID: amendment, Action: action, Reason: reason, Counter: ctr}
	st, err := d.contracts.Decide(d.ctx, id, d.actor(by), d.revision(id), dec)
	if d.fail(err, "%s %s by %s", action, amendment, by); err != nil || ctr == nil {
		return ""
	}
	return st.Clauses[st.Amendments[amendment].ClauseID].Pending
}

// comment records a comment on a clause ("" for the whole contract).
func (d *demo) comment(id, by, clauseID string, internal bool, text string) {
	if d.err == nil {
		_, _, err := d.contracts.Comment(d.ctx, id, d.actor(by), negotiation.Comment{ClauseID: clauseID, Text: text, Internal: internal})
		d.fail(err, "comment by %s", by)
	}
}

func (d *demo) signOff(id, by, amendment, note string) {
	if d.err == nil {
		_, err := d.contracts.SignOff(d.ctx, id, d.actor(by), negotiation.SignOff{AmendmentID: amendment, Note: note})
		d.fail(err, "sign-off of %s", amendment)
	}
}

func (d *demo) finalize(id, by string) {
	if d.err == nil {
		_, err := d.contracts.Finalize(d.ctx, id, d.actor(by), d.revision(id))
		d.fail(err, "finalise %s", id)
	}
}

// text is the clause's wording as both sides now see it.
func (d *demo) text(id, clauseID string, lang clauses.Lang) string {
	st := d.state(id)
	if st == nil {
		return ""
	}
	return st.Displayed(st.Clauses[clauseID]).In(lang)
}

// original is the clause's wording as assembled.
func (d *demo) original(id, clauseID string, lang clauses.Lang) string {
	if st := d.state(id); st != nil {
		return st.Clauses[clauseID].Original.In(lang)
	}
	return ""
}

// edit is a text amendment of clauseID: from (the wording its author is
// looking at) with old replaced by new. A library change that removes old
// is an error, so the demo never proposes a no-op.
func (d *demo) edit(clauseID string, lang clauses.Lang, from, old, new string) negotiation.Amendment {
	if d.err == nil && !strings.Contains(from, old) {
		d.err = fmt.Errorf("clause %s no longer reads %q", clauseID, old)
	}
	return negotiation.Amendment{ClauseID: clauseID, Kind: negotiation.AmendText, Lang: lang, Text: strings.Replace(from, old, new, 1)}
}

// values is an amendment that sets clause variables.
func values(clauseID string, vals map[string]any) negotiation.Amendment {
	return negotiation.Amendment{ClauseID: clauseID, Kind: negotiation.AmendVariables, Values: vals}
}
