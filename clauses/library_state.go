package clauses

import (
	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// fold derives a clause's entry from its records, in order.
func fold(recs []records.Record) (Entry, error) {
	var e Entry
	for _, r := range recs {
		var ev event
		if err := records.Decode(r, &ev); err != nil {
			return Entry{}, err
		}
		e.apply(ev)
		e.head = r
	}
	return e, nil
}

func (e *Entry) apply(ev event) {
	switch ev.Type {
	case "draft":
		if ev.Clause != nil {
			e.Clause = *ev.Clause
		}
		e.Versions = append(e.Versions, VersionState{Version: *ev.Version, Status: StatusDraft})
	case "revise":
		if i := ev.Version.N - 1; i >= 0 && i < len(e.Versions) {
			e.Versions[i].Version = *ev.Version
		}
	case "approve":
		if i := ev.N - 1; i >= 0 && i < len(e.Versions) {
			at := ev.At
			e.Versions[i].Status, e.Versions[i].ApprovedBy, e.Versions[i].ApprovedAt = StatusApproved, ev.By, &at
			for j := range e.Versions[:i] {
				if e.Versions[j].Status == StatusApproved {
					e.Versions[j].Status = StatusSuperseded
				}
			}
			e.Clause.Title = e.Versions[i].Title
		}
	case "retire":
		if i := ev.N - 1; i >= 0 && i < len(e.Versions) {
			at := ev.At
			e.Versions[i].Status, e.Versions[i].RetiredBy, e.Versions[i].RetiredAt, e.Versions[i].RetireReason = StatusRetired, ev.By, &at, ev.Reason
		}
	}
}

// Version returns version n of the clause.
func (e Entry) Version(n int) (VersionState, error) {
	if n < 1 || n > len(e.Versions) {
		return VersionState{}, apperr.New(apperr.NotFound, "%s has no version %d", e.Clause.Key, n)
	}
	return e.Versions[n-1], nil
}

// LatestApproved returns the approved version in force now.
func (e Entry) LatestApproved() (VersionState, error) {
	for i := len(e.Versions) - 1; i >= 0; i-- {
		if e.Versions[i].Status == StatusApproved {
			return e.Versions[i], nil
		}
	}
	return VersionState{}, apperr.New(apperr.NotFound, "%s has no approved version", e.Clause.Key)
}

// Latest returns the newest version whatever its status.
func (e Entry) Latest() VersionState { return e.Versions[len(e.Versions)-1] }

// Status is the clause's overall status: that of its latest approved
// version, or draft when none was ever approved.
func (e Entry) Status() Status {
	if v, err := e.LatestApproved(); err == nil {
		return v.Status
	}
	for i := len(e.Versions) - 1; i >= 0; i-- {
		if e.Versions[i].Status == StatusRetired {
			return StatusRetired
		}
	}
	return StatusDraft
}

// AsOf returns the version in force on date (YYYY-MM-DD): the highest
// approved or superseded version whose effective date is on or before it,
// unless that version was retired by then.
func (e Entry) AsOf(date string) (VersionState, error) {
	for i := len(e.Versions) - 1; i >= 0; i-- {
		v := e.Versions[i]
		if v.ApprovedAt == nil || v.Effective > date {
			continue
		}
		if v.RetiredAt != nil && v.RetiredAt.Format("2006-01-02") <= date {
			return VersionState{}, apperr.New(apperr.NotFound, "%s was retired on %s", e.Clause.Key, v.RetiredAt.Format("2006-01-02"))
		}
		return v, nil
	}
	return VersionState{}, apperr.New(apperr.NotFound, "no version of %s was in force on %s", e.Clause.Key, date)
}

// Revision is the sequence number of the clause stream's newest record.
func (e Entry) Revision() int64 { return e.head.Seq }
