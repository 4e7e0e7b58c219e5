package server

import (
	"context"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// The workspace's "Switch position" and "Change values" forms are built
// from the clause version the contract pins, so a party is offered only
// what the library offers. Both post to the same form route as a text
// edit, with a hidden "kind"; the negotiation service decides.

// amendForms is what the clause panel offers besides a text edit.
type amendForms struct {
	Positions []positionChoice
	Values    []formField
	// ValuesBlocked: the clause's text is no longer its library wording
	// with values filled in (negotiated wording, or a pending change), so
	// only a text edit can change it.
	ValuesBlocked bool
}

// positionChoice is one position in the "Switch position" form. Stance is
// blank in a vendor's form: the city's playbook is internal.
type positionChoice struct {
	ID, InputID, Label, Rationale, Stance string
	Current, Checked                      bool
}

// varPrefix prefixes each value input's name in the "Change values" form.
const varPrefix = "var."

// addLibraryViews completes the panel with what the pinned clause version
// says: the variables' labels in value changes and, when the caller may
// propose, the position and values forms.
func (s *Server) addLibraryViews(ctx context.Context, p identity.Principal, st *negotiation.State, b *workspaceBody, ui clauses.Lang) error {
	cp := b.Panel
	if cp == nil || s.deps.Library == nil {
		return nil
	}
	cs := st.Clauses[cp.ID]
	ver, err := s.deps.Library.Version(ctx, cs.ClauseKey, cs.Version)
	if err != nil {
		return err
	}
	labelValues(cp, st, ver.Version, ui)
	if cp.CanPropose {
		cp.Amend = amendFormsFor(st, cs, ver.Version, ui, p.IsCity(), b.Form)
	}
	return nil
}

// labelValues rewrites the summaries of the panel's value changes with the
// variables' labels ("Cap multiple of fees = 0.75", not "cap_multiple").
func labelValues(cp *clausePanel, st *negotiation.State, ver clauses.Version, ui clauses.Lang) {
	label := func(name string) string {
		if d, ok := ver.Variable(name); ok && d.Label.In(ui) != "" {
			return d.Label.In(ui)
		}
		return name
	}
	fix := func(av *amendView) {
		if a, ok := st.Amendments[av.ID]; ok && a.Kind == negotiation.AmendVariables {
			av.Summary = valuesSummary(a, string(ui), label)
		}
	}
	if cp.Pending != nil {
		fix(cp.Pending)
	}
	for i := range cp.History {
		fix(&cp.History[i])
	}
	for i := range cp.SignOffs {
		fix(&cp.SignOffs[i])
	}
}

func amendFormsFor(st *negotiation.State, cs *negotiation.ClauseState, ver clauses.Version, ui clauses.Lang, city bool, fp *formProblem) *amendForms {
	af := &amendForms{}
	chosen := cs.Position
	if fp != nil && fp.Form == "position" && fp.Text != "" {
		chosen = fp.Text
	}
	if len(ver.Positions) > 1 {
		for _, pos := range ver.Positions {
			pc := positionChoice{ID: pos.ID, InputID: "position-" + pos.ID, Label: pos.Label.In(ui), Rationale: pos.Rationale.In(ui),
				Current: pos.ID == cs.Position, Checked: pos.ID == chosen}
			if city {
				pc.Stance = string(pos.Stance)
			}
			af.Positions = append(af.Positions, pc)
		}
	}
	vars := userVars(ver)
	resolved, _, err := templates.ResolveClause(&st.Contract, ver, cs.Position, rawValues(cs.Values))
	af.ValuesBlocked = err != nil || cs.Pending != "" || resolved != cs.Text
	vals := func(name string) (string, bool) {
		if fp != nil && fp.Form == "variables" {
			v, ok := fp.Values[name]
			return v, ok
		}
		return currentValue(st, cs, strings.TrimPrefix(name, varPrefix))
	}
	for _, d := range vars {
		if _, used := currentValue(st, cs, d.Name); !used {
			continue // the current position's wording does not use it
		}
		f := varField(varPrefix+d.Name, d, ui, vals)
		f.Required = false
		if fp != nil && fp.Form == "variables" {
			f.Error = fp.Fields[d.Name]
		}
		af.Values = append(af.Values, f)
	}
	return af
}

// rawValues turns checked values back into what an input carries.
func rawValues(vals map[string]clauses.Value) map[string]any {
	out := make(map[string]any, len(vals))
	for k, v := range vals {
		out[k] = v.Raw()
	}
	return out
}

// currentValue is the value a clause's variable has now: changed by an
// agreed amendment, else as assembled (clause-qualified first).
func currentValue(st *negotiation.State, cs *negotiation.ClauseState, name string) (string, bool) {
	if v, ok := cs.Values[name]; ok {
		return v.Canonical(), true
	}
	for _, key := range []string{cs.ClauseKey + "." + name, name} {
		if v, ok := st.Contract.Variables[key]; ok {
			return v.Canonical(), true
		}
	}
	return "", false
}

// formAmendment binds the redline form of the given kind to an amendment
// and the problem to show if it is refused.
func (s *Server) formAmendment(c echo.Context, st *negotiation.State) (negotiation.Amendment, *formProblem, error) {
	clause, why := c.FormValue("clause_id"), c.FormValue("rationale")
	switch kind := c.FormValue("kind"); kind {
	case "position":
		pos := c.FormValue("position")
		return negotiation.Amendment{ClauseID: clause, Kind: negotiation.AmendPosition, Position: pos},
			&formProblem{Form: "position", Text: pos, Reason: why}, nil
	case "variables":
		return s.valuesAmendment(c, st, clause, why)
	default:
		text := c.FormValue("text")
		return negotiation.Amendment{ClauseID: clause, Kind: negotiation.AmendText, Lang: langOf(c.FormValue("lang")), Text: text},
			&formProblem{Form: "propose", Text: text, Reason: why}, nil
	}
}

// valuesAmendment reads the "Change values" form: every value sent that
// differs from the clause's current one, numbers written as people write
// them ("1,000,000", "0,75" in French) brought to the library's format.
func (s *Server) valuesAmendment(c echo.Context, st *negotiation.State, clause, why string) (negotiation.Amendment, *formProblem, error) {
	am := negotiation.Amendment{ClauseID: clause, Kind: negotiation.AmendVariables, Values: map[string]any{}}
	fp := &formProblem{Form: "variables", Reason: why, Values: map[string]string{}}
	cs, ok := st.Clause(clause)
	if !ok {
		return am, fp, nil // the service names the unknown clause
	}
	ver, err := s.deps.Library.Version(c.Request().Context(), cs.ClauseKey, cs.Version)
	if err != nil {
		return am, fp, err
	}
	form, _ := c.FormParams()
	for _, d := range userVars(ver.Version) {
		raw, sent := form.Get(varPrefix+d.Name), form.Has(varPrefix+d.Name)
		if d.Type == clauses.TypeBoolean {
			raw, sent = boolText(raw == "true"), true // an unticked box is not sent
		}
		now, used := currentValue(st, cs, d.Name)
		if !sent || !used {
			continue
		}
		fp.Values[varPrefix+d.Name] = raw
		raw = normaliseNumber(d.Type, raw, uiLang(c))
		if v, err := d.Check(raw); err == nil && v.Canonical() == now {
			continue
		}
		am.Values[d.Name] = raw
	}
	return am, fp, nil
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// normaliseNumber drops currency signs, spaces and thousands separators
// from a number input; in French a decimal comma becomes a point.
func normaliseNumber(t clauses.VarType, s, ui string) string {
	switch t {
	case clauses.TypeMoney, clauses.TypeDecimal, clauses.TypePercent, clauses.TypeInteger:
	default:
		return s
	}
	drop := "$ \u00a0\u202f%"
	if ui == "fr" {
		s = strings.ReplaceAll(s, ",", ".")
	} else {
		drop += ","
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(drop, r) {
			return -1
		}
		return r
	}, s)
}

// valueErrors files an Invalid error's messages about variables under the
// variable's name (paths "amendments[0].variables.cap_multiple",
// "variables.SCL-LOL-01.cap_multiple"); the rest are returned joined.
func valueErrors(err error) (map[string]string, string) {
	ae, ok := apperr.As(err)
	if !ok || ae.Kind != apperr.Invalid {
		return nil, ""
	}
	fields := map[string]string{}
	var rest []string
	for _, f := range ae.Fields {
		_, name, found := strings.Cut(f.Path, "variables.")
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		if !found || name == "" {
			rest = append(rest, f.Message)
			continue
		}
		fields[name] = strings.TrimSpace(fields[name] + " " + f.Message)
	}
	if len(ae.Fields) == 0 {
		rest = append(rest, ae.Message)
	}
	return fields, strings.Join(rest, " ")
}
