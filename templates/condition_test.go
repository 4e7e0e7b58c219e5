package templates

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
)

func mustParseCondition(t *testing.T, src string) Expr {
	t.Helper()
	e, err := ParseCondition(src)
	if err != nil {
		t.Fatalf("ParseCondition(%q): %v", src, err)
	}
	return e
}

var conditionVars = map[string]any{
	"processes_personal_info": true,
	"uses_ai_or_adm":          false,
	"risk_level":              "high",
	"contract_value_cad":      json.Number("250000"),
	"has_pilot":               false,
	"months":                  12,
	"rate":                    2.5,
}

func TestConditionEval(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"processes_personal_info", true},
		{"not processes_personal_info", false},
		{"not not processes_personal_info", true},
		{"uses_ai_or_adm or processes_personal_info", true},
		{"uses_ai_or_adm and processes_personal_info", false},
		{`risk_level == "high"`, true},
		{`risk_level != "high"`, false},
		{`"low" == risk_level`, false},
		{"contract_value_cad > 100000", true},
		{"contract_value_cad >= 250000", true},
		{"contract_value_cad < 250000", false},
		{"contract_value_cad <= 250000.0", true},
		{"months == 12", true},
		{"rate > -1", true},
		{"rate < 2.49", false},
		{"true", true},
		{"false or true and false", false}, // and binds tighter than or
		{"(false or true) and false", false},
		{"(true or false) and true", true},
		{"not (has_pilot or uses_ai_or_adm)", true},
		{"has_pilot == false", true},
		{`processes_personal_info and (risk_level == "high" or contract_value_cad > 1000000)`, true},
		{"  \tprocesses_personal_info\n", true},
		{`risk_level == "say \"hi\""`, false},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, err := mustParseCondition(t, tt.src).Eval(conditionVars)
			if err != nil {
				t.Fatalf("Eval: %v", err)
			}
			if got != tt.want {
				t.Errorf("Eval(%q) = %v, want %v", tt.src, got, tt.want)
			}
		})
	}
}

func TestConditionErrors(t *testing.T) {
	tests := []struct {
		src     string
		col     int
		message string
	}{
		{"", 1, "empty condition"},
		{"   ", 4, "empty condition"},
		{"has_pilot and", 14, "expected a value, found end of condition"},
		{"(has_pilot", 11, "expected ) to close the ( at column 1"},
		{"has_pilot)", 10, `unexpected ")"`},
		{"risk_level = \"high\"", 12, "use == to compare"},
		{"risk_level ! x", 12, "use != or not"},
		{`risk_level == "high`, 15, "unterminated string"},
		{`"a\n"`, 3, `only \" and \\ may be escaped`},
		{"1.", 3, "expected a digit after the decimal point"},
		{"12abc", 3, "after a number"},
		{"a & b", 3, "unexpected character '&'"},
		{"é == 1", 1, "unexpected character 'é'"},
		{"x == - y", 8, "expected a number after -"},
		{"and", 1, `found the keyword "and"`},
		{"has_pilot has_pilot", 11, `unexpected "has_pilot"`},
		{strings.Repeat("(", 70) + "true" + strings.Repeat(")", 70), 66, "nested more than 64 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			_, err := ParseCondition(tt.src)
			assertConditionError(t, err, tt.col, tt.message)
		})
	}
}

func TestConditionEvalErrors(t *testing.T) {
	tests := []struct {
		src     string
		col     int
		message string
	}{
		{"unknown_flag", 1, `unknown variable "unknown_flag"`},
		{"has_pilot and nope", 15, `unknown variable "nope"`},
		{"risk_level", 1, "condition is a string, not a boolean"},
		{"not months", 5, "not needs a boolean, found a number"},
		{"months and has_pilot", 1, "and needs booleans, found a number on the left"},
		{`has_pilot or "x"`, 14, "or needs booleans, found a string on the right"},
		{`risk_level == 1`, 12, "cannot compare a string with a number"},
		{`risk_level > "a"`, 12, "> compares numbers, found a string and a string"},
		{"has_pilot < 1", 11, "< compares numbers"},
		// Both sides are evaluated: the type error on the right is not hidden.
		{"false and months", 11, "and needs booleans, found a number on the right"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			_, err := mustParseCondition(t, tt.src).Eval(conditionVars)
			assertConditionError(t, err, tt.col, tt.message)
		})
	}
}

func TestConditionCheck(t *testing.T) {
	kinds := map[string]ValueKind{"has_pilot": KindBool, "risk_level": KindString, "value": KindNumber}
	tests := []struct {
		src     string
		col     int
		message string
	}{
		{`has_pilot and risk_level == "high" and value > 3`, 0, ""},
		{"has_pilot or missing", 14, `unknown variable "missing"`},
		{"value", 1, "condition is a number"},
		{`value == "3"`, 7, "cannot compare a number with a string"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			err := mustParseCondition(t, tt.src).Check(kinds)
			if tt.message == "" {
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				return
			}
			assertConditionError(t, err, tt.col, tt.message)
		})
	}
}

func TestConditionVars(t *testing.T) {
	e := mustParseCondition(t, `a and (b == "x" or not a) and c > 1`)
	if got, want := strings.Join(e.Vars(), ","), "a,b,c"; got != want {
		t.Errorf("Vars = %s, want %s", got, want)
	}
	if e.String() != `a and (b == "x" or not a) and c > 1` {
		t.Errorf("String = %q", e.String())
	}
}

func TestConditionBadValueType(t *testing.T) {
	_, err := mustParseCondition(t, "x").Eval(map[string]any{"x": []int{1}})
	assertConditionError(t, err, 1, "value of type []int")
}

func assertConditionError(t *testing.T, err error, col int, message string) {
	t.Helper()
	var ce *ConditionError
	if !errors.As(err, &ce) {
		t.Fatalf("error = %v, want a *ConditionError", err)
	}
	if ce.Col != col || !strings.Contains(ce.Msg, message) {
		t.Errorf("error = column %d %q, want column %d containing %q", ce.Col, ce.Msg, col, message)
	}
}

func FuzzParseCondition(f *testing.F) {
	for _, s := range []string{
		"processes_personal_info",
		`not has_pilot and risk_level == "high"`,
		"(a or b) and c >= -1.5",
		`x != "q\"uote\\"`,
		"((((a))))",
		"a ==",
		"1.",
		"é",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := ParseCondition(src)
		if err != nil {
			var ce *ConditionError
			if !errors.As(err, &ce) || ce.Col < 1 || ce.Col > len([]rune(src))+1 {
				t.Fatalf("ParseCondition(%q) = %v: want a *ConditionError with a column in range", src, err)
			}
			return
		}
		vars := map[string]any{}
		for _, name := range e.Vars() {
			vars[name] = true
		}
		if _, err := e.Eval(vars); err != nil {
			var ce *ConditionError
			if !errors.As(err, &ce) || ce.Col < 1 {
				t.Fatalf("Eval(%q) = %v: want a *ConditionError", src, err)
			}
		}
		// Parsing is deterministic: the same source gives the same variables.
		e2, err := ParseCondition(e.String())
		if err != nil || strings.Join(e2.Vars(), ",") != strings.Join(e.Vars(), ",") {
			t.Fatalf("reparse of %q: %v", src, err)
		}
	})
}

func TestConditionLibraryValues(t *testing.T) {
	mustValue := func(v clauses.Variable, raw any) clauses.Value {
		t.Helper()
		val, err := v.Check(raw)
		if err != nil {
			t.Fatal(err)
		}
		return val
	}
	vars := map[string]any{
		"flag":  mustValue(clauses.Variable{Name: "flag", Type: clauses.TypeBoolean}, true),
		"value": mustValue(clauses.Variable{Name: "value", Type: clauses.TypeMoney}, "150000.50"),
		"level": mustValue(clauses.Variable{Name: "level", Type: clauses.TypeEnum, Values: []string{"low", "high"}}, "high"),
		"unset": clauses.Value{},
	}
	got, err := mustParseCondition(t, `flag and value > 150000 and level == "high"`).Eval(vars)
	if err != nil || !got {
		t.Errorf("Eval = %v, %v; want true", got, err)
	}
	_, err = mustParseCondition(t, "unset").Eval(vars)
	assertConditionError(t, err, 1, "cannot use")
}
