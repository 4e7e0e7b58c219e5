package server

import (
	"fmt"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// The assembly form names each input after the path the assembler reports
// its errors at ("variables.cap_multiple", "positions.SCL-LOL-01",
// "parties[1].signatories[0].name"), so every field error lands next to
// its input.

// formField is one input of the assembly form.
type formField struct {
	Name, ID, Label, Kind, Value, Hint, Error, Default string
	Options                                            []formOption
	Checked, Required                                  bool
}

type formOption struct {
	Value, Label string
	Selected     bool
}

// formValues reads a field's submitted (or default) value.
type formValues func(name string) (string, bool)

// fieldID turns a field name into an HTML id.
func fieldID(name string) string {
	return "f-" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' {
			return r
		}
		return '-'
	}, name)
}

// varField builds the input for variable d, named name.
func varField(name string, d clauses.Variable, lang clauses.Lang, vals formValues) formField {
	f := formField{Name: name, ID: fieldID(name), Label: d.Label.In(lang), Kind: inputKind(d.Type), Required: d.Required}
	if d.Default != nil {
		f.Default = fmt.Sprint(d.Default)
	}
	v, given := vals(name)
	if !given {
		v = f.Default
	}
	f.Value = v
	switch d.Type {
	case clauses.TypeBoolean:
		f.Checked = v == "true"
	case clauses.TypeEnum, clauses.TypeParty:
		values := d.Values
		if d.Type == clauses.TypeParty {
			values = []string{"city", "vendor"}
		}
		for _, o := range values {
			f.Options = append(f.Options, formOption{Value: o, Label: o, Selected: o == v})
		}
	}
	f.Hint = string(d.Type)
	return f
}

// inputKind is how a variable type is asked: "text", "textarea", "date",
// "select", "checkbox", or "number" (a text input with a decimal keypad:
// number inputs would reformat amounts by the browser's locale).
func inputKind(t clauses.VarType) string {
	switch t {
	case clauses.TypeText:
		return "textarea"
	case clauses.TypeDate:
		return "date"
	case clauses.TypeEnum, clauses.TypeParty:
		return "select"
	case clauses.TypeBoolean:
		return "checkbox"
	case clauses.TypeInteger, clauses.TypeDecimal, clauses.TypeMoney, clauses.TypePercent:
		return "number"
	}
	return "text"
}

// clauseVarNames names each user variable of the blank's clauses: the
// plain name ("review_days") when every clause declaring it agrees on its
// type and it is not a template variable, else the clause-qualified name
// ("SCL-ALGO-01.risk_level"), which the assembler looks up first.
func clauseVarNames(b *negotiation.Blank) map[string]string {
	decl := map[string]clauses.Variable{}
	clash := map[string]bool{}
	for _, s := range b.Slots {
		for _, d := range userVars(s.Version) {
			_, isTemplate := b.Template.Variable(d.Name)
			if prev, seen := decl[d.Name]; isTemplate || seen && !sameKind(prev, d) {
				clash[d.Name] = true
			}
			decl[d.Name] = d
		}
	}
	names := map[string]string{}
	for _, s := range b.Slots {
		for _, d := range userVars(s.Version) {
			names[s.ClauseKey+"."+d.Name] = "variables." + d.Name
			if clash[d.Name] {
				names[s.ClauseKey+"."+d.Name] = "variables." + s.ClauseKey + "." + d.Name
			}
		}
	}
	return names
}

func sameKind(a, b clauses.Variable) bool {
	return a.Type == b.Type && strings.Join(a.Values, "|") == strings.Join(b.Values, "|")
}

// userVars lists the variables of v the parties fill.
func userVars(v clauses.Version) []clauses.Variable {
	var out []clauses.Variable
	for _, d := range v.Variables {
		if d.Source == "" || d.Source == clauses.SourceUser {
			out = append(out, d)
		}
	}
	return out
}

// assemblyInput binds the form to an assembly input: empty values are left
// out (so defaults apply and required ones are reported), an unticked box
// is false, and a position equal to the slot's default is not sent.
func assemblyInput(b *negotiation.Blank, vals formValues, langs []string) templates.Input {
	in := templates.Input{Template: b.Template.Ref(), Variables: map[string]any{}, Positions: map[string]string{}}
	in.Province, _ = vals("province")
	in.ProcurementRef, _ = vals("procurement_ref")
	for _, l := range langs {
		in.Languages = append(in.Languages, clauses.Lang(l))
	}
	set := func(name string, d clauses.Variable) {
		v, _ := vals(name)
		if d.Type == clauses.TypeBoolean {
			v = fmt.Sprint(v == "true")
		}
		if strings.TrimSpace(v) != "" {
			in.Variables[strings.TrimPrefix(name, "variables.")] = normaliseNewlines(v)
		}
	}
	for _, d := range b.Template.Variables {
		set("variables."+d.Name, d)
	}
	names := clauseVarNames(b)
	for _, s := range b.Slots {
		for _, d := range userVars(s.Version) {
			set(names[s.ClauseKey+"."+d.Name], d)
		}
		if p, _ := vals("positions." + s.ClauseKey); p != "" && p != s.DefaultPosition {
			in.Positions[s.ClauseKey] = p
		}
	}
	for i, role := range []string{templates.RoleCity, templates.RoleVendor} {
		in.Parties = append(in.Parties, partyInput(vals, i, role))
	}
	return in
}

// maxSignatories is how many signatory rows the form offers per party.
const maxSignatories = 2

func partyInput(vals formValues, i int, role string) templates.Party {
	get := func(field string) string {
		v, _ := vals(fmt.Sprintf("parties[%d].%s", i, field))
		return strings.TrimSpace(v)
	}
	p := templates.Party{Role: role, Name: get("name"), Address: get("address")}
	for j := range maxSignatories {
		s := templates.Signatory{Name: get(fmt.Sprintf("signatories[%d].name", j)), Title: get(fmt.Sprintf("signatories[%d].title", j)),
			AuthorityRef: get(fmt.Sprintf("signatories[%d].authority_ref", j))}
		if j == 0 || s != (templates.Signatory{}) {
			p.Signatories = append(p.Signatories, s)
		}
	}
	return p
}

// fieldErrors indexes an Invalid error's field messages by path; other
// errors give nil.
func fieldErrors(err error) map[string]string {
	ae, ok := apperr.As(err)
	if !ok || ae.Kind != apperr.Invalid {
		return nil
	}
	out := map[string]string{}
	for _, f := range ae.Fields {
		if prev := out[f.Path]; prev != "" {
			out[f.Path] = prev + "; " + f.Message
		} else {
			out[f.Path] = f.Message
		}
	}
	if len(ae.Fields) == 0 {
		out[""] = ae.Message
	}
	return out
}
