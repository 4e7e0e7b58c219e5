package templates

import (
	"fmt"
	"slices"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

// templateValues checks the template variables (a given value, else the
// default) and prepares the names conditions may use.
func (a *assembler) templateValues() {
	a.condVars = map[string]any{"province": a.in.Province, "route": string(a.tpl.Route)}
	a.badVars = map[string]bool{}
	for _, d := range a.tpl.Variables {
		raw, given := a.in.Variables[d.Name]
		if !given {
			raw = d.Default
		}
		val, ok := a.check(d, raw, "variables."+d.Name, "")
		if !ok {
			a.badVars[d.Name] = true
		}
		if ok && !val.IsZero() {
			a.values[d.Name] = val
			a.condVars[d.Name] = val
		}
	}
}

// contractValues fills city_name and vendor_name from the parties.
func (a *assembler) contractValues() {
	for name, role := range map[string]string{"city_name": RoleCity, "vendor_name": RoleVendor} {
		p, ok := party(a.in.Parties, role)
		if !ok || p.Name == "" {
			continue
		}
		if val, err := checkValue(clauses.Variable{Name: name, Type: clauses.TypeString}, p.Name); err == nil {
			a.values[name] = val
		}
	}
}

// check checks raw against d and adds every problem at path; by names the
// clause that needs the value, if any.
func (a *assembler) check(d clauses.Variable, raw any, path, by string) (clauses.Value, bool) {
	val, err := checkValue(d, raw)
	if err == nil {
		return val, true
	}
	e, ok := apperr.As(err)
	if !ok || len(e.Fields) == 0 {
		a.problems.Add(path, "%v", err)
		return val, false
	}
	for _, f := range e.Fields {
		if by != "" {
			a.problems.Add(path, "%s (%s)", f.Message, by)
		} else {
			a.problems.Add(path, "%s", f.Message)
		}
	}
	return val, false
}

// clauseValues checks the values of the user and contract variables a
// clause text uses. A value is looked up as "KEY.name", then "name", then
// the declared default; a missing one is reported as required by the
// clause.
func (a *assembler) clauseValues(key string, ver *clauses.Version, pos string, names []string) map[string]clauses.Value {
	vals := map[string]clauses.Value{}
	by := fmt.Sprintf("%s v%d position %s", key, ver.N, pos)
	for _, name := range names {
		d, ok := ver.Variable(name)
		if !ok {
			a.problems.Add("clauses."+key, "the library text uses {{%s}}, which %s does not declare", name, by)
			continue
		}
		switch d.Source {
		case clauses.SourceJurisdiction:
			continue
		case clauses.SourceContract:
			if v, ok := a.values[name]; ok {
				vals[name] = v
			}
			continue
		}
		if v, ok := a.userValue(key, d, by); ok {
			vals[name] = v
		}
	}
	return vals
}

// userValue finds, checks and records the value of a user variable for a
// clause.
func (a *assembler) userValue(key string, d clauses.Variable, by string) (clauses.Value, bool) {
	name, qualified := d.Name, key+"."+d.Name
	raw, given := a.in.Variables[qualified]
	store, path := qualified, "variables."+qualified
	if !given {
		raw, given = a.in.Variables[name]
		store, path = name, "variables."+name
	}
	if !given {
		raw = d.Default
	}
	val, ok := a.check(d, raw, path, by)
	if !ok {
		return val, false
	}
	if val.IsZero() {
		a.problems.Add(path, "is required (%s)", by)
		return val, false
	}
	if prev, clash := a.values[store]; clash && prev != val && !given {
		store = qualified // a default that differs from another clause's value
	}
	a.values[store] = val
	a.playbook(d, val, path, by)
	return val, true
}

// playbook warns when a value leaves the city's preferred range, and asks
// for sign-off when it leaves the fallback range.
func (a *assembler) playbook(d clauses.Variable, val clauses.Value, path, by string) {
	x, ok := val.Float()
	if !ok {
		return
	}
	switch {
	case d.Fallback != nil && !d.Fallback.Contains(x):
		a.warn("walk_away_value", path, true, clauses.Text{
			EN: fmt.Sprintf("%s is outside the playbook's fallback range (%s): an approver must sign off.", val.Format(clauses.EN), by),
			FR: fmt.Sprintf("%s est hors de la plage de repli du guide de négociation (%s) : une approbation est requise.", val.Format(clauses.FR), by),
		})
	case d.Preferred != nil && !d.Preferred.Contains(x):
		a.warn("fallback_value", path, false, clauses.Text{
			EN: fmt.Sprintf("%s is outside the city's preferred range but within the fallback range (%s): legal must agree.", val.Format(clauses.EN), by),
			FR: fmt.Sprintf("%s est hors de la plage privilégiée par la Ville, mais dans la plage de repli (%s) : le service juridique doit y consentir.", val.Format(clauses.FR), by),
		})
	}
}

// formatValue formats a value for insertion into markup: a multi-line text
// value is joined into one line so that it cannot split the block.
func formatValue(v clauses.Value, lang clauses.Lang) string {
	s := v.Format(lang)
	if strings.ContainsAny(s, "\r\n") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// checkInputNames reports variables and positions the input sets that the
// contract does not know: every variable must be a template variable or a
// user variable of one of the template's clauses, and every position must
// be for one of the template's clauses.
func (a *assembler) checkInputNames(slots []slotRef) {
	declared := map[string]clauses.Variable{}
	byKey := map[string]*slotRef{}
	for i := range slots {
		sr := &slots[i]
		byKey[sr.slot.ClauseKey] = sr
		if sr.version != nil {
			for _, d := range sr.version.Variables {
				declared[d.Name] = d
				declared[sr.slot.ClauseKey+"."+d.Name] = d
			}
		}
	}
	for _, name := range sortedKeys(a.in.Variables) {
		a.checkInputName(name, declared)
	}
	for _, key := range sortedKeys(a.in.Positions) {
		sr, ok := byKey[key]
		switch {
		case !ok:
			a.problems.Add("positions."+key, "%s is not a clause of template %s", key, a.tpl.Key)
		case !sr.included:
			a.warn("position_ignored", "positions."+key, false, clauses.Text{
				EN: key + " is not included in this contract (its condition is false); the chosen position is ignored.",
				FR: key + " n’est pas inclus dans le présent contrat (sa condition est fausse); la position choisie est ignorée.",
			})
		}
	}
}

func (a *assembler) checkInputName(name string, declared map[string]clauses.Variable) {
	path := "variables." + name
	if _, ok := a.tpl.Variable(name); ok {
		return
	}
	short := name[strings.LastIndexByte(name, '.')+1:]
	switch d, ok := declared[name]; {
	case slices.Contains(clauses.JurisdictionVars, short) || (ok && d.Source == clauses.SourceJurisdiction):
		a.problems.Add(path, "is filled from the %s jurisdiction pack and cannot be set", a.in.Province)
	case slices.Contains(clauses.ContractVars, short) || (ok && d.Source == clauses.SourceContract):
		a.problems.Add(path, "is filled from the parties and cannot be set")
	case reservedName(short):
		a.problems.Add(path, "is filled by the engine and cannot be set")
	case !ok:
		a.problems.Add(path, "unknown variable: neither template %s nor any of its clauses declares it", a.tpl.Key)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
