package templates

import (
	"slices"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

func mustBuiltin(t *testing.T) []Template {
	t.Helper()
	all, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return all
}

// mustFieldPaths returns the field paths of an apperr.Invalid error.
func mustFieldPaths(t *testing.T, err error) []string {
	t.Helper()
	e, ok := apperr.As(err)
	if !ok || e.Kind != apperr.Invalid {
		t.Fatalf("error = %v, want an apperr.Invalid", err)
	}
	var paths []string
	for _, f := range e.Fields {
		paths = append(paths, f.Path)
	}
	return paths
}

func TestBuiltinTemplates(t *testing.T) {
	all := mustBuiltin(t)
	var routes []clauses.Route
	for _, tpl := range all {
		routes = append(routes, tpl.Route)
	}
	slices.Sort(routes)
	want := slices.Clone(clauses.Routes)
	slices.Sort(want)
	if !slices.Equal(routes, want) {
		t.Fatalf("routes = %v, want one template per route %v", routes, want)
	}
	for _, tpl := range all {
		t.Run(tpl.Key, func(t *testing.T) {
			if tpl.Version != 1 {
				t.Errorf("version = %d, want 1", tpl.Version)
			}
			if len(tpl.Recitals) < 3 {
				t.Errorf("%d recitals, want at least 3", len(tpl.Recitals))
			}
			if !strings.HasPrefix(tpl.Recitals[0].EN, "WHEREAS ") || !strings.HasPrefix(tpl.Recitals[0].FR, "ATTENDU QUE ") {
				t.Errorf("first recital does not open with WHEREAS / ATTENDU QUE: %+v", tpl.Recitals[0])
			}
			keys := slotKeys(&tpl)
			for _, key := range []string{"SCL-LOL-01", "SCL-LAW-01", "SCL-LANG-01", "SCL-EXEC-01"} {
				if !slices.Contains(keys, key) {
					t.Errorf("template lacks %s", key)
				}
			}
		})
	}
}

func slotKeys(tpl *Template) []string {
	var keys []string
	for _, s := range tpl.Slots() {
		keys = append(keys, s.ClauseKey)
	}
	return keys
}

func TestBuiltinRouteSpecifics(t *testing.T) {
	tests := []struct {
		key      string
		has      []string
		lacks    []string
		required []string // required template variables without default
	}{
		{key: "TPL-PILOT", has: []string{"SCL-PILOT-01", "SCL-PILOT-05"}, lacks: []string{"SCL-EXIT-01", "SCL-PAY-02"}},
		{key: "TPL-CHALLENGE", has: []string{"SCL-PAY-02", "SCL-PILOT-03"}, lacks: []string{"SCL-FUND-01"}},
		{key: "TPL-GRANT", has: []string{"SCL-FUND-01"}, required: []string{"funder"}},
		{key: "TPL-SOLE", has: []string{"SCL-AUDIT-01", "SCL-EXIT-01"}, lacks: []string{"SCL-PILOT-01"},
			required: []string{"sole_source_justification", "trade_exception"}},
		{key: "TPL-RFP", has: []string{"SCL-EXIT-01", "SCL-WAR-01"}, lacks: []string{"SCL-PILOT-01", "SCL-FUND-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			tpl, err := BuiltinTemplate(tt.key, 1)
			if err != nil {
				t.Fatal(err)
			}
			keys := slotKeys(tpl)
			for _, k := range tt.has {
				if !slices.Contains(keys, k) {
					t.Errorf("lacks %s", k)
				}
			}
			for _, k := range tt.lacks {
				if slices.Contains(keys, k) {
					t.Errorf("has %s", k)
				}
			}
			for _, name := range tt.required {
				v, ok := tpl.Variable(name)
				if !ok || !v.Required || v.Default != nil {
					t.Errorf("variable %s: %+v, want required without default", name, v)
				}
			}
		})
	}
}

func TestBuiltinConditions(t *testing.T) {
	want := map[string]string{
		"SCL-PRIV-01":  "processes_personal_info",
		"SCL-ALGO-01":  "uses_ai_or_adm",
		"SCL-INDIG-01": "indigenous_data",
	}
	for _, tpl := range mustBuiltin(t) {
		for _, s := range tpl.Slots() {
			if cond, ok := want[s.ClauseKey]; ok && s.Condition != cond {
				t.Errorf("%s %s: condition %q, want %q", tpl.Key, s.ClauseKey, s.Condition, cond)
			}
		}
	}
}

func TestBuiltinTemplateNotFound(t *testing.T) {
	_, err := BuiltinTemplate("TPL-NONE", 0)
	if !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("error = %v, want NotFound", err)
	}
}

func TestValidateTemplateReportsEverything(t *testing.T) {
	tpl := Template{
		Key: "tpl-bad", Version: 0, Route: "auction",
		Title:    clauses.Text{EN: "T"},
		Recitals: []clauses.Text{{EN: "WHEREAS {{nope}};", FR: "ATTENDU QUE {{nope"}},
		Variables: []clauses.Variable{
			{Name: "flag", Type: clauses.TypeBoolean, Label: clauses.Text{EN: "f", FR: "f"}, Default: "yes"},
			{Name: "flag", Type: clauses.TypeBoolean, Label: clauses.Text{EN: "f", FR: "f"}},
			{Name: "city_name", Type: clauses.TypeString, Label: clauses.Text{EN: "c", FR: "c"}},
			{Name: "kind", Type: clauses.TypeEnum, Label: clauses.Text{EN: "k", FR: "k"}},
		},
		Articles: []ArticleSpec{
			{Title: clauses.Text{EN: "A", FR: "A"}, Slots: []Slot{
				{ClauseKey: "SCL-LOL-01", Position: "E"},
				{ClauseKey: "SCL-LOL-01", Pin: -1},
				{ClauseKey: "lol", Condition: "flag and"},
				{ClauseKey: "SCL-IP-01", Condition: `flag == "x"`},
			}},
			{Title: clauses.Text{EN: "B", FR: "B"}},
		},
		Schedules: []ScheduleSpec{
			{Label: "A", Title: clauses.Text{EN: "S", FR: "S"}, Condition: "missing"},
			{Label: "A", Title: clauses.Text{EN: "S", FR: "S"}},
		},
	}
	got := mustFieldPaths(t, ValidateTemplate(&tpl))
	want := []string{
		"key", "version", "route", "title.fr",
		"recitals[0].en", "recitals[0].fr",
		"variables[0].default", "variables[1].name", "variables[2].name", "variables[3].values",
		"articles[0].slots[0].position",
		"articles[0].slots[1].pin", "articles[0].slots[1].clause",
		"articles[0].slots[2].clause", "articles[0].slots[2].condition",
		"articles[0].slots[3].condition",
		"articles[1].slots",
		"schedules[0].condition", "schedules[1].label",
	}
	if !slices.Equal(got, want) {
		t.Errorf("paths:\n got %q\nwant %q", got, want)
	}
}

func TestValidateSuccessor(t *testing.T) {
	prev, err := BuiltinTemplate("TPL-RFP", 1)
	if err != nil {
		t.Fatal(err)
	}
	next := *prev
	next.Version = 2
	if err := ValidateSuccessor(prev, &next); err != nil {
		t.Fatalf("version 2: %v", err)
	}
	bad := *prev
	bad.Version, bad.Key, bad.Route = 3, "TPL-OTHER", clauses.RoutePilot
	got := mustFieldPaths(t, ValidateSuccessor(prev, &bad))
	if want := []string{"key", "route", "version"}; !slices.Equal(got, want) {
		t.Errorf("paths = %q, want %q", got, want)
	}
}

func TestDecodeTemplateRejectsUnknownFields(t *testing.T) {
	_, err := DecodeTemplate([]byte(`{"key":"TPL-X","surprise":1}`))
	if !apperr.Is(err, apperr.Invalid) || !strings.Contains(err.Error(), "surprise") {
		t.Fatalf("error = %v, want Invalid naming the field", err)
	}
}
