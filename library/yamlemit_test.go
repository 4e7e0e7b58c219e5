package library

import (
	"testing"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
)

func mustReadBack(t *testing.T, emitted string) string {
	t.Helper()
	var v struct {
		K string `yaml:"k"`
	}
	if err := yaml.Unmarshal([]byte("k: "+emitted+"\n"), &v); err != nil {
		t.Fatalf("emitted %q does not parse: %v", emitted, err)
	}
	return v.K
}

func TestScalarRoundTrip(t *testing.T) {
	tests := []struct {
		in    string
		plain bool
	}{
		{"Limitation of Liability", true},
		{"Limitation de responsabilité, « Ville »\u00a0; 10\u00a0%", true},
		{"Remarque\u00a0: texte", false},
		{"2026-01-15", true},
		{"2026-01-05T00:00:00Z", true},
		{"2000000", false},
		{"6 months", false},
		{"yes", false},
		{"a: b", false},
		{"a #b", false},
		{"- item", false},
		{"[x]", false},
		{"", false},
		{" lead", false},
		{"trail ", false},
		{"tab\there", false},
		{`quote "x" and \ backslash`, true},
		{"'single", false},
		{"1e3", false},
		{".inf", false},
		{"C'est la « Ville »", true},
		{"a {b} [c], d", true},
		{"ends with:", false},
		{"\u2028", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			out := scalar(tt.in)
			if (out == tt.in) != tt.plain {
				t.Errorf("scalar(%q) = %q, plain = %v, want %v", tt.in, out, out == tt.in, tt.plain)
			}
			if got := mustReadBack(t, out); got != tt.in {
				t.Errorf("read back %q, want %q", got, tt.in)
			}
		})
	}
}

func TestLiteralBlock(t *testing.T) {
	for _, s := range []string{"line one\nline two", "para\n\nafter blank", "a\n  indented"} {
		lit, ok := literalBlock(s, 2)
		if !ok {
			t.Fatalf("literalBlock(%q) refused", s)
		}
		var v struct {
			K string `yaml:"k"`
		}
		if err := yaml.Unmarshal([]byte("k: "+lit+"\n"), &v); err != nil || v.K != s {
			t.Errorf("literal %q read back as %q, %v", lit, v.K, err)
		}
	}
	for _, s := range []string{"one line", "trailing\n", " lead\nx", "space \nx"} {
		if _, ok := literalBlock(s, 2); ok {
			t.Errorf("literalBlock(%q) accepted", s)
		}
	}
}

func FuzzScalar(f *testing.F) {
	for _, s := range []string{"a", "2026-01-15", "x: y", "«\u00a0Ville\u00a0»", "a\nb", "#", "- a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var v struct {
			K string `yaml:"k"`
		}
		out := scalar(s)
		if err := yaml.Unmarshal([]byte("k: "+out+"\n"), &v); err != nil {
			t.Fatalf("scalar(%q) = %q does not parse: %v", s, out, err)
		}
		if v.K != s {
			t.Fatalf("scalar(%q) = %q reads back as %q", s, out, v.K)
		}
	})
}
