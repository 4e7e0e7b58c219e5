package templates

import (
	"slices"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

// LegalSystem is the private-law tradition a contract is read under.
type LegalSystem string

// The legal systems of Canadian provinces.
const (
	CommonLaw LegalSystem = "common_law"
	CivilLaw  LegalSystem = "civil_law" // Quebec: Civil Code of Québec
)

// Pack is a jurisdiction pack: what a province's law puts into every
// contract. Values fills the jurisdiction variables (clauses.JurisdictionVars) in
// both languages; RequiredLangs lists the languages a contract must carry
// (a contract without them is refused); Prevailing, when set, is the
// version that governs if the languages differ.
type Pack struct {
	Province      string // ON, QC, BC, AB, or CA for the federal/other default
	Name          clauses.Text
	LegalSystem   LegalSystem
	RequiredLangs []clauses.Lang
	Prevailing    clauses.Lang
	Values        map[string]PackValue
	// Note says what a reader must know about the pack as a whole: for the
	// default pack, that it names no province's statutes.
	Note string
}

// PackValue is one jurisdiction variable's text. Verified is false where
// DOMAIN.md marks the fact as recalled [R] or does not cite it at all; Note
// says what to check before relying on it.
type PackValue struct {
	Text     clauses.Text
	Verified bool
	Note     string
}

// provinceNames names every province and territory, so that a province
// without its own pack still gets its name in the default pack.
func provinceNames() map[string]clauses.Text {
	return map[string]clauses.Text{
		"AB": {EN: "Alberta", FR: "Alberta"},
		"BC": {EN: "British Columbia", FR: "Colombie-Britannique"},
		"MB": {EN: "Manitoba", FR: "Manitoba"},
		"NB": {EN: "New Brunswick", FR: "Nouveau-Brunswick"},
		"NL": {EN: "Newfoundland and Labrador", FR: "Terre-Neuve-et-Labrador"},
		"NS": {EN: "Nova Scotia", FR: "Nouvelle-Écosse"},
		"NT": {EN: "the Northwest Territories", FR: "les Territoires du Nord-Ouest"},
		"NU": {EN: "Nunavut", FR: "Nunavut"},
		"ON": {EN: "Ontario", FR: "Ontario"},
		"PE": {EN: "Prince Edward Island", FR: "Île-du-Prince-Édouard"},
		"QC": {EN: "Québec", FR: "Québec"},
		"SK": {EN: "Saskatchewan", FR: "Saskatchewan"},
		"YT": {EN: "Yukon", FR: "Yukon"},
	}
}

// PackFor returns the jurisdiction pack for a province code. ON, QC, BC and
// AB have their own packs; any other province or territory gets the
// federal/other default ("CA") with its own name filled in; an unknown code
// is an apperr.Invalid error.
func PackFor(province string) (Pack, error) {
	packs := packs()
	if p, ok := packs[province]; ok {
		return p, nil
	}
	name, ok := provinceNames()[province]
	if !ok {
		return Pack{}, apperr.Fields("unknown province", []apperr.FieldError{{
			Path: "province", Message: province + " is not a Canadian province or territory code (ON, QC, BC …)",
		}})
	}
	p := packs["CA"]
	p.Province = province
	p.Name = name
	p.Values["province_name"] = PackValue{Text: name, Verified: true}
	return p, nil
}

// Provinces returns the codes that have their own pack, in display order.
func Provinces() []string { return []string{"ON", "QC", "BC", "AB", "CA"} }

// Text returns the pack's value of a jurisdiction variable in lang.
func (p Pack) Text(name string, lang clauses.Lang) (string, bool) {
	v, ok := p.Values[name]
	if !ok {
		return "", false
	}
	return v.Text.In(lang), true
}

// Requires reports whether every contract in the province must carry lang.
func (p Pack) Requires(lang clauses.Lang) bool { return slices.Contains(p.RequiredLangs, lang) }

// Unverified lists the pack's variables whose text is not verified, in
// the order of clauses.JurisdictionVars.
func (p Pack) Unverified() []string {
	var names []string
	for _, n := range clauses.JurisdictionVars {
		if v, ok := p.Values[n]; ok && !v.Verified {
			names = append(names, n)
		}
	}
	return names
}
