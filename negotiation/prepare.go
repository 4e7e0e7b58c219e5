package negotiation

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/templates"
)

// MaxClauseText bounds one clause's proposed text.
const MaxClauseText = 100_000

// prepare validates one amendment against the state and fills in what it
// does: the text before and after, new values, the playbook verdict, and
// the result of merging it onto a clause that changed since base.
func (s *Service) prepare(ctx context.Context, st *State, base int64, am *Amendment, path string) error {
	bad := func(field, format string, args ...any) error {
		var l apperr.FieldList
		l.Add(path+"."+field, format, args...)
		return l.Err("invalid amendment")
	}
	c, ok := st.Clauses[am.ClauseID]
	if !ok || c.Deleted {
		return bad("clause_id", "no such clause in this contract")
	}
	am.Before = st.Displayed(c)
	switch am.Kind {
	case AmendText:
		return s.prepareText(st, c, base, am, bad)
	case AmendPosition:
		return s.preparePosition(ctx, st, c, am, bad)
	case AmendVariables:
		return s.prepareValues(ctx, st, c, am, bad)
	case AmendDelete:
		am.After, am.Verdict = clauses.Text{}, judgeDelete(c.Required)
		return nil
	}
	return bad("kind", "must be text, position, variables or delete")
}

func (s *Service) prepareText(st *State, c *ClauseState, base int64, am *Amendment, bad func(string, string, ...any) error) error {
	if !slices.Contains(st.Contract.Languages, am.Lang) {
		return bad("lang", "must be one of the contract's languages (%s)", langList(st.Contract.Languages))
	}
	text := strings.TrimSpace(strings.ReplaceAll(am.Text, "\r\n", "\n"))
	if text == "" || len(text) > MaxClauseText {
		return bad("text", "must be 1 to %d bytes of clause text", MaxClauseText)
	}
	doc, err := clauses.Parse(text)
	if err != nil {
		return bad("text", "%v", err)
	}
	proposed := doc.String()
	ours := am.Before.In(am.Lang)
	if proposed == ours {
		return bad("text", "is the clause's current text: nothing to change")
	}
	am.After = am.Before
	setLang(&am.After, am.Lang, proposed)
	if from := c.textAt(base).In(am.Lang); from != ours {
		m := Merge3(from, ours, proposed)
		if m.Clean {
			setLang(&am.After, am.Lang, m.Text)
			am.Merged = true
		} else {
			am.Conflict = &MergeConflict{Base: from, Ours: ours, Theirs: proposed, Lang: am.Lang}
		}
	}
	am.Text = proposed
	am.Verdict = judgeText(ours, am.After.In(am.Lang))
	return nil
}

func (s *Service) preparePosition(ctx context.Context, st *State, c *ClauseState, am *Amendment, bad func(string, string, ...any) error) error {
	ver, err := s.Library.Version(ctx, c.ClauseKey, c.Version)
	if err != nil {
		return err
	}
	p, ok := ver.Position(am.Position)
	if !ok || am.Position == c.Position {
		return bad("position", "must be another position offered by %s v%d", c.ClauseKey, c.Version)
	}
	text, vals, err := templates.ResolveClause(&st.Contract, ver.Version, am.Position, rawValues(c.Values))
	if err != nil {
		return err
	}
	am.After, am.NewVals, am.Verdict = text, vals, judgePosition(p)
	return nil
}

func (s *Service) prepareValues(ctx context.Context, st *State, c *ClauseState, am *Amendment, bad func(string, string, ...any) error) error {
	if len(am.Values) == 0 {
		return bad("variables", "give at least one value")
	}
	ver, err := s.Library.Version(ctx, c.ClauseKey, c.Version)
	if err != nil {
		return err
	}
	for name := range am.Values {
		d, ok := ver.Variable(name)
		if !ok || (d.Source != "" && d.Source != clauses.SourceUser) {
			return bad("variables."+name, "is not a variable the parties set in %s v%d", c.ClauseKey, c.Version)
		}
	}
	current, _, err := templates.ResolveClause(&st.Contract, ver.Version, c.Position, rawValues(c.Values))
	if err != nil {
		return err
	}
	if current != st.Displayed(c) {
		return apperr.New(apperr.Conflict, "clause %s has negotiated wording; propose new text rather than new values", c.Number)
	}
	overrides := rawValues(c.Values)
	for k, v := range am.Values {
		overrides[k] = v
	}
	text, vals, err := templates.ResolveClause(&st.Contract, ver.Version, c.Position, overrides)
	if err != nil {
		return err
	}
	am.NewVals = map[string]clauses.Value{}
	for name := range am.Values {
		am.NewVals[name] = vals[name]
	}
	if text == am.Before {
		return bad("variables", "these values do not change the clause")
	}
	am.After, am.Verdict = text, judgeValues(ver.Version, am.NewVals)
	return nil
}

func rawValues(vals map[string]clauses.Value) map[string]any {
	out := map[string]any{}
	for k, v := range vals {
		out[k] = v.Raw()
	}
	return out
}

func setLang(t *clauses.Text, lang clauses.Lang, s string) {
	if lang == clauses.FR {
		t.FR = s
	} else {
		t.EN = s
	}
}

func langList(ls []clauses.Lang) string {
	var parts []string
	for _, l := range ls {
		parts = append(parts, string(l))
	}
	return strings.Join(parts, ", ")
}

// AgreedContract is the contract as agreed so far: each clause with its
// current text, position and version; deleted clauses left out and the
// rest renumbered within their articles.
func (s *State) AgreedContract() templates.Contract {
	c := s.Contract
	c.Articles = nil
	for _, art := range s.Contract.Articles {
		out := art
		out.Clauses = nil
		for _, in := range art.Clauses {
			cs := s.Clauses[in.ID]
			if cs.Deleted {
				continue
			}
			in.Text, in.Position, in.Version, in.LibrarySHA = cs.Text, cs.Position, cs.Version, cs.LibrarySHA
			in.Number = strconv.Itoa(art.Number) + "." + strconv.Itoa(len(out.Clauses)+1)
			out.Clauses = append(out.Clauses, in)
		}
		c.Articles = append(c.Articles, out)
	}
	vars := make(map[string]clauses.Value, len(s.Contract.Variables))
	for k, v := range s.Contract.Variables {
		vars[k] = v
	}
	for k, v := range s.agreedValues() {
		vars[k] = v
	}
	c.Variables = vars
	c.Fingerprint = ""
	return c
}

func (s *State) agreedValues() map[string]clauses.Value {
	out := map[string]clauses.Value{}
	for _, id := range s.Order {
		for k, v := range s.Clauses[id].Values {
			out[s.Clauses[id].ClauseKey+"."+k] = v
		}
	}
	return out
}
