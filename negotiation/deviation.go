package negotiation

import (
	"context"
	"strconv"

	"github.com/civicpact/civicpact/clauses"
)

// Deviation is one departure of the agreed contract from the library
// standard: a position other than the route's default, wording other than
// the library's, changed values, or a deleted clause — with who proposed
// and agreed it, why, the playbook's verdict and any approver's sign-off.
// Council reports and access-to-information requests are built from it.
type Deviation struct {
	ClauseID        string          `json:"clause_id"`
	Number          string          `json:"number"`
	ClauseKey       string          `json:"clause_key"`
	Version         int             `json:"version"`
	Title           clauses.Text    `json:"title"`
	Kinds           []string        `json:"kinds"` // "position", "wording", "values", "deleted"
	DefaultPosition string          `json:"default_position"`
	AgreedPosition  string          `json:"agreed_position"`
	Diff            TextDiff        `json:"diff"` // library standard → agreed, in the primary language
	Lang            clauses.Lang    `json:"lang"`
	Amendments      []DeviationStep `json:"amendments"`
}

// DeviationStep is one accepted amendment behind a deviation.
type DeviationStep struct {
	ID          string  `json:"id"`
	ProposedBy  Actor   `json:"proposed_by"`
	Rationale   string  `json:"rationale"`
	AgreedBy    *Actor  `json:"agreed_by"`
	Reason      string  `json:"reason"`
	Verdict     Verdict `json:"verdict"`
	SignedOffBy *Actor  `json:"signed_off_by,omitempty"`
	SignOffNote string  `json:"sign_off_note,omitempty"`
}

// Deviations lists every departure from the library standard, in contract
// order. The standard for a clause is its template's default position
// (templates.Template.DefaultPosition) in the contract's pinned template
// version and the pinned library version,
// resolved with the contract's values.
func (s *Service) Deviations(ctx context.Context, st *State) ([]Deviation, error) {
	lang := st.Contract.Languages[0]
	tpl, err := s.pinnedTemplate(ctx, st.Contract.Template)
	if err != nil {
		return nil, err
	}
	var out []Deviation
	for _, id := range st.Order {
		c := st.Clauses[id]
		ver, err := s.Library.Version(ctx, c.ClauseKey, c.Version)
		if err != nil {
			return nil, err
		}
		d := Deviation{ClauseID: id, Number: c.Number, ClauseKey: c.ClauseKey, Version: c.Version, Title: c.Title,
			DefaultPosition: tpl.DefaultPosition(ver.Version), AgreedPosition: c.Position, Lang: lang}
		standard := c.Original
		if d.DefaultPosition != c.Position {
			d.Kinds = append(d.Kinds, "position")
		}
		switch {
		case c.Deleted:
			d.Kinds = append(d.Kinds, "deleted")
		case len(c.Values) > 0:
			d.Kinds = append(d.Kinds, "values")
		}
		if c.Text != c.Original && !c.Deleted && len(c.Values) == 0 {
			d.Kinds = append(d.Kinds, "wording")
		}
		if len(d.Kinds) == 0 {
			continue
		}
		d.Diff = DiffText(standard.In(lang), c.Text.In(lang))
		d.Amendments = st.acceptedSteps(id)
		out = append(out, d)
	}
	return out, nil
}

func (s *State) acceptedSteps(clauseID string) []DeviationStep {
	var out []DeviationStep
	for _, aid := range s.AmendOrder {
		a := s.Amendments[aid]
		if a.ClauseID != clauseID || a.Status != AmendAccepted {
			continue
		}
		out = append(out, DeviationStep{ID: a.ID, ProposedBy: a.Author, Rationale: a.Rationale, AgreedBy: a.DecidedBy,
			Reason: a.Reason, Verdict: a.Verdict, SignedOffBy: a.SignedOff, SignOffNote: a.SignOffNote})
	}
	return out
}

// ClauseTexts lists the contract's clauses as the diff engine reads them,
// with the text both sides see in lang.
func (s *State) ClauseTexts(lang clauses.Lang) []ClauseText {
	out := make([]ClauseText, 0, len(s.Order))
	for _, id := range s.Order {
		c := s.Clauses[id]
		if c.Deleted {
			continue
		}
		out = append(out, ClauseText{ID: id, Number: c.Number, Title: c.Title.In(lang), Text: s.Displayed(c).In(lang), Article: strconv.Itoa(c.Article)})
	}
	return out
}

// RevisionDiff is the clause-aware redline between two revisions.
func (s *Service) RevisionDiff(ctx context.Context, id string, from, to int64, lang clauses.Lang) (DocumentDiff, error) {
	a, err := s.StateAt(ctx, id, from)
	if err != nil {
		return DocumentDiff{}, err
	}
	b, err := s.StateAt(ctx, id, to)
	if err != nil {
		return DocumentDiff{}, err
	}
	return DiffDocument(a.ClauseTexts(lang), b.ClauseTexts(lang)), nil
}
