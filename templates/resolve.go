package templates

import (
	"github.com/civicpact/civicpact/clauses"
)

// ResolveClause resolves position pos of clause version ver for contract c,
// as assembly would, with c's values overridden by overrides (raw values by
// variable name, as decoded from JSON). Negotiation uses it to turn a
// position switch or new variable values into the clause's new text. It
// applies the province's position rules, so a position blocked in Québec
// is refused here too, and returns the checked values the text uses.
func ResolveClause(c *Contract, ver clauses.Version, pos string, overrides map[string]any) (clauses.Text, map[string]clauses.Value, error) {
	raw := map[string]any{}
	for name, v := range c.Variables {
		raw[name] = v.Raw()
	}
	for name, v := range overrides {
		raw[name] = v
	}
	a := &assembler{in: Input{Province: c.Province, Languages: c.Languages, Parties: c.Parties, Variables: raw}, values: map[string]clauses.Value{}}
	for name, v := range c.Variables {
		a.values[name] = v
	}
	a.loadPack()
	p, ok := ver.Position(pos)
	if !ok {
		a.problems.Add("position", "position %q is not offered by %s v%d", pos, ver.Key, ver.N)
		return clauses.Text{}, nil, a.problems.Err("the clause cannot be resolved")
	}
	a.positionRules(ver.Key, p)
	text, _ := a.clauseText(ver.Key, &ver, p)
	if err := dedupe(a.problems).Err("the clause cannot be resolved"); err != nil {
		return clauses.Text{}, nil, err
	}
	used := map[string]clauses.Value{}
	for name, v := range a.values {
		if _, isContract := c.Variables[name]; !isContract || overrides[name] != nil {
			used[name] = v
		}
	}
	return text, used, nil
}
