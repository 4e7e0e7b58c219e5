package clauses

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
)

func ptr(x float64) *float64 { return &x }

func mustCheck(t *testing.T, v Variable, raw any) Value {
	t.Helper()
	val, err := v.Check(raw)
	if err != nil {
		t.Fatalf("Check(%#v) for %s: %v", raw, v.Type, err)
	}
	return val
}

func TestCheckAndFormat(t *testing.T) {
	tests := []struct {
		name   string
		v      Variable
		raw    any
		en, fr string
		canon  string
	}{
		{"money string", Variable{Type: TypeMoney}, "2000000", "$2,000,000.00", "2\u00a0000\u00a0000,00\u00a0$", "2000000"},
		{"money cents", Variable{Type: TypeMoney}, "1250.50", "$1,250.50", "1\u00a0250,50\u00a0$", "1250.50"},
		{"money json float", Variable{Type: TypeMoney}, 1250.5, "$1,250.50", "1\u00a0250,50\u00a0$", "1250.50"},
		{"money yaml uint", Variable{Type: TypeMoney}, uint64(999), "$999.00", "999,00\u00a0$", "999"},
		{"negative money", Variable{Type: TypeMoney}, "-5", "-$5.00", "-5,00\u00a0$", "-5"},
		{"decimal", Variable{Type: TypeDecimal}, 2.5, "2.5", "2,5", "2.5"},
		{"decimal string", Variable{Type: TypeDecimal}, "0.0001", "0.0001", "0,0001", "0.0001"},
		{"decimal yaml int", Variable{Type: TypeDecimal}, int64(2), "2", "2", "2"},
		{"integer", Variable{Type: TypeInteger}, float64(30), "30", "30", "30"},
		{"integer grouped", Variable{Type: TypeInteger}, int64(12345), "12,345", "12\u00a0345", "12345"},
		{"percent", Variable{Type: TypePercent}, float64(10), "10%", "10\u00a0%", "10"},
		{"percent decimal", Variable{Type: TypePercent}, json.Number("2.5"), "2.5%", "2,5\u00a0%", "2.5"},
		{"duration", Variable{Type: TypeDuration}, "6 months", "6 months", "6 mois", "6 months"},
		{"duration singular", Variable{Type: TypeDuration}, "1 year", "1 year", "1 an", "1 year"},
		{"duration days", Variable{Type: TypeDuration}, "30 days", "30 days", "30 jours", "30 days"},
		{"date", Variable{Type: TypeDate}, "2026-03-01", "March 1, 2026", "1er mars 2026", "2026-03-01"},
		{"date 15", Variable{Type: TypeDate}, "2026-08-15", "August 15, 2026", "15 août 2026", "2026-08-15"},
		{"date yaml time", Variable{Type: TypeDate}, time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), "January 15, 2026", "15 janvier 2026", "2026-01-15"},
		{"party city", Variable{Type: TypeParty}, "city", "the City", "la Ville", "city"},
		{"party vendor", Variable{Type: TypeParty}, "vendor", "the Vendor", "le Prestataire", "vendor"},
		{"enum", Variable{Type: TypeEnum, Values: []string{"capped", "uncapped"}}, "capped", "capped", "capped", "capped"},
		{"boolean", Variable{Type: TypeBoolean}, true, "yes", "oui", "true"},
		{"boolean string", Variable{Type: TypeBoolean}, "false", "no", "non", "false"},
		{"string", Variable{Type: TypeString}, "Port-Royal", "Port-Royal", "Port-Royal", "Port-Royal"},
		{"text", Variable{Type: TypeText}, "line 1\nline 2", "line 1\nline 2", "line 1\nline 2", "line 1\nline 2"},
		{"bounded", Variable{Type: TypeDecimal, Bounds: Range{Min: ptr(1), Max: ptr(5)}}, 5.0, "5", "5", "5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			val := mustCheck(t, tt.v, tt.raw)
			if got := val.Format(EN); got != tt.en {
				t.Errorf("Format(EN) = %q, want %q", got, tt.en)
			}
			if got := val.Format(FR); got != tt.fr {
				t.Errorf("Format(FR) = %q, want %q", got, tt.fr)
			}
			if got := val.Canonical(); got != tt.canon {
				t.Errorf("Canonical() = %q, want %q", got, tt.canon)
			}
			b, err := json.Marshal(val)
			if err != nil {
				t.Fatal(err)
			}
			var back Value
			if err := json.Unmarshal(b, &back); err != nil || back != val {
				t.Errorf("JSON round trip of %s: got %#v, %v; want %#v", b, back, err, val)
			}
			again := mustCheck(t, tt.v, val.Raw())
			if again != val {
				t.Errorf("Check(Raw()) = %#v, want %#v", again, val)
			}
		})
	}
}

func TestCheckRejects(t *testing.T) {
	tests := []struct {
		name string
		v    Variable
		raw  any
		msgs []string
	}{
		{"money three decimals", Variable{Type: TypeMoney}, "1.005", []string{"at most 2 decimals"}},
		{"money float three decimals", Variable{Type: TypeMoney}, 0.001, []string{"at most 2 decimals"}},
		{"money with symbol", Variable{Type: TypeMoney}, "$1,000", []string{"dollars"}},
		{"money below min", Variable{Type: TypeMoney, Bounds: Range{Min: ptr(1000)}}, "999.99", []string{"at least $1000"}},
		{"decimal five decimals", Variable{Type: TypeDecimal}, 1.23456, []string{"at most 4 decimals"}},
		{"decimal out of bounds", Variable{Type: TypeDecimal, Bounds: Range{Min: ptr(1), Max: ptr(5)}}, 6, []string{"at most 5"}},
		{"integer fraction", Variable{Type: TypeInteger}, 2.5, []string{"whole number"}},
		{"integer overflow", Variable{Type: TypeInteger}, "99999999999999999999", []string{"whole number"}},
		{"integer not a number", Variable{Type: TypeInteger}, true, []string{"whole number"}},
		{"nan", Variable{Type: TypeDecimal}, json.Number("NaN"), []string{"number"}},
		{"date format", Variable{Type: TypeDate}, "01/03/2026", []string{"YYYY-MM-DD"}},
		{"date impossible", Variable{Type: TypeDate}, "2026-02-30", []string{"YYYY-MM-DD"}},
		{"duration unit", Variable{Type: TypeDuration}, "6 weeks", []string{"duration"}},
		{"duration number", Variable{Type: TypeDuration}, "six months", []string{"duration"}},
		{"duration type", Variable{Type: TypeDuration}, 6, []string{"duration"}},
		{"enum member", Variable{Type: TypeEnum, Values: []string{"a", "b"}}, "c", []string{"one of a, b"}},
		{"party", Variable{Type: TypeParty}, "bank", []string{"one of city, vendor"}},
		{"boolean", Variable{Type: TypeBoolean}, "yes", []string{"true or false"}},
		{"string multi-line", Variable{Type: TypeString}, "a\nb", []string{"one line"}},
		{"string type", Variable{Type: TypeString}, 5.0, []string{"must be a string"}},
		{"required", Variable{Type: TypeString, Required: true}, "", []string{"is required"}},
		{"unknown type", Variable{Type: "colour"}, "red", []string{"unknown type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.v.Name = "x"
			_, err := tt.v.Check(tt.raw)
			e, ok := apperr.As(err)
			if !ok || e.Kind != apperr.Invalid || len(e.Fields) != len(tt.msgs) {
				t.Fatalf("Check(%#v) = %v, want %d problems", tt.raw, err, len(tt.msgs))
			}
			for i, m := range tt.msgs {
				if e.Fields[i].Path != "x" || !strings.Contains(e.Fields[i].Message, m) {
					t.Errorf("problem %d = %+v, want %q", i, e.Fields[i], m)
				}
			}
		})
	}
}

func TestCheckEveryBound(t *testing.T) {
	v := Variable{Name: "n", Type: TypeInteger, Bounds: Range{Min: ptr(10), Max: ptr(5)}}
	_, err := v.Check(7)
	e, _ := apperr.As(err)
	if e == nil || len(e.Fields) != 2 {
		t.Fatalf("want both bounds reported, got %v", err)
	}
}

func TestOptionalUnset(t *testing.T) {
	val := mustCheck(t, Variable{Name: "x", Type: TypeMoney}, nil)
	if !val.IsZero() || val.Format(EN) != "" || val.Raw() != nil {
		t.Errorf("unset value = %#v", val)
	}
	if b, _ := json.Marshal(val); string(b) != "null" {
		t.Errorf("unset JSON = %s", b)
	}
}

func TestFloat(t *testing.T) {
	tests := []struct {
		v    Variable
		raw  any
		want float64
		ok   bool
	}{
		{Variable{Type: TypeMoney}, "1250.50", 1250.5, true},
		{Variable{Type: TypePercent}, 10, 10, true},
		{Variable{Type: TypeDecimal}, "2.5", 2.5, true},
		{Variable{Type: TypeInteger}, 30, 30, true},
		{Variable{Type: TypeDuration}, "6 months", 0, false},
	}
	for _, tt := range tests {
		got, ok := mustCheck(t, tt.v, tt.raw).Float()
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s Float() = %v, %v; want %v, %v", tt.v.Type, got, ok, tt.want, tt.ok)
		}
	}
	if c, ok := mustCheck(t, Variable{Type: TypeMoney}, "0.07").Cents(); c != 7 || !ok {
		t.Errorf("Cents() = %d, %v", c, ok)
	}
}

func TestUnmarshalRejects(t *testing.T) {
	for _, in := range []string{`{"type":"money","value":"1.001"}`, `{"type":"date","value":3}`, `[1]`} {
		var v Value
		if err := json.Unmarshal([]byte(in), &v); err == nil {
			t.Errorf("Unmarshal(%s) accepted %#v", in, v)
		}
	}
}
