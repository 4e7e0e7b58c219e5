package clauses

import (
	"fmt"
	"slices"

	"github.com/civicpact/civicpact/apperr"
)

var varTypes = []VarType{TypeString, TypeText, TypeInteger, TypeDecimal, TypeMoney, TypePercent,
	TypeDate, TypeDuration, TypeBoolean, TypeEnum, TypeParty}

func isNumeric(t VarType) bool {
	return t == TypeInteger || t == TypeDecimal || t == TypeMoney || t == TypePercent
}

// validateVariables checks each declaration and that every declared
// variable is used by some position's text.
func validateVariables(l *apperr.FieldList, v Version, used map[string]bool) {
	seen := map[string]bool{}
	for i, d := range v.Variables {
		path := fmt.Sprintf("variables[%d]", i)
		switch {
		case !ValidVarName(d.Name):
			l.Add(path+".name", "%q is not a lower-case snake_case name", d.Name)
		case seen[d.Name]:
			l.Add(path+".name", "variable %s is declared twice", d.Name)
		case !used[d.Name]:
			l.Add(path+".name", "variable %s is declared but no position's text uses {{%s}}", d.Name, d.Name)
		}
		seen[d.Name] = true
		validateVariable(l, path, d)
	}
}

func validateVariable(l *apperr.FieldList, path string, d Variable) {
	if !slices.Contains(varTypes, d.Type) {
		l.Add(path+".type", "unknown type %q", d.Type)
		return
	}
	validateSource(l, path, d)
	if d.Source == "" || d.Source == SourceUser {
		requireText(l, path+".label", d.Label)
	}
	validateEnumValues(l, path, d)
	validateRanges(l, path, d)
	if d.Default != nil {
		if _, err := d.Check(d.Default); err != nil {
			e, _ := apperr.As(err)
			for _, f := range e.Fields {
				l.Add(path+".default", "%s", f.Message)
			}
		}
	}
}

func validateSource(l *apperr.FieldList, path string, d Variable) {
	isJur, isCon := slices.Contains(JurisdictionVars, d.Name), slices.Contains(ContractVars, d.Name)
	switch {
	case d.Source != "" && d.Source != SourceUser && d.Source != SourceJurisdiction && d.Source != SourceContract:
		l.Add(path+".source", "must be user, jurisdiction or contract, got %q", d.Source)
	case d.Source == SourceJurisdiction && !isJur:
		l.Add(path+".source", "%s is not a jurisdiction variable (%v)", d.Name, JurisdictionVars)
	case d.Source == SourceContract && !isCon:
		l.Add(path+".source", "%s is not a contract variable (%v)", d.Name, ContractVars)
	case isJur && d.Source != SourceJurisdiction:
		l.Add(path+".source", "%s is filled from the jurisdiction pack: declare it with source: jurisdiction", d.Name)
	case isCon && d.Source != SourceContract:
		l.Add(path+".source", "%s is filled from the contract's parties: declare it with source: contract", d.Name)
	}
}

func validateEnumValues(l *apperr.FieldList, path string, d Variable) {
	if d.Type != TypeEnum {
		if len(d.Values) > 0 {
			l.Add(path+".values", "only an enum has values")
		}
		return
	}
	if len(d.Values) == 0 {
		l.Add(path+".values", "an enum needs at least one value")
	}
	for i, val := range d.Values {
		if val == "" || slices.Contains(d.Values[:i], val) {
			l.Add(fmt.Sprintf("%s.values[%d]", path, i), "%q is empty or repeated", val)
		}
	}
}

func validateRanges(l *apperr.FieldList, path string, d Variable) {
	ranges := []struct {
		name string
		r    *Range
	}{{"min", &d.Bounds}, {"preferred", d.Preferred}, {"fallback", d.Fallback}}
	for _, rg := range ranges {
		if rg.r == nil || (rg.r.Min == nil && rg.r.Max == nil) {
			continue
		}
		if !isNumeric(d.Type) {
			l.Add(path+"."+rg.name, "only integer, decimal, money and percent variables have ranges")
			continue
		}
		if rg.r.Min != nil && rg.r.Max != nil && *rg.r.Min > *rg.r.Max {
			l.Add(path+"."+rg.name, "the minimum %v is above the maximum %v", *rg.r.Min, *rg.r.Max)
		}
	}
}
