package templates

import "github.com/civicpact/civicpact/clauses"

// kindOfType is the condition kind of a variable type: booleans are
// booleans; integers, decimals, money (in dollars) and percentages are
// numbers; everything else compares as a string.
func kindOfType(t clauses.VarType) ValueKind {
	switch t {
	case clauses.TypeBoolean:
		return KindBool
	case clauses.TypeInteger, clauses.TypeDecimal, clauses.TypeMoney, clauses.TypePercent:
		return KindNumber
	}
	return KindString
}

// libraryValue converts a set clauses.Value into a condition value.
func libraryValue(raw any) (value, bool) {
	v, ok := raw.(clauses.Value)
	if !ok || v.IsZero() {
		return value{}, false
	}
	switch kindOfType(v.Type()) {
	case KindBool:
		b, ok := v.Raw().(bool)
		return value{kind: KindBool, b: b}, ok
	case KindNumber:
		f, ok := v.Float()
		return value{kind: KindNumber, n: f}, ok
	}
	return value{kind: KindString, s: v.Canonical()}, true
}

// checkValue checks a raw JSON value against a variable's declaration.
func checkValue(v clauses.Variable, raw any) (clauses.Value, error) {
	return v.Check(raw)
}
