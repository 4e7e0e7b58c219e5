package templates

import (
	"strings"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

// Library gives assembly the clause versions it needs. Version returns
// version n of a clause, or its latest approved version when n is 0, and an
// apperr.NotFound error when there is none.
type Library interface {
	Version(key string, n int) (clauses.Version, error)
}

// TemplateSource is implemented by a Library that also stores templates.
// Template returns version n of a template (0: the latest approved) or an
// apperr.NotFound error. Without it, Assemble uses the built-in templates.
type TemplateSource interface {
	Template(key string, n int) (*Template, error)
}

// Assemble builds a contract from in. It checks every input and reports
// every problem at once as an apperr.Invalid error with field paths:
// unknown template or province, languages (French is required in Québec),
// parties, variables (unknown, wrong type, out of bounds, missing),
// positions (not offered by the clause, or blocked by the province's
// rules). Slot conditions decide which clauses are included; articles are
// numbered 1, 2 … and clauses N.1, N.2 … in order. now stamps CreatedAt and
// dates the threshold check; newID gives the contract's ID.
func Assemble(in Input, lib Library, now time.Time, newID func() string) (*Contract, error) {
	a := &assembler{in: in, lib: lib}
	c := a.run(now)
	if a.internal != nil {
		return nil, a.internal // the library failed: the input may be fine
	}
	if err := dedupe(a.problems).Err("the contract cannot be assembled"); err != nil {
		return nil, err
	}
	c.ID = newID()
	c.CreatedAt = now.UTC()
	c.Fingerprint = Fingerprint(c)
	return c, nil
}

// AssembleRound assembles one contract per vendor from the same input, for
// a competitive round: the city and every other choice are the same, only
// the vendor party (and so vendor_name) differs.
func AssembleRound(in Input, vendors []Party, lib Library, now time.Time, newID func() string) ([]*Contract, error) {
	var out []*Contract
	for _, v := range vendors {
		one := in
		one.Parties = nil
		for _, p := range in.Parties {
			if p.Role != RoleVendor {
				one.Parties = append(one.Parties, p)
			}
		}
		v.Role = RoleVendor
		one.Parties = append(one.Parties, v)
		c, err := Assemble(one, lib, now, newID)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// assembler carries one assembly: the input, what has been resolved so far
// and every problem found.
type assembler struct {
	in       Input
	lib      Library
	tpl      *Template
	pack     Pack
	havePack bool
	problems apperr.FieldList
	internal error // a library failure other than NotFound (e.g. Unavailable)
	warnings []Warning
	values   map[string]clauses.Value // the contract's Variables
	condVars map[string]any           // template variables for conditions
	badVars  map[string]bool          // template variables whose value was refused
	usedJur  map[string]bool          // jurisdiction variables the texts use
	refs     map[string][]string      // clause key → the clause keys its text refers to
}

func (a *assembler) run(now time.Time) *Contract {
	a.loadTemplate()
	a.loadPack()
	checkLanguages(&a.problems, a.in.Languages, a.pack, a.havePack)
	checkParties(&a.problems, a.in.Parties)
	requireField(&a.problems, "procurement_ref", a.in.ProcurementRef)
	if a.tpl == nil {
		return nil
	}
	a.ensureMaps()
	a.templateValues()
	a.contractValues()
	c := &Contract{
		ProcurementRef: a.in.ProcurementRef, Route: a.tpl.Route, Template: a.tpl.Ref(), Title: a.tpl.Title,
		Province: a.in.Province, LegalSystem: a.pack.LegalSystem, Languages: a.in.Languages,
		Prevailing: a.pack.Prevailing, Parties: a.in.Parties, Variables: a.values,
	}
	slots := a.includedSlots()
	c.Articles = a.articles(slots)
	a.checkInputNames(slots)
	c.Recitals = a.recitals()
	c.Schedules = a.schedules()
	a.routeWarnings(c, now)
	a.referenceWarnings(c)
	a.jurisdictionWarnings()
	c.Warnings = a.warnings
	return c
}

func (a *assembler) loadTemplate() {
	var (
		t   *Template
		err error
	)
	if src, ok := a.lib.(TemplateSource); ok {
		t, err = src.Template(a.in.Template.Key, a.in.Template.Version)
	} else {
		t, err = BuiltinTemplate(a.in.Template.Key, a.in.Template.Version)
	}
	switch {
	case apperr.Is(err, apperr.NotFound):
		a.problems.Add("template", "unknown template %s version %d", a.in.Template.Key, a.in.Template.Version)
	case err != nil:
		a.internal = err
	default:
		a.tpl = t
	}
}

func (a *assembler) loadPack() {
	p, err := PackFor(a.in.Province)
	if err != nil {
		a.problems.Add("province", "%q is not a Canadian province or territory code (ON, QC, BC …)", a.in.Province)
		return
	}
	a.pack, a.havePack = p, true
}

func (a *assembler) warn(code, path string, signOff bool, msg clauses.Text) {
	a.warnings = append(a.warnings, Warning{Code: code, Path: path, SignOff: signOff, Message: msg})
}

// routeWarnings runs the threshold check on the contract value and the
// scale-up position, and flags unverified jurisdiction texts.
func (a *assembler) routeWarnings(c *Contract, now time.Time) {
	if v, ok := a.values["contract_value_cad"]; ok {
		if cents, ok := v.Cents(); ok {
			scaleUp := false
			if in, ok := c.Clause("SCL-PILOT-05"); ok {
				scaleUp = in.Position == "B" || in.Position == "D"
			}
			a.warnings = append(a.warnings, CheckRoute(c.Route, c.Province, cents, now.Format(time.DateOnly), scaleUp)...)
		}
	}
}

// jurisdictionWarnings flags the unverified jurisdiction texts the
// contract uses, so that counsel checks them before signature.
func (a *assembler) jurisdictionWarnings() {
	var names []string
	for _, n := range a.pack.Unverified() {
		if a.usedJur[n] {
			names = append(names, n+" ("+a.pack.Values[n].Text.EN+")")
		}
	}
	if len(names) == 0 {
		return
	}
	list := strings.Join(names, "; ")
	a.warn("jurisdiction_unverified", "province", false, clauses.Text{
		EN: "Check these " + a.pack.Name.EN + " statute names, which are not verified against their source: " + list + ".",
		FR: "Vérifiez ces renvois législatifs (" + a.pack.Name.FR + "), qui n’ont pas été vérifiés auprès de leur source : " + list + ".",
	})
}

// referenceWarnings flags cross-references to clauses the contract does
// not contain: they cannot be numbered.
func (a *assembler) referenceWarnings(c *Contract) {
	present := map[string]bool{}
	for _, art := range c.Articles {
		for _, in := range art.Clauses {
			present[in.ClauseKey] = true
		}
	}
	for _, art := range c.Articles {
		for _, in := range art.Clauses {
			for _, key := range a.refs[in.ClauseKey] {
				if !present[key] {
					a.warn("dangling_reference", "clauses."+in.ClauseKey, false, clauses.Text{
						EN: in.ClauseKey + " refers to " + key + ", which this contract does not contain.",
						FR: in.ClauseKey + " renvoie à " + key + ", que le présent contrat ne contient pas.",
					})
				}
			}
		}
	}
}

// dedupe drops repeated problems (a bad value shared by several clauses is
// reported once per message), keeping the first occurrence's order.
func dedupe(l apperr.FieldList) apperr.FieldList {
	seen := map[apperr.FieldError]bool{}
	var out apperr.FieldList
	for _, f := range l {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
