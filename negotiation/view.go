package negotiation

// ForVendor returns a copy of the state with everything city-internal
// removed: internal comments, the playbook's verdicts, approvers'
// sign-offs and the assembly's advisory warnings. Vendors only ever
// receive this view, from every route that returns contract data.
func (s *State) ForVendor() *State {
	v := *s
	v.Contract.Warnings = nil
	v.Comments = nil
	for _, c := range s.Comments {
		if !c.Internal {
			v.Comments = append(v.Comments, c)
		}
	}
	v.Amendments = make(map[string]*AmendmentState, len(s.Amendments))
	for id, a := range s.Amendments {
		cp := *a
		cp.Verdict = Verdict{}
		cp.SignedOff, cp.SignOffNote = nil, ""
		v.Amendments[id] = &cp
	}
	return &v
}

// EventsForVendor filters a history for a vendor: internal comments and
// sign-offs are dropped, verdicts and warnings blanked.
func EventsForVendor(events []Event) []Event {
	out := make([]Event, 0, len(events))
	for _, ev := range events {
		switch {
		case ev.Type == EventComment && ev.Comment != nil && ev.Comment.Internal:
			continue
		case ev.Type == EventSignOff:
			continue
		case ev.Assembled != nil:
			a := *ev.Assembled
			a.Contract.Warnings = nil
			ev.Assembled = &a
		case ev.Redline != nil:
			r := *ev.Redline
			r.Amendments = blankVerdicts(r.Amendments)
			ev.Redline = &r
		case ev.Decision != nil && ev.Decision.Counter != nil:
			d := *ev.Decision
			c := *d.Counter
			c.Verdict = Verdict{}
			d.Counter = &c
			ev.Decision = &d
		}
		out = append(out, ev)
	}
	return out
}

func blankVerdicts(ams []Amendment) []Amendment {
	out := make([]Amendment, len(ams))
	for i, a := range ams {
		a.Verdict = Verdict{}
		out[i] = a
	}
	return out
}
