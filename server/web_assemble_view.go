package server

import (
	"fmt"
	"slices"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// formBuilder builds the assembly form and remembers each field's label,
// so the error summary can name and link the input of every problem.
type formBuilder struct {
	lang   clauses.Lang
	vals   formValues
	errs   map[string]string
	labels map[string]string
	order  []string
}

func (fb *formBuilder) add(f formField) formField {
	f.Error = fb.errs[f.Name]
	fb.labels[f.Name] = f.Label
	fb.order = append(fb.order, f.Name)
	return f
}

// text is a plain text input (kind "text" or "textarea").
func (fb *formBuilder) text(name, labelKey, kind string, required bool) formField {
	v, _ := fb.vals(name)
	return fb.add(formField{Name: name, ID: fieldID(name), Label: translate(string(fb.lang), labelKey), Kind: kind, Value: v, Required: required})
}

func (fb *formBuilder) choice(name, labelKey string, opts []formOption) formField {
	v, _ := fb.vals(name)
	f := formField{Name: name, ID: fieldID(name), Label: translate(string(fb.lang), labelKey), Kind: "select", Required: true}
	for _, o := range opts {
		o.Selected = o.Value == v
		f.Options = append(f.Options, o)
	}
	return fb.add(f)
}

// assembleForm fills body with the form for blank b.
func assembleForm(body assembleBody, b *negotiation.Blank, vals formValues, langs []string, vendors []formOption, errs map[string]string, lang clauses.Lang) assembleBody {
	fb := &formBuilder{lang: lang, vals: vals, errs: errs, labels: map[string]string{}}
	body.Chosen, body.TemplateKey, body.Title, body.Route = true, b.Template.Key, b.Template.Title.In(lang), string(b.Template.Route)
	var provinces []formOption
	for _, code := range []string{"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"} {
		provinces = append(provinces, formOption{Value: code, Label: translate(string(lang), "province."+code)})
	}
	body.General = []formField{
		fb.text("procurement_ref", "assemble.ref", "text", true),
		fb.choice("province", "assemble.province", provinces),
		fb.choice("vendor_org_id", "assemble.vendor", vendors),
	}
	for _, l := range clauses.Langs {
		body.Langs = append(body.Langs, formField{Name: "languages", ID: "f-lang-" + string(l), Label: translate(string(lang), "lang."+string(l)),
			Value: string(l), Checked: slices.Contains(langs, string(l))})
	}
	body.LangError = langErrors(errs)
	fb.labels["languages"], fb.order = translate(string(lang), "assemble.languages"), append(fb.order, "languages")
	for _, d := range b.Template.Variables {
		body.TemplateVars = append(body.TemplateVars, fb.add(varField("variables."+d.Name, d, lang, vals)))
	}
	body.Articles = fb.articles(b)
	body.Parties = []formParty{fb.party(0, templates.RoleCity), fb.party(1, templates.RoleVendor)}
	body.Errors = fb.summary()
	return body
}

// langErrors joins the errors about the languages list.
func langErrors(errs map[string]string) string {
	msg := errs["languages"]
	for i := range 2 {
		if m := errs[fmt.Sprintf("languages[%d]", i)]; m != "" {
			msg += " " + m
		}
	}
	return msg
}

func (fb *formBuilder) articles(b *negotiation.Blank) []formArticle {
	names := clauseVarNames(b)
	asked := map[string]bool{}
	var out []formArticle
	for i, a := range b.Template.Articles {
		art := formArticle{Title: a.Title.In(fb.lang)}
		for _, s := range b.Slots {
			if s.Article == i {
				art.Clauses = append(art.Clauses, fb.clause(&b.Template, s, names, asked))
			}
		}
		out = append(out, art)
	}
	return out
}

// clause is one clause's part of the form: its positions (the choice,
// with guidance and rationale) and the values it needs that no earlier
// clause asked for.
func (fb *formBuilder) clause(t *templates.Template, s negotiation.BlankSlot, names map[string]string, asked map[string]bool) formClause {
	name := "positions." + s.ClauseKey
	fc := formClause{Key: s.ClauseKey, Name: name, ID: fieldID(name), Required: s.Required, Missing: s.Missing,
		Condition: viewCondition(t, s.Condition, fb.lang), Error: fb.errs[name] + fb.errs["clauses."+s.ClauseKey]}
	if s.Missing {
		return fc
	}
	v := s.Version
	fc.Title, fc.Guidance, fc.Version = v.Title.In(fb.lang), v.Guidance.In(fb.lang), v.N
	fb.labels[name], fb.order = s.ClauseKey+" — "+fc.Title, append(fb.order, name)
	chosen, _ := fb.vals(name)
	if chosen == "" {
		chosen = s.DefaultPosition
	}
	for _, p := range v.Positions {
		fc.Positions = append(fc.Positions, formPosition{ID: p.ID, InputID: fc.ID + "-" + p.ID, Label: p.Label.In(fb.lang),
			Rationale: p.Rationale.In(fb.lang), Stance: string(p.Stance), Checked: p.ID == chosen})
	}
	for _, d := range userVars(v) {
		n := names[s.ClauseKey+"."+d.Name]
		if !asked[n] {
			asked[n] = true
			fc.Fields = append(fc.Fields, fb.add(varField(n, d, fb.lang, fb.vals)))
		}
	}
	return fc
}

func (fb *formBuilder) party(i int, role string) formParty {
	fp := formParty{Role: role}
	prefix := fmt.Sprintf("parties[%d].", i)
	fp.Fields = []formField{fb.text(prefix+"name", "party.name", "text", true), fb.text(prefix+"address", "party.address", "textarea", true)}
	for j := range maxSignatories {
		sp := fmt.Sprintf("%ssignatories[%d].", prefix, j)
		row := []formField{fb.text(sp+"name", "sig.name", "text", j == 0), fb.text(sp+"title", "sig.title", "text", j == 0),
			fb.text(sp+"authority_ref", "sig.authority."+role, "text", j == 0 && role == templates.RoleCity)}
		fp.Signatories = append(fp.Signatories, row)
	}
	return fp
}

// summary lists every error: those of a form field in the form's order,
// linked to it, then the rest.
func (fb *formBuilder) summary() []summaryError {
	var out []summaryError
	seen := map[string]bool{}
	for _, name := range fb.order {
		if msg, ok := fb.errs[name]; ok && !seen[name] {
			seen[name] = true
			out = append(out, summaryError{Href: "#" + fieldID(name), Label: fb.labels[name], Message: msg})
		}
	}
	for _, path := range sortedKeys(fb.errs) {
		if !seen[path] {
			out = append(out, summaryError{Label: path, Message: fb.errs[path]})
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
