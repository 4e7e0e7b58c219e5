package templates

import (
	"context"
	"strconv"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/records"
)

// Store is the template library over a record log, kept like the clause
// library (clauses.Library): each template is the stream "template/<KEY>"
// of events — a version drafted or revised, approved, retired — and status
// is derived from the stream. An approved version never changes: a change
// is a new version, numbered one more than the latest, with the same key
// and route. Nobody approves their own draft. Store is a TemplateSource.
type Store struct {
	Log records.Log
	Now func() time.Time
}

// storeEvent is one record of a template stream.
type storeEvent struct {
	Type     string    `json:"type"`               // "draft", "revise", "approve", "retire"
	Template *Template `json:"template,omitempty"` // draft, revise
	N        int       `json:"n,omitempty"`        // approve, retire
	By       string    `json:"by"`
	At       time.Time `json:"at"`
	Reason   string    `json:"reason,omitempty"`
}

// VersionState is a template version with its derived status and who
// drafted, approved and retired it.
type VersionState struct {
	Template
	Status       clauses.Status `json:"status"`
	DraftedBy    string         `json:"drafted_by"`
	DraftedAt    time.Time      `json:"drafted_at"`
	ApprovedBy   string         `json:"approved_by,omitempty"`
	ApprovedAt   *time.Time     `json:"approved_at,omitempty"`
	RetiredBy    string         `json:"retired_by,omitempty"`
	RetiredAt    *time.Time     `json:"retired_at,omitempty"`
	RetireReason string         `json:"retire_reason,omitempty"`
}

func templateStream(key string) string { return "template/" + key }

// Draft records t as a new draft version: version 1 of a new template, or
// the version after the latest of an existing one (t.Version 0 means
// that). It validates everything at once with ValidateTemplate and, for a
// later version, ValidateSuccessor against the latest version.
func (s *Store) Draft(ctx context.Context, t Template, by string) (VersionState, error) {
	if !templateKeyRe.MatchString(t.Key) {
		return VersionState{}, apperr.Fields("invalid template", []apperr.FieldError{{Path: "key", Message: "must look like TPL-PILOT"}})
	}
	e, err := s.entry(ctx, t.Key)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		return VersionState{}, err
	}
	if t.Version == 0 {
		t.Version = len(e.Versions) + 1
	}
	var prev *Template
	if len(e.Versions) > 0 {
		latest := e.Latest()
		prev = &latest.Template
	}
	if err := checkVersion(prev, &t); err != nil {
		return VersionState{}, err
	}
	return s.recordDraft(ctx, e, "draft", t, by)
}

// Revise replaces the content of draft version n. An approved, superseded
// or retired version is immutable: Conflict, naming the way forward.
func (s *Store) Revise(ctx context.Context, key string, n int, t Template, by string) (VersionState, error) {
	e, err := s.entry(ctx, key)
	if err != nil {
		return VersionState{}, err
	}
	cur, err := e.Version(n)
	if err != nil {
		return VersionState{}, err
	}
	if cur.Status != clauses.StatusDraft {
		return VersionState{}, &apperr.Error{Kind: apperr.Conflict,
			Message: "version " + strconv.Itoa(n) + " of " + key + " is " + string(cur.Status) + " and can never change; draft a new version instead",
			Current: map[string]any{"version": n, "status": cur.Status, "latest": len(e.Versions)}}
	}
	if t.Key == "" {
		t.Key = key
	}
	if t.Version == 0 {
		t.Version = n
	}
	var prev *Template
	if n > 1 {
		prev = &e.Versions[n-2].Template
	}
	if err := checkRevision(prev, &t, key, n); err != nil {
		return VersionState{}, err
	}
	return s.recordDraft(ctx, e, "revise", t, by)
}

// recordDraft appends a draft or revise event for t after e's head.
func (s *Store) recordDraft(ctx context.Context, e Entry, typ string, t Template, by string) (VersionState, error) {
	at := s.Now().UTC()
	if _, err := records.Append(ctx, s.Log, e.head, templateStream(t.Key), at, storeEvent{Type: typ, Template: &t, By: by, At: at}); err != nil {
		return VersionState{}, s.conflict(ctx, err, t.Key)
	}
	return VersionState{Template: t, Status: clauses.StatusDraft, DraftedBy: by, DraftedAt: at}, nil
}

// checkVersion validates t as the version after prev (nil: the first
// version of a new template), reporting every problem at once.
func checkVersion(prev, t *Template) error {
	if prev != nil {
		return ValidateSuccessor(prev, t)
	}
	var l apperr.FieldList
	if t.Version != 1 {
		l.Add("version", "a new template starts at version 1")
	}
	if e, ok := apperr.As(ValidateTemplate(t)); ok {
		l = append(l, e.Fields...)
	}
	return l.Err("invalid template " + t.Key)
}

// checkRevision validates t as the new content of version n of key.
func checkRevision(prev, t *Template, key string, n int) error {
	var l apperr.FieldList
	if t.Key != key {
		l.Add("key", "version %d of %s keeps the key %s", n, key, key)
	}
	if t.Version != n {
		l.Add("version", "a revision keeps the version number %d", n)
	}
	same := *t // the rest is checked as if key and number were right
	same.Key, same.Version = key, n
	if e, ok := apperr.As(checkVersion(prev, &same)); ok {
		l = append(l, e.Fields...)
	}
	return l.Err("invalid template " + key)
}

// Approve approves draft version n. The approver may not be its drafter.
func (s *Store) Approve(ctx context.Context, key string, n int, by string) (VersionState, error) {
	return s.transition(ctx, key, n, by, "approve", "")
}

// Retire withdraws an approved version without replacement: it no longer
// assembles, and contracts already assembled from it keep it.
func (s *Store) Retire(ctx context.Context, key string, n int, by, reason string) (VersionState, error) {
	return s.transition(ctx, key, n, by, "retire", reason)
}

func (s *Store) transition(ctx context.Context, key string, n int, by, typ, reason string) (VersionState, error) {
	e, err := s.entry(ctx, key)
	if err != nil {
		return VersionState{}, err
	}
	cur, err := e.Version(n)
	if err != nil {
		return VersionState{}, err
	}
	if err := checkTransition(e, cur, by, typ); err != nil {
		return VersionState{}, err
	}
	at := s.Now().UTC()
	if _, err := records.Append(ctx, s.Log, e.head, templateStream(key), at, storeEvent{Type: typ, N: n, By: by, At: at, Reason: reason}); err != nil {
		return VersionState{}, s.conflict(ctx, err, key)
	}
	e, err = s.entry(ctx, key)
	if err != nil {
		return VersionState{}, err
	}
	return e.Version(n)
}

func checkTransition(e Entry, cur VersionState, by, typ string) error {
	n := strconv.Itoa(cur.Version)
	switch {
	case typ == "approve" && cur.Status != clauses.StatusDraft:
		return &apperr.Error{Kind: apperr.Conflict, Message: "version " + n + " is already " + string(cur.Status), Current: map[string]any{"status": cur.Status}}
	case typ == "approve" && e.laterApproved(cur.Version):
		return &apperr.Error{Kind: apperr.Conflict, Message: "a later version of " + e.Key + " is already approved; draft a new version instead", Current: map[string]any{"latest": len(e.Versions)}}
	case typ == "approve" && cur.DraftedBy == by && by != clauses.SystemActor:
		return apperr.New(apperr.Forbidden, "an approver may not approve their own draft")
	case typ == "retire" && cur.Status != clauses.StatusApproved && cur.Status != clauses.StatusSuperseded:
		return &apperr.Error{Kind: apperr.Conflict, Message: "only an approved version can be retired; version " + n + " is " + string(cur.Status), Current: map[string]any{"status": cur.Status}}
	}
	return nil
}

// conflict turns a lost append race into a Conflict naming the head.
func (s *Store) conflict(ctx context.Context, err error, key string) error {
	if !apperr.Is(err, apperr.Conflict) {
		return err
	}
	cur := map[string]any{}
	if e, lerr := s.entry(ctx, key); lerr == nil {
		cur["versions"], cur["revision"] = len(e.Versions), e.head.Seq
	}
	return &apperr.Error{Kind: apperr.Conflict, Message: "the template " + key + " changed while you were editing; reload and retry", Current: cur, Err: err}
}
