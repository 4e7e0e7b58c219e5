package clauses

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// Library is the clause library service over a record log. Each clause is
// the stream "clause/<KEY>" of events: a version drafted or revised, a
// version approved, a version retired. Status, history and the version in
// force on a date are derived from that stream.
type Library struct {
	Log records.Log
	Now func() time.Time
}

// event is one record of a clause stream.
type event struct {
	Type    string    `json:"type"` // "draft", "revise", "approve", "retire"
	Clause  *Clause   `json:"clause,omitempty"`
	Version *Version  `json:"version,omitempty"` // draft, revise
	N       int       `json:"n,omitempty"`       // approve, retire
	By      string    `json:"by"`
	At      time.Time `json:"at"`
	Reason  string    `json:"reason,omitempty"`
}

// VersionState is a version with its derived status and approvals.
type VersionState struct {
	Version
	Status       Status     `json:"status"`
	ApprovedBy   string     `json:"approved_by,omitempty"`
	ApprovedAt   *time.Time `json:"approved_at,omitempty"`
	RetiredBy    string     `json:"retired_by,omitempty"`
	RetiredAt    *time.Time `json:"retired_at,omitempty"`
	RetireReason string     `json:"retire_reason,omitempty"`
}

// Entry is a clause with every version, as derived from its stream.
type Entry struct {
	Clause   Clause         `json:"clause"`
	Versions []VersionState `json:"versions"`
	head     records.Record
}

func stream(key string) string { return "clause/" + key }

// Draft records a new clause (first version) or a new draft version of an
// existing clause, validating everything first. The version number is
// assigned here: one more than the latest.
func (l *Library) Draft(ctx context.Context, c Clause, v Version, by string) (VersionState, error) {
	if !ValidKey(c.Key) {
		return VersionState{}, apperr.Fields("invalid clause", []apperr.FieldError{{Path: "key", Message: "must look like SCL-DATA-03"}})
	}
	e, err := l.entry(ctx, c.Key)
	isNew := apperr.Is(err, apperr.NotFound)
	if err != nil && !isNew {
		return VersionState{}, err
	}
	if !isNew {
		c = e.Clause
	}
	v.Key, v.N, v.DraftedBy, v.DraftedAt = c.Key, len(e.Versions)+1, by, l.Now().UTC()
	if c.Title == (Text{}) {
		c.Title = v.Title
	}
	if v.Title == (Text{}) {
		v.Title = c.Title // a new version keeps the clause's title unless it changes it
	}
	fl := append(ValidateClause(c), ValidateVersion(c, v)...)
	if err := fl.Err("invalid clause version"); err != nil {
		return VersionState{}, err
	}
	ev := event{Type: "draft", Version: &v, By: by, At: v.DraftedAt}
	if isNew {
		ev.Clause = &c
	}
	if _, err := records.Append(ctx, l.Log, e.head, stream(c.Key), v.DraftedAt, ev); err != nil {
		return VersionState{}, l.conflict(ctx, err, c.Key)
	}
	return VersionState{Version: v, Status: StatusDraft}, nil
}

// Revise replaces the content of a draft version. An approved, superseded
// or retired version is immutable: Conflict, naming the way forward.
func (l *Library) Revise(ctx context.Context, key string, n int, v Version, by string) (VersionState, error) {
	e, err := l.entry(ctx, key)
	if err != nil {
		return VersionState{}, err
	}
	cur, err := e.Version(n)
	if err != nil {
		return VersionState{}, err
	}
	if cur.Status != StatusDraft {
		return VersionState{}, &apperr.Error{Kind: apperr.Conflict,
			Message: "version " + strconv.Itoa(n) + " of " + key + " is " + string(cur.Status) + " and can never change; draft a new version instead",
			Current: map[string]any{"version": n, "status": cur.Status, "latest": len(e.Versions)}}
	}
	v.Key, v.N, v.DraftedBy, v.DraftedAt = key, n, by, l.Now().UTC()
	if err := ValidateVersion(e.Clause, v).Err("invalid clause version"); err != nil {
		return VersionState{}, err
	}
	ev := event{Type: "revise", Version: &v, By: by, At: v.DraftedAt}
	if _, err := records.Append(ctx, l.Log, e.head, stream(key), v.DraftedAt, ev); err != nil {
		return VersionState{}, l.conflict(ctx, err, key)
	}
	return VersionState{Version: v, Status: StatusDraft}, nil
}

// Approve approves draft version n. The approver may not be its drafter.
func (l *Library) Approve(ctx context.Context, key string, n int, by string) (VersionState, error) {
	return l.transition(ctx, key, n, by, "approve", "")
}

// Retire withdraws an approved version without replacement.
func (l *Library) Retire(ctx context.Context, key string, n int, by, reason string) (VersionState, error) {
	return l.transition(ctx, key, n, by, "retire", reason)
}

func (l *Library) transition(ctx context.Context, key string, n int, by, typ, reason string) (VersionState, error) {
	e, err := l.entry(ctx, key)
	if err != nil {
		return VersionState{}, err
	}
	cur, err := e.Version(n)
	if err != nil {
		return VersionState{}, err
	}
	switch {
	case typ == "approve" && cur.Status != StatusDraft:
		return VersionState{}, &apperr.Error{Kind: apperr.Conflict, Message: "version " + strconv.Itoa(n) + " is already " + string(cur.Status), Current: map[string]any{"status": cur.Status}}
	case typ == "approve" && laterApproved(e, n):
		return VersionState{}, &apperr.Error{Kind: apperr.Conflict, Message: "a later version of " + key + " is already approved; draft a new version instead", Current: map[string]any{"latest": len(e.Versions)}}
	case typ == "approve" && cur.DraftedBy == by && by != SystemActor:
		return VersionState{}, apperr.New(apperr.Forbidden, "an approver may not approve their own draft")
	case typ == "retire" && cur.Status != StatusApproved && cur.Status != StatusSuperseded:
		return VersionState{}, &apperr.Error{Kind: apperr.Conflict, Message: "only an approved version can be retired; version " + strconv.Itoa(n) + " is " + string(cur.Status), Current: map[string]any{"status": cur.Status}}
	}
	at := l.Now().UTC()
	if _, err := records.Append(ctx, l.Log, e.head, stream(key), at, event{Type: typ, N: n, By: by, At: at, Reason: reason}); err != nil {
		return VersionState{}, l.conflict(ctx, err, key)
	}
	e, err = l.entry(ctx, key)
	if err != nil {
		return VersionState{}, err
	}
	return e.Version(n)
}

// SystemActor drafts and approves the starter library.
const SystemActor = "library"

// conflict turns a lost append race into a Conflict naming the head.
func (l *Library) conflict(ctx context.Context, err error, key string) error {
	if !apperr.Is(err, apperr.Conflict) {
		return err
	}
	e, lerr := l.entry(ctx, key)
	cur := map[string]any{}
	if lerr == nil {
		cur["versions"] = len(e.Versions)
		cur["revision"] = e.head.Seq
	}
	return &apperr.Error{Kind: apperr.Conflict, Message: "the clause " + key + " changed while you were editing; reload and retry", Current: cur, Err: err}
}

// Get returns a clause with its whole history.
func (l *Library) Get(ctx context.Context, key string) (Entry, error) {
	return l.entry(ctx, key)
}

// Version returns version n of key; n = 0 means the latest approved.
func (l *Library) Version(ctx context.Context, key string, n int) (VersionState, error) {
	e, err := l.entry(ctx, key)
	if err != nil {
		return VersionState{}, err
	}
	if n == 0 {
		return e.LatestApproved()
	}
	return e.Version(n)
}

func (l *Library) entry(ctx context.Context, key string) (Entry, error) {
	if !ValidKey(key) {
		return Entry{}, apperr.New(apperr.NotFound, "no clause %s", key)
	}
	recs, err := l.Log.Read(ctx, stream(key), 1)
	if err != nil {
		return Entry{}, err
	}
	if len(recs) == 0 {
		return Entry{}, apperr.New(apperr.NotFound, "no clause %s", key)
	}
	return fold(recs)
}

// sameContent reports whether two versions carry the same wording and
// options (ignoring who drafted them and when). It compares the stored
// JSON form, so an empty list and a missing one are the same, as they are
// once stored.
func sameContent(a, b Version) bool {
	a.DraftedBy, a.DraftedAt, b.DraftedBy, b.DraftedAt = "", time.Time{}, "", time.Time{}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

func laterApproved(e Entry, n int) bool {
	for _, v := range e.Versions[n:] {
		if v.ApprovedAt != nil {
			return true
		}
	}
	return false
}
