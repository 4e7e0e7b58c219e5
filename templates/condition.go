package templates

import (
	"fmt"
	"strconv"
)

// An Expr is a parsed slot condition: a boolean expression over template
// variables, for example
//
//	processes_personal_info and (risk_level == "high" or contract_value_cad > 100000)
//
// The grammar, loosest binding first:
//
//	expr    = and { "or" and }
//	and     = not { "and" not }
//	not     = "not" not | compare
//	compare = operand [ ("==" | "!=" | "<" | "<=" | ">" | ">=") operand ]
//	operand = identifier | number | "-" number | string | "true" | "false" | "(" expr ")"
//
// Identifiers name variables; strings are double-quoted with \" and \\ as
// the only escapes. "and", "or" and "not" take booleans; "<" and friends take
// numbers; "==" and "!=" take two values of the same kind. Both sides of
// "and" and "or" are always evaluated, so a type error is never hidden by
// the value of the other side.
type Expr struct {
	src  string
	root node
}

// String returns the source the expression was parsed from.
func (e Expr) String() string { return e.src }

// Vars returns the variable names the expression uses, in order of first use.
func (e Expr) Vars() []string {
	var names []string
	seen := map[string]bool{}
	walk(e.root, func(n node) {
		if id, ok := n.(*identNode); ok && !seen[id.name] {
			seen[id.name] = true
			names = append(names, id.name)
		}
	})
	return names
}

// ValueKind is the kind of a condition value.
type ValueKind int

// The kinds of condition values.
const (
	KindBool ValueKind = iota + 1
	KindNumber
	KindString
)

// String names the kind as error messages show it.
func (k ValueKind) String() string {
	switch k {
	case KindBool:
		return "boolean"
	case KindNumber:
		return "number"
	case KindString:
		return "string"
	}
	return "unknown"
}

// value is a condition value: exactly one of b, n, s is meaningful.
type value struct {
	kind ValueKind
	b    bool
	n    float64
	s    string
}

func (v value) String() string {
	switch v.kind {
	case KindBool:
		return strconv.FormatBool(v.b)
	case KindNumber:
		return strconv.FormatFloat(v.n, 'g', -1, 64)
	}
	return strconv.Quote(v.s)
}

func (v value) equal(w value) bool {
	return v.kind == w.kind && v.b == w.b && v.n == w.n && v.s == w.s
}

type node interface{ pos() int }

type identNode struct {
	name string
	at   int
}

type litNode struct {
	val value
	at  int
}

type notNode struct {
	x  node
	at int
}

type binNode struct {
	op   string // and, or, ==, !=, <, <=, >, >=
	l, r node
	at   int // the operator's position
}

func (n *identNode) pos() int { return n.at }
func (n *litNode) pos() int   { return n.at }
func (n *notNode) pos() int   { return n.at }
func (n *binNode) pos() int   { return n.at }

func walk(n node, fn func(node)) {
	fn(n)
	switch n := n.(type) {
	case *notNode:
		walk(n.x, fn)
	case *binNode:
		walk(n.l, fn)
		walk(n.r, fn)
	}
}

func (e Expr) errAt(pos int, format string, args ...any) *ConditionError {
	return &ConditionError{Col: columnAt(e.src, pos), Msg: fmt.Sprintf(format, args...)}
}
