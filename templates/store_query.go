package templates

import (
	"context"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/records"
)

// Summary is one row of the template list.
type Summary struct {
	Key             string         `json:"key"`
	Route           clauses.Route  `json:"route"`
	Title           clauses.Text   `json:"title"` // the approved version's, else the latest's
	Status          clauses.Status `json:"status"`
	LatestVersion   int            `json:"latest_version"`
	ApprovedVersion int            `json:"approved_version,omitempty"`
}

// Get returns a template with its whole history.
func (s *Store) Get(ctx context.Context, key string) (Entry, error) {
	return s.entry(ctx, key)
}

// Version returns version n of key whatever its status; n = 0 means the
// latest approved. Reports on existing contracts read their pinned version
// through it, even once that version is superseded or retired.
func (s *Store) Version(ctx context.Context, key string, n int) (VersionState, error) {
	e, err := s.entry(ctx, key)
	if err != nil {
		return VersionState{}, err
	}
	if n == 0 {
		return e.LatestApproved()
	}
	return e.Version(n)
}

// Approved returns version n of key for assembly: n = 0 is the latest
// approved version; an explicit n must be approved or superseded (a draft
// or a retired version is NotFound). Each call returns a fresh copy.
func (s *Store) Approved(ctx context.Context, key string, n int) (*Template, error) {
	v, err := s.Version(ctx, key, n)
	if err != nil {
		return nil, err
	}
	if v.Status != clauses.StatusApproved && v.Status != clauses.StatusSuperseded {
		return nil, apperr.New(apperr.NotFound, "version %d of %s is %s; only approved versions assemble", n, key, v.Status)
	}
	return &v.Template, nil
}

// Template is Approved without a request context, which makes Store a
// TemplateSource. Callers with a context use Approved.
func (s *Store) Template(key string, n int) (*Template, error) {
	return s.Approved(context.Background(), key, n)
}

// All returns every stored template, ordered by key.
func (s *Store) All(ctx context.Context) ([]Entry, error) {
	var out []Entry
	err := records.ScanStreams(ctx, s.Log, "template/", func(recs []records.Record) error {
		e, err := foldTemplate(recs)
		out = append(out, e)
		return err
	})
	return out, err
}

// List summarises every stored template, ordered by key.
func (s *Store) List(ctx context.Context) ([]Summary, error) {
	all, err := s.All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(all))
	for _, e := range all {
		latest := e.Latest()
		sum := Summary{Key: e.Key, Route: e.Route, Title: latest.Title, Status: e.Status(), LatestVersion: latest.Version}
		if v, err := e.LatestApproved(); err == nil {
			sum.Title, sum.ApprovedVersion = v.Title, v.Version
		}
		out = append(out, sum)
	}
	return out, nil
}

// Seed imports the built-in templates as approved versions, drafted and
// approved by clauses.SystemActor, into a store that holds no template
// yet, and reports how many it imported (0 when the store had some).
func (s *Store) Seed(ctx context.Context) (int, error) {
	have, err := s.All(ctx)
	if err != nil || len(have) > 0 {
		return 0, err
	}
	builtin, err := Builtin()
	if err != nil {
		return 0, err
	}
	for _, t := range builtin {
		if t.Version != 1 {
			return 0, apperr.New(apperr.Internal, "built-in template %s is version %d; a store starts at version 1", t.Key, t.Version)
		}
		at := s.Now().UTC()
		r, err := records.Append(ctx, s.Log, records.Record{}, templateStream(t.Key), at, storeEvent{Type: "draft", Template: &t, By: clauses.SystemActor, At: at})
		if err == nil {
			_, err = records.Append(ctx, s.Log, r, templateStream(t.Key), at, storeEvent{Type: "approve", N: t.Version, By: clauses.SystemActor, At: at})
		}
		if err != nil {
			return 0, s.conflict(ctx, err, t.Key)
		}
	}
	return len(builtin), nil
}

func (s *Store) entry(ctx context.Context, key string) (Entry, error) {
	if !templateKeyRe.MatchString(key) {
		return Entry{}, apperr.New(apperr.NotFound, "no template %s", key)
	}
	recs, err := s.Log.Read(ctx, templateStream(key), 1)
	if err != nil {
		return Entry{}, err
	}
	if len(recs) == 0 {
		return Entry{}, apperr.New(apperr.NotFound, "no template %s", key)
	}
	return foldTemplate(recs)
}
