package templates

import (
	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/records"
)

// Entry is a stored template with every version, as derived from its
// stream.
type Entry struct {
	Key      string         `json:"key"`
	Route    clauses.Route  `json:"route"`
	Versions []VersionState `json:"versions"`
	head     records.Record
}

// foldTemplate derives a template's entry from its records, in order.
func foldTemplate(recs []records.Record) (Entry, error) {
	var e Entry
	for _, r := range recs {
		var ev storeEvent
		if err := records.Decode(r, &ev); err != nil {
			return Entry{}, err
		}
		e.apply(ev)
		e.head = r
	}
	return e, nil
}

func (e *Entry) apply(ev storeEvent) {
	switch ev.Type {
	case "draft":
		e.Key, e.Route = ev.Template.Key, ev.Template.Route
		e.Versions = append(e.Versions, VersionState{Template: *ev.Template, Status: clauses.StatusDraft, DraftedBy: ev.By, DraftedAt: ev.At})
	case "revise":
		if v := e.at(ev.Template.Version); v != nil {
			v.Template, v.DraftedBy, v.DraftedAt = *ev.Template, ev.By, ev.At
			e.Route = ev.Template.Route
		}
	case "approve":
		if v := e.at(ev.N); v != nil {
			at := ev.At
			v.Status, v.ApprovedBy, v.ApprovedAt = clauses.StatusApproved, ev.By, &at
			for j := range e.Versions[:ev.N-1] {
				if e.Versions[j].Status == clauses.StatusApproved {
					e.Versions[j].Status = clauses.StatusSuperseded
				}
			}
		}
	case "retire":
		if v := e.at(ev.N); v != nil {
			at := ev.At
			v.Status, v.RetiredBy, v.RetiredAt, v.RetireReason = clauses.StatusRetired, ev.By, &at, ev.Reason
		}
	}
}

// at returns version n, or nil when there is none.
func (e *Entry) at(n int) *VersionState {
	if n < 1 || n > len(e.Versions) {
		return nil
	}
	return &e.Versions[n-1]
}

// Version returns version n of the template, whatever its status.
func (e Entry) Version(n int) (VersionState, error) {
	if v := e.at(n); v != nil {
		return *v, nil
	}
	return VersionState{}, apperr.New(apperr.NotFound, "%s has no version %d", e.Key, n)
}

// LatestApproved returns the approved version in force now.
func (e Entry) LatestApproved() (VersionState, error) {
	for i := len(e.Versions) - 1; i >= 0; i-- {
		if e.Versions[i].Status == clauses.StatusApproved {
			return e.Versions[i], nil
		}
	}
	return VersionState{}, apperr.New(apperr.NotFound, "%s has no approved version", e.Key)
}

// Latest returns the newest version whatever its status.
func (e Entry) Latest() VersionState { return e.Versions[len(e.Versions)-1] }

// Status is the template's overall status: approved when a version is in
// force, else retired when one was retired, else draft.
func (e Entry) Status() clauses.Status {
	if _, err := e.LatestApproved(); err == nil {
		return clauses.StatusApproved
	}
	for _, v := range e.Versions {
		if v.Status == clauses.StatusRetired {
			return clauses.StatusRetired
		}
	}
	return clauses.StatusDraft
}

// Revision is the sequence number of the template stream's newest record.
func (e Entry) Revision() int64 { return e.head.Seq }

func (e Entry) laterApproved(n int) bool {
	for _, v := range e.Versions[n:] {
		if v.ApprovedAt != nil {
			return true
		}
	}
	return false
}
