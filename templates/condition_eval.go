package templates

import (
	"encoding/json"
	"math"
)

// Eval evaluates the expression. vars maps names to values: bool, string,
// any Go integer or float, json.Number, or a clauses.Value. A name missing
// from vars, a value of another type and a type mismatch are
// *ConditionError values naming the column.
func (e Expr) Eval(vars map[string]any) (bool, error) {
	if e.root == nil {
		return false, &ConditionError{Col: 1, Msg: "empty condition"}
	}
	v, err := e.eval(e.root, vars)
	if err != nil {
		return false, err
	}
	if v.kind != KindBool {
		return false, e.errAt(e.root.pos(), "condition is a %s, not a boolean", v.kind)
	}
	return v.b, nil
}

// Check type-checks the expression against the kinds of the variables it
// may use, without values: unknown variables and kind mismatches are
// *ConditionError values, reported for the leftmost problem.
func (e Expr) Check(kinds map[string]ValueKind) error {
	if e.root == nil {
		return &ConditionError{Col: 1, Msg: "empty condition"}
	}
	k, err := e.kindOf(e.root, kinds)
	if err != nil {
		return err
	}
	if k != KindBool {
		return e.errAt(e.root.pos(), "condition is a %s, not a boolean", k)
	}
	return nil
}

func (e Expr) kindOf(n node, kinds map[string]ValueKind) (ValueKind, error) {
	switch n := n.(type) {
	case *identNode:
		k, ok := kinds[n.name]
		if !ok {
			return 0, e.errAt(n.at, "unknown variable %q", n.name)
		}
		return k, nil
	case *litNode:
		return n.val.kind, nil
	case *notNode:
		k, err := e.kindOf(n.x, kinds)
		if err != nil {
			return 0, err
		}
		return KindBool, e.checkNot(n, k)
	case *binNode:
		lk, err := e.kindOf(n.l, kinds)
		if err != nil {
			return 0, err
		}
		rk, err := e.kindOf(n.r, kinds)
		if err != nil {
			return 0, err
		}
		return KindBool, e.checkBinary(n, lk, rk)
	}
	return 0, e.errAt(0, "internal: unknown node")
}

func (e Expr) checkNot(n *notNode, k ValueKind) error {
	if k != KindBool {
		return e.errAt(n.x.pos(), "not needs a boolean, found a %s", k)
	}
	return nil
}

// checkBinary holds the typing rules shared by Check and Eval.
func (e Expr) checkBinary(n *binNode, lk, rk ValueKind) error {
	switch n.op {
	case "and", "or":
		if lk != KindBool {
			return e.errAt(n.l.pos(), "%s needs booleans, found a %s on the left", n.op, lk)
		}
		if rk != KindBool {
			return e.errAt(n.r.pos(), "%s needs booleans, found a %s on the right", n.op, rk)
		}
	case "==", "!=":
		if lk != rk {
			return e.errAt(n.at, "cannot compare a %s with a %s", lk, rk)
		}
	default:
		if lk != KindNumber || rk != KindNumber {
			return e.errAt(n.at, "%s compares numbers, found a %s and a %s", n.op, lk, rk)
		}
	}
	return nil
}

func (e Expr) eval(n node, vars map[string]any) (value, error) {
	switch n := n.(type) {
	case *identNode:
		raw, ok := vars[n.name]
		if !ok {
			return value{}, e.errAt(n.at, "unknown variable %q", n.name)
		}
		v, ok := conditionValue(raw)
		if !ok {
			return value{}, e.errAt(n.at, "variable %q has a value of type %T that conditions cannot use", n.name, raw)
		}
		return v, nil
	case *litNode:
		return n.val, nil
	case *notNode:
		x, err := e.eval(n.x, vars)
		if err != nil {
			return value{}, err
		}
		return value{kind: KindBool, b: !x.b}, e.checkNot(n, x.kind)
	case *binNode:
		return e.evalBinary(n, vars)
	}
	return value{}, e.errAt(0, "internal: unknown node")
}

func (e Expr) evalBinary(n *binNode, vars map[string]any) (value, error) {
	l, err := e.eval(n.l, vars)
	if err != nil {
		return value{}, err
	}
	r, err := e.eval(n.r, vars)
	if err != nil {
		return value{}, err
	}
	if err := e.checkBinary(n, l.kind, r.kind); err != nil {
		return value{}, err
	}
	var b bool
	switch n.op {
	case "and":
		b = l.b && r.b
	case "or":
		b = l.b || r.b
	case "==":
		b = l.equal(r)
	case "!=":
		b = !l.equal(r)
	case "<":
		b = l.n < r.n
	case "<=":
		b = l.n <= r.n
	case ">":
		b = l.n > r.n
	case ">=":
		b = l.n >= r.n
	}
	return value{kind: KindBool, b: b}, nil
}

// conditionValue converts a Go value into a condition value.
func conditionValue(raw any) (value, bool) {
	switch v := raw.(type) {
	case bool:
		return value{kind: KindBool, b: v}, true
	case string:
		return value{kind: KindString, s: v}, true
	case int:
		return number64(float64(v))
	case int32:
		return number64(float64(v))
	case int64:
		return number64(float64(v))
	case float64:
		return number64(v)
	case float32:
		return number64(float64(v))
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return value{}, false
		}
		return number64(f)
	}
	return libraryValue(raw)
}

func number64(f float64) (value, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return value{}, false
	}
	return value{kind: KindNumber, n: f}, true
}
