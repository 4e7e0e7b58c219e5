package negotiation

import (
	"context"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/templates"
)

// pinnedTemplate returns the template version a contract was assembled
// from, whatever its status now (a later version or a retirement never
// changes what an existing contract was measured against). Without a
// template store it is the built-in template.
func (s *Service) pinnedTemplate(ctx context.Context, ref templates.Ref) (*templates.Template, error) {
	if s.Templates == nil {
		return templates.BuiltinTemplate(ref.Key, ref.Version)
	}
	v, err := s.Templates.Version(ctx, ref.Key, ref.Version)
	if err != nil {
		return nil, err
	}
	return &v.Template, nil
}

// approvedTemplate returns the template version an assembly of ref would
// use: version 0 is the latest approved.
func (s *Service) approvedTemplate(ctx context.Context, ref templates.Ref) (*templates.Template, error) {
	if s.Templates == nil {
		return templates.BuiltinTemplate(ref.Key, ref.Version)
	}
	return s.Templates.Approved(ctx, ref.Key, ref.Version)
}

// TemplateList returns the latest approved version of every template that
// has one, sorted by key: what a new contract can be assembled from.
func (s *Service) TemplateList(ctx context.Context) ([]templates.Template, error) {
	if s.Templates == nil {
		return templates.Builtin()
	}
	all, err := s.Templates.All(ctx)
	if err != nil {
		return nil, err
	}
	var out []templates.Template
	for _, e := range all {
		v, err := e.LatestApproved()
		switch {
		case apperr.Is(err, apperr.NotFound):
			continue
		case err != nil:
			return nil, err
		}
		out = append(out, v.Template)
	}
	return out, nil
}
