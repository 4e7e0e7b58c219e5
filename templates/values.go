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

// libraryValue converts a clauses.Value into a condition value.
func libraryValue(raw any) (value, bool) {
	return value{}, false
}
