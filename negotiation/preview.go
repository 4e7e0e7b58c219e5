package negotiation

import (
	"context"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/templates"
)

// PreviewID is the ID a previewed contract carries: it is never recorded.
const PreviewID = "preview"

// Preview assembles a contract from in exactly as Assemble would, with the
// same checks and field errors, but records nothing: the assembly form's
// Preview button shows the result before anyone commits to it.
func (s *Service) Preview(ctx context.Context, in templates.Input) (*templates.Contract, error) {
	return templates.Assemble(in, s.assemblyLibrary(ctx), s.Now(), func() string { return PreviewID })
}

// Blank is a template with the clause versions an assembly would use today:
// what the assembly form asks for and the templates page shows.
type Blank struct {
	Template templates.Template
	Slots    []BlankSlot
}

// BlankSlot is one slot of a blank with its article index, its clause
// version (Missing when the library has none) and the position assembly
// would choose when the form leaves it alone.
type BlankSlot struct {
	templates.Slot
	Article         int
	Version         clauses.Version
	Missing         bool
	DefaultPosition string
}

// Blank returns the blank of template ref (version 0: the latest
// approved), with each slot's pinned or latest approved clause version.
func (s *Service) Blank(ctx context.Context, ref templates.Ref) (*Blank, error) {
	t, err := s.approvedTemplate(ctx, ref)
	if err != nil {
		return nil, err
	}
	b := &Blank{Template: *t}
	for i, art := range t.Articles {
		for _, slot := range art.Slots {
			bs := BlankSlot{Slot: slot, Article: i}
			v, err := s.Library.Version(ctx, slot.ClauseKey, slot.Pin)
			switch {
			case apperr.Is(err, apperr.NotFound):
				bs.Missing = true
			case err != nil:
				return nil, err
			default:
				bs.Version = v.Version
				bs.DefaultPosition = defaultPosition(t.Route, slot, v.Version)
			}
			b.Slots = append(b.Slots, bs)
		}
	}
	return b, nil
}

// Blanks returns the blank of every template with an approved version,
// sorted by key.
func (s *Service) Blanks(ctx context.Context) ([]Blank, error) {
	all, err := s.TemplateList(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Blank, 0, len(all))
	for _, t := range all {
		b, err := s.Blank(ctx, t.Ref())
		if err != nil {
			return nil, err
		}
		out = append(out, *b)
	}
	return out, nil
}

// defaultPosition is the position assembly picks without a choice: the
// slot's, else the version's route default, else its first.
func defaultPosition(route clauses.Route, slot templates.Slot, v clauses.Version) string {
	if slot.Position != "" {
		return slot.Position
	}
	if id := v.RouteDefaults[route]; id != "" {
		return id
	}
	if len(v.Positions) > 0 {
		return v.Positions[0].ID
	}
	return ""
}
