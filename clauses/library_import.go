package clauses

import (
	"context"
	"fmt"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// ImportItem is one clause as a library folder describes it: every version
// with the status and approvals it should have.
type ImportItem struct {
	File     string // for error messages
	Clause   Clause
	Versions []VersionState
}

// ImportReport says what an import changed.
type ImportReport struct {
	Created   []string `json:"created"`   // new clauses
	Versioned []string `json:"versioned"` // "KEY vN" drafted, revised, approved or retired
	Unchanged int      `json:"unchanged"` // clauses already as the files say
}

// Import brings the library to the state the items describe. It plans every
// clause first and applies nothing when any item cannot be applied: an
// approved version that differs from the file, a version number that skips,
// a status that cannot be reached. Items are validated by the caller.
func (l *Library) Import(ctx context.Context, items []ImportItem) (ImportReport, error) {
	var fl apperr.FieldList
	plans := make([][]event, len(items))
	heads := make([]records.Record, len(items))
	var rep ImportReport
	defer l.invalidate()
	for i, it := range items {
		e, err := l.entry(ctx, it.Clause.Key)
		if err != nil && !apperr.Is(err, apperr.NotFound) {
			return ImportReport{}, err
		}
		plans[i] = planImport(&fl, it, e)
		heads[i] = e.head
	}
	if err := fl.Err("the library folder cannot be imported; nothing was changed"); err != nil {
		return ImportReport{}, err
	}
	for i, plan := range plans {
		if len(plan) == 0 {
			rep.Unchanged++
			continue
		}
		key := items[i].Clause.Key
		if heads[i].Seq == 0 {
			rep.Created = append(rep.Created, key)
		}
		for _, ev := range plan {
			r, err := records.Append(ctx, l.Log, heads[i], stream(key), l.Now(), ev)
			if err != nil {
				return rep, l.conflict(ctx, err, key)
			}
			heads[i] = r
			rep.Versioned = append(rep.Versioned, fmt.Sprintf("%s v%d %s", key, max(ev.N, vn(ev)), ev.Type))
		}
	}
	return rep, nil
}

func vn(ev event) int {
	if ev.Version != nil {
		return ev.Version.N
	}
	return 0
}

// planImport lists the events that take entry e to item it.
func planImport(fl *apperr.FieldList, it ImportItem, e Entry) []event {
	var plan []event
	for i, want := range it.Versions {
		path := fmt.Sprintf("%s: version %d", it.File, want.N)
		if want.N != i+1 {
			fl.Add(path, "versions must be numbered 1, 2, 3 … in order")
			return nil
		}
		have := VersionState{}
		if i < len(e.Versions) {
			have = e.Versions[i]
		} else {
			v := want.Version
			ev := event{Type: "draft", Version: &v, By: v.DraftedBy, At: v.DraftedAt}
			if i == 0 {
				c := it.Clause
				ev.Clause = &c
			}
			plan = append(plan, ev)
			have = VersionState{Version: v, Status: StatusDraft}
		}
		if !sameContent(have.Version, want.Version) {
			if have.Status != StatusDraft {
				fl.Add(path, "is %s in the library with different wording; approved text never changes: give the change a new version number", have.Status)
				continue
			}
			v := want.Version
			plan = append(plan, event{Type: "revise", Version: &v, By: v.DraftedBy, At: v.DraftedAt})
		}
		plan = append(plan, statusEvents(fl, path, have, want)...)
	}
	if len(it.Versions) < len(e.Versions) {
		fl.Add(it.File, "the library has %d versions of %s but the file has %d; versions are never deleted", len(e.Versions), it.Clause.Key, len(it.Versions))
	}
	return plan
}

// statusEvents moves a version from have's status to want's.
func statusEvents(fl *apperr.FieldList, path string, have, want VersionState) []event {
	approved := func() event {
		return event{Type: "approve", N: want.N, By: want.ApprovedBy, At: deref(want.ApprovedAt)}
	}
	retired := func() event {
		return event{Type: "retire", N: want.N, By: want.RetiredBy, At: deref(want.RetiredAt), Reason: want.RetireReason}
	}
	wasApproved := have.ApprovedAt != nil
	wantApproved := want.Status == StatusApproved || want.Status == StatusSuperseded || want.Status == StatusRetired
	var out []event
	switch {
	case wasApproved && !wantApproved:
		fl.Add(path, "is approved in the library; the file cannot make it a draft again")
		return nil
	case !wasApproved && wantApproved:
		if want.ApprovedBy == "" || want.ApprovedAt == nil {
			fl.Add(path, "is %s but names no approved_by/approved_at", want.Status)
			return nil
		}
		out = append(out, approved())
	}
	switch {
	case have.Status == StatusRetired && want.Status != StatusRetired:
		fl.Add(path, "is retired in the library; retirement cannot be undone")
	case have.Status != StatusRetired && want.Status == StatusRetired:
		out = append(out, retired())
	}
	return out
}

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
